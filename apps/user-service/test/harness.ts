/** Boots the user service for tests against the real local stack, with its own database. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from '@tripgen/service-kit';
import type { FastifyServerOptions } from 'fastify';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, redisUrl, type TestDatabase } from '@tripgen/testing';
import { QUEUE_NAMES } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { buildUserService } from '../src/app.ts';

export const MIGRATIONS_DIR = serviceMigrationsDir('user');

export interface RunningUserService {
  readonly app: App;
  readonly url: string;
  readonly db: TestDatabase;
  /** The Service Bus emulator this instance consumes from (its own unless one was passed). */
  readonly bus: ServiceBusEmulator;
  close(): Promise<void>;
}

// One signing key per test file: replicas of a service share theirs, as pods share the secret.
export const KEY_FILE = path.join(mkdtempSync(path.join(os.tmpdir(), 'tripgen-key-')), 'signing-key.pem');
/** That key's PEM (written by the first service started): what keys a replica's login throttle. */
export const signingSecret = (): string => readFileSync(KEY_FILE, 'utf8');

export const testEnv = (databaseUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  SERVICE_NAME: 'user',
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl(),
  JWT_SIGNING_KEY_FILE: KEY_FILE,
  // Load shedding (503 past 1 s of event-loop delay) is deliberate; on a CI machine whose two cores
  // run every suite at once it would fire for reasons unrelated to what these tests prove.
  MAX_EVENT_LOOP_DELAY_MS: '0',
  ...extra,
});

export const startUserService = async (
  opts: { db?: TestDatabase; bus?: ServiceBusEmulator; env?: NodeJS.ProcessEnv; port?: number; logger?: FastifyServerOptions['logger']; revocationRepublishEveryMs?: number } = {},
): Promise<RunningUserService> => {
  const db = opts.db ?? (await createTestDatabase('user_test', MIGRATIONS_DIR));
  const bus = opts.bus ?? (await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES }));
  const app = await buildUserService({ env: testEnv(db.url, { SERVICEBUS_CONNECTION_STRING: bus.connectionString, ...opts.env }), logger: opts.logger ?? false, revocationRepublishEveryMs: opts.revocationRepublishEveryMs });
  const url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  return {
    app,
    url,
    db,
    bus,
    close: async () => {
      await app.close();
      if (!opts.bus) await bus.stop();
      if (!opts.db) await db.drop();
    },
  };
};
