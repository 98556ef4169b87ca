/**
 * The real location service for the AI service's tests: its own migrated database on the local
 * stack, the shipped place data loaded by the service's own loader command, and the service itself
 * on an ephemeral port (its internal routes, which the AI service calls, verify no token).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { QUEUE_NAMES } from '@tripgen/catalog';
import { PLACE_LOADER, REPO_ROOT, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { buildLocationService } from '@tripgen/location-service';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, redisUrl } from '@tripgen/testing';
import { locationDirectory, type PlaceDirectory } from '../../src/clients/location.ts';

export interface RunningLocationService {
  readonly directory: PlaceDirectory;
  readonly close: () => Promise<void>;
}

export const startLocationService = async (database: string): Promise<RunningLocationService> => {
  const [db, bus] = await Promise.all([createTestDatabase(database, serviceMigrationsDir('location')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', ...PLACE_LOADER], { cwd: REPO_ROOT, env: { PATH: process.env.PATH, DATABASE_URL: db.url } });
  const location = await buildLocationService({
    env: {
      SERVICE_NAME: 'location', NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
      JWKS_URL: 'http://127.0.0.1:1/jwks.json', MAX_EVENT_LOOP_DELAY_MS: '0',
    },
    logger: false,
  });
  const directory = locationDirectory(await location.listen({ port: 0, host: '127.0.0.1' }), 10_000);
  return {
    directory,
    close: async () => {
      await location.close();
      await bus.stop();
      await db.drop();
    },
  };
};
