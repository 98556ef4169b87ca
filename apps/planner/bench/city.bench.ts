import { planItinerary, type PlanRequest } from '../src/realworld/plan.ts';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { PARIS_REQUEST } from '../test/fixtures/paris.ts';

/**
 * The real-world case: the 3-day Paris trip (32 places, opening hours, must-visits) with the
 * planner's default budget, timed end to end (model build + search + schedule) and checked.
 * Returns the number of infeasible plans.
 */
export function runCityBenchmark(runs = 7): number {
  const withMeals: PlanRequest = {
    ...PARIS_REQUEST,
    days: PARIS_REQUEST.days.map((d) => ({
      ...d,
      meals: [
        { name: 'lunch', from: '12:00', to: '14:30', minutes: 60 },
        { name: 'dinner', from: '19:00', to: '21:30', minutes: 90 },
      ],
    })),
  };
  return runCase('city 3-day', PARIS_REQUEST, runs) + runCase('city 3-day + lunch/dinner', withMeals, runs);
}

function runCase(label: string, request: PlanRequest, runs: number): number {
  const times: number[] = [];
  let infeasible = 0;
  let last = planItinerary(request);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = planItinerary({ ...request, options: { seed: i + 1 } });
    times.push(performance.now() - t0);
    const check = checkItinerary(request, last);
    if (!check.feasible) {
      infeasible++;
      console.error(`INFEASIBLE city plan (seed ${i + 1}): ${check.errors.join('; ')}`);
    }
  }
  times.sort((a, b) => a - b);
  const stops = last.days.map((d) => d.stops.length).join('/');
  const reasons = last.unscheduled.filter((u) => u.reason !== 'no-time').map((u) => `${u.locationId}:${u.reason}`);
  console.log(
    `${label} (Paris, ${request.places.length} places): ${runs} runs, p50 ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, ` +
      `max ${times[runs - 1]!.toFixed(0)} ms, score ${last.score}, stops/day ${stops}, infeasible ${infeasible}, ` +
      `iterations ${last.stats.iterations} (${last.stats.stoppedBy}); not placed: ${reasons.join(', ')}`,
  );
  return infeasible;
}
