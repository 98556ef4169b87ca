import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { planItinerary, replanDay, type PlanRequest, type PlanResult } from '../src/realworld/plan.ts';
import { cpuClock } from './cpu-clock.ts';
import { quantile } from './toptw/suite.ts';
import { MARKS, planGaps, summariseGaps, type Mark } from './trips/gaps.ts';
import { generateTrip } from './trips/generate.ts';

/**
 * The real-trip scale case: a 7-day trip with 300 candidate places (must-visits, lunch and dinner
 * every day, several opening intervals, a holiday, a hotel change), walking and by transit.
 *
 * For each request: the engine time of planItinerary with its default budget (p50/p95/max over
 * requests and seeds, wall clock and the process's CPU time), the score against a 60-second run
 * of the same request, and the time to re-plan one day. With --clock cpu the budgets count CPU
 * time, so a busy machine cannot starve the search (the wall times then exceed the budget by the
 * machine's load). The 60-second runs always count CPU time; their scores are stored in
 * bench/data/trip-reference.json, keyed by a hash of the request, and computed for new or changed
 * requests with --trip-references.
 */
const REFERENCE_FILE = new URL('./data/trip-reference.json', import.meta.url);
const REFERENCE_MS = 60_000;
/**
 * Trip generator seeds: the engine's driver was tuned on trips 1-5 only; trips 6-10 are generated
 * the same way and held out (reported, never tuned on).
 */
const TRIP_SPLITS = [
  { split: 'tune', seeds: [1, 2, 3, 4, 5] },
  { split: 'held-out', seeds: [6, 7, 8, 9, 10] },
] as const;
const SOLVER_SEEDS = [1, 2, 3];

export interface ReferenceEntry {
  score: number;
  iterations: number;
  computed: string;
  solver: string;
  /**
   * 'clock': the acceptance threshold of the 60-second run decays over its 60 seconds. Entries
   * without it came from runs whose threshold never decayed (an iteration budget of
   * Number.MAX_SAFE_INTEGER set the schedule), a weaker reference; they are recomputed.
   */
  schedule?: 'clock';
  /**
   * Every recorded 60-second run of the request (--trip-reference-runs), one per solver seed and
   * engine commit: what one 60-second run scores, as issue 14 words the goal ("within 2% of a
   * 60-second run of the same request"). `score` above stays the best ever found (it only goes up).
   */
  runs?: ReferenceRun[];
}

/** One 60-second CPU run of a trip request (the reference run's code path, with its solver seed). */
export interface ReferenceRun {
  seed: number;
  score: number;
  iterations: number;
  /** Commit whose engine ran it (HEAD of the tree that ran it). */
  solver: string;
  /** UTC time the run ended, to the minute. */
  computed: string;
  /** The machine's 1-minute load average when the run ended (the clock counts CPU time). */
  load: number;
  mustVisitsLeftOut: number;
  mealsLeftOut: number;
}


function solverVersion(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** The trip case's request for a generator seed and travel mode (7 days, 300 candidates). */
/** The week planned once, untimed, before the measured ones: outside every split's trips. */
const WARM_UP_TRIP = 1_000;

/**
 * A process's first plan is cold (model build and first construction 418 ms of CPU against 102 ms
 * by the third call; 900-3,600 iterations in 800 ms against 4,400-8,900 later in the process), so
 * a first timed plan measures the JIT, not the engine. One untimed plan of a week that is not one
 * of the measured requests (no matrix of theirs cached), and one re-plan, warm it first.
 */
export function warmUpEngine(runtime: Parameters<typeof replanDay>[4] = {}): void {
  const warmUp = tripCaseRequest(WARM_UP_TRIP, 'transit');
  const warmed = planItinerary({ ...warmUp, options: { seed: 1, maxIterations: 1_000, timeLimitMs: 60_000 } });
  replanDay(warmUp, warmed, warmUp.days[2]!.date, [], { ...runtime });
}

export const tripCaseRequest = (seed: number, travelMode: 'walk' | 'transit'): PlanRequest => generateTrip({ seed, days: 7, places: 300, travelMode });

/** The key of a request's 60-second reference in bench/data/trip-reference.json. */
export function requestKey(request: PlanRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 16);
}

/**
 * The 60-second CPU run behind a reference: no iteration budget, so the search's acceptance
 * schedule follows the clock over the 60 s.
 */
export function sixtySecondRun(request: PlanRequest, seed: number): PlanResult {
  return planItinerary({ ...request, options: { timeLimitMs: REFERENCE_MS, maxIterations: Number.POSITIVE_INFINITY, seed } }, { clock: cpuClock });
}

/**
 * Adds one run to the data file under a lock directory: two recording processes (walk and transit)
 * may write at once, and each re-reads the file so neither drops the other's runs.
 */
