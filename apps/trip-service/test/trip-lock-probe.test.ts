/**
 * lockTrip's second try (trip-lock.ts PROBE): a lock statement past TRIP_LOCK_WAIT runs once more at
 * no wait, and what it leaves the transaction after must be what it leaves after a first try: the
 * trip's writes wait for locks TRIP_LOCK_WAIT at most in all (the queued writers' contract,
 * trip-busy.test.ts), each within the kit's 5 s transaction limit. On real PostgreSQL (a scratch
 * database: the statements here need no table), the statement slowed once by a sleep in its subquery
 * (a sequence counts the tries: a savepoint's rollback does not undo it).
 */
import { createTestDatabase, testPrismaClient, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { lockTrip, settingNextWait } from '../src/domain/trip-lock.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('trip_lock_probe_test');
  prisma = testPrismaClient(PrismaClient, db.url, 2);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** A subquery sleeping past TRIP_LOCK_WAIT on the first try of `sequence`'s statement alone. */
const slowOnce = async (sequence: string): Promise<string> => {
  await prisma.$executeRawUnsafe(`CREATE SEQUENCE ${sequence}`);
  return `(SELECT CASE WHEN nextval('${sequence}') = 1 THEN pg_sleep(${(TRIP_LOCK_WAIT.ms * 1.5) / 1000})::text END AS slept OFFSET 0) AS tries`;
};

it('leaves the statement after a lock statement that needed its second try none of TRIP_LOCK_WAIT, not another TRIP_LOCK_WAIT', { timeout: 60_000 }, async () => {
  const from = await slowOnce('tries_setting_next_wait');
  const after = await prisma.$transaction(async (tx) => {
    await lockTrip(tx, settingNextWait((wait) => `SELECT ${wait} AS wait FROM ${from}`));
    return (await tx.$queryRawUnsafe<{ lock_timeout: string }[]>('SHOW lock_timeout'))[0]!.lock_timeout;
  });
  // Before: what was left of TRIP_LOCK_WAIT since the second try began ('2s'), a whole one more after the first's.
  expect(after).toBe('1ms');
});

it('leaves the statement after any other lock statement that needed its second try the transaction\'s lock_timeout, as after a first try', { timeout: 60_000 }, async () => {
  const from = await slowOnce('tries_plain');
  const [before, after] = await prisma.$transaction(async (tx) => {
    const show = async () => (await tx.$queryRawUnsafe<{ lock_timeout: string }[]>('SHOW lock_timeout'))[0]!.lock_timeout;
    const was = await show();
    await lockTrip(tx, `SELECT slept FROM ${from}`);
    return [was, await show()];
  });
  expect(after).toBe(before);
});
