import { describe, expect, it } from 'vitest';
import { gapPct, latestRunPerSeed, median, planGaps, summariseGaps } from '../bench/trips/gaps.ts';

// The trip bench's marks: the best-known score, the 60-second run of the plan's own solver seed,
// and the median of the request's 60-second runs. Scores are chosen so that a wrong pairing (the
// first run, the best run, another seed's run) or a wrong centre (mean, middle of the unsorted
// list, lower middle of an even count) gives a different number.
describe('trip bench gaps against the 60-second runs', () => {
  const runs = [
    { seed: 1, score: 4000, computed: '2026-12-04T23:10' },
    { seed: 2, score: 3600, computed: '2026-12-04T23:11' },
    { seed: 3, score: 3700, computed: '2026-12-04T23:12' },
  ];

  it('medians sort first and average the two middle values of an even count', () => {
    expect(median([4000, 3600, 3700])).toBe(3700);
    expect(median([4000, 3600, 3700, 3900])).toBe(3800);
    expect(() => median([])).toThrow();
  });

  it('pairs each plan with the run of its own solver seed and the median of the runs', () => {
    for (const [seed, run] of [
      [1, 4000],
      [2, 3600],
      [3, 3700],
    ] as const) {
      const gaps = planGaps({ seed, score: 3600 }, 4100, runs);
      expect(gaps['best-known']).toBeCloseTo(gapPct(4100, 3600), 10);
      expect(gaps['same-seed 60 s']).toBeCloseTo((100 * (run - 3600)) / run, 10);
      expect(gaps['median 60 s']).toBeCloseTo((100 * (3700 - 3600)) / 3700, 10);
    }
  });

  it('a plan above its run has a negative gap, and a seed without a run has no same-seed gap', () => {
    expect(planGaps({ seed: 2, score: 3690 }, 4100, runs)['same-seed 60 s']).toBeCloseTo(-2.5, 10);
    const gaps = planGaps({ seed: 4, score: 3600 }, undefined, runs);
    expect(gaps).not.toHaveProperty('same-seed 60 s');
    expect(gaps).not.toHaveProperty('best-known');
    expect(gaps['median 60 s']).toBeCloseTo((100 * 100) / 3700, 10);
    expect(planGaps({ seed: 1, score: 3600 }, 4100, [])).toEqual({ 'best-known': gapPct(4100, 3600) });
  });

  it('a seed run again by a later engine stands for that seed, in the pairing and in the median', () => {
    const rerun = [...runs, { seed: 1, score: 3500, computed: '2026-12-05T09:00' }];
    expect(latestRunPerSeed(rerun).get(1)?.score).toBe(3500);
    const gaps = planGaps({ seed: 1, score: 3430 }, 4100, rerun);
    expect(gaps['same-seed 60 s']).toBeCloseTo(2, 10);
    // Runs 3500, 3600, 3700: median 3600 (with the old seed-1 run too it would be 3650).
    expect(gaps['median 60 s']).toBeCloseTo((100 * (3600 - 3430)) / 3600, 10);
  });

  it('summarises mean, worst plan and plans over 2%', () => {
    expect(summariseGaps([])).toBeUndefined();
    expect(
      summariseGaps([
        { label: 'a', gap: 1 },
        { label: 'b', gap: 2 },
        { label: 'c', gap: 3.5 },
        { label: 'd', gap: -0.5 },
      ]),
    ).toEqual({ plans: 4, mean: 1.5, worst: { gap: 3.5, label: 'c' }, over2: 1 });
  });
});
