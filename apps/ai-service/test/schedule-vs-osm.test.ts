/**
 * Schedules checked against the places' raw OSM `opening_hours` values, not against what the engine
 * was given. The engine's checker (and eval:itinerary) reads the same per-date opening the location
 * service derived and the engine planned with, so a fault in that derivation (the holiday
 * substitution, the time zone, the gazette table) or in how a reason or a suggested date reads it
 * would pass there. Here: trips across Korean public holidays through the AI service's own
 * pipeline on the real location service (shipped data in PostGIS), each stop, each "closed" reason
 * and each suggested date evaluated afresh by the `opening_hours` package in Asia/Seoul with a
 * holiday table written here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ScheduleGenerationMessage } from '@tripgen/catalog';
import { REPO_ROOT } from '@tripgen/dev-tools/layout';
import type OpeningHoursType from 'opening_hours';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceDirectory } from '../src/clients/location.ts';
import { generateSchedule } from '../src/planning/generate.ts';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { startLocationService, type RunningLocationService } from './support/location-service.ts';

// --- Korean public holidays of the trips' years, from the calendar (not the service's gazette package)
const HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2026: ['01-01', '02-16', '02-17', '02-18', '03-01', '03-02', '05-01', '05-05', '05-24', '05-25', '06-03', '06-06', '07-17', '08-15', '08-17', '09-24', '09-25', '09-26', '10-03', '10-05', '10-09', '12-25'],
  2027: ['01-01', '02-06', '02-07', '02-08', '02-09', '03-01', '05-01', '05-03', '05-05', '05-13', '06-06', '07-17', '07-19', '08-15', '08-16', '09-14', '09-15', '09-16', '10-03', '10-04', '10-09', '10-11', '12-25', '12-27'],
};

/**
 * The package with a Korean `PH` definition: it has none (and no hook for one), so its own build is
 * loaded with `kr` added to its holiday table, and `PH` is then evaluated by its own rules.
 */
const OpeningHours = ((): typeof OpeningHoursType => {
  const require = createRequire(import.meta.url);
  const file = require.resolve('opening_hours');
  const source = readFileSync(file, 'utf8');
  const anchor = /^ {4}jp: jp,$/m;
  if (!anchor.test(source)) throw new Error(`opening_hours ${file}: its holiday table changed; update this test's way of adding Korea`);
  const kr = { PH: Object.entries(HOLIDAYS).flatMap(([year, days]) => days.map((d) => ({ name: `${year}-${d}`, year: Number(year), fixed_date: d.split('-').map(Number) }))) };
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', 'KR', source.replace(anchor, '    jp: jp, kr: KR,'))(module, module.exports, createRequire(file), kr);
  return module.exports as typeof OpeningHoursType;
})();

/** Runs `fn` in Asia/Seoul: the package reads local time. */
const inSeoul = <T>(fn: () => T): T => {
  const before = process.env.TZ;
  process.env.TZ = 'Asia/Seoul';
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
};

interface RawPlace {
  readonly id: string;
  readonly lat: number;
  readonly lng: number;
  readonly visitMinutes: number;
  readonly openingHoursOsm: string;
  readonly lastEntryMinutes?: number;
  readonly visitMayRunPastClose?: boolean;
}
const PLACES = new Map(
  ['seoul', 'jeju'].flatMap((r) => (JSON.parse(readFileSync(`${REPO_ROOT}/apps/location-service/data/places/${r}.json`, 'utf8')) as RawPlace[]).map((p) => [p.id, p] as const)),
);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** A rule's own last entry, in its comment (`Nov-Feb 07:00-18:00 open "last entry 17:00"`, the form the data uses). */
const RULE_LAST_ENTRY = /^last (?:entry|order|admission)s? (\d{2}):(\d{2})$/i;
/**
 * Open intervals of a local date, minutes from its midnight, as the package says, each with its
 * latest start: its rule's own last entry where its comment gives one, else the data row's before its close.
 */
const openOn = (p: RawPlace, date: string): [number, number, number][] =>
  inSeoul(() => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const from = new Date(y, m - 1, d);
    const oh = new OpeningHours(p.openingHoursOsm, { lat: String(p.lat), lon: String(p.lng), address: { country_code: 'kr', state: '' } } as never, { mode: 0, tag_key: 'opening_hours' } as never);
    const out: [number, number, number][] = [];
    for (const [s, e, , comment] of oh.getOpenIntervals(from, new Date(y, m - 1, d + 1))) {
      const a = Math.round((s.getTime() - from.getTime()) / 60_000);
      const b = Math.round((e.getTime() - from.getTime()) / 60_000);
      const rule = RULE_LAST_ENTRY.exec(comment ?? '');
      const lastStart = rule ? Number(rule[1]) * 60 + Number(rule[2]) : b - (p.lastEntryMinutes ?? 0);
      const last = out.at(-1);
      if (last && last[1] >= a) {
        last[1] = Math.max(last[1], b);
        last[2] = Math.max(last[2], lastStart);
      } else out.push([a, b, lastStart]);
    }
    return out;
  });