function appendReferenceRun(key: string, run: ReferenceRun): void {
  const lock = new URL('./data/.trip-reference.lock', import.meta.url);
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 600) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const references = loadReferenceScores();
    const entry = references[key];
    if (!entry) throw new Error(`no reference entry ${key} to add a run to`);
    entry.runs = [...(entry.runs ?? []).filter((r) => !(r.seed === run.seed && r.solver === run.solver)), run].sort((a, b) => a.seed - b.seed || a.computed.localeCompare(b.computed));
    // `score` is the best ever found: a recorded run that beats it raises it, as a refresh does.
    if (entry.schedule === 'clock' && run.score > entry.score) Object.assign(entry, { score: run.score, iterations: run.iterations, computed: run.computed.slice(0, 10), solver: run.solver });
    writeFileSync(REFERENCE_FILE, `${JSON.stringify(references, null, 2)}\n`);
  } finally {
    rmdirSync(lock);
  }
}

/**
 * npm run bench:planner -- --trip-reference-runs 1-3 [--trip-reference-mode walk]: one 60-second
 * CPU run per solver seed of every trip request (both splits), each recorded in the request's
 * `runs`; a run that beats the best-known `score` raises it (appendReferenceRun).
 * A run already recorded for the seed by the same commit is skipped, so a stopped recording resumes.
 */
export function recordReferenceRuns(options: { seeds: readonly number[]; modes?: ReadonlyArray<'walk' | 'transit'> }): number {
  const solver = solverVersion();
  let infeasible = 0;
  for (const seed of options.seeds) for (const travelMode of options.modes ?? (['walk', 'transit'] as const)) {
    for (const { split, seeds } of TRIP_SPLITS) for (const trip of seeds) {
      const request = tripCaseRequest(trip, travelMode);
      const key = requestKey(request);
      const known = loadReferenceScores()[key];
      if (known?.runs?.some((r) => r.seed === seed && r.solver === solver)) continue;
      const result = sixtySecondRun(request, seed);
      const check = checkItinerary(request, result);
      if (!check.feasible) {
        infeasible++;
        console.error(`INFEASIBLE 60-second run ${travelMode} trip ${trip} seed ${seed}: ${check.errors.slice(0, 3).join('; ')}`);
        continue;
      }
      const must = new Set(request.places.filter((p) => p.mustVisit).map((p) => p.locationId));
      const run: ReferenceRun = {
        seed,
        score: result.score,
        iterations: result.stats.iterations,
        solver,
        computed: new Date().toISOString().slice(0, 16),
        load: Number(loadavg()[0]!.toFixed(2)),
        mustVisitsLeftOut: result.unscheduled.filter((u) => must.has(u.locationId)).length,
        mealsLeftOut: result.unscheduledMeals.length,
      };
      appendReferenceRun(key, run);
      const best = known?.score;
      console.log(
        `  60-second run ${split} ${travelMode} trip ${trip} seed ${seed}: ${run.score} (${run.iterations} iterations, must-visits left out ${run.mustVisitsLeftOut}, meals ${run.mealsLeftOut})` +
          (best === undefined ? ', no best-known' : `, best-known ${best}${run.score > best ? ': beats the best-known, which it raised' : ''}`),
      );
    }
  }
  return infeasible;
}

export function loadReferenceScores(): Record<string, ReferenceEntry> {
  return existsSync(REFERENCE_FILE) ? (JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Record<string, ReferenceEntry>) : {};
}

