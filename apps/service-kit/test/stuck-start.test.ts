/**
 * A start stuck for good names the step it waits on, in the pod's own logs: a warning every probe
 * period while the step runs, and, at the kubelet's SIGTERM after the startup probe's last failure,
 * one line naming it, the shutdown's deadline then ending the process; it does not end itself before (catalog startWatchTiming: a container
 * that exits on its own leaves its successor only what is left of the probe's failure count).
 * Measured before d2ae3c55: a service whose onReady step never resolved logged nothing after its last
 * plugin and ran until the kubelet restarted it, about 5 minutes (the startup probe's failureThreshold
 * times its period; Fastify's pluginTimeout is that budget since d04bdc52). The stand-in runs the
 * catalog's timing with a 2 s probe period and a 5 s grace period (its shutdown's deadline 3 s after
 * the SIGTERM); 2 s, not 1, so that a start slowed by a loaded machine still has its warnings before the kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROBE_TIMING } from '@tripgen/catalog';
import { adminUrl, redisUrl, waitFor } from '@tripgen/testing';
import { afterAll, expect, it } from 'vitest';
import { START_STEP_BEGAN, START_STEP_ENDED, START_STEP_STUCK, START_STOPPED } from '../src/start-watch.ts';
import { STAND_IN_ENV } from './stand-in-env.ts';

const PERIOD_S = 2;
const GRACE_PERIOD_S = 5;
const probe = { ...PROBE_TIMING, periodSeconds: PERIOD_S };
const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

interface Line {
  level: number;
  msg: string;
  step?: string;
  pending?: { step: string; runningMs: number }[];
}

let child: ChildProcess | undefined;
afterAll(() => void child?.kill('SIGKILL'));

it("names a start step that never ends in a warning every period, runs on until the kubelet's kill, and names the step at its SIGTERM", { timeout: 150_000 }, async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'apps/service-kit/test/fixtures/stuck-start-service.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), NODE_ENV: 'test', LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0', STAND_IN_PROBE_PERIOD_S: String(PERIOD_S), STAND_IN_GRACE_PERIOD_S: String(GRACE_PERIOD_S), ...STAND_IN_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => output.push(l));
  createInterface({ input: child.stderr! }).on('line', (l) => output.push(l));
  const lines = () => output.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);
  // 'close', not 'exit': its last lines are read by then.
  const exited = new Promise<number | null>((resolve) => child?.once('close', (code) => resolve(code)));
  // The kubelet's kill comes no sooner than failureThreshold - 1 periods after the container started
  // (its first startup probe within one period of that); counted here from the spawn.
  const kubeletKill = new Promise<'still running at the kill'>((r) => setTimeout(() => r('still running at the kill'), (probe.failureThreshold.startup - 1) * PERIOD_S * 1000).unref());
  expect(await Promise.race([exited, kubeletKill]), output.join('\n')).toBe('still running at the kill');
  const named = lines().filter((l) => l.step === 'stuck step');
  expect(named.find((l) => l.msg === START_STEP_BEGAN)).toMatchObject({ level: 30 });
  expect(named.find((l) => l.msg === START_STEP_ENDED)).toBeUndefined();
  const stuck = named.filter((l) => l.msg === START_STEP_STUCK);
  expect(stuck.length, 'warnings naming the stuck step').toBeGreaterThan(1);
  expect(stuck[0]).toMatchObject({ level: 40 });
  // The kit's own steps ended before it: only the stuck step is named as still running.
  expect(lines().filter((l) => l.msg === START_STEP_ENDED).map((l) => l.step)).toEqual(expect.arrayContaining(['cache', 'domain plugins', 'cache invalidation subscription', 'token revocations read']));
  expect(lines().filter((l) => l.level >= 50)).toEqual([]);

  child.kill('SIGTERM');
  await waitFor(() => lines().some((l) => l.msg === START_STOPPED), "a line naming the start's pending steps at the SIGTERM");
  expect(lines().find((l) => l.msg === START_STOPPED)).toMatchObject({ level: 40, pending: [{ step: 'stuck step' }] });
  // The shutdown's deadline (catalog shutdownDeadlineMs of the stand-in's grace period) ends the close that waits on the step, before the kubelet's SIGKILL.
  expect(await exited, output.join('\n')).toBe(1);
  expect(lines().at(-1)).toMatchObject({ level: 50, msg: 'shutdown outlasted its time; exiting before the kill' });
});
