import type { PlanRequest, PlanResult } from '../realworld/plan.ts';
import type { TravelTimeMatrix } from '../realworld/travel-matrix.ts';
import { TRAVEL_MODES, EARTH_RADIUS_KM, type LatLng, type TravelMode } from '../realworld/travel.ts';

/**
 * Independent checker for planItinerary results. It uses none of the planner's time arithmetic:
 * it re-derives every leg from the coordinates and the documented travel-mode table, re-reads the
 * raw opening hours, and replays each day minute by minute. Only the mode table (speeds, detour
 * factors, overheads) is shared, because it is the specification being checked against.
 */
export interface ItineraryCheck {
  feasible: boolean;
  errors: string[];
  score: number;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function legMinutes(a: LatLng, b: LatLng, mode: TravelMode): number {
  const toRad = (deg: number): number => (deg * Math.PI) / 180;
  const s1 = Math.sin(toRad(b.lat - a.lat) / 2);
  const s2 = Math.sin(toRad(b.lng - a.lng) / 2);
  const c = s1 * s1 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * s2 * s2;
  const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, c)));
  if (km < 1e-6) return 0;
  const time = (spec: (typeof TRAVEL_MODES)[TravelMode]): number =>
    spec.overheadMinutes + (60 * km * spec.detourFactor) / spec.speedKmh;
  const raw = mode === 'transit' ? Math.min(time(TRAVEL_MODES.transit), time(TRAVEL_MODES.walk)) : time(TRAVEL_MODES[mode]);
  return Math.ceil(raw - 1e-9);
}

/** Legs read straight from the matrix rows (by exact coordinates); a missing point or route is an error. */
function matrixLegs(matrix: TravelTimeMatrix): (a: LatLng, b: LatLng) => number {
  const n = matrix.points.length;
  const row = (p: LatLng): number => matrix.points.findIndex((q) => q.lat === p.lat && q.lng === p.lng);
  return (a, b) => {
    const i = row(a);
    const j = row(b);
    if (i < 0 || j < 0) return Number.NaN;
    if (i === j) return 0;
    return matrix.minutes[i * n + j] ?? Number.NaN;
  };
}

/**
 * What is wrong with a visit [start, end] against the opening of that date (its own entry, else its
 * weekday's; missing hours = always open), or null: it must start inside one opening interval, no
 * later than the place's last entry before that interval's close, and end by the close unless the
 * place's hours bound only the start.
 */
function openingProblem(request: PlanRequest, locationId: string, date: string, start: number, end: number): string | null {
  const place = request.places.find((p) => p.locationId === locationId)!;
  const dated = place.openingHoursByDate?.[date];
  const weekday = DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  const raw = dated ?? (place.openingHours ? (place.openingHours[weekday] ?? []) : [['00:00', '24:00'] as const]);
  // Each interval's last entry: the date's own figure for it when given, else the place's.
  const gaps = dated ? place.lastEntryMinutesByDate?.[date] : undefined;
  const intervals = raw.map(([o, c], i) => {
    const open = minutesOf(o);
    const close = minutesOf(c) <= open ? 24 * 60 : minutesOf(c);
    return [open, close, close - (gaps?.[i] ?? place.lastEntryMinutes ?? 0)] as const;
  });
  // Touching intervals (09-12, 12-17) count as one opening, with the later last entry.
  intervals.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number, number]> = [];
  for (const [o, c, e] of intervals) {
    const last = merged.at(-1);
    if (last && o <= last[1]) {
      last[1] = Math.max(last[1], c);
      last[2] = Math.max(last[2], e);
    } else merged.push([o, c, e]);
  }
  const around = merged.find(([o, c]) => start >= o && start <= c);
  if (!around) return 'starts outside its opening hours';
  const [, close, lastEntry] = around;
  if (start > lastEntry) return `starts after its last entry (${close - lastEntry} minutes before the close at ${close} min)`;
  if (!place.visitMayRunPastClose && end > close) return 'ends after its opening hours';
  return null;
}

