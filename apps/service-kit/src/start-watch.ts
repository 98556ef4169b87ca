/**
 * The steps of a service's start, named: each logged when it begins and when it ends (with its
 * duration), one still running past `stuckAfterMs` named in a warning every `repeatEveryMs` (catalog
 * `startWatchTiming`, from the startup probe's timing), and the steps still running named once when
 * the process begins to stop during the start. Without it a start stuck for good (an onReady step that
 * never resolves: Fastify's `pluginTimeout` is the whole startup budget) ended with the kubelet's
 * restart after about 5 minutes, and no line of the pod named what it waited on. The watch never ends
 * the process itself: the kubelet's startup probe counts failures across a pod's containers, so a
 * container that exits on its own leaves the next one only what is left of the count (catalog
 * startWatchTiming); the kubelet's SIGTERM at the probe's last failure is named by `stopping()`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { startWatchTiming } from '@tripgen/catalog';

type StartWatchTiming = ReturnType<typeof startWatchTiming>;

/** The lines a watch writes (pino's signature: the app's logger). */
export interface StartLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface StartWatchOptions {
  readonly log: StartLog;
  /** Tests give a shorter probe timing's; default the catalog's. */
  readonly timing?: StartWatchTiming;
  /** When the start began (ms since the epoch): default the process's own start in a service's process (watchProcessStart), else now. */
  readonly since?: number;
}

export interface StartWatch {
  /** Runs `run` as the start step `what`: logged as it begins and ends, named while it runs. */
  step<T>(what: string, run: () => T | Promise<T>): Promise<T>;
  /**
   * The process began to stop during the start (kit.drain: a SIGTERM, the kubelet's for a startup
   * probe's last failure, a rollout's or a scale-down's): the steps still running are named once, and
   * no more warnings come. The shutdown's own deadline (catalog shutdownDeadlineMs) ends a process
   * whose close waits on a stuck step; a step ending late lets the drain finish.
   */
  stopping(): void;
  /** The start is done: no more warnings. */
  done(): void;
  /** The steps running now, oldest first, with how long each has run. */
  pending(): { step: string; runningMs: number }[];
}

export const START_STEP_BEGAN = 'start step began';
export const START_STEP_ENDED = 'start step ended';
export const START_STEP_FAILED = 'start step failed';
export const START_STEP_STUCK = 'start step still running';
export const START_STOPPED = 'stopping before the start was done';

/** Set by the entry point of a service's process: its start is the process's. */
let processStartedAt: number | undefined;

/** The watch of a service's process, from its entry point on; `log` is where its lines go now. */
let processWatch: { watch: StartWatch; log: StartLog; adopted: boolean } | undefined;

/**
 * The process is a service's (serviceMain's `serve`): its start counts from the process's own (the
 * kubelet counts from its container's), as the `startMs` of its warnings say, and one watch names
 * every step of it: what the service awaits before its createApp (`startStep`: its PostgreSQL
 * client, the user service's key ring, the kit's tracing set-up) to the entry point's `log`, then the
 * app's steps to the app's logger (createApp adopts the watch). An app made in a test's process is
 * not one: its start counts from its createApp, watched by a watch of its own.
 */
export const watchProcessStart = (log: StartLog, timing?: StartWatchTiming): StartWatch => {
  processStartedAt = Date.now() - process.uptime() * 1000;
  const held = { log, adopted: false } as { watch: StartWatch; log: StartLog; adopted: boolean };
  // The lines go where the process's logger is at the time: the entry point's, then the app's.
  const current: StartLog = { info: (o, m) => held.log.info(o, m), warn: (o, m) => held.log.warn(o, m), error: (o, m) => held.log.error(o, m) };
  held.watch = watchStart({ log: current, timing, since: processStartedAt });
  processWatch = held;
  return held.watch;
};

/**
 * The watch of a service's process, its lines to `log` (the app's logger) from now on; undefined in a
 * process whose entry point is not a service's (a test's), or once an app took it.
 */
export const adoptProcessWatch = (log: StartLog): StartWatch | undefined => {
  if (!processWatch || processWatch.adopted) return undefined;
  processWatch.adopted = true;
  processWatch.log = log;
  return processWatch.watch;
};

/**
 * A step of a service's start before its app exists (its database client, the user service's key
 * ring read), named and watched as the app's are by the process's watch; run as it is in a process
 * that is not a service's (a test's build).
 */
export const startStep = <T>(what: string, run: () => T | Promise<T>): Promise<T> => (processWatch ? processWatch.watch.step(what, run) : Promise.resolve().then(run));

/** The steps a step runs within (outermost first), for the line of a nested step's failure. */
const enclosing = new AsyncLocalStorage<readonly symbol[]>();
/**
 * Watches not done yet. Once none is left the storage is disabled: enabled, Node 20 copies its store
 * onto every async resource (each promise) the process makes, for as long as it runs.
 */
let watching = 0;
/** A failure logged by the innermost step it went through, with that step's enclosing steps: they let it through unlogged. */
const loggedWithin = new WeakMap<object, readonly symbol[]>();

export const watchStart = (opts: StartWatchOptions): StartWatch => {
  const { log } = opts;
  const timing = opts.timing ?? startWatchTiming();
  const since = opts.since ?? processStartedAt ?? Date.now();
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
  watching += 1;
  const done = (): void => {
    if (!over && --watching === 0) enclosing.disable();
    over = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  return {
    step: async (what, run) => {
      const key = Symbol(what);
      const began = Date.now();
      // Only the steps still running around it: a step begun from an ended one's leftover work is not within it.
      const outer = (enclosing.getStore() ?? []).filter((k) => running.has(k));
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
        // A step after the start was done (or stopped) nests in nothing: the storage stays disabled.
        const result = await (over ? run() : enclosing.run([...outer, key], run));
        log.info({ step: what, ms: Date.now() - began }, START_STEP_ENDED);
        return result;
      } catch (err) {
        // A nested step's failure (kit.startStep inside kit.onStart) is one line, naming the steps it
        // failed within, not one line per level: the first level that sees it logs it.
        const traced = typeof err === 'object' && err !== null;
        if (!(traced && loggedWithin.get(err)?.includes(key))) {
          // The steps it began within that still run: one may have ended since, leaving this one running.
          const around = outer.filter((k) => running.has(k));
          const within = around.map((k) => running.get(k)!.what);
          log.error({ step: what, ...(within.length ? { within } : {}), ms: Date.now() - began, err }, START_STEP_FAILED);
          if (traced) loggedWithin.set(err, around);
        }
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
