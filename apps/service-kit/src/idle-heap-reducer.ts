/**
 * Gives back the V8 heap a burst of work left behind, once the process is quiet (issue 15; why and
 * the thresholds: the catalog's IDLE_HEAP_REDUCTION). V8's own memory reducer does this only after
 * the heap grew 10 MB past its last reduction, so a service that served a burst kept its grown old
 * and young generations resident until the next one.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
import { runInNewContext } from 'node:vm';
import { IDLE_HEAP_REDUCTION } from '@tripgen/catalog';

const MiB = 2 ** 20;

/** The V8 flag that `--optimize-for-size` implies (V8 sets it to 1 when the flag is set, also at run time). */
const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size=(\d+)$/;

/**
 * The `--max-semi-space-size` this process started with (NODE_OPTIONS, then its command line, which
 * wins), or 0, V8's "size it from the heap".
 */
export const startingSemiSpaceMiB = (execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ''): number => {
  let mib = 0;
  for (const arg of [...nodeOptions.split(/\s+/), ...execArgv]) {
    const m = SEMI_SPACE_FLAG.exec(arg);
    if (m) mib = Number(m[1]);
  }
  return mib;
};

let exposedGc: (() => void) | undefined;
/** V8's `gc()` without a global of that name: exposed to one throwaway context only. */
const collector = (): (() => void) => {
  if (exposedGc) return exposedGc;
  if (typeof globalThis.gc === 'function') return (exposedGc = globalThis.gc as () => void);
  v8.setFlagsFromString('--expose-gc');
  try {
    exposedGc = runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return exposedGc;
};

/** V8's committed heap (all spaces), bytes. */
const committedHeap = (): number => v8.getHeapStatistics().total_heap_size;

export interface Reduction {
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly ms: number;
  /** The thread whose isolate was reduced (worker_threads' threadId: 0 for the main thread). */
  readonly threadId: number;
  /** Full (mark-compact) collections V8 ran on that isolate meanwhile (its GC profiler): what the recipe asked, seen done. */
  readonly fullCollections: number;
}

/**
 * Two full collections with V8's memory-saving heuristics: `--optimize-for-size` only for their
 * duration, so that they compact fragmented pages (at least 20 % free, up to 6 MB moved) and shrink
 * the young generation. Two, because a collection picks the pages it compacts from what the one
 * before it found free: the first frees the burst's objects, the second moves the survivors off the
 * pages that leaves sparse (`--trace-fragmentation`: one collection moved 3 pages, two 50). Plain
 * `gc()` calls compact only pages at least 70 % free (the user service after a burst: RSS -5 MiB
 * against -8 to -11). Setting the flag also sets `--max-semi-space-size=1` for isolates created
 * later (worker threads): put back as it was.
 */
export const reduceHeapNow = (semiSpaceMiB: number = startingSemiSpaceMiB()): Reduction => {
  const gc = collector();
  const beforeBytes = committedHeap();
  const started = performance.now();
  const profiler = new v8.GCProfiler();
  profiler.start();
  v8.setFlagsFromString('--optimize-for-size');
  let collections: { gcType: string }[] = [];
  try {
    gc();
    gc();
  } finally {
    v8.setFlagsFromString('--no-optimize-for-size');
    v8.setFlagsFromString(`--max-semi-space-size=${semiSpaceMiB}`);
    collections = profiler.stop().statistics;
  }
  return { beforeBytes, afterBytes: committedHeap(), ms: performance.now() - started, threadId, fullCollections: collections.filter((c) => c.gcType === 'MarkSweepCompact').length };
};

/**
 * Another heap of the process, a worker thread's isolate (the AI service's engine thread), which
 * the reducer reduces too once the main thread is quiet: a timer on a thread parked in
 * `Atomics.wait` between tasks (Piscina's) never runs, so it cannot notice its own quiet.
 */
export interface OtherHeap {
  /** Named in the log line. */
  readonly name: string;
  /** Whether it has worked since its last reduction and is idle now. */
  pending(): boolean;
  /** `reduceHeapNow` run on its thread, with the process's starting semi-space (the flags are process-wide). */
  reduce(semiSpaceMiB: number): Promise<Reduction>;
}

export interface IdleHeapReducerOptions {
  readonly quietSeconds?: number;
  readonly quietUtilization?: number;
  readonly minGrowthMiB?: number;
  /** The other heaps to reduce, asked at each quiet check (a service registers its threads after the reducer started). */
  readonly others?: () => readonly OtherHeap[];
  /** Told of each reduction (the service logs it): `heap` is 'main thread' or an other heap's name. */
  readonly onReduced?: (r: Reduction, heap: string) => void;
  /** Told of an other heap's failed reduction (its thread was ended meanwhile). */
  readonly onFailed?: (err: unknown, heap: string) => void;
  /** Seams for the tests: the committed heap, the main thread's utilisation since the last call, the reduction, the tick. */
  readonly heapBytes?: () => number;
  readonly utilization?: () => number;
  readonly reduce?: () => Reduction;
  readonly tickMs?: number;
}

export interface IdleHeapReducer {
  /** One check, as the timer runs it every second (exported for the tests). */
  tick(): void;
  stop(): void;
}

/** Event-loop utilisation of the main thread since the previous call (0..1). */
const utilizationSinceLast = (): (() => number) => {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const u = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return u;
  };
};

