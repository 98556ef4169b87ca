/**
 * Bounded growth of the notifications inbox on real PostgreSQL (the service's migrations): the prune
 * deletes each traveller's notifications beyond the newest INBOX_SHOWN, the only ones the inbox route
 * answers, so what a client reads is the same before and after; at volume it probes the
 * (user_id, created_at DESC) index per account instead of sorting the table.
 */
import { schedulePruning } from '@tripgen/service-kit/messaging';
import { createTestDatabase, quietLogger, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import type { SqlExecutor } from '@tripgen/service-kit/messaging';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INBOX_SHOWN, PRUNE_SQL, pruneUnshownNotifications } from '../src/domain/notifications.ts';
import { userRepository } from '../src/domain/users.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { MIGRATIONS_DIR } from './harness.ts';

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('user_notification_retention_test', MIGRATIONS_DIR);
  prisma = testPrismaClient(PrismaClient, db.url, 2);
}, 60_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** `users` accounts with `each` notifications apiece, one a minute going back from now (SQL: fast at volume). */
const seed = async (users: number, each: number): Promise<string[]> => {
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO users (id, email, name, password_hash, updated_at)
     SELECT gen_random_uuid(), 'u' || i || '-' || gen_random_uuid() || '@example.com', 'U', 'x', now() FROM generate_series(1, $1::int) AS i
     RETURNING id::text`,
    users,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO notifications (id, user_id, type, payload, created_at)
     SELECT gen_random_uuid(), u.id, 'schedule.completed', '{"scheduleId":"s"}'::jsonb, now() - (k * interval '1 minute')
       FROM users u CROSS JOIN generate_series(1, $1::int) AS k
      WHERE u.id = ANY($2::uuid[])`,
    each,
    rows.map((r) => r.id),
  );
  return rows.map((r) => r.id);
};
const countOf = async (userId: string): Promise<number> => prisma.notification.count({ where: { userId } });

it('deletes the notifications the inbox can no longer show, and nothing it shows', async () => {
  const [busy] = await seed(1, INBOX_SHOWN + 30);
  const [quiet] = await seed(1, INBOX_SHOWN - 50);
  const users = userRepository(prisma, undefined as never); // the inbox read does not touch the cache
  const shownBefore = await users.notifications(busy!);

  expect(await pruneUnshownNotifications(prisma)).toBe(30);

  expect(await countOf(busy!)).toBe(INBOX_SHOWN);
  expect(await countOf(quiet!)).toBe(INBOX_SHOWN - 50);
  // What the traveller reads is unchanged: exactly the rows that are left.
  expect(await users.notifications(busy!)).toEqual(shownBefore);
  expect(await pruneUnshownNotifications(prisma)).toBe(0);
  await prisma.$executeRawUnsafe('TRUNCATE users CASCADE');
});

it('keeps every notification as old as the oldest one shown (the route may show any of them)', async () => {
  const [id] = await seed(1, INBOX_SHOWN);
  // Three more at the instant of the 100th newest: the route shows one of those four, which one is
  // not fixed; and one older than all, which it never shows.
  await prisma.$executeRawUnsafe(
    `INSERT INTO notifications (id, user_id, type, payload, created_at)
     SELECT gen_random_uuid(), $1::uuid, 'tie', '{}'::jsonb, (SELECT min(created_at) FROM notifications WHERE user_id = $1::uuid) - (CASE WHEN k = 4 THEN interval '1 minute' ELSE interval '0' END)
       FROM generate_series(1, 4) AS k`,
    id,
  );
  expect(await pruneUnshownNotifications(prisma)).toBe(1);
  expect(await countOf(id!)).toBe(INBOX_SHOWN + 3);
  await prisma.$executeRawUnsafe('TRUNCATE users CASCADE');
});

