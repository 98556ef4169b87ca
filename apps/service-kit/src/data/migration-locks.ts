/**
 * The lock discipline of the kit's migrations (catalog MIGRATION_LOCKS): what a migration file may
 * not set, which sessions held the lock a migration gave up waiting for, and the error the `migrate`
 * command ends with when it gave up every time.
 */
import { MIGRATION_LOCKS, type MigrationLockPolicy } from '@tripgen/catalog';
import type { SqlQueryable } from '@prisma/driver-adapter-utils';

export type { MigrationLockPolicy } from '@tripgen/catalog';

/** PostgreSQL's SQLSTATEs the migration path acts on. */
export const SQLSTATE = {
  /** `canceling statement due to lock timeout`. */
  lockNotAvailable: '55P03',
  /** `canceling statement due to statement timeout` (or a cancel request). */
  queryCanceled: '57014',
  /** `... cannot run inside a transaction block` (CREATE INDEX CONCURRENTLY, VACUUM, ...). */
  activeSqlTransaction: '25001',
  /** `deadlock detected`: PostgreSQL ended one of the transactions waiting for each other. */
  deadlockDetected: '40P01',
  /** `could not serialize access ...`. */
  serializationFailure: '40001',
} as const;

/**
 * The failures that say nothing of the migration itself, only of what else ran at that moment: the
 * same file succeeds once the other session is done, so a file rolled back whole for one is tried
 * again (deployMigrations). PostgreSQL's docs advise retrying deadlocks and serialization failures
 * ("Serialization Failure Handling", https://www.postgresql.org/docs/15/mvcc-serialization-failure-handling.html).
 */
export const TRANSIENT_FAILURES: Readonly<Record<string, string>> = {
  [SQLSTATE.lockNotAvailable]: 'lock_timeout',
  [SQLSTATE.deadlockDetected]: 'deadlock',
  [SQLSTATE.serializationFailure]: 'serialization failure',
};

interface AdapterErrorLike { code?: unknown; message?: unknown; cause?: { code?: unknown; originalCode?: unknown; originalMessage?: unknown } }

/**
 * The SQLSTATE of a pg error, or of one the pg adapter wrapped (DriverAdapterError's cause: `code`
 * for the errors it passes on as they are, `originalCode` for those it names, e.g. 23505
 * UniqueConstraintViolation, 40P01 TransactionWriteConflict).
 */
export const sqlState = (err: unknown): string | undefined => {
  const e = err as AdapterErrorLike | undefined;
  const code = e?.cause?.originalCode ?? e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
};

/** PostgreSQL's own words for an error the pg adapter renamed (the engine passes on only the new name, e.g. "Transaction write conflict"). */
export const serverMessage = (err: unknown): string => {
  const e = err as AdapterErrorLike | undefined;
  const text = e?.cause?.originalMessage ?? e?.message;
  return typeof text === 'string' ? text : String(err);
};

type Tree = unknown;

const walk = function* (tree: Tree): Generator<Record<string, unknown>> {
  if (Array.isArray(tree)) for (const t of tree) yield* walk(t);
  else if (tree !== null && typeof tree === 'object') {
    yield tree as Record<string, unknown>;
    for (const v of Object.values(tree)) yield* walk(v);
  }
};

const quoteIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** The tables (and other relations) a statement's parse tree names, quoted for to_regclass. */
export const relationsOf = (tree: Tree): string[] => {
  const names = new Set<string>();
  for (const node of walk(tree)) {
    if (typeof node.relname !== 'string') continue;
    names.add(typeof node.schemaname === 'string' ? `${quoteIdent(node.schemaname)}.${quoteIdent(node.relname)}` : quoteIdent(node.relname));
  }
  return [...names];
};

