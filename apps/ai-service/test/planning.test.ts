/**
 * The engine part of a schedule, no service involved: the problem built from candidates (real
 * opening per date, pace, meals, interests), the plan verified by the independent checker, and
 * every missed must-visit explained with the smallest change the engine confirms.
 */
import { UNCERTAIN_NOTE, openEndNote } from '@tripgen/catalog';
import { checkItinerary } from '@tripgen/planner';
import { describe, expect, it } from 'vitest';
import { explainMisses, suggestFixes } from '../src/planning/explain.ts';
import { explainAndRender, explainInput, planTrip, renderSchedule } from '../src/planning/generate.ts';
import { keywordWeights } from '../src/planning/interests.ts';
import { buildPlanRequest, mealsFor, placeScore, visitMinutes, type Candidate } from '../src/planning/problem.ts';
import { LODGING, SEOUL, request, withOpening } from './fixtures/places.ts';

const BUDGET = { timeLimitMs: 2_000, maxIterations: 1_500 };
const DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];
const CHUSEOK = { date: '2026-09-25', intervals: [], note: 'Chuseok' };

const run = (message: ReturnType<typeof request>, candidates: Candidate[]) => {
  const planned = planTrip(message, candidates, keywordWeights(message.trip.interests), BUDGET);
  return { planned, result: explainAndRender(message, planned, new Map(candidates.map((c) => [c.id, c])), undefined, true) };
};

describe('the engine problem', () => {
  it('takes each date\'s real opening over the weekly hours, and lunch and dinner when the day spans them', () => {
    const c = withOpening(SEOUL.museum, DATES, { '2026-09-25': CHUSEOK });
    const r = buildPlanRequest(request().trip, [c], {}, BUDGET);
    expect(r.places[0]!.openingHoursByDate).toEqual({ '2026-09-24': [['10:00', '18:00']], '2026-09-25': [], '2026-09-26': [['10:00', '18:00']] });
    expect(r.start).toEqual(LODGING);
    expect(mealsFor('09:00', '19:00', 'normal').map((m) => m.name)).toEqual(['lunch']);
    expect(mealsFor('08:00', '21:00', 'packed')).toEqual([
      { name: 'lunch', from: '11:30', to: '14:00', minutes: 45 },
      { name: 'dinner', from: '17:30', to: '20:30', minutes: 45 },
    ]);
    expect(mealsFor('12:00', '16:00', 'normal')).toEqual([]);
  });

  it('scores by rating and triples what the traveller is interested in; pace changes visit length', () => {
    expect(placeScore(SEOUL.gyeongbokgung, {})).toBe(Math.round(10 + 4 * 4.7));
    expect(placeScore(SEOUL.gyeongbokgung, keywordWeights(['royal palaces']))).toBe(Math.round((10 + 4 * 4.7) * 3));
    expect(visitMinutes(SEOUL.museum, 'relaxed')).toBeGreaterThan(visitMinutes(SEOUL.museum, 'normal'));
    expect(visitMinutes(SEOUL.museum, 'packed')).toBeLessThan(visitMinutes(SEOUL.museum, 'normal'));
  });
});

describe('a 3-day Seoul trip with a must-visit closed on one of its days', () => {
  const candidates = Object.values(SEOUL)
    .filter((p) => p.region === 'seoul')
    .map((p) => withOpening(p, DATES, p.id === SEOUL.museum.id ? { '2026-09-25': CHUSEOK } : {}));
  const message = request({ mustVisit: [SEOUL.museum.id, SEOUL.gyeongbokgung.id, SEOUL.tower.id] });
  const { planned, result } = run(message, candidates);

  it('plans every must-visit, never on the date it is closed, and passes the independent checker', () => {
    expect(checkItinerary(planned.request, planned.plan).feasible).toBe(true);
    const dayOf = (id: string) => result.days.find((d) => d.stops.some((s) => s.locationId === id))?.date;
    expect(dayOf(SEOUL.museum.id)).toBeDefined();
    expect(dayOf(SEOUL.museum.id)).not.toBe('2026-09-25');
    expect(dayOf(SEOUL.gyeongbokgung.id)).toBeDefined();
    expect(dayOf(SEOUL.tower.id)).toBeDefined();
    expect(result.unscheduled).toEqual([]);
    expect(result.days.map((d) => d.date)).toEqual(DATES);
    expect(result.days[0]!.stops[0]!.name).toMatch(/\w/);
  });

  it('is the same schedule for the same request (seeded engine)', () => {
    expect(run(message, candidates).result).toEqual(result);
  });
});

