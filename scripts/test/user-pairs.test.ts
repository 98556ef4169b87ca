import { describe, expect, it } from 'vitest';
import { readPairs } from '../lib/user-pairs.ts';

const pair = (baseRps: number, rps: number, baseP99 = 2, p99 = 4) => ({ baseRps, baseP99, rps, p99 });

describe('readPairs (the user goal over alternated pairs)', () => {
  it('reads the median share and p99 ratio of an odd count, and names the median pair', () => {
    const r = readPairs([pair(20_000, 14_000), pair(40_000, 15_000, 1, 5), pair(30_000, 15_000, 2, 6), pair(22_000, 8_000), pair(24_000, 10_000)]);
    expect(r.shares.map((s) => Math.round(s * 100))).toEqual([70, 38, 50, 36, 42]);
    expect(r.share).toBeCloseTo(10_000 / 24_000);
    expect(r.medianPair).toBe(4);
    expect(r.p99Ratios).toEqual([2, 5, 3, 2, 2]);
    expect(r.p99Ratio).toBe(2);
  });

  it('never rounds an even count up: the lower share and the higher p99 ratio of the middle two', () => {
    const r = readPairs([pair(100, 60, 1, 2), pair(100, 40, 1, 4), pair(100, 55, 1, 3), pair(100, 45, 1, 1)]);
    expect(r.share).toBe(0.45);
    expect(r.medianPair).toBe(3);
    expect(r.p99Ratio).toBe(3);
  });

  it('counts a hello-world p99 under 1 ms as 1 ms, and refuses an empty run', () => {
    expect(readPairs([pair(100, 50, 0, 3)]).p99Ratio).toBe(3);
    expect(() => readPairs([])).toThrow('no pairs');
  });
});
