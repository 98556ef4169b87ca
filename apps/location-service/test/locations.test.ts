/**
 * The public location routes against the real service (PostgreSQL/PostGIS, Redis): radius search
 * in distance order, text search on both names, filters, the place and its open intervals, the
 * shapes the contract and the catalog promise, and a 400 problem for every bad parameter.
 */
import { PLACE_TIME_ZONE, type Place } from '@tripgen/catalog';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, Place as PlaceSchema } from '../src/domain/schemas.ts';
import { startLocationService, type RunningLocationService } from './harness.ts';

let service: RunningLocationService;
const GYEONGBOKGUNG = { lat: 37.5796, lng: 126.977 };

beforeAll(async () => {
  service = await startLocationService();
});
afterAll(async () => service?.close());

const get = (url: string, token: string | null = service.token) =>
  service.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

type Item = Place & { distanceKm?: number };
const search = async (query: string): Promise<Item[]> => {
  const res = await get(`/api/v1/locations/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[] }>().items;
};

describe('a conditional request', () => {
  it('of a place that does not exist is its 404, not 412: RFC 9110 13.2.1 ignores preconditions where the answer without them is not a 2xx; of one that does, a false one is 412', async () => {
    const conditional = (url: string, condition: Record<string, string>) => service.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${service.token}`, ...condition } });
    for (const url of ['/api/v1/locations/no-such-place', '/api/v1/locations/no-such-place/open-intervals?from=2026-09-23&to=2026-09-24']) {
      // Before: 412.
      expect((await conditional(url, { 'if-match': '"x"' })).statusCode, url).toBe(404);
    }
    const known = (await search('q=Gyeongbokgung'))[0]!.id;
    expect((await conditional(`/api/v1/locations/${known}`, { 'if-match': '"x"' })).statusCode).toBe(412);
    expect((await conditional(`/api/v1/locations/${known}`, { 'if-match': '*' })).statusCode).toBe(200);
  });
});

