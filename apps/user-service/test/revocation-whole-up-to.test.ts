/**
 * TOKEN_REVOCATIONS.wholeUpToKey, the instant up to which Redis holds every revocation user_db recorded
 * (where a verifier cut off from Redis starts reading the record), is written by each user-service
 * replica after its write-back. Two replicas writing back at once: the one whose read came first and
 * whose write came last moved it back. Two connections as two replicas, on a redis-server of the test's own
 * (the key is shared by every service on the stack's Redis).
 */
import { randomUUID } from 'node:crypto';
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import type { Kit } from '@tripgen/service-kit';
import { startRedisServer, testPrismaClient, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { durableRevocations, recordRevocation, revocationsPage, writeWholeUpTo } from '../src/domain/revocation-records.ts';
import { startUserService, type RunningUserService } from './harness.ts';

let server: OwnRedisServer;
let replica: RunningUserService;
let first: Kit['redis'];
let second: Kit['redis'];
beforeAll(async () => {
  server = await startRedisServer();
  // Its period far above the test's length: its start's write-back writes the key once, then nothing.
  replica = await startUserService({ env: { REDIS_URL: server.url }, revocationRepublishEveryMs: 3_600_000 });
  first = replica.app.kit.redis;
  second = first.duplicate();
  await waitFor(() => second.status === 'ready', 'the second connection ready (no offline queue)');
  await waitFor(async () => (await first.get(TOKEN_REVOCATIONS.wholeUpToKey)) !== null, 'the start write-back written');
});
afterAll(async () => {
  second?.disconnect();
  await replica?.close();
  await server?.close();
});

/** Beyond learnOverlapMs: a node whose clock drifted (no NTP) two minutes. */
const AHEAD_MS = 2 * TOKEN_REVOCATIONS.learnOverlapMs;

it(`a replica whose clock runs ${AHEAD_MS} ms ahead writes back: a revocation recorded after its read is still read by a verifier starting from the key`, async () => {
  // First in the file: the key only moves on, and the other cases set it ahead.
  await first.del(TOKEN_REVOCATIONS.wholeUpToKey);
  const prisma = testPrismaClient(PrismaClient, replica.db.url, 1);
  const real = Date.now.bind(Date);
  // The replica's process clock ahead for its write-back alone (its start's and the one asked), as a pod on a node ahead.
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => real() + AHEAD_MS);
  try {
    const records = durableRevocations({ prisma, revocations: replica.app.kit.revocations, redis: first, log: replica.app.log, republishEveryMs: 3_600_000, leaseKey: `clock-ahead-${randomUUID()}` });
    await records.republish();
    await records.stop();
  } finally {
    spy.mockRestore();
  }
  const wholeUpTo = Number(await first.get(TOKEN_REVOCATIONS.wholeUpToKey));
  // A sign-out after the read, recorded (user_db's clock) but never written to Redis (the replica's connection cut off).
  const userId = randomUUID();
  const revokedAt = await recordRevocation(prisma, userId);
  // A verifier cut off later reads the record from learnOverlapMs before the key (the kit's revocation-feed.ts).
  const page = await revocationsPage(prisma, wholeUpTo - TOKEN_REVOCATIONS.learnOverlapMs, 1_000);
  // Before: the key was the pod's clock, ${AHEAD_MS} ms ahead of user_db's: the read started after the sign-out and skipped it.
  expect(wholeUpTo).toBeLessThanOrEqual(revokedAt);
  expect(page.accounts.map((a) => a.userId)).toContain(userId);
  await prisma.$disconnect();
  // Before, left 2 minutes ahead, it failed the next case too.
  await first.del(TOKEN_REVOCATIONS.wholeUpToKey);
});

it('two replicas writing back at once: the later read instant stands, whichever writes last', async () => {
  // Ahead of the replica's own write at its start.
  const now = Date.now() + 60_000;
  // The second replica read user_db 2 s after the first and wrote first.
  expect(await writeWholeUpTo(second, now)).toBe(true);
  // Before: the first's older instant replaced it (now - 2000).
  expect(await writeWholeUpTo(first, now - 2_000)).toBe(false);
  expect(Number(await first.get(TOKEN_REVOCATIONS.wholeUpToKey))).toBe(now);
  // A later read moves it on, and it expires after a token's lifetime as before.
  expect(await writeWholeUpTo(first, now + 1_000)).toBe(true);
  expect(Number(await second.get(TOKEN_REVOCATIONS.wholeUpToKey))).toBe(now + 1_000);
  const ttl = await second.pttl(TOKEN_REVOCATIONS.wholeUpToKey);
  expect(ttl).toBeGreaterThan(TOKEN_REVOCATIONS.lifetimeMs - 5_000);
  expect(ttl).toBeLessThanOrEqual(TOKEN_REVOCATIONS.lifetimeMs);
});

it('many replicas writing at once, the latest first: the latest instant stands', async () => {
  const now = Date.now() + 120_000;
  const instants = Array.from({ length: 20 }, (_, i) => now + i * 7);
  // Sent together, alternating connections, the latest first (before: the earliest stood).
  await Promise.all([...instants].reverse().map((at, i) => writeWholeUpTo(i % 2 === 0 ? first : second, at)));
  expect(Number(await first.get(TOKEN_REVOCATIONS.wholeUpToKey))).toBe(Math.max(...instants));
});
