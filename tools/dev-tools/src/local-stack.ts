/**
 * The local stack (scripts/stack-up.sh): PostgreSQL 15 with PostGIS and Redis on this machine, for
 * `npm run dev`, the benchmarks and the tests. Its settings arrive as the variables
 * scripts/stack-env.sh exports; databases made here have unique names and are dropped by their maker.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SERVICES, type ServiceName } from '@tripgen/catalog';
import { deployMigrations } from '@tripgen/service-kit/migrations';
import { REPO_ROOT } from './layout.ts';

const STACK_VARS = ['STACK_DIR', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'DATABASE_URL_ADMIN', 'REDIS_PORT', 'REDIS_URL'];

/** Starts (or reuses) PostgreSQL and Redis with scripts/stack-up.sh and adopts its settings. */
export const ensureStack = (): void => {
  const out = spawnSync('bash', ['-c', 'source scripts/stack-env.sh && bash scripts/stack-up.sh >&2 && env'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (out.status !== 0) throw new Error('scripts/stack-up.sh failed');
  for (const line of out.stdout.split('\n')) {
    const i = line.indexOf('=');
    const name = line.slice(0, i);
    if (STACK_VARS.includes(name)) process.env[name] = line.slice(i + 1);
  }
};

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

/** The URL of a database on the local stack's server (default: the service's catalog database). */
export const databaseUrl = (s: ServiceName, database: string = SERVICES[s].database): string => {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
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

export interface ScratchDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database named `<prefix>_<random>`, with the migrations of `migrationsDir` applied; or,
 * given `template`, a copy of that database (CREATE DATABASE ... TEMPLATE: its schema and rows, no
 * migration run; nothing may be connected to the template meanwhile).
 */
export const createScratchDatabase = async (prefix: string, migrationsDir?: string, template?: string): Promise<ScratchDatabase> => {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await admin(template === undefined ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (migrationsDir) {
    try {
      await deployMigrations(url, migrationsDir);
    } catch (err) {
      // Its maker never gets it to drop: a failing migration left one database a try on the server.
      await drop().catch(() => undefined);
      throw err;
    }
  }
  return { url, name, drop };
};
