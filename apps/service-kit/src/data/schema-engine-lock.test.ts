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
import { deployMigrations, type LockRetry } from './schema-engine.ts';

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

  /** Another migrate (a second Job, a developer's prisma migrate deploy) holding the lock on the database. */
  const otherMigrate = async () => {
    const holder = new pg.Client({ connectionString: db.url, application_name: 'other-migrate' });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATION_LOCK]);
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    let released = false;
    const release = async (events: string[], event: string): Promise<void> => {
      if (released) return;
      released = true;
      events.push(event);
      await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATION_LOCK]);
    };
    return { pid: rows[0]!.pid, release, end: () => holder.end() };
  };
  /** Never reached when the code works: lets the lock go so a failing test ends too. */
  const GUARD_MS = 25_000;

  it('held by another session: each attempt gives up after the engine\'s wait naming the holder, and the migration is applied once it is let go', { timeout: 60_000 }, async () => {
    const folder = await migrationsOf('held', { '20260101000000_held': 'CREATE TABLE "held" ("id" INTEGER PRIMARY KEY);\n' });
    const other = await otherMigrate();
    const events: string[] = [];
    const retries: LockRetry[] = [];
    const guard = setTimeout(() => void other.release(events, 'let go by the guard'), GUARD_MS);
    try {
      const applied = await deployMigrations(db.url, folder, undefined, {
        locks: { attempts: 2, firstRetryDelayMs: 10 },
        onLockRetry: (retry) => {
          retries.push(retry);
          void other.release(events, 'let go after the first attempt');
        },
      });
      expect(applied).toEqual(['20260101000000_held']);
    } finally {
      clearTimeout(guard);
      await other.end();
    }
    // Before: ['let go by the guard'], the first attempt waiting until then, then failing with the engine's error.
    expect(events).toEqual(['let go after the first attempt']);
    expect(retries[0]).toMatchObject({
      attempt: 1,
      wait: { reason: 'advisory lock', statement: `SELECT pg_advisory_lock(${PRISMA_MIGRATION_LOCK})`, holders: [{ pid: other.pid, application: 'other-migrate' }] },
    });
  });

  it('held through every attempt, the cancel\'s own connection refused: migrate still fails for the lock while it is held, not for the cancel', { timeout: 60_000 }, async () => {
    const folder = await migrationsOf('cancel-refused', { '20260101000000_refused': 'CREATE TABLE "refused" ("id" INTEGER PRIMARY KEY);\n' });
    const other = await otherMigrate();
    const events: string[] = [];
    const guard = setTimeout(() => void other.release(events, 'let go by the guard'), GUARD_MS);
    // Every connection opened once the engine waits for the lock is refused (an expired token: 28P01).
    let refuse = false;
    const password = async (): Promise<string> => (refuse ? 'not-the-password' : decodeURIComponent(new URL(db.url).password));
    const watcher = new pg.Client({ connectionString: db.url });
    await watcher.connect();
    let failure: unknown;
    try {
      const migrating = deployMigrations(db.url, folder, password, { locks: { attempts: 1 } }).catch((e: unknown) => e);
      for (;;) {
        const { rows } = await watcher.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT pg_advisory_lock%' AND pid <> $1", [other.pid]);
        if (rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      refuse = true;
      failure = await migrating;
      events.push('migrate failed');
    } finally {
      clearTimeout(guard);
      await watcher.end();
      await other.end();
    }
    // Before: 'password authentication failed' from dispose's cancel, the engine's pool left open.
    expect(failure).toMatchObject({ name: 'MigrationLockTimeout', attempts: 1 });
    expect(events).toEqual(['migrate failed']);
  });

  it('held through every attempt: migrate fails naming the holder while it still holds it', { timeout: 60_000 }, async () => {
    const folder = await migrationsOf('still-held', { '20260101000000_still': 'CREATE TABLE "still" ("id" INTEGER PRIMARY KEY);\n' });
    const other = await otherMigrate();
    const events: string[] = [];
    const guard = setTimeout(() => void other.release(events, 'let go by the guard'), GUARD_MS);
    let failure: unknown;
    try {
      failure = await deployMigrations(db.url, folder, undefined, { locks: { attempts: 1 } }).catch((e: unknown) => e);
      events.push('migrate failed');
    } finally {
      clearTimeout(guard);
      await other.end();
    }
    expect(events).toEqual(['migrate failed']);
    expect(failure).toMatchObject({ name: 'MigrationLockTimeout', attempts: 1 });
    expect((failure as Error).message).toMatch(new RegExp(`Prisma's migration lock .* 1 times .*held by pid ${other.pid} \\(user \\w+, application "other-migrate"`));
  });
});
