/**
 * What the driver adapter (@prisma/adapter-pg) says caused a failed query: Prisma carries it as
 * `meta.driverAdapterError.cause` (a raw query's P2010, a refused write's P2039), with the adapter's
 * `kind` and, for PostgreSQL's own errors, its SQLSTATE and message.
 */
export interface DriverAdapterCause {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly originalCode?: unknown;
  readonly originalMessage?: unknown;
}

/** node-postgres's error for a statement it stopped waiting for at `query_timeout` (pg 8.23 lib/client.js). */
export const QUERY_READ_TIMEOUT = 'Query read timeout';
/** pg-pool's error for a query that got no connection within `connectionTimeoutMillis` (all busy: its turn in the queue). */
export const POOL_WAIT_TIMEOUT = 'timeout exceeded when trying to connect';
/** node-postgres's error for a new connection whose connect and sign-in outran `connectionTimeoutMillis`. */
export const CONNECT_TIMEOUT = 'Connection terminated due to connection timeout';
/**
 * PostgreSQL's SQLSTATE for a cancelled statement (query_canceled): at its `statement_timeout`, and
 * as well by an operator's `pg_cancel_backend` (a failure, not slowness). Nothing but the message
 * tells them apart (the same SQLSTATE, severity and routine): node-postgres gives it as the error's
 * message, the driver adapter as `originalMessage`. In English, as PostgreSQL's `lc_messages` is
 * on Azure's flexible server and here; translated, a timeout reads as a failure (the run of service
 * ends: the safe side).
 */
const STATEMENT_CANCELLED = '57014';
const STATEMENT_TIMEOUT_MESSAGE = 'canceling statement due to statement timeout';

/**
 * The database answered too late rather than not at all: no pooled connection within the pool's
 * wait, a new connection's sign-in past it, no answer within the query limit, or PostgreSQL's own
 * statement_timeout. As likely a loaded database (or pool) as one out of reach (a partition that
 * drops packets looks the same); a refused, reset or closed connection, PostgreSQL refusing the
 * statement, or an operator cancelling it, is not this.
 */
export const answeredTooLate = (err: unknown): boolean => {
  const message = err instanceof Error ? err.message : String(err);
  if ([POOL_WAIT_TIMEOUT, CONNECT_TIMEOUT, QUERY_READ_TIMEOUT].some((words) => message.startsWith(words))) return true;
  const code = (err as { code?: unknown } | null | undefined)?.code;
  if (code === STATEMENT_CANCELLED) return message === STATEMENT_TIMEOUT_MESSAGE;
  const cause = driverAdapterCause(err);
  return cause?.originalCode === STATEMENT_CANCELLED && cause.originalMessage === STATEMENT_TIMEOUT_MESSAGE;
};

export const driverAdapterCause = (err: unknown): DriverAdapterCause | undefined =>
  (err as { meta?: { driverAdapterError?: { cause?: DriverAdapterCause } } } | null | undefined)?.meta?.driverAdapterError?.cause;

/**
 * Integrity violations that depend on other rows (unique, foreign key, restrict, exclusion): another
 * transaction may be writing or removing that row (a concurrent duplicate, an account deleted
 * meanwhile), so the same statement can succeed, or the handler decide otherwise, next time.
 */
const DEPENDS_ON_OTHER_ROWS = new Set(['23505', '23503', '23001', '23P01']);

/**
 * The SQLSTATE when PostgreSQL refused a statement for its data, which the same data will meet
 * again (postgresql.org/docs/current/errcodes-appendix.html), else undefined:
 * - class 22, data exception: a NUL in text (22021) or jsonb (22P05), a value out of range
 *   (22003), input that is not of its type (22P02), ...;
 * - class 23, integrity violation, when the row breaks it by its own values: not null (23502),
 *   check (23514); not the ones of DEPENDS_ON_OTHER_ROWS.
 * The adapter gives every PostgreSQL error's SQLSTATE as `originalCode`, whatever Prisma code wraps
 * it (P2010 raw query, P2039, P2011 null constraint, P2007 invalid input ...).
 */
export const refusedDataSqlState = (err: unknown): string | undefined => {
  const code = driverAdapterCause(err)?.originalCode;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('22')) return code;
  return code.startsWith('23') && !DEPENDS_ON_OTHER_ROWS.has(code) ? code : undefined;
};
