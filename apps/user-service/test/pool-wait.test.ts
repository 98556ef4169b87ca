/**
 * An interactive transaction (a login's credentialsRead, every $transaction(async (tx) => ...) of
 * the services) waits for a pooled connection exactly as long as a query does: the pool's wait
 * (service kit, CONNECT_TIMEOUT_MS, node-postgres `connectionTimeoutMillis`), one figure. Before,
 * the transaction waited Prisma's own default `maxWait` (2 s), a second figure that only happened
 * to equal the kit's. The pool's connections are held busy by a transaction of our own, so that
 * the wait does not depend on the machine's load.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrismaClient, isDependencyOutage } from '@tripgen/service-kit';
import { createTestDatabase, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';

/** Prisma's default maxWait (@prisma/client runtime: transactionOptions.maxWait ?? 2e3). */
const PRISMA_DEFAULT_MAX_WAIT_MS = 2_000;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('user_pool_wait');
});
afterAll(async () => {
  await db?.drop();
});

/** Runs `waiters` while a transaction of the same client holds its only connection for `holdMs`: 'done', or the error of each. */
const whileHeld = async (prisma: PrismaClient, holdMs: number, waiters: (() => Promise<unknown>)[]): Promise<unknown[]> => {
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  const holding = prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SELECT 1');
      held();
      await sleep(holdMs);
    },
    { timeout: holdMs + 60_000 },
  );
  await isHeld;
  const outcomes = await Promise.all(waiters.map((waiter) => waiter().then(() => 'done', (err: unknown) => err)));
  await holding;
  return outcomes;
};

it("lets a transaction wait for a pooled connection as long as the client's queries may, not Prisma's 2 s default", { timeout: 60_000 }, async () => {
  // A pool whose wait is longer than Prisma's default (a one-shot command's is 60 s); held past that default.
  const prisma = createPrismaClient(PrismaClient, db.url, 1, { connectTimeoutMs: 30_000 });
  try {
    const outcomes = await whileHeld(prisma, PRISMA_DEFAULT_MAX_WAIT_MS + 1_500, [
      () => prisma.$queryRawUnsafe('SELECT 1'),
      () => prisma.$transaction(async (tx) => tx.$queryRawUnsafe('SELECT 1')),
    ]);
    expect(outcomes.map((o) => (o instanceof Error ? o.message : o)), 'a query, then a transaction, waiting for the only connection').toEqual(['done', 'done']);
  } finally {
    await prisma.$disconnect();
  }
});

it("gives a transaction's wait for a pooled connection up as a query's: the database out of reach (a 503 with Retry-After), not a 500", { timeout: 60_000 }, async () => {
  const prisma = createPrismaClient(PrismaClient, db.url, 1, { connectTimeoutMs: 300 });
  try {
    // Held until well after both gave up (the pool's 300 ms), whatever the machine's load.
    const outcomes = await whileHeld(prisma, PRISMA_DEFAULT_MAX_WAIT_MS + 1_500, [
      () => prisma.$queryRawUnsafe('SELECT 1'),
      () => prisma.$transaction(async (tx) => tx.$queryRawUnsafe('SELECT 1')),
    ]);
    expect(outcomes.map((o) => (o instanceof Error ? `${isDependencyOutage(o) ? 'outage' : 'other'}: ${o.message}` : o))).toEqual([
      expect.stringMatching(/^outage: /),
      expect.stringMatching(/^outage: /),
    ]);
  } finally {
    await prisma.$disconnect();
  }
});
