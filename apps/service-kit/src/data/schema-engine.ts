/**
 * Prisma migrations without the native schema-engine binary (it cannot be downloaded here):
 * the same engine compiled to WebAssembly (`@prisma/schema-engine-wasm`, pinned to the engine
 * hash of prisma 7.10.0) drives PostgreSQL through the `pg` driver adapter. `applyMigrations`
 * writes the very `_prisma_migrations` table (checksum = sha256 of migration.sql) that
 * `prisma migrate deploy` writes, so either tool can take over from the other.
 *
 * Four adapter-pg traps on this path are worked around here:
 *  - pg_catalog's one-byte `"char"` type (OID 18, e.g. pg_class.relkind, pg_constraint.contype) is
 *    not in the adapter's column-type map, so introspection fails. Its fields are relabelled as
 *    `"char"[]` (which the adapter knows) and, in the adapter's answer, every such column whose
 *    values are plain strings (a real array column holds arrays) is reported as Character, the type
 *    the engine reads them as (a CHECK constraint, e.g. PostGIS's spatial_ref_sys, needs it).
 *  - `connectToShadowDb` spreads `{...config, database}`, but with a connection string pg ignores
 *    `database`, so the "shadow" pool silently reaches the main database: we pass discrete fields.
 *  - its disposer drops the shadow database before ending the shadow pool (DROP fails while
 *    connections are open): ours ends the pool first and drops WITH (FORCE).
 *  - its `executeScript` (each migration file) splits the script at every `;`, inside a function
 *    body, a string or a comment too: a trigger function's body, `DEFAULT 'a;b'` or a comment with a
 *    semicolon ran as broken fragments. Ours splits it with PostgreSQL's own parser (libpg-query:
 *    the server's grammar, not a guess at it), and a file that does not parse runs nothing.
 *
 * Its `executeScript` also ran each statement on its own (autocommit, any pooled connection), with no
 * lock_timeout: a migration's ALTER TABLE waiting behind a long transaction queued every later read
 * and write of the table for as long as that transaction lasted, and a file failing at its second
 * statement stayed half-applied. Ours runs a file in one transaction (as `prisma migrate deploy`'s
 * one multi-statement query does) with the catalog's MIGRATION_LOCKS lock_timeout and
 * statement_timeout: a blocked file gives up, is rolled back whole, and deployMigrations tries it
 * again (migration-locks.ts). A file of one statement PostgreSQL refuses in a transaction block
 * runs alone, outside: a CONCURRENTLY one without either timeout (its locks, SHARE UPDATE EXCLUSIVE,
 * queue no reads or writes, and cut short it would leave an INVALID index behind), any other
 * (VACUUM FULL, CLUSTER) with both, set for its session.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { MIGRATION_LOCKS, migrationRetryDelayMs } from '@tripgen/catalog';
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine as WasmSchemaEngine } from '@prisma/schema-engine-wasm';
import {
  ADVISORY_LOCK,
  MigrationLockTimeout,
  MigrationRolledBack,
  PRISMA_MIGRATION_LOCK,
  SQLSTATE,
  TRANSIENT_FAILURES,
  advisoryLockHolders,
  isAdvisoryLockTimeout,
  lockHolders,
  relationsOf,
  runsConcurrently,
  serverMessage,
  sqlState,
  timeoutOverrides,
  type LockWait,
  type MigrationLockPolicy,
} from './migration-locks.ts';

export { MigrationLockTimeout, MigrationRolledBack, type LockWait, type MigrationLockPolicy } from './migration-locks.ts';

const PG_CHAR_OID = 18;
const PG_CHAR_ARRAY_OID = 1002;

interface FieldLike { dataTypeID: number }
interface ResultLike { fields?: FieldLike[] }

const relabelChar = (result: unknown): void => {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of (r as ResultLike | undefined)?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_CHAR_ARRAY_OID;
  }
};

/** The relabelled `"char"` columns (strings in a `"char"[]` column) are reported as Character. */
const characterColumns = (result: SqlResultSet): SqlResultSet => {
  const columnTypes = result.columnTypes.map((type, i) =>
    type === ColumnTypeEnum.CharacterArray && result.rows.some((row) => typeof row[i] === 'string') ? ColumnTypeEnum.Character : type,
  );
  return { ...result, columnTypes };
};

