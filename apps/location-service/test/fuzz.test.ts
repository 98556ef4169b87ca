/**
 * Malformed input never makes the location service fail: 1,200 generated requests (bad query
 * strings, wrong types, huge bodies, SQL-looking text, bad tokens, unknown routes and methods,
 * odd content types) against the real service (PostgreSQL/PostGIS, Redis) must all be answered
 * below 500, the service must stay alive and ready, and no row of location_db may change (every
 * route only reads). Each request comes from its own client address, and the per-user rate limit
 * is lifted: the valid token's requests, bad bodies included, all spend one traveller's budget, and
 * the limit (itself a 4xx, tested elsewhere) would hide them behind 429s.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import pg from 'pg';
import { HEALTH_PATHS, METRICS_PATH, OPENAPI_PATH, PLACE_CATEGORIES, internalPrefix } from '@tripgen/catalog';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocationService, type RunningLocationService } from './harness.ts';

let service: RunningLocationService;
let foreignToken: string;
beforeAll(async () => {
  service = await startLocationService({ env: { RATE_LIMIT_MAX: '100000' } });
  // Signed by a key the service does not know.
  const other = await import('./harness.ts').then((h) => h.startTokenIssuer());
  foreignToken = await other.sign();
  await other.close();
});
afterAll(async () => service?.close());

const INTERNAL = internalPrefix('location');
const IDS = ['seoul-gyeongbokgung', 'jeju-manjanggul', 'seoul-nowhere'];
const ROUTES = [
  '/api/v1/locations/search',
  '/api/v1/locations/seoul-gyeongbokgung',
  '/api/v1/locations/seoul-gyeongbokgung/open-intervals',
  `${INTERNAL}/places/batch`,
  `${INTERNAL}/candidates`,
  HEALTH_PATHS.readiness,
  METRICS_PATH,
  OPENAPI_PATH,
];

const sqlish = fc.constantFrom("'; DROP TABLE places; --", "' OR '1'='1", '%', '_%_', '\\', ') OR 1=1 --', '\u0000', '경복궁', 'gyeongbok', '$1', '::text', '<%');
const number = fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom('NaN', 'Infinity', '-0', '1e309', '', 'abc', '37.5', '126.97'));
const queryValue = fc.oneof(fc.string({ maxLength: 30 }), sqlish, number.map(String), fc.constantFrom(...PLACE_CATEGORIES, 'casino', 'seoul', 'jeju', 'busan'), fc.integer({ min: 9_000, max: 11_000 }).map((n) => 'q'.repeat(n)));
const wellFormedSearch = fc.oneof(
  fc.constantFrom('q=palace', `q=${encodeURIComponent('경복궁')}`, 'q=market&region=jeju', 'from=2026-09-24&to=2026-09-30', 'from=2027-09-14&to=2027-09-16'),
  fc.record({ lat: fc.double({ min: 33, max: 38, noNaN: true }), lng: fc.double({ min: 126, max: 128, noNaN: true }), radiusKm: fc.integer({ min: 1, max: 100 }) }).map((p) => `lat=${p.lat}&lng=${p.lng}&radiusKm=${p.radiusKm}`),
);
const searchQuery = fc
  .dictionary(fc.constantFrom('q', 'lat', 'lng', 'radiusKm', 'category', 'region', 'limit', 'from', 'to', 'x'), queryValue, { maxKeys: 6 })
  .map((d) => new URLSearchParams(d).toString());
const date = fc.oneof(fc.date({ min: new Date('1990-01-01'), max: new Date('2110-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 12 }), fc.constantFrom('2026-02-30', '2026-09-25', '2027-09-15'));

const bodies = fc.oneof(
  fc.record({ ids: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...IDS), fc.string({ maxLength: 40 }), sqlish), { maxLength: 320 }), fc.anything()), dates: fc.oneof(fc.array(date, { maxLength: 35 }), fc.anything()) }, { requiredKeys: [] }),
  fc.record(
    {
      center: fc.oneof(fc.record({ lat: fc.oneof(fc.double(), fc.anything()), lng: fc.oneof(fc.double(), fc.anything()) }), fc.anything()),
      radiusKm: fc.oneof(fc.double(), fc.anything()),
      categories: fc.oneof(fc.array(fc.constantFrom(...PLACE_CATEGORIES, 'casino'), { maxLength: 20 }), fc.anything()),
      region: fc.oneof(fc.constantFrom('seoul', 'jeju', 'busan'), fc.anything()),
      include: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...IDS), sqlish), { maxLength: 10 }), fc.anything()),
      dates: fc.oneof(fc.array(date, { maxLength: 35 }), fc.anything()),
      limit: fc.oneof(fc.integer({ min: -10, max: 20_000 }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
  // Well-formed ones, so the happy paths run too.
  fc.record({ ids: fc.array(fc.constantFrom(...IDS), { minLength: 1, maxLength: 5 }), dates: fc.array(fc.constantFrom('2026-09-25', '2026-09-29', '2028-01-04'), { maxLength: 3 }) }),
  fc.record({ ids: fc.array(fc.constantFrom(...IDS), { minLength: 1, maxLength: 5 }) }),
  fc.record({ center: fc.record({ lat: fc.double({ min: 33, max: 38, noNaN: true }), lng: fc.double({ min: 126, max: 128, noNaN: true }) }), radiusKm: fc.double({ min: 0.1, max: 100, noNaN: true }), dates: fc.constantFrom([], ['2026-09-25'], ['2027-09-14', '2027-09-15']), limit: fc.integer({ min: 1, max: 500 }) }),
).map((v) => JSON.stringify(v));

const body = fc.oneof(
  { weight: 4, arbitrary: bodies },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '[1,2', '{"ids":', 'null', '""', '\u0000', '{"__proto__":{"ids":["x"]}}') },
  { weight: 1, arbitrary: fc.integer({ min: 300_000, max: 1_500_000 }).map((n) => `{"ids":["${'x'.repeat(n)}"]}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const path = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('/api/v1/locations/search', '/api/v1/locations/seoul-gyeongbokgung/open-intervals'), searchQuery).map(([r, q]) => `${r}?${q}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('/api/v1/locations/search', '/api/v1/locations/seoul-gyeongbokgung/open-intervals'), wellFormedSearch).map(([r, q]) => `${r}?${q}`) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...IDS), fc.string({ maxLength: 30 }), sqlish), fc.constantFrom('', '/open-intervals')).map(([id, rest]) => `/api/v1/locations/${encodeURIComponent(id)}${rest}`) },
  { weight: 2, arbitrary: fc.constantFrom(...ROUTES) },
  { weight: 1, arbitrary: fc.webPath().map((p) => p || '/') },
);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';
const target: fc.Arbitrary<{ method: Method; url: string }> = fc.oneof(
  { weight: 3, arbitrary: path.map((url) => ({ method: 'GET' as Method, url })) },
  { weight: 3, arbitrary: fc.constantFrom(`${INTERNAL}/places/batch`, `${INTERNAL}/candidates`).map((url) => ({ method: 'POST' as Method, url })) },
  { weight: 1, arbitrary: fc.record({ method: fc.constantFrom<Method>('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), url: path }) },
);

const request = fc.record({
  target,
  body,
  contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', undefined),
  authorization: fc.constantFrom('valid', 'valid', 'foreign', 'none', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz'),
  ip: fc.ipV4(),
});

/** Everything a request could have changed, read from PostgreSQL itself. */
const stored = async (): Promise<string> => {
  const client = new pg.Client({ connectionString: service.db.url });
  await client.connect();
  try {
    const places = await client.query(`SELECT md5(string_agg(p::text, '|' ORDER BY id)) AS h, count(*) AS n FROM places p`);
    const outbox = await client.query('SELECT count(*) AS n FROM outbox_messages');
    return JSON.stringify({ places: places.rows[0], outbox: outbox.rows[0] });
  } finally {
    await client.end();
  }
};

