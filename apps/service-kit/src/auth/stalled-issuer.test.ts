/**
 * A fresh pod (it never had the issuer's keys) whose issuer accepts connections and never answers:
 * a TCP server that accepts and stays silent stands in for a user service hung on a stalled event
 * loop or a half-open connection through the mesh. Authenticated requests to a real app (real
 * Redis) must not each wait the key-set fetch's timeout for their 503.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { standInConfig } from '../../test/stand-in-env.ts';
import { remoteTokenVerifier } from './jwt.ts';
import { RETRY_AFTER_SECONDS } from '../http/problem.ts';

/** Requests sent at once, as a busy pod gets them the moment it is added. */
const N = 20;

let issuer: Server;
const sockets = new Set<Socket>();
/** Key-set requests the issuer received (and never answered). */
let fetches = 0;
/** Connections that carry a key-set request and are open now: a fetch under way, until it is given up. */
const asking = new Set<Socket>();
/** Settle at the issuer's next key-set request. */
const fetchWaiters: Array<() => void> = [];
const nextFetch = () => new Promise<'fetched'>((r) => fetchWaiters.push(() => r('fetched')));
let issuerUrl: URL;
let app: App;

/**
 * Key-set requests still open at the issuer, asked on a new connection: sent after an answer came,
 * it arrives behind the FIN of any fetch the app gave up before that answer.
 */
const openFetches = async (): Promise<number> => Number(await (await fetch(new URL('/probe', issuerUrl))).text());

beforeAll(async () => {
  issuer = createServer((socket) => {
    // A request, not a connection: undici may open a spare connection of its own when a request is aborted.
    socket.once('data', (data: Buffer) => {
      if (data.toString().startsWith('GET /probe ')) {
        const body = String(asking.size);
        return void socket.end(`HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
      }
      fetches += 1;
      asking.add(socket);
      for (const w of fetchWaiters.splice(0)) w();
    });
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      asking.delete(socket);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => issuer.listen(0, '127.0.0.1', r));
  issuerUrl = new URL(`http://127.0.0.1:${(issuer.address() as AddressInfo).port}/.well-known/jwks.json`);
  const jwksUrl = issuerUrl.href;
  const config = standInConfig(jwksUrl, 'silent');
  app = await createApp({
    config,
    database: { ping: async () => undefined, close: async () => undefined },
    verifier: remoteTokenVerifier(config),
    logger: { level: 'silent' },
    domain: async (a) => {
      a.get('/api/v1/trips/mine', async () => ({ mine: true }));
    },
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => issuer.close(() => r()));
});

/** N requests with N different tokens (none verified before), each answer's status and Retry-After. */
const wave = async (label: string) => {
  const answers = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      // Well-formed enough to reach the key lookup (its header names a kid the pod does not know).
      const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'k1' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: `u-${label}-${i}` })).toString('base64url');
      const res = await app.inject({ method: 'GET', url: '/api/v1/trips/mine', headers: { authorization: `Bearer ${header}.${payload}.c2ln` } });
      return { status: res.statusCode, retryAfter: Number(res.headers['retry-after']) };
    }),
  );
  return { statuses: [...new Set(answers.map((a) => a.status))], retryAfter: Math.max(...answers.map((a) => a.retryAfter)) };
};

describe('a fresh pod whose issuer accepts connections and never answers', () => {
  it('waits the key-set fetch once, shared by the requests of that moment, then answers 503 at once with Retry-After, the retry not holding requests either', async () => {
    // The first wave: the pod asked once as it started (not counted from zero here: that start fetch is
    // the one), and all of them wait for that fetch's timeout (2 s), no fetch of their own.
    await expect.poll(() => fetches).toBe(1);
    const first = await wave('first');
    expect(first.statuses).toEqual([503]);
    expect(fetches).toBe(1);
    // Answered once the start fetch was given up, not while it was under way.
    expect(await openFetches()).toBe(0);
    // Right after: the issuer did not answer a moment ago; asking again would make each request wait 2 s more.
    // Raced against the issuer's next key-set request: a wave that fetched (and so waited) loses.
    const second = await Promise.race([wave('second'), nextFetch()]);
    console.log(`stalled issuer: second wave ${JSON.stringify(second)}, fetches ${fetches}`);
    if (second === 'fetched') throw new Error('the second wave fetched the keys again');
    expect(second.statuses).toEqual([503]);
    expect(fetches).toBe(1);
    expect(second.retryAfter).toBeGreaterThanOrEqual(1);
    expect(second.retryAfter).toBeLessThanOrEqual(RETRY_AFTER_SECONDS.unavailable);
    // Once the retry is due: it goes out once, and the requests that come while it waits are not held for it.
    await new Promise((r) => setTimeout(r, RETRY_AFTER_SECONDS.unavailable * 1000));
    const third = await wave('third');
    expect(third.statuses).toEqual([503]);
    await expect.poll(() => fetches).toBe(2);
    // Answered while the retry was still under way (it gives up only at its 2 s timeout).
    expect(await openFetches()).toBe(1);
    console.log(`stalled issuer, the retry due: a wave of ${N}, fetches ${fetches}`);
  }, 20_000);
});
