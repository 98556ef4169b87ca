/**
 * npm run bench:planner [-- --time-limit-ms 1000 --iterations <k> --seed 1 --only pr]
 *
 * Runs the public TOPTW suite with fixed seeds, checks every solution with the independent
 * checker, and prints per group the gap to the reference (mean, max, hits) and the time per
 * instance (p50/p95/max). Exits non-zero if any solution is infeasible.
 * Groups: Solomon c/r/rc 100 and 200 at m=1 (proven optima / references from reference.csv),
 * Cordeau pr01-pr10 at m = 1..4 (best-known table).
 */
import { parseArgs } from 'node:util';
import { solveTopTw, type Tuning } from '../src/core/solver.ts';
import { topTwToCoreProblem } from './toptw/problem.ts';
import { checkTopTwSolution } from './toptw/checker.ts';
import { listBenchmarkInstances, loadBenchmarkInstance, loadReferences } from './toptw/files.ts';
import { runCityBenchmark } from './city.bench.ts';

const { values } = parseArgs({
  options: {
    'time-limit-ms': { type: 'string', default: '1000' },
    iterations: { type: 'string' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    tuning: { type: 'string' },
    clock: { type: 'string', default: 'wall' },
  },
  strict: true,
});
const timeLimitMs = Number(values['time-limit-ms']);
const maxIterations = values.iterations ? Number(values.iterations) : undefined;
const seed = Number(values.seed);
// --clock cpu: the budget counts this process's CPU time, so results do not depend on how busy a
// shared machine is (the wall-clock default is what the product sees).
const cpuClock = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const clock = values.clock === 'cpu' ? cpuClock : undefined;
const tuning = values.tuning ? (JSON.parse(values.tuning) as Partial<Tuning>) : undefined;

interface Run {
  group: string;
  instance: string;
  m: number;
  score: number;
  reference: number | undefined;
  refKind: string;
  gap: number | undefined;
  ms: number;
  iterations: number;
  feasible: boolean;
}

const refs = loadReferences();
function reference(instance: string, m: number, kinds: string[]): { value: number; kind: string } | undefined {
  for (const kind of kinds) {
    const row = refs.find((r) => r.instance === instance && r.m === m && r.kind === kind);
    if (row) return { value: row.value, kind };
  }
  return undefined;
}

const jobs: { group: string; set: string; instance: string; m: number; kinds: string[] }[] = [];
for (const set of ['c_r_rc_100_100', 'c_r_rc_200_100']) {
  const size = set.startsWith('c_r_rc_100') ? '100' : '200';
  for (const instance of listBenchmarkInstances(set)) {
    const family = instance.replace(/\d+$/, '');
    jobs.push({
      group: `solomon ${family}${size.slice(0, 1)}xx m=1`,
      set,
      instance,
      m: 1,
      kinds: ['optimal_proven', 'lower_bound_not_proven', 'bks_secondhand'],
    });
  }
}
for (let m = 1; m <= 4; m++) {
  for (const instance of listBenchmarkInstances('pr01_10')) {
    jobs.push({ group: `pr01-10 m=${m}`, set: 'pr01_10', instance, m, kinds: ['bks_table'] });
  }
}

const runs: Run[] = [];
for (const job of jobs) {
  if (values.only && !new RegExp(values.only).test(`${job.group} ${job.instance}`)) continue;
  const instance = loadBenchmarkInstance(job.set, job.instance);
  const t0 = performance.now();
  const problem = topTwToCoreProblem(instance, job.m);
  const result = solveTopTw(problem, { seed, timeLimitMs, ...(clock ? { clock } : {}), ...(tuning ? { tuning } : {}), ...(maxIterations ? { maxIterations } : {}) });
  const ms = performance.now() - t0;
  const check = checkTopTwSolution(instance, result.tours, job.m);
  const feasible = check.feasible && check.score === result.score;
  if (!feasible) console.error(`INFEASIBLE ${job.instance} m=${job.m}: ${check.errors.join('; ')} (score ${result.score} vs ${check.score})`);
  const ref = reference(job.instance, job.m, job.kinds);
  runs.push({
    group: job.group,
    instance: job.instance,
    m: job.m,
    score: check.score,
    reference: ref?.value,
    refKind: ref?.kind ?? '-',
    gap: ref ? (100 * (ref.value - check.score)) / ref.value : undefined,
    ms,
    iterations: result.stats.iterations,
    feasible,
  });
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function summarise(label: string, rs: Run[]): string {
  const withRef = rs.filter((r) => r.gap !== undefined);
  const gaps = withRef.map((r) => r.gap!);
  const times = rs.map((r) => r.ms).sort((a, b) => a - b);
  const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : Number.NaN;
  const max = gaps.length ? Math.max(...gaps) : Number.NaN;
  const hits = withRef.filter((r) => r.score >= r.reference!).length;
  const infeasible = rs.filter((r) => !r.feasible).length;
  const iters = rs.reduce((a, r) => a + r.iterations, 0) / Math.max(1, rs.length);
  return [
    label.padEnd(22),
    String(rs.length).padStart(4),
    String(withRef.length).padStart(5),
    mean.toFixed(2).padStart(8),
    max.toFixed(2).padStart(8),
    `${hits}/${withRef.length}`.padStart(7),
    quantile(times, 0.5).toFixed(0).padStart(7),
    quantile(times, 0.95).toFixed(0).padStart(7),
    (times[times.length - 1] ?? Number.NaN).toFixed(0).padStart(7),
    iters.toFixed(0).padStart(8),
    String(infeasible).padStart(6),
  ].join(' ');
}

console.log(`TOPTW suite: seed ${seed}, time limit ${timeLimitMs} ms (${values.clock} clock)${maxIterations ? `, iteration budget ${maxIterations}` : ''}`);
console.log('\ninstance       m   score    ref kind                     gap%      ms   iters');
for (const r of runs) {
  console.log(
    `${r.instance.padEnd(12)} ${String(r.m).padStart(3)} ${String(r.score).padStart(7)} ${String(r.reference ?? '-').padStart(6)} ${r.refKind.padEnd(22)} ${(r.gap === undefined ? '-' : r.gap.toFixed(2)).padStart(7)} ${r.ms.toFixed(0).padStart(7)} ${String(r.iterations).padStart(7)}`,
  );
}
const header = `${'group'.padEnd(22)} runs  refs  mean%    max%    hits    p50ms   p95ms   maxms   iters  infeas`;
console.log(`\n${header}`);
const groups = [...new Set(runs.map((r) => r.group))];
for (const g of groups) console.log(summarise(g, runs.filter((r) => r.group === g)));
console.log('');
const totals: [string, Run[]][] = [
  ['solomon m=1 proven opt', runs.filter((r) => r.group.startsWith('solomon') && r.refKind === 'optimal_proven')],
  ['solomon m=1 all refs', runs.filter((r) => r.group.startsWith('solomon'))],
  ['pr01-10 m=1..4', runs.filter((r) => r.group.startsWith('pr'))],
  ['overall', runs],
];
for (const [label, rs] of totals) if (rs.length > 0) console.log(summarise(label, rs));

let infeasible = runs.filter((r) => !r.feasible).length;
if (!values.only || values.only === 'city') {
  console.log('');
  infeasible += runCityBenchmark();
}

if (infeasible > 0) {
  console.error(`\n${infeasible} infeasible solution(s)`);
  process.exit(1);
}
