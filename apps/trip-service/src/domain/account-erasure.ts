/**
 * The trips of deleted accounts (catalog ACCOUNT_ERASURE): a traveller who deletes their account
 * (the user service's DELETE /api/v1/users/me), or whose account an operator deleted, has their
 * trips erased here, with no message between the services: a sweep walks the owners of trips in key
 * order, asks the user service which of each batch were deleted, has the AI service erase their
 * finished generations (the requests and plans it keeps by account), then deletes their trips one by
 * one as a trip DELETE does (TripRepository.remove: their queued and running schedules withdrawn,
 * the tripDeleted event recorded), then has the AI service erase again (a plan completed in between).
 * The AI service first: once the trips are gone this sweep no
 * longer finds the account, so a failure there ends the sweep with the trips kept, found again by
 * the next. One replica sweeps per period (app.ts: the Redis lease, catalog ACCOUNT_ERASURE.leaseKey);
 * without Redis every replica does: a trip deleted twice is deleted once (the second finds no row).
 * Only the ids the user service names as deleted (a deletion record in user_db), among those asked,
 * are erased: no answer, or another one, erases nothing. An owner with neither an account nor a
 * deletion record is kept: that is what a user_db restored to an earlier point, a geo-restored copy
 * older than trip_db or a DATABASE_URL pointing at an empty database look like, and erasing on
 * absence erased those travellers' trips and plans. The sweep counts them for an operator
 * (`unknownOwners`, docs/runbooks.md#account-erasure).
 */
import { ACCOUNT_ERASURE } from '@tripgen/catalog';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isTripBusy, isTripLockTooLate } from './trip-lock.ts';
import type { TripRepository } from './trips.ts';

export interface AccountErasure {
  readonly prisma: PrismaClient;
  readonly trips: Pick<TripRepository, 'remove'>;
  /** The user service's answer (Peers.deletedAccounts). */
  deletedAccounts(ids: readonly string[]): Promise<{ deleted: string[]; unknown: string[] }>;
  /** The AI service's erasure of their generations (Peers.eraseGenerations); throws when it does not answer. */
  eraseGenerations(userIds: readonly string[]): Promise<number>;
  /** A page of the recorded deletions after `after` (Peers.deletionRecords); undefined from a user service without the route. */
  deletionRecords(after: string | undefined): Promise<{ deleted: string[]; next: string | null } | undefined>;
  /**
   * Once per sweep that walked every owner: the owners user_db does not know (no account, no deletion
   * record), whose trips were kept, and a few of their ids.
   */
  unknownOwners?(count: number, sample: readonly string[]): void;
  /**
   * Once per sweep that walked every owner and every deletion record (not one ended by `stopped` or a
   * failure) and left no trip of a deleted account held by another request.
   */
  completed?(): void;
  /**
   * A trip of a deleted account left by this sweep, held by another request past TRIP_LOCK_WAIT: for
   * the operator that TripGenAccountErasureStalled pages (a sweep that left one is not complete),
   * who otherwise found no word of it (ids alone, no other data of the account).
   */
  leftHeld?(userId: string, tripId: string): void;
  /**
   * A trip of a deleted account left by this sweep because the database answered its DELETE's lock
   * statement too late twice (no lock held: lockTrip), as leftHeld: the sweep goes on and is not
   * complete, and the operator is told the database, not a holder, kept it.
   */
  leftTooLate?(userId: string, tripId: string): void;
}

/** The warning a sweep logs for each trip it left held (the runbook and the tests search for it). */
export const LEFT_HELD_MESSAGE = 'a trip of a deleted account held by another request past TRIP_LOCK_WAIT: left to the next sweep, which is not complete';

/** The warning a sweep logs for each trip whose lock statement the database answered too late (leftTooLate). */
export const LEFT_TOO_LATE_MESSAGE = 'a trip of a deleted account whose DELETE the database answered too late (its lock statement past TRIP_LOCK_WAIT twice, no lock held): left to the next sweep, which is not complete';

/** The warning a sweep logs when it met unknown owners (the runbook and the tests search for it). */
export const UNKNOWN_OWNERS_MESSAGE = 'owners of trips with neither an account nor a deletion record in user_db';

/** Ids of unknown owners a sweep reports: enough for an operator to look them up, a log line's worth. */
const UNKNOWN_SAMPLE = 10;

/** Trips of one owner read per round: an account with many trips is erased in rounds of this many. */
const TRIPS_PER_ROUND = 100;

/** The next `batch` owners of trips after `after` (all from the first), on the (user_id, created_at) index. */
const ownersAfter = (prisma: PrismaClient, after: string | undefined, batch: number) =>
  after === undefined
    ? prisma.$queryRaw<{ userId: string }[]>`SELECT DISTINCT user_id AS "userId" FROM trips ORDER BY user_id LIMIT ${batch}`
    : prisma.$queryRaw<{ userId: string }[]>`SELECT DISTINCT user_id AS "userId" FROM trips WHERE user_id > ${after}::uuid ORDER BY user_id LIMIT ${batch}`;

/**
 * A trip another request holds past TRIP_LOCK_WAIT (its DELETE under way), or whose lock statement
 * the database answered too late twice: not erased by this sweep. The latter failed the whole pass
 * once lockTrip told it from a held trip (a1bc03ff), and every account after it in key order waited
 * for a sweep that met no such trip (test/account-erasure-slow-lock.test.ts); before that it read as held.
 */
