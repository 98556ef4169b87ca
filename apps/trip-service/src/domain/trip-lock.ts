/**
 * The bounded wait of a trip's writes for the trip's locks (catalog TRIP_LOCK_WAIT): a PATCH or
 * DELETE of the trip, or a schedule's request or DELETE, behind a DELETE under way (up to its 20 s
 * transaction) answers promptly that the trip is being changed, rather than the kit's 503 "The
 * database is unavailable" once its 5 s query limit ran out. What a write waits for after the trip's
 * locks (a schedule's row, a racing insert of the same Idempotency-Key) is answered as what that step
 * waits for: PostgreSQL's context of a lock timeout ("while locking tuple ... in relation ...") is
 * its one account of what was held, and @prisma/adapter-pg 7.10 does not pass it on (its
 * convertDriverError keeps the SQLSTATE, message, detail, column and hint), so another holder there
 * (a migration's lock of the table) is answered the same (docs/api.md says so).
 */
import { BUSY_CODES, TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { HttpProblem, SQLSTATE, answeredTooLate, driverAdapterCause } from '@tripgen/service-kit';

export const TRIP_BUSY = 'Another request is changing or deleting this trip right now; try again shortly (once a deletion is done, the trip is 404)';
export const SCHEDULE_BUSY = 'Another request is changing this schedule right now (its outcome being recorded, or another DELETE of it); try again shortly';
export const SCHEDULE_KEY_BUSY = 'Another request with this Idempotency-Key is being stored for this trip right now; send it again shortly to be answered its schedule';

const retryAfter = { 'retry-after': String(TRIP_LOCK_WAIT.retryAfterSeconds) };

/**
 * 409, not 503: the request conflicts with the state of its target, held by another request of it
 * (RFC 9110 15.5.10), while the server and its database are fine (15.6.4 speaks of overload or
 * maintenance), and a traveller's own concurrent requests are no failure of the service for its
 * availability SLO or a rollout's analysis (both count 5xx). Retry-After says when to send it again;
 * `code` what was held (a schedule request's other 409s carry `scheduleId` or `limit`, these none).
 */
export const tripBusy = (): HttpProblem => new HttpProblem(409, TRIP_BUSY, { code: BUSY_CODES.trip }, retryAfter);
export const scheduleBusy = (): HttpProblem => new HttpProblem(409, SCHEDULE_BUSY, { code: BUSY_CODES.schedule }, retryAfter);
export const scheduleKeyBusy = (): HttpProblem => new HttpProblem(409, SCHEDULE_KEY_BUSY, { code: BUSY_CODES.scheduleKey }, retryAfter);

export const isTripBusy = (err: unknown): boolean => err instanceof HttpProblem && err.message === TRIP_BUSY;

/** What runs a write's statements: its interactive transaction. */
interface Transaction {
  $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
}

/**
 * The statement that takes the trip's locks runs under a statement_timeout of TRIP_LOCK_WAIT: one
 * deadline for all its waits. PostgreSQL's lock_timeout (what bounded it before) counts each lock
 * waited for afresh, and a write queued behind another waiting one waits for the row's tuple lock,
 * then for the holder's transaction: up to twice TRIP_LOCK_WAIT, and a schedule request, which also
 * waits for the trip's other requests (schedule_room_for_one's lock), three times, past the kit's
 * 5 s query limit (its 503). Set and reset around that statement alone, in its transaction, under a
 * savepoint (same round trips: each pair is one simple-protocol call) that its deadline's cancel
 * rolls back to (PROBE).
 */
const SAVEPOINT = 'trip_lock';
const LOCK_DEADLINE = `SAVEPOINT ${SAVEPOINT}; SET LOCAL statement_timeout = ${TRIP_LOCK_WAIT.ms}`;
const LOCK_DEADLINE_RESET = `RELEASE SAVEPOINT ${SAVEPOINT}; SET LOCAL statement_timeout TO DEFAULT`;
/**
 * A statement_timeout says only that the deadline passed, not whether the statement was waiting for a
 * lock then or merely slow (a database so loaded that a lookup of one row outran TRIP_LOCK_WAIT):
 * after its cancel the same statement runs once more at no wait (lock_timeout 1 ms) within another
 * TRIP_LOCK_WAIT. A lock still held is 55P03: the trip is busy (409). Slow again is 57014 (the kit's
 * 503, the database answered too late): before, a 409 TRIP_BUSY that hid an overloaded database from
 * the 5xx alerts. Done, the locks are the write's (a holder that finished meanwhile) and it goes on.
 * Both within the kit's 5 s query limit.
 */
const PROBE = `ROLLBACK TO SAVEPOINT ${SAVEPOINT}; SET LOCAL statement_timeout = ${TRIP_LOCK_WAIT.ms}; SET LOCAL lock_timeout = 1`;
/**
 * The reset after PROBE (one call): the transaction's lock_timeout as before; for a statement that
 * sets the next one's wait (SetsNextWait), none of TRIP_LOCK_WAIT left, as its first try ran the
 * whole of it. What such a statement sets counts from its own start, the probe's: before, the next
 * statement waited a whole TRIP_LOCK_WAIT more (test/trip-lock-probe.test.ts), its write answered after
 * twice the wait, and near the kit's 5 s transaction limit.
 */
const PROBE_RESET = `${LOCK_DEADLINE_RESET}; SET LOCAL lock_timeout TO DEFAULT`;
const PROBE_RESET_NONE_LEFT = `${LOCK_DEADLINE_RESET}; SET LOCAL lock_timeout = 1`;

/**
 * For the select list of a lock statement whose locks are taken in a subquery (`FOR SHARE` keeps
 * it apart, evaluated after them): the transaction's lock_timeout set to what is left of
 * TRIP_LOCK_WAIT since the statement began (at least 1 ms), for the statement after it, whose one
 * wait is for something else than the trip (a schedule's row, a racing key) and answered as such.
 */
const REMAINING_LOCK_WAIT = `set_config('lock_timeout', greatest(1, ${TRIP_LOCK_WAIT.ms} - floor(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000))::int || 'ms', true)`;

/**
 * A lock statement whose select list sets the wait of the statement after it (REMAINING_LOCK_WAIT,
 * given to `select`), which lockTrip then leaves as set where it resets any other statement's: known
 * by its type, not by a search of the statement's text for that expression.
 */
export interface SetsNextWait {
  readonly sql: string;
  readonly setsNextWait: true;
}
export const settingNextWait = (select: (remainingLockWait: string) => string): SetsNextWait => ({ sql: select(REMAINING_LOCK_WAIT), setsNextWait: true });

const sqlState = (err: unknown): unknown => driverAdapterCause(err)?.originalCode;

/**
 * Runs `sql`, the statement of `tx` that takes the trip's locks, waiting for them TRIP_LOCK_WAIT at
 * most in all: past it, tripBusy when they are still held (PROBE; 55P03 at once were a lock_timeout
 * of the database or role shorter than that), the database's own 57014 when the statement was slow
 * without them; its rows otherwise, the rest of the transaction waiting as before.
 */
export const lockTrip = async <T>(tx: Transaction, statement: string | SetsNextWait, ...params: unknown[]): Promise<T[]> => {
  const sql = typeof statement === 'string' ? statement : statement.sql;
  await tx.$executeRawUnsafe(LOCK_DEADLINE);
  let rows: T[];
  let reset = LOCK_DEADLINE_RESET;
  try {
    rows = await tx.$queryRawUnsafe<T[]>(sql, ...params);
  } catch (err) {
    const code = sqlState(err);
    if (code === SQLSTATE.lockNotAvailable) throw tripBusy();
    if (code !== SQLSTATE.queryCanceled) throw err;
    rows = await probe<T>(tx, sql, params);
    reset = typeof statement === 'string' ? PROBE_RESET : PROBE_RESET_NONE_LEFT;
  }
  await tx.$executeRawUnsafe(reset);
  return rows;
};

/**
 * The errors of lock statements the database answered too late on both tries (PROBE's 57014), as
 * they are thrown (the kit answers them 503): a caller that leaves a busy trip for later (the account
 * erasure's sweep) can leave these too, and say why, where any other statement's failure is its own.
 */
const lockAnsweredTooLate = new WeakSet<object>();

/** Whether `err` is a trip's lock statement the database answered too late twice (no lock held: lockTrip). */
export const isTripLockTooLate = (err: unknown): boolean => typeof err === 'object' && err !== null && lockAnsweredTooLate.has(err);

const probe = async <T>(tx: Transaction, sql: string, params: unknown[]): Promise<T[]> => {
  await tx.$executeRawUnsafe(PROBE);
  return tx.$queryRawUnsafe<T[]>(sql, ...params).catch((err: unknown) => {
    if (sqlState(err) === SQLSTATE.lockNotAvailable) throw tripBusy();
    if (answeredTooLate(err) && typeof err === 'object' && err !== null) lockAnsweredTooLate.add(err);
    throw err;
  });
};

/** A statement after lockTrip that waited past REMAINING_LOCK_WAIT (55P03) for `held` is that problem; any other error as it is. */
export const heldPastLockWait =
  (held: () => HttpProblem) =>
  (err: unknown): never => {
    if (sqlState(err) === SQLSTATE.lockNotAvailable) throw held();
    throw err;
  };

/**
 * For the WHERE of a statement that changes one row and may wait for another transaction holding it
 * (evaluated on the row before that wait): its transaction's lock_timeout set to TRIP_LOCK_WAIT, for
 * a statement outside an interactive transaction (its own transaction: the setting goes with it).
 */
export const WITHIN_TRIP_LOCK_WAIT = `set_config('lock_timeout', '${TRIP_LOCK_WAIT.ms}ms', true) IS NOT NULL`;

/** A statement under WITHIN_TRIP_LOCK_WAIT that waited past it (55P03) answers `instead`; any other error as it is. */
export const heldPastWait =
  <T>(instead: T) =>
  (err: unknown): T => {
    if (sqlState(err) === SQLSTATE.lockNotAvailable) return instead;
    throw err;
  };
