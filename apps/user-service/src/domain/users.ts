/**
 * The user repository: every query of the user service, nothing else touches Prisma.
 * Reads of a profile go through the kit's two-level cache; writes invalidate it.
 */
import { Type, type Static } from 'typebox';
import { cacheShapeOf, driverAdapterCause, SQLSTATE, type TwoLevelCache } from '@tripgen/service-kit';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { accountDeletions, deletionRecords } from './deleted-accounts.ts';
import { INBOX_SHOWN } from './notifications.ts';
import { databaseNow } from './revocation-records.ts';
import { Me, type Preferences } from './schemas.ts';

export class EmailTakenError extends Error {}
/** The account's row stayed locked past CREDENTIALS_LOCK_WAIT_MS (a change or deletion not committed yet): try again. */
export class AccountBusyError extends Error {}

/**
 * How long a login waits for a password change or a deletion of its account to commit (its row
 * lock, credentialsRead): a commit takes milliseconds; an operator's transaction left open takes
 * minutes, and the login is then a 503 to retry rather than a wait.
 */
export const CREDENTIALS_LOCK_WAIT_MS = 2_000;

const profileKey = (userId: string) => `user:${userId}:me`;
/** What the cache holds per user (null: no such user). */
const CachedProfile = Type.Object({ user: Type.Union([Me, Type.Null()]) });
type CachedProfile = Static<typeof CachedProfile>;
/**
 * The service's cache shape (createApp `cacheShape`): it follows the cached profile's schema, so a
 * release that changes `Me` never reads the profiles the previous release cached, nor the reverse.
 */
export const USER_CACHE_SHAPE = cacheShapeOf(CachedProfile);

export const userRepository = (prisma: PrismaClient, cache: TwoLevelCache) => ({
  async create(email: string, name: string, passwordHash: string) {
    try {
      return await prisma.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true, name: true } });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new EmailTakenError(email);
      throw err;
    }
  },

  /**
   * The credentials of `email` (null: no such account) and the instant they were read, user_db's clock
   * (a login's `iat`). The row is share-locked while the clock is read: a password change or a deletion
   * records its revocation as its commit begins (migration 20261207070000_password_change_revokes_tokens),
   * and its row is seen changed only once that commit ends (the WAL flush, a synchronous standby), so
   * an instant taken before an unlocked read could be after the revocation with the old hash read, a
   * token of the old password that outlived the change. Locked, a read of the old row is over before
   * the change can write it (its revocation later), and one waiting on the change reads the new row
   * after its commit (its revocation earlier).
   */
  async credentialsRead(email: string) {
    try {
      return await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${CREDENTIALS_LOCK_WAIT_MS}ms`}, true)`;
        const [found] = await tx.$queryRaw<{ id: string; email: string; passwordHash: string }[]>`SELECT id, email, password_hash AS "passwordHash" FROM users WHERE email = ${email} FOR SHARE`;
        return { found: found ?? null, readAt: await databaseNow(tx) };
      });
    } catch (err) {
      if (driverAdapterCause(err)?.originalCode === SQLSTATE.lockNotAvailable) throw new AccountBusyError(email);
      throw err;
    }
  },

  /** The credentials of the account `userId` (from PostgreSQL, never the cache: the profile holds no hash), or null when it is gone. */
  credentialsOf: (userId: string) => prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } }),

  /**
   * Replaces the account's password hash if it is still `verified` (the hash the current password was
   * checked against); false when the account is gone or its password changed since. The profile holds
   * no hash: nothing cached changes.
   */
  async setPasswordHash(userId: string, verified: string, passwordHash: string): Promise<boolean> {
    return (await prisma.user.updateMany({ where: { id: userId, passwordHash: verified }, data: { passwordHash } })).count === 1;
  },

  /**
   * Deletes the account and everything of it in user_db (its preferences and notifications go with
   * it: ON DELETE CASCADE), and its cached profile on every replica (L1 and L2: the cache's
   * invalidation, published to the others); false when it was already gone, or when `verified` (the
   * hash the password was checked against) is given and the password changed since. The cache entry
   * goes even then: a profile cached before another request deleted the account is not served again.
   */
  async remove(userId: string, verified?: string): Promise<boolean> {
    try {
      return (await prisma.user.deleteMany({ where: verified === undefined ? { id: userId } : { id: userId, passwordHash: verified } })).count === 1;
    } finally {
      await cache.invalidate(profileKey(userId));
    }
  },

  /** The profile of `userId` in this replica's L1 cache, without a promise: null for an id known to be unknown, undefined when not there (call me). */
  cachedMe(userId: string): Me | null | undefined {
    return cache.peek<CachedProfile>(profileKey(userId))?.user;
  },

  /** The profile with preferences, cached (L1 + L2); undefined for an unknown id. */
  async me(userId: string): Promise<Me | undefined> {
    const cached = await cache.get<CachedProfile>(profileKey(userId), async () => {
      const u = await prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, name: true, preferences: { select: { interests: true, pace: true, travelMode: true } } },
      });
      return { user: u ? { id: u.id, email: u.email, name: u.name, preferences: u.preferences ?? null } : null };
    });
    return cached.user ?? undefined;
  },

  /**
   * Saves the preferences if `check` accepts them as they are (set or not; it throws otherwise: the
   * request's preconditions, If-None-Match: * creating and If-Match: * replacing); undefined when the
   * account is gone. The check and the write are one step under the account's row lock, which a
   * concurrent save also takes (and which a row inserted for it holds, FOR KEY SHARE): preferences
   * another request created after the route's early check make If-None-Match: * false here, rather
   * than being replaced. The route's existence check may have read a profile cached before the
   * account was deleted (or raced the deletion): no row to lock is the caller's 401, not our 500, and
   * the stale profile is dropped.
   */
  async setPreferences(userId: string, p: Preferences, check: (set: boolean) => void = () => undefined): Promise<Preferences | undefined> {
    try {
      return await prisma.$transaction(async (tx) => {
        const account = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
        if (account.length === 0) return undefined;
        check((await tx.userPreferences.findUnique({ where: { userId }, select: { userId: true } })) !== null);
        return tx.userPreferences.upsert({
          where: { userId },
          create: { userId, interests: p.interests, pace: p.pace, travelMode: p.travelMode },
          update: { interests: p.interests, pace: p.pace, travelMode: p.travelMode },
          select: { interests: true, pace: true, travelMode: true },
        });
      });
    } finally {
      await cache.invalidate(profileKey(userId));
    }
  },

  /** Of `ids`, the deleted accounts and the unknown ids (deleted-accounts.ts), from PostgreSQL (a cached profile may predate a deletion). */
  deletions: (ids: readonly string[]) => accountDeletions(prisma, ids),

  /** A page of the recorded deletions after `after` (deleted-accounts.ts), from PostgreSQL. */
  deletionRecords: (after: string | undefined, limit: number) => deletionRecords(prisma, after, limit),

  notifications: (userId: string) =>
    prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: INBOX_SHOWN, select: { id: true, type: true, payload: true, createdAt: true, readAt: true } }),
});

export type UserRepository = ReturnType<typeof userRepository>;
