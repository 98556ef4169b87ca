/**
 * The evaluation's trip requests: 48 of them, drawn with a fixed seed from the shipped place data
 * (Seoul and Jeju), 1 to 7 days, walk / transit / car, 0 to 5 must-visits, some over public
 * holidays (Chuseok 2026, Seollal 2027), some with must-visits that cannot fit (closed on every
 * day of the trip, or across the sea). The same list on every run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACES, TRAVEL_MODES, type ScheduleGenerationMessage } from '@tripgen/catalog';

interface PlaceRecordLike {
  readonly id: string;
  readonly category: string;
  readonly visitMinutes: number;
}

/** How long the reference run of each request plans (the score the fast one is compared with). */
export const REFERENCE_TIME_LIMIT_MS = 60_000;

const DATA = path.resolve(import.meta.dirname, '../../location-service/data/places');
const places = (region: 'seoul' | 'jeju'): PlaceRecordLike[] => JSON.parse(readFileSync(path.join(DATA, `${region}.json`), 'utf8')) as PlaceRecordLike[];

/** mulberry32: small, seeded, good enough to draw test cases. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const LODGINGS: Readonly<Record<'seoul' | 'jeju', readonly { name: string; lat: number; lng: number }[]>> = {
  seoul: [
    { name: 'City Hall', lat: 37.5663, lng: 126.9779 },
    { name: 'Myeongdong', lat: 37.5636, lng: 126.9827 },
    { name: 'Gangnam', lat: 37.4979, lng: 127.0276 },
    { name: 'Hongdae', lat: 37.5563, lng: 126.9236 },
  ],
  jeju: [
    { name: 'Jeju City', lat: 33.4996, lng: 126.5312 },
    { name: 'Seogwipo', lat: 33.2541, lng: 126.56 },
  ],
};

/** Start dates: ordinary weeks and public holidays. */
const STARTS = [
  { date: '2026-09-23', holiday: 'Chuseok 2026' },
  { date: '2026-09-25', holiday: 'Chuseok 2026' },
  { date: '2027-02-06', holiday: 'Seollal 2027' },
  { date: '2026-10-12', holiday: null },
  { date: '2026-11-16', holiday: null },
  { date: '2027-04-19', holiday: null },
  { date: '2027-05-03', holiday: 'Children\'s Day 2027' },
] as const;

const INTERESTS = ['palaces', 'museums', 'markets', 'parks', 'temples', 'views', 'street food', 'hiking', 'beaches', 'shopping', 'art galleries', 'history'];

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export interface EvalCase {
  readonly name: string;
  readonly region: 'seoul' | 'jeju';
  readonly holiday: string | null;
  /** Must-visits chosen to be impossible (another region, or closed on every date). */
  readonly impossible: readonly string[];
  readonly message: ScheduleGenerationMessage;
}

export const evalCases = (count = 48, seed = 20261201): EvalCase[] => {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const data = { seoul: places('seoul'), jeju: places('jeju') };
  const cases: EvalCase[] = [];
  for (let i = 0; i < count; i++) {
    const region = i % 3 === 2 ? 'jeju' : 'seoul';
    const days = 1 + (i % 7);
    const mode = TRAVEL_MODES[i % 3]!;
    const start = pick(STARTS);
    const dates = Array.from({ length: days }, (_, d) => addDays(start.date, d));
    const lodging = pick(LODGINGS[region]);
    const pool = data[region].filter((p) => p.category !== 'restaurant' && p.category !== 'cafe' && p.visitMinutes <= 180);
    const mustCount = i % 6; // 0..5
    const must = new Set<string>();
    while (must.size < mustCount) must.add(pick(pool).id);
    const impossible: string[] = [];
    // Every 6th case: a must-visit in the other region (across the sea); every 8th over Chuseok:
    // a place that closes for the whole holiday.
    if (i % 6 === 5) {
      const other = pick(data[region === 'seoul' ? 'jeju' : 'seoul']);
      must.add(other.id);
      impossible.push(other.id);
    }
    if (start.holiday === 'Chuseok 2026' && days <= 3 && region === 'seoul' && i % 2 === 0) {
      must.add('seoul-amorepacific-museum-of-art');
      // Closed 2026-09-24..26: impossible only when the trip has no other day.
      if (dates.every((d) => d >= '2026-09-24' && d <= '2026-09-26')) impossible.push('seoul-amorepacific-museum-of-art');
    }
    const interests = [...new Set([pick(INTERESTS), pick(INTERESTS)])].slice(0, 1 + (i % 2));
    const requestedAt = new Date(0).toISOString();
    cases.push({
      name: `${String(i + 1).padStart(2, '0')} ${region} ${days}d ${mode} must=${must.size}${start.holiday ? ` (${start.holiday})` : ''}`,
      region,
      holiday: start.holiday,
      impossible,
      message: {
        scheduleId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        tripId: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`,
        userId: '00000000-0000-4000-a000-000000000001',
        requestedAt,
        notAfter: requestedAt,
        trip: {
          destination: { name: lodging.name, lat: lodging.lat, lng: lodging.lng },
          lodging: { lat: lodging.lat, lng: lodging.lng },
          dates,
          dayStart: pick(['08:30', '09:00', '10:00']),
          dayEnd: pick(['18:00', '20:00', '21:00']),
          interests,
          mustVisit: [...must],
          travelMode: mode,
          pace: pick(PACES),
        },
      },
    });
  }
  return cases;
};
