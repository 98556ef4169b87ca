/**
 * `npm run bench:heap-reduction`: what the kit's idle heap reduction (src/idle-heap-reducer.ts) gives
 * back of a fragmented V8 heap, against one plain full collection, the figures
 * src/idle-heap-reducer.test.ts no longer asserts (it checks the collections and the rule they compact
 * by). Each run is a node of its own (the flags the reduction sets are process-wide) on
 * test/fixtures/heap-reduction.ts, the same burst the test reduces: 400,000 objects, every other one
 * kept. Prints the committed heap before and after, and the full collections V8 ran, per run.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MiB = 2 ** 20;
const fixture = fileURLToPath(new URL('../test/fixtures/heap-reduction.ts', import.meta.url));

interface Run {
  beforeBytes: number;
  afterBytes: number;
  fullCollections: number;
}

const run = (how: 'kit' | 'plain'): Run => {
  // As the test runs it: a semi-space other than the 1 MiB --optimize-for-size implies.
  const out = execFileSync(process.execPath, ['--max-semi-space-size=4', '--import', 'tsx', fixture, how], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
};

const mib = (bytes: number) => (bytes / MiB).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const how of ['kit', 'plain'] as const) {
  const runs = Array.from({ length: RUNS }, () => run(how));
  for (const r of runs) console.log(`${how.padEnd(5)} ${mib(r.beforeBytes)} -> ${mib(r.afterBytes)} MiB committed (-${mib(r.beforeBytes - r.afterBytes)}), ${r.fullCollections} full collections`);
  console.log(`${how.padEnd(5)} median after: ${mib(median(runs.map((r) => r.afterBytes)))} MiB, given back ${mib(median(runs.map((r) => r.beforeBytes - r.afterBytes)))} MiB (${RUNS} runs)`);
}
