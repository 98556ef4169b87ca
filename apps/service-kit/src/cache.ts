/**
 * Two-level read-through cache (catalog CACHE_POLICY): L1 in-process LRU, L2 Redis shared by the
 * replicas. A write calls `invalidate`, which deletes both levels and publishes the key on a
 * Redis channel that every replica subscribes to, so no replica serves a stale L1 entry.
 * Redis down = slower, never failing: L2 is skipped and values come from the loader (PostgreSQL).
 * While Redis is down invalidations cannot reach other replicas, so each replica clears its L1
 * when Redis comes back; and the keys this replica invalidated meanwhile are deleted from L2 and
 * published then (until that happens they skip L2), or L2 would serve the old value for its TTL.
 *
 * Two versions of a service share L2 during a rollout, and their cached values need not have the
 * same shape (a field added, renamed or retyped): one version reading the other's value would serve
 * it as its own, for up to the L2 TTL. So each version keeps its L2 values under its `shape`
 * (`<namespace>:cache@<shape>:<key>`) and never reads another's. Invalidation stays one message per
 * key on one channel: every replica that hears it deletes its own shape's entry too, so a write made
 * by one version reaches the other version's L2 entry as well as its L1.
 */
import { createHash } from 'node:crypto';
import { CACHE_POLICY, cacheChannel, cacheEntryKey, unshapedCacheEntryKey } from '@tripgen/catalog';
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import { answersPromptly, COMMAND_TIMEOUT_MS, isRedisReady } from './redis.ts';

export interface CacheStats {
  l1Hits: number;
  l2Hits: number;
  misses: number;
}

/** How long one value is kept, where it differs from the cache's own TTLs. */
export interface CacheEntryOptions<T extends object = object> {
  /**
   * Its L2 (Redis) TTL: a value that stays true for long (what an external model answered, which
   * costs money to ask again) is kept longer than the default. A function when it depends on what
   * was loaded (an external model's refusal is kept shorter than its answer). No L1 copy outlives
   * its L2 entry: a loaded value keeps the L1 TTL, or this one when shorter; one read from Redis,
   * the L1 TTL or the time Redis still keeps it, whichever is shorter.
   */
  readonly l2TtlSeconds?: number | ((value: T) => number);
}

export interface TwoLevelCache {
  /** The value of `key`: L1, else L2, else `load` (a load that throws caches nothing). */
  get<T extends object>(key: string, load: () => Promise<T>, options?: CacheEntryOptions<T>): Promise<T>;
  /**
   * The L1 value of `key`, without a promise, or undefined (then call get): a hot read answered
   * from memory skips the promise and microtask of each async step (issue 15).
   */
  peek<T extends object>(key: string): T | undefined;
  invalidate(key: string): Promise<void>;
  /**
   * Resolves once the invalidation subscriber has subscribed for the first time, or after
   * SUBSCRIBER_WAIT_MS: what the cache loads before that is dropped from L1 when it subscribes
   * (the invalidations sent meanwhile were never heard), so the app is not ready before it.
   */
  readonly subscribed: Promise<void>;
  readonly stats: CacheStats;
  close(): Promise<void>;
}

export interface CacheOptions {
  /** Prefix of every Redis key and the invalidation channel: one namespace per service. */
  readonly namespace: string;
  /**
   * The shape of the values this cache holds: change it with any change of a cached value's shape.
   * Values cached under another shape (another version of the service) are never read.
   */
  readonly shape: string;
  readonly redis: Redis;
  /** A second connection in subscriber mode (a subscribed connection cannot run commands). */
  readonly subscriber: Redis;
  readonly l1TtlMs?: number;
  readonly l2TtlSeconds?: number;
}

/**
 * The longest a start waits for the invalidation subscriber (`subscribed`): Redis is soft, so Redis
 * out of reach only delays a pod's readiness by this much (the cache then works without it, as in an
 * outage); a reachable Redis subscribes within milliseconds.
 */
export const SUBSCRIBER_WAIT_MS = 3_000;

