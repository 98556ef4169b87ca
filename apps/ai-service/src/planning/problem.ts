/**
 * The engine problem of a trip: one tour per day from the lodging and back, inside the day's
 * window; each candidate's real opening on each date (holidays and closing days from the location
 * service) as `openingHoursByDate`, its weekly hours as the fallback; visit lengths and meal breaks
 * from the traveller's pace; scores from rating and interests. Pure: no I/O.
 */
import type { DayOpening, Pace, Place, ScheduleGenerationMessage } from '@tripgen/catalog';
import type { PlanDay, PlanMeal, PlanPlace, PlanRequest } from '@tripgen/planner';
import type { CategoryWeights } from './interests.ts';

export type TripSnapshot = ScheduleGenerationMessage['trip'];
export type Candidate = Place & { readonly opening?: readonly DayOpening[]; readonly distanceKm?: number };

/**
 * Pace: how long a visit takes relative to the place's typical visit, and how long the meal
 * breaks are. A relaxed day holds fewer, longer visits; a packed one more, shorter ones.
 */
export const PACE_SETTINGS: Readonly<Record<Pace, { visitFactor: number; mealMinutes: number }>> = {
  relaxed: { visitFactor: 1.25, mealMinutes: 75 },
  normal: { visitFactor: 1, mealMinutes: 60 },
  packed: { visitFactor: 0.85, mealMinutes: 45 },
};

/** Meal breaks, taken when the day spans the whole window. */
export const MEAL_WINDOWS = [
  { name: 'lunch', from: '11:30', to: '14:00' },
  { name: 'dinner', from: '17:30', to: '20:30' },
] as const;

/** Candidates asked of the location service per trip: enough for 14 full days. */
export const CANDIDATE_LIMIT = 300;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const mealsFor = (dayStart: string, dayEnd: string, pace: Pace): PlanMeal[] =>
  MEAL_WINDOWS.filter((m) => minutesOf(dayStart) <= minutesOf(m.from) && minutesOf(dayEnd) >= minutesOf(m.to)).map((m) => ({
    name: m.name,
    from: m.from,
    to: m.to,
    minutes: PACE_SETTINGS[pace].mealMinutes,
  }));

/** Score of a place: its rating (0..5) gives 10..30; a category the traveller likes triples it. */
export const placeScore = (place: Pick<Place, 'rating' | 'category'>, weights: CategoryWeights): number => {
  const base = 10 + 4 * Math.max(0, Math.min(5, place.rating));
  return Math.round(base * (1 + 2 * (weights[place.category] ?? 0)));
};

export const visitMinutes = (place: Pick<Place, 'visitMinutes'>, pace: Pace): number =>
  Math.max(10, Math.round(place.visitMinutes * PACE_SETTINGS[pace].visitFactor));

export const planDays = (trip: Pick<TripSnapshot, 'dates' | 'dayStart' | 'dayEnd' | 'pace'>): PlanDay[] =>
  trip.dates.map((date) => ({ date, start: trip.dayStart, end: trip.dayEnd, meals: mealsFor(trip.dayStart, trip.dayEnd, trip.pace) }));

export const toPlanPlace = (c: Candidate, trip: Pick<TripSnapshot, 'pace'>, weights: CategoryWeights, hard: { mustVisit?: boolean; lockedDate?: string }): PlanPlace => {
  const byDate: Record<string, ReadonlyArray<readonly [string, string]>> = {};
  // Each interval's own last entry where the location service gives it (an interval cut at 24:00).
  const lastEntryByDate: Record<string, readonly number[]> = {};
  for (const day of c.opening ?? []) {
    byDate[day.date] = day.intervals;
    if (day.lastEntryMinutes) lastEntryByDate[day.date] = day.lastEntryMinutes;
  }
  return {
    locationId: c.id,
    lat: c.lat,
    lng: c.lng,
    visitMinutes: visitMinutes(c, trip.pace),
    score: placeScore(c, weights),
    openingHours: c.openingHours,
    openingHoursByDate: byDate,
    lastEntryMinutes: c.lastEntryMinutes,
    ...(Object.keys(lastEntryByDate).length > 0 && { lastEntryMinutesByDate: lastEntryByDate }),
    visitMayRunPastClose: c.visitMayRunPastClose,
    ...(hard.mustVisit ? { mustVisit: true } : {}),
    ...(hard.lockedDate ? { lockedDate: hard.lockedDate } : {}),
  };
};

export interface EngineBudget {
  readonly timeLimitMs: number;
  readonly maxIterations: number;
}

/** The whole trip as one engine request; must-visits are hard constraints, every candidate once. */
export const buildPlanRequest = (
  trip: TripSnapshot,
  candidates: readonly Candidate[],
  weights: CategoryWeights,
  budget: EngineBudget,
  locked: { date: string; ids: readonly string[] } | undefined = undefined,
): PlanRequest => {
  const must = new Set(trip.mustVisit);
  const lockedIds = new Set(locked?.ids ?? []);
  const seen = new Set<string>();
  const places: PlanPlace[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    places.push(toPlanPlace(c, trip, weights, { mustVisit: must.has(c.id), ...(lockedIds.has(c.id) ? { lockedDate: locked!.date } : {}) }));
  }
  return {
    start: { lat: trip.lodging.lat, lng: trip.lodging.lng },
    days: planDays(trip),
    travelMode: trip.travelMode,
    places,
    options: { timeLimitMs: budget.timeLimitMs, maxIterations: budget.maxIterations, seed: 1 },
  };
};
