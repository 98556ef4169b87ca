/**
 * The emulator's command as its README runs it (`npm run -w @tripgen/servicebus-emulator start`):
 * stopping npm (SIGTERM to npm alone: an editor's stop button, `kill <pid>`) stops the emulator,
 * instead of leaving it on its port. Started in a process group of its own, so what it leaves is
 * found (and killed).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

const inGroup = (pgid: number): string => spawnSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).stdout.trim();

it('stops when npm running it is told to stop (SIGTERM)', { timeout: 60_000 }, async () => {
  // Port 0: any free port (the test reads no port, only what is left once npm is stopped).
  const run = spawn('npm', ['run', '-w', '@tripgen/servicebus-emulator', 'start', '--', '--port', '0'], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = run.pid!;
  let output = '';
  run.stdout.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((resolve) => run.once('exit', resolve));
  try {
    const deadline = Date.now() + 45_000;
    while (!output.includes('servicebus emulator listening')) {
      if (Date.now() > deadline || run.exitCode !== null) throw new Error(`the emulator did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    run.kill('SIGTERM');
    await exited;
    let left = inGroup(pgid);
    for (let i = 0; i < 50 && left !== ''; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = inGroup(pgid);
    }
    expect(left, 'processes left after npm stopped').toBe('');
  } finally {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // nothing left
    }
  }
});

// The command as a newcomer first runs it: `--help` is the usage (exit 0), a wrong option its
// message and the usage (exit 2), never a stack trace, and neither starts a broker.
it('answers --help with its usage and a wrong option with a message, without starting', { timeout: 60_000 }, () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tools/servicebus-emulator/src/cli.ts'), ...args], { encoding: 'utf8', timeout: 30_000 });
  const help = cli('--help');
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^usage: npm run -w @tripgen\/servicebus-emulator start -- \[--port <n>\]/);
  for (const [args, message] of [
    [['--prot', '1'], "Unknown option '--prot'"],
    [['--port', 'abc'], 'invalid port: abc'],
  ] as const) {
    const wrong = cli(...args);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(message);
    expect(wrong.stderr).toContain('usage: ');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    expect(wrong.stdout).not.toContain('listening');
  }
});