export function checkItinerary(request: PlanRequest, result: PlanResult): ItineraryCheck {
  const errors: string[] = [];
  // A router's matrix, when the request carries one, is the specification of every leg.
  const matrixLeg = request.travelTimes ? matrixLegs(request.travelTimes) : null;
  const legOf = (a: LatLng, b: LatLng): number => (matrixLeg ? matrixLeg(a, b) : legMinutes(a, b, request.travelMode));
  const byId = new Map(request.places.map((p) => [p.locationId, p]));
  const seen = new Set<string>();
  let score = 0;

  if (result.days.length !== request.days.length) errors.push(`${result.days.length} days planned, ${request.days.length} requested`);
  result.days.forEach((planned, d) => {
    const day = request.days[d];
    if (!day || day.date !== planned.date) {
      errors.push(`day ${d}: date ${planned.date} does not match the request`);
      return;
    }
    let at: LatLng = day.startLocation ?? request.start;
    let clock = minutesOf(day.start);
    // Meals are taken where the traveller is: they only move the clock, never the position.
    const meals = planned.meals ?? [];
    let nextMeal = 0;
    const takeMeals = (after: string | null): void => {
      while (nextMeal < meals.length && meals[nextMeal]!.afterLocationId === after) {
        const meal = meals[nextMeal++]!;
        const spec = (day.meals ?? []).find((x) => x.name === meal.name);
        if (!spec) {
          errors.push(`${day.date}: unknown meal ${meal.name}`);
          continue;
        }
        const start = minutesOf(meal.start);
        const end = minutesOf(meal.end);
        if (start < clock) errors.push(`${day.date} ${meal.name}: starts at ${meal.start}, before the previous activity ends`);
        if (start < minutesOf(spec.from) || end > minutesOf(spec.to)) {
          errors.push(`${day.date} ${meal.name}: ${meal.start}-${meal.end} is outside ${spec.from}-${spec.to}`);
        }
        if (end - start !== spec.minutes) errors.push(`${day.date} ${meal.name}: lasts ${end - start} min, needs ${spec.minutes}`);
        clock = end;
      }
    };
    takeMeals(null);
    for (const stop of planned.stops) {
      const place = byId.get(stop.locationId);
      if (!place) {
        errors.push(`${day.date}: unknown place ${stop.locationId}`);
        continue;
      }
      if (seen.has(stop.locationId)) errors.push(`${stop.locationId} scheduled twice`);
      seen.add(stop.locationId);
      score += place.score;
      if (place.lockedDate !== undefined && place.lockedDate !== day.date) {
        errors.push(`${stop.locationId} is locked to ${place.lockedDate} but planned on ${day.date}`);
      }
      const leg = legOf(at, place);
      if (stop.travelMinutes !== leg) errors.push(`${day.date} ${stop.locationId}: leg ${stop.travelMinutes} min, model says ${leg}`);
      const arrive = minutesOf(stop.arrive);
      const start = minutesOf(stop.start);
      const end = minutesOf(stop.end);
      if (arrive !== clock + leg) errors.push(`${day.date} ${stop.locationId}: arrives ${stop.arrive}, expected ${clock + leg} min`);
      if (start < arrive) errors.push(`${day.date} ${stop.locationId}: starts before arriving`);
      if (end - start !== place.visitMinutes) errors.push(`${day.date} ${stop.locationId}: visit lasts ${end - start} min, needs ${place.visitMinutes}`);
      const opening = openingProblem(request, stop.locationId, day.date, start, end);
      if (opening) errors.push(`${day.date} ${stop.locationId}: visit ${stop.start}-${stop.end} ${opening}`);
      clock = end;
      at = place;
      takeMeals(stop.locationId);
    }
    if (nextMeal < meals.length) errors.push(`${day.date}: meal ${meals[nextMeal]!.name} is not after a stop of the day`);
    for (const spec of day.meals ?? []) {
      const placed = meals.filter((m) => m.name === spec.name).length;
      const skipped = (result.unscheduledMeals ?? []).filter((m) => m.date === day.date && m.name === spec.name).length;
      if (placed + skipped !== 1) errors.push(`${day.date} ${spec.name}: planned ${placed}x and reported skipped ${skipped}x`);
    }
    const endPoint = day.endLocation ?? day.startLocation ?? request.start;
    const back = legOf(at, endPoint);
    if (planned.returnTravelMinutes !== back) errors.push(`${day.date}: return leg ${planned.returnTravelMinutes} min, model says ${back}`);
    if (clock + back > minutesOf(day.end)) errors.push(`${day.date}: back at ${clock + back} min, the day ends at ${day.end}`);
    if (minutesOf(planned.finish) !== clock + back) errors.push(`${day.date}: finish ${planned.finish} does not match the replay`);
  });

  const reported = new Set(result.unscheduled.map((u) => u.locationId));
  for (const place of request.places) {
    const hard = place.mustVisit || place.lockedDate !== undefined;
    if (seen.has(place.locationId)) {
      if (reported.has(place.locationId)) errors.push(`${place.locationId} is both scheduled and unscheduled`);
      continue;
    }
    if (!reported.has(place.locationId)) errors.push(`${place.locationId} is neither scheduled nor reported unscheduled`);
    else if (hard && !result.unscheduled.find((u) => u.locationId === place.locationId)!.detail) {
      errors.push(`must-visit ${place.locationId} left out without a reason`);
    }
  }
  if (score !== result.score) errors.push(`score ${result.score} does not match the scheduled places (${score})`);
  return { feasible: errors.length === 0, errors, score };
}