const withCharacterColumns = <Q extends SqlQueryable>(queryable: Q): Q => {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => characterColumns(await queryRaw(query));
  return queryable;
};

/** Every client the pool hands out reports `"char"` columns as `"char"[]` (values are still strings). */
const decodeCharAsText = (pool: pg.Pool): pg.Pool => {
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    // pg's query() has many overloads (promise, callback, submittable); we only post-process results.
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        args[args.length - 1] = (err: unknown, res: unknown) => {
          if (!err) relabelChar(res);
          (last as (e: unknown, r: unknown) => void)(err, res);
        };
        return original(...args);
      }
      const out = original(...args);
      if (out instanceof Promise) return out.then((res: unknown) => (relabelChar(res), res));
      return out;
    };
  });
  return pool;
};

/** Discrete pg settings from a URL, so that `database` can be overridden for the shadow database. */
export const pgConfigFromUrl = (url: string): pg.PoolConfig => {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    max: 4,
    // Let a one-shot CLI exit promptly once the engine is done.
    idleTimeoutMillis: 500,
    allowExitOnIdle: true,
  };
};

const quoteIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;

export interface ParsedStatement {
  readonly sql: string;
  /** libpg-query's parse tree of the statement. */
  readonly tree: unknown;
}

/**
 * The statements of a migration script, as PostgreSQL's parser reads them (libpg-query, loaded on
 * the first migration only: a serving process never needs it). Locations are in bytes of UTF-8; a
 * length of 0 is the rest of the script.
 */
export const parseScript = async (script: string): Promise<ParsedStatement[]> => {
  const { loadModule, parse } = await import('libpg-query');
  await loadModule();
  const { stmts } = await parse(script);
  const bytes = Buffer.from(script, 'utf8');
  // A script of comments alone has no statements (stmts absent).
  return (stmts ?? [])
    .map(({ stmt, stmt_location: from = 0, stmt_len: length = 0 }) => ({
      sql: bytes.subarray(from, length === 0 ? bytes.length : from + length).toString('utf8').trim(),
      tree: stmt,
    }))
    .filter(({ sql }) => sql.length > 0);
};

export const scriptStatements = async (script: string): Promise<string[]> => (await parseScript(script)).map(({ sql }) => sql);

/** A migration file that failed, as the adapter saw it (the engine reports it only as text). */
export interface FileFailure {
  readonly statement: string;
  readonly sqlState: string | undefined;
  /** PostgreSQL's message. */
  readonly message: string;
  /**
   * Nothing of the file stayed applied: it ran as one transaction, rolled back, or was one statement
   * that fails whole (VACUUM FULL, CLUSTER). Not a lone CONCURRENTLY statement: cut short it leaves
   * an INVALID index behind, which an operator drops before the migration is marked rolled back. Nor
   * a file whose COMMIT got no answer and whose outcome PostgreSQL could not be asked (pg_xact_status).
   */
  readonly rolledBackWhole: boolean;
  /** Set when another session caused it (TRANSIENT_FAILURES), with who held locks on its tables just after. */
  readonly wait?: LockWait;
}

export interface MigrationLockOptions {
  /** The catalog's MIGRATION_LOCKS unless given (tests shorten them). */
  readonly locks?: Partial<MigrationLockPolicy>;
  /** Told when a migration file failed (after its rollback, before the error goes back to the engine). */
  readonly onFileFailure?: (failure: FileFailure) => void;
}

const raw = (sql: string) => ({ sql, args: [], argTypes: [] });
const milliseconds = (ms: number): number => {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`a timeout in whole milliseconds >= 0, not ${ms}`);
  return ms;
};

