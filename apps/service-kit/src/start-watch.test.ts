/**
 * The start watch on its own (fake clock: the catalog's timing, minutes, in no time) and in a kit
 * app's start (real PostgreSQL and Redis): every step logged as it begins and ends, a step running
 * past a probe period named again every period, the steps still running named when the process stops
 * during the start, and the process never ended by the watch (the kubelet alone ends a start: catalog
 * startWatchTiming).
 */
import { Writable } from 'node:stream';
import pg from 'pg';
import { startupBudgetMs, startWatchTiming } from '@tripgen/catalog';
import { adminUrl, redisUrl, waitFor } from '@tripgen/testing';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { loadConfig } from './config.ts';
import { adoptProcessWatch, START_STEP_BEGAN, START_STEP_ENDED, START_STEP_FAILED, START_STEP_STUCK, START_STOPPED, startStep, watchProcessStart, watchStart, type StartLog } from './start-watch.ts';
import { enabledAsyncStores } from '../test/async-stores.ts';
import { STAND_IN_ENV } from '../test/stand-in-env.ts';

interface Line {
  level: string;
  msg: string;
  [field: string]: unknown;
}

const recorder = () => {
  const lines: Line[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, ...obj });
  // Every level of the app's logger (pino's), so that any line a watch writes is recorded.
  const log: StartLog & { fatal: StartLog['error'] } = { info: at('info'), warn: at('warn'), error: at('error'), fatal: at('fatal') };
  return { lines, log };
};

