/**
 * Revoked access tokens (OWASP ASVS 4.0.3 3.3.1, 3.3.3, 3.3.4): signing out everywhere, a password
 * change and an account's deletion revoke every token of the account issued up to that instant, and
 * signing out one device revokes the token of its session (the login's `sid`, catalog
 * SESSION_REVOCATIONS), on every replica of every service, within about a second, while the
 * authenticated hot path stays a lookup in memory (issue 15: no Redis round trip per request): one
 * Map lookup for the account, one for the session.
 *
 * An account's revocation is one instant (ms since the epoch; the user service takes it, and the
 * tokens' `iat`, on user_db's clock, so the pods' clocks need not agree): a token
 * of the account whose `iat` is not after it is refused. The login signs `iat` to the millisecond (a
 * NumericDate may hold a fraction, RFC 7519 2), so that a login right after a password change, within
 * the same second, is not refused with the tokens it replaces; a token with a whole-second `iat` (one
 * signed before) is refused when its second began before the revocation, the second it was signed in.
 *
 * Kept in Redis (catalog TOKEN_REVOCATIONS: a sorted set, account -> instant, expiring with the
 * tokens it revokes; SESSION_REVOCATIONS: session -> the instant it was signed out, alike) and
 * published on a channel (auth/revocation-set.ts, one of each). Each replica holds each set in a Map, fed by its
 * subscription and read in full whenever the subscription (re)connects: what was published while it
 * was cut off is learnt then, and what it holds that Redis lost (a restart) is written back, by one
 * replica of all (revocation-set.ts WRITE_BACK_LEASE_MS: each wrote it all, each entry a message to every replica). While
 * Redis is unreachable a replica keeps refusing what it knew and accepts the rest (Redis is soft: a
 * replica that refused every token while cut off would sign everyone out); a revocation cannot be made
 * then (`revoke` rejects), and one asked is kept and written once Redis answers this replica again.
 * Redis may still lose the set with no replica reconnecting (an eviction) or never get one (its
 * replica stopped first): the user service keeps each revocation in user_db too and gives the set
 * back what it lacks (`restore`), which every replica then hears.
 */
import { SESSION_REVOCATIONS, TOKEN_REVOCATIONS } from '@tripgen/catalog';
import type { Redis } from 'ioredis';
import type { AuthenticatedUser } from './jwt.ts';
import { createRevocationSet } from './revocation-set.ts';

export interface TokenRevocations {
  /**
   * Whether the token of `user` was revoked: its account's revocation is not before its `iat`, or its
   * session (`sid`) was signed out. Two Map lookups.
   */
  revoked(user: AuthenticatedUser): boolean;
  /**
   * Revokes every token of the account issued up to `at` (default now, this replica's clock), here at once and on
   * the other replicas through Redis; resolves with the instant once Redis holds it and it is
   * published, rejects when Redis cannot take it (it is then written once Redis answers again).
   */
  revoke(userId: string, at?: number): Promise<number>;
  /** Revokes the token of one session (a login's `sid`) at `at` (default now), as `revoke` does an account's. */
  revokeSession(sessionId: string, at?: number): Promise<number>;
  /**
   * Writes to Redis, and publishes, those of `revocations` (unexpired, from a durable record) that
   * the set lacks or holds an earlier instant of; resolves with how many, rejects when Redis cannot say.
   */
  restore(revocations: readonly { readonly userId: string; readonly at: number }[]): Promise<number>;
  /** As `restore`, the sessions signed out. */
  restoreSessions(revocations: readonly { readonly sessionId: string; readonly at: number }[]): Promise<number>;
  /**
   * Holds revocations of a durable record (unexpired) in this replica's memory alone, nothing sent: for a
   * replica cut off from Redis, or started while it is out of reach, that can read the record itself
   * (the user service's user_db), which Redis would otherwise tell it of only once it answers.
   */
  remember(revocations: { readonly accounts: readonly { readonly userId: string; readonly at: number }[]; readonly sessions: readonly { readonly sessionId: string; readonly at: number }[] }): void;
  /** The instant before which the account's tokens are refused on this replica, or undefined. */
  revokedBefore(userId: string): number | undefined;
  /** The instant the session was signed out, as this replica holds it, or undefined. */
  sessionRevokedAt(sessionId: string): number | undefined;
  /** Accounts with a revocation held in memory. */
  readonly size: number;
  /** Sessions signed out held in memory. */
  readonly sessions: number;
  /** Resolves once both sets have been read after the first subscription, or after `waitMs`: the app is not ready before. */
  readonly loaded: Promise<void>;
  close(): void;
}

