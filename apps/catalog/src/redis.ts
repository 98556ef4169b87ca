/**
 * Every name TripGen gives in Redis, keys and channels, written here once: the services of every
 * release share one Redis (and its `allkeys-lru` eviction, CACHE_POLICY.l2), so two facts that
 * named the same keys would read and evict each other's, and an operator's SCAN pattern or runbook
 * command must name what the code writes. scripts/test/redis-names.test.ts fails when a `tripgen:`
 * name is written anywhere else; redis.test.ts here fails when two of them overlap.
 */
import { AI_RUN_ENDED_CHANNEL_PREFIX, FORGET_LEASE, SCHEDULE_NUDGE_CLAIM, SCHEDULE_OUTCOME_CHANNEL } from './schedules.ts';
import { ACCOUNT_ERASURE, SERVICE_NAMES } from './services.ts';
import { SESSION_REVOCATIONS, TOKEN_REVOCATIONS } from './tokens.ts';

/** The first segment of every TripGen key and channel. */
export const REDIS_ROOT = 'tripgen';

/**
 * Key prefixes (without the trailing colon; each key is `<prefix>:<rest>`), shared by every replica:
 * - `acceptedTokens`: the SHA-256 of each access token some replica accepted, until it expires (the kit);
 * - `tokenRefusals`: refused access tokens per client address (the kit, catalog TOKEN_REFUSAL_THROTTLE);
 * - `rateLimit`: the per-user budgets (catalog RATE_LIMIT; an operation budget's keys `<prefix>:<operation>:user:<id>`)
 *   and the anonymous ones per client address (`<prefix>:ip:<hash>`);
 * - client addresses, in both, only as HMAC-SHA-256 under the key every service mounts (ADDRESS_HASH_KEY:
 *   the kit's http/address-hash.ts), never as they are nor as a plain SHA-256;
 * - `loginFailures`: failed logins per account, counted per client address, both as HMAC-SHA-256 under a
 *   key derived from the user service's signing secret (no email or address recoverable from Redis), and beside
 *   them (`:in-flight`) the account's password checks in progress, and (`:waiting`, `:waiting-lapses`) the
 *   checks waiting for a slot, in the order they came (the user service, catalog LOGIN_THROTTLE).
 */
export const REDIS_KEY_PREFIXES = {
  acceptedTokens: `${REDIS_ROOT}:accepted-tokens`,
  tokenRefusals: `${REDIS_ROOT}:token-refusals`,
  rateLimit: `${REDIS_ROOT}:ratelimit`,
  loginFailures: `${REDIS_ROOT}:user:login-failures`,
} as const;

/** The namespace of a service's caches (the kit's two-level cache: its entries and its invalidation channel). */
export const cacheNamespace = (service: string): string => `${REDIS_ROOT}:${service}`;

/**
 * The Redis key of `key` in a cache of `namespace` holding values of `shape`. With `*` as the shape
 * (and a glob in the key) it is the SCAN pattern of every version's entries, for a tool that clears them.
 */
export const cacheEntryKey = (namespace: string, shape: string, key: string): string => `${namespace}:cache@${shape}:${key}`;

/** Where releases from before cache shapes kept `key`: a write deletes it there too. */
export const unshapedCacheEntryKey = (namespace: string, key: string): string => `${namespace}:cache:${key}`;

/** The channel a cache of `namespace` publishes its invalidated keys on. */
export const cacheChannel = (namespace: string): string => `${namespace}:cache-invalidate`;

/**
 * Names only tests give: each test process has a database of its own (@tripgen/testing), and a test
 * that needs keys apart from the code's builds them under this prefix (`<prefix>:<purpose>-<uuid>`).
 * `databaseCounter` counts the databases handed out, in database 0, which no test process is given.
 */
export const REDIS_TEST_PREFIX = `${REDIS_ROOT}:test`;
export const REDIS_TEST_DATABASE_COUNTER = `${REDIS_TEST_PREFIX}:redis-database`;

