/**
 * The real location service for the end-to-end tests: its own migrated database on the local stack,
 * the shipped place data loaded by the service's own loader command (as the clusters run it), and
 * the service itself, verifying tokens against the given JWKS.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { buildLocationService } from '@tripgen/location-service';
import { PLACE_LOADER, REPO_ROOT, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, redisUrl, type TestDatabase } from '@tripgen/testing';
import type { ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { part, type Part } from './harness.ts';

const run = promisify(execFile);

/** A location database holding the shipped data set (apps/location-service/data/places). */
export const createPlacesDatabase = async (): Promise<TestDatabase> => {
  const db = await createTestDatabase('location_test', serviceMigrationsDir('location'));
  await run(process.execPath, ['--import', 'tsx', ...PLACE_LOADER], { cwd: REPO_ROOT, env: { PATH: process.env.PATH, DATABASE_URL: db.url } });
  return db;
};

export const startLocation = async (bus: ServiceBusEmulator, jwksUrl: string, db?: TestDatabase): Promise<Part> => {
  const database = db ?? (await createPlacesDatabase());
  const env = {
    SERVICE_NAME: 'location',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl(),
    SERVICEBUS_CONNECTION_STRING: bus.connectionString,
    JWKS_URL: jwksUrl,
    MAX_EVENT_LOOP_DELAY_MS: '0',
  };
  const p = await part('location', database, () => buildLocationService({ env, logger: false }));
  // Its first answers load the opening-hours evaluation (seconds on a cold process on a loaded
  // machine): asked once here, so that the tests meet a running replica, as the services do.
  await fetch(`${p.url}/internal/v1/location/places/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: ['seoul-gyeongbokgung'], dates: ['2026-09-24'] }) });
  return p;
};
