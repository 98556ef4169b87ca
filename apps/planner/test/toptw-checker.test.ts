import { describe, expect, it } from 'vitest';
import { checkTopTwSolution } from '../bench/toptw/checker.ts';
import { parseTopTw } from '../bench/toptw/parse.ts';

// Depot at the origin with a budget of 100; travel = truncated Euclidean distance (1 decimal).
const instance = parseTopTw(
  [
    'k v 4 t',
    'D Q',
    '0 0 0 0 0 0 0 0 100',
    '1 10 0 5 10 1 1 1 0 50', // 10 away, window [0,50]
    '2 20 0 5 20 1 1 1 30 40', // window [30,40]
    '3 0 40 5 30 1 1 1 0 100', // 40 away
    '4 3 4 1 1 1 1 1 0 100', // 5 away
  ].join('\n'),
  'c900',
);

describe('independent TOPTW checker', () => {
  it('accepts a feasible solution and recomputes its score', () => {
    // 0 ->1 arrives 10, ends 15 ->2 arrives 25, waits to 30, ends 35 -> depot at 55.
    expect(checkTopTwSolution(instance, [[1, 2], [4]], 2)).toEqual({ feasible: true, score: 31, errors: [] });
  });

  it('rejects a visit that starts after its window closes', () => {
    // 0 ->3 (40) ends 45 ->2 arrives 45+44.7=89.7 > 40.
    const r = checkTopTwSolution(instance, [[3, 2]]);
    expect(r.feasible).toBe(false);
    expect(r.errors.join()).toMatch(/node 2 starts at .* window closes at 40/);
  });

  it('rejects a tour back at the depot after the budget', () => {
    // 0 ->3 ends 45 ->1 arrives 45+41.2=86.2, ends 91.2 -> depot 101.2 > 100.
    const r = checkTopTwSolution(instance, [[3, 1]]);
    expect(r.feasible).toBe(false);
    expect(r.errors.join()).toMatch(/back at the depot/);
  });

  it('rejects a place visited twice, an unknown node, the depot as a visit, and too many tours', () => {
    expect(checkTopTwSolution(instance, [[1], [1]]).errors.join()).toMatch(/more than once/);
    expect(checkTopTwSolution(instance, [[9]]).errors.join()).toMatch(/not a place/);
    expect(checkTopTwSolution(instance, [[0]]).errors.join()).toMatch(/not a place/);
    expect(checkTopTwSolution(instance, [[1], [2], [4]], 2).errors.join()).toMatch(/at most 2/);
  });

  it('uses the truncated travel time: a window missed by rounding up is a violation', () => {
    // Node at distance 10.05 -> 10.0 with 1 decimal; window closing at 10 is met only with truncation.
    const tight = parseTopTw('a\nb\n0 0 0 0 0 0 0 0 100\n1 10.05 0 0 1 1 1 1 0 10\n', 'c901');
    expect(checkTopTwSolution(tight, [[1]]).feasible).toBe(true);
    const pr = parseTopTw('a\nb\n0 0 0 0 0 0 0 0 100\n1 10.05 0 0 1 1 1 1 0 10\n', 'pr901');
    expect(checkTopTwSolution(pr, [[1]]).feasible).toBe(false);
  });
});