/** A migration-aware driver adapter factory for `url` that avoids the traps above. */
/** `password`: a callback for every new connection (Entra token auth, postgres-entra.ts) instead of the URL's. */
export const migrationAdapterFactory = (url: string, password?: () => Promise<string>, options: MigrationLockOptions = {}): SqlMigrationAwareDriverAdapterFactory => {
  const config = password === undefined ? pgConfigFromUrl(url) : { ...pgConfigFromUrl(url), password };
  const policy: MigrationLockPolicy = { ...MIGRATION_LOCKS, ...options.locks };
  const connect = async (database: string, dispose?: () => Promise<void>): Promise<SqlDriverAdapter> => {
    const pool = decodeCharAsText(new pg.Pool({ ...config, database }));
    // The connections handed out and not given back: the engine's advisory-lock wait stays one of
    // them after the engine gave up on it (below).
    const busy = new Set<pg.PoolClient>();
    pool.on('acquire', (client) => busy.add(client));
    pool.on('release', (_err, client) => busy.delete(client));
    pool.on('remove', (client) => busy.delete(client));
    const adapter = withCharacterColumns(await new PrismaPg(pool, { disposeExternalPool: true }).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCharacterColumns(await startTransaction(isolationLevel));
    /**
     * A statement PostgreSQL refuses in a transaction block, alone in its file. The CONCURRENTLY
     * forms run without either timeout (above). The others (VACUUM FULL, CLUSTER, REINDEX DATABASE)
     * take ACCESS EXCLUSIVE locks like an ALTER: without lock_timeout a lone `VACUUM FULL` waited
     * out a long transaction's row lock and queued the table's reads behind it. They get the kit's
     * timeouts at the session level on a connection of their own, reset before it goes back to the pool.
     */
    const runAlone = async (statement: ParsedStatement): Promise<void> => {
      if (runsConcurrently(statement.tree)) {
        await adapter.executeRaw(raw(statement.sql));
        return;
      }
      const conn = await startTransaction();
      try {
        // Out of the adapter's BEGIN: the statement refuses a transaction block.
        await conn.executeRaw(raw('COMMIT'));
        await conn.executeRaw(raw(`SET lock_timeout = ${milliseconds(policy.lockTimeoutMs)}`));
        await conn.executeRaw(raw(`SET statement_timeout = ${milliseconds(policy.statementTimeoutMs)}`));
        try {
          await conn.executeRaw(raw(statement.sql));
        } finally {
          await conn.executeRaw(raw('RESET lock_timeout'));
          await conn.executeRaw(raw('RESET statement_timeout'));
        }
      } finally {
        await conn.rollback();
      }
    };
    /** pg_xact_status of a transaction, on another connection; undefined when it cannot be asked. */
    const commitOutcome = async (id: string | undefined): Promise<string | undefined> => {
      if (id === undefined) return undefined;
      try {
        const result = await adapter.queryRaw({ sql: 'SELECT pg_xact_status($1::text::xid8)', args: [id], argTypes: [{ scalarType: 'string', arity: 'scalar' }] });
        const status = result.rows[0]?.[0];
        return typeof status === 'string' ? status : undefined;
      } catch {
        return undefined;
      }
    };
    adapter.executeScript = async (script) => {
      const statements = await parseScript(script);
      const [first] = statements;
      if (first === undefined) return;
      // One connection for the file's transaction; SET LOCAL ends with it.
      const tx = await startTransaction();
      let running = first;
      let failure: unknown;
      // The transaction's id, asked before its COMMIT: a COMMIT whose answer never came (the
      // connection lost, the backend ended) may have committed on the server all the same.
      let xid: string | undefined;
      let committing = false;
      try {
        await tx.executeRaw(raw(`SET LOCAL lock_timeout = ${milliseconds(policy.lockTimeoutMs)}`));
        await tx.executeRaw(raw(`SET LOCAL statement_timeout = ${milliseconds(policy.statementTimeoutMs)}`));
        for (const statement of statements) {
          running = statement;
          await tx.executeRaw(raw(statement.sql));
        }
        xid = String((await tx.queryRaw(raw('SELECT pg_current_xact_id()::text'))).rows[0]?.[0]);
        committing = true;
        await tx.executeRaw(raw('COMMIT'));
      } catch (err) {
        failure = err;
        await tx.executeRaw(raw('ROLLBACK')).catch(() => undefined);
      } finally {
        // The adapter's commit() and rollback() only hand the connection back to the pool.
        await tx.rollback();
      }
      if (failure === undefined) return;
      let rolledBackWhole = true;
      if (committing) {
        // PostgreSQL's answer for a COMMIT lost with its connection (pg_xact_status, "Transaction ID
        // and Snapshot Information Functions"): committed, the file is applied and recorded so;
        // aborted, nothing of it is; anything else (in progress, not asked), it stays recorded failed
        // (P3009) for an operator to look at rather than be marked rolled back while applied.
        const status = await commitOutcome(xid);
        if (status === 'committed') return;
        rolledBackWhole = status === 'aborted';
      }
      if (statements.length === 1 && sqlState(failure) === SQLSTATE.activeSqlTransaction) {
        rolledBackWhole = !runsConcurrently(first.tree);
        try {
          await runAlone(first);
          return;
        } catch (err) {
          failure = err;
        }
      }
      if (options.onFileFailure) {
        const state = sqlState(failure);
        const reason = state === undefined ? undefined : TRANSIENT_FAILURES[state];
        let wait: LockWait | undefined;
        if (reason !== undefined) {
          const relations = relationsOf(running.tree);
          // Who held locks on its tables, asked right after: the log line names the session to end or wait for.
          const holders = await lockHolders(adapter, relations).catch(() => []);
          wait = { reason, statement: running.sql, relations, holders };
        }
        options.onFileFailure({ statement: running.sql, sqlState: state, message: serverMessage(failure), rolledBackWhole, ...(wait ? { wait } : {}) });
      }
      throw failure;
    };
    const close = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      // The engine times its `pg_advisory_lock` wait out after 10 s but leaves the query running; the
      // pool's end waited for it, so deployMigrations waited until the other session let the lock go
      // (a second Job until its activeDeadlineSeconds). Nothing hears these queries any more.
      await cancelBackends(database, [...busy].map((c) => (c as unknown as { processID: number | null }).processID).filter((pid) => pid !== null)).catch(() => {
        // The cancel's own session could not be opened (too many connections, a token not given):
        // the pool is ended all the same, these connections cut from our side so that its end does
        // not wait for their queries (the server ends each session when it next reads from it).
        for (const client of busy) (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
      });
      await close();
      await dispose?.();
    };
    return adapter;
  };
  const admin = async (sql: string, args: unknown[] = [], database = config.database): Promise<void> => {
    const client = new pg.Client({ ...config, database });
    await client.connect();
    try {
      await client.query(sql, args);
    } finally {
      await client.end();
    }
  };
  const cancelBackends = async (database: string, pids: number[]): Promise<void> => {
    if (pids.length > 0) await admin('SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid', [pids], database);
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connect(config.database ?? 'postgres'),
    connectToShadowDb: async () => {
      const shadow = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin(`CREATE DATABASE ${quoteIdent(shadow)}`);
      return connect(shadow, () => admin(`DROP DATABASE IF EXISTS ${quoteIdent(shadow)} WITH (FORCE)`));
    },
  };
};

type WasmModule = typeof import('@prisma/schema-engine-wasm');
let wasmModule: Promise<WasmModule> | undefined;

/** Loads the wasm-bindgen module without Node's experimental ESM wasm imports. */
const loadWasm = (): Promise<WasmModule> =>
  (wasmModule ??= (async () => {
    const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const dir = path.dirname(fileURLToPath(bgUrl));
    const bg = (await import(bgUrl)) as WasmModule & {
      __wbg_set_wasm(w: unknown): void;
    };
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    // @types/node types WebAssembly only as a namespace under lib ES2023 (no DOM); the runtime has it.
    const { WebAssembly: wasmApi } = globalThis as unknown as {
      WebAssembly: { instantiate(b: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }> };
    };
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bg;
  })());

export interface SchemaFiles { readonly files: readonly { path: string; content: string }[] }

/** Reads every `*.prisma` file of a multi-file schema folder (symlinks followed), sorted by name. */
export const readSchemaFolder = async (dir: string): Promise<SchemaFiles> => {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.prisma')).sort();
  return { files: await Promise.all(names.map(async (n) => ({ path: path.join(dir, n), content: await readFile(path.join(dir, n), 'utf8') }))) };
};

/** The migrations folder as the engine wants it (what the Prisma CLI builds before calling it). */
export const readMigrations = async (migrationsDir: string): Promise<MigrationList> => {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (d) => {
        const content = await readFile(path.join(migrationsDir, d, 'migration.sql'), 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (e: Error) => ({ tag: 'error' as const, value: e.message }),
        );
        return { path: d, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
};

/** The checksum `prisma migrate deploy` records: sha256 of the migration file, hex. */
export const migrationChecksum = (sql: string): string => createHash('sha256').update(sql).digest('hex');

const NO_FILTER = { externalTables: [], externalEnums: [] };

export interface MigrationEngine {
  /** Applies every pending migration of the folder (like `prisma migrate deploy`); returns their names. */
  deploy(migrationsDir: string): Promise<string[]>;
  /** The migrations the database records as failed and not rolled back (what makes deploy refuse with P3009). */
  failedMigrations(migrationsDir: string): Promise<string[]>;
  /** Records a failed migration as rolled back, as `prisma migrate resolve --rolled-back` does. */
  markRolledBack(migrationName: string): Promise<void>;
  /** SQL that takes a database built by the migrations folder to the schema (uses a shadow database). */
  diffFromMigrations(migrationsDir: string, schema: SchemaFiles): Promise<string>;
  /** SQL that creates the schema from nothing (no database needed). */
  diffFromEmpty(schema: SchemaFiles): Promise<string>;
  dispose(): Promise<void>;
}

export const openMigrationEngine = async (
  databaseUrl: string,
  schema?: SchemaFiles,
  password?: () => Promise<string>,
  options: MigrationLockOptions = {},
): Promise<MigrationEngine> => {
  const wasm = await loadWasm();
  // The engine takes Prisma's migration lock with a session-level `pg_advisory_lock(72707369)` and
  // never unlocks it: the native engine's one connection closes when the CLI exits. Here that session
  // is a pooled connection the engine neither closes nor disposes on free(), so it went back to the
  // pool holding the lock until the pool's idle timeout (never, while the event loop was blocked or
  // the pool busy) and the next migration of the database waited 10 s and failed. dispose() ends
  // every pool the engine opened, which releases the lock like the CLI's exit.
  const adapters = migrationAdapterFactory(databaseUrl, password, options);
  const opened: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory({
    ...adapters,
    connect: async () => {
      const adapter = await adapters.connect();
      opened.push(adapter);
      return adapter;
    },
  });
  const logs: string[] = [];
  const datamodels = schema ? schema.files.map((f) => [f.path, f.content] as [string, string]) : undefined;
  const closeAll = () => Promise.all(opened.splice(0).map((adapter) => adapter.dispose()));
  const engine: WasmSchemaEngine = await wasm.SchemaEngine.new({ datamodels }, (log: string) => logs.push(log), factory).catch(async (e: unknown) => {
    await closeAll();
    throw e;
  });
  const asScript = (r: { stdout?: string | null }): string => r.stdout ?? '';
  const container = (s: SchemaFiles) => ({ files: s.files.map((f) => ({ path: f.path, content: f.content })) });
  return {
    async deploy(migrationsDir) {
      const out = await engine.applyMigrations({ migrationsList: await readMigrations(migrationsDir), filters: NO_FILTER });
      return out.appliedMigrationNames;
    },
    async failedMigrations(migrationsDir) {
      const out = await engine.diagnoseMigrationHistory({ migrationsList: await readMigrations(migrationsDir), optInToShadowDatabase: false, filters: NO_FILTER });
      return out.failedMigrationNames;
    },
    async markRolledBack(migrationName) {
      await engine.markMigrationRolledBack({ migrationName });
    },
    async diffFromMigrations(migrationsDir, target) {
      const r = await engine.diff({
        from: { tag: 'migrations', ...(await readMigrations(migrationsDir)) },
        to: { tag: 'schemaDatamodel', ...container(target) },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      return asScript(r);
    },
    async diffFromEmpty(target) {
      const r = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...container(target) }, script: true, exitCode: null, filters: NO_FILTER });
      return asScript(r);
    },
    async dispose() {
      engine.free();
      await closeAll();
    },
  };
};

/** A migration given up for a lock (or a deadlock, a serialization failure), about to be tried again. */
export interface LockRetry {
  readonly migration: string;
  /** The attempt that gave up (1 is the first). */
  readonly attempt: number;
  readonly attempts: number;
  /** The wait before the next. */
  readonly delayMs: number;
  readonly wait: LockWait;
}

export interface DeployOptions {
  /** The catalog's MIGRATION_LOCKS unless given (tests shorten them). */
  readonly locks?: Partial<MigrationLockPolicy>;
  /** Told of each attempt given up for a lock or a deadlock, before the wait for the next (the migrate command logs it). */
  readonly onLockRetry?: (retry: LockRetry) => void;
}

/** Refuses a folder whose migration sets its own lock_timeout or statement_timeout longer than the kit's or off, or ends its transaction (COMMIT, ROLLBACK), which ends them too. */
const refuseTimeoutOverrides = async (migrationsDir: string, policy: MigrationLockPolicy): Promise<void> => {
  const problems: string[] = [];
  for (const { path: name, migrationFile } of (await readMigrations(migrationsDir)).migrationDirectories) {
    if (migrationFile.content.tag !== 'ok') continue;
    for (const problem of timeoutOverrides(await parseScript(migrationFile.content.value), policy)) problems.push(`${name}: ${problem}`);
  }
  if (problems.length > 0) throw new Error(`migrations may not lengthen or switch off the kit's lock_timeout / statement_timeout (catalog MIGRATION_LOCKS):\n${problems.join('\n')}`);
};

/** Who holds Prisma's advisory lock on the database, asked on a connection of its own. */
const whoHoldsTheMigrationLock = async (databaseUrl: string, password?: () => Promise<string>) => {
  const adapter = await migrationAdapterFactory(databaseUrl, password).connect();
  try {
    return await advisoryLockHolders(adapter);
  } finally {
    await adapter.dispose();
  }
};

/**
 * Applies the pending migrations of a folder to a database (what `prisma migrate deploy` does);
 * returns their names. `password`: a callback for every new connection (Entra token auth). A
 * migration that gives up waiting for a lock (lock_timeout), or that PostgreSQL ends for a deadlock
 * or a serialization failure, is rolled back whole, marked rolled back and tried again after a
 * growing wait, MIGRATION_LOCKS.attempts times in all; then MigrationLockTimeout. One that fails for
 * itself (a statement_timeout, a unique violation) is rolled back whole too: it is marked rolled back
 * and MigrationRolledBack thrown, so the next run, with the file or the data fixed, applies it
 * instead of stopping on P3009. Prisma keeps a failed migration failed (P3009) because on some
 * databases it can be half-applied (https://pris.ly/d/migrate-resolve); one transaction per file on
 * PostgreSQL cannot be. A lone CONCURRENTLY file, which runs outside a transaction and can leave an
 * INVALID index, stays recorded failed.
 */
export const deployMigrations = async (
  databaseUrl: string,
  migrationsDir: string,
  password?: () => Promise<string>,
  options: DeployOptions = {},
): Promise<string[]> => {
  const policy: MigrationLockPolicy = { ...MIGRATION_LOCKS, ...options.locks };
  await refuseTimeoutOverrides(migrationsDir, policy);
  for (let attempt = 1; ; attempt += 1) {
    const seen: { failure?: FileFailure } = {};
    const engine = await openMigrationEngine(databaseUrl, undefined, password, { locks: policy, onFileFailure: (failure) => (seen.failure = failure) });
    let gaveUp: { migration: string; wait: LockWait; err: unknown };
    try {
      return await engine.deploy(migrationsDir);
    } catch (err) {
      if (isAdvisoryLockTimeout(err)) {
        // Another migrate of this database holds Prisma's lock: nothing was applied, nothing to mark.
        const holders = await whoHoldsTheMigrationLock(databaseUrl, password).catch(() => []);
        gaveUp = { migration: '(none started)', wait: { reason: ADVISORY_LOCK, statement: PRISMA_MIGRATION_LOCK.statement, relations: [], holders }, err };
      } else {
        const { failure } = seen;
        if (failure === undefined || !failure.rolledBackWhole) throw err;
        // Nothing of its file is applied. The engine recorded it as failed, which makes every later
        // deploy refuse (P3009) until it is resolved as rolled back.
        const failed = await engine.failedMigrations(migrationsDir);
        for (const name of failed) await engine.markRolledBack(name);
        if (failure.wait === undefined) throw new MigrationRolledBack(failed.join(', '), failure.statement, failure.sqlState, failure.message, { cause: err });
        gaveUp = { migration: failed.join(', '), wait: failure.wait, err };
      }
    } finally {
      await engine.dispose();
    }
    if (attempt >= policy.attempts) throw new MigrationLockTimeout(gaveUp.migration, attempt, gaveUp.wait, policy, { cause: gaveUp.err });
    const delayMs = migrationRetryDelayMs(policy, attempt);
    options.onLockRetry?.({ migration: gaveUp.migration, attempt, attempts: policy.attempts, delayMs, wait: gaveUp.wait });
    await sleep(delayMs);
  }
};