it('probes the inbox index per account at 200,000 notifications', { timeout: 120_000 }, async () => {
  // Steady state: 2,000 travellers with a full inbox each, and since the last prune a new
  // notification for a quarter of them (what an hour's prune finds).
  const ids = await seed(2_000, INBOX_SHOWN);
  await prisma.$executeRawUnsafe(
    `INSERT INTO notifications (id, user_id, type, payload) SELECT gen_random_uuid(), id, 'schedule.completed', '{}'::jsonb FROM unnest($1::uuid[]) AS id`,
    ids.slice(0, 500),
  );
  await prisma.$executeRawUnsafe('VACUUM ANALYZE notifications');
  await prisma.$executeRawUnsafe('VACUUM ANALYZE users');
  expect(await prisma.notification.count()).toBe(2_000 * INBOX_SHOWN + 500);
  const plan = (await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${PRUNE_SQL}`, INBOX_SHOWN, 10_000, '00000000-0000-0000-0000-000000000000')).map((r) => r['QUERY PLAN']).join('\n');
  expect(plan).toContain('notifications_user_id_created_at_idx');
  expect(plan).not.toMatch(/Seq Scan on notifications/);
  expect(plan).not.toMatch(/Seq Scan on users/);
  expect(await pruneUnshownNotifications(prisma)).toBe(500);
});

it('drains a backlog larger than one statement deletes (the first prune after the deploy)', { timeout: 120_000 }, async () => {
  await prisma.$executeRawUnsafe('TRUNCATE users CASCADE');
  // 50 noisy accounts with 460 each: 18,000 beyond the inbox, more than one batch.
  const ids = await seed(50, 460);
  expect(await pruneUnshownNotifications(prisma)).toBe(50 * (460 - INBOX_SHOWN));
  for (const id of ids.slice(0, 3)) expect(await countOf(id)).toBe(INBOX_SHOWN);
});

it('stops between batches when the pod drains: the prune in flight ends with its batch, not the whole backlog', { timeout: 120_000 }, async () => {
  await prisma.$executeRawUnsafe('TRUNCATE users CASCADE');
  await seed(50, 460); // 18,000 beyond the inbox: two batches
  // What the service runs, stopped (kit.onDrain) while its first prune is under way.
  const pruner = schedulePruning('notifications', (signal) => pruneUnshownNotifications(prisma, INBOX_SHOWN, signal), 3_600_000, quietLogger);
  await pruner.stop();
  // Before: 50 * INBOX_SHOWN, the drain waited for every batch of the backlog (minutes at volume,
  // past the shutdown's deadline); the rest goes at the next pod's prune.
  expect(await prisma.notification.count()).toBe(50 * 460 - 10_000);
  expect(await pruneUnshownNotifications(prisma)).toBe(50 * (460 - INBOX_SHOWN) - 10_000);
});

type PlanNode = { 'Relation Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: PlanNode[] };
const usersRead = (node: PlanNode): number =>
  (node['Relation Name'] === 'users' ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 0) : 0) + (node.Plans ?? []).reduce((n, p) => n + usersRead(p), 0);

it('walks each account once over the whole backlog, not once per batch', { timeout: 120_000 }, async () => {
  await prisma.$executeRawUnsafe('TRUNCATE users CASCADE');
  // 2,000 quiet accounts and 25 noisy ones with 800 beyond the inbox each: 20,000 rows, three statements.
  await seed(2_000, 1);
  await seed(25, INBOX_SHOWN + 800);
  await prisma.$executeRawUnsafe('ANALYZE users');
  await prisma.$executeRawUnsafe('ANALYZE notifications');
  // Each statement first runs under EXPLAIN ANALYZE in a transaction rolled back: the accounts it reads.
  let read = 0;
  const rollback = new Error('rollback');
  const measure = async (sql: string, values: unknown[]): Promise<void> => {
    await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, ...values);
      read += usersRead(row!['QUERY PLAN'][0]!.Plan);
      throw rollback;
    }).catch((err: unknown) => { if (err !== rollback) throw err; });
  };
  const counted: SqlExecutor = {
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) => { await measure(sql, values); return prisma.$executeRawUnsafe(sql, ...values); },
    $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => { await measure(sql, values); return prisma.$queryRawUnsafe<T>(sql, ...values); },
  } as SqlExecutor;
  expect(await pruneUnshownNotifications(counted)).toBe(25 * 800);
  // Before: about 5,000 (every batch went through the accounts until it had its 10,000 rows, the last through all 2,025).
  expect(read).toBeLessThanOrEqual(2_025 + 3);
});
