import { describe, expect, it } from 'vitest';
import { Insertion } from '../src/core/insertion.ts';
import { buildCoreProblem, type WindowSpec } from '../src/core/problem.ts';
import { RemovedTabu, Shake } from '../src/core/perturbation.ts';
import { InterTourRelocation } from '../src/core/relocate.ts';
import { Rng } from '../src/core/rng.ts';
import { TourShortening } from '../src/core/shorten.ts';
import { InterTourSwap } from '../src/core/swap.ts';
import { TailExchange } from '../src/core/tails.ts';
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

describe('the shake near a point (a visit and its nearest visits, whatever their tours)', () => {
  // Depot 0 at x = 0; places 1..5 at x = 10, 11, 12, 500, 10.5 (travel = distance, no service).
  // Tour 0 visits 1 and 3, tour 1 visits 5 (a must-visit), 2 and 4.
  function shaken(seed: number): { state: TourState; removed: RemovedTabu } {
    const xs = [0, 10, 11, 12, 500, 10.5];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const open = [{ open: 0, close: 10_000 }];
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: xs.map(() => 0),
        score: [0, 10, 10, 10, 10, 10],
        candidates: [1, 2, 3, 4, 5],
        mandatory: [0, 0, 0, 0, 0, 1],
        windows: [[[], open, open, open, open, open]],
        tours: [0, 1].map(() => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 10_000, profile: 0 })),
      }),
    );
    expect(setTour(state, 0, [1, 3])).toBe(true);
    expect(setTour(state, 1, [5, 2, 4])).toBe(true);
    const removed = new RemovedTabu(n);
    const settings = { scatterRate: 0, shakeAllTours: false, shakeToursMax: 1, nearRate: 1 };
    new Shake(state, new Rng(seed), settings, removed).apply(2);
    return { state, removed };
  }

  it('removes the visit and its nearest optional visits from every tour, never a must-visit, keeping the tours feasible', () => {
    let acrossTours = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { state, removed } = shaken(seed);
      const kept = [...visits(state, 0), ...visits(state, 1)];
      const gone = [1, 2, 3, 4].filter((j) => !kept.includes(j));
      expect(kept).toContain(5);
      expect(gone).toHaveLength(2);
      // The two removed are neighbours: never 4 (far away) together with one of 1..3, unless 4 was the seed.
      if (gone.includes(4)) expect(gone).toEqual([3, 4]);
      removed.active = true;
      for (const j of gone) expect([state.tourOf[j], removed.blocks(j)]).toEqual([-1, true]);
      expect(state.objective).toBe(10 * kept.length + (state.effectiveScore[5]! - 10));
      for (const k of [0, 1]) expect(state.recompute(k, 1)).toBe(true);
      if (gone.some((j) => j === 2) && gone.some((j) => j === 1 || j === 3)) acrossTours++;
    }
    expect(acrossTours).toBeGreaterThan(0);
  });
});

describe('2-opt* between tours (tail exchange)', () => {
  // Depot 0 at x = 0; places 1..4 at x = 10, 20, -10, -20 (travel = distance); place 1 takes 30.
  // Tour 0 visits 1 then 4 (back at 90), tour 1 visits 3 then 2 (back at 60); exchanging the tails
  // after 1 and 3 gives 1, 2 and 3, 4, 40 less travel, but 2 then starts at 50.
  function crossed(closeOf2: number): TourState {
    const xs = [0, 10, 20, -10, -20];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const open = [{ open: 0, close: 1000 }];
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: [0, 30, 0, 0, 0],
        score: [0, 10, 10, 10, 10],
        candidates: [1, 2, 3, 4],
        windows: [[[], open, [{ open: 0, close: closeOf2 }], open, open]],
        tours: [0, 1].map(() => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 100, profile: 0 })),
      }),
    );
    expect(setTour(state, 0, [1, 4])).toBe(true);
    expect(setTour(state, 1, [3, 2])).toBe(true);
    return state;
  }
  const back = (state: TourState, k: number): number => state.arrival[k * state.capacity + state.length[k]! - 1]!;

  it('exchanges the tails when that travels less and every window still holds', () => {
    const state = crossed(1000);
    expect(new TailExchange(state, new TourShortening(state, 4)).pass()).toBe(true);
    expect([visits(state, 0), visits(state, 1)]).toEqual([[1, 2], [3, 4]]);
    expect([back(state, 0), back(state, 1)]).toEqual([70, 40]);
    expect([state.tourOf[2], state.tourOf[4], state.objective]).toEqual([0, 1, 40]);
    for (const k of [0, 1]) expect(state.recompute(k, 1)).toBe(true);
  });

  it('keeps the tours when the new head of a tail would start after its window closes', () => {
    const state = crossed(45);
    expect(new TailExchange(state, new TourShortening(state, 4)).pass()).toBe(false);
    expect([visits(state, 0), visits(state, 1)]).toEqual([[1, 4], [3, 2]]);
  });
});

describe('inter-tour swap that saves time', () => {
  // Depot 0 at x = 0; places 1..4 at x = -10, 11, 10, -11 (travel = distance). Tour 0 visits 1, 2
  // and tour 1 visits 3, 4 (42 of travel each); swapping 1 and 3 (or 2 and 4) makes both 22.
  // Tour 1 must be back by 42; places 1 and 2 open at `openOf12`.
  function crossed(openOf12: number): TourState {
    const xs = [0, -10, 11, 10, -11];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const open = [{ open: 0, close: 1000 }];
    const late = [{ open: openOf12, close: 1000 }];
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: [0, 0, 0, 0, 0],
        score: [0, 10, 10, 10, 10],
        candidates: [1, 2, 3, 4],
        windows: [[[], late, late, open, open]],
        tours: [100, 42].map((endTime) => ({ startNode: 0, endNode: 0, startTime: 0, endTime, profile: 0 })),
      }),
    );
    expect(setTour(state, 0, [1, 2])).toBe(true);
    expect(setTour(state, 1, [3, 4])).toBe(true);
    return state;
  }

  it('swaps two visits between tours when the visits after their slots then arrive earlier in total', () => {
    const state = crossed(0);
    expect(new InterTourSwap(state, new TourShortening(state, 4)).pass()).toBe(true);
    expect([visits(state, 0), visits(state, 1)]).toEqual([[3, 2], [1, 4]]);
    expect([state.tourOf[1], state.tourOf[3], state.objective]).toEqual([1, 0, 40]);
    for (const k of [0, 1]) expect([state.recompute(k, 1), state.arrival[k * state.capacity + 3]]).toEqual([true, 22]);
  });

  it('keeps the visits when a newcomer would make tour 1 late (1 and 2 open at 35: back at 45 or later)', () => {
    const state = crossed(35);
    expect(new InterTourSwap(state, new TourShortening(state, 4)).pass()).toBe(false);
    expect([visits(state, 0), visits(state, 1)]).toEqual([[1, 2], [3, 4]]);
  });
});
