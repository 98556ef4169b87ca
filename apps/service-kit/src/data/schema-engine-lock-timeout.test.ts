/**
 * A migration that meets a long transaction on the real migration path (the wasm schema engine
 * through the pg adapter) against the local PostgreSQL. Its ALTER TABLE asks for ACCESS EXCLUSIVE;
 * while another session's transaction holds a row lock on the table the ALTER waits, and every later
 * plain SELECT of the table queues behind the ALTER (PostgreSQL's lock queue: "lock_timeout",
 * https://www.postgresql.org/docs/15/runtime-config-client.html, and "Explicit Locking"; the
 * squawk rule require-timeout-settings). With the kit's lock_timeout the ALTER gives up, its file is
 * rolled back whole, the SELECT is answered while the long transaction is still open, and the
 * migration is applied once it ends. Nothing here asserts on durations: on what PostgreSQL shows
 * (pg_locks, pg_blocking_pids) and on the order things complete in. The lock timeouts are shortened
 * (the catalog's are seconds) only to keep the file quick.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@tripgen/testing';
import { runsConcurrently, timeoutOverrides } from './migration-locks.ts';
import { deployMigrations, parseScript, type LockRetry } from './schema-engine.ts';

const FIRST = '20260101000000_things';
const SECOND = '20260102000000_notes';
// The new table first: a file left half-applied would keep it.
const SECOND_SQL = 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nALTER TABLE "things" ADD COLUMN "note" TEXT;\n';
/** Never reached when the code works: it ends the long transaction so a failing test ends too. */
const GUARD_MS = 20_000;

let dir: string;
let db: TestDatabase;
const open: pg.Client[] = [];
const client = async (application: string): Promise<pg.Client> => {
  const c = new pg.Client({ connectionString: db.url, application_name: application });
  await c.connect();
  open.push(c);
  return c;
};
const migration = async (name: string, sql: string): Promise<void> => {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
};