/**
 * An invalidation Redis did not answer while the connection stayed up (a pause shorter than
 * socketTimeout, an error reply) is sent again this long after, doubling while it fails, up to
 * RESEND_CAP_MS; a dropped connection sends it at its 'ready'.
 */
export const RESEND_FIRST_MS = COMMAND_TIMEOUT_MS;
export const RESEND_CAP_MS = 30_000;

/** A read from L2 or a load: whether what it got may be kept (not if an invalidation or a reconnect came meanwhile). */
interface UnderWay {
  stale: boolean;
  /** The subscriber was connected when it began: no invalidation of its key can have gone unheard before it. */
  readonly listening: boolean;
}

/** lru-cache takes sizes of at least 1. */
const sizeOf = (json: string): number => Math.max(1, json.length);

/**
 * A cache shape that follows a JSON schema of the cached values (TypeBox): any change of the schema
 * is a new shape, so nobody has to remember to change it by hand.
 */
export const cacheShapeOf = (schema: object): string => createHash('sha256').update(JSON.stringify(schema)).digest('base64url').slice(0, 12);

// The names are the catalog's (every Redis name is written there once, apps/catalog/src/redis.ts).
export { cacheNamespace, cacheEntryKey as l2Key } from '@tripgen/catalog';

export const createTwoLevelCache = async (opts: CacheOptions): Promise<TwoLevelCache> => {
  // Bounded by the size of the values too (CACHE_POLICY.l1.maxJsonChars): each entry is sized by the
  // JSON it is stored in L2 as (or was read from), so no value of one cache crowds out the memory of
  // the process. One larger than the whole budget is not kept in L1 (lru-cache's maxEntrySize).
  const l1Ttl = opts.l1TtlMs ?? CACHE_POLICY.l1.ttlMs;
  const l1 = new LRUCache<string, object>({ max: CACHE_POLICY.l1.maxEntries, maxSize: CACHE_POLICY.l1.maxJsonChars, ttl: l1Ttl });
  const l2Ttl = opts.l2TtlSeconds ?? CACHE_POLICY.l2.ttlSeconds;
  const l2TtlOf = <T extends object>(value: T, entry: CacheEntryOptions<T> | undefined): number => {
    const ttl = entry?.l2TtlSeconds;
    return ttl === undefined ? l2Ttl : typeof ttl === 'function' ? ttl(value) : ttl;
  };
  const l1TtlOf = <T extends object>(value: T, entry: CacheEntryOptions<T> | undefined): number => (entry?.l2TtlSeconds === undefined ? l1Ttl : Math.min(l1Ttl, l2TtlOf(value, entry) * 1000));
  /**
   * The L2 value of `key` and the milliseconds Redis keeps it still (PTTL; -1 without an expiry),
   * read together (MULTI: the one entry both replies are of, one round trip), or undefined. The L1
   * copy of a value read from Redis is capped by that time: the value's own TTL is its whole
   * lifetime, and one read near its end was served from memory for minutes after Redis dropped it.
   * 'absent': Redis answered without a value; 'unanswered': it did not answer (timed out, refused).
   */
  const readL2 = async (key: string): Promise<{ raw: string; leftMs: number } | 'absent' | 'unanswered'> => {
    const k = redisKey(key);
    const asked = performance.now();
    const replies = await opts.redis.multi().get(k).pttl(k).exec().catch(() => null);
    if (!replies || replies.some(([err]) => err)) return 'unanswered';
    const [[, raw], [, left]] = replies as [[null, string | null], [null, number]];
    if (!raw) return 'absent';
    // Redis counted its time somewhere during the round trip: taken as at its start, L1 ends no later.
    return { raw, leftMs: left === -1 ? Infinity : left - (performance.now() - asked) };
  };
  const channel = cacheChannel(opts.namespace);
  const redisKey = (k: string) => cacheEntryKey(opts.namespace, opts.shape, k);
  // Where versions from before shapes keep a value: a write deletes it there too.
  const unshapedKey = (k: string) => unshapedCacheEntryKey(opts.namespace, k);
  const stats: CacheStats = { l1Hits: 0, l2Hits: 0, misses: 0 };

  /** Keys whose invalidation Redis has not confirmed (unreachable, timed out, refused): L2 may still hold their old value. */
  const unsynced = new Set<string>();
  let resendMs = RESEND_FIRST_MS;
  let resendTimer: NodeJS.Timeout | undefined;
  let closed = false;
  const resendLater = () => {
    if (resendTimer || closed) return;
    resendTimer = setTimeout(() => {
      resendTimer = undefined;
      if (isRedisReady(opts.redis)) for (const key of unsynced) void sendInvalidation(key);
    }, resendMs);
    resendTimer.unref();
    resendMs = Math.min(2 * resendMs, RESEND_CAP_MS);
  };
  /**
   * Deletes both L2 entries, then publishes, in one pipeline of single-key commands: on one connection
   * Redis runs them in order, so a replica that hears the message no longer finds the old value. Not a
   * MULTI: the two keys are in different hash slots, and a clustered Redis (Azure Managed Redis, its
   * Enterprise policy too) refuses a transaction over two slots (CROSSSLOT): no invalidation was ever
   * sent there. Any command refused keeps the key unsynced (sent again when Redis is back).
   */
  const sendInvalidation = (key: string): Promise<void> =>
    opts.redis
      .pipeline()
      .del(redisKey(key))
      .del(unshapedKey(key))
      .publish(channel, key)
      .exec()
      .then((replies) => {
        if (!replies || replies.some(([err]) => err)) throw new Error('invalidation not sent');
      })
      .then(
        () => {
          unsynced.delete(key);
          resendMs = RESEND_FIRST_MS;
        },
        () => {
          unsynced.add(key);
          // Still connected: no 'ready' will come to send it again, and the key skipped L2 (read
          // and write) on this replica until the connection was dropped, maybe for days.
          if (isRedisReady(opts.redis)) resendLater();
        },
      );
  const onRedisReady = () => {
    for (const key of unsynced) void sendInvalidation(key);
  };
  opts.redis.on('ready', onRedisReady);

  /**
   * Reads from L2 and loads under way, by key: an invalidation of their key, here or on another
   * replica, marks them stale, and a reconnect of the subscriber all of them. What they got may
   * predate the write, so it is returned but not kept (it would outlive the write by a TTL). Per
   * key, not one count for all: that refused to keep anything read or loaded while any other key was
   * written (each traveller's preferences saved, the profiles read meanwhile on every replica).
   */
  const underWay = new Map<string, Set<UnderWay>>();
  const begin = (key: string) => {
    const mark = { stale: false, listening: isRedisReady(opts.subscriber) };
    const marks = underWay.get(key);
    if (marks) marks.add(mark);
    else underWay.set(key, new Set([mark]));
    return mark;
  };
  const end = (key: string, mark: UnderWay) => {
    const marks = underWay.get(key);
    if (marks?.delete(mark) && marks.size === 0) underWay.delete(key);
  };
  const invalidated = (key: string) => underWay.get(key)?.forEach((mark) => (mark.stale = true));
  const onMessage = (ch: string, key: string) => {
    if (ch !== channel) return;
    invalidated(key);
    l1.delete(key);
    // The writer may be another version, which deleted only its own shape's entry.
    if (isRedisReady(opts.redis)) void opts.redis.del(redisKey(key)).catch(() => undefined);
  };
  opts.subscriber.on('message', onMessage);
  let firstSubscription!: () => void;
  const subscribed = new Promise<void>((resolve) => (firstSubscription = resolve));
  const stopWaiting = setTimeout(() => firstSubscription(), SUBSCRIBER_WAIT_MS);
  stopWaiting.unref();
  const subscribe = () =>
    opts.subscriber.subscribe(channel).then(
      () => (clearTimeout(stopWaiting), firstSubscription()),
      () => undefined,
    );
  // Re-subscribing and clearing L1 on every (re)connect: invalidations sent while we were cut off are lost,
  // so a read or load under way may predate one of them too, whatever its key: all are marked stale.
  const onReady = () => {
    for (const marks of underWay.values()) marks.forEach((mark) => (mark.stale = true));
    l1.clear();
    void subscribe();
  };
  opts.subscriber.on('ready', onReady);
  if (isRedisReady(opts.subscriber)) await subscribe();

  /**
   * Loads under way on this replica, by key: the misses of one key at the same moment share one
   * load (20 asking the location service for one cold area at once loaded it 3 to 6 times over).
   * Shared only while no invalidation of its key (nor a reconnect) came since it began: a caller
   * who asks after a write never gets a value that may predate it. Every caller of a key loads the
   * same value (the key names it), so whose load runs does not matter.
   */
  const loading = new Map<string, { readonly mark: UnderWay; readonly value: Promise<object> }>();

  const peek = <T extends object>(key: string): T | undefined => {
    const hit = l1.get(key);
    if (hit) stats.l1Hits++;
    return hit as T | undefined;
  };

  return {
    stats,
    subscribed,
    peek,
    async get<T extends object>(key: string, load: () => Promise<T>, options?: CacheEntryOptions<T>): Promise<T> {
      const hit = peek<T>(key);
      if (hit) return hit;
      let redisAnswered = false;
      // Not while a command timed out on the connection and Redis has not answered since (a hung Redis,
      // `ready` until socketTimeout): each miss's read waited its own command timeout then, 1 s past
      // the callers' budgets (redis-outage.test.ts 'answers a second cache miss ...').
      if (answersPromptly(opts.redis) && !unsynced.has(key)) {
        const read = begin(key);
        const found = await readL2(key);
        end(key, read);
        redisAnswered = found !== 'unanswered';
        if (typeof found === 'object') {
          stats.l2Hits++;
          const value = JSON.parse(found.raw) as T;
          const ttl = Math.floor(Math.min(l1TtlOf(value, options), found.leftMs));
          // lru-cache reads a TTL of 0 as none: a value about to leave Redis is served, not kept. One
          // read while its key's invalidation was heard may predate the write (as a load): served, not kept.
          if (ttl > 0 && !read.stale) l1.set(key, value, { size: sizeOf(found.raw), ttl });
          return value;
        }
      }
      stats.misses++;
      const shared = loading.get(key);
      if (shared && !shared.mark.stale) return shared.value as Promise<T>;
      const mark = begin(key);
      const entry = {
        mark,
        value: (async () => {
          const value = await load();
          if (mark.stale) return value;
          const json = JSON.stringify(value);
          l1.set(key, value, { size: sizeOf(json), ttl: l1TtlOf(value, options) });
          // Into L2 only if the subscriber was connected all along (ready at both ends, no reconnect between):
          // an invalidation sent while it was cut is never heard, and a value loaded before that write
          // and written to L2 after it outlived it there by the L2 TTL on every replica (the subscriber
          // alone is cut at each Entra token renewal). L1 is cleared when it is back.
          const heardAll = mark.listening && isRedisReady(opts.subscriber);
          if (heardAll && isRedisReady(opts.redis) && !unsynced.has(key)) {
            const stored = opts.redis.set(redisKey(key), json, 'EX', l2TtlOf(value, options)).catch(() => undefined);
            // Waited for only when Redis answered this miss's read: after a read it did not answer (a hung
            // Redis keeps the connection ready until socketTimeout), the SET would wait a second
            // commandTimeout, and a miss took 2 s, past the callers' 1 s budgets (trip -> user,
            // PEER_BUDGETS_MS): the answer goes now, the SET stays on its way (its failure changes nothing).
            if (redisAnswered) await stored;
          }
          return value;
        })(),
      };
      loading.set(key, entry);
      try {
        return (await entry.value) as T;
      } finally {
        // Marked until no caller can share it any more.
        if (loading.get(key) === entry) loading.delete(key);
        end(key, mark);
      }
    },
    async invalidate(key: string): Promise<void> {
      invalidated(key);
      l1.delete(key);
      unsynced.add(key);
      if (isRedisReady(opts.redis)) await sendInvalidation(key);
    },
    async close() {
      closed = true;
      clearTimeout(resendTimer);
      clearTimeout(stopWaiting);
      firstSubscription();
      opts.redis.off('ready', onRedisReady);
      opts.subscriber.off('message', onMessage);
      opts.subscriber.off('ready', onReady);
      l1.clear();
    },
  };
};
