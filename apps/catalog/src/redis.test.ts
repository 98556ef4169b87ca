import { describe, expect, it } from 'vitest';
import { REDIS_KEY_PREFIXES, REDIS_ROOT, cacheChannel, cacheEntryKey, cacheNamespace, unshapedCacheEntryKey, redisNameCollisions, redisNames, type RedisName } from './redis.ts';
import { SCHEDULE_OUTCOME_CHANNEL, scheduleNudgeClaimKey, scheduleOutcomeChannel } from './schedules.ts';
import { TOKEN_REVOCATIONS } from './tokens.ts';

describe('Redis names', () => {
  it('are all under the root, and no two of one kind can name the same key or channel', () => {
    for (const n of redisNames()) expect(n.name.startsWith(`${REDIS_ROOT}:`), n.fact).toBe(true);
    expect(redisNameCollisions(redisNames())).toEqual([]);
  });

  it('tells a collision: a prefix over another fact, one exact name twice; keys and channels apart', () => {
    const key = (fact: string, name: string, match: RedisName['match'] = 'prefix'): RedisName => ({ fact, kind: 'key', match, name });
    expect(redisNameCollisions([key('a', 'tripgen:user:'), key('b', `${REDIS_KEY_PREFIXES.loginFailures}:`)])).toEqual([`key a (tripgen:user:) and b (${REDIS_KEY_PREFIXES.loginFailures}:)`]);
    expect(redisNameCollisions([key('a', 'tripgen:x', 'exact'), key('b', 'tripgen:x', 'exact')])).toHaveLength(1);
    expect(redisNameCollisions([key('a', 'tripgen:x:', 'prefix'), key('b', 'tripgen:x', 'exact')])).toEqual([]);
    // A service named like a key prefix's last segment would share its cache with it.
    expect(redisNameCollisions([...redisNames(), key('cache of ratelimit', `${cacheNamespace('ratelimit')}:cache`)])).toHaveLength(1);
    expect(redisNameCollisions([{ fact: 'a', kind: 'channel', match: 'exact', name: TOKEN_REVOCATIONS.key }, key('b', TOKEN_REVOCATIONS.key, 'exact')])).toEqual([]);
  });

  it('build the cache names the kit and the runbooks use', () => {
    expect(cacheEntryKey(cacheNamespace('user'), 'abc', 'user:1:me')).toBe('tripgen:user:cache@abc:user:1:me');
    expect(cacheChannel(cacheNamespace('trip'))).toBe('tripgen:trip:cache-invalidate');
    expect(unshapedCacheEntryKey(cacheNamespace('user'), 'user:1:me')).toBe('tripgen:user:cache:user:1:me');
    expect(scheduleNudgeClaimKey('trip_db', 'a-schedule')).toBe('tripgen:trip:schedule-nudge-claim:trip_db:a-schedule');
  });

  /**
   * The outcome channel is its Redis database's (pub/sub ignores the database): the stacks sharing a
   * server hear their own nudges only. Database 0, the environments' (REDIS_URL names none), keeps
   * the name every release before used, or an AI pod and a trip pod of two releases lose every nudge
   * between them during a rollout (each then costs a reader up to the sweep's period).
   */
  it("name the outcome channel of each Redis database: database 0's the one of the releases before", () => {
    expect(scheduleOutcomeChannel(0)).toBe(SCHEDULE_OUTCOME_CHANNEL);
    expect(SCHEDULE_OUTCOME_CHANNEL).toBe('tripgen:ai:schedule-outcomes');
    const channels = [0, 1, 2, 15, 1023].map(scheduleOutcomeChannel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c.startsWith(SCHEDULE_OUTCOME_CHANNEL)).toBe(true);
  });
});
