/**
 * New data is served without a restart and without telling any replica: cache keys carry the
 * data's generation (database, row count, last change), re-read every few seconds.
 */
import { testPrismaClient, waitFor } from '@tripgen/testing';
import { readFile } from 'node:fs/promises';
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
  // Idle for well over the refresh interval (200 ms here, GENERATION_REFRESH_MS in production).
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await nameOf()).toBe('Jogye Temple');
});
