import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveTopTw, type Tuning } from '../../src/core/solver.ts';
import { checkTopTwSolution } from './checker.ts';
import { benchmarkDir, listBenchmarkInstances, loadBenchmarkInstance, loadReferences } from './files.ts';
import { topTwToCoreProblem } from './problem.ts';

/**
 * The benchmark protocol. Parameters are chosen on the TUNE split only and reported on the
 * HELD-OUT split as well, over several seeds (mean and worst over seeds), so a change that merely
 * fits the visible instances shows up as a gap between the two.
 *
 * - tune: Cordeau pr01-pr05 (m = 1..4) and Solomon c1xx, r1xx (m = 1);
 * - held-out: Cordeau pr06-pr10 (m = 1..4) and Solomon rc1xx (m = 1), c2xx, r2xx, rc2xx (m = 1,
 *   wide time windows, a different regime from everything in the tune split).
 * No search rule may depend on an instance's name, size or shape.
 */
export type Split = 'tune' | 'held-out';

export interface Job {
  split: Split;
  group: string;
  set: string;
  instance: string;
  m: number;
  /** Reference kinds in order of preference. */
  kinds: string[];
}

const SOLOMON_KINDS = ['optimal_proven', 'lower_bound_not_proven', 'bks_secondhand', 'own_long_run'];
const CORDEAU_KINDS = ['bks_table'];

export function protocolJobs(): Job[] {
  const jobs: Job[] = [];
  for (const set of ['c_r_rc_100_100', 'c_r_rc_200_100']) {
    const series = set === 'c_r_rc_100_100' ? '1' : '2';
    for (const instance of listBenchmarkInstances(set)) {
      const family = instance.replace(/\d+$/, '');
      const split: Split = series === '1' && family !== 'rc' ? 'tune' : 'held-out';
      jobs.push({ split, group: `solomon ${family}${series}xx m=1`, set, instance, m: 1, kinds: SOLOMON_KINDS });
    }
  }
  for (let m = 1; m <= 4; m++) {
    for (const instance of listBenchmarkInstances('pr01_10')) {
      const index = Number(instance.replace(/\D/g, ''));
      const split: Split = index <= 5 ? 'tune' : 'held-out';
      jobs.push({ split, group: `${index <= 5 ? 'pr01-05' : 'pr06-10'} m=${m}`, set: 'pr01_10', instance, m, kinds: CORDEAU_KINDS });
    }
  }
  return jobs;
}

export interface RunOptions {
  seed: number;
  timeLimitMs: number;
  maxIterations?: number;
  clock?: () => number;
  tuning?: Partial<Tuning>;
  /** Solve through the CLI, as a user runs it (`npm run -s planner:toptw -- ...`), wall clock. */
  viaCli?: boolean;
}

export interface Run {
  job: Job;
  seed: number;
  score: number;
  reference: number | undefined;
  refKind: string;
  gap: number | undefined;
  /** Wall time of model build + solve, ms. */
  ms: number;
  iterations: number;
  feasible: boolean;
  errors: string[];
}

const references = loadReferences();

export function referenceFor(job: Job): { value: number; kind: string } | undefined {
  for (const kind of job.kinds) {
    const row = references.find((r) => r.instance === job.instance && r.m === job.m && r.kind === kind);
    if (row) return { value: row.value, kind };
  }
  return undefined;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** One CLI run: the whole process, start-up included, as a user times it. */
function solveViaCli(job: Job, options: RunOptions): { tours: number[][]; score: number; stats: { iterations: number } } {
  const file = join(benchmarkDir(), 'instances', job.set, `${job.instance}.txt`);
  const args = ['run', '-s', 'planner:toptw', '--', '--instance', file, '--tours', String(job.m), '--time-limit-ms', String(options.timeLimitMs), '--seed', String(options.seed), '--stats'];
  if (options.maxIterations) args.push('--iterations', String(options.maxIterations));
  const out = JSON.parse(execFileSync('npm', args, { cwd: repoRoot, encoding: 'utf8' })) as { tours: number[][]; score: number; stats: { iterations: number } };
  return out;
}

export function runJob(job: Job, options: RunOptions): Run {
  const instance = loadBenchmarkInstance(job.set, job.instance);
  const t0 = performance.now();
  const result = options.viaCli
    ? solveViaCli(job, options)
    : solveTopTw(topTwToCoreProblem(instance, job.m), {
        seed: options.seed,
        timeLimitMs: options.timeLimitMs,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.tuning ? { tuning: options.tuning } : {}),
        ...(options.maxIterations ? { maxIterations: options.maxIterations } : {}),
      });
  const ms = performance.now() - t0;
  const check = checkTopTwSolution(instance, result.tours, job.m);
  const feasible = check.feasible && check.score === result.score;
  const ref = referenceFor(job);
  return {
    job,
    seed: options.seed,
    score: check.score,
    reference: ref?.value,
    refKind: ref?.kind ?? '-',
    gap: ref ? (100 * (ref.value - check.score)) / ref.value : undefined,
    ms,
    iterations: result.stats.iterations,
    feasible,
    errors: feasible ? [] : [...check.errors, `solver score ${result.score} vs checker ${check.score}`],
  };
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

export interface Summary {
  runs: number;
  refs: number;
  /** Mean gap over all runs with a reference (= mean over seeds of each seed's mean). */
  meanGap: number;
  /** The worst seed's mean gap. */
  worstSeedGap: number;
  maxGap: number;
  hits: number;
  infeasible: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanIterations: number;
}

export function summarise(runs: Run[]): Summary {
  const withRef = runs.filter((r) => r.gap !== undefined);
  const seeds = [...new Set(runs.map((r) => r.seed))];
  const perSeed = seeds.map((s) => mean(withRef.filter((r) => r.seed === s).map((r) => r.gap!))).filter((g) => !Number.isNaN(g));
  const times = runs.map((r) => r.ms);
  return {
    runs: runs.length,
    refs: withRef.length,
    meanGap: mean(withRef.map((r) => r.gap!)),
    worstSeedGap: perSeed.length ? Math.max(...perSeed) : Number.NaN,
    maxGap: withRef.length ? Math.max(...withRef.map((r) => r.gap!)) : Number.NaN,
    hits: withRef.filter((r) => r.score >= r.reference!).length,
    infeasible: runs.filter((r) => !r.feasible).length,
    p50Ms: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times.length ? Math.max(...times) : Number.NaN,
    meanIterations: mean(runs.map((r) => r.iterations)),
  };
}

export const SUMMARY_HEADER = `${'group'.padEnd(26)} runs  refs  mean%  worst-seed%  max%     hits   p50ms  p95ms  maxms   iters  infeas`;

export function formatSummary(label: string, s: Summary): string {
  const pct = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(2));
  return [
    label.padEnd(26),
    String(s.runs).padStart(4),
    String(s.refs).padStart(5),
    pct(s.meanGap).padStart(6),
    pct(s.worstSeedGap).padStart(12),
    pct(s.maxGap).padStart(6),
    `${s.hits}/${s.refs}`.padStart(8),
    s.p50Ms.toFixed(0).padStart(7),
    s.p95Ms.toFixed(0).padStart(6),
    s.maxMs.toFixed(0).padStart(6),
    s.meanIterations.toFixed(0).padStart(7),
    String(s.infeasible).padStart(7),
  ].join(' ');
}