/** The backend waiting for ACCESS EXCLUSIVE on things (the migration's ALTER), once there is one. */
const waitingAlter = async (watcher: pg.Client): Promise<number> => {
  for (;;) {
    const { rows } = await watcher.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'relation' AND relation = 'things'::regclass AND mode = 'AccessExclusiveLock' AND NOT granted`,
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Until `pid` waits for a lock held or asked for by `blocker` (pg_blocking_pids); resolves to its wait event type. */
const queuedBehind = async (watcher: pg.Client, pid: number, blocker: number): Promise<string> => {
  for (;;) {
    const { rows } = await watcher.query<{ blocked: boolean; wait: string | null }>(
      'SELECT $2 = ANY(pg_blocking_pids($1)) AS blocked, (SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1) AS wait',
      [pid, blocker],
    );
    if (rows[0]?.blocked) return rows[0].wait ?? '';
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * Starts the migration behind a long transaction (lock waits short, retried without end) and, once
 * its statement waits, reads the table: 'read answered' comes before the holder ends only when the
 * migration gave up its place in the lock queue. The guard ends the holder if the test would hang.
 */
const readBehindBlockedMigration = async (events: string[], retries: LockRetry[]) => {
  const watcher = await client('watcher');
  const long = await longTransaction();
  const guard = setTimeout(() => void long.end(events, 'long transaction ended by the guard'), GUARD_MS);
  try {
    const migrating = deployMigrations(db.url, dir, undefined, {
      locks: { lockTimeoutMs: 300, attempts: 1_000, firstRetryDelayMs: 20, maxRetryDelayMs: 50 },
      onLockRetry: (retry) => retries.push(retry),
    }).then((applied) => (events.push('migrated'), applied));
    await waitingAlter(watcher);
    const reader = await client('reader');
    await reader.query('SELECT count(*) FROM "things"');
    events.push('read answered');
    return { watcher, long, migrating, guard };
  } catch (err) {
    clearTimeout(guard);
    throw err;
  }
};

const columns = async (watcher: pg.Client) =>
  (await watcher.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('things', 'notes') ORDER BY 1, 2",
  )).rows.map((r) => `${r.table_name}.${r.column_name}`);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kit-migration-lock-timeout-'));
  db = await createTestDatabase('kit_migration_lock_timeout_test');
  await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  await migration(FIRST, 'CREATE TABLE "things" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "things" ("id") VALUES (1), (2);\n');
  expect(await deployMigrations(db.url, dir)).toEqual([FIRST]);
  await migration(SECOND, SECOND_SQL);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.end().catch(() => undefined)));
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

/** A report's transaction holding a row lock on things, as a long-running job's would. */
const longTransaction = async () => {
  const holder = await client('long-report');
  await holder.query('BEGIN');
  await holder.query('SELECT * FROM "things" WHERE "id" = 1 FOR UPDATE');
  const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  let ended = false;
  /** Commits it unless done already; notes `event` before the COMMIT's answer (the waiters may be answered first). */
  const end = async (events: string[] = [], event = 'long transaction ended'): Promise<boolean> => {
    if (ended) return false;
    ended = true;
    events.push(event);
    await holder.query('COMMIT');
    return true;
  };
  return { pid: rows[0]!.pid, end };
};

describe('a migration that meets a long transaction on its table', () => {
  it('without lock_timeout: a plain SELECT of the table queues behind the waiting ALTER until the long transaction ends', { timeout: 60_000 }, async () => {
    const events: string[] = [];
    const watcher = await client('watcher');
    const long = await longTransaction();
    const migrating = deployMigrations(db.url, dir, undefined, { locks: { lockTimeoutMs: 0 } }).then((applied) => (events.push('migrated'), applied));
    const alterPid = await waitingAlter(watcher);
    const reader = await client('reader');
    const { rows } = await reader.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const read = reader.query('SELECT count(*) FROM "things"').then(() => events.push('read answered'));

    // The reader waits for a lock, blocked by the migration's ALTER (not by the long transaction itself).
    expect(await queuedBehind(watcher, rows[0]!.pid, alterPid)).toBe('Lock');
    expect(events).toEqual([]);
    await long.end(events);
    expect(await migrating).toEqual([SECOND]);
    await read;
    expect(events[0]).toBe('long transaction ended');
    expect([...events].sort()).toEqual(['long transaction ended', 'migrated', 'read answered']);
  });

  it('gives up within lock_timeout, so the SELECT is answered while the long transaction is open; applied once it ends', { timeout: 60_000 }, async () => {
    const events: string[] = [];
    const retries: LockRetry[] = [];
    const { watcher, long, migrating, guard } = await readBehindBlockedMigration(events, retries);
    try {
      // The long transaction still holds its lock: the ALTER cannot have gone through.
      expect(await columns(watcher)).not.toContain('things.note');
      await long.end(events, 'long transaction ended');
      expect(await migrating).toEqual([SECOND]);
    } finally {
      clearTimeout(guard);
    }
    // Before: ['long transaction ended by the guard', 'read answered', 'migrated'] (the read waited for it).
    expect(events).toEqual(['read answered', 'long transaction ended', 'migrated']);
    expect(await columns(watcher)).toEqual(['notes.id', 'things.id', 'things.note']);
    expect(retries.length).toBeGreaterThan(0);
    // (Who held the lock is asked after the rollback, when this test may have ended it already: the next test checks it.)
    expect(retries[0]).toMatchObject({ migration: SECOND, attempt: 1, wait: { statement: 'ALTER TABLE "things" ADD COLUMN "note" TEXT', relations: ['"things"'] } });
  });

  it('after its attempts fails naming the blocking session, leaves nothing of the file applied, and the next run applies it', { timeout: 60_000 }, async () => {
    const watcher = await client('watcher');
    const long = await longTransaction();
    const guard = setTimeout(() => void long.end(), GUARD_MS);
    let failure: unknown;
    try {
      failure = await deployMigrations(db.url, dir, undefined, { locks: { lockTimeoutMs: 200, attempts: 2, firstRetryDelayMs: 10 } }).catch((e: unknown) => e);
      // Its file's first statement (CREATE TABLE "notes") was rolled back with the ALTER.
      expect(await columns(watcher)).toEqual(['things.id']);
      expect(await long.end()).toBe(true);
    } finally {
      clearTimeout(guard);
    }
    expect(failure).toMatchObject({ name: 'MigrationLockTimeout', migration: SECOND, attempts: 2 });
    expect((failure as Error).message).toMatch(
      new RegExp(`migration ${SECOND} waited 200 ms \\(lock_timeout\\) for a lock 2 times.*held by pid ${long.pid} \\(user \\w+, application "long-report", idle in transaction, .*RowShareLock on things`),
    );
    const { rows } = await watcher.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations ORDER BY started_at',
    );
    expect(rows).toEqual([
      { migration_name: FIRST, finished: true, rolled_back: false },
      { migration_name: SECOND, finished: false, rolled_back: true },
      { migration_name: SECOND, finished: false, rolled_back: true },
    ]);
    expect(await deployMigrations(db.url, dir)).toEqual([SECOND]);
    expect(await columns(watcher)).toEqual(['notes.id', 'things.id', 'things.note']);
  });

  it('leaves nothing of a file applied when a later statement of it fails', { timeout: 60_000 }, async () => {
    await writeFile(path.join(dir, SECOND, 'migration.sql'), 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nALTER TABLE "missing" ADD COLUMN "note" TEXT;\n');
    await expect(deployMigrations(db.url, dir)).rejects.toThrow(/missing/);
    // Before: ['notes.id', 'things.id'], the file half-applied and recorded as failed.
    expect(await columns(await client('watcher'))).toEqual(['things.id']);
  });

  const migrationRows = async (watcher: pg.Client) =>
    (await watcher.query<{ migration_name: string; finished: boolean; rolled_back: boolean }>(
      'SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations ORDER BY started_at',
    )).rows;

  it.each([
    ['a unique violation', '23505', /duplicate key value violates unique constraint "things_pkey"/, 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "things" ("id") VALUES (1);\n', {}],
    ['a statement_timeout', '57014', /canceling statement due to statement timeout/, 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nSELECT pg_sleep(30);\n', { statementTimeoutMs: 200 }],
  ])('marks a file that fails for itself (%s) rolled back: the error thrown, nothing applied, and the fixed file applied at the next run', { timeout: 60_000 }, async (_, state, message, sql, locks) => {
    await writeFile(path.join(dir, SECOND, 'migration.sql'), sql);
    const failure = await deployMigrations(db.url, dir, undefined, { locks }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'MigrationRolledBack', migration: SECOND, sqlState: state });
    expect((failure as Error).message).toMatch(message);
    const watcher = await client('watcher');
    expect(await columns(watcher)).toEqual(['things.id']);
    expect(await migrationRows(watcher)).toEqual([
      { migration_name: FIRST, finished: true, rolled_back: false },
      { migration_name: SECOND, finished: false, rolled_back: true },
    ]);
    await writeFile(path.join(dir, SECOND, 'migration.sql'), SECOND_SQL);
    // Before: P3009, "migrate found failed migrations in the target database", until resolved by hand.
    expect(await deployMigrations(db.url, dir)).toEqual([SECOND]);
    expect(await columns(watcher)).toEqual(['notes.id', 'things.id', 'things.note']);
  });

  it('tries a file ended by a deadlock again, like one given up for a lock', { timeout: 60_000 }, async () => {
    await writeFile(path.join(dir, SECOND, 'migration.sql'), 'UPDATE "things" SET "id" = "id" WHERE "id" = 1;\nUPDATE "things" SET "id" = "id" WHERE "id" = 2;\n');
    const retries: LockRetry[] = [];
    const watcher = await client('watcher');
    const other = await client('other-writer');
    // Only the migration's session looks for the deadlock, so PostgreSQL ends the migration's transaction.
    await other.query("SET deadlock_timeout = '1h'");
    await other.query('BEGIN');
    await other.query('UPDATE "things" SET "id" = "id" WHERE "id" = 2');
    const { rows } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const migrating = deployMigrations(db.url, dir, undefined, { locks: { firstRetryDelayMs: 10 }, onLockRetry: (retry) => retries.push(retry) });
    const migrationPid = await (async () => {
      for (;;) {
        const r = await watcher.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [rows[0]!.pid]);
        if (r.rows[0]) return r.rows[0].pid;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    expect(migrationPid).not.toBe(rows[0]!.pid);
    // Row 1 is the migration's: the other writer now waits for it, and the migration for row 2.
    await other.query('UPDATE "things" SET "id" = "id" WHERE "id" = 1');
    await other.query('COMMIT');
    // Before: rejected with "deadlock detected", the migration recorded failed (P3009 for every later run).
    expect(await migrating).toEqual([SECOND]);
    expect(retries[0]).toMatchObject({ migration: SECOND, attempt: 1, wait: { reason: 'deadlock', statement: 'UPDATE "things" SET "id" = "id" WHERE "id" = 2' } });
    expect(await migrationRows(watcher)).toEqual([
      { migration_name: FIRST, finished: true, rolled_back: false },
      { migration_name: SECOND, finished: false, rolled_back: true },
      { migration_name: SECOND, finished: true, rolled_back: false },
    ]);
  });

  it('tries a file ended by a serialization failure (40001) again, like one given up for a lock', { timeout: 60_000 }, async () => {
    // A REPEATABLE READ file whose row another session updates and commits after the file's snapshot:
    // PostgreSQL ends its UPDATE with 40001 "could not serialize access due to concurrent update"
    // ("Transaction Isolation", https://www.postgresql.org/docs/15/transaction-iso.html), to be
    // retried whole ("Serialization Failure Handling", mvcc-serialization-failure-handling.html).
    await writeFile(path.join(dir, SECOND, 'migration.sql'), 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\nUPDATE "things" SET "id" = "id" WHERE "id" = 1;\n');
    const retries: LockRetry[] = [];
    const watcher = await client('watcher');
    const other = await client('other-writer');
    await other.query('BEGIN');
    await other.query('UPDATE "things" SET "id" = "id" WHERE "id" = 1');
    const { rows } = await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const migrating = deployMigrations(db.url, dir, undefined, { locks: { firstRetryDelayMs: 10 }, onLockRetry: (retry) => retries.push(retry) });
    // The migration's UPDATE waits for the other writer's row lock, its snapshot already taken.
    for (;;) {
      const r = await watcher.query('SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [rows[0]!.pid]);
      if (r.rows[0]) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await other.query('COMMIT');
    // Without 40001 among TRANSIENT_FAILURES: MigrationRolledBack, and the Job failed at once.
    expect(await migrating).toEqual([SECOND]);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ migration: SECOND, attempt: 1, wait: { reason: 'serialization failure', statement: 'UPDATE "things" SET "id" = "id" WHERE "id" = 1' } });
    expect(await migrationRows(watcher)).toEqual([
      { migration_name: FIRST, finished: true, rolled_back: false },
      { migration_name: SECOND, finished: false, rolled_back: true },
      { migration_name: SECOND, finished: true, rolled_back: false },
    ]);
  });

  /**
   * A TCP relay to the test database that, on the connection whose traffic named `marker`, passes
   * the next COMMIT on to PostgreSQL and, once PostgreSQL answers it (committed), ends the connection
   * instead of passing the answer back: the client meets a connection lost during its COMMIT.
   */
  const commitAnswerLostRelay = async (marker: string) => {
    const target = new URL(db.url);
    const sockets: net.Socket[] = [];
    let dropped = false;
    const server = net.createServer((clientSide) => {
      const serverSide = net.connect(Number(target.port || 5432), target.hostname);
      sockets.push(clientSide, serverSide);
      let named = false;
      let committing = false;
      clientSide.on('data', (chunk) => {
        const text = chunk.toString('latin1');
        if (text.includes(marker)) named = true;
        else if (named && !dropped && text.includes('COMMIT\0')) committing = true;
        serverSide.write(chunk);
      });
      serverSide.on('data', (chunk) => {
        if (committing && !dropped) {
          dropped = true;
          clientSide.destroy();
          serverSide.destroy();
          return;
        }
        clientSide.write(chunk);
      });
      for (const [a, b] of [[clientSide, serverSide], [serverSide, clientSide]] as const) {
        a.on('error', () => b.destroy());
        a.on('close', () => b.destroy());
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(db.url);
    url.hostname = '127.0.0.1';
    url.port = String((server.address() as net.AddressInfo).port);
    const close = async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    };
    return { url: url.toString(), dropped: () => dropped, close };
  };

  it('records a file whose COMMIT PostgreSQL made but whose answer was lost as applied, not rolled back (pg_xact_status)', { timeout: 60_000 }, async () => {
    await writeFile(path.join(dir, SECOND, 'migration.sql'), 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nALTER TABLE "things" ADD COLUMN "note" TEXT;\nCOMMENT ON TABLE "notes" IS \'commit_answer_lost\';\n');
    const relay = await commitAnswerLostRelay('commit_answer_lost');
    try {
      // Before: MigrationRolledBack ("Connection terminated unexpectedly"), the migration marked rolled
      // back while its table and column were there: the next run failed on "relation notes already exists".
      const applied = await deployMigrations(relay.url, dir).catch((e: unknown) => e);
      expect(relay.dropped()).toBe(true);
      expect(applied).toEqual([SECOND]);
    } finally {
      await relay.close();
    }
    const watcher = await client('watcher');
    expect(await columns(watcher)).toEqual(['notes.id', 'things.id', 'things.note']);
    expect(await migrationRows(watcher)).toEqual([
      { migration_name: FIRST, finished: true, rolled_back: false },
      { migration_name: SECOND, finished: true, rolled_back: false },
    ]);
    expect(await deployMigrations(db.url, dir)).toEqual([]);
  });

  it('leaves a failed lone CONCURRENTLY file recorded failed (P3009): its INVALID index stays behind', { timeout: 60_000 }, async () => {
    await rm(path.join(dir, SECOND), { recursive: true });
    await migration('20260103000000_index', 'CREATE UNIQUE INDEX CONCURRENTLY "things_one_idx" ON "things"((1));\n');
    const failure = await deployMigrations(db.url, dir).catch((e: unknown) => e);
    expect(failure).not.toMatchObject({ name: 'MigrationRolledBack' });
    const watcher = await client('watcher');
    expect((await watcher.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'things_one_idx'::regclass")).rows).toEqual([{ indisvalid: false }]);
    expect((await migrationRows(watcher)).at(-1)).toEqual({ migration_name: '20260103000000_index', finished: false, rolled_back: false });
    await expect(deployMigrations(db.url, dir)).rejects.toThrow(/P3009|failed migrations/);
  });

  it('gives a lone VACUUM FULL (refused in a transaction block, not CONCURRENTLY) the lock_timeout too: the SELECT is answered while the long transaction is open', { timeout: 60_000 }, async () => {
    const VACUUM = '20260102000000_vacuum';
    await rm(path.join(dir, SECOND), { recursive: true });
    await migration(VACUUM, 'VACUUM FULL "things";\n');
    const events: string[] = [];
    const retries: LockRetry[] = [];
    const { long, migrating, guard } = await readBehindBlockedMigration(events, retries);
    try {
      await long.end(events, 'long transaction ended');
      expect(await migrating).toEqual([VACUUM]);
    } finally {
      clearTimeout(guard);
    }
    // Before: ['long transaction ended by the guard', 'read answered', 'migrated'] (run outside the transaction, with no lock_timeout).
    expect(events).toEqual(['read answered', 'long transaction ended', 'migrated']);
    expect(retries[0]).toMatchObject({ migration: VACUUM, attempt: 1, wait: { statement: 'VACUUM FULL "things"', relations: ['"things"'] } });
  });

  it('still runs a lone CREATE INDEX CONCURRENTLY outside a transaction, and refuses one beside other statements, applying none of them', { timeout: 60_000 }, async () => {
    await rm(path.join(dir, SECOND), { recursive: true });
    await migration('20260103000000_index', 'CREATE INDEX CONCURRENTLY "things_id_idx" ON "things"("id");\n');
    expect(await deployMigrations(db.url, dir)).toEqual(['20260103000000_index']);
    await migration('20260104000000_mixed', 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nCREATE INDEX CONCURRENTLY "notes_id_idx" ON "notes"("id");\n');
    await expect(deployMigrations(db.url, dir)).rejects.toThrow(/cannot run inside a transaction block/);
    const watcher = await client('watcher');
    expect(await columns(watcher)).toEqual(['things.id']);
  });
});

describe('a lone statement PostgreSQL refuses in a transaction block', () => {
  it.each([
    ['CREATE INDEX CONCURRENTLY "i" ON "things"("id")', true],
    ['DROP INDEX CONCURRENTLY "i"', true],
    ['REINDEX INDEX CONCURRENTLY "i"', true],
    ['ALTER TABLE "p" DETACH PARTITION "p1" CONCURRENTLY', true],
    ['VACUUM FULL "things"', false],
    ['CLUSTER', false],
    ['REINDEX DATABASE tripgen', false],
  ])('runs without the timeouts only when CONCURRENTLY: %s', async (sql, concurrently) => {
    expect(runsConcurrently((await parseScript(sql))[0]!.tree)).toBe(concurrently);
  });
});

describe('a migration file that sets its own timeouts', () => {
  const overrides = async (sql: string) => timeoutOverrides(await parseScript(sql));

  it.each([
    "SET lock_timeout = '10s'",
    'SET LOCAL lock_timeout = 0',
    'SET statement_timeout TO 0',
    "SET statement_timeout = '2min'",
    'RESET lock_timeout',
    'SET lock_timeout TO DEFAULT',
    "SELECT set_config('lock_timeout', '1h', true)",
    'ALTER ROLE migrator SET lock_timeout = 0',
  ])('is refused: %s', async (sql) => {
    expect(await overrides(sql)).toEqual([expect.stringMatching(/lock_timeout|statement_timeout/)]);
  });

  it('may shorten them', async () => {
    expect(await overrides("SET LOCAL lock_timeout = '1s'; SET LOCAL statement_timeout = 30000; SET search_path = public")).toEqual([]);
  });

  // A COMMIT of the file's own ends the kit's transaction, and SET LOCAL with it: PostgreSQL runs the
  // statements after it in autocommit with the server's lock_timeout (none), so an ALTER there queues
  // the table's reads and writes behind a long transaction again, and a failure leaves the file half-applied.
  it.each(['COMMIT', 'END', 'COMMIT AND CHAIN', 'ROLLBACK', 'ABORT', "PREPARE TRANSACTION 'x'", 'BEGIN', 'START TRANSACTION'])('is refused when it ends or starts a transaction of its own: %s', async (sql) => {
    expect(await overrides(`CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\n${sql};\nALTER TABLE "things" ADD COLUMN "note" TEXT;`)).toEqual([
      expect.stringMatching(/transaction/),
    ]);
  });

  it('may use savepoints, which stay inside the file\'s transaction', async () => {
    expect(await overrides('SAVEPOINT a; ROLLBACK TO SAVEPOINT a; RELEASE a')).toEqual([]);
  });

  it('is refused by deployMigrations before anything is applied when it commits its transaction itself', { timeout: 60_000 }, async () => {
    await writeFile(path.join(dir, SECOND, 'migration.sql'), 'CREATE TABLE "notes" ("id" INTEGER PRIMARY KEY);\nCOMMIT;\nALTER TABLE "things" ADD COLUMN "note" TEXT;\n');
    // Before: applied, its ALTER after the COMMIT without lock_timeout.
    await expect(deployMigrations(db.url, dir)).rejects.toThrow(`${SECOND}: ends the file's transaction`);
    expect(await columns(await client('watcher'))).toEqual(['things.id']);
  });

  it('is refused by deployMigrations before anything is applied', { timeout: 60_000 }, async () => {
    await writeFile(path.join(dir, SECOND, 'migration.sql'), `SET lock_timeout = 0;\n${SECOND_SQL}`);
    await expect(deployMigrations(db.url, dir)).rejects.toThrow(`${SECOND}: sets lock_timeout longer than the kit's 5000 ms or off: SET lock_timeout = 0`);
    expect(await columns(await client('watcher'))).toEqual(['things.id']);
  });
});