const LEFT = 'left';
const TOO_LATE = 'too late';
const leftWhenBusy = (err: unknown): typeof LEFT | typeof TOO_LATE => {
  if (isTripBusy(err)) return LEFT;
  if (isTripLockTooLate(err)) return TOO_LATE;
  throw err;
};

/**
 * Deletes every trip of `userId` (an account gone); how many it deleted, and how many it left held. A
 * trip held by another request (a DELETE of it under way, sent with a token not yet revoked) is left to
 * the next sweep, which finds it if that request did not delete it, and the rest of the account and the
 * sweep go on (before, the sweep failed there, after the kit's 5 s query limit). The rounds resume
 * after the last trip read, so a trip left is not read again.
 */
const eraseTripsOf = async ({ prisma, trips, leftHeld, leftTooLate }: AccountErasure, userId: string): Promise<{ erased: number; left: number }> => {
  let erased = 0;
  let left = 0;
  let after: string | undefined;
  for (;;) {
    const round = await prisma.trip.findMany({ where: { userId, ...(after === undefined ? {} : { id: { gt: after } }) }, select: { id: true }, orderBy: { id: 'asc' }, take: TRIPS_PER_ROUND });
    for (const { id } of round) {
      const removed = await trips.remove(userId, id).catch(leftWhenBusy);
      if (removed === LEFT) {
        left++;
        leftHeld?.(userId, id);
      } else if (removed === TOO_LATE) {
        left++;
        leftTooLate?.(userId, id);
      } else if (removed) erased++;
    }
    if (round.length < TRIPS_PER_ROUND) return { erased, left };
    after = round.at(-1)!.id;
  }
};

/**
 * One sweep over every owner of trips: the trips deleted. `stopped` (the schedule's, aborted when
 * the pod drains) ends it between two batches: the next sweep starts again from the first owner.
 */
export const eraseTripsOfDeletedAccounts = async (deps: AccountErasure, stopped?: AbortSignal, batch: number = ACCOUNT_ERASURE.batch): Promise<number> => {
  let erased = 0;
  let unknown = 0;
  let left = 0;
  const sample: string[] = [];
  let after: string | undefined;
  for (;;) {
    const owners = (await ownersAfter(deps.prisma, after, batch)).map((r) => r.userId);
    const asked = new Set(owners);
    const answer = owners.length === 0 ? { deleted: [], unknown: [] } : await deps.deletedAccounts(owners);
    const gone = [...new Set(answer.deleted)].filter((id) => asked.has(id));
    const unknownHere = [...new Set(answer.unknown)].filter((id) => asked.has(id) && !gone.includes(id));
    unknown += unknownHere.length;
    sample.push(...unknownHere.slice(0, UNKNOWN_SAMPLE - sample.length));
    if (gone.length > 0) await deps.eraseGenerations(gone);
    for (const userId of gone) {
      const trips = await eraseTripsOf(deps, userId);
      erased += trips.erased;
      left += trips.left;
    }
    // Once more now the trips are gone: a plan that completed since the first call (its schedule
    // running then) would be left for good, since no later sweep finds these owners among the trips.
    if (gone.length > 0) await deps.eraseGenerations(gone);
    after = owners.at(-1);
    if (owners.length < batch) {
      deps.unknownOwners?.(unknown, sample);
      const walked = await eraseGenerationsOfRecorded(deps, stopped);
      // A trip left held is a deleted account's data kept: a trip held for good (a transaction that
      // never ends) must stall the gauge as a failing sweep does, or its alert never fires.
      if (walked.complete && left === 0) deps.completed?.();
      return erased;
    }
    if (stopped?.aborted) return erased;
  }
};

/**
 * Has the AI service erase the generations of every deleted account user_db holds a record of, a
 * page (ACCOUNT_ERASURE.batch, the erase route's most) at a time; how many it erased. The owners walk
 * above reaches only accounts with trips: one whose traveller deleted every trip first kept its plans
 * for good. Every record on every sweep while it is kept (ACCOUNT_TOMBSTONE_RETENTION), so also a
 * plan that completed after its trips went, and an ai_db restored within its backups. A user service
 * without the route (a rollout's previous release) ends it with nothing erased. How many it erased,
 * and whether it walked every record (not ended by `stopped`).
 */
export const eraseGenerationsOfRecorded = async (deps: Pick<AccountErasure, 'deletionRecords' | 'eraseGenerations'>, stopped?: AbortSignal): Promise<{ erased: number; complete: boolean }> => {
  let erased = 0;
  let after: string | undefined;
  for (;;) {
    const page = await deps.deletionRecords(after);
    // A user service without the route: nothing more this sweep can do, as complete as it can be.
    if (page === undefined) return { erased, complete: true };
    if (page.deleted.length > 0) erased += await deps.eraseGenerations(page.deleted);
    if (page.next === null) return { erased, complete: true };
    if (stopped?.aborted) return { erased, complete: false };
    // Ids in key order (uuid order is the lower-case hex's): a cursor that does not advance would walk forever.
    if (after !== undefined && page.next <= after) throw new Error('the user service answered a deletions page whose `next` does not advance: the walk ended');
    after = page.next;
  }
};