describe('GET /api/v1/locations/search', () => {
  it('around Gyeongbokgung: the palaces and museums nearby, nearest first, with their distance', async () => {
    const items = await search(`lat=${GYEONGBOKGUNG.lat}&lng=${GYEONGBOKGUNG.lng}&radiusKm=2`);
    expect(items[0]).toMatchObject({ id: 'seoul-gyeongbokgung', distanceKm: 0 });
    const distances = items.map((i) => i.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 2)).toBe(true);
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['seoul-national-palace-museum', 'seoul-national-folk-museum', 'seoul-changdeokgung', 'seoul-deoksugung']));
    // 6 km away, and Jeju: outside the radius.
    expect(ids).not.toContain('seoul-national-museum-of-korea');
    expect(ids.some((id) => id.startsWith('jeju-'))).toBe(false);
    // National Palace Museum: 0.0031° south (345 m) and 0.0016° west (141 m) of the palace's point.
    expect(items.find((i) => i.id === 'seoul-national-palace-museum')!.distanceKm).toBeCloseTo(0.372, 2);
  });

  it('finds Gyeongbokgung by its Korean name and by a piece of its English one', async () => {
    expect((await search(`q=${encodeURIComponent('경복궁')}`))[0]!.id).toBe('seoul-gyeongbokgung');
    expect((await search('q=gyeongbok'))[0]!.id).toBe('seoul-gyeongbokgung');
    expect((await search('q=GYEONGBOKGUNG%20palace'))[0]!.id).toBe('seoul-gyeongbokgung');
  });

  it('1-2 characters: every place whose English or Korean name contains them, nearest first, else by name', async () => {
    // "N Seoul Tower" has the word "N" (word similarity 1): by relevance it came first; below three
    // characters there is no relevance, so the palace 0 m away (Gyeo-n-gbokgung) comes first.
    const near = await search(`q=n&lat=${GYEONGBOKGUNG.lat}&lng=${GYEONGBOKGUNG.lng}&radiusKm=100&limit=100`);
    expect(near[0]!.id).toBe('seoul-gyeongbokgung');
    expect(near.every((i) => `${i.name} ${i.nameKo}`.toLowerCase().includes('n'))).toBe(true);
    const distances = near.map((i) => i.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(near.map((i) => i.id)).toContain('seoul-n-seoul-tower');
    // One Korean syllable: the four places named ...궁, in English name order.
    const palaces = await search(`q=${encodeURIComponent('궁')}`);
    expect(palaces.map((i) => i.id)).toEqual(['seoul-changdeokgung', 'seoul-deoksugung', 'seoul-gyeongbokgung', 'seoul-national-palace-museum']);
    expect((await search(`q=${encodeURIComponent('시장')}&region=jeju`)).map((i) => i.id)).toEqual(['jeju-dongmun-market']);
  });

  it('orders by relevance, then distance', async () => {
    const markets = await search(`q=market&lat=${GYEONGBOKGUNG.lat}&lng=${GYEONGBOKGUNG.lng}&radiusKm=100`);
    expect(markets.map((m) => m.id)).toEqual(['seoul-gwangjang-market']);
    const anywhere = await search('q=market');
    expect(anywhere.map((m) => m.id).sort()).toEqual(['jeju-dongmun-market', 'seoul-gwangjang-market']);
    const palaces = await search(`q=palace&lat=${GYEONGBOKGUNG.lat}&lng=${GYEONGBOKGUNG.lng}&radiusKm=10`);
    // Every name with the word "Palace" is equally relevant: nearest first.
    expect(palaces.map((p) => p.id)).toEqual(['seoul-gyeongbokgung', 'seoul-national-palace-museum', 'seoul-changdeokgung', 'seoul-deoksugung']);
  });

  it('a category filter on Jeju returns only that category, only on Jeju', async () => {
    const items = await search(`lat=33.38&lng=126.55&radiusKm=60&category=nature&region=jeju&limit=100`);
    expect(items.map((i) => i.id).sort()).toEqual(['jeju-cheonjiyeon-falls', 'jeju-manjanggul', 'jeju-seongsan-ilchulbong']);
    expect(items.every((i) => i.category === 'nature' && i.region === 'jeju')).toBe(true);
  });

  it('limits the answer', async () => {
    expect(await search(`lat=${GYEONGBOKGUNG.lat}&lng=${GYEONGBOKGUNG.lng}&radiusKm=20&limit=2`)).toHaveLength(2);
  });

  it('answers places as the catalog types them (weekly hours derived from the OSM value, provenance)', async () => {
    const [palace] = await search(`q=${encodeURIComponent('경복궁')}`);
    expect(Value.Check(PlaceSchema, palace)).toBe(true);
    expect(palace).toMatchObject({
      name: 'Gyeongbokgung Palace',
      nameKo: '경복궁',
      category: 'palace',
      region: 'seoul',
      lat: 37.5796,
      lng: 126.977,
      openingHoursOsm: 'Mo,We-Su 09:00-18:00; Tu off',
      openingHours: { mon: [['09:00', '18:00']], tue: [], sun: [['09:00', '18:00']] },
      provenance: { licence: 'ODbL-1.0', retrievedOn: '2026-11-30' },
    });
  });

  const bad: [string, string][] = [
    ['no q and no centre', 'category=palace'],
    ['lat without lng', 'lat=37.5'],
    ['radius without a centre', 'q=palace&radiusKm=2'],
    ['negative radius', 'lat=37.5&lng=127&radiusKm=-1'],
    ['zero radius', 'lat=37.5&lng=127&radiusKm=0'],
    ['huge radius', 'lat=37.5&lng=127&radiusKm=20000'],
    ['latitude out of range', 'lat=91&lng=127'],
    ['longitude out of range', 'lat=37.5&lng=-181'],
    ['latitude not a number', 'lat=north&lng=127'],
    ['limit 0', 'q=palace&limit=0'],
    ['limit 10,000', 'q=palace&limit=10000'],
    ['limit not an integer', 'q=palace&limit=2.5'],
    ['unknown category', 'q=palace&category=casino'],
    ['unknown region', 'q=palace&region=busan'],
    ['q of 10,000 characters', `q=${'a'.repeat(10_000)}`],
    ['empty q', 'q='],
    ['blank q', 'q=%20%20'],
    ['q of a zero-width space and a Hangul filler', `q=${encodeURIComponent('\u200b\u3164')}`],
    ['NUL in q', 'q=a%00b'],
  ];
  it.each(bad)('%s: 400 problem+json', async (_what, query) => {
    const res = await get(`/api/v1/locations/search?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('refuses a number of the query written otherwise than JSON writes it (hex, a space, a sign +, a leading zero; an exponent or a fraction of an integer): 400 naming it, where it was read as another number', async () => {
    for (const [query, name] of [
      ['q=palace&limit=0x10', 'limit'],
      ['q=palace&limit=%201', 'limit'],
      ['q=palace&limit=1e1', 'limit'],
      ['q=palace&limit=1.0', 'limit'],
      ['q=palace&limit=%2B5', 'limit'],
      ['q=palace&limit=05', 'limit'],
      ['lat=0x25&lng=127', 'lat'],
      ['lat=037.5&lng=127', 'lat'],
      ['lat=37.5&lng=127%20', 'lng'],
      ['lat=37.5&lng=127&radiusKm=.5', 'radiusKm'],
      ['lat=37.5&lng=127&radiusKm=2.', 'radiusKm'],
    ] as const) {
      // Before: 200, the text read as 16, 1, 10, 1, 5, 5, 37, 37.5, 127, 0.5, 2.
      const res = await get(`/api/v1/locations/search?${query}`);
      expect([res.statusCode, res.json<{ errors?: { path: string }[] }>().errors?.[0]?.path], query).toEqual([400, `querystring/${name}`]);
    }
    // As JSON writes them, numbers are read as before (an exponent included where the number need not be whole).
    for (const query of ['q=palace&limit=5', 'lat=37.5796&lng=126.977&radiusKm=0.5', 'lat=3.75796E1&lng=126.977', 'lat=37&lng=127&radiusKm=2', 'lat=-0&lng=127']) {
      expect((await get(`/api/v1/locations/search?${query}`)).statusCode, query).toBe(200);
    }
  });

  it.each(["'; DROP TABLE places; --", "palace' OR '1'='1", '%', '_', '\\', 'palace%', ') OR 1=1 --'])('SQL-looking text %j is only text', async (q) => {
    const res = await get(`/api/v1/locations/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: Item[] }>().items.length).toBeLessThanOrEqual(LIMITS.searchLimit.default);
    expect((await get(`/api/v1/locations/seoul-gyeongbokgung`)).statusCode).toBe(200);
  });

  it('needs an access token (401 without one or with a bad one)', async () => {
    expect((await get('/api/v1/locations/search?q=palace', null)).statusCode).toBe(401);
    expect((await get('/api/v1/locations/search?q=palace', 'not.a.token')).statusCode).toBe(401);
  });

  it('asks for the token before it looks at the query: a refused token with a bad query or id is a 401, a good token with it a 400', async () => {
    for (const url of ['/api/v1/locations/search?lat=north&lng=1', '/api/v1/locations/search?q=palace&limit=0', `/api/v1/locations/${encodeURIComponent("x' OR 1=1 --")}`, '/api/v1/locations/seoul-gyeongbokgung/open-intervals?from=someday']) {
      for (const token of [null, 'not.a.token', `${service.token}x`]) {
        const res = await get(url, token);
        expect([res.statusCode, res.headers['content-type']], `${url} with ${token}`).toEqual([401, 'application/problem+json; charset=utf-8']);
        const { detail, errors } = res.json<{ detail: string; errors?: unknown }>();
        expect([detail, errors], url).toEqual([expect.not.stringMatching(/querystring|params/), undefined]);
      }
      expect((await get(url)).statusCode, url).toBe(400);
    }
  });
});

