/**
 * The start of a service's process before its app is ready to drain: what it awaits before its
 * createApp (`startStep`: its PostgreSQL client, the user service's signing key ring) is named and
 * watched by the one watch its entry point begins, and a SIGTERM before the kit's own signal handlers
 * (runService's, set once createApp has resolved) names the steps still running and ends the process
 * with 0, as the kit's drain does after a SIGTERM. Before, a key-ring read stuck for good logged
 * nothing until the kubelet's kill, and that SIGTERM, during createApp, ended the process by Node's
 * default with no line at all. The stand-in runs the catalog's timing with a 1 s probe period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { adminUrl, redisUrl, waitFor } from '@tripgen/testing';
import { afterEach, expect, it } from 'vitest';
import { START_STEP_BEGAN, START_STEP_ENDED, START_STEP_STUCK, START_STOPPED } from '../src/start-watch.ts';
import { STAND_IN_ENV } from './stand-in-env.ts';

const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

interface Line {
  level: number;
  msg: string;
  reason?: string;
  stores?: number;
  service?: string;
  step?: string;
  pending?: { step: string; runningMs: number }[];
}

let child: ChildProcess | undefined;
afterEach(() => void child?.kill('SIGKILL'));

/** The stand-in, stuck at `stuck`: its JSON lines as they come, and how it ended (its code, or its signal). */
const startStuck = (stuck: 'before-app' | 'domain' | 'handover' | 'none') => {
  const started = spawn(process.execPath, ['--import', 'tsx', 'apps/service-kit/test/fixtures/early-stop-service.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), NODE_ENV: 'test', LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0', STAND_IN_PROBE_PERIOD_S: '1', STAND_IN_STUCK: stuck, ...STAND_IN_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  const output: string[] = [];
  createInterface({ input: started.stdout }).on('line', (l) => output.push(l));
  createInterface({ input: started.stderr }).on('line', (l) => output.push(l));
  // 'close', not 'exit': its last lines are read by then.
  const ended = new Promise<string>((resolve) => started.once('close', (code, signal) => resolve(code === null ? `signal ${signal}` : `code ${code}`)));
  return { process: started, output, ended, lines: () => output.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line) };
};

it('names a step awaited before createApp as it begins and every probe period while it runs, and at a SIGTERM then, and exits 0', { timeout: 60_000 }, async () => {
  const stand = startStuck('before-app');
  const named = () => stand.lines().filter((l) => l.step === 'signing key ring read');
  await waitFor(() => named().filter((l) => l.msg === START_STEP_STUCK).length >= 2, 'two warnings naming the step before the app', 30_000).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${stand.output.join('\n')}`);
  });
  expect(named()[0]).toMatchObject({ level: 30, msg: START_STEP_BEGAN, service: 'trip-service' });
  expect(named().find((l) => l.msg === START_STEP_STUCK)).toMatchObject({ level: 40, service: 'trip-service' });
  stand.process.kill('SIGTERM');
  expect(await stand.ended, stand.output.join('\n')).toBe('code 0');
  expect(stand.lines().filter((l) => l.msg === START_STOPPED)).toEqual([expect.objectContaining({ level: 40, pending: [expect.objectContaining({ step: 'signing key ring read' })] })]);
  expect(stand.lines().filter((l) => l.level >= 50)).toEqual([]);
});

it("names the step running at a SIGTERM during createApp, before the kit's signal handlers are set, and exits 0", { timeout: 60_000 }, async () => {
  const stand = startStuck('domain');
  await waitFor(() => stand.lines().some((l) => l.msg === START_STEP_BEGAN && l.step === 'domain plugins'), "the domain's registration begun", 30_000).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${stand.output.join('\n')}`);
  });
  stand.process.kill('SIGTERM');
  expect(await stand.ended, stand.output.join('\n')).toBe('code 0');
  expect(stand.lines().filter((l) => l.msg === START_STOPPED), stand.output.join('\n')).toEqual([expect.objectContaining({ level: 40, pending: [expect.objectContaining({ step: 'domain plugins' })] })]);
  // The kit's steps before it, the tracing set-up among them, ended.
  expect(stand.lines().filter((l) => l.msg === START_STEP_ENDED).map((l) => l.step)).toEqual(['tracing set-up', 'cache']);
});

it("drains at a SIGTERM caught as the build resolves, when the entry point hands the signals over to the kit's handlers, and exits 0", { timeout: 60_000 }, async () => {
  const stand = startStuck('handover');
  // The drain's bound is the product's: the shutdown deadline of the pods' grace period, far past this wait.
  await waitFor(() => stand.process.exitCode !== null || stand.process.signalCode !== null, 'the process ended after the SIGTERM caught at the hand-over', 30_000).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${stand.output.join('\n')}`);
  });
  expect(await stand.ended, stand.output.join('\n')).toBe('code 0');
  expect(stand.lines().filter((l) => l.msg === 'draining before exit').map((l) => l.reason)).toEqual(['SIGTERM']);
});

it("turns the start watch's async storage off once the start is done: no store copied onto every promise of a serving process", { timeout: 60_000 }, async () => {
  const stand = startStuck('none');
  const said = (msg: string) => stand.lines().find((l) => l.msg === msg)?.stores;
  await waitFor(() => said('async stores after the start') !== undefined, 'the stand-in started', 30_000).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${stand.output.join('\n')}`);
  });
  // On while its steps run (this reading would see it on after the start as well), off after.
  expect(said('async stores during the start')).toBe(1);
  expect(said('async stores after the start')).toBe(0);
  stand.process.kill('SIGTERM');
  expect(await stand.ended, stand.output.join('\n')).toBe('code 0');
});
