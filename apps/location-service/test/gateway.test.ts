/**
 * The "Done when", through the dev gateway (the ingress's routes from the catalog) on
 * ephemeral ports, with the real user service issuing the token and the location service holding
 * the shipped data set (the fixture of real places until it is there): a radius search around
 * Gyeongbokgung returns palaces and museums nearby in distance order; `경복궁` and `gyeongbok` both
 * find it; a category filter on Jeju returns only that category, only on Jeju.
 */
import { existsSync } from 'node:fs';
import { JWKS_PATH, QUEUE_NAMES, type Place } from '@tripgen/catalog';
import type { App } from '@tripgen/service-kit';
import { createDevGateway } from '@tripgen/dev-tools/gateway';
import { createTestDatabase, redisUrl, type TestDatabase } from '@tripgen/testing';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { buildUserService } from '@tripgen/user-service';
import type { FastifyInstance } from 'fastify';
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildLocationService } from '../src/app.ts';
import { dataFiles } from '../src/data/load.ts';
import { DATA_SET } from './data-set.ts';
import { FIXTURE, createPlacesDatabase, testEnv } from './harness.ts';

const cleanups: (() => Promise<unknown>)[] = [];
let base: string;
let token: string;

beforeAll(async () => {
  const bus: ServiceBusEmulator = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
  cleanups.push(() => bus.stop());
  const userDb: TestDatabase = await createTestDatabase('gateway_user', serviceMigrationsDir('user'));
  cleanups.push(() => userDb.drop());
  const files = existsSync(DATA_SET.placesDir) ? await dataFiles(DATA_SET.placesDir) : [FIXTURE];
  const locationDb = await createPlacesDatabase(files);
  cleanups.push(() => locationDb.drop());

  const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
  const user: App = await buildUserService({
    env: { SERVICE_NAME: 'user', NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: userDb.url, REDIS_URL: redisUrl(), JWT_SIGNING_KEY: await exportPKCS8(privateKey), SERVICEBUS_CONNECTION_STRING: bus.connectionString, MAX_EVENT_LOOP_DELAY_MS: '0' },
    logger: false,
  });
  const userUrl = await user.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => user.close());
  const location = await buildLocationService({ env: testEnv(locationDb.url, { JWKS_URL: `${userUrl}${JWKS_PATH}`, SERVICEBUS_CONNECTION_STRING: bus.connectionString }), logger: false });
  const locationUrl = await location.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => location.close());

  const gateway: FastifyInstance = await createDevGateway({ upstreams: { user: userUrl, location: locationUrl } });
  base = await gateway.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => gateway.close());

  const credentials = { email: 'traveller@example.com', password: 'seoul-and-jeju', name: 'Traveller' };
  const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await post('/api/v1/auth/register', credentials)).status).toBe(201);
  token = ((await (await post('/api/v1/auth/login', { email: credentials.email, password: credentials.password })).json()) as { accessToken: string }).accessToken;
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

type Item = Place & { distanceKm?: number };
const search = async (query: string): Promise<Item[]> => {
  const res = await fetch(`${base}/api/v1/locations/search?${query}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
};

it('a radius search around Gyeongbokgung returns the palace first, then palaces and museums nearby, in distance order', async () => {
  const items = await search('lat=37.5796&lng=126.9770&radiusKm=2&limit=50');
  expect(items[0]).toMatchObject({ nameKo: '경복궁', category: 'palace' });
  expect(items[0]!.distanceKm).toBeLessThan(0.3);
  const distances = items.map((i) => i.distanceKm!);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
  expect(distances.every((d) => d <= 2)).toBe(true);
  expect(items.filter((i) => i.category === 'palace').length).toBeGreaterThanOrEqual(2);
  expect(items.filter((i) => i.category === 'museum').length).toBeGreaterThanOrEqual(1);
  expect(items.every((i) => i.region === 'seoul')).toBe(true);
});

it('a Korean text search (경복궁) and an English one (gyeongbok) both find Gyeongbokgung', async () => {
  expect((await search(`q=${encodeURIComponent('경복궁')}`))[0]).toMatchObject({ nameKo: '경복궁' });
  expect((await search('q=gyeongbok'))[0]).toMatchObject({ nameKo: '경복궁' });
});

it('a category filter on Jeju returns only that category, only on Jeju', async () => {
  const items = await search('lat=33.38&lng=126.55&radiusKm=60&region=jeju&category=nature&limit=100');
  expect(items.length).toBeGreaterThanOrEqual(3);
  expect(items.every((i) => i.category === 'nature' && i.region === 'jeju')).toBe(true);
  const beaches = await search('lat=33.38&lng=126.55&radiusKm=60&category=beach&limit=100');
  expect(beaches.length).toBeGreaterThanOrEqual(1);
  expect(beaches.every((i) => i.category === 'beach' && i.region === 'jeju')).toBe(true);
});

it('the gateway never routes the internal prefix, and refuses a search without a token', async () => {
  expect((await fetch(`${base}/internal/v1/location/places/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ids":["x"]}' })).status).toBe(404);
  expect((await fetch(`${base}/api/v1/locations/search?q=palace`)).status).toBe(401);
});
