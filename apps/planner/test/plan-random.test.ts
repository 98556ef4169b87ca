import { describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.ts';
import { planItinerary, type PlanPlace, type PlanRequest } from '../src/realworld/plan.ts';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { formatClock, WEEKDAYS } from '../src/realworld/hours.ts';
import type { TravelMode } from '../src/realworld/travel.ts';

/** Seeded random city trips: split opening hours, closed days, must-visits, locks, hotel changes, meals. */
function randomTrip(seed: number): PlanRequest {
  const rng = new Rng(seed);
  const centre = { lat: 40 + rng.next() * 10, lng: rng.next() * 20 };
  const around = () => ({ lat: centre.lat + (rng.next() - 0.5) * 0.08, lng: centre.lng + (rng.next() - 0.5) * 0.12 });
  const dayCount = 1 + rng.int(4);
  const days = Array.from({ length: dayCount }, (_, d) => ({
    date: `2026-07-${String(6 + d).padStart(2, '0')}`,
    start: formatClock(7 * 60 + rng.int(4) * 30),
    end: formatClock(17 * 60 + rng.int(10) * 30),
    ...(rng.next() < 0.3 ? { startLocation: around() } : {}),
    ...(rng.next() < 0.3 ? { endLocation: around() } : {}),
    ...(rng.next() < 0.5
      ? {
          meals: [
            { name: 'lunch', from: formatClock(11 * 60 + rng.int(4) * 30), to: formatClock(14 * 60 + rng.int(3) * 30), minutes: 30 + rng.int(4) * 15 },
            ...(rng.next() < 0.5 ? [{ name: 'dinner', from: '18:30', to: '21:00', minutes: 60 + rng.int(3) * 15 }] : []),
          ],
        }
      : {}),
  }));
  const places: PlanPlace[] = Array.from({ length: 10 + rng.int(40) }, (_, i) => {
    const hours: Record<string, [string, string][]> = {};
    for (const wd of WEEKDAYS) {
      if (rng.next() < 0.15) continue; // closed that day
      const open = 6 * 60 + rng.int(8) * 30;
      if (rng.next() < 0.4) {
        const breakAt = open + 120 + rng.int(6) * 30;
        hours[wd] = [
          [formatClock(open), formatClock(breakAt)],
          [formatClock(breakAt + 30 + rng.int(3) * 30), formatClock(Math.min(24 * 60, breakAt + 240 + rng.int(8) * 30))],
        ];
      } else {
        hours[wd] = [[formatClock(open), formatClock(Math.min(24 * 60, open + 240 + rng.int(20) * 30))]];
      }
    }
    const place: PlanPlace = {
      locationId: `p${i}`,
      ...around(),
      visitMinutes: 15 + rng.int(12) * 15,
      score: rng.int(100),
      ...(rng.next() < 0.8 ? { openingHours: hours } : {}),
      ...(rng.next() < 0.1 ? { mustVisit: true } : {}),
    };
    if (rng.next() < 0.05) place.lockedDate = days[rng.int(dayCount)]!.date;
    return place;
  });
  const modes: TravelMode[] = ['walk', 'transit', 'car'];
  return { start: around(), days, places, travelMode: modes[rng.int(3)]!, options: { maxIterations: 300, timeLimitMs: 60_000, seed } };
}

describe('planItinerary on random trips', () => {
  it('every plan passes the independent checker', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const request = randomTrip(seed);
      const result = planItinerary(request);
      expect({ seed, errors: checkItinerary(request, result).errors }).toEqual({ seed, errors: [] });
    }
  });
});
