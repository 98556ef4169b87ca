/** Seed §5.1.2: two cache levels. */
export const CACHE_POLICY = {
  l1: { ttlMs: 5 * 60_000, maxEntries: 1_000 },
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
