/**
 * Boots the location service for tests against the real local stack (PostgreSQL/PostGIS, Redis,
 * the Service Bus emulator), with its own migrated database holding the given place files, and an
 * access-token issuer: a JWKS endpoint on an ephemeral port and a key that signs tokens as the
 * user service does (the verification path is the service's real one: remote JWKS over HTTP).
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { App } from '@tripgen/service-kit';
import { createTestDatabase, redisUrl, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { JWT_AUDIENCE, JWT_ISSUER, QUEUE_NAMES } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { buildLocationService } from '../src/app.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { readPlaceFiles, upsertPlaces } from '../src/data/load.ts';
import type { PlaceRepositoryOptions } from '../src/domain/places.ts';

export const MIGRATIONS_DIR = serviceMigrationsDir('location');
/** A few real places of Seoul and Jeju, until the shipped data set is there. */
export const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'places.json');

export interface TokenIssuer {
  readonly jwksUrl: string;
  sign(userId?: string): Promise<string>;
  close(): Promise<void>;
}

export const startTokenIssuer = async (): Promise<TokenIssuer> => {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'EdDSA', use: 'sig' };
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sign: (userId = '00000000-0000-4000-8000-000000000001') =>
      new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'test' }).setSubject(userId).setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setIssuedAt().setExpirationTime('1h').sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};

export const testEnv = (databaseUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  SERVICE_NAME: 'location',
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl(),
  // Load shedding is deliberate; on a CI machine running every suite at once it would fire for
  // reasons unrelated to what these tests prove.
  MAX_EVENT_LOOP_DELAY_MS: '0',
  ...extra,
});

/** A migrated throwaway location database holding the places of `files`. */
export const createPlacesDatabase = async (files: readonly string[] = [FIXTURE]): Promise<TestDatabase> => {
  const db = await createTestDatabase('location_test', MIGRATIONS_DIR);
  const prisma = testPrismaClient(PrismaClient, db.url, 2);
  try {
    await upsertPlaces(prisma, await readPlaceFiles(files));
  } finally {
    await prisma.$disconnect();
  }
  return db;
};

export interface RunningLocationService {
  readonly app: App;
  readonly url: string;
  readonly db: TestDatabase;
  readonly bus: ServiceBusEmulator;
  readonly issuer: TokenIssuer;
  /** A valid access token of a test user. */
  readonly token: string;
  close(): Promise<void>;
}

export const startLocationService = async (
  opts: { db?: TestDatabase; files?: readonly string[]; bus?: ServiceBusEmulator; env?: NodeJS.ProcessEnv; places?: PlaceRepositoryOptions } = {},
): Promise<RunningLocationService> => {
  const db = opts.db ?? (await createPlacesDatabase(opts.files));
  const bus = opts.bus ?? (await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES }));
  const issuer = await startTokenIssuer();
  const env = testEnv(db.url, { JWKS_URL: issuer.jwksUrl, SERVICEBUS_CONNECTION_STRING: bus.connectionString, ...opts.env });
  const app = await buildLocationService({ env, logger: false, places: opts.places });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    db,
    bus,
    issuer,
    token: await issuer.sign(),
    close: async () => {
      await app.close();
      await issuer.close();
      if (!opts.bus) await bus.stop();
      if (!opts.db) await db.drop();
    },
  };
};