export async function runTripBenchmark(
  options: {
    computeReferences?: boolean;
    /**
     * Recompute the references of these splits with the current engine even when they exist, and
     * keep per request the better of the old and the new score: a reference may only go up (a
     * stronger engine makes a stronger 60-second run; lowering one would redefine the measure).
     */
    refreshReferences?: readonly string[];
    cpuBudget?: boolean;
  } = {},
): Promise<number> {
  const runtime = options.cpuBudget ? { clock: cpuClock } : {};
  const references = loadReferenceScores();
  let referencesChanged = false;
  let infeasible = 0;
  const engineMs: number[] = [];
  const engineCpuMs: number[] = [];
  const replanMs: number[] = [];
  const replanCpuMs: number[] = [];
  const markGaps: Array<{ split: string; label: string; mark: Mark; gap: number }> = [];
  let missing = 0;
  warmUpEngine(runtime);
  console.log(`  warm-up: trip ${WARM_UP_TRIP} (transit, not measured), 1,000 iterations and one re-plan, untimed`);
  for (const { split, seeds } of TRIP_SPLITS) for (const travelMode of ['walk', 'transit'] as const) {
    for (const seed of seeds) {
      const request = tripCaseRequest(seed, travelMode);
      const key = requestKey(request);
      const refresh = options.refreshReferences?.includes(split) === true;
      if ((references[key]?.schedule !== 'clock' && options.computeReferences) || refresh) {
        const long = sixtySecondRun(request, 1);
        const previous = references[key]?.schedule === 'clock' ? references[key] : undefined;
        if (!previous || long.score > previous.score) {
          references[key] = {
            score: long.score,
            iterations: long.stats.iterations,
            computed: new Date().toISOString().slice(0, 10),
            solver: solverVersion(),
            schedule: 'clock',
            // The recorded 60-second runs stay (--trip-reference-runs).
            ...(references[key]?.runs ? { runs: references[key].runs } : {}),
          };
          referencesChanged = true;
        }
        console.log(
          `  reference ${travelMode} trip ${seed}: ${long.score} (${long.stats.iterations} iterations)${
            previous ? `, was ${previous.score}: ${long.score > previous.score ? 'raised' : 'kept'}` : ''
          }`,
        );
      }
      const reference = references[key]?.schedule === 'clock' ? references[key] : undefined;
      if (!reference) missing++;
      for (const solverSeed of SOLVER_SEEDS) {
        const t0 = performance.now();
        const c0 = cpuClock();
        const result = planItinerary({ ...request, options: { seed: solverSeed } }, runtime);
        engineMs.push(performance.now() - t0);
        engineCpuMs.push(cpuClock() - c0);
        const check = checkItinerary(request, result);
        if (!check.feasible) {
          infeasible++;
          console.error(`INFEASIBLE trip ${travelMode} seed ${seed}/${solverSeed}: ${check.errors.slice(0, 3).join('; ')}`);
        }
        const planned = planGaps({ seed: solverSeed, score: result.score }, reference?.score, references[key]?.runs);
        for (const mark of MARKS) {
          const gap = planned[mark];
          if (gap !== undefined) markGaps.push({ split, label: `${travelMode} trip ${seed} seed ${solverSeed}`, mark, gap });
        }
        const date = request.days[2]!.date;
        const keep = result.days[2]!.stops.slice(0, 1).map((s) => s.locationId);
        const t1 = performance.now();
        const c1 = cpuClock();
        const replanned = replanDay(request, result, date, keep, runtime);
        replanMs.push(performance.now() - t1);
        replanCpuMs.push(cpuClock() - c1);
        const replanCheck = checkItinerary(request, replanned);
        if (!replanCheck.feasible) {
          infeasible++;
          console.error(`INFEASIBLE re-plan ${travelMode} seed ${seed}/${solverSeed}: ${replanCheck.errors.slice(0, 3).join('; ')}`);
        }
      }
    }
  }
  if (referencesChanged) writeFileSync(REFERENCE_FILE, `${JSON.stringify(references, null, 2)}\n`);
  const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  const runs = engineMs.length;
  const splits = TRIP_SPLITS.map((s) => `${s.split} trips ${s.seeds.join(',')}`).join(', ');
  console.log(`trip 7 days x 300 places (walk and transit; ${splits}; solver seeds ${SOLVER_SEEDS.join(',')}): ${runs} plans`);
  console.log(`  engine time (planItinerary, default budget${options.cpuBudget ? ' in CPU time' : ''}): wall ${fmt(engineMs)}   target p95 <= 1000 ms`);
  console.log(`                                             CPU  ${fmt(engineCpuMs)}`);
  if (markGaps.some((g) => g.mark === 'best-known')) {
    console.log(`  score vs a ${REFERENCE_MS / 1000}-second (CPU) run of the same request (target: every plan within 2%):`);
    for (const split of [...TRIP_SPLITS.map((s) => s.split), 'all']) {
      const sum = summariseGaps(markGaps.filter((g) => g.mark === 'best-known' && (split === 'all' || g.split === split)));
      if (!sum) continue;
      console.log(`    ${split.padEnd(9)} ${String(sum.plans).padStart(3)} plans: mean gap ${sum.mean.toFixed(2)}%, worst ${sum.worst.gap.toFixed(2)}% (${sum.worst.label})`);
    }
    if (markGaps.some((g) => g.mark !== 'best-known')) {
      // Issue 14's words are "within 2% of a 60-second run of the same request": the best-known
      // above is the best of many such runs, so the plans are also measured against one run.
      console.log('  the same plans against the best-known, the 60-second run of the same solver seed, and the median of the request\'s 60-second runs (bench/data/trip-reference.json runs):');
      for (const split of [...TRIP_SPLITS.map((s) => s.split), 'all']) for (const mark of MARKS) {
        const sum = summariseGaps(markGaps.filter((g) => g.mark === mark && (split === 'all' || g.split === split)));
        if (!sum) continue;
        console.log(
          `    ${split.padEnd(9)} ${mark.padEnd(14)} ${String(sum.plans).padStart(3)} plans: mean gap ${sum.mean.toFixed(2)}%, worst ${sum.worst.gap.toFixed(2)}% (${sum.worst.label}), over 2%: ${sum.over2}`,
        );
      }
    }
    if (missing) console.log(`    (${missing} request(s) without a reference: npm run bench:planner -- --trips-only --trip-references)`);
  } else {
    console.log('  no 60-second references for these requests: npm run bench:planner -- --trip-references');
  }
  console.log(`  re-plan one day (replanDay): wall ${fmt(replanMs)}   target <= 200 ms`);
  // On a shared machine the wall time includes time the process waited for a core.
  console.log(`                              CPU  ${fmt(replanCpuMs)}`);
  console.log(`  infeasible: ${infeasible}`);
  return infeasible;
}
