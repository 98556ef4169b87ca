import { describe, expect, it } from 'vitest';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { buildCoreProblem } from '../src/core/problem.ts';
import { solveTopTw } from '../src/core/solver.ts';
import { planItinerary, replanDay, type PlanRequest, type PlanResult } from '../src/realworld/plan.ts';
import { generateTrip } from '../bench/trips/generate.ts';
import { seoulFarMarket, seoulWarMemorial } from './fixtures/seoul-audit.ts';

const placed = (plan: PlanResult): string[] => plan.days.flatMap((d) => d.stops.map((s) => s.locationId));
const mustVisits = (request: PlanRequest): string[] => request.places.filter((p) => p.mustVisit).map((p) => p.locationId);
/** The must-visits (and meals) planned alone, as the s20 audit planned them: what "can be fitted" means. */
const aloneOf = (request: PlanRequest): PlanResult =>
  planItinerary({ ...request, places: request.places.filter((p) => p.mustVisit), options: { seed: 1, maxIterations: 400, timeLimitMs: 60_000 } });

describe('must-visit repair (docs/api.md: a schedule includes every must-visit place that can be fitted)', () => {
  // Audit trip 81's rear garden (seoul-changdeokgung-huwon) is ~150 minutes' walk away: no day holds it beside
  // the lunch break even alone (lunch before leaving or after the visit ends too late for either), so
  // the must-visit comes first (docs/api.md) and that day's lunch is skipped; its other must-visits fit
  // only beside each other without the meals and stay out, every other meal kept.
  const farMarketLunch = [{ date: '2027-01-01', name: 'lunch', detail: 'no room between 11:30 and 14:00 alongside the must-visit and locked places' }];
  it.each([
    ['a far must-visit that needs a whole day cleared of optional visits (audit trip 81)', seoulFarMarket, ['seoul-dongdaemun-jonghap-market', 'seoul-changdeokgung-huwon'], farMarketLunch],
    ['a must-visit that fits only where the other must-visits move (audit trip 189)', seoulWarMemorial, mustVisits(seoulWarMemorial), []],
  ])('places %s, keeping every meal it can', (_name, request, expected, skipped) => {
    const plan = planItinerary(request);
    expect(checkItinerary(request, plan).errors).toEqual([]);
    expect(plan.unscheduledMeals).toEqual(skipped);
    const alone = aloneOf(request);
    expect(alone.unscheduledMeals).toEqual(skipped);
    const must = new Set(mustVisits(request));
    expect(placed(alone).sort()).toEqual([...expected].sort());
    // Every must-visit that fits with the others and the meals is in the plan, optional visits around it.
    expect(placed(plan).filter((id) => must.has(id)).sort()).toEqual([...expected].sort());
    expect(plan.unscheduled.filter((u) => u.reason === 'conflict').map((u) => u.locationId)).toEqual([...must].filter((id) => !expected.includes(id)));
  });

  it('places it on every seed, not by a lucky draw of the search', () => {
    for (const seed of [2, 3, 4, 5]) {
      for (const [request, skipped] of [[seoulFarMarket, farMarketLunch], [seoulWarMemorial, []]] as const) {
        const plan = planItinerary({ ...request, options: { ...request.options, seed } });
        expect(checkItinerary(request, plan).errors).toEqual([]);
        expect(plan.unscheduledMeals).toEqual(skipped);
        expect(placed(plan).filter((id) => mustVisits(request).includes(id)).length).toBe(placed(aloneOf(request)).length);
      }
    }
  });

  /**
   * Jeju days from the city with lunch, a nine-hour hike that must start by 09:00 (its cut-off at noon,
   * the last start 3 h before it: lunch is spanned on any day), other must-visits and 10 optional places.
   */
  const hikeTrip = (dates: string[], day: { start: string; end: string }, others: PlanRequest['places'], seed = 1, hikeAt = { lat: 33.47, lng: 126.55 }): PlanRequest => {
    const lunch = [{ name: 'lunch', from: '11:30', to: '14:00', minutes: 60 }];
    const weekday = (date: string) => (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
    const hours = Object.fromEntries(dates.map((date) => [weekday(date), [['06:00', '12:00']]])) as PlanRequest['places'][number]['openingHours'];
    return {
      start: { lat: 33.4996, lng: 126.5312 },
      travelMode: 'car',
      days: dates.map((date) => ({ date, ...day, meals: lunch })),
      places: [
        { locationId: 'hike', ...hikeAt, visitMinutes: 540, score: 30, mustVisit: true, openingHours: hours, lastEntryMinutes: 180, visitMayRunPastClose: true },
        ...others.map((p) => (p.locationId === 'trail' ? { ...p, openingHours: hours } : p)),
        ...Array.from({ length: 10 }, (_, i) => ({ locationId: `o${i}`, lat: 33.45 + (i % 5) * 0.02, lng: 126.5 + Math.floor(i / 5) * 0.03, visitMinutes: 60, score: 20 })),
      ],
      options: { seed, maxIterations: 600, timeLimitMs: 60_000 },
    };
  };

  it('takes a meal break out only for a must-visit that no day holds beside its breaks, even alone', () => {
    // The hike spans lunch on any day; a 300-minute trail (start by noon) fits beside lunch. Both days
    // keep lunch but the hike's.
    const request = hikeTrip(['2026-12-08', '2026-12-09'], { start: '06:00', end: '20:00' }, [
      { locationId: 'trail', lat: 33.3607, lng: 126.4958, visitMinutes: 300, score: 30, mustVisit: true, visitMayRunPastClose: true },
    ], 1, { lat: 33.3849, lng: 126.6197 });
    const plan = planItinerary(request);
    expect(checkItinerary(request, plan).errors).toEqual([]);
    expect(placed(plan)).toEqual(expect.arrayContaining(['hike', 'trail']));
    const hikeDay = plan.days.find((d) => d.stops.some((s) => s.locationId === 'hike'))!;
    expect(plan.unscheduledMeals).toEqual([{ date: hikeDay.date, name: 'lunch', detail: 'no room between 11:30 and 14:00 alongside the must-visit and locked places' }]);
    // Without the hike, no meal is skipped for the trail.
    const noHike = planItinerary({ ...request, places: request.places.filter((p) => p.locationId !== 'hike') });
    expect(noHike.unscheduledMeals).toEqual([]);
  });

  it('skips the break of the hike\'s day only, not a second day\'s for must-visits that fit beside theirs (review of 1c0ae71)', () => {
    // Three days 08:00-18:00 with lunch; the hike spans lunch on any day. A and B (280 minutes each)
    // fit a day each beside lunch, or both on one day without it: a plan of the must-visits with no
    // breaks at all put them together and cost that day's lunch too (every seed 1-8, with 10 optional places).
    for (const seed of [1, 2, 3, 4]) {
      const request = hikeTrip(['2026-12-08', '2026-12-09', '2026-12-10'], { start: '08:00', end: '18:00' }, [
        { locationId: 'A', lat: 33.499, lng: 126.532, visitMinutes: 280, score: 30, mustVisit: true },
        { locationId: 'B', lat: 33.498, lng: 126.53, visitMinutes: 280, score: 30, mustVisit: true },
      ], seed);
      const plan = planItinerary(request);
      expect(checkItinerary(request, plan).errors).toEqual([]);
      expect(placed(plan)).toEqual(expect.arrayContaining(['hike', 'A', 'B']));
      const hikeDay = plan.days.find((d) => d.stops.some((s) => s.locationId === 'hike'))!.date;
      expect(plan.unscheduledMeals.map((m) => m.date), `seed ${seed}`).toEqual([hikeDay]);
    }
  });

  it('keeps the optional visits of the days it does not need (the holiday keeps its walk around Gangnam)', () => {
    const plan = planItinerary(seoulFarMarket);
    // The market's day is rebuilt around it (the search may add what fits after it); the next day keeps its visits.
    expect(plan.days[0]!.stops[0]!.locationId).toBe('seoul-dongdaemun-jonghap-market');
    expect(plan.days[1]!.stops.length).toBeGreaterThan(0);
  });

  it('a repaired week keeps its optional score: the repair runs inside the search, which polishes its refill', () => {
    // Walk trip 3 of the trip case (a week of 300 places), seed 1, 3,000 iterations. Without the
    // repair the search leaves one must-visit out (8 of 9, every meal, 3,481). The repair inside the
    // search places it (for a meal: a must-visit ranks above it) and the rest of the search polishes
    // the rebuilt days: 3,523, 101% of the plan without it (seeds 1-12: 99.4-103.5%). Taken only
    // after the search (stop 34's bug: one greedy refill and one climb) the same repair gives 3,295,
    // 94.7% (seeds 1-12: 90.4-94.7%); 97% lies between the two with 2 points either side. (Walk
    // trip 4 seed 10, the case of stop 34, places its must-visit without the repair since
    // must-visits rank above meals.)
    const request = generateTrip({ seed: 3, days: 7, places: 300, travelMode: 'walk' });
    const options = { seed: 1, maxIterations: 3000, timeLimitMs: 600_000 };
    const plan = planItinerary({ ...request, options });
    const without = planItinerary({ ...request, options }, { tuning: { mustVisitRepair: 0 } });
    expect(checkItinerary(request, plan).errors).toEqual([]);
    const must = new Set(mustVisits(request));
    const placedMust = (p: PlanResult): number => placed(p).filter((id) => must.has(id)).length;
    // The repair inside the search is what places the must-visit.
    expect(placedMust(without)).toBe(must.size - 1);
    expect(plan.stats.mustVisitRepairs).toEqual({ inSearch: 1, after: 0 });
    expect(placedMust(plan)).toBe(must.size);
    expect(plan.unscheduledMeals.length).toBe(without.unscheduledMeals.length + 1);
    expect(plan.score).toBeGreaterThan(0.97 * without.score);
  });

  it('re-planning a day places it too (replanDay, the kept place locked to the day)', () => {
    const request = seoulWarMemorial;
    const plan = planItinerary(request);
    const again = replanDay(request, plan, '2026-10-09', ['seoul-gugak-museum']);
    expect(checkItinerary(request, again).errors).toEqual([]);
    expect(again.unscheduledMeals).toEqual([]);
    expect(placed(again).filter((id) => mustVisits(request).includes(id)).sort()).toEqual(mustVisits(request).sort());
  });
});

describe('must-visit repair in the solver', () => {
  /**
   * One day 0..100 at one spot (no travel). Must-visits: 1 (60 min, score 10, starting by 40), 2
   * and 3 (45 min each, score 0). The construction takes 1 first (its ratio is the best), after
   * which neither 2 nor 3 fits; planned alone, the must-visits give 2 and 3 (two beat one).
   */
  const problem = buildCoreProblem({
    travel: new Float64Array(16),
    service: [0, 60, 45, 45],
    score: [0, 10, 0, 0],
    candidates: [1, 2, 3],
    windows: [[[], [{ open: 0, close: 40 }], [{ open: 0, close: 55 }], [{ open: 0, close: 55 }]]],
    tours: [{ startNode: 0, endNode: 0, startTime: 0, endTime: 100, profile: 0 }],
    mandatory: [0, 1, 1, 1],
  });

  it('adds must-visits, never trades one the search placed for more (the construction alone, then the repair)', () => {
    const run = (mustVisitRepair: number) => solveTopTw(problem, { seed: 1, maxIterations: 0, timeLimitMs: 60_000, tuning: { mustVisitRepair } });
    expect(run(0).tours).toEqual([[1]]);
    expect(run(400).tours).toEqual([[1]]);
  });
});
