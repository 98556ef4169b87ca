/**
 * Revoked access tokens (OWASP ASVS 4.0.3 3.3.1, 3.3.3, 3.3.4): signing out everywhere, a password
 * change and an account's deletion revoke every token of the account issued up to that instant, on
 * every replica of every service, within about a second, while the authenticated hot path stays a
 * lookup in memory (issue 15: no Redis round trip per request).
 *
 * An account's revocation is one instant (ms since the epoch; the user service takes it, and the
 * tokens' `iat`, on user_db's clock, so the pods' clocks need not agree): a token
 * of the account whose `iat` is not after it is refused. The login signs `iat` to the millisecond (a
 * NumericDate may hold a fraction, RFC 7519 2), so that a login right after a password change, within
 * the same second, is not refused with the tokens it replaces; a token with a whole-second `iat` (one
 * signed before) is refused when its second began before the revocation, the second it was signed in.
 *
 * Kept in Redis (catalog TOKEN_REVOCATIONS: a sorted set, account -> instant, expiring with the
 * tokens it revokes) and published on a channel. Each replica holds the set in a Map, fed by its
 * subscription and read in full whenever the subscription (re)connects: what was published while it
 * was cut off is learnt then, and what it holds that Redis lost (a restart) is written back. While
 * Redis is unreachable a replica keeps refusing what it knew and accepts the rest (Redis is soft: a
 * replica that refused every token while cut off would sign everyone out); a revocation cannot be made
 * then (`revoke` rejects), and one asked is kept and written once Redis answers this replica again.
 * Redis may still lose the set with no replica reconnecting (an eviction) or never get one (its
 * replica stopped first): the user service keeps each revocation in user_db too and gives the set
 * back what it lacks (`restore`), which every replica then hears.
 */
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import type { Redis } from 'ioredis';
import { isRedisReady } from '../redis.ts';
import type { AuthenticatedUser } from './jwt.ts';

export interface TokenRevocations {
  /** Whether the token of `user` was revoked (its account's revocation is not before its `iat`): a Map lookup. */
  revoked(user: AuthenticatedUser): boolean;
  /**
   * Revokes every token of the account issued up to `at` (default now, this replica's clock), here at once and on
   * the other replicas through Redis; resolves with the instant once Redis holds it and it is
   * published, rejects when Redis cannot take it (it is then written once Redis answers again).
   */
  revoke(userId: string, at?: number): Promise<number>;
  /**
   * Writes to Redis, and publishes, those of `revocations` (unexpired, from a durable record) that
   * the set lacks or holds an earlier instant of; resolves with how many, rejects when Redis cannot say.
   */
  restore(revocations: readonly { readonly userId: string; readonly at: number }[]): Promise<number>;
  /** The instant before which the account's tokens are refused on this replica, or undefined. */
  revokedBefore(userId: string): number | undefined;
  /** Accounts with a revocation held in memory. */
  readonly size: number;
  /** Resolves once the set has been read after the first subscription, or after `waitMs`: the app is not ready before. */
  readonly loaded: Promise<void>;
  close(): void;
}

export interface RevocationOptions {
  readonly redis: Redis;
  /** The connection in subscriber mode (the kit's, shared with the cache's invalidations). */
  readonly subscriber: Redis;
  /** How long a revocation is kept (default the catalog's: a token's lifetime); tests shorten it. */
  readonly lifetimeMs?: number;
  /** Where they are kept and published (default the catalog's); tests give their own, so as not to share a shortened lifetime. */
  readonly names?: { readonly key: string; readonly channel: string };
  /** The longest `loaded` waits for Redis. */
  readonly waitMs?: number;
  readonly onError: (err: unknown, what: string) => void;
}

/** A token's `iat` in ms, as `revoked` compares it (undefined: a token without one, refused once its account has a revocation). */
export const issuedAtMs = (iat: unknown): number | undefined => (typeof iat === 'number' && Number.isFinite(iat) ? Math.round(iat * 1000) : undefined);

