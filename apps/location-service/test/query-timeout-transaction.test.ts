/**
 * The pool's query time limit (service kit, QUERY_TIMEOUT_MS) inside a transaction: node-postgres
 * gives up waiting but leaves the statement running on the connection and drops what was queued
 * behind it (Prisma's ROLLBACK); the adapter then hands the connection back to the pool without an
 * error. A statement that legitimately waits longer than the limit (a row lock held by another
 * transaction) must not leave that connection, mid-transaction, to the next query: its writes would
 * run inside the abandoned transaction, answered as done yet never committed. Nor may it wait for
 * that ROLLBACK: a transaction on a server that stopped answering is given up within the limit.
 * A test's own client (@tripgen/testing testPrismaClient) is not held to it.
 */
import { createPrismaClient, QUERY_TIMEOUT_MS } from '@tripgen/service-kit';
import { createTestDatabase, queryRows, startTcpRelay, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { MIGRATIONS_DIR } from './harness.ts';

let db: TestDatabase;
let prisma: PrismaClient;
let holder: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('location_query_timeout', MIGRATIONS_DIR);
  await queryRows(db.url, 'CREATE TABLE counters (id int PRIMARY KEY, v int NOT NULL)');
  await queryRows(db.url, 'INSERT INTO counters VALUES (1, 0)');
  // One connection: the query after the timed-out transaction is certain to get the same one.
  prisma = createPrismaClient(PrismaClient, db.url, 1);
  holder = createPrismaClient(PrismaClient, db.url, 1);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await holder?.$disconnect();
  await db?.drop();
});

it('does not reuse a connection whose transaction timed out: the next write is committed', { timeout: 4 * QUERY_TIMEOUT_MS + 20_000 }, async () => {
  // Another transaction holds the row past the statement's and the ROLLBACK's time limits.
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = holder.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SELECT v FROM counters WHERE id = 1 FOR UPDATE');
      locked();
      await new Promise((resolve) => setTimeout(resolve, 2 * QUERY_TIMEOUT_MS + 1_000));
    },
    { timeout: 4 * QUERY_TIMEOUT_MS, maxWait: 5_000 },
  );
  await isLocked;
  await expect(
    prisma.$transaction((tx) => tx.$executeRawUnsafe('UPDATE counters SET v = v + 1 WHERE id = 1'), { timeout: 4 * QUERY_TIMEOUT_MS, maxWait: 5_000 }),
  ).rejects.toThrow();
  await holding;

  // The next write on the pool answers done: it must be there for everyone else.
  await prisma.$executeRawUnsafe('INSERT INTO counters VALUES (2, 0)');
  expect(await queryRows(db.url, 'SELECT id FROM counters WHERE id = 2')).toHaveLength(1);
  // And nothing of ours is left open in a transaction.
  expect(await queryRows(db.url, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'")).toEqual([]);
  // The timed-out transaction's update never took effect.
  expect(await queryRows(db.url, 'SELECT v FROM counters WHERE id = 1')).toEqual([{ v: 0 }]);
});

it('gives a transaction on a server that stopped answering up within the query time limit, not twice it (the ROLLBACK queued behind)', { timeout: 4 * QUERY_TIMEOUT_MS + 20_000 }, async () => {
  const relay = await startTcpRelay({ target: db.url });
  const stalled = createPrismaClient(PrismaClient, relay.via(db.url), 1);
  try {
    const started = Date.now();
    const outcome = await stalled.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('SELECT 1');
        relay.stall(); // on the connection the transaction holds
        await tx.$executeRawUnsafe('INSERT INTO counters VALUES (3, 0)');
      },
      { timeout: 4 * QUERY_TIMEOUT_MS, maxWait: 5_000 },
    ).then(() => 'committed', (err: Error) => err.message);
    expect(outcome).toMatch(/^Query read timeout/);
    expect(Date.now() - started).toBeLessThan(QUERY_TIMEOUT_MS + 2_000);
  } finally {
    relay.mend();
    await stalled.$disconnect().catch(() => undefined);
    await relay.close();
  }
  expect(await queryRows(db.url, 'SELECT id FROM counters WHERE id = 3')).toEqual([]);
});

it("lets a test's own client (testPrismaClient) wait past the limit: a seed at volume beside another test file is not given up", { timeout: QUERY_TIMEOUT_MS + 20_000 }, async () => {
  const own = testPrismaClient(PrismaClient, db.url, 1);
  try {
    expect(await own.$queryRawUnsafe(`SELECT 1 AS waited FROM pg_sleep(${QUERY_TIMEOUT_MS / 1_000 + 1})`)).toEqual([{ waited: 1 }]);
  } finally {
    await own.$disconnect();
  }
});
