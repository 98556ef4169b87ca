/** Seed §5.1.2: two cache levels. */
export const CACHE_POLICY = {
  /**
   * `maxJsonChars`: the L1 entries' JSON text together (an entry counts the characters of its JSON).
   * The entries of one cache differ a thousandfold (a profile ~300 characters, a location search of
   * 100 places ~76,000, a 14-day candidate area ~340,000 that holds ~1.3 MB of heap), so a count
   * alone let 1,000 areas (~1.3 GB, each a trip created, one request) outgrow a 512 MiB pod. At about
   * four bytes of heap per character, 16 Mi characters keep L1 below ~64 MB of heap.
   */
  l1: { ttlMs: 5 * 60_000, maxEntries: 1_000, maxJsonChars: 16 * 2 ** 20 },
  l2: { ttlSeconds: 30 * 60, evictionPolicy: 'allkeys-lru' },
} as const;

/** Seed §6: 100 requests per minute per user, shared by every replica. */
export const RATE_LIMIT = { max: 100, timeWindowMs: 60_000 } as const;

/**
 * Failed logins per account (normalised email), shared by every replica: past `maxFailures` within
 * `windowMs` of the first one, login answers 429 until the window ends; a successful login resets it.
 */
export const LOGIN_THROTTLE = { maxFailures: 10, windowMs: 15 * 60_000 } as const;

/** Seed §7: distributed tracing samples 10 % of root traces. */
export const TRACE_SAMPLING_RATIO = 0.1;
