/**
 * The steps of a service's start, named: each logged when it begins and when it ends (with its
 * duration), one still running past `stuckAfterMs` named in a warning every `repeatEveryMs`, and a
 * start not done `exitAfterMs` after the process began ended with exit code 1 and the steps it waited
 * on (catalog `startWatchTiming`, from the startup probe's timing). Without it a start stuck for good
 * (an onReady step that never resolves: Fastify's `pluginTimeout` is the whole startup budget) ended
 * with the kubelet's restart after about 5 minutes, and no line of the pod named what it waited on.
 */
import { startWatchTiming } from '@tripgen/catalog';

type StartWatchTiming = ReturnType<typeof startWatchTiming>;

/** The lines a watch writes (pino's signature: the app's logger). */
export interface StartLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  fatal(obj: object, msg: string): void;
}

export interface StartWatchOptions {
  readonly log: StartLog;
  /** Tests give a shorter probe timing's; default the catalog's. */
  readonly timing?: StartWatchTiming;
  /** When the start began (ms since the epoch): default the process's own start in a service's process (watchProcessStart), else now. */
  readonly since?: number;
  /** Ends the process when the start is overdue: default process.exit in a service's process (watchProcessStart), else none (no overdue line either). */
  readonly exit?: (code: number) => void;
}

export interface StartWatch {
  /** Runs `run` as the start step `what`: logged as it begins and ends, named while it runs. */
  step<T>(what: string, run: () => T | Promise<T>): Promise<T>;
  /**
   * The process began to stop during the start (kit.drain: a SIGTERM, a rollout's or a scale-down's):
   * the steps still running are named once, and no overdue exit comes. The shutdown's own deadline
   * (catalog shutdownDeadlineMs) ends a process whose close waits on a stuck step; an exit here would
   * cut a drain that a step ending late lets finish, its line saying a restart that is not coming.
   */
  stopping(): void;
  /** The start is done: no more warnings, no exit. */
  done(): void;
  /** The steps running now, oldest first, with how long each has run. */
  pending(): { step: string; runningMs: number }[];
}

export const START_STEP_BEGAN = 'start step began';
export const START_STEP_ENDED = 'start step ended';
export const START_STEP_FAILED = 'start step failed';
export const START_STEP_STUCK = 'start step still running';
export const START_OVERDUE = "start outlasted its budget; exiting before the kubelet's restart";
export const START_STOPPED = 'stopping before the start was done';

/** Set by the entry point of a service's process: its start is the process's, and an overdue start ends it. */
let processStartedAt: number | undefined;

/**
 * The process is a service's (serviceMain's `serve`): its start counts from the process's own (the
 * kubelet counts from its container's), and a start outlasting its budget exits. An app made in a
 * test's process is not one: its start counts from its createApp, and it never exits the process.
 */
export const watchProcessStart = (): void => {
  processStartedAt = Date.now() - process.uptime() * 1000;
};

export const watchStart = (opts: StartWatchOptions): StartWatch => {
  const { log } = opts;
  const timing = opts.timing ?? startWatchTiming();
  const since = opts.since ?? processStartedAt ?? Date.now();
  const exit = opts.exit ?? (processStartedAt === undefined ? undefined : (code: number) => process.exit(code));
  const running = new Map<symbol, { what: string; began: number }>();
  const timers = new Set<NodeJS.Timeout>();
  let lastEnded: string | undefined;
  let over = false;
  // Unref'd, every one: the watch never keeps a process alive; a stuck start is alive for its own reasons (sockets, servers).
  const later = (fn: () => void, ms: number): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, Math.max(0, ms));
    timer.unref();
    timers.add(timer);
    return timer;
  };
  const pending = () => {
    const now = Date.now();
    return [...running.values()].map(({ what, began }) => ({ step: what, runningMs: now - began }));
  };
  const done = (): void => {
    over = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  if (exit)
    later(() => {
      if (over) return;
      over = true;
      log.fatal({ pending: pending(), lastEnded, startMs: Math.round(Date.now() - since), exitAfterMs: timing.exitAfterMs }, START_OVERDUE);
      exit(1);
    }, since + timing.exitAfterMs - Date.now());
  return {
    step: async (what, run) => {
      const key = Symbol(what);
      const began = Date.now();
      running.set(key, { what, began });
      log.info({ step: what }, START_STEP_BEGAN);
      let stuck: NodeJS.Timeout | undefined;
      const warn = (): void => {
        if (over || !running.has(key)) return;
        log.warn({ step: what, runningMs: Date.now() - began, startMs: Math.round(Date.now() - since) }, START_STEP_STUCK);
        stuck = later(warn, timing.repeatEveryMs);
      };
      stuck = later(warn, timing.stuckAfterMs);
      try {
        const result = await run();
        log.info({ step: what, ms: Date.now() - began }, START_STEP_ENDED);
        return result;
      } catch (err) {
        log.error({ step: what, ms: Date.now() - began, err }, START_STEP_FAILED);
        throw err;
      } finally {
        running.delete(key);
        lastEnded = what;
        clearTimeout(stuck);
        if (stuck) timers.delete(stuck);
      }
    },
    stopping: () => {
      if (over) return;
      log.warn({ pending: pending(), lastEnded }, START_STOPPED);
      done();
    },
    done,
    pending,
  };
};
