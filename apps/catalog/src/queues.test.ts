import { describe, expect, it } from 'vitest';
import { DAY_CLOCK, DUPLICATE_WINDOW_MS, GENERATION_RETENTION, MESSAGE_RETENTION, QUEUE_LIMITS, QUEUE_LOCK_MS, isoDaysMs, isoMinutesSecondsMs } from './queues.ts';

describe('message retention', () => {
  it('keeps processed ids and sent outbox rows longer than a duplicate can arrive (the queues\' TTL)', () => {
    expect(DUPLICATE_WINDOW_MS).toBe(isoDaysMs(QUEUE_LIMITS.defaultMessageTimeToLive));
    expect(DUPLICATE_WINDOW_MS).toBe(14 * 24 * 60 * 60_000);
    expect(MESSAGE_RETENTION.keepMs).toBeGreaterThan(DUPLICATE_WINDOW_MS);
    // Pruning runs well within the margin past the window.
    expect(MESSAGE_RETENTION.pruneEveryMs).toBeLessThan(MESSAGE_RETENTION.keepMs - DUPLICATE_WINDOW_MS);
  });

  it('keeps a failed generation as long as its expiry message or the trip service\'s late-outcome window can still ask for it', () => {
    // Both last the queues' TTL (DUPLICATE_WINDOW_MS; the trip service's LATE_OUTCOME_WINDOW_MS is the same TTL).
    expect(GENERATION_RETENTION.keepMs).toBeGreaterThan(DUPLICATE_WINDOW_MS);
    expect(GENERATION_RETENTION.pruneEveryMs).toBeLessThan(GENERATION_RETENTION.keepMs - DUPLICATE_WINDOW_MS);
  });

  it('reads the TTL the queues are created with, and refuses a duration it cannot read', () => {
    expect(isoDaysMs('P1D')).toBe(86_400_000);
    expect(() => isoDaysMs('PT10M')).toThrow(/not a duration in days/);
  });

  it('reads the lock duration the queues are created with, and refuses one it cannot read', () => {
    expect(QUEUE_LOCK_MS).toBe(isoMinutesSecondsMs(QUEUE_LIMITS.lockDuration));
    expect(QUEUE_LOCK_MS).toBe(60_000);
    expect(isoMinutesSecondsMs('PT30S')).toBe(30_000);
    expect(isoMinutesSecondsMs('PT2M30S')).toBe(150_000);
    for (const bad of ['PT', 'P1D', 'PT1H', '1M']) expect(() => isoMinutesSecondsMs(bad)).toThrow(/not a duration in minutes and seconds/);
  });
});

describe('DAY_CLOCK', () => {
  it('its latest end is the last time its pattern takes: 23:59 passes, 24:00 does not', () => {
    const clock = new RegExp(DAY_CLOCK.pattern);
    expect([clock.test(DAY_CLOCK.latest), clock.test('24:00'), clock.test('00:00')]).toEqual([true, false, true]);
    const [h, m] = DAY_CLOCK.latest.split(':').map(Number);
    const next = h! * 60 + m! + 1;
    expect(clock.test(`${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`)).toBe(false);
  });
});