/**
 * Whether a statement is one of PostgreSQL's CONCURRENTLY forms (CREATE / DROP INDEX CONCURRENTLY:
 * `concurrent`; REINDEX ... CONCURRENTLY: a `concurrently` option; DETACH PARTITION CONCURRENTLY).
 * These wait for other transactions by design, holding nothing that queues reads or writes, and cut
 * short by a timeout they leave an INVALID index behind.
 */
export const runsConcurrently = (tree: Tree): boolean => {
  for (const node of walk(tree)) {
    if (node.concurrent === true) return true;
    if ((node.DefElem as { defname?: unknown } | undefined)?.defname === 'concurrently') return true;
  }
  return false;
};

const TIMEOUTS: ReadonlySet<string> = new Set(['lock_timeout', 'statement_timeout']);
const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A timeout setting's value in ms as PostgreSQL reads it (a bare number is ms); undefined when not a constant. */
const settingMs = (arg: unknown): number | undefined => {
  const c = (arg as { A_Const?: { ival?: { ival?: number }; fval?: { fval?: string }; sval?: { sval?: string } } } | undefined)?.A_Const;
  if (!c) return undefined;
  // The parser leaves out a zero integer (protobuf's default): `ival: {}` is 0.
  if (c.ival) return c.ival.ival ?? 0;
  const text = c.fval?.fval ?? c.sval?.sval;
  const m = text === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2] ?? 'ms']! : undefined;
};

/**
 * Transaction control that takes a file's statements out of the transaction the kit runs it in.
 * COMMIT / END / ROLLBACK / ABORT / PREPARE TRANSACTION end it, and the SET LOCAL timeouts with it:
 * PostgreSQL runs what follows in autocommit with the server's lock_timeout (none), so an ALTER
 * after it queues the table's reads and writes behind a long transaction again, and a failure there
 * leaves the file half-applied. BEGIN / START TRANSACTION only pair with one. Savepoints stay inside.
 */
const ENDS_OR_STARTS_A_TRANSACTION: ReadonlySet<string> = new Set([
  'TRANS_STMT_BEGIN',
  'TRANS_STMT_START',
  'TRANS_STMT_COMMIT',
  'TRANS_STMT_ROLLBACK',
  'TRANS_STMT_PREPARE',
  'TRANS_STMT_COMMIT_PREPARED',
  'TRANS_STMT_ROLLBACK_PREPARED',
]);

/**
 * Why a migration's statements would wait for locks, or run, longer than the kit lets them: a SET of
 * lock_timeout / statement_timeout (of the session, the transaction, a role or a database) to 0
 * (none), above the policy's, to DEFAULT or RESET (the server's default: none), set_config of
 * either (its value is not read here), or transaction control that ends the file's transaction
 * (ENDS_OR_STARTS_A_TRANSACTION). Empty: none.
 */
export const timeoutOverrides = (trees: readonly { sql: string; tree: Tree }[], policy: MigrationLockPolicy = MIGRATION_LOCKS): string[] => {
  const limit: Readonly<Record<string, number>> = { lock_timeout: policy.lockTimeoutMs, statement_timeout: policy.statementTimeoutMs };
  const found: string[] = [];
  for (const { sql, tree } of trees) {
    const control = (tree as { TransactionStmt?: { kind?: string } } | null)?.TransactionStmt?.kind;
    if (control !== undefined && ENDS_OR_STARTS_A_TRANSACTION.has(control)) {
      found.push(`ends the file's transaction, or starts one, so what follows would run without the kit's lock_timeout / statement_timeout and apart from the rest: ${sql}`);
    }
    for (const node of walk(tree)) {
      if (typeof node.name === 'string' && TIMEOUTS.has(node.name) && typeof node.kind === 'string' && node.kind.startsWith('VAR_')) {
        const ms = node.kind === 'VAR_SET_VALUE' ? settingMs((node.args as unknown[] | undefined)?.[0]) : 0;
        if (ms === undefined || ms === 0 || ms > limit[node.name]!) found.push(`sets ${node.name} longer than the kit's ${limit[node.name]} ms or off: ${sql}`);
      }
      const fn = (node.FuncCall as { funcname?: { String?: { sval?: string } }[]; args?: unknown[] } | undefined);
      const setting = (fn?.args?.[0] as { A_Const?: { sval?: { sval?: string } } } | undefined)?.A_Const?.sval?.sval;
      if (fn?.funcname?.at(-1)?.String?.sval === 'set_config' && setting !== undefined && TIMEOUTS.has(setting)) found.push(`sets ${setting} with set_config: ${sql}`);
    }
  }
  return found;
};