let location: RunningLocationService | undefined;
let directory: PlaceDirectory;
beforeAll(async () => {
  location = await startLocationService('ai_schedule_osm_test');
  directory = location.directory;
}, 120_000);
afterAll(async () => {
  await location?.close();
});

const CITY_HALL = { lat: 37.5663, lng: 126.9779 };
const GANGNAM = { lat: 37.4979, lng: 127.0276 };
const JEJU_CITY = { lat: 33.4996, lng: 126.5312 };
const days = (first: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
type Trip = ScheduleGenerationMessage['trip'];
const trip = (lodging: { lat: number; lng: number }, dates: string[], over: Partial<Trip>): Trip => ({
  destination: { name: 'audit', ...lodging }, lodging, dates, dayStart: '09:00', dayEnd: '20:00', interests: ['palaces', 'museums'], mustVisit: [], travelMode: 'transit', pace: 'normal', ...over,
});
// Closing days by weekday, by date in the value (Chuseok, Seollal) and by `PH` (palaces open on a
// Monday or Tuesday holiday), over Chuseok 2026, the substitute holiday of 2026-10-05, Christmas and
// New Year, Seollal 2027 and its substitute day; walk, public transport and car; a far lodging.
const TRIPS: Trip[] = [
  trip(CITY_HALL, days('2026-09-23', 5), { mustVisit: ['seoul-amorepacific-museum-of-art', 'seoul-national-museum-of-korea', 'seoul-gugak-museum', 'seoul-dongdaemun-jonghap-market'] }),
  trip(CITY_HALL, days('2026-09-25', 2), { travelMode: 'walk', mustVisit: ['seoul-museum-kimchikan', 'seoul-deoksugung'] }),
  trip(GANGNAM, days('2026-10-03', 4), { travelMode: 'car', mustVisit: ['seoul-changdeokgung', 'seoul-jongmyo', 'seoul-gyeongbokgung', 'seoul-national-palace-museum'] }),
  trip(CITY_HALL, days('2026-12-24', 3), { dayStart: '10:00', dayEnd: '17:00', mustVisit: ['seoul-museum-kimchikan', 'seoul-national-museum-of-korea'] }),
  trip(CITY_HALL, days('2026-12-31', 2), { dayEnd: '19:00', pace: 'packed', mustVisit: ['seoul-amorepacific-museum-of-art', 'seoul-deoksugung'] }),
  trip(CITY_HALL, days('2027-02-06', 4), { pace: 'relaxed', mustVisit: ['seoul-gyeongbokgung', 'seoul-changdeokgung', 'seoul-national-palace-museum', 'seoul-amore-seongsu'] }),
  trip(GANGNAM, ['2027-02-08'], { mustVisit: ['seoul-gugak-museum'] }),
  trip(CITY_HALL, ['2027-02-09'], { travelMode: 'walk', dayStart: '08:00', dayEnd: '13:00', mustVisit: ['seoul-gyeongbokgung', 'seoul-jongmyo'] }),
  trip(JEJU_CITY, days('2027-02-06', 3), { travelMode: 'car', interests: ['museums', 'nature'], mustVisit: ['jeju-museum-of-art', 'jeju-stone-park'] }),
  // Last entries: the rear garden's tour (last admission 2 h before closing) on a day that starts too
  // late for it and on one that does not; the royal tombs (1 h) at the packed pace; palaces late in the day.
  trip(CITY_HALL, ['2026-04-08'], { dayStart: '16:00', dayEnd: '21:00', travelMode: 'car', mustVisit: ['seoul-changdeokgung-huwon', 'seoul-heonneung-illeung'] }),
  trip(CITY_HALL, ['2026-04-09'], { dayStart: '14:30', dayEnd: '21:00', pace: 'packed', travelMode: 'car', mustVisit: ['seoul-changdeokgung-huwon', 'seoul-heonneung-illeung', 'seoul-gyeongbokgung'] }),
  // Entry windows: both Hallasan trails in winter, their hikes running past the cut-off.
  trip(JEJU_CITY, days('2026-12-08', 2), { dayStart: '06:00', dayEnd: '20:00', travelMode: 'car', interests: ['nature'], mustVisit: ['jeju-hallasan-seongpanak-trail', 'jeju-hallasan-yeongsil-trail'] }),
];

const schedule = async (t: Trip) => {
  const now = Date.now();
  const message: ScheduleGenerationMessage = {
    scheduleId: '11111111-1111-4111-8111-111111111111', tripId: '22222222-2222-4222-8222-222222222222', userId: '33333333-3333-4333-8333-333333333333',
    requestedAt: new Date(now).toISOString(), notAfter: new Date(now + 60_000).toISOString(), trip: t,
  };
  return (await generateSchedule(message, { directory, interests: keywordInterestModel, budget: { timeLimitMs: 5_000, maxIterations: 300 } })).result;
};

describe('schedules across Korean public holidays, against the raw OSM opening hours', () => {
  it.each(TRIPS.map((t, i) => [`${i + 1}: ${t.dates[0]} +${t.dates.length} ${t.travelMode} ${t.mustVisit.join(',')}`, t] as const))('%s', async (_, t) => {
    const result = await schedule(t);
    const problems: string[] = [];
    const stops = result.days.flatMap((d) => d.stops.map((s) => ({ ...s, date: d.date })));
    expect(stops.length).toBeGreaterThan(0);
    for (const s of stops) {
      const p = PLACES.get(s.locationId)!;
      const open = openOn(p, s.date);
      // Started inside an opening, by its last entry (its rule's, else the data row's), and over by its close unless the hours are an entry window.
      const fits = ([a, b, lastStart]: [number, number, number]) => a <= minutes(s.start) && minutes(s.start) <= lastStart && (p.visitMayRunPastClose || minutes(s.end) <= b);
      if (!open.some(fits)) problems.push(`${s.date} ${p.id} ${s.start}-${s.end}: "${p.openingHoursOsm}" (last entry ${p.lastEntryMinutes ?? 0} min before closing) opens ${JSON.stringify(open)}`);
    }
    for (const r of result.reasons) {
      const p = PLACES.get(r.locationId)!;
      for (const [, date] of r.detail.matchAll(/closed on (\d{4}-\d\d-\d\d)/g)) if (openOn(p, date!).length) problems.push(`${p.id}: "closed on ${date}", but "${p.openingHoursOsm}" opens`);
      for (const s of r.suggestions) {
        const date = /^visit on (\d{4}-\d\d-\d\d)/.exec(s.detail)?.[1];
        if (!date) continue;
        // Open long enough for the visit inside the day's hours (the engine's leg and the pace aside).
        const room = openOn(p, date).some(([a, b]) => Math.min(b, minutes(t.dayEnd)) - Math.max(a, minutes(t.dayStart)) >= p.visitMinutes * 0.85);
        if (!room) problems.push(`${p.id}: "${s.detail}", but "${p.openingHoursOsm}" gives ${JSON.stringify(openOn(p, date))} that date`);
      }
    }
    // Every must-visit is placed or explained.
    const placed = new Set(stops.map((s) => s.locationId));
    for (const id of t.mustVisit) if (!placed.has(id) && !result.reasons.some((r) => r.locationId === id)) problems.push(`${id} neither placed nor explained`);
    expect(problems).toEqual([]);
  });

  it('a last entry the day starts after is a miss that says so; an entry-window hike is planned past its cut-off', async () => {
    const late = await schedule(TRIPS[9]!);
    expect(late.days[0]!.stops.map((s) => s.locationId)).not.toContain('seoul-changdeokgung-huwon');
    expect(late.reasons.find((r) => r.locationId === 'seoul-changdeokgung-huwon')).toMatchObject({ reason: 'too-far', detail: expect.stringContaining('for its opening hours (10:00-18:00 (last entry 16:00) on 2026-04-08)') });
    const hikes = await schedule(TRIPS[11]!);
    const stops = hikes.days.flatMap((d) => d.stops);
    expect(stops.map((s) => s.locationId)).toEqual(expect.arrayContaining(['jeju-hallasan-seongpanak-trail', 'jeju-hallasan-yeongsil-trail']));
    // Seongpanak starts by 09:00 (3 h before the shelter's 12:00 cut-off) and ends after 12:00.
    const seongpanak = stops.find((s) => s.locationId === 'jeju-hallasan-seongpanak-trail')!;
    expect(minutes(seongpanak.start)).toBeLessThanOrEqual(9 * 60);
    expect(minutes(seongpanak.end)).toBeGreaterThan(12 * 60);
  });
});
