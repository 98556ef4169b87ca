import { describe, expect, it } from 'vitest';
import { buildCoreProblem } from '../src/core/problem.ts';
import { scheduleProgress, solveTopTw } from '../src/core/solver.ts';
import { checkTopTwSolution } from '../bench/toptw/checker.ts';
import { topTwToCoreProblem } from '../bench/toptw/problem.ts';
import { loadBenchmarkInstance } from '../bench/toptw/files.ts';

// An iteration budget far below the (generous) clock budget: the runs are deterministic.
const budget = { maxIterations: 300, timeLimitMs: 60_000 };

describe('TOPTW solver on benchmark instances', () => {
  const cases = [
    { set: 'c_r_rc_100_100', name: 'c101', m: 1 },
    { set: 'c_r_rc_100_100', name: 'rc105', m: 1 },
    { set: 'c_r_rc_200_100', name: 'r201', m: 1 },
    { set: 'pr01_10', name: 'pr01', m: 2 },
    { set: 'pr01_10', name: 'pr02', m: 4 },
  ];
  for (const { set, name, m } of cases) {
    it(`${name} m=${m}: every tour passes the independent checker and the score is the checker's`, () => {
      const instance = loadBenchmarkInstance(set, name);
      const result = solveTopTw(topTwToCoreProblem(instance, m), { seed: 7, ...budget });
      const check = checkTopTwSolution(instance, result.tours, m);
      expect(check.errors).toEqual([]);
      expect(result.score).toBe(check.score);
      expect(result.score).toBeGreaterThan(0);
      expect(result.stats.stoppedBy).toBe('iterations');
    });
  }

  it('is deterministic for a seed under an iteration budget, and the seed matters', () => {
    const instance = loadBenchmarkInstance('pr01_10', 'pr03');
    const run = (seed: number) => solveTopTw(topTwToCoreProblem(instance, 3), { seed, ...budget });
    const a = run(11);
    const b = run(11);
    expect(b.tours).toEqual(a.tours);
    expect(b.score).toBe(a.score);
    const others = [12, 13, 14].map((s) => JSON.stringify(run(s).tours));
    expect(others.some((t) => t !== JSON.stringify(a.tours))).toBe(true);
  });

  it('stops at the wall-clock budget', () => {
    const instance = loadBenchmarkInstance('pr01_10', 'pr01');
    let now = 0;
    // A fake clock that advances 1 ms per reading: the run must end after about 50 readings.
    const result = solveTopTw(topTwToCoreProblem(instance, 2), { timeLimitMs: 50, clock: () => now++ });
    expect(result.stats.stoppedBy).toBe('time');
    expect(result.stats.iterations).toBeLessThan(50);
  });
});

