/**
 * The verifier's read of the issuer's revocations while cut off from Redis (revocation-feed.ts), against
 * a user service of the release before, which has no such route (404: docs/api.md, internal routes) and
 * keeps answering so until it is rolled, while Redis stays out of reach (a real client, no server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTokenRevocations } from './revocations.ts';
import { revocationFeed } from './revocation-feed.ts';

let issuer: Server;
let reads = 0;
beforeAll(async () => {
  issuer = createServer((req, res) => {
    reads += 1;
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Route not found"}');
  });
  await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => new Promise<void>((resolve) => issuer.close(() => resolve())));

it('logs once, not each period, that the issuer has no revocations route; a new problem is logged again', async () => {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  // Never connected: the pod cut off from Redis.
  const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const subscriber = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const revocations = createTokenRevocations({ redis, subscriber, waitMs: 0, onError: () => undefined });
  const { port } = issuer.address() as AddressInfo;
  const feed = revocationFeed({ jwksUrl: `http://127.0.0.1:${port}/api/v1/auth/jwks.json`, revocations, redis, subscriber, log, everyMs: 20 });
  try {
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reads).toBeGreaterThanOrEqual(5);
    // Before: one warning a period (every 30 s per pod in production), as many as reads.
    const warned = () => lines.filter((l) => l.level >= 40);
    expect(warned().length).toBe(1);
    // Another problem (the issuer gone) is news: logged.
    await new Promise<void>((resolve) => issuer.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(warned().length).toBe(2);
  } finally {
    feed.close();
    revocations.close();
    redis.disconnect();
    subscriber.disconnect();
  }
});

/** An issuer that accepts the revocations' read and never answers it (the user service out of reach behind the mesh). */
const silentIssuer = async (): Promise<{ url: string; held: Set<Socket>; close: () => Promise<void> }> => {
  const held = new Set<Socket>();
  const server = createServer(() => undefined);
  server.on('connection', (socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/auth/jwks.json`,
    held,
    close: async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

it("the readiness read waits at most feedTimeoutMs, even when it shares a period's read in flight (bounded by the period)", { timeout: 20_000 }, async () => {
  const issuer = await silentIssuer();
  const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const subscriber = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const revocations = createTokenRevocations({ redis, subscriber, waitMs: 0, onError: () => undefined });
  const EVERY_MS = 4_000;
  const feed = revocationFeed({ jwksUrl: issuer.url, revocations, redis, subscriber, log: pino({ level: 'silent' }), everyMs: EVERY_MS });
  try {
    // The first period's read starts, and holds, before readiness asks.
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS + 200));
    expect(issuer.held.size).toBe(1);
    const asked = Date.now();
    expect(await feed.learn()).toBe(false);
    const waited = Date.now() - asked;
    console.log(`readiness waited ${waited} ms for the issuer's revocations (bound ${TOKEN_REVOCATIONS.feedTimeoutMs} ms, period ${EVERY_MS} ms)`);
    // Before: it shared the period's read and waited out its bound, the period (3.8 s here; up to 30 s in production).
    expect(waited).toBeLessThan(TOKEN_REVOCATIONS.feedTimeoutMs + 500);
  } finally {
    feed.close();
    revocations.close();
    redis.disconnect();
    subscriber.disconnect();
    await issuer.close();
  }
});