describe('GET /api/v1/locations/{id}', () => {
  it('answers the place; 404 for an unknown id; 400 for an id that cannot be one', async () => {
    const res = await get('/api/v1/locations/jeju-seongsan-ilchulbong');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'jeju-seongsan-ilchulbong', nameKo: '성산일출봉', region: 'jeju' });
    expect((await get('/api/v1/locations/seoul-nowhere')).statusCode).toBe(404);
    expect((await get(`/api/v1/locations/${encodeURIComponent("x' OR 1=1 --")}`)).statusCode).toBe(400);
    // Longer than any id: Fastify refuses the path itself (maxParamLength).
    expect((await get(`/api/v1/locations/${'a'.repeat(101)}`)).statusCode).toBe(414);
  });
});

describe('GET /api/v1/locations/{id}/open-intervals', () => {
  it("answers each date's real opening in Asia/Seoul: Chuseok 2026 and the palace's Tuesday closing", async () => {
    const res = await get('/api/v1/locations/seoul-gyeongbokgung/open-intervals?from=2026-09-24&to=2026-09-29');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: 'seoul-gyeongbokgung',
      timeZone: PLACE_TIME_ZONE,
      days: [
        { date: '2026-09-24', intervals: [['09:00', '18:00']], note: 'Day before Chuseok (추석 전날): usual hours' },
        { date: '2026-09-25', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' },
        { date: '2026-09-26', intervals: [['09:00', '18:00']], note: 'Day after Chuseok (추석 다음 날): usual hours' },
        { date: '2026-09-27', intervals: [['09:00', '18:00']] },
        { date: '2026-09-28', intervals: [['09:00', '18:00']] },
        { date: '2026-09-29', intervals: [], note: 'closed: weekly closing day (Tuesday)' },
      ],
    });
  });

  it('Seongsan Ilchulbong closes on the first Monday of the month (2027-03-01 is also a holiday)', async () => {
    const days = (await get('/api/v1/locations/jeju-seongsan-ilchulbong/open-intervals?from=2027-03-01&to=2027-03-08')).json<{ days: { date: string; intervals: unknown[]; note?: string }[] }>().days;
    expect(days[0]).toEqual({ date: '2027-03-01', intervals: [], note: 'closed on this date; also Independence Movement Day (3ㆍ1절)' });
    expect(days[7]).toEqual({ date: '2027-03-08', intervals: [['07:00', '20:00']] });
  });

  it.each([
    ['to before from', 'from=2026-09-10&to=2026-09-01'],
    ['more than 31 days', 'from=2026-09-01&to=2026-10-02'],
    ['not a calendar date', 'from=2026-02-30&to=2026-03-01'],
    ['missing to', 'from=2026-09-01'],
    ['a year out of range', 'from=1999-09-01&to=1999-09-02'],
  ])('%s: 400', async (_what, query) => {
    expect((await get(`/api/v1/locations/seoul-gyeongbokgung/open-intervals?${query}`)).statusCode).toBe(400);
  });

  it('404 for an unknown place', async () => {
    expect((await get('/api/v1/locations/seoul-nowhere/open-intervals?from=2026-09-01&to=2026-09-02')).statusCode).toBe(404);
  });
});

it('serves repeated searches from the cache', async () => {
  const before = { ...service.app.kit.cache.stats };
  await search('q=seongsan');
  await search('q=seongsan');
  const after = service.app.kit.cache.stats;
  expect(after.misses - before.misses).toBe(1);
  expect(after.l1Hits - before.l1Hits).toBe(1);
});
