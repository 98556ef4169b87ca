/**
 * One HTTP/1.1 keep-alive connection driven by hand, for tests about what happens on the wire
 * (a large body answered early, then the next request on the same connection): fetch would hide
 * which connection a request used.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface RawConnection {
  /** Writes a request: the head (request line and headers, without the blank line) and the body. */
  send(head: string, body?: Buffer): Promise<void>;
  /** The next complete response (Content-Length or chunked); rejects if the connection closes first. */
  response(): Promise<RawResponse>;
  /** Whether the server has closed (or reset) the connection. */
  readonly closed: boolean;
  close(): void;
}

const parse = (buf: Buffer): { response: RawResponse; rest: Buffer } | undefined => {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
  let at = end + 4;
  if (headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', at);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buf.subarray(at, lineEnd).toString('latin1'), 16);
      if (buf.length < lineEnd + 2 + size + 2) return undefined;
      parts.push(buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
      if (size === 0) break;
    }
    return { response: { status, headers, body: Buffer.concat(parts).toString('utf8') }, rest: buf.subarray(at) };
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < at + length) return undefined;
  return { response: { status, headers, body: buf.subarray(at, at + length).toString('utf8') }, rest: buf.subarray(at + length) };
};

export const openRawConnection = (baseUrl: string): Promise<RawConnection> =>
  new Promise((resolve, reject) => {
    const url = new URL(baseUrl);
    const socket: Socket = connect(Number(url.port), url.hostname);
    let buffered = Buffer.alloc(0);
    let closed = false;
    let waiter: (() => void) | undefined;
    socket.on('data', (d: Buffer) => {
      buffered = Buffer.concat([buffered, d]);
      waiter?.();
    });
    const onEnd = () => {
      closed = true;
      waiter?.();
    };
    socket.on('close', onEnd);
    socket.on('error', onEnd);
    socket.once('connect', () =>
      resolve({
        get closed() {
          return closed;
        },
        send: (head, body) =>
          new Promise<void>((done, fail) => {
            const write = (chunk: Buffer | string) => new Promise<void>((ok) => (socket.write(chunk) ? ok() : socket.once('drain', ok)));
            (async () => {
              await write(`${head}\r\n\r\n`);
              // In slices, as a client uploading a large body does, letting the server answer early.
              for (let i = 0; body && i < body.length; i += 64 * 1024) {
                if (closed) throw new Error('the server closed the connection while the body was being sent');
                await write(body.subarray(i, i + 64 * 1024));
              }
            })().then(done, fail);
          }),
        response: () =>
          new Promise<RawResponse>((done, fail) => {
            const check = () => {
              const parsed = parse(buffered);
              if (parsed) {
                buffered = Buffer.from(parsed.rest);
                waiter = undefined;
                done(parsed.response);
              } else if (closed) {
                waiter = undefined;
                fail(new Error('the server closed the connection before a complete response'));
              }
            };
            waiter = check;
            check();
          }),
        close: () => socket.destroy(),
      }),
    );
    socket.once('error', reject);
  });