describe('watchStart', () => {
  afterEach(() => void vi.useRealTimers());
  const timing = startWatchTiming();

  it("logs a step's beginning and end with its duration, and never warns of a step that ended", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    const watch = watchStart({ log, since: Date.now() });
    const step = watch.step('quick', async () => {
      await new Promise((r) => setTimeout(r, 1_500));
      return 'value';
    });
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(step).resolves.toBe('value');
    watch.done();
    await vi.advanceTimersByTimeAsync(startupBudgetMs() * 2);
    expect(lines).toEqual([
      { level: 'info', msg: START_STEP_BEGAN, step: 'quick' },
      { level: 'info', msg: START_STEP_ENDED, step: 'quick', ms: 1_500 },
    ]);
  });

  it("names a step still running after a probe period, again every period, past the kubelet's whole startup budget, and never ends a service's process", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    try {
      // As serviceMain's serve does: the start counts from the process's own.
      const watch = watchProcessStart(log);
      // Taken as an app takes it, so that no app of this file's later tests does.
      expect(adoptProcessWatch(log)).toBe(watch);
      void watch.step('join', () => new Promise<void>(() => undefined));
      await vi.advanceTimersByTimeAsync(timing.stuckAfterMs - 1);
      expect(lines.filter((l) => l.msg === START_STEP_STUCK)).toEqual([]);
      await vi.advanceTimersByTimeAsync(1 + timing.repeatEveryMs);
      let elapsed = timing.stuckAfterMs + timing.repeatEveryMs;
      expect(lines.filter((l) => l.msg === START_STEP_STUCK)).toEqual([
        { level: 'warn', msg: START_STEP_STUCK, step: 'join', runningMs: timing.stuckAfterMs, startMs: expect.any(Number) },
        { level: 'warn', msg: START_STEP_STUCK, step: 'join', runningMs: timing.stuckAfterMs + timing.repeatEveryMs, startMs: expect.any(Number) },
      ]);
      // A container that exits on its own leaves its successor only what is left of the startup
      // probe's count (catalog startWatchTiming): the kubelet's kill, then its SIGTERM, ends a start.
      await vi.advanceTimersByTimeAsync(startupBudgetMs());
      elapsed += startupBudgetMs();
      expect(exit).not.toHaveBeenCalled();
      expect(lines.filter((l) => l.msg !== START_STEP_BEGAN && l.msg !== START_STEP_STUCK)).toEqual([]);
      // One warning each period from the first (30, 60 ... 360 s at the catalog's timing).
      const warned = lines.filter((l) => l.msg === START_STEP_STUCK).map((l) => l.runningMs);
      expect(warned).toEqual(Array.from({ length: Math.floor((elapsed - timing.stuckAfterMs) / timing.repeatEveryMs) + 1 }, (_, i) => timing.stuckAfterMs + i * timing.repeatEveryMs));
      watch.done();
    } finally {
      exit.mockRestore();
    }
  });

  it("counts a warning's startMs from the start's beginning, not the watch's", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    const watch = watchStart({ log, since: Date.now() - 100_000 });
    void watch.step('join', () => new Promise<void>(() => undefined));
    await vi.advanceTimersByTimeAsync(timing.stuckAfterMs);
    expect(lines.at(-1)).toEqual({ level: 'warn', msg: START_STEP_STUCK, step: 'join', runningMs: timing.stuckAfterMs, startMs: 100_000 + timing.stuckAfterMs });
    watch.done();
  });

  it("names the steps still running once the process stops during the start (the kubelet's SIGTERM at the startup probe's last failure), then stands down", async () => {
    vi.useFakeTimers();
    const { lines, log } = recorder();
    const watch = watchStart({ log, since: Date.now() });
    void watch.step('join', () => new Promise<void>(() => undefined));
    const killedAt = startupBudgetMs() - timing.repeatEveryMs / 2;
    await vi.advanceTimersByTimeAsync(killedAt);
    watch.stopping();
    expect(lines.at(-1)).toEqual({ level: 'warn', msg: START_STOPPED, pending: [{ step: 'join', runningMs: killedAt }], lastEnded: undefined });
    const said = lines.length;
    await vi.advanceTimersByTimeAsync(startupBudgetMs());
    expect(lines).toHaveLength(said);
    // Said once, and nothing once the start is done (a drain after it, the usual case).
    watch.stopping();
    watch.done();
    watch.stopping();
    expect(lines.filter((l) => l.msg === START_STOPPED)).toHaveLength(1);
  });

  it("names what a service's process awaits before its app with the one watch its entry point began, its lines to the app's logger once the app takes it", async () => {
    vi.useFakeTimers();
    const entry = recorder();
    const appLog = recorder();
    const watch = watchProcessStart(entry.log);
    void startStep('signing key ring read', () => new Promise<void>(() => undefined));
    await vi.advanceTimersByTimeAsync(timing.stuckAfterMs);
    expect(entry.lines.map((l) => [l.msg, l.step])).toEqual([
      [START_STEP_BEGAN, 'signing key ring read'],
      [START_STEP_STUCK, 'signing key ring read'],
    ]);
    // createApp takes it (once): the warnings go on, to the app's logger, and one SIGTERM line names every step.
    expect(adoptProcessWatch(appLog.log)).toBe(watch);
    expect(adoptProcessWatch(recorder().log)).toBeUndefined();
    await expect(startStep('cache', () => 'cache')).resolves.toBe('cache');
    await vi.advanceTimersByTimeAsync(timing.repeatEveryMs);
    watch.stopping();
    expect(appLog.lines.map((l) => [l.msg, l.step ?? l.pending])).toEqual([
      [START_STEP_BEGAN, 'cache'],
      [START_STEP_ENDED, 'cache'],
      [START_STEP_STUCK, 'signing key ring read'],
      [START_STOPPED, [{ step: 'signing key ring read', runningMs: timing.stuckAfterMs + timing.repeatEveryMs }]],
    ]);
    expect(entry.lines).toHaveLength(2);
  });

  it('runs a step before the app as it is in a process that is not a service\'s (a test\'s build)', async () => {
    // A module of its own: this file's tests above began a service's process watch in this one.
    vi.resetModules();
    const fresh = await import('./start-watch.ts');
    const stores = await enabledAsyncStores();
    const err = new Error('no key');
    await expect(fresh.startStep('signing key read', () => Promise.reject(err))).rejects.toBe(err);
    await expect(fresh.startStep('signing key read', () => 'pem')).resolves.toBe('pem');
    // No watch: none for an app to take, and no async storage turned on.
    expect(fresh.adoptProcessWatch(recorder().log)).toBeUndefined();
    expect(await enabledAsyncStores()).toBe(stores);
  });

  it("logs a nested step's failure once, naming the steps it failed within, and lets its error through every level", async () => {
    const { lines, log } = recorder();
    const watch = watchStart({ log });
    const err = new Error('the broker refused');
    await expect(watch.step('consumer start', () => watch.step('broker link', () => Promise.reject(err)))).rejects.toBe(err);
    expect(lines.filter((l) => l.msg === START_STEP_FAILED)).toEqual([{ level: 'error', msg: START_STEP_FAILED, step: 'broker link', within: ['consumer start'], ms: expect.any(Number), err }]);
    // A failure the outer step handles is still logged, once; the outer step's own failure is its own
    // line; and a step apart that fails with the same error (a promise both awaited) is its own line too.
    const own = new Error('no fallback either');
    await expect(
      watch.step('engine start', async () => {
        await watch.step('warm-up', () => Promise.reject(err)).catch(() => undefined);
        throw own;
      }),
    ).rejects.toBe(own);
    await expect(watch.step('schedule consumer start', () => Promise.reject(err))).rejects.toBe(err);
    expect(lines.filter((l) => l.msg === START_STEP_FAILED).slice(1)).toEqual([
      { level: 'error', msg: START_STEP_FAILED, step: 'warm-up', within: ['engine start'], ms: expect.any(Number), err },
      { level: 'error', msg: START_STEP_FAILED, step: 'engine start', ms: expect.any(Number), err: own },
      { level: 'error', msg: START_STEP_FAILED, step: 'schedule consumer start', ms: expect.any(Number), err },
    ]);
    expect(watch.pending()).toEqual([]);
  });

  it("logs the failure of a step begun within one that has ended since (work it left running) with its own error, within nothing", async () => {
    const { lines, log } = recorder();
    const watch = watchStart({ log });
    const err = new Error('the receiver dropped');
    let fail!: (e: Error) => void;
    let loop!: Promise<void>;
    await watch.step('consumer start', async () => {
      loop = watch.step('receive loop', () => new Promise<void>((_resolve, reject) => (fail = reject)));
    });
    fail(err);
    await expect(loop).rejects.toBe(err);
    expect(lines.filter((l) => l.msg === START_STEP_FAILED)).toEqual([{ level: 'error', msg: START_STEP_FAILED, step: 'receive loop', ms: expect.any(Number), err }]);
  });

  it('names a step that failed, and lets its error through', async () => {
    const { lines, log } = recorder();
    const watch = watchStart({ log });
    const err = new Error('the broker refused');
    await expect(watch.step('consumer', () => Promise.reject(err))).rejects.toBe(err);
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: START_STEP_FAILED, step: 'consumer', err });
    expect(watch.pending()).toEqual([]);
  });
});