export interface RevocationOptions {
  readonly redis: Redis;
  /** The connection in subscriber mode (the kit's, shared with the cache's invalidations). */
  readonly subscriber: Redis;
  /** How long a revocation is kept (default the catalog's: a token's lifetime); tests shorten it. */
  readonly lifetimeMs?: number;
  /**
   * Where they are kept and published (default the catalog's); tests give their own, so as not to share a
   * shortened lifetime, the sessions' with the accounts'.
   */
  readonly names?: {
    readonly key: string;
    readonly channel: string;
    /** Default: beside `key` (`<key>:write-back`), for a test's own names; the catalog's are its own facts. */
    readonly writeBackKey?: string;
    readonly sessions: { readonly key: string; readonly channel: string; readonly writeBackKey?: string };
  };
  /** The longest `loaded` waits for Redis. */
  readonly waitMs?: number;
  /** How long a replica that did not write back what Redis lost waits to look again (revocation-set.ts); tests shorten it. */
  readonly writeBackCheckMs?: number;
  readonly onError: (err: unknown, what: string) => void;
}

/** A token's `iat` in ms, as `revoked` compares it (undefined: a token without one, refused once its account has a revocation). */
export const issuedAtMs = (iat: unknown): number | undefined => (typeof iat === 'number' && Number.isFinite(iat) ? Math.round(iat * 1000) : undefined);

export const createTokenRevocations = (opts: RevocationOptions): TokenRevocations => {
  const { redis, subscriber, waitMs, writeBackCheckMs, onError } = opts;
  const names = opts.names ?? { ...TOKEN_REVOCATIONS, sessions: SESSION_REVOCATIONS };
  const lifetimeMs = opts.lifetimeMs ?? TOKEN_REVOCATIONS.lifetimeMs;
  const beside = (n: { readonly key: string; readonly writeBackKey?: string }) => n.writeBackKey ?? `${n.key}:write-back`;
  const accounts = createRevocationSet({ redis, subscriber, key: names.key, channel: names.channel, writeBackKey: beside(names), lifetimeMs, waitMs, writeBackCheckMs, what: 'token revocations', onError });
  // Its own set and channel, not a member of the accounts' (`sid:<id>`): a replica of the release
  // before reads each message of the accounts' channel as an account's, and would hold it as one.
  const sessions = createRevocationSet({ redis, subscriber, ...names.sessions, writeBackKey: beside(names.sessions), lifetimeMs, waitMs, writeBackCheckMs, what: 'session revocations', onError });
  const loaded = Promise.all([accounts.loaded, sessions.loaded]).then(() => undefined);

  return {
    revoked(user) {
      const at = accounts.at(user.id);
      if (at !== undefined && (user.issuedAtMs === undefined || user.issuedAtMs <= at)) return true;
      return user.sessionId !== undefined && sessions.at(user.sessionId) !== undefined;
    },
    revoke: (userId, at = Date.now()) => accounts.revoke(userId, at),
    revokeSession: (sessionId, at = Date.now()) => sessions.revoke(sessionId, at),
    restore: (revocations) => accounts.restore(revocations.map((r) => [r.userId, r.at] as const)),
    restoreSessions: (revocations) => sessions.restore(revocations.map((r) => [r.sessionId, r.at] as const)),
    remember(revocations) {
      accounts.remember(revocations.accounts.map((r) => [r.userId, r.at] as const));
      sessions.remember(revocations.sessions.map((r) => [r.sessionId, r.at] as const));
    },
    revokedBefore: (userId) => accounts.at(userId),
    sessionRevokedAt: (sessionId) => sessions.at(sessionId),
    get size() {
      return accounts.size;
    },
    get sessions() {
      return sessions.size;
    },
    loaded,
    close() {
      accounts.close();
      sessions.close();
    },
  };
};
