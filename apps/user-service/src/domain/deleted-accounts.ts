/**
 * The records of deleted accounts (user_db deleted_accounts, written by the trigger of the migration
 * 20261207011000_deleted_accounts in the transaction of every DELETE of users): what the trip
 * service's account-erasure sweep erases on (catalog ACCOUNT_ERASURE). An id with no account and no
 * record is not a deletion: a user_db restored to an earlier point, a geo-restored copy older than
 * trip_db or a DATABASE_URL pointing at an empty database lack accounts nobody deleted.
 */
import { ACCOUNT_TOMBSTONE_RETENTION, type AccountsResponse, type DeletionsResponse } from '@tripgen/catalog';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Of `ids`, those deleted (a record, no account) and those unknown (neither), from PostgreSQL. */
export const accountDeletions = async (prisma: PrismaClient, ids: readonly string[]): Promise<{ deleted: string[]; unknown: string[] }> => {
  const asked = [...new Set(ids)];
  const [accounts, records] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: asked } }, select: { id: true } }),
    prisma.deletedAccount.findMany({ where: { id: { in: asked } }, select: { id: true } }),
  ]);
  const existing = new Set(accounts.map((a) => a.id));
  const recorded = new Set(records.map((r) => r.id));
  // An account that exists is never deleted, whatever a record says (a restore brought it back).
  const absent = asked.filter((id) => !existing.has(id));
  return { deleted: absent.filter((id) => recorded.has(id)), unknown: absent.filter((id) => !recorded.has(id)) } satisfies AccountsResponse;
};

/**
 * The deleted accounts recorded after `after` (all from the first), `limit` of them in id order, on
 * the records' primary key; as accountDeletions, an id that has an account again is not deleted.
 */
export const deletionRecords = async (prisma: PrismaClient, after: string | undefined, limit: number): Promise<{ deleted: string[]; next: string | null }> => {
  const rows =
    after === undefined
      ? await prisma.$queryRaw<{ id: string }[]>`SELECT d.id::text AS id FROM deleted_accounts d WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.id) ORDER BY d.id LIMIT ${limit}`
      : await prisma.$queryRaw<{ id: string }[]>`SELECT d.id::text AS id FROM deleted_accounts d WHERE d.id > ${after}::uuid AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.id) ORDER BY d.id LIMIT ${limit}`;
  const deleted = rows.map((r) => r.id);
  return { deleted, next: deleted.length === limit ? deleted[limit - 1]! : null } satisfies DeletionsResponse;
};

/** Deletes the records older than `keepMs` (catalog ACCOUNT_TOMBSTONE_RETENTION); how many. */
export const pruneDeletionRecords = async (prisma: PrismaClient, keepMs: number = ACCOUNT_TOMBSTONE_RETENTION.keepMs): Promise<number> =>
  (await prisma.deletedAccount.deleteMany({ where: { deletedAt: { lt: new Date(Date.now() - keepMs) } } })).count;
