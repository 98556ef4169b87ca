import { describe, expect, it } from 'vitest';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { planItinerary, replanDay } from '../src/realworld/plan.ts';
import { generateTrip } from '../bench/trips/generate.ts';

// The benchmark's week of 300 candidates (meals, holidays, split hours, a hotel change), with an
// iteration budget so the run is deterministic: every plan and re-plan passes the checker.
describe('a 7-day trip with 300 candidate places', () => {
  for (const travelMode of ['walk', 'transit'] as const) {
    it(`${travelMode}: plans and re-plans a day within every constraint`, () => {
      const request = { ...generateTrip({ seed: 11, days: 7, places: 300, travelMode }), options: { maxIterations: 150, timeLimitMs: 60_000 } };
      const plan = planItinerary(request);
      expect(checkItinerary(request, plan).errors).toEqual([]);
      expect(plan.stats.stoppedBy).toBe('iterations');
      expect(plan.days.every((d) => d.stops.length > 0)).toBe(true);
      expect(plan.unscheduledMeals).toEqual([]);
      // Every must-visit is placed or explained by something other than lack of time.
      for (const place of request.places.filter((p) => p.mustVisit)) {
        const left = plan.unscheduled.find((u) => u.locationId === place.locationId);
        if (left) expect(left.reason).not.toBe('no-time');
      }
      const date = request.days[3]!.date;
      const keep = plan.days[3]!.stops.slice(0, 2).map((s) => s.locationId);
      const replanned = replanDay(request, plan, date, keep);
      expect(checkItinerary(request, replanned).errors).toEqual([]);
      expect(replanned.days[3]!.stops.map((s) => s.locationId)).toEqual(expect.arrayContaining(keep));
      expect(replanned.days.filter((d) => d.date !== date)).toEqual(plan.days.filter((d) => d.date !== date));
    });
  }
});
