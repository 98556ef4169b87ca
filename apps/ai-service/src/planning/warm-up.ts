/**
 * The engine thread's warm-up: synthetic trips planned on it before the service reports ready, so
 * that a traveller's plan does not pay for the thread's first one (V8 compiles the engine's code as
 * it runs it: a process's first week of 300 places took 418 ms of CPU for its model and first
 * construction against 102 ms by the third call; apps/planner/README.md). What is warmed is code,
 * not data, so the trips are made up: places on a ring of rings around a lodging, every category,
 * a lunch break or a weekly closing day on some, must-visits, meal breaks, a week of dates, the
 * backlog's yield check; each mode of travel once. Nothing of them is kept on the thread.
 */
import { PLACE_CATEGORIES, TRAVEL_MODES, type ClockInterval, type ScheduleGenerationMessage, type Weekday } from '@tripgen/catalog';
import type { EngineTask } from './engine.ts';
import { keywordWeights } from './interests.ts';
import type { Candidate } from './problem.ts';

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** A Monday-to-Sunday week: the dates' weekdays are WEEK's order. */
const DATES = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18'];
const LODGING = { lat: 37.5663, lng: 126.9779 };
/** Places a warm-up trip offers (a real area has ~200: the engine's code paths are the same). */
const WARM_UP_PLACES = 120;
/** Iterations of each warm-up plan (production's budget is 600). */
const WARM_UP_ITERATIONS = 100;

const hoursOf = (i: number): readonly ClockInterval[] => (i % 5 === 0 ? [['10:00', '12:30'], ['13:30', '18:00']] : i % 3 === 0 ? [['09:00', '22:00']] : [['09:30', '18:00']]);

const place = (i: number): Candidate => {
  const ring = 1 + (i % 6);
  const angle = (i * 2.399963) % (2 * Math.PI); // the golden angle: spread without clumps
  const closed = i % 7 === 3 ? WEEK[i % WEEK.length] : undefined;
  const hours = hoursOf(i);
  return {
    id: `warm-up-${i}`,
    name: `Warm-up ${i}`,
    nameKo: `Warm-up ${i}`,
    category: PLACE_CATEGORIES[i % PLACE_CATEGORIES.length]!,
    region: 'seoul',
    lat: LODGING.lat + 0.012 * ring * Math.sin(angle),
    lng: LODGING.lng + 0.015 * ring * Math.cos(angle),
    visitMinutes: 30 + 15 * (i % 8),
    rating: 3.5 + (i % 15) / 10,
    openingHoursOsm: 'synthetic',
    openingHours: Object.fromEntries(WEEK.map((d) => [d, d === closed ? [] : hours])) as unknown as Candidate['openingHours'],
    lastEntryMinutes: 0,
    visitMayRunPastClose: false,
    provenance: { source: 'engine warm-up', sourceId: String(i), licence: 'none', retrievedOn: DATES[0]! },
    opening: DATES.map((date, d) => ({ date, intervals: WEEK[d] === closed ? [] : hours })),
  };
};

/** The warm-up's plans: a week by each mode of travel, three must-visits, the production budget's shape. */
export const warmUpTasks = (now = Date.now()): EngineTask[] => {
  const candidates = Array.from({ length: WARM_UP_PLACES }, (_, i) => place(i));
  const interests = ['palaces', 'museums', 'street food'];
  return TRAVEL_MODES.map((travelMode, n) => {
    const message: ScheduleGenerationMessage = {
      scheduleId: `00000000-0000-4000-8000-00000000000${n}`,
      tripId: '00000000-0000-4000-8000-000000000010',
      userId: '00000000-0000-4000-8000-000000000020',
      requestedAt: new Date(now).toISOString(),
      notAfter: new Date(now + 60_000).toISOString(),
      trip: { destination: { name: 'warm-up', ...LODGING }, lodging: LODGING, dates: DATES, dayStart: '09:00', dayEnd: '20:00', interests, mustVisit: ['warm-up-1', 'warm-up-8', 'warm-up-17'], travelMode, pace: 'normal' },
    };
    // A backlog count that never asks the plan to yield: the yield check's code runs, as in the service.
    const waiting = new Int32Array(new SharedArrayBuffer(4));
    return { message, candidates, weights: keywordWeights(interests), budget: { timeLimitMs: 5_000, maxIterations: WARM_UP_ITERATIONS }, yieldTo: { waiting, afterIterations: 50 } };
  });
};
