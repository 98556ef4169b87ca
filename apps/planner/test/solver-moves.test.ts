import { describe, expect, it } from 'vitest';
import { buildCoreProblem, type WindowSpec } from '../src/core/problem.ts';
import { TourShortening } from '../src/core/shorten.ts';
import { TailExchange } from '../src/core/tails.ts';
import { DayTrade } from '../src/core/trade.ts';
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

describe('tour bookkeeping read by the hot scans', () => {
  it('keeps latest (start + max-shift) and depart (start + service) in step with every change', () => {
    // Depot 0 at x = 0; places 1..5 on a line, with visit times and windows that make visits wait.
    const xs = [0, 10, 25, 40, 55, 70];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const windows = xs.map((_, i) => (i === 0 ? [] : [{ open: 20 * i, close: 20 * i + 200 }]));
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: [0, 5, 12, 3, 8, 20],
        score: [0, 10, 10, 10, 10, 10],
        candidates: [1, 2, 3, 4, 5],
        windows: [windows],
        tours: [{ startNode: 0, endNode: 0, startTime: 0, endTime: 1_000, profile: 0 }],
      }),
    );
    const check = (): void => {
      const L = state.length[0]!;
      for (let pos = 0; pos < L; pos++) {
        expect(state.latest[pos]).toBe(state.start[pos]! + state.maxShift[pos]!);
        if (pos < L - 1) expect(state.depart[pos]).toBe(state.start[pos]! + state.problem.service[state.route[pos]!]!);
      }
    };
    setTour(state, 0, [4, 1, 5, 2]);
    check();
    state.insertAt(0, 2, 3);
    check();
    new TourShortening(state, 4).shorten(0);
    check();
  });
});

describe('relocate / exchange between days (day trade)', () => {
  // Depot 0 at x = 0; places 1..4 at x = 10, 20, -10, -20 (travel = distance, 10 minutes each);
  // 5 and 6 are the lunch breaks of day 0 and day 1 (no travel: taken where the traveller is).
  // Day 0 visits 1, lunch, 4 and day 1 visits 3, lunch, 2: 60 travel each, back at 90 of 95.
  // No single visit fits into the other day; exchanging 1 and 3 (or 4 and 2) halves the travel.
  function zigzag(options: { closedOnDay0?: number[]; locked?: number[] } = {}): TourState {
    const xs = [0, 10, 20, -10, -20, 0, 0];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    const isBreak = [0, 0, 0, 0, 0, 1, 1];
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (!isBreak[a] && !isBreak[b]) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const open = [{ open: 0, close: 1000 }];
    const day = (d: number) => xs.map((_, i) => (i === 0 ? [] : i >= 5 ? (i === 5 + d ? open : []) : d === 0 && options.closedOnDay0?.includes(i) ? [] : open));
    const fixedTour = xs.map((_, i) => (i >= 5 ? i - 5 : options.locked?.includes(i) ? 0 : -1));
    const state = new TourState(
      buildCoreProblem({
        travel,
        service: [0, 10, 10, 10, 10, 10, 10],
        score: [0, 10, 10, 10, 10, 0, 0],
        candidates: [1, 2, 3, 4, 5, 6],
        windows: [day(0), day(1)],
        tours: [0, 1].map((d) => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 95, profile: d })),
        fixedTour,
        mandatory: [0, 0, 0, 0, 0, 1, 1],
        isBreak,
      }),
    );
    expect(setTour(state, 0, [1, 5, 4])).toBe(true);
    expect(setTour(state, 1, [3, 6, 2])).toBe(true);
    return state;
  }
  const back = (state: TourState, k: number): number => state.arrival[k * state.capacity + state.length[k]! - 1]!;
  const trade = (state: TourState): boolean => new DayTrade(state, new TourShortening(state, 4)).pass();

  it('exchanges visits between days with meal breaks when that travels less, keeping each break on its day', () => {
    const state = zigzag();
    const objective = state.objective;
    expect(trade(state)).toBe(true);
    const places = (k: number) => visits(state, k).filter((j) => j < 5).sort();
    expect([places(0), places(1)].sort()).toEqual([[1, 2], [3, 4]]);
    expect(visits(state, 0)).toContain(5);
    expect(visits(state, 1)).toContain(6);
    expect(back(state, 0) + back(state, 1)).toBe(140);
    expect(state.objective).toBe(objective);
    for (const k of [0, 1]) {
      for (const j of visits(state, k)) expect(state.tourOf[j]).toBe(k);
      expect(state.recompute(k, 1)).toBe(true);
    }
  });

  it("keeps the days when the places that would move are closed on the other day (each day's own opening hours)", () => {
    const state = zigzag({ closedOnDay0: [2, 3] });
    expect(trade(state)).toBe(false);
    expect([visits(state, 0), visits(state, 1)]).toEqual([[1, 5, 4], [3, 6, 2]]);
    expect([back(state, 0), back(state, 1)]).toEqual([90, 90]);
  });

  it('never moves a visit locked to its day', () => {
    const state = zigzag({ locked: [1, 4] });
    expect(trade(state)).toBe(false);
    expect([visits(state, 0), visits(state, 1)]).toEqual([[1, 5, 4], [3, 6, 2]]);
  });
});
