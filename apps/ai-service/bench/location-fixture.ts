import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { QUEUE_NAMES } from '@tripgen/catalog';
import { PLACE_LOADER, REPO_ROOT, serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createScratchDatabase, redisUrl } from '@tripgen/dev-tools/local-stack';
import { buildLocationService } from '@tripgen/location-service';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';

/**
 * The real location service on its own scratch database, loaded by its own loader command, listening
 * on a local port: where the AI service's benches take their candidates from. Its cleanups are pushed
 * onto `cleanups` (the service's own last, so a bench may stop it early with the last one).
 */
export async function startLoadedLocationService(database: string, cleanups: (() => Promise<unknown>)[]): Promise<{ readonly url: string; readonly databaseUrl: string }> {
  const bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
  cleanups.push(() => bus.stop());
  const db = await createScratchDatabase(database, serviceMigrationsDir('location'));
  cleanups.push(() => db.drop());
  await promisify(execFile)(process.execPath, ['--import', 'tsx', ...PLACE_LOADER], { cwd: REPO_ROOT, env: { PATH: process.env.PATH, DATABASE_URL: db.url } });
  const location = await buildLocationService({
    env: {
      SERVICE_NAME: 'location', NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
      // No token is verified on the internal routes the benches use.
      JWKS_URL: 'http://127.0.0.1:1/jwks.json', MAX_EVENT_LOOP_DELAY_MS: '0', SHUTDOWN_DELAY_MS: '0',
      // Production asks for one; nothing here is counted per address across services.
      ADDRESS_HASH_KEY: randomBytes(32).toString('base64'),
    },
    logger: false,
  });
  const url = await location.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => location.close());
  return { url, databaseUrl: db.url };
}
