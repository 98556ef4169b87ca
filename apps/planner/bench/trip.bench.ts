import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { planItinerary, replanDay, type PlanRequest } from '../src/realworld/plan.ts';
import { quantile } from './toptw/suite.ts';
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
const TRIP_SEEDS = [1, 2, 3, 4, 5];
const SOLVER_SEEDS = [1, 2, 3];

interface ReferenceEntry {
  score: number;
  iterations: number;
  computed: string;
  solver: string;
}

const cpuClock = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function solverVersion(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function requestKey(request: PlanRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 16);
}

function loadReferenceScores(): Record<string, ReferenceEntry> {
  return existsSync(REFERENCE_FILE) ? (JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Record<string, ReferenceEntry>) : {};
}

export async function runTripBenchmark(options: { computeReferences?: boolean; cpuBudget?: boolean } = {}): Promise<number> {
  const runtime = options.cpuBudget ? { clock: cpuClock } : {};
  const references = loadReferenceScores();
  let referencesChanged = false;
  let infeasible = 0;
  const engineMs: number[] = [];
  const engineCpuMs: number[] = [];
  const replanMs: number[] = [];
  const gaps: number[] = [];
  let missing = 0;
  for (const travelMode of ['walk', 'transit'] as const) {
    for (const seed of TRIP_SEEDS) {
      const request = generateTrip({ seed, days: 7, places: 300, travelMode });
      const key = requestKey(request);
      if (!references[key] && options.computeReferences) {
        const long = planItinerary(
          { ...request, options: { timeLimitMs: REFERENCE_MS, maxIterations: Number.MAX_SAFE_INTEGER, seed: 1 } },
          { clock: cpuClock },
        );
        references[key] = {
          score: long.score,
          iterations: long.stats.iterations,
          computed: new Date().toISOString().slice(0, 10),
          solver: solverVersion(),
        };
        referencesChanged = true;
      }
      const reference = references[key];
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
        if (reference) gaps.push((100 * (reference.score - result.score)) / reference.score);
        const date = request.days[2]!.date;
        const keep = result.days[2]!.stops.slice(0, 1).map((s) => s.locationId);
        const t1 = performance.now();
        const replanned = replanDay(request, result, date, keep, runtime);
        replanMs.push(performance.now() - t1);
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
  console.log(`trip 7 days x 300 places (walk and transit, ${TRIP_SEEDS.length} trips each, seeds ${SOLVER_SEEDS.join(',')}): ${runs} plans`);
  console.log(`  engine time (planItinerary, default budget${options.cpuBudget ? ' in CPU time' : ''}): wall ${fmt(engineMs)}   target p95 <= 1000 ms`);
  console.log(`                                             CPU  ${fmt(engineCpuMs)}`);
  if (gaps.length) {
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    console.log(
      `  score vs a ${REFERENCE_MS / 1000}-second (CPU) run of the same request: mean gap ${mean.toFixed(2)}%, worst ${Math.max(...gaps).toFixed(2)}%   target <= 2%` +
        (missing ? ` (${missing} request(s) without a reference: npm run bench:planner -- --trip-references)` : ''),
    );
  } else {
    console.log('  no 60-second references for these requests: npm run bench:planner -- --trip-references');
  }
  console.log(`  re-plan one day (replanDay): ${fmt(replanMs)}   target <= 200 ms`);
  console.log(`  infeasible: ${infeasible}`);
  return infeasible;
}