describe('misses, in words a traveller understands', () => {
  it('closed on every trip date: names the holiday and suggests the nearest date it is open', () => {
    const dates = ['2026-09-25'];
    const museum: Candidate = { ...withOpening(SEOUL.museum, dates, { '2026-09-25': CHUSEOK }), opening: [CHUSEOK, { date: '2026-09-26', intervals: [['10:00', '18:00']] }] };
    const { result } = run(request({ dates, mustVisit: [museum.id] }), [museum]);
    expect(result.unscheduled).toEqual([museum.id]);
    expect(result.reasons[0]).toMatchObject({ locationId: museum.id, name: 'National Museum of Korea', mustVisit: true, reason: 'closed', detail: 'closed on 2026-09-25 (Chuseok)' });
    expect(result.reasons[0]!.suggestions).toEqual([{ change: 'another-date', detail: 'visit on 2026-09-26, the day after your trip, when it is open' }]);
  });

  it('hours of unknown state on the trip date: the miss says they are unknown, not that the place is shut', () => {
    // The location service leaves a time of unknown state out of a date's intervals (OSM `unknown`, a comment alone,
    // a fallback's day: wiki Key:opening_hours/specification, rule modifier `unknown`) and says so in the note
    // (UNCERTAIN_NOTE). The miss read that empty date as any other: "closed on 2026-09-25 (Chuseok; opening hours
    // uncertain: not counted as open)", a traveller told the place is shut where nobody knows.
    const dates = ['2026-09-25'];
    const unknown = { date: '2026-09-25', intervals: [], note: `Chuseok (추석); ${UNCERTAIN_NOTE}` };
    const museum: Candidate = { ...withOpening(SEOUL.museum, dates, { '2026-09-25': unknown }), opening: [unknown] };
    const { result } = run(request({ dates, mustVisit: [museum.id] }), [museum]);
    expect(result.unscheduled).toEqual([museum.id]);
    expect(result.reasons[0]).toMatchObject({ reason: 'closed', detail: 'opening hours unknown on 2026-09-25 (Chuseok): not counted as open' });
    // Some hours known: the ones named are the known ones, the rest said unknown.
    const partly = { date: '2026-09-25', intervals: [['12:00', '13:00']] as [string, string][], note: UNCERTAIN_NOTE };
    const shortly: Candidate = { ...withOpening(SEOUL.museum, dates, { '2026-09-25': partly }), opening: [partly] };
    expect(run(request({ dates, mustVisit: [shortly.id] }), [shortly]).result.reasons[0]!.detail).toBe(
      'open only 12:00-13:00 (other hours unknown, not counted as open) on 2026-09-25, too short for a 150-minute visit between 09:00 and 19:00',
    );
    // The hours named with a miss of another kind too (its opening hours by date).
    const two = ['2026-09-24', '2026-09-25'];
    const late: Candidate = { ...withOpening(SEOUL.museum, two), opening: [{ date: '2026-09-24', intervals: [['10:30', '20:00']] }, unknown] };
    const far = run(request({ dates: two, dayStart: '08:00', dayEnd: '13:00', travelMode: 'car', mustVisit: [late.id] }), [late]).result.reasons[0]!;
    expect(far).toMatchObject({ reason: 'too-far' });
    expect(far.detail).toContain('(10:30-20:00 on 2026-09-24; opening hours unknown on 2026-09-25)');
  });

  it('hours of unknown state beside another note: the other note named alone, not after a stray separator', () => {
    // The location service joins a date's notes with "; " (dayOpenings): the uncertain note before the calendar's gap
    // (a 2028 date: its holidays are not published yet) or after a rule's comment. Taking the uncertain note out left
    // its separator: "opening hours unknown on 2028-01-07 (; public holidays of 2028 ...)", "(call ahead; ; public ...)".
    const gap = 'public holidays of 2028 are not published yet: holiday closures are not included';
    const miss = (note: string) => {
      const dates = ['2028-01-07'];
      const opening = { date: '2028-01-07', intervals: [], note };
      const museum: Candidate = { ...withOpening(SEOUL.museum, dates, { '2028-01-07': opening }), opening: [opening] };
      return run(request({ dates, mustVisit: [museum.id] }), [museum]).result.reasons[0]!.detail;
    };
    expect(miss(`${UNCERTAIN_NOTE}; ${gap}`)).toBe(`opening hours unknown on 2028-01-07 (${gap}): not counted as open`);
    expect(miss(`call ahead; ${UNCERTAIN_NOTE}; ${gap}`)).toBe(`opening hours unknown on 2028-01-07 (call ahead; ${gap}): not counted as open`);
    expect(miss(`call ahead; ${UNCERTAIN_NOTE}`)).toBe('opening hours unknown on 2028-01-07 (call ahead): not counted as open');
  });

  it('another date is suggested only where the place fits beside the day\'s meal breaks', () => {
    // On 2026-09-24 it opens 11:30-14:00 only: its 150-minute visit fills the whole lunch window,
    // so it fits that day only by skipping lunch. 2026-09-26 holds both.
    const dates = ['2026-09-25'];
    const museum: Candidate = {
      ...withOpening(SEOUL.museum, dates, { '2026-09-25': CHUSEOK }),
      opening: [CHUSEOK, { date: '2026-09-24', intervals: [['11:30', '14:00']] }, { date: '2026-09-26', intervals: [['10:00', '18:00']] }],
    };
    const { result } = run(request({ dates, mustVisit: [museum.id] }), [museum]);
    expect(result.reasons[0]!.suggestions).toEqual([{ change: 'another-date', detail: 'visit on 2026-09-26, the day after your trip, when it is open' }]);
  });

  it('gives the last entry and an entry window in the hours it names, and an interval shorter than its last entry as no entry', () => {
    const date = '2026-09-24';
    const only = (intervals: [string, string][]) => ({ [date]: { date, intervals } });
    // The rear garden: last admission 2 h before closing, open 10:00-11:30 or 10:00-13:00 that date.
    const garden = (intervals: [string, string][]): Candidate => ({ ...withOpening(SEOUL.changdeokgung, [date], only(intervals)), id: 'garden', lastEntryMinutes: 120 });
    const message = request({ dates: [date], dayStart: '09:00', dayEnd: '19:00', mustVisit: ['garden'] });
    expect(run(message, [garden([['10:00', '11:30']])]).result.reasons[0]!.detail).toBe(
      'open only 10:00-11:30 (no entry: the last is 120 minutes before closing) on 2026-09-24, too short for a 90-minute visit between 09:00 and 19:00',
    );
    const short = run(request({ dates: [date], dayStart: '11:05', dayEnd: '19:00', mustVisit: ['garden'] }), [garden([['10:00', '13:00']])]);
    expect(short.result.reasons[0]!.detail).toBe('open only 10:00-13:00 (last entry 11:00) on 2026-09-24, too short for a 90-minute visit between 11:05 and 19:00');
    // A trail whose start window is 06:00-09:00 (cut-off 12:00, last start 3 h before it), on a day from 09:30.
    const trail: Candidate = { ...withOpening(SEOUL.changdeokgung, [date], only([['06:00', '12:00']])), id: 'trail', visitMinutes: 300, lastEntryMinutes: 180, visitMayRunPastClose: true };
    const late = run(request({ dates: [date], dayStart: '09:30', dayEnd: '19:00', mustVisit: ['trail'] }), [trail]);
    expect(late.result.reasons[0]!.detail).toBe('open only for a start 06:00-09:00 on 2026-09-24, which leaves no 300-minute visit between 09:30 and 19:00');
  });

  it('names the last entry of an interval cut at 24:00 from its real close: a bar open 18:00-02:00, last order 01:00', () => {
    const date = '2026-09-24';
    // The location service's figures: 60 in the night's early hours, none before midnight.
    const bar: Candidate = { ...withOpening(SEOUL.museum, [date], { [date]: { date, intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [60, 0] } }), id: 'bar', lastEntryMinutes: 60 };
    const { result } = run(request({ dates: [date], dayStart: '09:00', dayEnd: '19:00', mustVisit: ['bar'] }), [bar]);
    expect(result.reasons[0]!.detail).toBe('open only 00:00-02:00 (last entry 01:00), 18:00-24:00 on 2026-09-24, too short for a 150-minute visit between 09:00 and 19:00');
    expect(buildPlanRequest(request({ dates: [date] }).trip, [bar], {}, BUDGET).places[0]!.lastEntryMinutesByDate).toEqual({ [date]: [60, 0] });
  });

  it('names an open end counted as open with the hours it gives', () => {
    const date = '2026-09-24';
    // An imported bar, 'Mo-Su 18:00+': the location service counts 18:00-20:00 as open and says so.
    const note = openEndNote('18:00', '20:00');
    const bar: Candidate = { ...withOpening(SEOUL.museum, [date], { [date]: { date, intervals: [['18:00', '20:00']], note } }), id: 'bar' };
    const { result } = run(request({ dates: [date], dayStart: '09:00', dayEnd: '19:00', mustVisit: ['bar'] }), [bar]);
    expect(result.reasons[0]!.detail).toBe(`open only 18:00-20:00 (${note}) on 2026-09-24, too short for a 150-minute visit between 09:00 and 19:00`);
  });

  it('too far for a walk: says so and suggests the faster mode that makes it fit', () => {
    const dates = ['2026-09-24'];
    const far = withOpening(SEOUL.lotteWorld, dates);
    const { result } = run(request({ dates, travelMode: 'walk', mustVisit: [far.id] }), [far]);
    expect(result.reasons[0]).toMatchObject({ reason: 'too-far' });
    expect(result.reasons[0]!.detail).toMatch(/^too far from the lodging for a walk/);
    expect(result.reasons[0]!.suggestions[0]).toEqual({ change: 'travel-mode', detail: 'travel by public transport instead of on foot' });
  });

  it('out of reach for its hours, not its distance: a short drive away, it opens too late for the day', () => {
    // 21 minutes by car each way and a 150-minute visit fit in 08:00-13:00 (192 of 300 minutes), but
    // it opens at 10:30: from 10:30 the visit and the way back end at 13:21.
    const dates = ['2026-09-24'];
    const late = withOpening(SEOUL.museum, dates, { '2026-09-24': { date: '2026-09-24', intervals: [['10:30', '20:00']] } });
    const { result } = run(request({ dates, dayStart: '08:00', dayEnd: '13:00', travelMode: 'car', mustVisit: [late.id] }), [late]);
    expect(result.reasons[0]).toMatchObject({
      reason: 'too-far',
      detail: 'too far from the lodging by car for its opening hours (10:30-20:00 on 2026-09-24): with 21 minutes there and 21 back, a 150-minute visit does not fit between 08:00 and 13:00',
    });
  });

  it('kept out by the meal break, not by other must-visits: says so', () => {
    // 105 minutes by public transport each way and a 30-minute visit fit 09:00-14:00 (back at 13:00),
    // but not with the hour of lunch between 11:30 and 14:00 (before leaving, or there: back at
    // 14:15). The engine's own diagnosis ("no room alongside the other must-visits") weighs the way
    // and the opening only; on the eval trips it is given for places that the breaks keep out
    // (a far lodging, empty days).
    const dates = ['2026-09-24'];
    const far = withOpening({ ...SEOUL.jogyesa, id: 'far-temple', lat: LODGING.lat + 0.2 }, dates);
    const message = request({ dates, dayStart: '09:00', dayEnd: '14:00', travelMode: 'transit', pace: 'normal', mustVisit: [far.id] });
    const engineRequest = buildPlanRequest(message.trip, [far], {}, BUDGET);
    const result = { days: [{ date: dates[0]!, stops: [], meals: [], returnTravelMinutes: 0, finish: '09:00' }], unscheduled: [{ locationId: far.id, reason: 'conflict' as const, detail: 'no room left alongside the other must-visit and locked places' }], unscheduledMeals: [], score: 0, stats: { iterations: 0, elapsedMs: 0, bestIteration: 0, bestElapsedMs: 0, stoppedBy: 'iterations' as const, mustVisitRepairs: { inSearch: 0, after: 0 } } };
    const [miss] = explainMisses({ trip: message.trip, request: engineRequest, result, candidates: new Map([[far.id, far]]), notFound: [], locked: [], suggestUntil: 0 });
    expect(miss).toMatchObject({
      reason: 'no-time',
      detail: 'no time on day 1 beside the lunch break (60 minutes between 11:30 and 14:00): even as the only visit of a day, the way there and back and a 30-minute visit leave no room for it',
    });
  });

  it('no time left: names the day and suggests the smallest longer day', () => {
    const dates = ['2026-09-24'];
    const places = [SEOUL.museum, SEOUL.gyeongbokgung, SEOUL.changdeokgung, SEOUL.bukchon].map((p) => withOpening(p, dates));
    const { result } = run(request({ dates, dayStart: '10:00', dayEnd: '16:00', mustVisit: places.map((p) => p.id) }), places);
    expect(result.reasons.length).toBeGreaterThan(0);
    for (const miss of result.reasons) {
      expect(miss.reason).toBe('no-time');
      expect(miss.detail).toMatch(/^no time left on day 1/);
    }
    expect(result.reasons.some((m) => m.suggestions.some((s) => s.change === 'longer-day' && /^end day 1 \(2026-09-24\) at \d\d:\d\d instead of 16:00$/.test(s.detail)))).toBe(true);
  });

  it('suggests only a change that keeps the meals: no longer day that fits the place by skipping lunch', () => {
    // 90 minutes of day hold lunch but not the 90-minute visit and its walks; 30 more minutes hold
    // the visit only without lunch (the engine then drops lunch: a must-visit ranks above a meal);
    // 60 more hold both.
    const date = '2026-09-24';
    const trip = request({ dates: [date], dayStart: '11:00', dayEnd: '12:30' }).trip;
    const plan = {
      start: LODGING,
      days: [{ date, start: '11:00', end: '12:30', meals: [{ name: 'lunch', from: '11:30', to: '14:00', minutes: 45 }] }],
      travelMode: 'walk' as const,
      places: [{ locationId: 'near', lat: LODGING.lat + 0.003, lng: LODGING.lng, visitMinutes: 90, score: 20, mustVisit: true }],
    };
    expect(suggestFixes(plan, trip, 'near', undefined)).toEqual([{ change: 'longer-day', detail: 'end day 1 (2026-09-24) at 13:30 instead of 12:30' }]);
  });

  it('closed on a substitute holiday: the reason in English alone, the nested Korean name dropped whole', () => {
    const date = '2026-10-05';
    const closed = { date, intervals: [], note: 'closed: weekly closing day (Monday); also Substitute holiday for National Foundation Day (대체공휴일(개천절))' };
    const palace = withOpening(SEOUL.gyeongbokgung, [date], { [date]: closed });
    const { result } = run(request({ dates: [date], mustVisit: [palace.id] }), [palace]);
    expect(result.reasons[0]).toMatchObject({ reason: 'closed', detail: 'closed on 2026-10-05 (weekly closing day (Monday); also Substitute holiday for National Foundation Day)' });
  });

  it('never suggests ending a day past 23:59, the latest end a trip takes', () => {
    // Open 22:00-24:00 (a night market) for a 100-minute visit: only a day ending at midnight holds it and the way back.
    const date = '2026-07-05';
    const trip = request({ dates: [date], dayStart: '21:00', dayEnd: '22:30' }).trip;
    const plan = {
      start: LODGING,
      days: [{ date, start: '21:00', end: '22:30', meals: [] }],
      travelMode: 'walk' as const,
      places: [{ locationId: 'night', lat: LODGING.lat + 0.001, lng: LODGING.lng, visitMinutes: 100, score: 20, mustVisit: true, openingHoursByDate: { [date]: [['22:00', '24:00']] as [string, string][] } }],
    };
    expect(suggestFixes(plan, trip, 'night', undefined)).toEqual([{ change: 'longer-day', detail: `end day 1 (${date}) at 23:59 instead of 22:30` }]);
  });

  it('suggests nothing once the time for suggestions is over (the schedule\'s deadline near after the wait for the engine): the reasons stay', () => {
    const dates = ['2026-09-24'];
    const places = [SEOUL.museum, SEOUL.gyeongbokgung, SEOUL.changdeokgung, SEOUL.bukchon].map((p) => withOpening(p, dates));
    const message = request({ dates, dayStart: '10:00', dayEnd: '16:00', mustVisit: places.map((p) => p.id) });
    const planned = planTrip(message, places, keywordWeights(message.trip.interests), BUDGET);
    const input = explainInput(message, planned, new Map(places.map((c) => [c.id, c])), Date.now() + 60_000);
    const inTime = explainMisses(input);
    const late = explainMisses({ ...input, suggestUntil: Date.now() - 1 });
    expect(inTime.some((m) => m.suggestions.length > 0)).toBe(true);
    expect(late.map((m) => [m.locationId, m.reason, m.suggestions])).toEqual(inTime.map((m) => [m.locationId, m.reason, []]));
  });

  it('names the day by its number in the trip when re-planning one day of it', () => {
    // The re-plan's request has that day alone: it is day 2 of the trip, not day 1 of the request.
    const trip = request({ dates: DATES, dayStart: '11:00', dayEnd: '12:30' }).trip;
    const plan = {
      start: LODGING,
      days: [{ date: DATES[1]!, start: '11:00', end: '12:30', meals: [{ name: 'lunch', from: '11:30', to: '14:00', minutes: 45 }] }],
      travelMode: 'walk' as const,
      places: [{ locationId: 'near', lat: LODGING.lat + 0.003, lng: LODGING.lng, visitMinutes: 90, score: 20, mustVisit: false, lockedDate: DATES[1]! }],
    };
    expect(suggestFixes(plan, trip, 'near', undefined)).toEqual([{ change: 'longer-day', detail: `end day 2 (${DATES[1]}) at 13:30 instead of 12:30` }]);
  });

  it('a longer day that spans a meal window brings that meal: it is suggested only where the meal fits too', () => {
    // 08:00-13:00 has no lunch (the day does not span 11:30-14:00). The place opens at 11:30 for a
    // 150-minute visit: an end at 14:30 holds the visit, but a day to 14:30 spans lunch, which no
    // longer fits beside it (the schedule with that end would drop lunch or the place); from 16:00
    // both fit (lunch 11:30-12:30, then the visit).
    const date = '2026-09-24';
    const trip = request({ dates: [date], dayStart: '08:00', dayEnd: '13:00', pace: 'normal' }).trip;
    const plan = {
      start: LODGING,
      days: [{ date, start: '08:00', end: '13:00', meals: mealsFor('08:00', '13:00', 'normal') }],
      travelMode: 'walk' as const,
      places: [{ locationId: 'late', lat: LODGING.lat + 0.003, lng: LODGING.lng, visitMinutes: 150, score: 20, mustVisit: true, openingHoursByDate: { [date]: [['11:30', '20:00']] as [string, string][] } }],
    };
    expect(plan.days[0]!.meals).toEqual([]);
    expect(suggestFixes(plan, trip, 'late', undefined)).toEqual([{ change: 'longer-day', detail: 'end day 1 (2026-09-24) at 16:00 instead of 13:00' }]);
  });

  it('a must-visit the directory does not know is reported, not silently dropped', () => {
    const dates = ['2026-09-24'];
    const { result } = run(request({ dates, mustVisit: ['no-such-place'] }), [withOpening(SEOUL.jogyesa, dates)]);
    expect(result.reasons).toEqual([{ locationId: 'no-such-place', name: null, mustVisit: true, locked: false, reason: 'not-found', detail: 'not in the place directory any more', suggestions: [] }]);
  });
});

