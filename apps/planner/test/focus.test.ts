import { describe, expect, it } from 'vitest';
import { focusPart } from '../src/core/focus.ts';
import { Insertion } from '../src/core/insertion.ts';
import { Rng } from '../src/core/rng.ts';
import { RemovedTabu, Shake } from '../src/core/perturbation.ts';
import { buildCoreProblem } from '../src/core/problem.ts';
import { ReplaceMove } from '../src/core/replace.ts';
import { TourShortening } from '../src/core/shorten.ts';
import { solveTopTw } from '../src/core/solver.ts';
import { TourState } from '../src/core/tours.ts';
import { DayTrade } from '../src/core/trade.ts';

/** Days from a depot at (0, 0) over places at the given points; travel = rounded Euclidean distance, service 10, wide windows. */
function planeProblem(points: Array<[number, number]>, endTimes: number[], fixedTour?: number[]) {
  const all: Array<[number, number]> = [[0, 0], ...points];
  const n = all.length;
  const travel = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.round(Math.hypot(all[a]![0] - all[b]![0], all[a]![1] - all[b]![1]));
  return buildCoreProblem({
    travel,
    service: all.map((_, i) => (i === 0 ? 0 : 10)),
    score: all.map((_, i) => (i === 0 ? 0 : 10 + (i % 7))),
    candidates: points.map((_, i) => i + 1),
    windows: endTimes.map(() => all.map((_, i) => (i === 0 ? [] : [{ open: 0, close: 10_000 }]))),
    tours: endTimes.map((endTime, d) => ({ startNode: 0, endNode: 0, startTime: 0, endTime, profile: d })),
    ...(fixedTour ? { fixedTour: [-1, ...fixedTour] } : {}),
  });
}

const allPlaces = (state: TourState): number[] => Array.from({ length: state.nodeCount }, (_, j) => j);

describe('focus parts (focus.ts)', () => {
  // Day 0 east (x = 100), day 1 a little further east (x = 130), day 2 west (x = -100).
  const points: Array<[number, number]> = [
    [100, 0], [100, 5], // 1, 2: day 0
    [130, 0], [130, 5], // 3, 4: day 1
    [-100, 0], [-100, 5], // 5, 6: day 2
    [105, 0], // 7: unvisited, nearest a day-0 place
    [-105, 0], // 8: unvisited, nearest a day-2 place
    [135, 0], // 9: unvisited, nearest a day-1 place
  ];
  const plan = (fixedTour?: number[]): TourState => {
    const state = new TourState(planeProblem(points, [10_000, 10_000, 10_000], fixedTour));
    state.assign(0, [1, 2]);
    state.assign(1, [3, 4]);
    state.assign(2, [5, 6]);
    return state;
  };

  it('takes the seed day and the days whose places lie nearest its places', () => {
    const state = plan();
    expect(focusPart(state, 0, 2).days).toEqual([0, 1]);
    expect(focusPart(state, 2, 2).days[0]).toBe(2);
    expect(focusPart(state, 0, 1).days).toEqual([0]);
    expect(focusPart(state, 0, 3).days).toEqual([0, 1, 2]);
  });

  it("holds the days' visits and the unvisited places near them, never places of other days", () => {
    const state = plan();
    expect(focusPart(state, 0, 2).places.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 7, 9]);
    expect(focusPart(state, 2, 1).places.sort((a, b) => a - b)).toEqual([5, 6, 8]);
  });

  it('leaves out an unvisited place locked to a day outside the focus', () => {
    // 7 is near day 0 but locked to day 2.
    const state = plan([-1, -1, -1, -1, -1, -1, 2, -1, -1]);
    expect(focusPart(state, 0, 2).places.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 9]);
  });
});

