import { describe, expect, it } from 'vitest';
import { planItinerary, replanDay, type PlanRequest } from '../src/realworld/plan.ts';
import { checkItinerary } from '../src/check/itinerary-checker.ts';
import { travelMinutes } from '../src/realworld/travel.ts';
import { openingIntervals, weekdayOf } from '../src/realworld/hours.ts';
import { PARIS_REQUEST } from './fixtures/paris.ts';

// Iteration budget binds first: deterministic whatever the machine's speed.
const request: PlanRequest = { ...PARIS_REQUEST, options: { maxIterations: 1500, timeLimitMs: 60_000, seed: 3 } };

describe('planItinerary: a 3-day city trip', () => {
  const result = planItinerary(request);

  it('passes every constraint of the independent checker', () => {
    const check = checkItinerary(request, result);
    expect(check.errors).toEqual([]);
    expect(check.feasible).toBe(true);
    expect(result.days.map((d) => d.date)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
  });

  it('schedules every feasible must-visit, respecting weekly closing days', () => {
    const dayOf = (id: string) => result.days.find((d) => d.stops.some((s) => s.locationId === id))?.date;
    expect(dayOf('louvre')).toBeDefined();
    expect(dayOf('louvre')).not.toBe('2026-06-02'); // closed on Tuesdays
    expect(dayOf('eiffel')).toBeDefined();
    expect(dayOf('orsay')).toBeDefined();
    expect(dayOf('orsay')).not.toBe('2026-06-01'); // closed on Mondays
  });

  it('reports the must-visits it cannot place, with the reason', () => {
    const reasons = Object.fromEntries(result.unscheduled.map((u) => [u.locationId, u.reason]));
    expect(reasons['puces-saint-ouen']).toBe('closed');
    expect(reasons['mont-saint-michel']).toBe('unreachable');
    expect(reasons['bastille-market']).toBe('closed');
  });

  it('is deterministic for a seed', () => {
    expect(planItinerary(request)).toEqual({ ...result, stats: expect.anything() });
  });

  it('re-plans one day: other days unchanged, kept places stay on the day', () => {
    const tuesday = result.days[1]!;
    const keep = [tuesday.stops[0]!.locationId];
    const replanned = replanDay(request, result, '2026-06-02', keep);
    expect(replanned.days[0]).toEqual(result.days[0]);
    expect(replanned.days[2]).toEqual(result.days[2]);
    expect(replanned.days[1]!.stops.map((s) => s.locationId)).toContain(keep[0]);
    expect(checkItinerary(request, replanned).errors).toEqual([]);
  });

  it('the checker catches a visit moved outside opening hours or a late return', () => {
    const tampered = structuredClone(result);
    const louvreDay = tampered.days.find((d) => d.stops.some((s) => s.locationId === 'louvre'))!;
    const stop = louvreDay.stops.find((s) => s.locationId === 'louvre')!;
    stop.start = '17:00';
    stop.end = '20:00';
    expect(checkItinerary(request, tampered).errors.join()).toMatch(/louvre: visit 17:00-20:00 ends after its opening hours/);

    const late = structuredClone(result);
    late.days[0]!.finish = '23:30';
    const shortDay = { ...request, days: request.days.map((d, i) => (i === 0 ? { ...d, end: '12:00' } : d)) };
    expect(checkItinerary(shortDay, late).errors.join()).toMatch(/the day ends at 12:00/);
  });
});

describe('real-world model', () => {
  it('travel times: haversine x detour / speed, rounded up; transit never slower than walking', () => {
    const hotel = { lat: 48.8589, lng: 2.347 };
    const louvre = { lat: 48.8606, lng: 2.3376 };
    // ~0.71 km straight: walk 0.71*1.25/4.8*60 = 11.1 -> 12 min.
    expect(travelMinutes(hotel, louvre, 'walk')).toBe(12);
    expect(travelMinutes(hotel, louvre, 'transit')).toBe(12);
    expect(travelMinutes(hotel, hotel, 'car')).toBe(0);
    const versailles = { lat: 48.8049, lng: 2.1204 };
    expect(travelMinutes(hotel, versailles, 'transit')).toBeLessThan(travelMinutes(hotel, versailles, 'walk'));
  });

  it('opening hours: weekday from the date, several intervals, closed days, overnight closes', () => {
    expect(weekdayOf('2026-06-01')).toBe('mon');
    const hours = { tue: [['13:30', '18:00'], ['10:00', '12:30']] as [string, string][], fri: [['20:00', '02:00']] as [string, string][] };
    expect(openingIntervals(hours, 'tue')).toEqual([
      [600, 750],
      [810, 1080],
    ]);
    expect(openingIntervals(hours, 'mon')).toEqual([]);
    expect(openingIntervals(hours, 'fri')).toEqual([[1200, 1440]]);
    expect(openingIntervals(undefined, 'sun')).toEqual([[0, 1440]]);
  });
});

describe('opening hours of given dates', () => {
  it('closes a place on a dated holiday and opens it on a dated exception, and the checker reads the same dates', () => {
    const louvre = PARIS_REQUEST.places.find((p) => p.locationId === 'louvre')!;
    const [d1, d2, d3] = PARIS_REQUEST.days.map((d) => d.date);
    // Open only on the middle day (its weekly closing day), closed by date on the other two.
    const dated: PlanRequest = {
      ...request,
      places: [{ ...louvre, mustVisit: true, openingHoursByDate: { [d1!]: [], [d2!]: [['10:00', '16:00']], [d3!]: [] } }],
    };
    const result = planItinerary(dated);
    expect(result.days.find((d) => d.stops.length > 0)?.date).toBe(d2);
    expect(checkItinerary(dated, result).errors).toEqual([]);
    // The same visit one day earlier (a date the location service says is closed).
    const moved = structuredClone(result);
    [moved.days[0], moved.days[1]] = [{ ...moved.days[1]!, date: d1! }, { ...moved.days[0]!, date: d2! }];
    expect(checkItinerary(dated, moved).errors.join('\n')).toMatch(/opening hours/);

    const closedAll: PlanRequest = { ...dated, places: [{ ...louvre, mustVisit: true, openingHoursByDate: { [d1!]: [], [d2!]: [], [d3!]: [] } }] };
    expect(planItinerary(closedAll).unscheduled).toEqual([expect.objectContaining({ locationId: 'louvre', reason: 'closed' })]);
  });
});

describe('last entry and entry windows', () => {
  const at = { lat: 37.5794, lng: 126.991 };
  const day = { date: '2026-04-08', start: '09:00', end: '21:00' };
  const options = { maxIterations: 300, timeLimitMs: 60_000 };
  // Changdeokgung's rear garden: a 90-minute tour, open 10:00-18:00, last admission 2 h before closing.
  const huwon = { locationId: 'huwon', ...at, visitMinutes: 90, score: 10, mustVisit: true, openingHours: { wed: [['10:00', '18:00']] as [string, string][] }, lastEntryMinutes: 120 };

  it('starts no visit after the last entry, and the checker refuses one that does', () => {
    // The day starts at 16:10: without the last entry the tour would start at 16:10 and end 17:40, inside the hours.
    const late: PlanRequest = { start: at, travelMode: 'walk', days: [{ ...day, start: '16:10' }], places: [huwon], options };
    const result = planItinerary(late);
    expect(result.days[0]!.stops).toEqual([]);
    expect(result.unscheduled).toEqual([
      { locationId: 'huwon', reason: 'closed', detail: "not open long enough for a 90-minute visit (last entry 120 minutes before closing) within the day's hours on any day of the trip" },
    ]);
    const early: PlanRequest = { ...late, days: [{ ...day, start: '15:30' }] };
    const planned = planItinerary(early);
    expect(planned.days[0]!.stops.map((s) => [s.start, s.end])).toEqual([['15:30', '17:00']]);
    expect(checkItinerary(early, planned).errors).toEqual([]);
    // The same plan moved to 16:16 (ends 17:46, inside the hours) is after the last entry.
    const moved = structuredClone(planned);
    Object.assign(moved.days[0]!.stops[0]!, { arrive: '16:16', start: '16:16', end: '17:46' });
    expect(checkItinerary(early, moved).errors.join()).toMatch(/huwon: visit 16:16-17:46 starts after its last entry/);
  });

  it('plans a hike that starts inside its entry window and runs past the cut-off, within the day', () => {
    // Hallasan's Yeongsil trail in winter: start 06:00-12:00, a 300-minute hike.
    const trail = { locationId: 'yeongsil', ...at, visitMinutes: 300, score: 10, mustVisit: true, openingHours: { wed: [['06:00', '12:00']] as [string, string][] }, visitMayRunPastClose: true };
    const hike: PlanRequest = { start: at, travelMode: 'walk', days: [{ ...day, start: '11:00' }], places: [trail], options };
    const result = planItinerary(hike);
    expect(result.days[0]!.stops.map((s) => [s.start, s.end])).toEqual([['11:00', '16:00']]);
    expect(checkItinerary(hike, result).errors).toEqual([]);
    // Without the flag the same visit ends after the hours: the checker says so, and the engine finds no room.
    const strict: PlanRequest = { ...hike, places: [{ ...trail, visitMayRunPastClose: false }] };
    expect(checkItinerary(strict, result).errors.join()).toMatch(/yeongsil: visit 11:00-16:00 ends after its opening hours/);
    expect(planItinerary(strict).unscheduled.map((u) => u.reason)).toEqual(['closed']);
    // The day's end still binds: a day that ends at 15:00 has no room for it.
    const short: PlanRequest = { ...hike, days: [{ ...day, start: '11:00', end: '15:00' }] };
    expect(planItinerary(short).unscheduled).toEqual([
      { locationId: 'yeongsil', reason: 'closed', detail: "no start inside its hours leaves a 300-minute visit within the day's hours on any day of the trip" },
    ]);
    // A start after the window is refused by the checker whatever the flag.
    const moved = structuredClone(result);
    Object.assign(moved.days[0]!.stops[0]!, { arrive: '12:10', start: '12:10', end: '17:10' });
    expect(checkItinerary(hike, { ...moved, days: [{ ...moved.days[0]!, finish: '17:10' }] }).errors.join()).toMatch(/yeongsil: visit 12:10-17:10 starts outside its opening hours/);
  });

  it('takes a date\'s own last entry per interval: a bar open 18:00-02:00 with last order 01:00 admits until midnight, not 23:00', () => {
    // The location service cuts the night at 24:00 and gives its last entry from the real close (02:00): 0 there.
    const bar = { locationId: 'bar', ...at, visitMinutes: 40, score: 10, mustVisit: true, lastEntryMinutes: 60, openingHoursByDate: { [day.date]: [['00:00', '02:00'], ['18:00', '24:00']] as [string, string][] } };
    const late: PlanRequest = { start: at, travelMode: 'walk', days: [{ ...day, start: '23:10', end: '24:00' }], places: [{ ...bar, lastEntryMinutesByDate: { [day.date]: [60, 0] } }], options };
    const planned = planItinerary(late);
    expect(planned.days[0]!.stops.map((s) => [s.start, s.end])).toEqual([['23:10', '23:50']]);
    expect(checkItinerary(late, planned).errors).toEqual([]);
    // Without the date's figures the place's 60 minutes count from 24:00: last entry 23:00.
    const cut: PlanRequest = { ...late, places: [bar] };
    expect(planItinerary(cut).days[0]!.stops).toEqual([]);
    expect(checkItinerary(cut, planned).errors.join()).toMatch(/bar: visit 23:10-23:50 starts after its last entry/);
    // The figures must match the date's intervals.
    expect(() => planItinerary({ ...late, places: [{ ...bar, lastEntryMinutesByDate: { [day.date]: [0] } }] })).toThrow(/lastEntryMinutesByDate/);
  });

  it('names the last entry that applied when none fits: the date\'s own per interval, not the place\'s', () => {
    // A garden 10:00-18:00 then an open end counted to 20:00, last entry 17:00 (the location service's
    // [180]), in a row whose figure is 30: a 90-minute visit from 17:10 misses the 17:00 last entry.
    const garden = { ...huwon, lastEntryMinutes: 30, openingHoursByDate: { [day.date]: [['10:00', '20:00']] as [string, string][] }, lastEntryMinutesByDate: { [day.date]: [180] } };
    const late: PlanRequest = { start: at, travelMode: 'walk', days: [{ ...day, start: '17:10' }], places: [garden], options };
    expect(planItinerary(late).unscheduled).toEqual([
      { locationId: 'huwon', reason: 'closed', detail: "not open long enough for a 90-minute visit (last entry 180 minutes before closing) within the day's hours on any day of the trip" },
    ]);
    // A figure of 0 that day (an open end's counted time): none named, not the place's 30.
    const counted: PlanRequest = { ...late, days: [{ ...day, start: '18:40' }], places: [{ ...garden, lastEntryMinutesByDate: { [day.date]: [0] } }] };
    expect(planItinerary(counted).unscheduled[0]!.detail).toBe("not open long enough for a 90-minute visit within the day's hours on any day of the trip");
  });

  it('refuses a last entry that is not a whole number of minutes >= 0', () => {
    expect(() => planItinerary({ start: at, travelMode: 'walk', days: [day], places: [{ ...huwon, lastEntryMinutes: -5 }], options })).toThrow(/lastEntryMinutes/);
  });
});

describe('must-visit conflicts', () => {
  it('places what fits and reports the must-visit that conflicts with the others', () => {
    const at = { lat: 48.8589, lng: 2.347 };
    const place = (locationId: string, open: string, close: string) => ({
      locationId,
      ...at,
      visitMinutes: 120,
      score: 10,
      mustVisit: true,
      openingHours: { mon: [[open, close]] as [string, string][] },
    });
    // Both can only happen 10:00-12:00 on the one day: one of them cannot be placed.
    const req: PlanRequest = {
      start: at,
      travelMode: 'walk',
      days: [{ date: '2026-06-01', start: '09:00', end: '18:00' }],
      places: [place('a', '10:00', '12:00'), place('b', '10:00', '12:00'), { locationId: 'c', ...at, visitMinutes: 60, score: 50 }],
      options: { maxIterations: 200, timeLimitMs: 60_000 },
    };
    const res = planItinerary(req);
    expect(checkItinerary(req, res).errors).toEqual([]);
    const placed = res.days[0]!.stops.map((s) => s.locationId);
    expect(placed.filter((id) => id === 'a' || id === 'b')).toHaveLength(1);
    expect(placed).toContain('c');
    expect(res.unscheduled).toEqual([
      { locationId: placed.includes('a') ? 'b' : 'a', reason: 'conflict', detail: expect.stringContaining('must-visit') },
    ]);
  });
});

describe('per-day start and end points', () => {
  it('starts and ends each day at its own hotel, by car', () => {
    const paris = { lat: 48.8589, lng: 2.347 };
    const versailles = { lat: 48.8049, lng: 2.1204 };
    const req: PlanRequest = {
      ...PARIS_REQUEST,
      travelMode: 'car',
      days: [
        { date: '2026-06-01', start: '09:00', end: '20:00', endLocation: versailles },
        { date: '2026-06-02', start: '09:00', end: '20:00', startLocation: versailles, endLocation: paris },
      ],
      options: { maxIterations: 800, timeLimitMs: 60_000 },
    };
    const res = planItinerary(req);
    expect(checkItinerary(req, res).errors).toEqual([]);
    // Day 1 ends at Versailles: the return leg is the drive from the last stop to Versailles.
    const lastStop = PARIS_REQUEST.places.find((p) => p.locationId === res.days[0]!.stops.at(-1)!.locationId)!;
    expect(res.days[0]!.returnTravelMinutes).toBe(travelMinutes(lastStop, versailles, 'car'));
    const firstStop = PARIS_REQUEST.places.find((p) => p.locationId === res.days[1]!.stops[0]!.locationId)!;
    expect(res.days[1]!.stops[0]!.travelMinutes).toBe(travelMinutes(versailles, firstStop, 'car'));
  });
});

describe('request validation', () => {
  it('rejects bad coordinates, duplicate places and days that end before they start', () => {
    const base: PlanRequest = { ...PARIS_REQUEST, options: { maxIterations: 10 } };
    expect(() => planItinerary({ ...base, places: [{ ...PARIS_REQUEST.places[0]!, lat: Number.NaN }] })).toThrow(/bad coordinates/);
    expect(() => planItinerary({ ...base, places: [PARIS_REQUEST.places[0]!, PARIS_REQUEST.places[0]!] })).toThrow(/duplicate place/);
    expect(() => planItinerary({ ...base, days: [{ date: '2026-06-01', start: '18:00', end: '09:00' }] })).toThrow(/end before start/);
    expect(() => planItinerary({ ...base, days: [{ date: '2026-13-01', start: '09:00', end: '18:00' }] })).toThrow(/bad date/);
  });
});

describe('a must-visit before a meal', () => {
  it('keeps the evening must-visit and reports the dinner when the day cannot hold both, though the dinner side scores more', () => {
    const at = { lat: 48.8589, lng: 2.347 };
    // The show runs exactly 18:00-20:00 (its opening), over the whole dinner window: one of the two
    // goes. With the dinner, a and b both fit (100 points); with the show only one of them (51). A
    // meal and a must-visit weighing the same, the engine kept the dinner and left the show out.
    const req: PlanRequest = {
      start: at,
      travelMode: 'walk',
      days: [{ date: '2026-06-01', start: '16:30', end: '20:30', meals: [{ name: 'dinner', from: '18:00', to: '20:00', minutes: 60 }] }],
      places: [
        { locationId: 'show', ...at, visitMinutes: 120, score: 1, mustVisit: true, openingHours: { mon: [['18:00', '20:00']] } },
        { locationId: 'a', ...at, visitMinutes: 60, score: 50 },
        { locationId: 'b', ...at, visitMinutes: 60, score: 50 },
      ],
      options: { maxIterations: 200, timeLimitMs: 60_000, seed: 1 },
    };
    const res = planItinerary(req);
    expect(checkItinerary(req, res).errors).toEqual([]);
    expect(res.days[0]!.stops.map((s) => [s.locationId, s.start])).toEqual([expect.anything(), ['show', '18:00']]);
    expect(res.unscheduled).toEqual([{ locationId: expect.stringMatching(/^[ab]$/), reason: 'no-time', detail: expect.any(String) }]);
    expect(res.unscheduledMeals).toEqual([
      { date: '2026-06-01', name: 'dinner', detail: 'no room between 18:00 and 20:00 alongside the must-visit and locked places' },
    ]);
  });
});

describe('meal breaks', () => {
  const lunch = { name: 'lunch', from: '12:00', to: '14:30', minutes: 60 };
  const dinner = { name: 'dinner', from: '19:00', to: '21:30', minutes: 90 };
  const req: PlanRequest = {
    ...PARIS_REQUEST,
    days: PARIS_REQUEST.days.map((d) => ({ ...d, meals: [lunch, dinner] })),
    options: { maxIterations: 1500, timeLimitMs: 60_000, seed: 3 },
  };
  const res = planItinerary(req);

  it('fits lunch and dinner into every day, where the traveller is, and the checker agrees', () => {
    expect(checkItinerary(req, res).errors).toEqual([]);
    for (const day of res.days) expect(day.meals.map((m) => m.name)).toEqual(['lunch', 'dinner']);
    // Visits still fill the days around the meals (visits may come before a meal, too).
    for (const day of res.days) expect(day.stops.length).toBeGreaterThanOrEqual(4);
    expect(res.days.some((d) => d.meals[0]!.afterLocationId !== null && d.stops.length > 0)).toBe(true);
    expect(res.unscheduledMeals).toEqual([]);
    // Must-visits are still all placed.
    const placed = new Set(res.days.flatMap((d) => d.stops.map((s) => s.locationId)));
    for (const id of ['louvre', 'eiffel', 'orsay']) expect(placed.has(id)).toBe(true);
  });

  it('reports a meal that cannot fit in the day', () => {
    const short: PlanRequest = {
      ...req,
      days: [{ date: '2026-06-01', start: '09:00', end: '12:30', meals: [lunch] }],
      options: { maxIterations: 200, timeLimitMs: 60_000 },
    };
    const r = planItinerary(short);
    expect(checkItinerary(short, r).errors).toEqual([]);
    expect(r.unscheduledMeals).toEqual([{ date: '2026-06-01', name: 'lunch', detail: expect.stringContaining('do not fit') }]);
  });

  it('the checker catches a meal moved out of its window or overlapping a visit', () => {
    const tampered = structuredClone(res);
    tampered.days[0]!.meals[0]!.start = '15:00';
    tampered.days[0]!.meals[0]!.end = '16:00';
    expect(checkItinerary(req, tampered).errors.join()).toMatch(/lunch: 15:00-16:00 is outside 12:00-14:30/);
    const dropped = structuredClone(res);
    dropped.days[1]!.meals = [];
    expect(checkItinerary(req, dropped).errors.join()).toMatch(/lunch: planned 0x and reported skipped 0x/);
  });
});

