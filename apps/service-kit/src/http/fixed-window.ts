/**
 * The fixed-window counter under both the rate-limit store and the failure throttle: a window
 * opens with the first hit and is not extended. In Redis (shared by every replica) and, for while
 * Redis is unreachable, the same window per instance in an LRU.
 */
import { LRUCache } from 'lru-cache';

/** KEYS[1] the counter, ARGV[1] the window in ms → {count, ms left}; never leaves a key without a TTL. */
export const FIXED_WINDOW_INCR_LUA = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

export interface LocalWindow {
  count: number;
  resetAt: number;
}

export interface LocalWindowCounter {
  /** Counts a hit for `key` and returns the count in its window and the ms left of it. */
  incr(key: string, windowMs: number): { count: number; ttlMs: number };
  readonly windows: LRUCache<string, LocalWindow>;
}

export const localWindowCounter = (maxKeys: number): LocalWindowCounter => {
  const windows = new LRUCache<string, LocalWindow>({ max: maxKeys });
  return {
    windows,
    incr(key, windowMs) {
      const now = Date.now();
      let w = windows.get(key);
      if (!w || w.resetAt <= now) w = { count: 0, resetAt: now + windowMs };
      w.count++;
      windows.set(key, w);
      return { count: w.count, ttlMs: w.resetAt - now };
    },
  };
};