describe('TOPTW solver constraints', () => {
  // Places 1-5 on a line 10 apart east of the depot, place 6 lies 45 to the west; a tour lasts 100.
  function lineProblem(opts: {
    tours?: number;
    mandatory?: number[];
    fixedTour?: number[];
    windows?: { open: number; close: number }[][];
  }) {
    const xs = [0, 10, 20, 30, 40, 50, -45];
    const n = xs.length;
    const travel = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) travel[a * n + b] = Math.abs(xs[a]! - xs[b]!);
    const windows = opts.windows ?? xs.map((_, i) => (i === 0 ? [] : [{ open: 0, close: 1000 }]));
    return buildCoreProblem({
      travel,
      service: xs.map(() => 0),
      score: [0, 10, 10, 10, 10, 10, 1],
      candidates: [1, 2, 3, 4, 5, 6],
      windows: [windows, windows],
      tours: Array.from({ length: opts.tours ?? 2 }, (_, k) => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 100, profile: k })),
      ...(opts.mandatory ? { mandatory: xs.map((_, i) => (opts.mandatory!.includes(i) ? 1 : 0)) } : {}),
      ...(opts.fixedTour ? { fixedTour: opts.fixedTour } : {}),
    });
  }

  it('visits a must-visit place even when optional places score more', () => {
    // One tour: places 1-5 (score 50) fill it exactly; place 6 (score 1) alone takes 90 of 100.
    const r = solveTopTw(lineProblem({ tours: 1, mandatory: [6] }), { maxIterations: 200, timeLimitMs: 60_000 });
    expect(r.tours).toEqual([[6]]);
    const free = solveTopTw(lineProblem({ tours: 1 }), { maxIterations: 200, timeLimitMs: 60_000 });
    expect([...free.tours[0]!].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(free.score).toBe(50);
  });

  it('keeps a locked place in its tour', () => {
    const fixedTour = [-1, -1, -1, -1, -1, 1, -1];
    const r = solveTopTw(lineProblem({ fixedTour, mandatory: [5] }), { maxIterations: 200, timeLimitMs: 60_000 });
    expect(r.tours[1]).toContain(5);
    expect(r.tours[0]).not.toContain(5);
  });

  it("searches a must-visit's day: the construction's choice is not final", () => {
    // Two tours of 100. Must-visit 4 (x = 40) fits either day; place 6 (x = -45, score 1) only on
    // day 0 (its windows), and never on the same day as 4. The construction puts 4 on day 0 (the
    // tie goes to the first tour); only moving 4 to day 1 makes room for 6.
    const windows = (day: number) => [0, 1, 2, 3, 4, 5, 6].map((i) => (i === 0 || (i === 6 && day === 1) ? [] : [{ open: 0, close: 1000 }]));
    const problem = (() => {
      const base = lineProblem({ mandatory: [4] });
      const xs = [0, 10, 20, 30, 40, 50, -45];
      return buildCoreProblem({
        travel: base.travel,
        service: xs.map(() => 0),
        score: [0, 0, 0, 0, 5, 0, 1],
        candidates: [4, 6],
        windows: [windows(0), windows(1)],
        tours: [0, 1].map((k) => ({ startNode: 0, endNode: 0, startTime: 0, endTime: 100, profile: k })),
        mandatory: xs.map((_, i) => (i === 4 ? 1 : 0)),
      });
    })();
    const searched = solveTopTw(problem, { maxIterations: 50, timeLimitMs: 60_000 });
    expect(searched.tours).toEqual([[6], [4]]);
    // With the must-visits frozen where the construction put them, place 6 never fits.
    const frozen = solveTopTw(problem, { maxIterations: 50, timeLimitMs: 60_000, tuning: { shakeMandatory: false } });
    expect(frozen.tours).toEqual([[4], []]);
    // Moved, but put back by a replace move (trading place 6 away) before it could find day 1.
    const replacedBack = solveTopTw(problem, { maxIterations: 50, timeLimitMs: 60_000, tuning: { mandatoryFirst: false } });
    expect(replacedBack.tours).toEqual([[4], []]);
  });

  it('uses the second of several windows when the first is missed', () => {
    // Node 3 (30 away) opens [0,5] and [40,45]: reachable only in the second window.
    const windows = [0, 1, 2, 3, 4, 5, 6].map((i) =>
      i === 0 ? [] : i === 3 ? [{ open: 0, close: 5 }, { open: 40, close: 45 }] : [{ open: 0, close: 1000 }],
    );
    const r = solveTopTw(lineProblem({ windows, mandatory: [3] }), { maxIterations: 100, timeLimitMs: 60_000 });
    expect(r.tours.flat()).toContain(3);
  });

  it('gives the CPU back once its floor of iterations is done and work waits (yieldTo), and runs its budget when none waits', () => {
    const instance = loadBenchmarkInstance('pr01_10', 'pr01');
    let asked = 0;
    const waiting = () => (asked++, true);
    const yielded = solveTopTw(topTwToCoreProblem(instance, 2), { seed: 3, ...budget, yieldTo: { afterIterations: 25, when: waiting } });
    expect(yielded.stats).toMatchObject({ iterations: 25, stoppedBy: 'yielded' });
    expect(asked).toBe(1);
    expect(checkTopTwSolution(instance, yielded.tours, 2).errors).toEqual([]);
    const full = solveTopTw(topTwToCoreProblem(instance, 2), { seed: 3, ...budget, yieldTo: { afterIterations: 25, when: () => false } });
    expect(full.stats).toMatchObject({ iterations: budget.maxIterations, stoppedBy: 'iterations' });
    expect(full.tours).toEqual(solveTopTw(topTwToCoreProblem(instance, 2), { seed: 3, ...budget }).tours);
  });
});

describe('acceptance schedule', () => {
  it('follows whichever budget is nearer its end, so a run the clock ends still anneals to zero', () => {
    // Clock nearly spent, iterations barely begun (a busy machine): the clock leads.
    expect(scheduleProgress(900, 1000, 10, 5000)).toBeCloseTo(0.9);
    expect(scheduleProgress(1000, 1000, 10, 5000)).toBe(1);
    // A generous time limit: the iterations lead, so the run is reproducible.
    expect(scheduleProgress(100, 100_000, 4000, 5000)).toBeCloseTo(0.8);
    // No iteration budget: the clock alone.
    expect(scheduleProgress(250, 1000, 123_456, Number.POSITIVE_INFINITY)).toBeCloseTo(0.25);
  });
});
