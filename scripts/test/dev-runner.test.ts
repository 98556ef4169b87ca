/**
 * `npm run dev` (scripts/dev.ts) as a developer meets it when a step fails after services are up:
 * here the gateway's port is held by another process. The run must stop what it started and exit 1
 * saying why, not die leaving the services behind on their ports for the next run to meet.
 * The run is started in a process group of its own, so that whatever it leaves is found (and killed).
 */
import { spawn, spawnSync } from 'node:child_process';
import Fastify from 'fastify';
import { freePort } from '@tripgen/dev-tools/processes';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

/** The processes still in a process group (pid and command line). */
const inGroup = (pgid: number): string => spawnSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).stdout.trim();

it('stops the services it started and exits 1 naming the cause when the gateway cannot listen', { timeout: 300_000 }, async () => {
  const holder = Fastify();
  const address = await holder.listen({ port: 0, host: '127.0.0.1' });
  const gatewayPort = new URL(address).port;
  const run = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, GATEWAY_PORT: gatewayPort, SERVICEBUS_EMULATOR_PORT: String(await freePort()) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const pgid = run.pid!;
  try {
    const code = await new Promise<number | null>((resolve) => run.once('exit', (c) => resolve(c)));
    expect(code, output).toBe(1);
    // What exits with the run (esbuild's service process) may take a moment; services would stay.
    let left = inGroup(pgid);
    for (let i = 0; i < 50 && left !== ''; i++) {
      await new Promise((r) => setTimeout(r, 200));
      left = inGroup(pgid);
    }
    expect(left, 'processes left by the run').toBe('');
    expect(output).toMatch(new RegExp(`npm run dev failed, stopping what it started: .*${gatewayPort}`));
  } finally {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // nothing left
    }
    await holder.close();
  }
});
