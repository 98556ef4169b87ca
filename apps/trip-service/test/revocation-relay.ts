/**
 * The user service's revocations record as a trip pod cut off from Redis reads it
 * (revocation-feed-pages.test.ts, revocation-feed-slow-issuer.test.ts): a relay in front of the user
 * service whose revocations answers can be refused (the release before's validation) or held.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { JWKS_PATH, REVOCATIONS_PATH } from '@tripgen/catalog';
import { call, type Stack } from './harness.ts';

export interface RevocationsRelay {
  /** The JWKS_URL a pod is given: the feed reads the record at its origin. */
  readonly jwks: string;
  /** Each revocations query's search string, in order. */
  readonly queries: string[];
  /** When each revocations query came, and when each answer left (Date.now()). */
  readonly askedAt: number[];
  readonly answeredAt: number[];
  close(): Promise<void>;
}

export interface RelayOptions {
  /** Answers the query with the 400 of a release that refuses it instead of relaying it. */
  readonly refuse?: (query: URLSearchParams) => boolean;
  /** How long a revocations answer of so many bytes is held before it goes on. */
  readonly holdMs?: (bytes: number) => number;
}

export const relayRevocations = async (stack: Stack, opts: RelayOptions = {}): Promise<RevocationsRelay> => {
  const queries: string[] = [];
  const askedAt: number[] = [];
  const answeredAt: number[] = [];
  const relay: Server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', stack.user.url);
    const revocations = url.pathname === REVOCATIONS_PATH;
    if (revocations) {
      queries.push(url.search);
      askedAt.push(Date.now());
      if (opts.refuse?.(url.searchParams)) {
        res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'querystring must NOT have additional properties' }));
        return;
      }
    }
    void fetch(new URL(`${url.pathname}${url.search}`, stack.user.url)).then(async (answer) => {
      const body = Buffer.from(await answer.arrayBuffer());
      const hold = revocations ? opts.holdMs?.(body.length) : undefined;
      if (hold !== undefined) await new Promise((resolve) => setTimeout(resolve, hold));
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(body);
      if (revocations) answeredAt.push(Date.now());
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    jwks: `http://127.0.0.1:${(relay.address() as { port: number }).port}${JWKS_PATH}`,
    queries,
    askedAt,
    answeredAt,
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
};

/** The status of the traveller's trips list on a pod: 401 once it refuses the token. */
export const tripsStatus = async (base: string, authorization: string): Promise<number> => (await call(base, 'GET', '/api/v1/trips', { headers: { authorization } })).status;

/** The session id (`sid`) of an access token. */
export const sessionOf = (authorization: string): string => (JSON.parse(Buffer.from(authorization.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;