/**
 * Checks once a second (an unref'd timer: it never holds the process open): when the main thread has
 * been quiet over the last `quietSeconds` checks (their mean utilisation under `quietUtilization`)
 * and the committed heap is `minGrowthMiB` over the baseline, it reduces the heap. The mean, not every
 * check: an idle service's pollers take a few % of some seconds (the AI service's idle seconds: 1.3 %
 * at the median, 18 % of them over 2 %), and a run of quiet checks they broke put the reduction off by
 * 10 s and more. The baseline is the heap after the last reduction, lowered whenever
 * the heap is seen smaller (V8's own reducer ran), so a heap that stays grown because its live data
 * grew is reduced once, not every time the process is quiet. Each of the `others` that has worked
 * since its last reduction and is idle is reduced on its own thread at the same quiet check, one
 * after the other and after the main thread's.
 */
export const startIdleHeapReducer = (opts: IdleHeapReducerOptions = {}): IdleHeapReducer => {
  const quietSeconds = opts.quietSeconds ?? IDLE_HEAP_REDUCTION.quietSeconds;
  const quietUtilization = opts.quietUtilization ?? IDLE_HEAP_REDUCTION.quietUtilization;
  const minGrowth = (opts.minGrowthMiB ?? IDLE_HEAP_REDUCTION.minGrowthMiB) * MiB;
  const heapBytes = opts.heapBytes ?? committedHeap;
  const utilization = opts.utilization ?? utilizationSinceLast();
  const semiSpace = startingSemiSpaceMiB();
  const reduce = opts.reduce ?? (() => reduceHeapNow(semiSpace));
  let baseline = heapBytes();
  /** The utilisation of the last `quietSeconds` checks, oldest first (emptied by a reduction). */
  const recent: number[] = [];
  /** An other heap's reduction under way: none begins, here or there, until it ends (the flags are process-wide). */
  let othersReducing = false;
  const reduceOthers = async (others: readonly OtherHeap[]): Promise<void> => {
    for (const other of others) {
      try {
        opts.onReduced?.(await other.reduce(semiSpace), other.name);
      } catch (err) {
        opts.onFailed?.(err, other.name);
      }
    }
  };
  const tick = (): void => {
    recent.push(utilization());
    if (recent.length > quietSeconds) recent.shift();
    const heap = heapBytes();
    baseline = Math.min(baseline, heap);
    const quiet = recent.length === quietSeconds && recent.reduce((a, b) => a + b, 0) / quietSeconds < quietUtilization;
    if (!quiet || othersReducing) return;
    const grown = heap >= baseline + minGrowth;
    const others = opts.others?.().filter((o) => o.pending()) ?? [];
    if (!grown && others.length === 0) return;
    recent.length = 0;
    if (grown) {
      const r = reduce();
      baseline = r.afterBytes;
      opts.onReduced?.(r, 'main thread');
    }
    // After the main thread's, which is synchronous: never two at once.
    if (others.length > 0) {
      othersReducing = true;
      void reduceOthers(others).finally(() => (othersReducing = false));
    }
  };
  const timer = setInterval(tick, opts.tickMs ?? 1000);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
};
