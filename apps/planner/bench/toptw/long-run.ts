/**
 * node --import tsx apps/planner/bench/toptw/long-run.ts --set c_r_rc_200_100 --m 1 --seeds 1,2 --cpu-ms 30000 [--only regex]
 *
 * Reference values for instances the literature tables we hold do not cover: the best score of
 * long runs of this repository's solver (budget in process CPU time, so a busy machine does not
 * shorten it). Prints reference.csv rows of kind `own_long_run`; the commit and budget go in the
 * source column. A gap to such a value says how far 1 s is from what more search finds, not how
 * far from the literature's best.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { solveTopTw } from '../../src/core/solver.ts';
import { cpuClock } from '../cpu-clock.ts';
import { checkTopTwSolution } from './checker.ts';
import { listBenchmarkInstances, loadBenchmarkInstance } from './files.ts';
import { topTwToCoreProblem } from './problem.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'c_r_rc_200_100' },
    m: { type: 'string', default: '1' },
    seeds: { type: 'string', default: '1,2' },
    'cpu-ms': { type: 'string', default: '30000' },
    only: { type: 'string' },
  },
  strict: true,
});
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const seeds = values.seeds.split(',').map(Number);
const m = Number(values.m);
const budget = Number(values['cpu-ms']);
const date = new Date().toISOString().slice(0, 10);
for (const name of listBenchmarkInstances(values.set)) {
  if (values.only && !new RegExp(values.only).test(name)) continue;
  const instance = loadBenchmarkInstance(values.set, name);
  let best = -1;
  for (const seed of seeds) {
    const result = solveTopTw(topTwToCoreProblem(instance, m), { seed, timeLimitMs: budget, clock: cpuClock });
    const check = checkTopTwSolution(instance, result.tours, m);
    if (!check.feasible) throw new Error(`${name}: infeasible long run: ${check.errors.join('; ')}`);
    best = Math.max(best, check.score);
  }
  console.log(
    `${name},${values.set},${m},${best},own_long_run,"this repository's solver at ${commit} (${date}): best of seeds ${seeds.join(' ')}, ${budget / 1000} s CPU each",not a literature value`,
  );
}
