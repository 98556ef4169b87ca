import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from './toptw/suite.ts';

/**
 * Start-up of the CLI as a user runs it (`npm run -s planner:toptw -- ...`), with no search
 * (--iterations 0: parse the instance, build the model, construct one solution, print), next to
 * the same without npm and a bare `node -e 0`, so the CLI's own share is visible, and npm's floor:
 * `npm run -s` of a script that is a bare `node -e 0`, in an empty package (what npm plus Node cost
 * before any CLI code runs; no CLI can start below it through npm).
 */
export function runCliStartupBenchmark(runs = 9): void {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const instance = fileURLToPath(new URL('./data/instances/pr01_10/pr01.txt', import.meta.url));
  const args = ['--instance', instance, '--tours', '2', '--time-limit-ms', '1000', '--seed', '1', '--iterations', '0'];
  const time = (command: string, argv: string[], cwd = repoRoot): number[] => {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      execFileSync(command, argv, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
      // The first run may build the CLI bundle (once per source change): not a start-up.
      if (i > 0) times.push(performance.now() - t0);
    }
    return times;
  };
  const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms`;
  const viaNpm = time('npm', ['run', '-s', 'planner:toptw', '--', ...args]);
  const direct = time(process.execPath, ['apps/planner/bench/toptw/cli-launch.mjs', ...args]);
  const bare = time(process.execPath, ['-e', '0']);
  const empty = mkdtempSync(join(tmpdir(), 'npm-floor-'));
  let floor: number[];
  try {
    writeFileSync(join(empty, 'package.json'), JSON.stringify({ name: 'npm-floor', private: true, scripts: { floor: `"${process.execPath}" -e 0` } }));
    floor = time('npm', ['run', '-s', 'floor'], empty);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  console.log(`CLI start-up (pr01, no search, ${runs} runs): npm run -s planner:toptw ${fmt(viaNpm)}   target < 300 ms`);
  console.log(`  node cli-launch.mjs ${fmt(direct)} (target < 300 ms); bare node -e 0 ${fmt(bare)}; npm's floor, npm run -s of a bare node -e 0 ${fmt(floor)}`);
}
