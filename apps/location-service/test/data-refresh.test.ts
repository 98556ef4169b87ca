/**
 * New data is served without a restart and without telling any replica: cache keys carry the
 * data's generation (database, row count, last change), re-read every few seconds.
 */
import { queryRows, testPrismaClient, waitFor } from '@tripgen/testing';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertPlaces } from '../src/data/load.ts';
import type { PlaceRecord } from '../src/domain/schemas.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { FIXTURE, startLocationService, type RunningLocationService } from './harness.ts';

let service: RunningLocationService;
beforeAll(async () => {
  service = await startLocationService({ places: { generationRefreshMs: 200 } });
});
afterAll(async () => service?.close());

/**
 * Returns once the service's timer has read the data generation since now and set it, without a
 * request (a request is what the case checks). Before, the case slept 1 s for five periods of 200 ms,
 * and a loaded machine can hold the timer and its read longer. The places table locked by the test
 * until a read of the generation waits on the lock: it takes its snapshot once it has the lock, after
 * whatever committed before; let go, it ends before the lock is granted again. Twice: the second read
 * waiting is one the timer started after the first had set its generation (places.ts starts none
 * while one is under way), as no request starts one meanwhile.
 */
const generationReadSinceNow = async (): Promise<void> => {
  for (let read = 1; read <= 2; read++) {
    const locker = new pg.Client({ connectionString: service.db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE places IN ACCESS EXCLUSIVE MODE');
      await waitFor(
        async () =>
          (await queryRows(service.db.url, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%current_database() AS db%'")).length > 0,
        `read ${read} of the data generation waiting on the locked table`,
        30_000,
        20,
      );
      await locker.query('COMMIT');
    } finally {
      await locker.end();
    }
  }
};

const nameOf = async (): Promise<string> =>
  (await service.app.inject({ method: 'GET', url: '/api/v1/locations/seoul-jogyesa', headers: { authorization: `Bearer ${service.token}` } })).json<{ name: string }>().name;

it('answers a corrected row once it is loaded, though the old answer was cached', async () => {
  expect(await nameOf()).toBe('Jogyesa Temple');
  expect(await nameOf()).toBe('Jogyesa Temple');
  const rows = JSON.parse(await readFile(FIXTURE, 'utf8')) as PlaceRecord[];
  const prisma = testPrismaClient(PrismaClient, service.db.url, 1);
  try {
    await upsertPlaces(prisma, rows.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, name: 'Jogyesa' } : p)));
  } finally {
    await prisma.$disconnect();
  }
  await waitFor(async () => (await nameOf()) === 'Jogyesa', 'the corrected name', 10_000, 100);
});

it('answers a row loaded while the replica was idle at its very next request (no request meanwhile to refresh the generation)', async () => {
  expect(await nameOf()).toBe('Jogyesa');
  const rows = JSON.parse(await readFile(FIXTURE, 'utf8')) as PlaceRecord[];
  const prisma = testPrismaClient(PrismaClient, service.db.url, 1);
  try {
    await upsertPlaces(prisma, rows.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, name: 'Jogye Temple' } : p)));
  } finally {
    await prisma.$disconnect();
  }
  // Idle until the timer has read the generation since the load (every 200 ms here, GENERATION_REFRESH_MS in production).
  await generationReadSinceNow();
  expect(await nameOf()).toBe('Jogye Temple');
});

it('stops serving a removed place once a load removes it, also when the same load adds another (the row count unchanged)', async () => {
  const get = (url: string) => service.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${service.token}` } });
  const search = async () => (await get('/api/v1/locations/search?lat=33.5&lng=126.75&radiusKm=30')).json<{ items: { id: string }[] }>().items.map((p) => p.id);
  const batch = async () =>
    (await service.app.inject({ method: 'POST', url: '/internal/v1/location/places/batch', payload: { ids: ['jeju-manjanggul', 'jeju-gimnyeong-beach'], dates: ['2027-03-03'] } })).json<{
      items: { id: string }[];
      missing: string[];
    }>();
  // Answered, and cached, before the load.
  for (let i = 0; i < 2; i++) {
    expect((await get('/api/v1/locations/jeju-manjanggul')).statusCode).toBe(200);
    expect(await search()).toContain('jeju-manjanggul');
    expect((await batch()).missing).toEqual(['jeju-gimnyeong-beach']);
  }
  const rows = JSON.parse(await readFile(FIXTURE, 'utf8')) as PlaceRecord[];
  const manjanggul = rows.find((p) => p.id === 'jeju-manjanggul')!;
  const added: PlaceRecord = { ...manjanggul, id: 'jeju-gimnyeong-beach', name: 'Gimnyeong Beach', nameKo: '김녕해수욕장', category: 'beach', lat: 33.557, lng: 126.759, openingHoursOsm: '24/7' };
  const prisma = testPrismaClient(PrismaClient, service.db.url, 1);
  try {
    const count = async () => (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM places`)[0]!.n;
    const before = await count();
    expect(await upsertPlaces(prisma, [...rows.filter((p) => p.id !== 'jeju-manjanggul'), added], ['jeju-manjanggul'])).toMatchObject({ inserted: 1, removed: 1 });
    expect(await count()).toBe(before);
  } finally {
    await prisma.$disconnect();
  }
  await waitFor(async () => (await get('/api/v1/locations/jeju-manjanggul')).statusCode === 404, 'the removed place gone', 10_000, 100);
  expect(await search()).not.toContain('jeju-manjanggul');
  expect(await search()).toContain('jeju-gimnyeong-beach');
  expect(await batch()).toMatchObject({ items: [{ id: 'jeju-gimnyeong-beach' }], missing: ['jeju-manjanggul'] });
});
