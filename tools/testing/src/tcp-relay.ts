/**
 * A TCP relay on a port of its own, in front of a server the test keeps running: cut, it drops every
 * connection it carries (kept-alive ones included) and resets each new one, so the server is out of
 * reach for its clients without being stopped; stalled, it keeps every connection open and accepts
 * new ones but carries nothing either way (a black-holed or hung server: the bytes wait, as in TCP
 * buffers, and flow again when mended); hung up, it closes every connection it carries and each new
 * one as soon as it is accepted, without a reset (a server or proxy that accepts and hangs up);
 * mended, it relays again. Told to hold the answer to a request, it stalls as soon as a client sends
 * that request, so that the server's answer waits at the relay: a test acts on the client in the
 * window between its request and the answer (a Redis client's handshake), then mends. The target can be set after the
 * relay's address was handed out (a service started with the relay's URL before its peer).
 */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface TcpRelay {
  /** `target` (a URL of any scheme) with its host and port replaced by the relay's. */
  via(target: string): string;
  /** Where to relay to (a URL of any scheme: its host and port). */
  to(target: string): void;
  cut(): void;
  /** Accept and hold: connections stay open, nothing is carried until mend(). */
  stall(): void;
  /** Accept and close (FIN, not a reset), open connections too, until mend(). */
  hangUp(): void;
  /**
   * Stalls (as stall()) as soon as a client sends bytes containing `request` (case-insensitive: a
   * Redis command as RESP writes its name, '$4\r\ninfo\r\n'), once, after relaying them; resolves
   * once the server's answer is held at the relay, passed on at mend().
   */
  holdAnswerTo(request: string): Promise<void>;
  mend(): void;
  close(): Promise<void>;
}

export const startTcpRelay = async (opts: { target?: string; cut?: boolean } = {}): Promise<TcpRelay> => {
  let target = opts.target === undefined ? undefined : new URL(opts.target);
  let cut = opts.cut ?? false;
  let stalled = false;
  let hungUp = false;
  /** The request whose answer to hold, and what to tell once it is held. */
  let holding: { readonly request: string; readonly held: (upstream: Socket) => void } | undefined;
  const open = new Set<Socket>();
  /** Carried connections, client side first. */
  const pairs = new Set<readonly [Socket, Socket]>();
  const hold = ([client, upstream]: readonly [Socket, Socket]) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const carry = ([client, upstream]: readonly [Socket, Socket]) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const track = (s: Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
    s.on('error', () => undefined);
    return s;
  };
  const server = createServer((client) => {
    if (cut || !target) return void client.resetAndDestroy();
    if (hungUp) return void track(client).end();
    const upstream = track(connect(Number(target.port), target.hostname));
    track(client);
    const pair = [client, upstream] as const;
    pairs.add(pair);
    client.once('close', () => (pairs.delete(pair), upstream.destroy()));
    upstream.once('close', () => client.destroy());
    if (stalled) hold(pair);
    else carry(pair);
    // After the pipe's own listener: the bytes are on their way to the server when it stalls.
    client.on('data', (chunk: Buffer) => {
      if (!holding || !chunk.toString('latin1').toLowerCase().includes(holding.request)) return;
      const { held } = holding;
      holding = undefined;
      relay.stall();
      held(upstream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const relay: TcpRelay = {
    via(url) {
      const at = new URL(url);
      at.hostname = '127.0.0.1';
      at.port = String(port);
      return at.toString().replace(/\/$/, '');
    },
    to(url) {
      target = new URL(url);
    },
    cut() {
      cut = true;
      for (const s of open) s.destroy();
    },
    stall() {
      if (stalled) return;
      stalled = true;
      pairs.forEach(hold);
    },
    hangUp() {
      hungUp = true;
      for (const s of open) s.end();
    },
    holdAnswerTo: (request) =>
      new Promise<void>((resolve) => {
        holding = {
          request: request.toLowerCase(),
          // Paused, the socket still reads into its buffer: the answer is there once it came.
          held: (upstream) => {
            const answered = () => (upstream.readableLength > 0 || upstream.destroyed ? resolve() : void setTimeout(answered, 5));
            answered();
          },
        };
      }),
    mend() {
      cut = false;
      hungUp = false;
      if (!stalled) return;
      stalled = false;
      pairs.forEach(carry);
    },
    close: () => new Promise<void>((resolve) => (open.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
  return relay;
};