export const createTokenRevocations = (opts: RevocationOptions): TokenRevocations => {
  const { redis, subscriber } = opts;
  const { key, channel } = opts.names ?? TOKEN_REVOCATIONS;
  const lifetimeMs = opts.lifetimeMs ?? TOKEN_REVOCATIONS.lifetimeMs;
  const before = new Map<string, number>();
  /** Revocations asked on this replica that Redis has not taken yet. */
  const unsent = new Map<string, number>();
  let closed = false;

  const hold = (userId: string, at: number) => {
    if (!(at > Date.now() - lifetimeMs)) return;
    const known = before.get(userId);
    if (known === undefined || at > known) before.set(userId, at);
  };
  // Memory only: an entry older than the tokens' lifetime revokes nothing that is still valid.
  const forgetOld = () => {
    const oldest = Date.now() - lifetimeMs;
    for (const [userId, at] of before) if (at <= oldest) before.delete(userId);
  };
  const sweep = setInterval(forgetOld, Math.min(60_000, Math.max(100, lifetimeMs / 4)));
  sweep.unref();

  const send = async (userId: string, at: number): Promise<void> => {
    const results = await redis
      .multi()
      // GT: a later revocation is never replaced by an earlier one written after it.
      .zadd(key, 'GT', at, userId)
      .zremrangebyscore(key, '-inf', Date.now() - lifetimeMs)
      .pexpire(key, lifetimeMs)
      .publish(channel, `${userId} ${at}`)
      .exec();
    const failed = results?.find(([err]) => err !== null)?.[0];
    if (!results || failed) throw failed ?? new Error('the revocation transaction was discarded');
    if (unsent.get(userId) === at) unsent.delete(userId);
  };
  const sendUnsent = () => {
    for (const [userId, at] of unsent) send(userId, at).catch((err: unknown) => opts.onError(err, 'a revocation could not be written to Redis'));
  };
  redis.on('ready', sendUnsent);

  const onMessage = (ch: string, message: string) => {
    if (ch !== channel) return;
    const space = message.lastIndexOf(' ');
    const at = Number(message.slice(space + 1));
    if (space > 0 && Number.isFinite(at)) hold(message.slice(0, space), at);
  };
  subscriber.on('message', onMessage);

  /**
   * Writes to Redis, and publishes, those of `candidates` (unexpired) of which Redis holds no instant as
   * late (`held`, what it answered for them); answers how many. For the user service's durable record
   * (`restore`), and for what this replica holds and Redis lost (a Redis restarted without
   * persistence, as dev's, comes back empty: every replica running then still refuses those tokens,
   * but a pod started afterwards reads the set alone and would accept them until they expire).
   */
  const writeMissing = async (candidates: Iterable<readonly [string, number]>, held: ReadonlyMap<string, number>): Promise<number> => {
    const oldest = Date.now() - lifetimeMs;
    const missing = [...candidates].filter(([userId, at]) => at > oldest && !((held.get(userId) ?? Number.NEGATIVE_INFINITY) >= at));
    for (const [userId, at] of missing) hold(userId, at);
    await Promise.all(missing.map(([userId, at]) => send(userId, at)));
    return missing.length;
  };

  let firstLoad!: () => void;
  const loaded = new Promise<void>((resolve) => (firstLoad = resolve));
  const stopWaiting = setTimeout(() => firstLoad(), opts.waitMs ?? 3_000);
  stopWaiting.unref();
  let retry: NodeJS.Timeout | undefined;
  /** Subscribed first, then read: a revocation published between the two is heard, one before is read. */
  const load = async (): Promise<void> => {
    clearTimeout(retry);
    if (closed || !isRedisReady(subscriber)) return;
    try {
      await subscriber.subscribe(channel);
      const entries = await redis.zrangebyscore(key, `(${Date.now() - lifetimeMs}`, '+inf', 'WITHSCORES');
      const stored = new Map<string, number>();
      for (let i = 0; i + 1 < entries.length; i += 2) stored.set(entries[i]!, Number(entries[i + 1]));
      for (const [userId, at] of stored) hold(userId, at);
      await writeMissing(before, stored);
      clearTimeout(stopWaiting);
      firstLoad();
    } catch (err) {
      // The command connection not up yet, or Redis gone again: read again shortly while subscribed.
      opts.onError(err, 'the token revocations could not be read from Redis');
      retry = setTimeout(() => void load(), 500);
      retry.unref();
    }
  };
  subscriber.on('ready', load);
  void load();

  return {
    revoked(user) {
      const at = before.get(user.id);
      return at !== undefined && (user.issuedAtMs === undefined || user.issuedAtMs <= at);
    },
    async revoke(userId, at = Date.now()) {
      hold(userId, at);
      unsent.set(userId, Math.max(at, unsent.get(userId) ?? 0));
      await send(userId, at);
      return at;
    },
    async restore(revocations) {
      const oldest = Date.now() - lifetimeMs;
      const wanted = revocations.filter((r) => r.at > oldest);
      if (wanted.length === 0) return 0;
      const scores = await redis.zmscore(key, ...wanted.map((r) => r.userId));
      const held = new Map(wanted.flatMap((r, i): [string, number][] => (scores[i] == null ? [] : [[r.userId, Number(scores[i])]])));
      return writeMissing(wanted.map((r) => [r.userId, r.at] as const), held);
    },
    revokedBefore: (userId) => before.get(userId),
    get size() {
      return before.size;
    },
    loaded,
    close() {
      closed = true;
      clearInterval(sweep);
      clearTimeout(retry);
      clearTimeout(stopWaiting);
      firstLoad();
      redis.off('ready', sendUnsent);
      subscriber.off('message', onMessage);
      subscriber.off('ready', load);
    },
  };
};
