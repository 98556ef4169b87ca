/**
 * `npm run dev` (scripts/dev.ts) as a developer meets it: when a step fails after services are up
 * (here the gateway's port is held by another process), the run stops what it started and exits 1
 * saying why; when npm itself is told to stop (SIGTERM to npm alone: an editor's stop button,
 * `kill <pid>`), the services stop with it. Neither may leave services behind on their ports for
 * the next run to meet. Each run is started in a process group of its own, so that whatever it
 * leaves is found (and killed).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Fastify from 'fastify';
import { freePort } from '@tripgen/dev-tools/processes';
import { holdCatalogPorts } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

/** The processes still in a process group (pid and command line). */
const inGroup = (pgid: number): string => spawnSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).stdout.trim();

/** What is left in the group once what exits with the run (esbuild's service process) had a moment; services would stay. */
const leftInGroup = async (pgid: number): Promise<string> => {
  let left = inGroup(pgid);
  for (let i = 0; i < 50 && left !== ''; i++) {
    await new Promise((r) => setTimeout(r, 200));
    left = inGroup(pgid);
  }
  return left;
};

// Every service runs on its catalog port: taken in turn with the other file that binds them (the probe test).
let releasePorts: (() => void) | undefined;
beforeAll(async () => {
  releasePorts = await holdCatalogPorts();
});
afterAll(() => releasePorts?.());

interface Run {
  readonly child: ChildProcess;
  readonly pgid: number;
  output(): string;
  readonly exited: Promise<number | null>;
  /** Kills whatever is left in the run's group. */
  cleanUp(): void;
}

const startRun = async (command: string, args: readonly string[], env: Record<string, string>): Promise<Run> => {
  const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, SERVICEBUS_EMULATOR_PORT: String(await freePort()), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const pgid = child.pid!;
  return {
    child,
    pgid,
    output: () => output,
    exited: new Promise((resolve) => child.once('exit', (c) => resolve(c))),
    cleanUp: () => {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // nothing left
      }
    },
  };
};

it('stops the services it started and exits 1 naming the cause when the gateway cannot listen', { timeout: 300_000 }, async () => {
  const holder = Fastify();
  const address = await holder.listen({ port: 0, host: '127.0.0.1' });
  const gatewayPort = new URL(address).port;
  const run = await startRun(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { GATEWAY_PORT: gatewayPort });
  try {
    const code = await run.exited;
    expect(code, run.output()).toBe(1);
    expect(await leftInGroup(run.pgid), 'processes left by the run').toBe('');
    // The gateway's port; or a catalog port a process outside the lock holds (another clone's test run).
    expect(run.output()).toMatch(new RegExp(`npm run dev failed, stopping what it started: .*(${gatewayPort}|port 300\\d on 127\\.0\\.0\\.1 is already in use)`));
  } finally {
    run.cleanUp();
    await holder.close();
  }
});

it('stops the services when npm alone is told to stop (SIGTERM to npm run dev)', { timeout: 300_000 }, async () => {
  const run = await startRun('npm', ['run', 'dev'], { GATEWAY_PORT: String(await freePort()) });
  try {
    const deadline = Date.now() + 240_000;
    while (!/dev gateway: http/.test(run.output())) {
      if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`npm run dev did not come up:\n${run.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // npm passes SIGTERM on to the process that runs the script (what an editor's stop button or `kill` sends npm).
    run.child.kill('SIGTERM');
    await run.exited;
    expect(await leftInGroup(run.pgid), 'processes left after npm stopped').toBe('');
  } finally {
    run.cleanUp();
  }
});

it('stops a service still starting (not yet handed over) when npm alone is told to stop', { timeout: 300_000 }, async () => {
  const run = await startRun('npm', ['run', 'dev'], { GATEWAY_PORT: String(await freePort()) });
  try {
    // The AI service's start (its bundle, its engine thread warmed) takes seconds before its probes pass.
    const deadline = Date.now() + 240_000;
    while (!/apps\/ai-service\/dist\//.test(inGroup(run.pgid))) {
      if (Date.now() > deadline || run.child.exitCode !== null) throw new Error(`npm run dev did not start the AI service:\n${run.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    run.child.kill('SIGTERM');
    await run.exited;
    expect(run.output(), 'the AI service was still starting when npm was told to stop').not.toMatch(/^ai service: http/m);
    expect(await leftInGroup(run.pgid), 'processes left after npm stopped').toBe('');
  } finally {
    run.cleanUp();
  }
});
