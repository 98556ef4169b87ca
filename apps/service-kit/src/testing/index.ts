/**
 * Helpers for tests that run against the real local stack (scripts/stack-up.sh): a uniquely named
 * database per test file, migrated with the service's committed migrations, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openMigrationEngine } from '../data/schema-engine.ts';

export const adminUrl = (): string => {
  const url = process.env.DATABASE_URL_ADMIN;
  if (!url) throw new Error('DATABASE_URL_ADMIN is not set: run `source scripts/stack-env.sh && bash scripts/stack-up.sh` first');
  return url;
};

export const redisUrl = (): string => {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: run `source scripts/stack-env.sh && bash scripts/stack-up.sh` first');
  return url;
};

const admin = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A fresh database named `<prefix>_<random>`, with the migrations of `migrationsDir` applied. */
export const createTestDatabase = async (prefix: string, migrationsDir?: string): Promise<TestDatabase> => {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  if (migrationsDir) {
    const engine = await openMigrationEngine(url);
    try {
      await engine.deploy(migrationsDir);
    } finally {
      await engine.dispose();
    }
  }
  return { url, name, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
};

/** A PostgreSQL URL on a port nothing listens on: a database that is "down". */
export const unreachableDatabaseUrl = (): string => {
  const u = new URL(adminUrl());
  u.port = '1';
  u.pathname = '/user_db';
  return u.toString();
};

export { REPO_ROOT, freePort, peakRss, serviceEntry, serviceMigrationsDir, startNodeProcess, type NodeProcess, type StartOptions } from './service-process.ts';
export { quietLogger, waitFor } from './wait.ts';
