/**
 * The bounded wait of a trip's writes for the trip's row lock (catalog TRIP_LOCK_WAIT): a PATCH or
 * DELETE of the trip, or a schedule's request or DELETE, behind a DELETE under way (up to its 20 s
 * transaction) answers promptly that the trip is being changed, rather than the kit's 503 "The
 * database is unavailable" once its 5 s query limit ran out.
 */
import { TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { HttpProblem, SQLSTATE, driverAdapterCause } from '@tripgen/service-kit';

export const TRIP_BUSY = 'Another request is changing or deleting this trip right now; try again shortly (once a deletion is done, the trip is 404)';

/**
 * 409, not 503: the request conflicts with the state of its target, held by another request of it
 * (RFC 9110 15.5.10), while the server and its database are fine (15.6.4 speaks of overload or
 * maintenance), and a traveller's own concurrent requests are no failure of the service for its
 * availability SLO or a rollout's analysis (both count 5xx). Retry-After says when to send it again.
 */
export const tripBusy = (): HttpProblem => new HttpProblem(409, TRIP_BUSY, {}, { 'retry-after': String(TRIP_LOCK_WAIT.retryAfterSeconds) });

export const isTripBusy = (err: unknown): boolean => err instanceof HttpProblem && err.message === TRIP_BUSY;

/**
 * A condition for the WHERE of the statement that locks the trip's row: sets the transaction's
 * lock_timeout (set_config, local) as the row is read, before it is locked, so the one statement
 * needs no round trip more. Outside a transaction block it holds for that statement alone; inside
 * one, to its end unless `LOCK_WAIT_RESET` follows.
 */
export const WITHIN_LOCK_WAIT = `set_config('lock_timeout', '${TRIP_LOCK_WAIT.ms}ms', true) IS NOT NULL`;

/** The rest of the transaction waits for its locks as before (no lock_timeout of its own). */
export const LOCK_WAIT_RESET = 'SET LOCAL lock_timeout TO DEFAULT';

/** A write that waited past TRIP_LOCK_WAIT (PostgreSQL's 55P03, lock_not_available) is tripBusy; any other error as it is. */
export const busyPastLockWait = (err: unknown): never => {
  if (driverAdapterCause(err)?.originalCode === SQLSTATE.lockNotAvailable) throw tripBusy();
  throw err;
};
