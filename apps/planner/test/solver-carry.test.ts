import { describe, expect, it } from 'vitest';
import { Insertion } from '../src/core/insertion.ts';
import { buildCoreProblem, type CoreProblem } from '../src/core/problem.ts';
import { Rng } from '../src/core/rng.ts';
import { TourState } from '../src/core/tours.ts';

/**
 * After an insertion, the repair reads a place that fitted nowhere in the day as still fitting
 * nowhere (Insertion.insertAt carries the entry over). That must be what a fresh scan of the
 * changed day finds, also on days with meal breaks, which are taken where the traveller is.
 */

const DAYS = 2;
/** Nodes: depot 0, a lunch and a dinner per day, then the places. */
const FIRST_PLACE = 1 + 2 * DAYS;

/** Days of 08:00-22:00 (minutes) on metric travel, with meals and places of one or two opening intervals. */
function mealDays(seed: number, n: number): CoreProblem {
  const rng = new Rng(seed);
  const xy = Array.from({ length: n }, () => [rng.int(40), rng.int(40)] as const);
  const travel = new Float64Array(n * n);
  // Whole minutes rounded up from points in a plane keep the triangle inequality.
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.ceil(Math.hypot(xy[a]![0] - xy[b]![0], xy[a]![1] - xy[b]![1]));
  const isBreak = Array.from({ length: n }, (_, i) => (i >= 1 && i < FIRST_PLACE ? 1 : 0));
  const mealDay = (i: number): number => (i - 1) >> 1;
  const windows = Array.from({ length: DAYS }, (_, d) =>
    Array.from({ length: n }, (_, i) => {
      if (i === 0) return [];
      if (isBreak[i]) {
        if (mealDay(i) !== d) return [];
        const open = (i % 2 === 1 ? 720 : 1110) + rng.int(30);
        return [{ open, close: open + 30 + rng.int(60) }];
      }
      const open = 480 + rng.int(400);
      const list = [{ open, close: open + 30 + rng.int(180) }];
      if (rng.int(2) === 0) {
        const again = list[0]!.close + 60 + rng.int(120);
        list.push({ open: again, close: again + 30 + rng.int(150) });
      }
      return list;
    }),
  );
  return buildCoreProblem({
    travel,
    isBreak,
    service: Array.from({ length: n }, (_, i) => (i === 0 ? 0 : isBreak[i] ? 45 + rng.int(30) : 20 + rng.int(70))),
    score: Array.from({ length: n }, (_, i) => (i < FIRST_PLACE ? 0 : 1 + rng.int(20))),
    candidates: Array.from({ length: n - 1 }, (_, i) => i + 1),
    windows,
    tours: Array.from({ length: DAYS }, (_, d) => ({ startNode: 0, endNode: 0, startTime: 480, endTime: 1320, profile: d })),
    fixedTour: Array.from({ length: n }, (_, i) => (isBreak[i] ? mealDay(i) : -1)),
  });
}

/** Open nodes a fresh scan of day k finds room for (nothing cached). */
function freshFits(state: TourState, k: number): number[] {
  const fresh = new Insertion(state);
  return Array.from(state.problem.candidates).filter((j) => {
    if (state.tourOf[j] !== -1 || !state.allowed(j, k)) return false;
    fresh.best(k, j);
    return fresh.positionOf(k, j) !== -1;
  });
}

describe('fits-nowhere carry-over of an insertion', () => {
  it('after each insertion, reads for every open node what a fresh scan of the changed day finds, meals included', () => {
    let keptNowhere = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const problem = mealDays(seed, 30);
      const state = new TourState(problem);
      const insertion = new Insertion(state);
      const rng = new Rng(seed + 7000);
      for (let step = 0; step < 40; step++) {
        const k = rng.int(DAYS);
        const room = Array.from(problem.candidates).filter((j) => {
          if (state.tourOf[j] !== -1 || !state.allowed(j, k)) return false;
          insertion.best(k, j);
          return insertion.positionOf(k, j) !== -1;
        });
        if (room.length === 0) continue;
        const nowhere = new Set(Array.from(problem.candidates).filter((j) => state.tourOf[j] === -1 && state.allowed(j, k) && !room.includes(j)));
        const j = room[rng.int(room.length)]!;
        insertion.insertAt(k, insertion.positionOf(k, j) + 1, j);
        const fits = freshFits(state, k);
        const cached = Array.from(problem.candidates).filter((x) => {
          if (state.tourOf[x] !== -1 || !state.allowed(x, k)) return false;
          insertion.best(k, x);
          return insertion.positionOf(k, x) !== -1;
        });
        expect(cached, `seed ${seed} step ${step}: ${j} into day ${k}`).toEqual(fits);
        keptNowhere += [...nowhere].filter((x) => !fits.includes(x)).length;
      }
    }
    // Nodes that fitted nowhere before and after: what the carry-over saves re-evaluating.
    expect(keptNowhere).toBeGreaterThan(1000);
  });

  it('ends a repair only when a fresh scan finds room for no open node in any day (repairs after random removals)', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const state = new TourState(mealDays(seed, 40));
      const insertion = new Insertion(state);
      const rng = new Rng(seed + 9000);
      for (let round = 0; round < 15; round++) {
        // Take out up to three visits of a day (meals only where the day stays feasible without them).
        const k = rng.int(DAYS);
        for (let d = 1 + rng.int(3); d > 0 && state.length[k]! > 2; d--) dropAt(state, k, 1 + rng.int(state.length[k]! - 2));
        insertion.setExponent(1 + rng.int(3));
        insertion.insertAll(null);
        for (let day = 0; day < DAYS; day++) expect(freshFits(state, day), `seed ${seed} round ${round} day ${day}`).toEqual([]);
      }
    }
  });
});

/** Takes the visit at `pos` out of day k (put back where the rest no longer fits). */
function dropAt(state: TourState, k: number, pos: number): void {
  const b = k * state.capacity;
  const j = state.route[b + pos]!;
  state.route.copyWithin(b + pos, b + pos + 1, b + state.length[k]!);
  state.length[k] = state.length[k]! - 1;
  state.tourOf[j] = -1;
  state.objective -= state.effectiveScore[j]!;
  if (!state.recompute(k, pos)) state.insertAt(k, pos, j);
}
