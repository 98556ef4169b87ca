/**
 * Prisma's migration lock on the kit's migration path (the wasm schema engine through the pg
 * adapter) against the local PostgreSQL. The engine takes it with a session-level
 * `pg_advisory_lock(72707369)` and never unlocks it, relying on its connection closing
 * (https://pris.ly/d/migrate-advisory-locking; the engine's error text names the statement and its
 * 10 s timeout): once deployMigrations returns, no session of the database may hold it,
 * or the next migration of that database from another process (a test's `migrate` command run
 * with spawnSync, the next rollout's Job) waits 10 s and fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tripgen/testing';
import { deployMigrations } from './schema-engine.ts';

/** Prisma Migrate's advisory lock key (the engine's `SELECT pg_advisory_lock(72707369)`). */
const PRISMA_MIGRATION_LOCK = 72707369;
const KIT_DIR = path.resolve(import.meta.dirname, '../..');

let dir: string;
let db: TestDatabase;
const migrationsOf = async (name: string, migrations: Record<string, string>): Promise<string> => {
  const folder = path.join(dir, name);
  for (const [migration, sql] of Object.entries(migrations)) {
    await mkdir(path.join(folder, migration), { recursive: true });
    await writeFile(path.join(folder, migration, 'migration.sql'), sql);
  }
  await writeFile(path.join(folder, 'migration_lock.toml'), 'provider = "postgresql"\n');
  return folder;
};

/** Sessions of `url`'s database holding the migration lock, seen from a connection of its own. */
const lockHolders = async (url: string): Promise<number> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objid = $1
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [PRISMA_MIGRATION_LOCK],
    );
    return rows[0]?.n ?? -1;
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kit-migration-lock-'));
  db = await createTestDatabase('kit_migration_lock_test');
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("the migration lock of the kit's migrate", () => {
  it('is released when deployMigrations returns, so another process migrates the same database at once', { timeout: 60_000 }, async () => {
    const folder = await migrationsOf('ok', { '20260101000000_things': 'CREATE TABLE "things" ("id" INTEGER PRIMARY KEY);\n' });
    expect(await deployMigrations(db.url, folder)).toEqual(['20260101000000_things']);
    expect(await lockHolders(db.url)).toBe(0);

    // This process's event loop stays blocked while the other migrates, as a test's spawnSync of
    // the `migrate` command blocks it: nothing of ours may still be due to run to free the lock.
    const child = path.join(dir, 'migrate-again.mjs');
    await writeFile(
      child,
      `import { deployMigrations } from ${JSON.stringify(pathToFileURL(path.join(KIT_DIR, 'src/data/schema-engine.ts')).href)};\n` +
        `console.log(JSON.stringify(await deployMigrations(process.env.DATABASE_URL, process.env.MIGRATIONS_DIR)));\n` +
        // As the kit's main does after a command: the engine leaves a 10 s timer of its lock wait behind.
        `process.exit(0);\n`,
    );
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], {
      cwd: KIT_DIR,
      env: { PATH: process.env.PATH, DATABASE_URL: db.url, MIGRATIONS_DIR: folder },
      encoding: 'utf8',
    });
    const elapsed = Date.now() - started;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('[]');
    // Informative: before, the child waited out the engine's 10 s lock timeout and failed.
    console.info(`second migrate from another process: ${elapsed} ms`);
  });
});
