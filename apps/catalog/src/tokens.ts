/**
 * Access tokens: how long one lives, and where the revocations of an account's tokens are kept and
 * announced (every service's every replica refuses a revoked token: apps/service-kit/src/auth/revocations.ts).
 */

/** Lifetime of an access token: the login signs with it, the key ring keeps a retired key this long, a revocation is kept this long. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/**
 * An account's tokens revoked (signed out everywhere, password changed, account deleted): the instant
 * (ms since the epoch) before which every token of the account is refused, compared with the token's
 * `iat`. `key`: a Redis sorted set, member the account id, score that instant, shared by every
 * service; members older than `lifetimeMs` are dropped at each write and the key expires `lifetimeMs`
 * after the last one (by then every token it revokes has expired). `channel`: where each revocation is
 * published (`<account id> <instant>`); each replica keeps the set in memory, fed by the channel and
 * read in full whenever its subscription (re)connects.
 * Redis is not where a revocation lasts: the set can be evicted (CACHE_POLICY.l2's `allkeys-lru`),
 * lost with a restart or a flush, and a user-service pod that revoked while Redis was out of reach
 * may stop before writing it. The user service records each one in user_db (token_revocations,
 * kept `lifetimeMs`, then pruned) and each of its replicas, when it starts
 * and every `republishEveryMs`, writes back and publishes those the set lacks: a replica started
 * after a loss refuses a revoked token again within `republishEveryMs`. One replica a period does
 * the periodic comparison (a pod starting still compares at once, a reconnect if it takes the lease), the one that takes the Redis lease `republishLeaseKey:<user database>` (expiring
 * within the period; without Redis there is nothing to write back): it reads every record of the last
 * `lifetimeMs`, some 0.8 s of CPU at 100,000 sessions and 100,000 accounts, which every replica did.
 */
export const TOKEN_REVOCATIONS = {
  key: 'tripgen:token-revocations',
  channel: 'tripgen:token-revocations',
  lifetimeMs: ACCESS_TOKEN_TTL_SECONDS * 1000,
  republishEveryMs: 30_000,
  republishLeaseKey: 'tripgen:user:revocation-republish-lease',
  /**
   * How far before the latest revocation a pod read from user_db's record (directly, the user service;
   * through REVOCATIONS_PATH, the verifiers) its next read while cut off from Redis starts again: a
   * row whose transaction committed after a later row's.
   */
  learnOverlapMs: 60_000,
  /**
   * The longest a verifier's pod waits for the user service's answer on REVOCATIONS_PATH as it gets ready
   * (not ready meanwhile); each period's read while cut off, which nothing waits on, may take the period.
   */
  feedTimeoutMs: 2_000,
  /**
   * The most revocations (accounts and sessions together) one page of REVOCATIONS_PATH carries when a
   * verifier asks for pages (its `limit`): the whole record at the design figure (100,000 accounts and
   * as many sessions in a token's lifetime) was one 14.7 MB answer, 2.07 s to send alone, past
   * `feedTimeoutMs`; a page is remembered as it comes, so a read cut short keeps what it brought.
   */
  feedPageSize: 10_000,
  /**
   * Taken (SET NX, the kit's WRITE_BACK_LEASE_MS) by the one replica of any service that writes back
   * what it holds and the set lost (a restart empty); the others look again later.
   */
  writeBackKey: 'tripgen:token-revocations:write-back',
  /**
   * The instant (ms, user_db's clock, the revocations' own: a pod's ahead by more than `learnOverlapMs` skipped rows) up to which Redis is known to hold every revocation user_db
   * recorded (accounts and sessions): written by the user service after each write-back from the record
   * succeeds (the later instant kept: two replicas' writes crossing never move it back), expiring after `lifetimeMs`. A verifier cut off from Redis reads the record from
   * `learnOverlapMs` before the last value Redis gave it, none: a token's lifetime back. Redis answering a
   * verifier tells it what Redis holds, not what the user service could not write there (its own
   * connection cut off): a verifier that read from the last instant Redis answered it missed those.
   */
  wholeUpToKey: 'tripgen:token-revocations:whole-up-to',
} as const;

/**
 * One login's session signed out (POST /api/v1/auth/logout): the login signs a random session id in
 * its token (`claim`, OpenID Connect's `sid`: Front-Channel Logout 1.0 3 / Back-Channel Logout 1.0 2.4,
 * registered in IANA's JWT claims), and signing out refuses that session's token only, on every
 * replica of every service, other devices of the account staying signed in. `key`: a Redis sorted
 * set, member the session id, score the instant (ms) it was signed out, trimmed and expiring as
 * TOKEN_REVOCATIONS' (a session's one token expires within `lifetimeMs` of it); `channel`: each one
 * published (`<session id> <instant>`), each replica holding the set in memory. The user service records
 * each in user_db (session_revocations) and writes back what the set lacks, as the accounts'.
 */
export const SESSION_REVOCATIONS = {
  claim: 'sid',
  key: 'tripgen:session-revocations',
  channel: 'tripgen:session-revocations',
  lifetimeMs: TOKEN_REVOCATIONS.lifetimeMs,
  writeBackKey: 'tripgen:session-revocations:write-back',
} as const;