/** A session holding a lock on a relation a migration statement waited for. */
export interface LockHolder {
  readonly pid: number;
  readonly user: string | null;
  readonly application: string | null;
  readonly state: string | null;
  /** Seconds since its transaction began. */
  readonly transactionSeconds: number | null;
  readonly relation: string;
  readonly mode: string;
  readonly query: string | null;
}

/** A migration statement that gave up waiting for its lock (or was ended by a deadlock), and who held it just after. */
export interface LockWait {
  /** What ended it: TRANSIENT_FAILURES' words ('lock_timeout', 'deadlock', 'serialization failure'). */
  readonly reason: string;
  readonly statement: string;
  readonly relations: readonly string[];
  readonly holders: readonly LockHolder[];
}

/** The sessions (other than the caller's) holding a granted lock on any of `relations` now. */
export const lockHolders = async (db: SqlQueryable, relations: readonly string[]): Promise<LockHolder[]> => {
  if (relations.length === 0) return [];
  const result = await db.queryRaw({
    sql: `SELECT a.pid, a.usename, a.application_name, a.state,
                 floor(extract(epoch FROM now() - a.xact_start))::int AS transaction_seconds,
                 l.relation::regclass::text AS relation, l.mode, left(a.query, 200) AS query
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
             AND l.relation IN (SELECT to_regclass(n) FROM json_array_elements_text($1::json) AS n)
           ORDER BY a.xact_start, a.pid`,
    args: [JSON.stringify(relations)],
    argTypes: [{ scalarType: 'string', arity: 'scalar' }],
  });
  return result.rows.map(([pid, user, application, state, transactionSeconds, relation, mode, query]) => ({
    pid: Number(pid),
    user: user as string | null,
    application: application as string | null,
    state: state as string | null,
    transactionSeconds: transactionSeconds === null ? null : Number(transactionSeconds),
    relation: relation as string,
    mode: mode as string,
    query: query as string | null,
  }));
};

/**
 * Prisma Migrate's advisory lock: the engine runs `SELECT pg_advisory_lock(72707369)` on a session
 * of its own before applying anything and gives up after 10 s
 * (https://pris.ly/d/migrate-advisory-locking); another migrate of the same database (a second
 * Job, a developer's `prisma migrate deploy`) holds it meanwhile.
 */
export const PRISMA_MIGRATION_LOCK = { key: 72707369, statement: 'SELECT pg_advisory_lock(72707369)' } as const;

/** LockWait's reason when the engine gave up waiting for PRISMA_MIGRATION_LOCK. */
export const ADVISORY_LOCK = 'advisory lock';

/** Whether the engine's error is its 10 s wait for the advisory lock running out. */
export const isAdvisoryLockTimeout = (err: unknown): boolean => err instanceof Error && err.message.includes(PRISMA_MIGRATION_LOCK.statement);