/** One name or family of names: `exact`, one key or channel; `prefix`, every name starting with `name`. */
export interface RedisName {
  readonly fact: string;
  readonly kind: 'key' | 'channel';
  readonly match: 'exact' | 'prefix';
  readonly name: string;
}

/** Every key and channel the code writes, as the collision check reads them (a prefix with the separator that follows it). */
export const redisNames = (): readonly RedisName[] => [
  ...Object.entries(REDIS_KEY_PREFIXES).map(([fact, prefix]): RedisName => ({ fact, kind: 'key', match: 'prefix', name: `${prefix}:` })),
  { fact: 'TOKEN_REVOCATIONS.key', kind: 'key', match: 'exact', name: TOKEN_REVOCATIONS.key },
  { fact: 'TOKEN_REVOCATIONS.channel', kind: 'channel', match: 'exact', name: TOKEN_REVOCATIONS.channel },
  { fact: 'TOKEN_REVOCATIONS.republishLeaseKey', kind: 'key', match: 'prefix', name: `${TOKEN_REVOCATIONS.republishLeaseKey}:` },
  { fact: 'TOKEN_REVOCATIONS.writeBackKey', kind: 'key', match: 'exact', name: TOKEN_REVOCATIONS.writeBackKey },
  { fact: 'TOKEN_REVOCATIONS.wholeUpToKey', kind: 'key', match: 'exact', name: TOKEN_REVOCATIONS.wholeUpToKey },
  { fact: 'SESSION_REVOCATIONS.key', kind: 'key', match: 'exact', name: SESSION_REVOCATIONS.key },
  { fact: 'SESSION_REVOCATIONS.writeBackKey', kind: 'key', match: 'exact', name: SESSION_REVOCATIONS.writeBackKey },
  { fact: 'SESSION_REVOCATIONS.channel', kind: 'channel', match: 'exact', name: SESSION_REVOCATIONS.channel },
  // A channel per Redis database (scheduleOutcomeChannel): the bare name and `<name>:<database>`.
  { fact: 'SCHEDULE_OUTCOME_CHANNEL', kind: 'channel', match: 'prefix', name: SCHEDULE_OUTCOME_CHANNEL },
  { fact: 'AI_RUN_ENDED_CHANNEL_PREFIX', kind: 'channel', match: 'prefix', name: `${AI_RUN_ENDED_CHANNEL_PREFIX}:` },
  { fact: 'SCHEDULE_NUDGE_CLAIM.keyPrefix', kind: 'key', match: 'prefix', name: `${SCHEDULE_NUDGE_CLAIM.keyPrefix}:` },
  { fact: 'FORGET_LEASE.keyPrefix', kind: 'key', match: 'prefix', name: `${FORGET_LEASE.keyPrefix}:` },
  { fact: 'ACCOUNT_ERASURE.leaseKey', kind: 'key', match: 'prefix', name: `${ACCOUNT_ERASURE.leaseKey}:` },
  ...SERVICE_NAMES.flatMap((service): RedisName[] => [
    { fact: `cache of ${service}`, kind: 'key', match: 'prefix', name: `${cacheNamespace(service)}:cache` },
    { fact: `cache of ${service}`, kind: 'channel', match: 'exact', name: cacheChannel(cacheNamespace(service)) },
  ]),
  { fact: 'REDIS_TEST_PREFIX', kind: 'key', match: 'prefix', name: `${REDIS_TEST_PREFIX}:` },
];

const covers = (a: RedisName, b: RedisName): boolean => (a.match === 'prefix' ? b.name.startsWith(a.name) : a.name === b.name);

/** Pairs of names of the same kind that can name the same key or channel (empty: none). */
export const redisNameCollisions = (names: readonly RedisName[]): string[] =>
  names.flatMap((a, i) =>
    names
      .slice(i + 1)
      .filter((b) => a.kind === b.kind && (covers(a, b) || covers(b, a)))
      .map((b) => `${a.kind} ${a.fact} (${a.name}) and ${b.fact} (${b.name})`),
  );

