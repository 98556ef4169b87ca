/**
 * An interactive transaction (a login's credentialsRead, every $transaction(async (tx) => ...) of
 * the services) may run as long as one of its client's statements may (service kit,
 * QUERY_TIMEOUT_MS, or the client's own queryTimeoutMs), one figure. Before, it ran Prisma's own
 * default `timeout` (5 s), a second figure that only happened to equal the kit's. The transaction
 * here outlasts its budget by sleeping, not by a slow statement, so that it does not depend on the
 * machine's load; no time is measured but Prisma's own report of the budget it applied.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrismaClient, QUERY_TIMEOUT_MS } from '@tripgen/service-kit';
import { createTestDatabase, testPrismaClient, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';

/** Prisma's default interactive timeout (@prisma/client runtime: transactionOptions.timeout ?? 5e3). */
const PRISMA_DEFAULT_TIMEOUT_MS = 5_000;

let db: TestDatabase;
/**
 * The test's own statements around the transaction (the table, the count kept), on a test client: on
 * the client under test, whose statement limit is 1 s in the first case, a CREATE TABLE or TRUNCATE
 * slowed by the machine's load failed the case ("Query read timeout") before its transaction began.
 */
let own: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('user_tx_budget');
  own = testPrismaClient(PrismaClient, db.url, 1);
});
afterAll(async () => {
  await own?.$disconnect();
  await db?.drop();
});

/** A transaction that writes a row, then is still running `runMs` later: 'done', or its error as `code: message`; and whether its row was kept. */
const longTransaction = async (prisma: PrismaClient, runMs: number): Promise<{ outcome: string; kept: number }> => {
  await own.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS tx_budget_probe (id int)');
  await own.$executeRawUnsafe('TRUNCATE tx_budget_probe');
  const outcome = await prisma
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe('INSERT INTO tx_budget_probe VALUES (1)');
      await sleep(runMs);
      await tx.$executeRawUnsafe('INSERT INTO tx_budget_probe VALUES (2)');
    })
    .then(
      () => 'done',
      (err: unknown) => `${(err as { code?: string }).code}: ${err instanceof Error ? err.message : String(err)}`,
    );
  const [row] = await own.$queryRawUnsafe<{ kept: number }[]>('SELECT count(*)::int AS kept FROM tx_budget_probe');
  return { outcome, kept: row?.kept ?? Number.NaN };
};

it("ends a transaction that runs past its client's statement limit, not Prisma's 5 s default: P2028 (a 503), nothing kept", { timeout: 60_000 }, async () => {
  // A client whose statement limit is shorter than Prisma's default; run well past it, well short of that default.
  const queryTimeoutMs = 1_000;
  const prisma = createPrismaClient(PrismaClient, db.url, 2, { queryTimeoutMs });
  try {
    expect(await longTransaction(prisma, queryTimeoutMs + 1_500), 'a transaction running past the statement limit').toEqual({
      outcome: expect.stringMatching(new RegExp(`^P2028: .*The timeout for this transaction was ${queryTimeoutMs} ms`, 's')),
      kept: 0,
    });
  } finally {
    await prisma.$disconnect();
  }
});

it("gives a request's transaction the kit's QUERY_TIMEOUT_MS as its whole budget", { timeout: 60_000 }, async () => {
  const prisma = createPrismaClient(PrismaClient, db.url, 2);
  try {
    expect(await longTransaction(prisma, Math.max(QUERY_TIMEOUT_MS, PRISMA_DEFAULT_TIMEOUT_MS) + 1_000)).toEqual({
      outcome: expect.stringMatching(new RegExp(`^P2028: .*The timeout for this transaction was ${QUERY_TIMEOUT_MS} ms`, 's')),
      kept: 0,
    });
  } finally {
    await prisma.$disconnect();
  }
});
