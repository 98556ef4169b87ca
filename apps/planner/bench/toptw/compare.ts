/**
 * node --import tsx apps/planner/bench/toptw/compare.ts <base.jsonl> <variant.jsonl>
 *
 * Paired comparison of two saved benchmark runs (`npm run bench:planner -- --out`): runs are
 * matched by instance, m and seed, and per group (and over all pairs) it prints the mean change
 * of the gap to the reference, variant minus base, in percentage points of the reference, with its
 * standard error, and the ratio of iterations. A change counts only beyond about two standard
 * errors: the spread between seeds of one solver is as large as most gains.
 */
import { readFileSync } from 'node:fs';
import type { Job } from './suite.ts';
import { referenceFor } from './suite.ts';

interface Saved {
  job: Job;
  seed: number;
  score: number;
  iterations: number;
  feasible: boolean;
}

function load(file: string): Map<string, Saved> {
  const runs = new Map<string, Saved>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Saved;
    runs.set(`${r.job.instance} ${r.job.m} ${r.seed}`, r);
  }
  return runs;
}

const [baseFile, variantFile] = process.argv.slice(2);
if (!baseFile || !variantFile) {
  process.stderr.write('usage: compare.ts <base.jsonl> <variant.jsonl>\n');
  process.exit(2);
}
const base = load(baseFile);
const variant = load(variantFile);

interface Pair {
  group: string;
  /** Gap change in percentage points: negative = the variant is better. */
  delta: number;
  iterationRatio: number;
}
const pairs: Pair[] = [];
for (const [key, b] of base) {
  const v = variant.get(key);
  const ref = referenceFor(b.job);
  if (!v || !ref) continue;
  if (!b.feasible || !v.feasible) throw new Error(`infeasible run in a pair: ${key}`);
  pairs.push({ group: b.job.group, delta: (100 * (b.score - v.score)) / ref.value, iterationRatio: v.iterations / Math.max(1, b.iterations) });
}

function line(label: string, ps: Pair[]): string {
  const n = ps.length;
  const mean = ps.reduce((s, p) => s + p.delta, 0) / n;
  const sd = Math.sqrt(ps.reduce((s, p) => s + (p.delta - mean) ** 2, 0) / Math.max(1, n - 1));
  const better = ps.filter((p) => p.delta < 0).length;
  const worse = ps.filter((p) => p.delta > 0).length;
  const iters = ps.reduce((s, p) => s + p.iterationRatio, 0) / n;
  return `${label.padEnd(22)} ${String(n).padStart(5)} ${mean.toFixed(3).padStart(8)} ${(sd / Math.sqrt(n)).toFixed(3).padStart(7)} ${`${better}/${worse}`.padStart(9)} ${iters.toFixed(2).padStart(7)}`;
}

console.log(`${'group'.padEnd(22)} pairs  gap-chg     +-se  better/worse  iters x`);
for (const group of [...new Set(pairs.map((p) => p.group))]) console.log(line(group, pairs.filter((p) => p.group === group)));
console.log(line('all pairs', pairs));
