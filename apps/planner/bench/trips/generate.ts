import { Rng } from '../../src/core/rng.ts';
import { formatClock } from '../../src/realworld/hours.ts';
import type { PlanPlace, PlanRequest } from '../../src/realworld/plan.ts';
import type { TravelMode } from '../../src/realworld/travel.ts';

/**
 * A seeded, realistic week in a city: the shape of what the AI service sends for a long trip.
 *
 * - places in neighbourhood clusters over a ~14 x 10 km city (a real city's spread), a few
 *   day-trip sites 20-40 km out;
 * - kinds with their own visit lengths and hours: museums (closed one weekday, some with a lunch
 *   break, one late opening), churches and monuments, parks and walks (always open), markets
 *   (mornings on given days), evening venues, viewpoints; one date closed for a holiday;
 * - a skewed interest score (few top sights, many minor ones), ~3% must-visits;
 * - every day 09:00-21:30 with lunch (12:00-14:30, 60 min) and dinner (19:00-21:30, 75 min),
 *   from a central hotel, with a hotel change for the last two days.
 */
export interface TripShape {
  seed: number;
  days: number;
  places: number;
  travelMode: TravelMode;
}

const KINDS = [
  { kind: 'museum', share: 0.22, minutes: [60, 90, 120, 150, 180] },
  { kind: 'church', share: 0.12, minutes: [30, 45, 60] },
  { kind: 'monument', share: 0.14, minutes: [30, 45, 60] },
  { kind: 'park', share: 0.12, minutes: [45, 60, 90] },
  { kind: 'walk', share: 0.1, minutes: [60, 90, 120] },
  { kind: 'market', share: 0.08, minutes: [45, 60] },
  { kind: 'evening', share: 0.1, minutes: [60, 90, 120] },
  { kind: 'viewpoint', share: 0.07, minutes: [30, 45] },
  { kind: 'daytrip', share: 0.05, minutes: [180, 240, 300] },
] as const;

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// Paris-like frame: 1 km ~ 0.009 deg latitude, ~0.0136 deg longitude at 48.86 N.
const CITY_CENTRE = { lat: 48.86, lng: 2.345 };

/**
 * The 12 neighbourhood centres, the first draws of a trip's generator (`new Rng(seed)`): also read by
 * the diagnosis tools to label a place by its neighbourhood.
 */
export function neighbourhoodCentres(rng: Rng): Array<{ lat: number; lng: number }> {
  return Array.from({ length: 12 }, () => ({
    lat: CITY_CENTRE.lat + (rng.next() - 0.5) * 0.09,
    lng: CITY_CENTRE.lng + (rng.next() - 0.5) * 0.19,
  }));
}

export function generateTrip(shape: TripShape): PlanRequest {
  const rng = new Rng(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[rng.int(list.length)]!;
  const centre = CITY_CENTRE;
  const clusters = neighbourhoodCentres(rng);
  const near = (c: { lat: number; lng: number }, km: number) => ({
    lat: Number((c.lat + (rng.next() - 0.5) * 0.009 * km).toFixed(6)),
    lng: Number((c.lng + (rng.next() - 0.5) * 0.0136 * km).toFixed(6)),
  });
  const all = (open: string, close: string, closed: readonly string[] = []) =>
    Object.fromEntries(WEEK.filter((d) => !closed.includes(d)).map((d) => [d, [[open, close] as [string, string]]]));

  const places: PlanPlace[] = [];
  for (let i = 0; i < shape.places; i++) {
    let u = rng.next();
    let kind: (typeof KINDS)[number] = KINDS[0];
    for (const k of KINDS) {
      if (u < k.share) {
        kind = k;
        break;
      }
      u -= k.share;
    }
    const location =
      kind.kind === 'daytrip'
        ? (() => {
            const angle = rng.next() * 2 * Math.PI;
            const km = 20 + rng.next() * 20;
            return {
              lat: Number((centre.lat + Math.sin(angle) * km * 0.009).toFixed(6)),
              lng: Number((centre.lng + Math.cos(angle) * km * 0.0136).toFixed(6)),
            };
          })()
        : near(pick(clusters), 2.5);
    // Skewed interest: a few famous sights, a long tail of minor ones.
    const score = Math.max(1, Math.round(100 * Math.pow(rng.next(), 2.5)));
    const place: PlanPlace = { locationId: `${kind.kind}-${i}`, ...location, visitMinutes: pick(kind.minutes), score };
    switch (kind.kind) {
      case 'museum': {
        const closed = [pick(['mon', 'tue'])];
        const open = pick(['09:00', '09:30', '10:00']);
        const close = pick(['17:00', '18:00', '18:30']);
        if (rng.next() < 0.25) {
          // Lunch break: two intervals.
          const hours: Record<string, [string, string][]> = {};
          for (const d of WEEK) if (!closed.includes(d)) hours[d] = [[open, '12:30'], ['14:00', close]];
          place.openingHours = hours;
        } else {
          place.openingHours = all(open, close, closed);
          // One late opening a week.
          const late = pick(WEEK.filter((d) => !closed.includes(d)));
          place.openingHours[late] = [[open, '21:45']];
        }
        break;
      }
      case 'church':
        place.openingHours = all(pick(['07:30', '08:00', '09:00']), pick(['18:00', '19:00']));
        break;
      case 'monument':
        place.openingHours = all(pick(['09:30', '10:00']), pick(['17:30', '18:00', '23:00']));
        break;
      case 'market': {
        const hours: Record<string, [string, string][]> = {};
        for (const d of WEEK) if (rng.next() < 0.4) hours[d] = [[pick(['07:00', '08:00']), pick(['12:30', '13:30'])]];
        place.openingHours = hours;
        break;
      }
      case 'evening':
        place.openingHours = all(pick(['18:00', '19:00', '20:00']), pick(['23:00', '01:00']), [pick(WEEK)]);
        break;
      case 'viewpoint':
        place.openingHours = all('10:00', pick(['22:00', '23:30']));
        break;
      case 'daytrip':
        place.openingHours = all('09:00', '18:00', ['mon']);
        break;
      default:
        // Parks and walks: always open.
        break;
    }
    places.push(place);
  }

  const dates = Array.from({ length: shape.days }, (_, d) => {
    const date = new Date(Date.UTC(2026, 5, 1 + d)); // from Monday 1 June 2026
    return date.toISOString().slice(0, 10);
  });
  // A public holiday in the middle of the trip: most museums closed that date.
  const holiday = dates[Math.min(3, dates.length - 1)]!;
  for (const place of places) {
    if (place.locationId.startsWith('museum') && rng.next() < 0.7) place.openingHoursByDate = { [holiday]: [] };
  }
  // Must-visits: a few of the best-scoring places in town (what a traveller names).
  const ranked = places.filter((p) => !p.locationId.startsWith('daytrip')).sort((a, b) => b.score - a.score);
  for (const place of ranked.slice(0, Math.max(1, Math.round(shape.places * 0.03)))) place.mustVisit = true;

  const hotel = near(centre, 1);
  const secondHotel = near(pick(clusters), 1);
  return {
    start: hotel,
    travelMode: shape.travelMode,
    days: dates.map((date, d) => ({
      date,
      start: '09:00',
      end: '21:30',
      ...(d >= shape.days - 2 && shape.days > 2 ? { startLocation: d === shape.days - 2 ? hotel : secondHotel, endLocation: secondHotel } : {}),
      meals: [
        { name: 'lunch', from: '12:00', to: '14:30', minutes: 60 },
        { name: 'dinner', from: '19:00', to: formatClock(21 * 60 + 30), minutes: 75 },
      ],
    })),
    places,
  };
}