describe('re-planning one day', () => {
  const candidates = Object.values(SEOUL).filter((p) => p.region === 'seoul').map((p) => withOpening(p, DATES));
  const first = run(request(), candidates).result;

  it('keeps every other day byte for byte and the locked place on the re-planned day', () => {
    // A place that is on no other day (day 2's last stop, or one the first plan left out).
    const elsewhere = new Set(first.days.filter((d) => d.date !== DATES[1]).flatMap((d) => d.stops.map((s) => s.locationId)));
    const keep = candidates.map((c) => c.id).find((id) => !elsewhere.has(id) && !first.days[1]!.stops.some((s) => s.locationId === id)) ?? first.days[1]!.stops.at(-1)!.locationId;
    expect(elsewhere.has(keep)).toBe(false);
    const message = request({}, { replan: { baseScheduleId: '44444444-4444-4444-8444-444444444444', date: DATES[1]!, locked: [keep] } });
    const dayCandidates = candidates.map((c) => ({ ...c, opening: c.opening!.filter((o) => o.date === DATES[1]) }));
    const planned = planTrip(message, dayCandidates, keywordWeights(['palaces']), BUDGET, { base: first });
    const again = explainAndRender(message, planned, new Map(dayCandidates.map((c) => [c.id, c])), first, true);
    expect(JSON.stringify(again.days[0])).toBe(JSON.stringify(first.days[0]));
    expect(JSON.stringify(again.days[2])).toBe(JSON.stringify(first.days[2]));
    expect(again.days[1]!.stops.map((s) => s.locationId)).toContain(keep);
  });

  it('keeps the whole trip\'s reason and suggestions for a must-visit it still leaves out: not the re-planned day\'s alone', () => {
    // Closed on all three dates (Chuseok), open the day before the trip. The re-plan of day 2 sees
    // that day alone, but the schedule it answers is the whole trip's, whose days 1 and 3 it keeps:
    // "closed on 2026-09-25" alone would tell the traveller it is open on the other two.
    const closed = (date: string, note: string) => ({ date, intervals: [], note });
    const opening = [closed(DATES[0]!, 'Day before Chuseok'), closed(DATES[1]!, 'Chuseok'), closed(DATES[2]!, 'Day after Chuseok'), { date: '2026-09-23', intervals: [['10:00', '18:00']] as [string, string][] }];
    const museum: Candidate = { ...SEOUL.museum, id: 'closed-museum', opening };
    const trip = request({ mustVisit: [museum.id] });
    const all = [...candidates, museum];
    const full = run(trip, all).result;
    const [before] = full.reasons;
    expect(before).toMatchObject({ locationId: museum.id, reason: 'closed', detail: 'closed on 2026-09-24 (Day before Chuseok); closed on 2026-09-25 (Chuseok); closed on 2026-09-26 (Day after Chuseok)' });
    expect(before!.suggestions).toEqual([{ change: 'another-date', detail: 'visit on 2026-09-23, the day before your trip, when it is open' }]);
    const message = request({ mustVisit: [museum.id] }, { replan: { baseScheduleId: '44444444-4444-4444-8444-444444444444', date: DATES[1]!, locked: [] } });
    const dayCandidates = all.map((c) => ({ ...c, opening: c.opening!.filter((o) => o.date === DATES[1]) }));
    const planned = planTrip(message, dayCandidates, keywordWeights(['palaces']), BUDGET, { base: full });
    const again = explainAndRender(message, planned, new Map(dayCandidates.map((c) => [c.id, c])), full, true);
    expect(again.unscheduled).toEqual([museum.id]);
    expect(again.reasons).toEqual(full.reasons);
    // Of the base's suggestions only other dates are kept: a longer day or a faster mode is the
    // re-plan's own, checked beside the places it locked (review of 2716511).
    const longerDay = { change: 'longer-day' as const, detail: 'end day 2 (2026-09-25) at 20:00 instead of 19:00' };
    const faster = { change: 'travel-mode' as const, detail: 'travel by car instead of by public transport' };
    const base = { ...full, reasons: full.reasons.map((r) => ({ ...r, suggestions: [longerDay, ...r.suggestions] })) };
    const own = again.reasons.map((r) => ({ ...r, suggestions: [faster] }));
    expect(renderSchedule(message, planned, new Map(dayCandidates.map((c) => [c.id, c])), base, own).reasons[0]!.suggestions).toEqual([faster, ...full.reasons[0]!.suggestions]);
  });
});
