/**
 * A start stuck for good names the step it waits on, in the pod's own logs: a warning while the step
 * runs past a probe period, and, before the kubelet's restart would end it anonymously, a last line
 * naming it and exit code 1 (catalog startWatchTiming). Measured before: a service whose onReady step
 * never resolved logged nothing after its last plugin and ran until the kubelet restarted it, about 5
 * minutes (the startup probe's failureThreshold times its period; Fastify's pluginTimeout is that
 * budget since d04bdc52). The stand-in runs the catalog's timing with a 3 s probe period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROBE_TIMING } from '@tripgen/catalog';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { afterAll, expect, it } from 'vitest';
import { START_OVERDUE, START_STEP_BEGAN, START_STEP_ENDED, START_STEP_STUCK } from '../src/start-watch.ts';
import { STAND_IN_ENV } from './stand-in-env.ts';

const PERIOD_S = 3;
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

it('names a start step that never ends in a warning while it runs, and exits 1 naming it before the kubelet would restart the pod', { timeout: 120_000 }, async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'apps/service-kit/test/fixtures/stuck-start-service.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), NODE_ENV: 'test', LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0', STAND_IN_PROBE_PERIOD_S: String(PERIOD_S), ...STAND_IN_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => output.push(l));
  createInterface({ input: child.stderr! }).on('line', (l) => output.push(l));
  // 'close', not 'exit': its last lines are read by then.
  const exited = new Promise<number | null>((resolve) => child?.once('close', (code) => resolve(code)));
  // The kubelet's restart comes no sooner than failureThreshold - 1 periods after the container
  // started (its first startup probe within one period of that); counted here from the spawn.
  const kubeletRestart = new Promise<'still running at the restart'>((r) => setTimeout(() => r('still running at the restart'), (probe.failureThreshold.startup - 1) * PERIOD_S * 1000).unref());
  const code = await Promise.race([exited, kubeletRestart]);
  const lines = output.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);
  const named = lines.filter((l) => l.step === 'stuck step');
  expect(code, output.join('\n')).toBe(1);
  expect(named.find((l) => l.msg === START_STEP_BEGAN)).toMatchObject({ level: 30 });
  expect(named.find((l) => l.msg === START_STEP_ENDED)).toBeUndefined();
  const stuck = named.filter((l) => l.msg === START_STEP_STUCK);
  expect(stuck.length, 'warnings naming the stuck step').toBeGreaterThan(0);
  expect(stuck[0]).toMatchObject({ level: 40 });
  const last = lines.at(-1);
  expect(last).toMatchObject({ level: 60, msg: START_OVERDUE, pending: [{ step: 'stuck step' }] });
  // The kit's own steps ended before it: the line names only what the start still waits on.
  expect(lines.filter((l) => l.msg === START_STEP_ENDED).map((l) => l.step)).toEqual(expect.arrayContaining(['cache', 'domain plugins', 'cache invalidation subscription', 'token revocations read']));
});
