/**
 * Where the engine runs. In the service, on a worker thread (piscina): a plan takes tens to
 * hundreds of milliseconds of CPU, and on the event loop it would hold up everything else the
 * service does meanwhile (the trip service's status reads, the candidate calls and database writes
 * of the other schedules, the broker's settlements). In tests and the evaluation, in the thread
 * that asks (`inThreadEngine`), the same function.
 */
import { Piscina } from 'piscina';
import { NODE_FLAGS, type ScheduleGenerationMessage } from '@tripgen/catalog';
import type { OtherHeap, Reduction } from '@tripgen/service-kit/idle-heap';
import type { ScheduleMiss } from '@tripgen/catalog';
import { explainMisses, type ExplainInput } from './explain.ts';
import type { CategoryWeights } from './interests.ts';
import { GenerationFailure, planTrip, type PlannedTrip, type PlanTripOptions } from './plan-trip.ts';
import type { Candidate, EngineBudget } from './problem.ts';
import { warmUpTasks } from './warm-up.ts';

/** One plan for the engine; its PlanTripOptions (base, travelTimes, yieldTo) are plain data: they cross to the engine thread by structured clone. */
export interface EngineTask extends PlanTripOptions {
  readonly message: ScheduleGenerationMessage;
  /** Left out when `candidateSet` names a set the thread already keeps. */
  readonly candidates?: readonly Candidate[];
  /**
   * The id of this candidate set on the thread: given with `candidates`, the thread keeps them
   * under it; given alone, it plans with the ones it kept (or answers `unknownSet`).
   */
  readonly candidateSet?: number;
  readonly weights: CategoryWeights;
  readonly budget: EngineBudget;
}
export type EngineAnswer = { readonly planned: PlannedTrip } | { readonly failure: string } | { readonly unknownSet: number };
/** The misses of a plan explained, each fix checked with the engine (explain.ts): engine work too. */
export interface ExplainTask {
  readonly explain: ExplainInput;
}
export interface ExplainAnswer {
  readonly reasons: ScheduleMiss[];
}
/** The kit's heap reduction, on the thread's isolate (the process's starting semi-space: the flags it sets are process-wide). */
export interface HeapTask {
  readonly reduceHeap: { readonly semiSpaceMiB: number };
}
export interface HeapAnswer {
  readonly reduced: Reduction;
}

export interface Engine {
  plan(task: EngineTask): Promise<PlannedTrip>;
  explain(input: ExplainInput): Promise<ScheduleMiss[]>;
  close(): Promise<void>;
}

const unwrap = (answer: EngineAnswer): PlannedTrip => {
  if ('failure' in answer) throw new GenerationFailure(answer.failure);
  if ('unknownSet' in answer) throw new Error(`the engine thread does not keep candidate set ${answer.unknownSet}`);
  return answer.planned;
};

export interface ThreadEngine extends Engine {
  /** Plans the synthetic warm-up trips on the thread (the service's readiness waits for it); resolves to the milliseconds it took. */
  warm(): Promise<number>;
  /** Engine threads running now: 1 (0 only between a thread's crash and its replacement). */
  threads(): number;
  /** Threads started since the engine was made: 1 unless one died and was replaced (cold). */
  threadStarts(): number;
  /**
   * The thread's heap, for the kit's idle heap reducer (`app.kit.reduceWhenQuiet`): pending once
   * the thread has planned since its last reduction (the warm-up's plans not counted: the heap at
   * ready is the start, as the main thread's is) and no plan is under way or queued.
   */
  readonly heap: OtherHeap;
}

export const inThreadEngine: Engine = {
  plan: async (t) => planTrip(t.message, t.candidates ?? [], t.weights, t.budget, t),
  explain: async (input) => explainMisses(input),
  close: async () => undefined,
};

/** The candidate sets counted as kept by the thread: half of what it keeps (engine-thread.ts), so one counted is there unless the thread restarted. */
const CANDIDATE_SETS_SENT = 16;

/**
 * The thread's module, next to this one: engine-thread.ts when the service runs from source (tests,
 * through tsx, which the thread then loads too), engine-thread.mjs when it runs as the bundle that
 * ships (the kit's bundler builds every `*-thread.ts` into dist/ beside server.mjs).
 */
export const engineThreadModule = (here: string = import.meta.url): { readonly filename: string; readonly loader: boolean } =>
  here.endsWith('.ts') ? { filename: new URL('./engine-thread.ts', here).href, loader: true } : { filename: new URL('./engine-thread.mjs', here).href, loader: false };

