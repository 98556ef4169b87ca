import { describe, expect, it } from 'vitest';
import { Insertion } from '../src/core/insertion.ts';
import { buildCoreProblem, type WindowSpec } from '../src/core/problem.ts';
import { InterTourRelocation } from '../src/core/relocate.ts';
import { TourShortening } from '../src/core/shorten.ts';
import { TourState } from '../src/core/tours.ts';

/** One tour from depot 0 at x = 0 over places on a line at the given x; travel = distance. */
function lineState(xs: number[], options: { windows?: WindowSpec[][] } = {}): TourState {
  const all = [0, ...xs];
  const n = all.length;
  const travel = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(all[a]! - all[b]!);
  const windows = options.windows ?? all.map((_, i) => (i === 0 ? [] : [{ open: 0, close: 10_000 }]));
  return new TourState(
    buildCoreProblem({
      travel,
      service: all.map(() => 0),
      score: all.map((_, i) => (i === 0 ? 0 : 10)),
      candidates: xs.map((_, i) => i + 1),
      windows: [windows],
      tours: [{ startNode: 0, endNode: 0, startTime: 0, endTime: 10_000, profile: 0 }],
    }),
  );
}

/** Puts the visits into tour k in this order; returns whether the tour is feasible. */
function setTour(state: TourState, k: number, order: number[]): boolean {
  order.forEach((j, i) => state.insertAt(k, i + 1, j));
  return state.recompute(k, 1);
}

const visits = (state: TourState, k: number): number[] => Array.from(state.route.subarray(k * state.capacity + 1, k * state.capacity + state.length[k]! - 1));

describe('time-saving moves inside a tour (2-opt, or-opt)', () => {
  it('untangles a crossed tour into the short order, keeping every visit', () => {
    const state = lineState([10, 20, 30, 40]);
    expect(setTour(state, 0, [3, 1, 4, 2])).toBe(true);
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
    expect(setTour(state, 0, [3, 2, 1])).toBe(true);
    new TourShortening(state, 8).shorten(0);
    expect(visits(state, 0)[0]).toBe(3);
    for (let pos = 1; pos < state.length[0]! - 1; pos++) expect(state.start[pos]!).toBeLessThanOrEqual(state.windowClose[pos]!);
  });

  it('leaves a tour alone once shortened until it changes', () => {
    const state = lineState([10, 20, 30, 40]);
    setTour(state, 0, [1, 2, 3, 4]);
    const shortening = new TourShortening(state, 8);
    expect(shortening.shorten(0)).toBe(false);
    expect(visits(state, 0)).toEqual([1, 2, 3, 4]);
  });
});

describe('inter-tour relocation that saves time', () => {
  // Depot 0 at x = 0; node 1 at x = 50, node 2 at x = -40, node 3 at x = 45 (travel = distance, no
  // service). Tour 0 visits 2 then 1 (180 of travel), tour 1 visits 3 (90): moving 1 to tour 1
  // saves 100 in tour 0 and adds 10 in tour 1. Only node 1 may join either tour.
  function twoTours(options: { secondEnd?: number; closedOnSecond?: boolean } = {}): TourState {
    const xs = [0, 50, -40, 45];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const open = [{ open: 0, close: 1000 }];
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: [0, 0, 0, 0],
        score: [0, 10, 10, 10],
        candidates: [1, 2, 3],
        windows: [
          [[], open, open, []],
          [[], options.closedOnSecond ? [] : open, [], open],
        ],
        tours: [
          { startNode: 0, endNode: 0, startTime: 0, endTime: 1000, profile: 0 },
          { startNode: 0, endNode: 0, startTime: 0, endTime: options.secondEnd ?? 1000, profile: 1 },
        ],
      }),
    );
    expect(setTour(state, 0, [2, 1])).toBe(true);
    expect(setTour(state, 1, [3])).toBe(true);
    return state;
  }

  it('moves a visit to the tour where it costs less time than it saves, keeping the score', () => {
    const state = twoTours();
    expect(new InterTourRelocation(state, new Insertion(state)).pass()).toBe(true);
    expect(visits(state, 0)).toEqual([2]);
    expect([...visits(state, 1)].sort()).toEqual([1, 3]); // either order travels 100
    expect(state.tourOf[1]).toBe(1);
    expect(state.objective).toBe(30);
    for (const k of [0, 1]) expect(state.recompute(k, 1)).toBe(true);
    expect(state.arrival[state.capacity + state.length[1]! - 1]).toBe(100);
  });

  it('leaves the visit where it is when the other tour cannot take it in time or at all', () => {
    for (const options of [{ secondEnd: 95 }, { closedOnSecond: true }]) {
      const state = twoTours(options);
      const moved = new InterTourRelocation(state, new Insertion(state)).pass();
      expect([visits(state, 0), visits(state, 1), moved]).toEqual([[2, 1], [3], false]);
      expect(state.objective).toBe(30);
    }
  });
});
