/**
 * The service-to-service routes (internalPrefix('location')) the trip and AI services call without
 * a user token: batch lookup by ids and a trip's candidates in one round trip, each place with its
 * real opening on the given dates. Shapes exactly as docs/api.md "internal" writes them.
 */
import { internalPrefix, type DayOpening, type Place } from '@tripgen/catalog';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/domain/schemas.ts';
import { startLocationService, type RunningLocationService } from './harness.ts';

let service: RunningLocationService;
beforeAll(async () => {
  service = await startLocationService();
});
afterAll(async () => service?.close());

// Bodies are sent as JSON text, whatever they hold (the bad ones included).
const post = (path: string, body: unknown) =>
  service.app.inject({ method: 'POST', url: `${internalPrefix('location')}${path}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });

type BatchAnswer = { items: (Place & { opening?: DayOpening[] })[]; missing: string[] };
type CandidatesAnswer = { items: (Place & { distanceKm: number; opening: DayOpening[] })[]; missing: string[] };

describe('POST /internal/v1/location/places/batch', () => {
  it('answers the places in the order asked, the unknown ids as missing, without a user token', async () => {
    const res = await post('/places/batch', { ids: ['jeju-manjanggul', 'seoul-nowhere', 'seoul-gyeongbokgung', 'jeju-manjanggul'] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<BatchAnswer>();
    expect(body.items.map((p) => p.id)).toEqual(['jeju-manjanggul', 'seoul-gyeongbokgung']);
    expect(body.missing).toEqual(['seoul-nowhere']);
    expect(body.items[0]).not.toHaveProperty('opening');
    expect(body.items[1]).toMatchObject({ nameKo: '경복궁', openingHours: { tue: [] } });
  });

  it("with dates: each place's real opening on them (Chuseok 2027, Manjanggul's first-Wednesday closing)", async () => {
    const body = (await post('/places/batch', { ids: ['jeju-manjanggul'], dates: ['2027-09-15', '2027-10-06', '2027-10-07'] })).json<BatchAnswer>();
    expect(body.items[0]!.opening).toEqual([
      { date: '2027-09-15', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' },
      { date: '2027-10-06', intervals: [], note: 'closed on this date' },
      { date: '2027-10-07', intervals: [['09:00', '18:00']] },
    ]);
  });

  it.each([
    ['no ids', { ids: [] }],
    ['more than 300 ids', { ids: Array.from({ length: LIMITS.batchIds + 1 }, (_, i) => `p-${i}`) }],
    ['an id that cannot be one', { ids: ["x'; DROP TABLE places; --"] }],
    ['more than 31 dates', { ids: ['seoul-gyeongbokgung'], dates: Array.from({ length: 32 }, (_, i) => `2026-01-${String((i % 31) + 1).padStart(2, '0')}`) }],
    ['a date that is not one', { ids: ['seoul-gyeongbokgung'], dates: ['2026-13-01'] }],
    ['ids not a list', { ids: 'seoul-gyeongbokgung' }],
  ])('%s: 400', async (_what, body) => {
    const res = await post('/places/batch', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('POST /internal/v1/location/candidates', () => {
  const seoul = { center: { lat: 37.5796, lng: 126.977 }, radiusKm: 3, dates: ['2026-09-25', '2026-09-29'], limit: 50 };

  it('answers the places within the radius, nearest first, with distance and opening on the dates', async () => {
    const res = await post('/candidates', seoul);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<CandidatesAnswer>();
    expect(body.missing).toEqual([]);
    expect(body.items[0]).toMatchObject({ id: 'seoul-gyeongbokgung', distanceKm: 0 });
    const distances = body.items.map((c) => c.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 3)).toBe(true);
    expect(body.items[0]!.opening).toEqual([
      { date: '2026-09-25', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' },
      { date: '2026-09-29', intervals: [], note: 'closed: weekly closing day (Tuesday)' },
    ]);
  });

  it('always returns the must-visits (include), wherever they are, and names the unknown ones', async () => {
    const body = (await post('/candidates', { ...seoul, categories: ['palace'], include: ['seoul-national-museum-of-korea', 'jeju-hyeopjae-beach', 'seoul-nowhere'] })).json<CandidatesAnswer>();
    const ids = body.items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['seoul-gyeongbokgung', 'seoul-changdeokgung', 'seoul-deoksugung', 'seoul-national-museum-of-korea', 'jeju-hyeopjae-beach']));
    expect(body.items.filter((c) => !['seoul-national-museum-of-korea', 'jeju-hyeopjae-beach'].includes(c.id)).every((c) => c.category === 'palace')).toBe(true);
    expect(body.items.at(-1)).toMatchObject({ id: 'jeju-hyeopjae-beach' });
    expect(body.items.at(-1)!.distanceKm).toBeGreaterThan(400);
    expect(body.missing).toEqual(['seoul-nowhere']);
  });

  it('limit bounds the candidates besides the must-visits', async () => {
    const body = (await post('/candidates', { ...seoul, limit: 2, include: ['jeju-dongmun-market'] })).json<CandidatesAnswer>();
    expect(body.items.map((c) => c.id)).toHaveLength(3);
    expect(body.items.map((c) => c.id)).toContain('jeju-dongmun-market');
  });

  it('takes a category it does not know (a newer AI service maps interests onto it during a rollout) as one no place has, instead of refusing the request', async () => {
    const known = (await post('/candidates', { ...seoul, categories: ['palace'] })).json<CandidatesAnswer>();
    const res = await post('/candidates', { ...seoul, categories: ['palace', 'hot-spring'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CandidatesAnswer>().items.map((c) => c.id)).toEqual(known.items.map((c) => c.id));
    expect(known.items.length).toBeGreaterThan(0);
    const none = await post('/candidates', { ...seoul, categories: ['hot-spring'] });
    expect(none.json<CandidatesAnswer>().items).toEqual([]);
  });

  it('filters by region', async () => {
    const body = (await post('/candidates', { ...seoul, radiusKm: 100, region: 'jeju' })).json<CandidatesAnswer>();
    expect(body.items).toEqual([]);
  });

  it.each([
    ['limit 0', { ...seoul, limit: 0 }],
    ['limit 10,000', { ...seoul, limit: 10_000 }],
    ['no limit', { ...seoul, limit: undefined }],
    ['negative radius', { ...seoul, radiusKm: -1 }],
    ['huge radius', { ...seoul, radiusKm: 20_000 }],
    ['latitude out of range', { ...seoul, center: { lat: 95, lng: 127 } }],
    ['a category that is not a name', { ...seoul, categories: [''] }],
    ['no dates', { ...seoul, dates: undefined }],
    ['radius as text', { ...seoul, radiusKm: '3' }],
  ])('%s: 400', async (_what, body) => {
    expect((await post('/candidates', body)).statusCode).toBe(400);
  });
});

it('is outside the per-user rate limit (the mesh admits only the call graph here)', async () => {
  const statuses = new Set<number>();
  for (let i = 0; i < 110; i++) statuses.add((await post('/places/batch', { ids: ['seoul-gyeongbokgung'] })).statusCode);
  expect([...statuses]).toEqual([200]);
});

describe('the last entry of each interval, on the shipped Jeju places in PostgreSQL', () => {
  let jeju: RunningLocationService;
  beforeAll(async () => {
    jeju = await startLocationService({ files: [path.join(import.meta.dirname, '..', 'data', 'places', 'jeju.json')] });
  });
  afterAll(async () => jeju?.close());

  it("gives each date's intervals their season's last entry (Jeolmul: tickets until 18:00, 17:00 in November-February), else the row's", async () => {
    const res = await jeju.app.inject({ method: 'POST', url: `${internalPrefix('location')}/places/batch`, payload: { ids: ['jeju-jeolmul-forest', 'jeju-ecoland'], dates: ['2026-07-01', '2026-12-23'] } });
    expect(res.statusCode, res.body).toBe(200);
    const [jeolmul, ecoland] = res.json<BatchAnswer>().items;
    expect(jeolmul!.lastEntryMinutes).toBe(120);
    expect(jeolmul!.opening).toEqual([
      { date: '2026-07-01', intervals: [['07:00', '20:00']], lastEntryMinutes: [120], note: 'last entry 18:00' },
      { date: '2026-12-23', intervals: [['07:00', '18:00']], lastEntryMinutes: [60], note: 'last entry 17:00' },
    ]);
    expect(ecoland!.opening?.map((o) => o.lastEntryMinutes)).toEqual([[60], [60]]);
  });
});
