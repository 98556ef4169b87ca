/**
 * scripts/test.sh (npm test, CI) runs the Bicep CLI's install, the typecheck and the lint in the
 * background. A root of its own: the script as it is, every step it calls a stub (the install a
 * bash script whose child ignores SIGINT, as the NuGet restore does; tsc and eslint printing a line
 * at a time), so that what is checked is the script's handling of its jobs, not the steps.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@tripgen/testing';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const roots: string[] = [];
const started: number[] = [];
afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: what the tests want.
    }
  }
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const executable = (file: string, text: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/usr/bin/env bash\n${text}\n`);
  chmodSync(file, 0o755);
};

/** A process that runs the next step's command, with its pid in `<name>.pid`. */
const records = (name: string): string => `echo $$ > "$STUB_ROOT/${name}.pid"`;

/**
 * The stubs: STUB_BICEP (sleep: a child that ignores SIGINT and runs on; fail: exit 3), STUB_SYNTH
 * (fail once the install runs), STUB_CHECKS (sleep; interleave: each prints 4 lines, 0.2 s apart, and fails).
 */
const makeRoot = (): string => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'test-script-jobs-'));
  roots.push(root);
  mkdirSync(path.join(root, 'scripts'));
  cpSync(path.join(REPO_ROOT, 'scripts/test.sh'), path.join(root, 'scripts/test.sh'));
  executable(
    path.join(root, 'scripts/install-bicep.sh'),
    [
      records('bicep'),
      'case "${STUB_BICEP:-}" in',
      // Inherited: bash starts a background job ignoring SIGINT; `exec` keeps the pid that is recorded.
      `  sleep) bash -c '${records('bicep-child')}; exec sleep 300' ;;`,
      '  fail) echo "install-bicep: no NuGet" >&2; exit 3 ;;',
      '  *) echo "Bicep CLI present" ;;',
      'esac',
    ].join('\n'),
  );
  for (const quiet of ['install-promtool.sh', 'stack-up.sh', 'generate.sh']) executable(path.join(root, 'scripts', quiet), 'true');
  writeFileSync(path.join(root, 'scripts/stack-env.sh'), '');
  const synth = 'if [ "${STUB_SYNTH:-}" = fail ]; then while [ ! -s "$STUB_ROOT/bicep-child.pid" ]; do sleep 0.05; done; echo "gitops/ differs" >&2; exit 1; fi';
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'stub', private: true, scripts: { 'synth:check': 'bash scripts/synth-check.sh' } }));
  executable(path.join(root, 'scripts/synth-check.sh'), synth);
  mkdirSync(path.join(root, 'node_modules/.bin'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{}');
  for (const [bin, name] of [['tsc', 'typecheck'], ['eslint', 'lint']] as const) {
    executable(
      path.join(root, 'node_modules/.bin', bin),
      [
        records(name),
        'case "${STUB_CHECKS:-}" in',
        '  sleep) exec sleep 300 ;;',
        `  interleave) for i in 1 2 3 4; do echo "${name} line $i"; sleep 0.2; done; exit 1 ;;`,
        'esac',
      ].join('\n'),
    );
  }
  executable(path.join(root, 'node_modules/.bin/vitest'), 'echo "vitest ran"');
  return root;
};

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the root's test.sh in a process group of its own (a terminal's Ctrl-C reaches the whole group); `during` is called while it runs. */
const runScript = (root: string, env: Record<string, string>, during?: (pid: number) => Promise<void>): Promise<Run> =>
  new Promise((resolve, reject) => {
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    const child = spawn('bash', ['scripts/test.sh'], { cwd: root, detached: true, env: { ...process.env, ...env, STUB_ROOT: root, TMPDIR: path.join(root, 'tmp') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    during?.(child.pid!).catch(reject);
  });

/** What the script left in its TMPDIR. */
const leftInTmp = (root: string): string[] => readdirSync(path.join(root, 'tmp'));

const pidOf = (root: string, name: string): number => {
  const pid = Number(readFileSync(path.join(root, `${name}.pid`), 'utf8'));
  started.push(pid);
  return pid;
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('ends the Bicep CLI install, its child included, when a step before the tests fails', { timeout: 120_000 }, async () => {
  const root = makeRoot();
  const run = await runScript(root, { STUB_BICEP: 'sleep', STUB_SYNTH: 'fail' });
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain('gitops/ differs');
  const left = [pidOf(root, 'bicep'), pidOf(root, 'bicep-child')];
  await waitFor(() => !left.some(alive), `the install (pids ${left.join(', ')}) to end with the script`);
  expect(leftInTmp(root), 'its temporary files').toEqual([]);
});

it('leaves nothing running after a Ctrl-C during the typecheck and lint', { timeout: 120_000 }, async () => {
  const root = makeRoot();
  const names = ['bicep', 'bicep-child', 'typecheck', 'lint'];
  const run = await runScript(root, { STUB_BICEP: 'sleep', STUB_CHECKS: 'sleep' }, async (pid) => {
    await waitFor(() => names.every((n) => existsSync(path.join(root, `${n}.pid`))), 'the install, the typecheck and the lint to run');
    // What a terminal does on Ctrl-C: SIGINT to its foreground process group.
    process.kill(-pid, 'SIGINT');
  });
  expect(run.code === 130 || run.signal === 'SIGINT', `ended by ${run.code ?? run.signal}`).toBe(true);
  expect(run.stdout).not.toContain('vitest ran');
  const left = names.map((n) => pidOf(root, n));
  await waitFor(() => !left.some(alive), `the install, the typecheck and the lint (pids ${left.join(', ')}) to end with the script`);
});

it('prints the typecheck and the lint each whole, and fails when both fail', { timeout: 120_000 }, async () => {
  const root = makeRoot();
  const run = await runScript(root, { STUB_CHECKS: 'interleave' });
  expect(run.code).toBe(1);
  const lines = run.stdout.split('\n').filter((l) => / line \d$/.test(l));
  const each = (name: string) => [1, 2, 3, 4].map((i) => `${name} line ${i}`);
  expect(lines).toEqual([...each('typecheck'), ...each('lint')]);
  expect(run.stderr).toContain('typecheck failed');
  expect(run.stderr).toContain('lint failed');
  expect(run.stdout).not.toContain('vitest ran');
});

it("stops before the tests with the Bicep CLI install's own exit code and message, and runs them once every step passed", { timeout: 120_000 }, async () => {
  const failingRoot = makeRoot();
  const failing = await runScript(failingRoot, { STUB_BICEP: 'fail' });
  expect(failing.code).toBe(3);
  expect(failing.stdout + failing.stderr).toContain('install-bicep: no NuGet');
  expect(failing.stdout).not.toContain('vitest ran');
  expect(leftInTmp(failingRoot), 'its temporary files').toEqual([]);

  const passingRoot = makeRoot();
  const passing = await runScript(passingRoot, {});
  expect(passing.code, passing.stderr).toBe(0);
  expect(passing.stdout).toMatch(/== Bicep CLI\nBicep CLI present\n/);
  expect(passing.stdout).toContain('vitest ran');
  expect(leftInTmp(passingRoot), 'its temporary files (the JSON report too)').toEqual([]);
});
