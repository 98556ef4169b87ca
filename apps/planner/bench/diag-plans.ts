/**
 * Dev tool (diagnosis of one trip request): dumps its plans, timed (--cpu-ms, warmed as the bench
 * does) and 60-second CPU runs (--long-seeds), with each place's score and open weekdays, as JSON
 * for a per-day comparison outside the repo.
 *   node --import tsx apps/planner/bench/diag-plans.ts --trip 4 --mode walk --seeds 1-10 --cpu-ms 800 [--iterations N] [--long-seeds 1] [--tuning '{}'] --out /tmp/plans.json
 */
import { writeFileSync } from 'node:fs';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { planItinerary, type PlanResult } from '../src/realworld/plan.ts';
import { arg, range } from './cli-args.ts';
import { cpuClock } from './cpu-clock.ts';
import { loadReferenceScores, requestKey, sixtySecondRun, tripCaseRequest, warmUpEngine } from './trip.bench.ts';

const request = tripCaseRequest(Number(arg('trip', '4')), arg('mode', 'walk') as 'walk' | 'transit');
const reference = loadReferenceScores()[requestKey(request)];
const tuning = JSON.parse(arg('tuning', '{}'));
const cpuMs = Number(arg('cpu-ms', '800'));
// --iterations N: a fixed budget instead of the clock (deterministic for a seed).
const iterations = Number(arg('iterations', '0'));
warmUpEngine({ clock: cpuClock });
const plans: Array<{ kind: string; seed: number; result: PlanResult; feasible: boolean }> = [];
const record = (kind: string, seed: number, result: PlanResult): void => {
  const feasible = checkItinerary(request, result).feasible;
  plans.push({ kind, seed, result, feasible });
  console.error(`${kind} seed ${seed}: ${result.score} (${result.stats.iterations} iterations)${feasible ? '' : ' INFEASIBLE'}`);
};
for (const seed of range(arg('seeds', '1-10'))) {
  const options = iterations > 0 ? { seed, maxIterations: iterations, timeLimitMs: 1e9 } : { seed, timeLimitMs: cpuMs };
  record(iterations > 0 ? `${iterations} iterations` : 'short', seed, planItinerary({ ...request, options }, { tuning, clock: cpuClock }));
}
for (const seed of range(arg('long-seeds', ''))) record('long', seed, sixtySecondRun(request, seed));
writeFileSync(arg('out', '/tmp/plans.json'), JSON.stringify({ request, reference, plans }));
