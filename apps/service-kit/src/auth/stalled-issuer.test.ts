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
let app: App;

beforeAll(async () => {
  issuer = createServer((socket) => {
    // A request, not a connection: undici may open a spare connection of its own when a request is aborted.
    socket.once('data', () => (fetches += 1));
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => issuer.listen(0, '127.0.0.1', r));
  const jwksUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/.well-known/jwks.json`;
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

/** N requests with N different tokens (none verified before), each answer's status, Retry-After and time. */
const wave = async (label: string) => {
  const answers = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const from = performance.now();
      // Well-formed enough to reach the key lookup (its header names a kid the pod does not know).
      const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'k1' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: `u-${label}-${i}` })).toString('base64url');
      const res = await app.inject({ method: 'GET', url: '/api/v1/trips/mine', headers: { authorization: `Bearer ${header}.${payload}.c2ln` } });
      return { status: res.statusCode, retryAfter: Number(res.headers['retry-after']), ms: performance.now() - from };
    }),
  );
  return { statuses: [...new Set(answers.map((a) => a.status))], retryAfter: Math.max(...answers.map((a) => a.retryAfter)), slowestMs: Math.max(...answers.map((a) => a.ms)) };
};

describe('a fresh pod whose issuer accepts connections and never answers', () => {
  it('waits the key-set fetch once, shared by the requests of that moment, then answers 503 at once with Retry-After, the retry not holding requests either', async () => {
    // The first wave: the pod asked once as it started (not counted from zero here: that start fetch is
    // the one), and all of them wait for that fetch's timeout (2 s), no fetch of their own.
    const first = await wave('first');
    expect(first.statuses).toEqual([503]);
    expect(fetches).toBe(1);
    expect(first.slowestMs).toBeGreaterThan(1_500);
    // Right after: the issuer did not answer a moment ago; asking again would make each request wait 2 s more.
    const second = await wave('second');
    console.log(`stalled issuer: first wave of ${N} slowest ${first.slowestMs.toFixed(0)} ms, second wave slowest ${second.slowestMs.toFixed(0)} ms, fetches ${fetches}`);
    expect(second.statuses).toEqual([503]);
    expect(second.slowestMs).toBeLessThan(500);
    expect(fetches).toBe(1);
    expect(second.retryAfter).toBeGreaterThanOrEqual(1);
    expect(second.retryAfter).toBeLessThanOrEqual(RETRY_AFTER_SECONDS.unavailable);
    // Once the retry is due: it goes out once, and the requests that come while it waits are not held for it.
    await new Promise((r) => setTimeout(r, RETRY_AFTER_SECONDS.unavailable * 1000));
    const third = await wave('third');
    expect(third.statuses).toEqual([503]);
    expect(third.slowestMs).toBeLessThan(500);
    await expect.poll(() => fetches).toBe(2);
    console.log(`stalled issuer, the retry due: a wave of ${N} slowest ${third.slowestMs.toFixed(0)} ms, fetches ${fetches}`);
  }, 20_000);
});
