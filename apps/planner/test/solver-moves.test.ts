import { describe, expect, it } from 'vitest';
import { buildCoreProblem, type WindowSpec } from '../src/core/problem.ts';
import { RoutePool } from '../src/core/recombination.ts';
import { TourShortening } from '../src/core/shorten.ts';
import { TourState } from '../src/core/tours.ts';

/** Depot 0 at x = 0 and places on a line at the given x; travel = distance; every tour lasts `horizon`. */
function lineState(xs: number[], options: { tours?: number; horizon?: number; windows?: WindowSpec[][]; scores?: number[] } = {}): TourState {
  const all = [0, ...xs];
  const n = all.length;
  const travel = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(all[a]! - all[b]!);
  const windows = options.windows ?? all.map((_, i) => (i === 0 ? [] : [{ open: 0, close: 10_000 }]));
  return new TourState(
    buildCoreProblem({
      travel,
      service: all.map(() => 0),
      score: options.scores ?? all.map((_, i) => (i === 0 ? 0 : 10)),
      candidates: xs.map((_, i) => i + 1),
      windows: [windows],
      tours: Array.from({ length: options.tours ?? 1 }, () => ({ startNode: 0, endNode: 0, startTime: 0, endTime: options.horizon ?? 10_000, profile: 0 })),
    }),
  );
}

const visits = (state: TourState, k: number): number[] => Array.from(state.route.subarray(k * state.capacity + 1, k * state.capacity + state.length[k]! - 1));

describe('time-saving moves inside a tour (2-opt, or-opt)', () => {
  it('untangles a crossed tour into the short order, keeping every visit', () => {
    const state = lineState([10, 20, 30, 40]);
    expect(state.setTours([Int32Array.from([3, 1, 4, 2])])).toBe(true);
    const before = state.arrival[state.length[0]! - 1]!;
    expect(new TourShortening(state, 8).shorten(0)).toBe(true);
    const after = state.arrival[state.length[0]! - 1]!;
    expect(after).toBe(80); // out to 40 and back
    expect(after).toBeLessThan(before);
    expect([...visits(state, 0)].sort()).toEqual([1, 2, 3, 4]);
  });

  it('never breaks a window: a place that must come first stays first even though the order is longer', () => {
    // Place 3 (x = 30) must start by 35; places 1 and 2 open only from 50 on.
    const windows = [[], [{ open: 50, close: 10_000 }], [{ open: 50, close: 10_000 }], [{ open: 0, close: 35 }]];
    const state = lineState([10, 20, 30], { windows });
    expect(state.setTours([Int32Array.from([3, 2, 1])])).toBe(true);
    new TourShortening(state, 8).shorten(0);
    expect(visits(state, 0)[0]).toBe(3);
    for (let pos = 1; pos < state.length[0]! - 1; pos++) expect(state.start[pos]!).toBeLessThanOrEqual(state.windowClose[pos]!);
  });

  it('leaves a tour alone once shortened until it changes', () => {
    const state = lineState([10, 20, 30, 40]);
    state.setTours([Int32Array.from([1, 2, 3, 4])]);
    const shortening = new TourShortening(state, 8);
    expect(shortening.shorten(0)).toBe(false);
    expect(visits(state, 0)).toEqual([1, 2, 3, 4]);
  });
});

describe('route recombination', () => {
  it('assembles the best set of disjoint pooled tours, beyond any single solution it saw', () => {
    // Two identical days; six places worth 10 each except place 3 (worth 15).
    const state = lineState([10, 20, 30, 40, 50, 60], { tours: 2, scores: [0, 10, 10, 15, 10, 10, 10] });
    const pool = new RoutePool(state, 50);
    const offer = (a: number[], b: number[]) => {
      state.setTours([Int32Array.from(a), Int32Array.from(b)]);
      pool.add(0);
      pool.add(1);
    };
    offer([1, 2, 3], [3, 4]); // cannot both be used: 3 twice
    offer([1, 2], [4, 5, 6]);
    offer([5], [6]);
    const best = pool.bestCombination(0, 100_000)!;
    expect(best).not.toBeNull();
    const chosen = best.map((r) => (r ? Array.from(r) : []));
    expect(chosen.flat().sort()).toEqual([1, 2, 3, 4, 5, 6]); // [1,2,3] + [4,5,6] = 65
    expect(new Set(chosen.flat()).size).toBe(chosen.flat().length);
    // Nothing beats 65: asked to beat it, the pool has no answer.
    expect(pool.bestCombination(65, 100_000)).toBeNull();
  });

  it('keeps a tour holding a place locked to one day for that day only', () => {
    const xs = [10, 20, 30];
    const all = [0, ...xs];
    const n = all.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(all[a]! - all[b]!);
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: all.map(() => 0),
        score: [0, 10, 10, 10],
        candidates: [1, 2, 3],
        windows: [all.map((_, i) => (i === 0 ? [] : [{ open: 0, close: 1000 }]))],
        tours: [0, 1].map(() => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 1000, profile: 0 })),
        fixedTour: [-1, 1, -1, -1], // place 1 locked to day 1
      }),
    );
    const pool = new RoutePool(state, 10);
    state.setTours([null, Int32Array.from([1, 2])]);
    pool.add(1);
    state.setTours([Int32Array.from([3]), null]);
    pool.add(0);
    const best = pool.bestCombination(0, 10_000)!;
    expect(best[1] ? Array.from(best[1]) : null).toEqual([1, 2]);
    expect(best[0] ? Array.from(best[0]) : null).toEqual([3]);
  });
});
