/**
 * npm run bench:planner [-- --seeds 1-10 --split held-out --clock cpu --time-limit-ms 1000 --iterations <k> --only <regex>]
 *
 * Runs the public TOPTW suite under the protocol of bench/toptw/suite.ts (tune / held-out
 * splits, several seeds), checks every solution with the independent checker, and prints per
 * group and per split the gap to the reference (mean, worst seed, max, hits) and the time per
 * instance (p50/p95/max); then the real-trip cases. Exits non-zero if any solution is infeasible.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Tuning } from '../src/core/solver.ts';
import { runCityBenchmark } from './city.bench.ts';
import { runCliStartupBenchmark } from './cli.bench.ts';
import { cpuClock } from './cpu-clock.ts';
import { formatSummary, protocolJobs, referenceFor, runJob, summarise, SUMMARY_HEADER, type Job, type Run } from './toptw/suite.ts';
import { recordReferenceRuns, runTripBenchmark } from './trip.bench.ts';

const { values } = parseArgs({
  options: {
    'time-limit-ms': { type: 'string', default: '1000' },
    iterations: { type: 'string' },
    seed: { type: 'string' },
    seeds: { type: 'string', default: '1' },
    split: { type: 'string', default: 'all' },
    only: { type: 'string' },
    tuning: { type: 'string' },
    clock: { type: 'string', default: 'wall' },
    verbose: { type: 'boolean', default: false },
    out: { type: 'string' },
    from: { type: 'string' },
    'skip-trips': { type: 'boolean', default: false },
    'trips-only': { type: 'boolean', default: false },
    'trip-references': { type: 'boolean', default: false },
    // Recompute the 60-second references of a trip split (tune | held-out; repeatable) with the
    // current engine, keeping per request the better of old and new (a reference only goes up).
    'trip-references-refresh': { type: 'string', multiple: true },
    // Record one 60-second CPU run per solver seed (e.g. 1-3) of every trip request in the data
    // file's per-request `runs` (--trip-reference-mode walk|transit: one travel mode only), then exit.
    'trip-reference-runs': { type: 'string' },
    'trip-reference-mode': { type: 'string' },
    'via-cli': { type: 'boolean', default: false },
  },
  strict: true,
});

function parseSeeds(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, i) => from! + i);
  });
}

if (values['trip-reference-runs']) {
  const mode = values['trip-reference-mode'];
  if (mode !== undefined && mode !== 'walk' && mode !== 'transit') throw new Error(`--trip-reference-mode: walk or transit, not ${mode}`);
  console.log(`60-second CPU runs of the trip requests, solver seeds ${values['trip-reference-runs']}${mode ? `, ${mode} only` : ''}; load average ${loadavg()[0]!.toFixed(2)}`);
  const failed = recordReferenceRuns({ seeds: parseSeeds(values['trip-reference-runs']), ...(mode ? { modes: [mode] } : {}) });
  process.exit(failed > 0 ? 1 : 0);
}

const timeLimitMs = Number(values['time-limit-ms']);
const maxIterations = values.iterations ? Number(values.iterations) : undefined;
const seeds = parseSeeds(values.seed ?? values.seeds);
// --clock cpu: the budget counts this process's CPU time, so results do not depend on how busy a
// shared machine is (the wall-clock default is what the product sees).
const clock = values.clock === 'cpu' ? cpuClock : undefined;
const tuning = values.tuning ? (JSON.parse(values.tuning) as Partial<Tuning>) : undefined;
const jobs = values['trips-only'] ? [] : protocolJobs().filter(
  (j) => (values.split === 'all' || j.split === values.split) && (!values.only || new RegExp(values.only).test(`${j.group} ${j.instance}`)),
);

console.log(
  `TOPTW suite: seeds ${seeds.join(',')}, split ${values.split}, time limit ${timeLimitMs} ms (${values['via-cli'] ? 'through the CLI, wall' : values.clock} clock)` +
    `${maxIterations ? `, iteration budget ${maxIterations}` : ''}${tuning ? `, tuning ${values.tuning}` : ''}`,
);
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`machine: ${cpus().length} cores, load average ${load()} (1, 5, 15 min)`);
const verbose = values.verbose || seeds.length === 1;
if (verbose) console.log('\nseed instance       m   score    ref kind                     gap%      ms   iters');
const runs: Run[] = [];
// --from: re-summarise saved runs (--out) against the current reference values.
const saved = values.from
  ? readFileSync(values.from, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Omit<Run, 'reference' | 'refKind' | 'gap'> & { job: Job })
  : [];
for (const r of saved) {
  const ref = referenceFor(r.job);
  runs.push({ ...r, reference: ref?.value, refKind: ref?.kind ?? '-', gap: ref ? (100 * (ref.value - r.score)) / ref.value : undefined });
}
for (const seed of values.from ? [] : seeds) {
  for (const job of jobs) {
    const run = runJob(job, {
      seed,
      timeLimitMs,
      viaCli: values['via-cli'],
      ...(clock ? { clock } : {}),
      ...(tuning ? { tuning } : {}),
      ...(maxIterations ? { maxIterations } : {}),
    });
    runs.push(run);
    if (!run.feasible) console.error(`INFEASIBLE ${job.instance} m=${job.m} seed ${seed}: ${run.errors.join('; ')}`);
    if (verbose) {
      console.log(
        `${String(seed).padStart(4)} ${job.instance.padEnd(12)} ${String(job.m).padStart(3)} ${String(run.score).padStart(7)} ` +
          `${String(run.reference ?? '-').padStart(6)} ${run.refKind.padEnd(22)} ${(run.gap === undefined ? '-' : run.gap.toFixed(2)).padStart(7)} ` +
          `${run.ms.toFixed(0).padStart(7)} ${String(run.iterations).padStart(7)}`,
      );
    }
  }
}
if (values.out) {
  const lines = runs.map(({ job, seed, score, ms, iterations, feasible, errors }) => JSON.stringify({ job, seed, score, ms, iterations, feasible, errors }));
  writeFileSync(values.out, `${lines.join('\n')}\n`);
}

console.log(`\n${SUMMARY_HEADER}`);
for (const group of [...new Set(runs.map((r) => r.job.group))]) {
  console.log(formatSummary(group, summarise(runs.filter((r) => r.job.group === group))));
}
console.log('');
const totals: [string, Run[]][] = [
  ['TUNE split', runs.filter((r) => r.job.split === 'tune')],
  ['HELD-OUT split', runs.filter((r) => r.job.split === 'held-out')],
  ['held-out pr06-10 m=1..4', runs.filter((r) => r.job.group.startsWith('pr06-10'))],
  ['held-out solomon rc1', runs.filter((r) => r.job.group.startsWith('solomon rc1'))],
  ['held-out solomon 2xx', runs.filter((r) => /^solomon \w+2xx/.test(r.job.group))],
  ['pr01-10 m=1..4', runs.filter((r) => r.job.group.startsWith('pr'))],
  ['solomon m=1 proven optima', runs.filter((r) => r.job.group.startsWith('solomon') && r.refKind === 'optimal_proven')],
];
for (const [label, rs] of totals) if (rs.length > 0) console.log(formatSummary(label, summarise(rs)));
console.log('\nliterature: Vansteenwegen et al. (2009) ILS, mean gap 1.8% to the best known over its instance sets (bench/data/README.md)');

let infeasible = runs.filter((r) => !r.feasible).length;
if (!values['skip-trips'] && !values.only && !values.from) {
  console.log('');
  infeasible += runCityBenchmark();
  infeasible += await runTripBenchmark({
    computeReferences: values['trip-references'],
    refreshReferences: values['trip-references-refresh'],
    cpuBudget: values.clock === 'cpu',
  });
  console.log('');
  runCliStartupBenchmark();
}

console.log(`\nload average at the end: ${load()}`);
if (infeasible > 0) {
  console.error(`\n${infeasible} infeasible solution(s)`);
  process.exit(1);
}
