/**
 * The verifier's read of the issuer's revocations while cut off from Redis (revocation-feed.ts), against
 * a user service of the release before, which has no such route (404: docs/api.md, internal routes) and
 * keeps answering so until it is rolled, while Redis stays out of reach (a real client, no server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
