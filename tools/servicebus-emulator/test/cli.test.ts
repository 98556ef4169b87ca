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