describe('focus (TourState.setFocus)', () => {
  it('the repair fills focus days only, and after the focus the other days see the places freed in it', () => {
    // X (1) and Y (2, locked to day 0) lie side by side; day 0 has room for one of them, day 1 for X.
    const state = new TourState(planeProblem([[10, 0], [10, 5]], [35, 100], [-1, 0]));
    const insertion = new Insertion(state);
    state.assign(0, [1]);
    insertion.insertAll(null);
    expect(state.tourOf[2]).toBe(-1);

    state.setFocus([0], allPlaces(state));
    state.assign(0, []);
    insertion.insertAll({ blocks: (j) => j === 1 });
    expect(state.tourOf[2]).toBe(0);
    // X is open now but fits neither day 0 (full) nor day 1 (out of the focus).
    insertion.insertAll(null);
    expect(state.tourOf[1]).toBe(-1);

    // Day 1 is the tour it was before the focus; its scan must still cover X, which it never saw open.
    state.clearFocus();
    insertion.insertAll(null);
    expect(state.tourOf[1]).toBe(1);
  });

  it("the repair brings in only the focus's places, and any place after it", () => {
    const state = new TourState(planeProblem([[10, 0], [10, 5], [12, 3]], [10_000]));
    const insertion = new Insertion(state);
    state.setFocus([0], [2]);
    insertion.insertAll(null);
    expect(Array.from(state.tourOf.subarray(1, 4))).toEqual([-1, 0, -1]);
    state.clearFocus();
    insertion.insertAll(null);
    expect(Array.from(state.tourOf.subarray(1, 4))).toEqual([0, 0, 0]);
  });

  it("the replace moves bring in only the focus's places, on focus days, and after a focus every place may take any day", () => {
    // 1 (score 11) fills day 0 (ends at 50), 2 (score 12) day 1 (ends at 35, room for one near visit); 5 (score 15) lies
    // too far for day 1 and fits day 0 alone; 6 (score 16) takes either slot.
    const state = new TourState(planeProblem([[10, 0], [0, 10], [30, 30], [31, 31], [15, 0], [10, 2]], [50, 35]));
    state.assign(0, [1]);
    state.assign(1, [2]);
    const replace = new ReplaceMove(state, true, true);
    state.setFocus([0], [1]);
    expect(replace.pass()).toBe(false);
    // 5 is scanned in vain (day 1 is the only focus day), 6 is not the focus's; day 0 stays as it was.
    state.setFocus([1], [2, 5]);
    expect(replace.pass()).toBe(false);
    expect([state.tourOf[1], state.tourOf[2], state.tourOf[5], state.tourOf[6]]).toEqual([0, 1, -1, -1]);
    // After the focus, that scan no longer counts: 5 takes day 0, which did not change; 6 takes day 1.
    state.clearFocus();
    replace.unfocus();
    expect(replace.pass()).toBe(true);
    expect([state.tourOf[1], state.tourOf[2], state.tourOf[5], state.tourOf[6]]).toEqual([-1, -1, 0, 1]);
  });

  it('the day trade moves visits between focus days only', () => {
    // Day 0 visits the east place 1 and the west place 3, day 1 the east place 2 and the west place 4; trading 3 and 2 saves travel on both days.
    const problem = planeProblem([[100, 0], [100, 5], [-100, 0], [-100, 5]], [10_000, 10_000, 10_000]);
    const run = (focus: number[] | null): number[][] => {
      const state = new TourState(problem);
      state.assign(0, [1, 3]);
      state.assign(1, [2, 4]);
      if (focus !== null) state.setFocus(focus, [1, 2, 3, 4]);
      new DayTrade(state, new TourShortening(state, 4)).pass();
      return [0, 1].map((k) => Array.from(state.route.subarray(k * state.capacity + 1, k * state.capacity + state.length[k]! - 1)));
    };
    expect(run([0, 2])).toEqual([[1, 3], [2, 4]]);
    const traded = run([0, 1]);
    expect(traded).not.toEqual([[1, 3], [2, 4]]);
    expect(run(null)).toEqual(traded);
  });

  it('the shake takes visits out of focus days only', () => {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < 12; i++) points.push([10 + i, i % 3]);
    const state = new TourState(planeProblem(points, [10_000, 10_000, 10_000]));
    state.assign(0, [1, 2, 3, 4]);
    state.assign(1, [5, 6, 7, 8]);
    state.assign(2, [9, 10, 11, 12]);
    const shake = new Shake(state, new Rng(7), { scatterRate: 0.3, shakeAllTours: false, shakeToursMax: 2, shakeMandatory: true }, new RemovedTabu(state.nodeCount));
    state.setFocus([2, 0], allPlaces(state));
    for (let i = 0; i < 20; i++) shake.apply(2);
    expect(state.length[1]).toBe(6);
    expect(state.length[0]! + state.length[2]!).toBeLessThan(12);
  });
});

describe('focus phase (Tuning.focusDays)', () => {
  // Four days over 60 places in six clusters, each day long enough for about one and a half clusters.
  const points: Array<[number, number]> = [];
  for (let c = 0; c < 6; c++) {
    const angle = (c * Math.PI) / 3;
    for (let i = 0; i < 10; i++) points.push([Math.round(200 * Math.cos(angle) + (i % 4) * 9), Math.round(200 * Math.sin(angle) + Math.floor(i / 4) * 9)]);
  }
  const problem = planeProblem(points, [520, 520, 520, 520]);

  it('runs focus blocks and leaves a feasible plan', () => {
    const on = solveTopTw(problem, { seed: 1, maxIterations: 400, timeLimitMs: 1e9, tuning: { focusDays: 2, focusBlock: 20, focusAt: 0.2, focusEnd: 0.9 } });
    expect(on.stats.focus!.blocks).toBeGreaterThan(0);
    const all = on.tours.flat();
    expect(new Set(all).size).toBe(all.length);
    const state = new TourState(problem);
    on.tours.forEach((tour, k) => expect(state.assign(k, tour)).toBe(true));
    expect(solveTopTw(problem, { seed: 1, maxIterations: 50, timeLimitMs: 1e9 }).stats.focus).toBeUndefined();
  });

  it('is the plain search until the phase starts (same random stream)', () => {
    // A phase that would start after the last iteration changes nothing.
    const off = solveTopTw(problem, { seed: 3, maxIterations: 300, timeLimitMs: 1e9 });
    const late = solveTopTw(problem, { seed: 3, maxIterations: 300, timeLimitMs: 1e9, tuning: { focusDays: 2, focusBlock: 20, focusAt: 1.5, focusEnd: 2 } });
    expect(late.tours).toEqual(off.tours);
    expect(late.stats.focus!.blocks).toBe(0);
  });

  it('does not run when the iteration budget has no room for a whole block in its window', () => {
    const tuning = { focusDays: 2, focusBlock: 100, focusAt: 0.2, focusEnd: 0.9 };
    // 0.7 x 150 = 105 iterations: room for a block; 0.7 x 140 = 98: none.
    expect(solveTopTw(problem, { seed: 2, maxIterations: 150, timeLimitMs: 1e9, tuning }).stats.focus!.blocks).toBeGreaterThan(0);
    const short = solveTopTw(problem, { seed: 2, maxIterations: 140, timeLimitMs: 1e9, tuning });
    expect(short.stats.focus!.blocks).toBe(0);
    expect(short.tours).toEqual(solveTopTw(problem, { seed: 2, maxIterations: 140, timeLimitMs: 1e9 }).tours);
  });
});
