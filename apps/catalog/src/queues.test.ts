import { describe, expect, it } from 'vitest';
import { DUPLICATE_WINDOW_MS, MESSAGE_RETENTION, QUEUE_LIMITS, isoDaysMs } from './queues.ts';

describe('message retention', () => {
  it('keeps processed ids and sent outbox rows longer than a duplicate can arrive (the queues\' TTL)', () => {
    expect(DUPLICATE_WINDOW_MS).toBe(isoDaysMs(QUEUE_LIMITS.defaultMessageTimeToLive));
    expect(DUPLICATE_WINDOW_MS).toBe(14 * 24 * 60 * 60_000);
    expect(MESSAGE_RETENTION.keepMs).toBeGreaterThan(DUPLICATE_WINDOW_MS);
    // Pruning runs well within the margin past the window.
    expect(MESSAGE_RETENTION.pruneEveryMs).toBeLessThan(MESSAGE_RETENTION.keepMs - DUPLICATE_WINDOW_MS);
  });

  it('reads the TTL the queues are created with, and refuses a duration it cannot read', () => {
    expect(isoDaysMs('P1D')).toBe(86_400_000);
    expect(() => isoDaysMs('PT10M')).toThrow(/not a duration in days/);
  });
});
