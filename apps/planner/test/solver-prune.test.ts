import { describe, expect, it } from 'vitest';
import { Insertion } from '../src/core/insertion.ts';
import { buildCoreProblem } from '../src/core/problem.ts';
import { ReplaceMove } from '../src/core/replace.ts';
import { prunedPlaces } from '../src/core/solver.ts';
import { TourState } from '../src/core/tours.ts';

/** One tour from depot 0 at x = 0 over places on a line; travel = distance, wide windows. */
function lineProblem(xs: number[], options: { score?: number[]; mandatory?: number[]; isBreak?: number[]; endTime?: number } = {}) {
  const all = [0, ...xs];
  const n = all.length;
  const travel = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(all[a]! - all[b]!);
  return buildCoreProblem({
    travel,
    service: all.map(() => 0),
    score: options.score ?? all.map((_, i) => (i === 0 ? 0 : 10)),
    candidates: xs.map((_, i) => i + 1),
    windows: [all.map((_, i) => (i === 0 ? [] : [{ open: 0, close: 10_000 }]))],
    tours: [{ startNode: 0, endNode: 0, startTime: 0, endTime: options.endTime ?? 10_000, profile: 0 }],
    ...(options.mandatory ? { mandatory: options.mandatory } : {}),
    ...(options.isBreak ? { isBreak: options.isBreak } : {}),
  });
}

const visits = (state: TourState): number[] => Array.from(state.route.subarray(1, state.length[0]! - 1));

describe('problem reduction (pruneAfter)', () => {
  it('leaves out only optional places never seen: not seen ones, must-visits or breaks', () => {
    const problem = lineProblem([10, 20, 30, 40], { mandatory: [0, 0, 1, 0, 0], isBreak: [0, 0, 0, 0, 1] });
    const seen = new Uint8Array(problem.nodeCount);
    seen[1] = 1;
    expect(Array.from(prunedPlaces(problem, seen))).toEqual([0, 0, 0, 1, 0]);
  });

  it('marks exactly the places the tours visit (depots not)', () => {
    const state = new TourState(lineProblem([10, 20, 30]));
    state.insertAt(0, 1, 3);
    state.insertAt(0, 1, 1);
    const marks = new Uint8Array(state.nodeCount);
    state.markVisited(marks);
    expect(Array.from(marks)).toEqual([0, 1, 0, 1]);
  });

  it('the repair inserts no pruned place, and every other place that fits', () => {
    const state = new TourState(lineProblem([10, 20, 30]));
    const insertion = new Insertion(state);
    insertion.setExponent(1);
    const pruned = new Uint8Array(state.nodeCount);
    pruned[2] = 1;
    insertion.prune(pruned);
    insertion.insertAll(null);
    expect(visits(state).sort()).toEqual([1, 3]);
    expect(state.tourOf[2]).toBe(-1);
  });

  it('no replace move brings a pruned place in', () => {
    // Room for one visit (out to x = 10 and back): place 1 (score 1) is in; place 2 scores more at the same spot.
    const problem = lineProblem([10, 10], { score: [0, 1, 5], endTime: 20 });
    for (const prune of [false, true]) {
      const state = new TourState(problem);
      state.insertAt(0, 1, 1);
      const replace = new ReplaceMove(state, true, true);
      if (prune) replace.prune(Uint8Array.from([0, 0, 1]));
      replace.pass();
      expect(visits(state)).toEqual(prune ? [1] : [2]);
    }
  });
});