/** The engine thread's young generation in MiB (V8's default for a worker is up to 48). */
export const ENGINE_YOUNG_GENERATION_MIB = 8;

/**
 * One engine thread, kept for the life of the process and warmed before the service is ready
 * (`warm`): the pod asks for half a core (catalog resources), so the event loop and one engine
 * thread are what it can use; plans queue for it one at a time while the event loop keeps serving.
 * Kept, not started by the first plan and ended when idle (stop 27, to return its ~17 MiB): plans
 * arrive more than 5 s apart most of the day, so most of them got a new thread, its module load and
 * a cold JIT (a 7-day plan after 6 s idle cost 850-1,015 ms of CPU, 216-270 ms on the kept warm thread:
 * the AI service's README). `module`: the thread's code (bench/warm-engine.ts runs the bundle's, as the image does).
 *
 * A candidate set (~200 places with their opening on each date) crosses to the thread once: the
 * candidate cache hands concurrent schedules of one area the same array, which is given an id
 * here; the thread keeps the sets it was sent by id, and later tasks of the same set carry the id
 * alone. Copying it for every schedule (structured clone, both threads) was a few ms of CPU a
 * schedule on the engine's thread, the one every schedule of a burst queues for. (A thread that
 * no longer keeps a set, say after a restart, answers so, and the task is sent again in full.)
 */
export const threadEngine = ({ module = engineThreadModule() }: { readonly module?: ReturnType<typeof engineThreadModule> } = {}): ThreadEngine => {
  const { filename, loader } = module;
  // Inherited unless the thread needs the TypeScript loader. A Worker refuses V8 flags in an explicit
  // execArgv (the image's catalog NODE_FLAGS, e.g. --liftoff-only), and they hold for the whole process anyway.
  const execArgv = loader && !process.execArgv.some((a) => a.includes('tsx')) ? [...process.execArgv.filter((a) => !NODE_FLAGS.includes(a)), '--import', 'tsx'] : undefined;
  const pool = new Piscina<EngineTask | ExplainTask | HeapTask, EngineAnswer | ExplainAnswer | HeapAnswer>({
    filename,
    minThreads: 1,
    maxThreads: 1,
    idleTimeout: Infinity,
    resourceLimits: { maxYoungGenerationSizeMb: ENGINE_YOUNG_GENERATION_MIB },
    execArgv,
  });
  const run = (task: EngineTask): Promise<EngineAnswer> => pool.run(task) as Promise<EngineAnswer>;
  let starts = 0;
  pool.on('workerCreate', () => starts++);
  const ids = new WeakMap<readonly Candidate[], number>();
  let nextId = 0;
  /** Ids of the sets sent to the thread lately, oldest first. */
  const sent: number[] = [];
  const planOnThread = async (task: EngineTask): Promise<PlannedTrip> => {
    const { candidates } = task;
    if (!candidates) return unwrap(await run(task));
    let id = ids.get(candidates);
    if (id === undefined) ids.set(candidates, (id = nextId++));
    if (sent.includes(id)) {
      const answer = await run({ ...task, candidates: undefined, candidateSet: id });
      if (!('unknownSet' in answer)) return unwrap(answer);
    }
    sent.push(id);
    if (sent.length > CANDIDATE_SETS_SENT) sent.shift();
    return unwrap(await run({ ...task, candidateSet: id }));
  };
  /** Tasks (plans, explanations) asked for and not answered yet; tasks answered, and how many of them the last reduction came after. */
  let planning = 0;
  let planned = 0;
  let plannedAtReduction = 0;
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    planning++;
    try {
      return await work();
    } finally {
      planning--;
      planned++;
    }
  };
  return {
    plan: (task) => counted(() => planOnThread(task)),
    explain: (input) => counted(async () => ((await pool.run({ explain: input } satisfies ExplainTask)) as ExplainAnswer).reasons),
    async warm() {
      const started = performance.now();
      for (const task of warmUpTasks()) unwrap(await run(task));
      return performance.now() - started;
    },
    threads: () => pool.threads.length,
    threadStarts: () => starts,
    heap: {
      name: 'engine thread',
      pending: () => planning === 0 && planned > plannedAtReduction,
      async reduce(semiSpaceMiB) {
        plannedAtReduction = planned;
        // A task like a plan: the thread runs one at a time, so it never reduces while it plans.
        const task: HeapTask = { reduceHeap: { semiSpaceMiB } };
        return ((await pool.run(task)) as HeapAnswer).reduced;
      },
    },
    close: () => pool.destroy(),
  };
};
