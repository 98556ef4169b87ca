/**
 * The verifier's read of the issuer's revocations while cut off from Redis (revocation-feed.ts), against
 * a user service of the release before, which has no such route (404: docs/api.md, internal routes) and
 * keeps answering so until it is rolled, while Redis stays out of reach (a real client, no server).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTokenRevocations } from './revocations.ts';
import { revocationFeed } from './revocation-feed.ts';

/** A pod cut off from Redis: real clients that never connect (no server), and the revocation set on them. */
const cutOff = () => {
  const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const subscriber = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  return { redis, subscriber, revocations: createTokenRevocations({ redis, subscriber, waitMs: 0, onError: () => undefined }) };
};
const closeCutOff = ({ redis, subscriber, revocations }: ReturnType<typeof cutOff>) => {
  revocations.close();
  redis.disconnect();
  subscriber.disconnect();
};

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
  const { redis, subscriber, revocations } = cutOff();
  const { port } = issuer.address() as AddressInfo;
  const feed = revocationFeed({ jwksUrl: `http://127.0.0.1:${port}/api/v1/auth/jwks.json`, revocations, redis, subscriber, log, everyMs: 20 });
  try {
    // Five reads, waited for: under load 400 ms saw two (a read is a request to the issuer, each 20 ms after the last's answer).
    await waitFor(() => reads >= 5, 'five reads of the issuer');
    // Before: one warning a period (every 30 s per pod in production), as many as reads.
    const warned = () => lines.filter((l) => l.level >= 40);
    expect(warned().length).toBe(1);
    // Another problem (the issuer gone) is news: logged, once however many periods pass.
    await new Promise<void>((resolve) => issuer.close(() => resolve()));
    await waitFor(() => warned().length >= 2, 'the new problem logged');
    // Then five more failed reads of it, waited for (each logs at debug, the same problem): a 200 ms sleep may hold no
    // read at all under load (400 ms held two, and none, above), and a warning a read would then have passed.
    const since = lines.length;
    const failedReads = () => lines.slice(since).filter((l) => l.msg === warned()[1]!.msg).length;
    await waitFor(() => failedReads() >= 5, 'five more failed reads of the issuer gone');
    expect(warned().length).toBe(2);
  } finally {
    feed.close();
    closeCutOff({ redis, subscriber, revocations });
  }
});

/** An issuer that accepts the revocations' read and never answers it (the user service out of reach behind the mesh). */
const silentIssuer = async (): Promise<{ url: string; pending: Set<ServerResponse>; close: () => Promise<void> }> => {
  // The requests it holds: a socket count would not do, the client may open an idle one after an abort.
  const pending = new Set<ServerResponse>();
  const server = createServer((_req, res) => {
    pending.add(res);
    res.on('close', () => pending.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/auth/jwks.json`,
    pending,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

it("the readiness read waits at most feedTimeoutMs, even when it shares a period's read in flight (bounded by the period)", { timeout: 40_000 }, async () => {
  const issuer = await silentIssuer();
  const { redis, subscriber, revocations } = cutOff();
  // A period far above the readiness bound, so that the bound is told from it by seconds, not by a load-sensitive margin.
  const EVERY_MS = 10_000;
  const feed = revocationFeed({ jwksUrl: issuer.url, revocations, redis, subscriber, log: pino({ level: 'silent' }), everyMs: EVERY_MS });
  try {
    // The first period's read starts, and holds, before readiness asks.
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS + 200));
    expect(issuer.pending.size).toBe(1);
    const asked = Date.now();
    expect(await feed.learn()).toBe(false);
    const waited = Date.now() - asked;
    console.log(`readiness waited ${waited} ms for the issuer's revocations (bound ${TOKEN_REVOCATIONS.feedTimeoutMs} ms, period ${EVERY_MS} ms)`);
    // Before: it shared the period's read and waited out its bound, the period (9.8 s here, 3.8 s at a 4 s period; up to 30 s in production).
    expect(waited).toBeLessThan((TOKEN_REVOCATIONS.feedTimeoutMs + EVERY_MS) / 2);
  } finally {
    feed.close();
    closeCutOff({ redis, subscriber, revocations });
    await issuer.close();
  }
});

it("close gives up a period's read in flight (app.close), not left to run out its bound, the period", { timeout: 20_000 }, async () => {
  const issuer = await silentIssuer();
  const { redis, subscriber, revocations } = cutOff();
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const EVERY_MS = 1_000;
  const feed = revocationFeed({ jwksUrl: issuer.url, revocations, redis, subscriber, log, everyMs: EVERY_MS });
  try {
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS + 200));
    expect(issuer.pending.size).toBe(1);
    const closed = Date.now();
    feed.close();
    // Before: the request stayed open until its bound (max(feedTimeoutMs, period): 1.8 s more here, up to 30 s in production).
    await waitFor(() => issuer.pending.size === 0, 'the read in flight given up', 500, 10);
    console.log(`the read in flight was given up ${Date.now() - closed} ms after close`);
    // Given up by close, not a failure to report.
    expect(warnings).toEqual([]);
  } finally {
    feed.close();
    closeCutOff({ redis, subscriber, revocations });
    await issuer.close();
  }
});

it('an issuer going away one way then another (a connection closed, then reset) is one problem, warned once', async () => {
  // A user service pod stopping, the mesh resetting: each read's error differs from the last, each was news.
  let served = 0;
  const going = createServer((req) => {
    served += 1;
    if (served % 2 === 0) req.socket.destroy();
    else req.socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => going.listen(0, '127.0.0.1', resolve));
  const lines: { level: number; err?: { message?: string } }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number }) });
  const { redis, subscriber, revocations } = cutOff();
  const { port } = going.address() as AddressInfo;
  const feed = revocationFeed({ jwksUrl: `http://127.0.0.1:${port}/api/v1/auth/jwks.json`, revocations, redis, subscriber, log, everyMs: 20 });
  try {
    // Waited for: under load 400 ms saw none.
    await waitFor(() => served >= 5, 'five reads of the going issuer');
    const warned = lines.filter((l) => l.level >= 40);
    console.log(`${served} reads, ${warned.length} warnings: ${[...new Set(warned.map((l) => l.err?.message))].join(' | ')}`);
    // Before: a warning a read, the message alternating ('other side closed', 'read ECONNRESET').
    expect(warned.length).toBe(1);
  } finally {
    feed.close();
    closeCutOff({ redis, subscriber, revocations });
    going.closeAllConnections();
    await new Promise<void>((resolve) => going.close(() => resolve()));
  }
});
