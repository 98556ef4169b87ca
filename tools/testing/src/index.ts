/**
 * Helpers for tests that run against the real local stack (scripts/stack-up.sh): a uniquely named
 * database per test file, migrated with the service's committed migrations, dropped afterwards; a
 * Redis database per test process; a database that is "down"; bounded waiting. Test code only: no
 * script and no service imports it.
 */
import { adminUrl, createScratchDatabase, type ScratchDatabase } from '@tripgen/dev-tools/local-stack';
import { createMigratedDatabase } from './migrated-template.ts';

export { adminUrl } from '@tripgen/dev-tools/local-stack';
export { redisUrl } from './redis.ts';
export { quietLogger, waitFor } from './wait.ts';
export { capturedLogger, type LoggedLine } from './captured-logger.ts';
export { openRawConnection, type RawConnection, type RawResponse } from './raw-http.ts';
export { onceTrigger, queryRows } from './sql.ts';
export { migrationDrift, NO_DRIFT } from './schema-drift.ts';
export { startTcpRelay, type TcpRelay } from './tcp-relay.ts';
export { startRedisServer, type OwnRedisServer, type RedisServerOptions } from './redis-server.ts';
export { startMonitor } from './redis-monitor.ts';
export { holdCatalogPorts } from './catalog-ports.ts';
export { databaseOutageChecks, expectRetryable503, OUTAGE_CLIENT_TIMEOUT_MS } from './database-outage.ts';

export type TestDatabase = ScratchDatabase;

/** A fresh database named `<prefix>_<random>`, with the migrations of `migrationsDir` applied (a copy of their template: migrated-template.ts). */
export const createTestDatabase = (prefix: string, migrationsDir?: string): Promise<TestDatabase> =>
  migrationsDir === undefined ? createScratchDatabase(prefix) : createMigratedDatabase(prefix, migrationsDir);

/**
 * The port of every "down" address: 2 is privileged and nothing of the suite listens there, so a
 * connection is refused (1 is on fetch's list of bad ports: refused without a connection, "bad port").
 * A port found free instead (freePort) could be bound meanwhile by another test file's process,
 * which would then answer.
 */
export const UNREACHABLE_PORT = 2;

/** An HTTP base URL where nothing answers: a service that is "down". */
export const unreachableHttpUrl = (): string => `http://127.0.0.1:${UNREACHABLE_PORT}`;

/** A PostgreSQL URL on a port nothing listens on: a database that is "down". */
export const unreachableDatabaseUrl = (): string => {
  const u = new URL(adminUrl());
  u.port = String(UNREACHABLE_PORT);
  u.pathname = '/user_db';
  return u.toString();
};
export { routeAuthenticationDrift, routeHooks, type RouteHooks } from './route-auth.ts';
export { testPrismaClient } from './prisma.ts';
