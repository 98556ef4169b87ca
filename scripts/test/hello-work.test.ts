/**
 * The calibrated hello-world's spin count (BENCH_HELLO_WORK_US of `npm run bench:api`), against a
 * fake CPU clock: speed is measured by the bench, never asserted here.
 */
import { describe, expect, it } from 'vitest';
import { calibrate, parseWorkList, spin, spinControl } from '../lib/hello-work.ts';

describe('calibrate', () => {
  it('gives the iterations that cost the asked CPU time at the measured rate', () => {
    // 100 iterations a µs.
    expect(calibrate(35, (n) => n / 100)).toBe(3_500);
    expect(calibrate(20, (n) => n / 100, { minSampleUs: 1_000, samples: 3 })).toBe(2_000);
  });

  it('keeps the median rate, so a preempted or cache-cold sample does not move the count', () => {
    const slowEvery = [1, 1, 3, 1, 1, 5];
    let call = 0;
    // Samples at the kept size: rates of 100, 33, 100, 100, 20 iterations a µs; the median is 100.
    const disturbed = (n: number) => (n / 100) * (n >= 2 ** 11 * 1_000 ? slowEvery[call++ % slowEvery.length]! : 1);
    expect(calibrate(50, disturbed)).toBe(5_000);
  });

  it('times samples of at least the minimum length, doubling from 1,000 iterations', () => {
    const sizes: number[] = [];
    calibrate(10, (n) => (sizes.push(n), n / 100), { minSampleUs: 20_000, samples: 3 });
    // 1,000 × 2^11 = 2,048,000 iterations is the first size at or over 20,000 µs.
    expect(sizes).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 1_024_000, 2_048_000, 2_048_000, 2_048_000, 2_048_000]);
  });

  it('spins nothing for 0 µs without timing anything, and refuses a negative or non-numeric amount', () => {
    expect(calibrate(0, () => {
      throw new Error('timed');
    })).toBe(0);
    expect(() => calibrate(-1, (n) => n)).toThrow(/>= 0/);
    expect(() => calibrate(Number.NaN, (n) => n)).toThrow(/>= 0/);
  });

  it('stops on a CPU clock that never advances instead of doubling forever', () => {
    expect(() => calibrate(10, () => 0)).toThrow(/does not advance/);
  });
});

describe('spinControl', () => {
  it('starts from the calibrated count and follows the rate the timed spins show in place', () => {
    const c = spinControl(35, 3_500);
    expect(c.iterations()).toBe(3_500);
    expect(Number.isNaN(c.measuredUs())).toBe(true);
    // In place the loop runs at 70 iterations a µs, not the calibration's 100.
    c.record(3_500, 50);
    expect(c.iterations()).toBe(2_450);
    c.record(2_450, 35);
    expect(c.iterations()).toBe(2_450);
    expect(c.measuredUs()).toBe(50);
    c.record(2_450, 35);
    expect(c.measuredUs()).toBe(35);
    expect(c.samples()).toBe(3);
  });

  it('keeps the median of its window, so an interrupted spin does not move the count, and forgets what left the window', () => {
    const c = spinControl(20, 2_000, 5);
    for (const us of [20, 20, 200, 20, 20]) c.record(2_000, us);
    expect(c.iterations()).toBe(2_000);
    // Five spins at a new rate push the old ones out.
    for (let i = 0; i < 5; i++) c.record(2_000, 40);
    expect(c.iterations()).toBe(1_000);
    expect(c.measuredUs()).toBe(40);
  });

  it('takes no rate from a spin the 1 µs clock read as 0', () => {
    const c = spinControl(10, 1_000);
    c.record(1_000, 0);
    expect(c.iterations()).toBe(1_000);
    c.record(1_000, 20);
    expect(c.iterations()).toBe(500);
  });
});

describe('spin', () => {
  it('computes a state that changes with the count, so the loop cannot be dropped', () => {
    const a = spin(0);
    const b = spin(1_000);
    expect(b).not.toBe(a);
    expect(spin(1_000)).not.toBe(b);
  });
});

describe('parseWorkList', () => {
  it('reads a comma-separated list of µs, unset or empty as none', () => {
    expect(parseWorkList('20,35, 50')).toEqual([20, 35, 50]);
    expect(parseWorkList('0')).toEqual([0]);
    expect(parseWorkList(undefined)).toEqual([]);
    expect(parseWorkList(' ')).toEqual([]);
  });

  it('refuses a part that is not a number of µs >= 0', () => {
    expect(() => parseWorkList('20,,35')).toThrow(/"" is not/);
    expect(() => parseWorkList('20,abc')).toThrow(/"abc" is not/);
    expect(() => parseWorkList('-5')).toThrow(/"-5" is not/);
  });
});