/** The sessions (other than the caller's) holding Prisma's advisory lock on the current database. */
export const advisoryLockHolders = async (db: SqlQueryable): Promise<LockHolder[]> => {
  const result = await db.queryRaw({
    sql: `SELECT a.pid, a.usename, a.application_name, a.state,
                 floor(extract(epoch FROM now() - coalesce(a.xact_start, a.backend_start)))::int AS seconds,
                 left(a.query, 200) AS query
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
             AND l.classid = 0 AND l.objsubid = 1 AND l.objid = $1::int::oid
             AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           ORDER BY a.pid`,
    args: [PRISMA_MIGRATION_LOCK.key],
    argTypes: [{ scalarType: 'int', arity: 'scalar' }],
  });
  return result.rows.map(([pid, user, application, state, seconds, query]) => ({
    pid: Number(pid),
    user: user as string | null,
    application: application as string | null,
    state: state as string | null,
    transactionSeconds: seconds === null ? null : Number(seconds),
    relation: 'Prisma Migrate advisory lock',
    mode: 'ExclusiveLock',
    query: query as string | null,
  }));
};

const oneLine = (s: string, max = 120): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
};

/** One sentence naming who held the lock, for the log line an operator reads. */
export const describeHolders = (wait: LockWait): string =>
  wait.holders.length === 0
    ? `no session holds a lock on ${wait.relations.join(', ') || 'its tables'} any more`
    : `held by ${wait.holders
        .map(
          (h) =>
            `pid ${h.pid} (user ${h.user ?? '?'}, application "${h.application ?? ''}", ${h.state ?? '?'}, transaction open ${h.transactionSeconds ?? '?'} s, ` +
            `${h.mode} on ${h.relation}, last query "${oneLine(h.query ?? '')}")`,
        )
        .join('; ')}`;

/**
 * The `migrate` command gave up: every attempt of a migration waited longer than lock_timeout for
 * a lock held by another session. The database is as before that migration (its file is one
 * transaction, rolled back) and the migration is marked rolled back, so the next run applies it.
 */
export class MigrationLockTimeout extends Error {
  override readonly name = 'MigrationLockTimeout';
  constructor(
    readonly migration: string,
    readonly attempts: number,
    readonly wait: LockWait,
    policy: MigrationLockPolicy,
    options?: ErrorOptions,
  ) {
    super(
      (wait.reason === 'lock_timeout'
        ? `migration ${migration} waited ${policy.lockTimeoutMs} ms (lock_timeout) for a lock ${attempts} times and gave up, ` +
          `so reads and writes of its tables did not queue behind it: `
        : wait.reason === ADVISORY_LOCK
          ? `migrate waited for Prisma's migration lock (the engine's 10 s) ${attempts} times and gave up, another migrate of this database holding it: `
          : `migration ${migration} was ended by PostgreSQL (${wait.reason}) ${attempts} times and gave up: `) +
        `"${oneLine(wait.statement)}" ${describeHolders(wait)}. ` +
        `Nothing of it is applied; it runs again at the next migrate (the Job's next pod, or re-sync) once that transaction ends ` +
        `(docs/runbooks.md#migration-lock-wait)`,
      options,
    );
  }
}

/**
 * A migration file failed for itself (a unique violation, a statement_timeout, a syntax error),
 * not for another session. It ran as one transaction (or as one statement that fails whole), so
 * PostgreSQL rolled all of it back, and deployMigrations marked it rolled back as `prisma migrate
 * resolve --rolled-back` does: the next migrate (with the file or the data fixed) runs it again
 * instead of stopping on P3009. The `migrate` command still fails with it.
 */
export class MigrationRolledBack extends Error {
  override readonly name = 'MigrationRolledBack';
  constructor(
    readonly migration: string,
    readonly statement: string,
    readonly sqlState: string | undefined,
    /** PostgreSQL's message (serverMessage). */
    reason: string,
    options: ErrorOptions & { cause: unknown },
  ) {
    super(
      `migration ${migration} failed at "${oneLine(statement)}": ${reason}${sqlState ? ` (SQLSTATE ${sqlState})` : ''}. It was rolled back whole, nothing of it is applied, ` +
        `and it is marked rolled back, so the next migrate runs it again once the migration or the data is fixed ` +
        `(docs/runbooks.md#migration-lock-wait)`,
      options,
    );
  }
}