it('answers 1,200 malformed requests without a single 5xx, stays alive and ready, and changes no row', async () => {
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const before = await stored();
  await fc.assert(
    fc.asyncProperty(request, async ({ target: { method, url }, ...r }) => {
      const headers: Record<string, string> = { 'x-forwarded-for': r.ip };
      if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
      const auth = r.authorization === 'valid' ? `Bearer ${service.token}` : r.authorization === 'foreign' ? `Bearer ${foreignToken}` : r.authorization === 'none' ? undefined : r.authorization;
      if (auth) headers.authorization = auth;
      const res = await service.app.inject({ method, url, headers, payload: method === 'GET' || method === 'HEAD' ? undefined : r.body });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${method} ${url.slice(0, 200)} ${r.contentType} ${String(r.body).slice(0, 120)} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.statusCode < 500;
    }),
    { numRuns: 1_200, seed: 20261201, endOnFailure: true },
  );
  console.log('fuzz status histogram', Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b)));
  expect(failures).toEqual([]);
  // The routes were reached, not only refused at the door.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
  for (const probe of [HEALTH_PATHS.liveness, HEALTH_PATHS.readiness]) expect((await fetch(`${service.url}${probe}`)).status, probe).toBe(200);
  expect(await stored()).toBe(before);
});

/** Sends raw bytes to the listening service and returns the status of its answer, or 'closed'. */
const rawExchange = (raw: string): Promise<number | 'closed'> =>
  new Promise((resolve, reject) => {
    const { port, hostname } = new URL(service.url);
    const socket = connect(Number(port), hostname);
    let answer = '';
    const done = () => {
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1];
      resolve(status ? Number(status) : 'closed');
    };
    socket.setTimeout(10_000, done);
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (/\r\n\r\n/.test(answer)) done();
    });
    socket.on('end', done);
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? done() : reject(err)));
    socket.write(Buffer.from(raw, 'latin1'));
    socket.end();
  });

it('answers malformed HTTP on the wire below 500 and stays ready', async () => {
  const batch = `POST ${INTERNAL}/places/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n`;
  const cases: Record<string, string> = {
    'garbage request line': 'GARBAGE\r\n\r\n',
    'query string over 16 KiB': `GET /api/v1/locations/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    'two content-lengths': `${batch}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    'content-length with chunked (smuggling)': `${batch}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    'body over the limit': `${batch}Content-Length: 400000\r\n\r\n`,
    'body shorter than announced': `${batch}Content-Length: 100\r\n\r\n{"ids":`,
    'NUL in the path': 'GET /api/v1/locations/\u0000x HTTP/1.1\r\nHost: x\r\n\r\n',
  };
  const answers: Record<string, number | 'closed'> = {};
  for (const [what, raw] of Object.entries(cases)) answers[what] = await rawExchange(raw);
  for (const [what, status] of Object.entries(answers)) if (status !== 'closed') expect(status, what).toBeLessThan(500);
  expect(answers['body over the limit']).toBe(413);
  for (const probe of [HEALTH_PATHS.liveness, HEALTH_PATHS.readiness]) expect((await fetch(`${service.url}${probe}`)).status, probe).toBe(200);
  console.log('raw HTTP answers', answers);
});
