/**
 * Why a must-visit (or locked) place is not in the schedule, in words a traveller understands, and
 * the smallest change that would let it in. The reasons come from the engine's own diagnosis
 * (closed / unreachable / no room) made concrete with the place's real opening per date; the
 * changes are checked with the engine itself on the hard places alone (must-visits, locked places,
 * meals), so a suggestion is only made when the engine finds a plan with it that keeps every
 * hard place and every meal the plan without the change had.
 *
 * Size of a change (smallest first): one unit per 30 minutes added to the days, two per step to a
 * faster travel mode (walk -> transit -> car), three plus one per day away for another date.
 */
import { DAY_CLOCK, NOTE_SEPARATOR, OPEN_END_NOTE, UNCERTAIN_NOTE, type DayOpening, type ScheduleMiss, type ScheduleSuggestion, type TravelModeName } from '@tripgen/catalog';
import { legLookup, planItinerary, type LatLng, type PlanPlace, type PlanRequest, type PlanResult, type Unscheduled } from '@tripgen/planner';
import { mealsFor, type Candidate, type TripSnapshot } from './problem.ts';

const MODE_ORDER: readonly TravelModeName[] = ['walk', 'transit', 'car'];
const MODE_WORDS: Readonly<Record<TravelModeName, string>> = { walk: 'for a walk', transit: 'by public transport', car: 'by car' };
const MODE_NAMES: Readonly<Record<TravelModeName, string>> = { walk: 'on foot', transit: 'by public transport', car: 'by car' };
const DAY_EXTENSIONS_MIN = [30, 60, 90, 120, 180] as const;
const OTHER_DATES_REACH = 3;
/** The hard places alone are few: a small budget finds their plan. */
const CHECK_BUDGET = { timeLimitMs: 50, maxIterations: 400, seed: 1 } as const;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const listWords = (items: readonly string[], joiner = 'or'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;

/** Dates close to the trip (before and after, nearest first) where another date could be suggested. */
export const nearbyDates = (dates: readonly string[]): string[] => {
  const out: string[] = [];
  for (let k = 1; k <= OTHER_DATES_REACH; k++) out.push(addDays(dates[0]!, -k), addDays(dates.at(-1)!, k));
  return out;
};

const openingOn = (c: Candidate, date: string): DayOpening | undefined => c.opening?.find((o) => o.date === date);

/**
 * "10:00-18:00 (last entry 16:00)", or for an entry window "a start 06:00-09:00": the hours as the
 * engine reads them (a close before the open runs to midnight). An interval shorter than its last
 * entry admits no one: said so, not as a last entry at its open.
 */
const hoursWords = (c: Candidate, intervals: readonly (readonly [string, string])[], gaps?: readonly number[]): string =>
  intervals
    .map(([a, b], i) => {
      const open = minutesOf(a);
      const close = minutesOf(b) <= open ? 24 * 60 : minutesOf(b);
      // The date's own figure for the interval (a bar's 18:00-24:00 that runs on to 02:00 has none before midnight).
      const gap = gaps?.[i] ?? c.lastEntryMinutes ?? 0;
      const lastStart = close - gap;
      if (lastStart < open) return `${a}-${b} (no entry: the last is ${gap} minutes before closing)`;
      if (c.visitMayRunPastClose) return `a start ${a}-${clock(lastStart)}`;
      return gap ? `${a}-${b} (last entry ${clock(lastStart)})` : `${a}-${b}`;
    })
    .join(', ');

/** "closed on 2026-09-25 (Chuseok)", or how the opening of that date falls short. */
const describeDate = (c: Candidate, date: string, trip: TripSnapshot, visit: number): string => {
  const o = openingOn(c, date);
  const intervals = o?.intervals ?? c.openingHours[(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(`${date}T00:00:00Z`).getUTCDay()]!];
  // The location service's note says why ("closed: Chuseok (추석)", "closed on this date; also Day before
  // Chuseok (추석 전날)"); the "closed" is ours already, and the Korean name stays on the place page
  // (one nested pair too: a substitute holiday is "(대체공휴일(개천절))").
  // Hours of unknown state are left out of the intervals, not shut: the traveller is told they are unknown.
  const unknown = o?.note?.includes(UNCERTAIN_NOTE) ?? false;
  // The uncertain note is taken out with its separator: "(; public holidays of 2028 ...)" otherwise.
  const why = o?.note
    ?.split(NOTE_SEPARATOR)
    .filter((part) => part !== UNCERTAIN_NOTE)
    .join(NOTE_SEPARATOR)
    .replace(/^closed(:\s*| on this date\b[;,]?\s*)/i, '')
    .replace(/^also\s+/i, '')
    .replace(/\s*\((?:[^()]|\([^()]*\))*[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af](?:[^()]|\([^()]*\))*\)/g, '')
    .replace(/[;,\s]+$/, '')
    .trim();
  if (intervals.length === 0) return unknown ? `opening hours unknown on ${date}${why ? ` (${why})` : ''}: not counted as open` : `closed on ${date}${why ? ` (${why})` : ''}`;
  // An open end (18:00+) is open for a bounded time only: the hours named say why they end there.
  const openEnd = o?.note ? OPEN_END_NOTE.exec(o.note)?.[0] : undefined;
  const hours = `${hoursWords(c, intervals, o?.lastEntryMinutes)}${openEnd ? ` (${openEnd})` : ''}${unknown ? ' (other hours unknown, not counted as open)' : ''}`;
  return c.visitMayRunPastClose
    ? `open only for ${hours} on ${date}, which leaves no ${visit}-minute visit between ${trip.dayStart} and ${trip.dayEnd}`
    : `open only ${hours} on ${date}, too short for a ${visit}-minute visit between ${trip.dayStart} and ${trip.dayEnd}`;
};

/** The engine's minutes from a to b (its legLookup: the router's matrix when the request has one, else the model); null without a leg. */
const legMinutes = (request: PlanRequest, a: LatLng, b: LatLng): number | null => {
  try {
    const minutes = legLookup(request.travelTimes, request.travelMode)(a, b);
    return Number.isFinite(minutes) ? minutes : null;
  } catch {
    return null; // a point the matrix lacks
  }
};

/** "10:00-16:30 on 2026-09-27 and 2026-09-28; closed on 2026-09-29": each date's opening, dates with the same hours together. */
const openingWords = (c: Candidate, dates: readonly string[]): string => {
  const byHours = new Map<string, string[]>();
  for (const date of dates) {
    const opening = openingOn(c, date);
    const intervals = opening?.intervals ?? [];
    const unknown = opening?.note?.includes(UNCERTAIN_NOTE) ?? false;
    const hours = intervals.length
      ? `${hoursWords(c, intervals, opening?.lastEntryMinutes)}${unknown ? ' (other hours unknown)' : ''}`
      : unknown
        ? 'opening hours unknown'
        : 'closed';
    byHours.set(hours, [...(byHours.get(hours) ?? []), date]);
  }
  return [...byHours].map(([hours, on]) => `${hours} on ${listWords(on, 'and')}`).join('; ');
};

/**
 * Whether the place fits the day as its only visit with every meal break of that day kept: the
 * engine gives a meal up for a must-visit (a must-visit ranks above a meal), and a fit without
 * lunch is no fit.
 */
const fitsAloneWithMeals = (request: PlanRequest, day: PlanRequest['days'][number], place: PlanPlace): boolean => {
  const alone = planItinerary({ ...request, days: [day], places: [{ ...place, mustVisit: true, lockedDate: undefined }], options: CHECK_BUDGET });
  return alone.days[0]!.stops.length > 0 && alone.unscheduledMeals.length === 0;
};

const hardOnly = (request: PlanRequest): PlanRequest => ({
  ...request,
  places: request.places.filter((p) => p.mustVisit || p.lockedDate !== undefined),
  options: CHECK_BUDGET,
});

const placedIn = (result: PlanResult): Set<string> => new Set(result.days.flatMap((d) => d.stops.map((s) => s.locationId)));

/** The meals a plan keeps, as "date name" (a meal is one per day and name). */
const mealsIn = (result: PlanResult): Set<string> => new Set(result.days.flatMap((d) => d.meals.map((m) => `${d.date} ${m.name}`)));

/** The meals a plan skips, as "date name". */
const mealsSkipped = (result: PlanResult): Set<string> => new Set(result.unscheduledMeals.map((m) => `${m.date} ${m.name}`));

const keepsAll = (kept: ReadonlySet<string>, before: ReadonlySet<string>): boolean => {
  for (const x of before) if (!kept.has(x)) return false;
  return true;
};

/** A date's day number in the trip (1-based): a re-plan's request holds one day of it. */
const dayNumber = (trip: TripSnapshot, date: string): number => trip.dates.indexOf(date) + 1;

/** The day (its number in the trip, its date) a variant put the place on. */
const dayOf = (trip: TripSnapshot, result: PlanResult, id: string): { n: number; date: string } | undefined => {
  const day = result.days.find((d) => d.stops.some((s) => s.locationId === id));
  return day && { n: dayNumber(trip, day.date), date: day.date };
};

interface Ranked extends ScheduleSuggestion {
  readonly size: number;
}

/**
 * Changes that let `id` in without pushing out another hard place or a meal, smallest of each kind.
 * `candidate`: the place with its opening on dates near the trip (for "another date"), when known.
 */
export const suggestFixes = (request: PlanRequest, trip: TripSnapshot, id: string, candidate: Candidate | undefined): ScheduleSuggestion[] => {
  const hard = hardOnly(request);
  const before = planItinerary(hard);
  const placedBefore = placedIn(before);
  const mealsBefore = mealsIn(before);
  const skippedBefore = mealsSkipped(before);
  // The engine gives up a meal for a must-visit (a must-visit ranks above a meal), so a count of
  // places is not enough: "end at 19:30" that fits only by skipping lunch is no fix.
  const fits = (variant: PlanRequest): PlanResult | undefined => {
    const result = planItinerary(variant);
    const placed = placedIn(result);
    // A longer day may span a meal window the day did not (lunch from 11:30, dinner to 20:30): that
    // break is the traveller's too, so it must be taken as well (skipped only where it was before).
    return placed.has(id) && keepsAll(placed, placedBefore) && keepsAll(mealsIn(result), mealsBefore) && keepsAll(skippedBefore, mealsSkipped(result)) ? result : undefined;
  };
  const found: Ranked[] = [];

  // A longer day: later end first (the traveller's morning stays), then an earlier start.
  const start = minutesOf(trip.dayStart);
  const end = minutesOf(trip.dayEnd);
  longer: for (const ext of DAY_EXTENSIONS_MIN) {
    for (const side of ['end', 'start'] as const) {
      const newEnd = side === 'end' ? Math.min(minutesOf(DAY_CLOCK.latest), end + ext) : end;
      const newStart = side === 'start' ? Math.max(6 * 60, start - ext) : start;
      if (newEnd === end && newStart === start) continue;
      // The day's meals and those a schedule with that change adds (problem.ts: a meal window the
      // longer day spans wholly).
      const added = mealsFor(clock(newStart), clock(newEnd), trip.pace);
      const days = hard.days.map((d) => ({ ...d, start: clock(newStart), end: clock(newEnd), meals: [...(d.meals ?? []), ...added.filter((m) => !d.meals?.some((x) => x.name === m.name))] }));
      const result = fits({ ...hard, days });
      if (!result) continue;
      const day = dayOf(trip, result, id)!;
      const what = side === 'end' ? `end day ${day.n} (${day.date}) at ${clock(newEnd)} instead of ${trip.dayEnd}` : `start day ${day.n} (${day.date}) at ${clock(newStart)} instead of ${trip.dayStart}`;
      found.push({ change: 'longer-day', detail: what, size: Math.ceil((newEnd - end + start - newStart) / 30) });
      break longer;
    }
  }

  // A faster travel mode, on the model's times for that mode: the request's matrix (a router's
  // table, or the model's as a matrix) holds the times of the trip's own mode only, and the engine
  // reads a matrix whatever the mode, so a faster mode checked on it took as long as the trip's.
  const current = MODE_ORDER.indexOf(request.travelMode);
  for (let m = current + 1; m < MODE_ORDER.length; m++) {
    const mode = MODE_ORDER[m]!;
    if (fits({ ...hard, travelMode: mode, travelTimes: undefined })) {
      found.push({ change: 'travel-mode', detail: `travel ${MODE_NAMES[mode]} instead of ${MODE_NAMES[request.travelMode]}`, size: 2 * (m - current) });
      break;
    }
  }

  // Another date close to the trip, when the place's opening there is known: it alone on that day.
  if (candidate) {
    const first = trip.dates[0]!;
    const last = trip.dates.at(-1)!;
    const place = request.places.find((p) => p.locationId === id);
    for (const date of nearbyDates(trip.dates)) {
      const opening = openingOn(candidate, date);
      if (!place || !opening) continue;
      const day = { ...request.days[0]!, date };
      // The engine place knows the trip's dates only: without that date's real opening it would
      // fall back to the weekly hours, which know no public holiday (a museum closed for Chuseok
      // would be "open" on it).
      const dated = {
        ...place,
        openingHoursByDate: { ...place.openingHoursByDate, [date]: opening.intervals },
        lastEntryMinutesByDate: { ...place.lastEntryMinutesByDate, ...(opening.lastEntryMinutes && { [date]: opening.lastEntryMinutes }) },
      };
      if (!fitsAloneWithMeals(request, day, dated)) continue;
      const away = date < first ? Math.round((Date.parse(first) - Date.parse(date)) / 86_400_000) : Math.round((Date.parse(date) - Date.parse(last)) / 86_400_000);
      const when = date < first ? `${away === 1 ? 'the day' : `${away} days`} before your trip` : `${away === 1 ? 'the day' : `${away} days`} after your trip`;
      found.push({ change: 'another-date', detail: `visit on ${date}, ${when}, when it is open`, size: 3 + away });
      break;
    }
  }
  return found.sort((a, b) => a.size - b.size).map(({ change, detail }) => ({ change, detail }));
};

/** Plain data (it crosses to the engine thread by structured clone: engine.ts). */
export interface ExplainInput {
  readonly trip: TripSnapshot;
  readonly request: PlanRequest;
  readonly result: PlanResult;
  /** The places the result leaves out, at least (their names, opening, and for "another date" the dates around the trip). */
  readonly candidates: ReadonlyMap<string, Candidate>;
  /** Must-visit or locked ids the location service did not know. */
  readonly notFound: readonly string[];
  /** Locked ids (re-planning). */
  readonly locked: readonly string[];
  /**
   * Until when suggestions are computed (ms since the epoch; each miss checks it before its own):
   * a second before the schedule's deadline, so that the wait for the engine thread (behind the
   * plans queued there) and the misses before it count.
   */
  readonly suggestUntil: number;
}

/**
 * Every must-visit and locked place the result leaves out, with its reason and the smallest fixes.
 * Each fix is checked with the engine: up to about a second of CPU on a 14-day trip with many
 * misses, so the service runs it on the engine thread (engine.ts), never on its event loop.
 */
export const explainMisses = (input: ExplainInput): ScheduleMiss[] => {
  const { trip, request, result, candidates } = input;
  const must = new Set(trip.mustVisit);
  const locked = new Set(input.locked);
  const misses: ScheduleMiss[] = [];
  for (const id of input.notFound) {
    misses.push({ locationId: id, name: null, mustVisit: must.has(id), locked: locked.has(id), reason: 'not-found', detail: 'not in the place directory any more', suggestions: [] });
  }
  const engineReasons = new Map<string, Unscheduled>(result.unscheduled.map((u) => [u.locationId, u]));
  for (const place of request.places) {
    if (!place.mustVisit && place.lockedDate === undefined) continue;
    const why = engineReasons.get(place.locationId);
    if (!why) continue;
    const c = candidates.get(place.locationId)!;
    const dates = request.days.map((d) => d.date);
    let reason: ScheduleMiss['reason'];
    let detail: string;
    if (why.reason === 'closed' || why.reason === 'locked-date-outside-trip') {
      reason = 'closed';
      detail = dates.map((d) => describeDate(c, d, trip, place.visitMinutes)).join('; ');
    } else if (why.reason === 'unreachable') {
      reason = 'too-far';
      const there = legMinutes(request, request.start, place);
      const back = legMinutes(request, place, request.start);
      const window = minutesOf(trip.dayEnd) - minutesOf(trip.dayStart);
      // The engine's diagnosis is the way there and back with the place's opening: when the way and
      // the visit alone fit in the day, the distance is not the whole story, its hours are.
      detail =
        there !== null && back !== null && there + place.visitMinutes + back <= window
          ? `too far from the lodging ${MODE_WORDS[request.travelMode]} for its opening hours (${openingWords(c, dates)}): with ${there} minutes there and ${back} back, a ${place.visitMinutes}-minute visit does not fit between ${trip.dayStart} and ${trip.dayEnd}`
          : `too far from the lodging ${MODE_WORDS[request.travelMode]}: the way there and back and a ${place.visitMinutes}-minute visit do not fit between ${trip.dayStart} and ${trip.dayEnd}`;
    } else {
      reason = 'no-time';
      const openDays = request.days.filter((d) => c.opening?.find((o) => o.date === d.date)?.intervals.length !== 0);
      const days = listWords((openDays.length ? openDays : request.days).map((d) => `day ${dayNumber(trip, d.date)}`));
      // The engine's "no room alongside the others" weighs the way and the opening, not the meal
      // breaks: a place that fits no day even alone beside them is kept out by the breaks.
      detail = request.days.some((d) => fitsAloneWithMeals(request, d, place))
        ? `no time left on ${days} alongside your other must-visit places`
        : `no time on ${days} beside the ${listWords([...new Set(request.days.flatMap((d) => (d.meals ?? []).map((m) => `${m.name} break (${m.minutes} minutes between ${m.from} and ${m.to})`)))], 'and')}: even as the only visit of a day, the way there and back and a ${place.visitMinutes}-minute visit leave no room for ${request.days.some((d) => (d.meals?.length ?? 0) > 1) ? 'them' : 'it'}`;
    }
    misses.push({
      locationId: place.locationId,
      name: c.name,
      mustVisit: must.has(place.locationId),
      locked: locked.has(place.locationId),
      reason,
      detail,
      suggestions: Date.now() < input.suggestUntil ? suggestFixes(request, trip, place.locationId, c) : [],
    });
  }
  return misses;
};
