/**
 * runBounded (support/bounded-run.ts), the runs of stands-alone.test.ts's copied repository: a run
 * past its bound is killed with whatever it started, and the error names it and quotes its output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@tripgen/testing';
import { afterAll, expect, it } from 'vitest';
import { runBounded } from './support/bounded-run.ts';
import { REPO_ROOT } from './support/repo-copy.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tripgen-bounded-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('answers a run that ends within its bound: its status and output', async () => {
  expect(await runBounded('bash', ['-c', 'echo out; echo err >&2; exit 3'], { cwd: dir, env: process.env, boundMs: 60_000 })).toEqual({ status: 3, output: 'out\nerr\n' });
});

it('kills a run past its bound with what it started, and says what ran and how its output ended', async () => {
  // A child that outlives its parent's kill unless its process group goes with it (a vitest run's workers).
  const script = 'echo "a line before the hang"; sleep 300 & echo $! > child.pid; wait';
  await expect(runBounded('bash', ['-c', script], { cwd: dir, env: process.env, boundMs: 1_000 })).rejects.toThrow(
    /^`bash -c .*` \(in .*\) ran past its bound of 1000 ms and was killed with its process group; the end of its output:\na line before the hang\n$/,
  );
  const child = Number(readFileSync(path.join(dir, 'child.pid'), 'utf8'));
  await waitFor(() => !alive(child), 'the sleep the run started gone', 10_000);
});

// The copied repository's vitest run ends with what its tests started still there when one of them
// failed to stop it (a service, a redis-server): left, it ran on after the case, its folder removed.
it.each([
  ['holding its output', ''],
  ['its output elsewhere', ' >/dev/null 2>&1'],
])('ends a run when its command ends, with what it left running (%s): its status and output, and nothing left', async (_, redirect) => {
  const script = `echo "the command's line"; sleep 300${redirect} & echo $! > left.pid; exit 2`;
  expect(await runBounded('bash', ['-c', script], { cwd: dir, env: process.env, boundMs: 10_000 })).toEqual({ status: 2, output: "the command's line\n" });
  const left = Number(readFileSync(path.join(dir, 'left.pid'), 'utf8'));
  await waitFor(() => !alive(left), 'the sleep the run left gone', 10_000);
});

// A Ctrl-C of `npm test` interrupts the terminal's foreground process group, which the run's own group
// is not part of (that group is what lets a run past its bound be killed whole): the run must end with
// the process that started it, however that one ends.
it.each([
  ['interrupted (Ctrl-C)', 'SIGINT'],
  ['killed', 'SIGKILL'],
] as const)('ends a run, with what it started, when the process that started it is %s', async (_, signal) => {
  const pidFile = path.join(dir, `started-${signal}.pid`);
  const script = `sleep 300 & echo $! > ${pidFile}; wait`;
  // The test process's part: a process that runs the command bounded, far past this case.
  const starter = `import { runBounded } from ${JSON.stringify(path.join(import.meta.dirname, 'support', 'bounded-run.ts'))};
await runBounded('bash', ['-c', ${JSON.stringify(script)}], { cwd: ${JSON.stringify(dir)}, env: process.env, boundMs: 600_000 });`;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', starter], { cwd: REPO_ROOT, stdio: 'ignore' });
  const exited = new Promise((resolve) => parent.once('exit', resolve));
  let started: number | undefined;
  try {
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), 'the run started', 30_000);
    started = Number(readFileSync(pidFile, 'utf8'));
    parent.kill(signal);
    await exited;
    await waitFor(() => !alive(started!), 'the sleep the run started gone with the process that started it', 10_000);
  } finally {
    parent.kill('SIGKILL');
    if (started !== undefined && alive(started)) process.kill(started, 'SIGKILL');
  }
});

// A command a signal ended is answered with a shell's status of it: the run's leader raising the same signal
// on itself lived on at a signal Node does not die of (it ignores SIGPIPE, takes SIGUSR1 for its inspector),
// waiting on its stdin, and the run went to its bound.
it.each(['SIGTERM', 'SIGPIPE', 'SIGUSR1'] as const)('answers a run whose command a signal ended (%s) at once, not at its bound, with a shell\'s status of the signal', async (signal) => {
  const run = await runBounded('bash', ['-c', `echo "before the ${signal}"; kill -${signal.slice(3)} $$`], { cwd: dir, env: process.env, boundMs: 30_000 });
  expect(run).toEqual({ status: 128 + os.constants.signals[signal], output: `before the ${signal}\n` });
});