describe("a kit app's start", () => {
  let app: App | undefined;
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  afterAll(async () => {
    await app?.close();
    await pool.end();
  });

  it("logs the kit's steps and the domain's onStart steps as they begin and end, in order", async () => {
    const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0' });
    const lines: { msg: string; step?: string; ms?: number }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { msg: string; step?: string; ms?: number });
        done();
      },
    });
    app = await createApp({
      config,
      database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
      verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
      logger: { level: 'info', stream },
      domain: async (a) => {
        a.kit.onStart('consumer start', async () => {
          await a.kit.startStep('broker link', async () => undefined);
        });
      },
    });
    await app.ready();
    const steps = lines.filter((l) => l.msg === START_STEP_BEGAN || l.msg === START_STEP_ENDED).map((l) => `${l.msg === START_STEP_BEGAN ? 'began' : 'ended'} ${l.step}`);
    expect(steps).toEqual(
      ['cache', 'domain plugins', 'cache invalidation subscription', 'token revocations read'].flatMap((s) => [`began ${s}`, `ended ${s}`]).concat(['began consumer start', 'began broker link', 'ended broker link', 'ended consumer start']),
    );
    expect(lines.filter((l) => l.msg === START_STEP_ENDED).every((l) => typeof l.ms === 'number')).toBe(true);
    expect(app.kit.health.started).toBe(true);
  });

  it("logs a failed part of a domain's start step (kit.startStep inside kit.onStart) once, with both names, and fails the start with its error", async () => {
    const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0' });
    const lines: { msg: string; step?: string; within?: string[]; err?: { message: string } }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
        done();
      },
    });
    const failing = await createApp({
      config,
      database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
      verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
      logger: { level: 'info', stream },
      domain: async (a) => {
        a.kit.onStart('consumer start', () => a.kit.startStep('broker link', () => Promise.reject(new Error('the broker refused'))));
      },
    });
    try {
      await expect(failing.ready()).rejects.toThrow('the broker refused');
      expect(lines.filter((l) => l.msg === START_STEP_FAILED).map(({ step, within, err }) => ({ step, within, err: err?.message }))).toEqual([
        { step: 'broker link', within: ['consumer start'], err: 'the broker refused' },
      ]);
    } finally {
      await failing.close();
    }
  });

  it('names the start steps still running when the drain begins (a SIGTERM during the start), and still ends the start as the steps end', async () => {
    const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'info', MAX_EVENT_LOOP_DELAY_MS: '0' });
    const lines: { msg: string; step?: string; pending?: { step: string }[] }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
        done();
      },
    });
    let release!: () => void;
    const draining = await createApp({
      config,
      database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
      verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
      logger: { level: 'info', stream },
      domain: async (a) => {
        a.kit.onStart('consumer start', () => new Promise<void>((r) => (release = r)));
      },
    });
    try {
      const ready = draining.ready();
      await waitFor(() => lines.some((l) => l.msg === START_STEP_BEGAN && l.step === 'consumer start'), "the domain's start step begun");
      draining.kit.drain();
      await waitFor(() => lines.some((l) => l.msg === START_STOPPED), 'a line naming the start steps still running at the drain', 5_000);
      expect(lines.find((l) => l.msg === START_STOPPED)?.pending).toEqual([expect.objectContaining({ step: 'consumer start' })]);
      release();
      await ready;
      expect(draining.kit.health.started).toBe(true);
    } finally {
      release();
      await draining.close();
    }
  });
});
