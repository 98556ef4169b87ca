/**
 * `npm run bench:synth`: wall time of the whole `npm run synth` process (node + tsx start-up,
 * loading the profiles, rendering dev and prod, writing gitops/), median of several runs.
 * Target: <= 1.0 s on the team machine. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { repoPath, REPO_ROOT } from '../src/lib/paths.ts';

const RUNS = Number(process.env.SYNTH_BENCH_RUNS ?? 7);
const main = repoPath('k8s', 'src', 'main.ts');
const times: number[] = [];
// One warm-up run fills the OS file cache and tsx's transform cache, as on a developer machine.
execFileSync(process.execPath, ['--import', 'tsx', main], { cwd: REPO_ROOT, stdio: 'ignore' });
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', main], { cwd: REPO_ROOT, stdio: 'ignore' });
  times.push((performance.now() - t0) / 1000);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
const fmt = (s: number) => `${s.toFixed(3)} s`;
console.log(`synth (dev + prod, whole process), ${RUNS} runs after 1 warm-up`);
console.log(`  median ${fmt(median)}   min ${fmt(times[0]!)}   max ${fmt(times.at(-1)!)}   target <= 1.000 s ${median <= 1 ? '(met)' : '(MISSED)'}`);
