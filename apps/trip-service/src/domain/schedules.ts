/**
 * Schedules of a trip. A request is a row `queued` plus an outbox message to
 * ai-schedule-generation-queue in one transaction (so it is sent if and only if it is stored, and
 * once the broker is back after an outage). The AI service owns the generation; this service reads
 * its outcome on the AI service's internal status route (the call graph has trip -> ai, never the
 * reverse) when a schedule is read and in a background sweep, and keeps the final result here.
 * A schedule that has no outcome past its deadline plus a grace period is failed here, so none
 * stays `queued` or `running` forever, whatever happened to its message; failed here alone (the AI
 * service not reachable), it still takes the AI service's outcome when that service answers again.
 * The traveller is told each outcome by this service (outcomeNotice), in the statement that records
 * it here: a trip deleted before has no row to record it in, and nobody is told.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, QUEUE_LIMITS, SCHEDULE_NOTIFICATIONS, SCHEDULE_NUDGE_READS, SCHEDULE_STATUS_CONCURRENCY, SCHEDULE_STATUS_MAX_IDS, SCHEDULE_TIMED_OUT, SCHEDULES_PER_TRIP, TRIP_EVENT_TYPES, TRIP_NOTIFIES, scheduleNotification, scheduleNotificationId, tripNotifies, type GenerationState, type ScheduleOutcome, type Pace, type ScheduleGenerationMessage, type ScheduleResult, type TravelModeName, type WithdrawnSchedule, type ExpiredSchedule, isoDaysMs } from '@tripgen/catalog';
import { HttpProblem, ServiceAnswerError, ServiceUnavailableError, bearerChallenge, logFailure, type BudgetSlot, type FailureLogger, type OperationBudget } from '@tripgen/service-kit';
import { outboxInsertSelectSql, outboxMessage, outboxRowParams, outboxSelectParams, withOutboxSql, type OutboxRow } from '@tripgen/service-kit/messaging';
import type { Prisma, PrismaClient, Schedule as ScheduleRow } from '../generated/prisma/client.ts';
import type { Peers } from '../clients/peers.ts';
import type { TripConfig } from '../config.ts';
import type { TripEvents } from './events.ts';
import { digest } from './request-digest.ts';
import { readPage, type ListPage, type ListPosition } from './list-cursor.ts';
import { lodgingOf, type TripRow } from './trips.ts';
import type { NudgeClaim } from './nudge-claim.ts';
import { nudgeGate } from './nudge-gate.ts';
import { forgetDeleted, type ForgetLease } from './forgotten.ts';
import { WITHIN_TRIP_LOCK_WAIT, heldPastLockWait, heldPastWait, lockTrip, scheduleBusy, scheduleKeyBusy, settingNextWait } from './trip-lock.ts';
import { tripDates } from './trip-rules.ts';
import type { ScheduleRequestBody } from './schemas.ts';

export type { ScheduleRow };

const ACTIVE = ['queued', 'running'] as const;
const isActive = (r: Pick<ScheduleRow, 'status'>): boolean => (ACTIVE as readonly string[]).includes(r.status);
const KEY_REUSED = 'This Idempotency-Key was used for a different schedule request of this trip (another body, or the trip before it changed)';

/**
 * A schedule request: the row (unless the trip is gone or no longer the version the request was
 * made from, or the insert conflicts with the trip's active schedule or the same Idempotency-Key:
 * then nothing at all) and its outbox rows, one statement. The trip's row is share-locked: a PATCH
 * or DELETE that committed after the statement began makes it find no trip (PostgreSQL re-checks
 * the WHERE on the row's latest version, "Read Committed Isolation Level", docs 13.2.1), so no
 * schedule is stored for dates the trip no longer has and the foreign key never sees a trip deleted
 * under it (a 500 before); one that comes later waits for this statement. Parameters: id, trip id,
 * replanDate, locked, base schedule, key, request hash, message, notAfter, createdAt, the trip's
 * updatedAt as read, the trip's limit of schedules (SCHEDULES_PER_TRIP), then the outbox rows' arrays
 * (outboxRowParams). Nothing is inserted either when the trip keeps that many schedules already:
 * trip_db's schedule_room_for_one (migration schedule_room_for_one) takes a lock on the trip held to
 * the transaction's commit and counts its schedules with a snapshot of its own, so the same trip's
 * requests on every replica count one after the other, each seeing the schedule the one before stored.
 * It runs after LOCK_FOR_REQUEST_SQL, in its transaction, which took those locks (held to the
 * commit, taken again here at no wait): its one wait left is for another transaction's schedule of
 * the same Idempotency-Key or the trip's active one, not committed yet (a pod of the release before,
 * which takes no schedule_room_for_one lock), waited for what is left of TRIP_LOCK_WAIT
 * (REMAINING_LOCK_WAIT), then a 409 saying so (scheduleKeyBusy), nothing stored.
 */
const INSERT_REQUEST_SQL = withOutboxSql(`
  INSERT INTO schedules (id, trip_id, user_id, status, replan_date, locked, base_schedule_id, idempotency_key, request_hash, request, not_after, created_at, updated_at)
  SELECT $1::uuid, t.id, t.user_id, 'queued'::"ScheduleStatus", $3::text, $4::text[], $5::uuid, $6::text, $7::text, $8::jsonb, $9::timestamptz, $10::timestamptz, $10::timestamptz
    FROM trips t
   WHERE t.id = $2::uuid AND t.updated_at = $11::timestamptz AND schedule_room_for_one(t.id, $12::integer)
     FOR SHARE OF t
  ON CONFLICT DO NOTHING
  RETURNING id`, 13);

/**
 * The locks of a schedule request, taken first in its transaction by lockTrip (TRIP_LOCK_WAIT for all
 * of them): the trip's row, share-locked as INSERT_REQUEST_SQL locks it, then the trip's requests'
 * turn (schedule_room_for_one's lock; its count is done again by the insert). The row first: a
 * request waiting for a DELETE under way holds no turn the trip's other requests wait for (they
 * waited for it, then for the row, each up to TRIP_LOCK_WAIT: past the kit's 5 s query limit, a 503).
 * Parameters: trip id, the trip's limit of schedules. Its row: `room`, the trip's count after its
 * turn (the insert's count then finds the same); no row: the trip is gone.
 */
const LOCK_FOR_REQUEST_SQL = settingNextWait(
  (wait) => `
  SELECT ${wait} AS wait, room
    FROM (SELECT schedule_room_for_one(t.id, $2::integer) AS room FROM (SELECT id FROM trips WHERE id = $1::uuid FOR SHARE) AS t OFFSET 0) AS turn`,
);

/**
 * Whether a schedule request, its trip's locks taken (LOCK_FOR_REQUEST_SQL), would insert nothing:
 * the trip changed since it was read, or it has an active schedule or one of the request's
 * Idempotency-Key, a racing request's that won the turn before it. A statement of its own after the
 * locks: its snapshot is taken once they are granted, and sees what the turn before committed (the
 * lock statement's was taken before its wait). Asked before the traveller's budget is spent: a
 * loser answered by the one schedule spends nothing (a burst beyond the budget met 429 before).
 * Parameters: trip id, the trip's updatedAt as read, the key (or null).
 */
const LOSES_SQL = `
  SELECT NOT EXISTS (SELECT 1 FROM trips WHERE id = $1::uuid AND updated_at = $2::timestamptz)
      OR EXISTS (SELECT 1 FROM schedules WHERE trip_id = $1::uuid AND (status IN ('queued', 'running') OR idempotency_key = $3::text)) AS loses`;

/** A schedule DELETE's lock of its trip, taken by lockTrip before DELETE_SCHEDULE_SQL. Parameters: trip id, user id. */
const LOCK_FOR_DELETE_SQL = settingNextWait((wait) => `
  SELECT ${wait} AS wait FROM (SELECT id FROM trips WHERE id = $1::uuid AND user_id = $2::uuid FOR SHARE) AS t`);

/**
 * A request's answer when its trip keeps `kept` schedules, `max` or more (catalog SCHEDULES_PER_TRIP):
 * 409, a conflict with the trip's state, as tripLimitReached for trips; not 429 (waiting frees
 * nothing), DELETEs of its ended schedules do (remove): `mustDelete` of them, kept - max + 1, one at
 * the limit itself and more for a trip past it (a rollout's pods of the release before counted
 * nothing). `counted` false: the count stopped at `kept` (keptCount), the trip has that many or more,
 * and the figures are the least that is true; `atLeast` says so to a client that reads the figures
 * and not the detail (before, nothing but the detail's words told a lower bound from an exact count).
 */
export const scheduleLimitReached = (max: number, kept: number, counted: boolean): HttpProblem => {
  const mustDelete = kept - max + 1;
  const keeps = `${counted ? '' : 'at least '}${kept}`;
  const detail =
    mustDelete === 1 && counted
      ? `A trip may keep at most ${max} schedules, and this trip has reached it; deleting one of its ended schedules frees its place for a new one`
      : `A trip may keep at most ${max} schedules, and this trip keeps ${keeps} (stored while the limit was not counted); deleting ${counted ? '' : 'at least '}${mustDelete} of its ended schedules frees a place for a new one`;
  return new HttpProblem(409, detail, { limit: max, kept, mustDelete, atLeast: !counted });
};

/**
 * How a request's 409 for the trip's active schedule tells the way out that does not wait: its
 * DELETE cancels it (remove), after which the trip takes a request at once. Before, the 409 said
 * only to request again once it had finished (up to its deadline and grace).
 */
const cancelHint = (tripId: string, scheduleId: string): string => `cancel it (DELETE /api/v1/trips/${tripId}/schedules/${scheduleId}) and request again at once`;

/** The trip changed (or went) between its read and the schedule's insert: read it again and ask again (the route does, a few times). */
export class TripChangedError extends HttpProblem {
  constructor() {
    super(409, 'The trip changed while this schedule was being requested; read it again and request the schedule again');
  }
}
/**
 * How a refresh's write of a schedule (its outcome, its reason, running) waits for a row another
 * transaction holds: `wait` as any statement (to the kit's query limit), `bounded` TRIP_LOCK_WAIT at
 * most (WITHIN_TRIP_LOCK_WAIT, set by the statement before its wait), then it changes nothing and the
 * caller goes on with the row as committed (heldPastWait). A read's (a schedule request's look at
 * the trip's active schedule, a `?wait=` read) is bounded: the holder may be a trip's DELETE under
 * way (up to TRIP_DELETE_TRANSACTION_MS: its first batch deletes the trip's newest schedules, the
 * active one among them, then holds them to its commit), and before, such a read waited for it to
 * the 5 s query limit and answered 503 (test/trip-busy.test.ts 'reads past a schedule ...'). The
 * sweep's and a nudge's wait as before: nobody waits on them for an answer.
 */
type HeldRow = 'wait' | 'bounded';
const changeable = (where: string, held: HeldRow): string => (held === 'wait' ? where : `${where} AND ${WITHIN_TRIP_LOCK_WAIT}`);

/**
 * A schedule's final outcome and its trip event, one statement: the row changes only while it is
 * still queued or running (one replica's update wins), or, for the AI service's `completed`, while
 * it is failed with the reason in $6 (AI_UNREACHABLE: failed here alone, see correctable; null
 * otherwise, which no row's error equals); the event is written only with the change.
 * Parameters: id, status, result, error, finishedAt, the failure reason a completion may replace,
 * toldAt (when its notification is in the outbox rows, else null), then the outbox rows' arrays
 * (outboxRowParams). Waited for a row another transaction holds as HeldRow says (a trip change's
 * withdrawal: `wait`, an outcome that commits first is not withdrawn).
 */
const finishSql = (where: string): string =>
  withOutboxSql(`
  UPDATE schedules SET status = $2::"ScheduleStatus", result = $3::jsonb, error = $4::text, finished_at = $5::timestamptz, updated_at = $5::timestamptz, told_at = $7::timestamptz
   WHERE ${where}
  RETURNING id`, 8);
const FINISHABLE = `id = $1::uuid AND (status IN ('queued', 'running') OR (status = 'failed' AND error = $6::text))`;
const FINISH_SQL = { wait: finishSql(FINISHABLE), bounded: finishSql(changeable(FINISHABLE, 'bounded')) };
/**
 * A schedule failed here alone (correctable) that takes the AI service's own failure as its reason,
 * which ends its correction (FINISH_SQL replaces AI_UNREACHABLE only); its notification
 * (outcomeNotice) goes in the same statement. A trip change's reason for many at once is
 * CHANGE_REASONS_SQL's, the same update. No trip event: its failure has one. A held row waited for as
 * HeldRow says. Parameters: id, error, updatedAt, the reason it replaces, toldAt (as
 * FINISH_SQL's), then the outbox rows' arrays.
 */
const reasonSql = (held: HeldRow): string =>
  withOutboxSql(`
  UPDATE schedules SET error = $2::text, updated_at = $3::timestamptz, told_at = $5::timestamptz
   WHERE ${changeable("id = $1::uuid AND status = 'failed' AND error = $4::text", held)}
  RETURNING id`, 6);
const REASON_SQL = { wait: reasonSql('wait'), bounded: reasonSql('bounded') };
/** A queued schedule the AI service is planning now, running (refresh's, HeldRow). Parameters: id, updatedAt. */
const runningSql = (held: HeldRow): string => `UPDATE schedules SET status = 'running', updated_at = $2::timestamptz WHERE ${changeable("id = $1::uuid AND status = 'queued'", held)} RETURNING id`;
const RUNNING_SQL = { wait: runningSql('wait'), bounded: runningSql('bounded') };
/**
 * Final outcomes of requests this service tells, recorded without their notification (told_at
 * null): by a trip pod of the release before, which does not tell (a rollout runs both, and an
 * aborted one runs the release before again), while the AI service tells nothing of them. A failure
 * here alone is not told (outcomeNotice). Those updated within LATE_OUTCOME_WINDOW_MS, oldest
 * first, on the partial index schedules_untold_idx (its predicate repeated, so that PostgreSQL uses
 * it; empty in steady state). Parameters: updated after, AI_UNREACHABLE, how many.
 */
const UNTOLD_SQL = `
  SELECT id FROM schedules
   WHERE told_at IS NULL AND status IN ('completed', 'failed') AND (request->>'notifiedBy') = 'trip'
     AND updated_at > $1::timestamptz AND error IS DISTINCT FROM $2::text
   ORDER BY updated_at LIMIT $3::int`;
/** Unfinished schedules the sweep reads and refreshes at once: one status call of the AI service a page. */
export const SWEEP_PAGE = SCHEDULE_STATUS_MAX_IDS;
/** A sweep page's key of a schedule, as ACTIVE_PAGE_SQL and LATE_PAGE_SQL answer it. */
type PageKey = { id: string; created_at: Date };

/**
 * A page of the sweep's unfinished schedules, oldest first, after a (created_at, id) position
 * ('-infinity' for the first): on the partial index schedules_active_idx (its predicate repeated, so
 * that PostgreSQL uses it), a page reads its own rows. On (status, created_at) each page read and
 * sorted every unfinished schedule after its position (EXPLAIN at 5,000 unfinished among 40,000: 2,499
 * rows for the middle page, ~125,000 a pass). Parameters: created_at, id, how many.
 */
export const ACTIVE_PAGE_SQL = `
  SELECT id, created_at FROM schedules
   WHERE status IN ('queued', 'running') AND (created_at, id) > ($1::timestamptz, $2::uuid)
   ORDER BY created_at, id LIMIT $3::int`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The position before every schedule: the first page's. */
const BEFORE_ALL = { createdAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
/**
 * Correctable schedules (failed here alone, within LATE_OUTCOME_WINDOW_MS) the sweep asks the AI
 * service of in one pass at most, SWEEP_PAGE a status call: after an AI outage they may be
 * thousands, and each pass first walks every unfinished one. A pass takes them newest first from
 * where the pass before stopped, and starts again from the newest once it reached the oldest, so
 * every one is asked within ⌈correctable / LATE_PER_PASS⌉ + 1 passes (none skipped: a keyset). Before, a pass asked the newest
 * 100 alone: the 101st waited until a newer one left the set, for good while 100 newer stayed.
 */
export const LATE_PER_PASS = 10 * SWEEP_PAGE;
/**
 * A page of correctable schedules, newest first, before a (created_at, id) position ('infinity' for
 * the first), requested after the window's start: on the partial index schedules_failed_idx (error,
 * created_at, id) WHERE status = 'failed', so a page reads its own rows, not every failure of
 * another reason. Parameters: AI_UNREACHABLE, the window's start, created_at, id, how many.
 */
export const LATE_PAGE_SQL = `
  SELECT id, created_at FROM schedules
   WHERE status = 'failed' AND error = $1::text AND created_at > $2::timestamptz AND (created_at, id) < ($3::timestamptz, $4::uuid)
   ORDER BY created_at DESC, id DESC LIMIT $5::int`;
/** The position after every schedule: the first page of the correctable ones. */
const AFTER_ALL = { createdAt: 'infinity', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
/** Untold outcomes told per sweep at most: a backlog after a long rollback is told over a few sweeps. */
const UNTOLD_PER_SWEEP = 100;
/**
 * One of them told: its notification written with told_at, only while it is still untold and its
 * outcome as read (one replica's update wins; a change meanwhile is told by its own statement).
 * Parameters: id, toldAt, status, error, then the outbox rows' arrays.
 */
const TELL_SQL = withOutboxSql(`
  UPDATE schedules SET told_at = $2::timestamptz
   WHERE id = $1::uuid AND told_at IS NULL AND status = $3::"ScheduleStatus" AND error IS NOT DISTINCT FROM $4::text
  RETURNING id`, 5);
/**
 * A schedule as the AI service's internal routes take it: with when it was asked (its request's
 * requestedAt), so one it never took is timed too, and who tells its outcome (its request's
 * notifiedBy), so that the AI service tells nothing of one this service tells.
 */
const expiredSchedule = (row: Pick<ScheduleRow, 'id' | 'tripId' | 'userId' | 'createdAt' | 'request'>): ExpiredSchedule => ({
  id: row.id,
  tripId: row.tripId,
  userId: row.userId,
  requestedAt: row.createdAt.toISOString(),
  ...(tripNotifies(row.request) ? { notifiedBy: TRIP_NOTIFIES } : {}),
});

/**
 * The traveller's notification of a schedule's outcome (catalog scheduleNotification, the same
 * body and id the AI service sends for the requests of the release before), for the outbox of the
 * statement that records that outcome here: so it is sent if and only if the outcome is recorded,
 * once (one replica's update wins), and never for a schedule whose trip is gone (its row went with
 * the trip: the update finds nothing). Only for a request that says this service tells it (catalog
 * tripNotifies: every request since this release; the AI service tells the others' itself), and
 * never for a failure here alone (AI_UNREACHABLE): the AI service may still give it its outcome,
 * which is then told.
 */
const outcomeNotice = (row: ScheduleRow, outcome: ScheduleOutcome, at: Date): OutboxRow[] => {
  if (!tripNotifies(row.request) || (outcome.status === 'failed' && outcome.error === AI_UNREACHABLE)) return [];
  const n = scheduleNotification({ scheduleId: row.id, tripId: row.tripId, userId: row.userId }, outcome, at.toISOString());
  return [outboxMessage(QUEUES.notification, n, { messageId: scheduleNotificationId(row.id, n.type) })];
};
/** The message id of a schedule's expiry message (expiryMessage): not the request's, which the broker and the AI consumer would take for a duplicate. */
export const expiryMessageId = (scheduleId: string): string => `${scheduleId}.expired`;

/**
 * A schedule failed here alone (the AI service did not answer at its deadline) must still reach
 * the AI service, which alone gives its outcome (and tells it, for a request of the release
 * before notifiedBy), whatever happened to its request message
 * (lost, dead-lettered after the AI service crashed on it, expired). So the same statement that
 * fails it sends its request again under another id, with the deadline as stored here: the AI
 * service fails a request past its deadline before any planning and notifies, unless the schedule
 * already has an outcome there (the request arrived too, in either order): one notification. The
 * outbox and the queue keep it while the broker or the AI service is down.
 */
const expiryMessage = (row: ScheduleRow): OutboxRow => {
  const request = row.request as unknown as ScheduleGenerationMessage;
  const message: ScheduleGenerationMessage = { ...request, notAfter: row.notAfter.toISOString() };
  return outboxMessage(QUEUES.aiScheduleGeneration, message, { messageId: expiryMessageId(row.id) });
};
/**
 * The reason of a schedule whose trip changed, while it was planned, what its request is made of
 * (withdrawStale): the plan would be for a trip that no longer is. A change that leaves the request
 * as it was (a title) leaves the schedule be.
 */
export const TRIP_CHANGED = 'the trip changed while this schedule was planned (its dates, hours, places, lodging, interests or travel mode); please request it again';
/**
 * The reason of a schedule failed here alone (AI_UNREACHABLE) whose trip then changed what it was
 * requested for (withdrawStale, CHANGE_REASONS_SQL): still why it failed, and now final (no longer
 * correctable: a plan the AI service may still finish is for the trip as it was). Before, such a
 * schedule took TRIP_CHANGED, and the traveller was told, for each failure of an outage (8,064 in
 * 14 days), that the trip changed while it was planned, though it had failed before the change,
 * unplanned (change-reasons-sql.test.ts).
 */
export const UNREACHABLE_THEN_CHANGED = 'the schedule was not generated in time: the AI service could not be reached, and the trip has changed since (a plan for the trip as it was is not shown); please request it again';
/** Why the AI service drops a schedule whose trip was deleted while it was planned (its log and ai_db only: nobody is told, the trip is gone). */
export const TRIP_DELETED = 'the trip was deleted while this schedule was planned';
/** Why the AI service drops a schedule the traveller deleted while it was queued or running (its log and ai_db only: nobody is told, they asked for it). */
export const SCHEDULE_DELETED = 'the schedule was deleted while it was planned';
/** What a schedule's id gains to be its withdrawal's message id (withdrawalMessageId; DELETION_WITHDRAWALS_SQL makes it in SQL). */
const WITHDRAWN_SUFFIX = '.withdrawn';
/** The message id of a schedule's withdrawal (withdrawStale): neither the request's nor its expiry's. */
export const withdrawalMessageId = (scheduleId: string): string => `${scheduleId}${WITHDRAWN_SUFFIX}`;
/**
 * The withdrawals of a trip's deletion (withdrawStale), written by PostgreSQL in one statement: the
 * schedules requested within LATE_OUTCOME_WINDOW_MS whose request, or a message about them, can
 * still make the AI service plan or tell: queued or running (one a trip: it may still be planned
 * before its deadline, and a withdrawal fails it there so that a plan under way finishes nothing),
 * and every one of a request of the release before (no notifiedBy `trip`: the AI service tells its
 * outcome a pass through its queue later, which a withdrawal holds back). Not a final one whose
 * request says this service tells it, however it ended:
 *  - completed or failed by the AI service: it has the outcome (this service read it there), so
 *    any copy of its request (a redelivery, an expiry or late copy, a change's withdrawal) finds it
 *    final and does nothing, it writes no notify message for such a request (notifyingBy), and this
 *    service told the outcome in the statement that recorded it, under the id an AI pod of the
 *    release before would use (the inbox keeps one);
 *  - failed here alone (AI_UNREACHABLE): failed only past its deadline and the grace, so the AI
 *    service can no longer plan it (catalog ScheduleGenerationMessage.notAfter: it starts or
 *    finishes nothing past it; a copy of the request or its expiry taken later goes once to the back
 *    of the queue and is then failed as too late), and tells nothing of it on any path
 *    (notifyingBy); what the AI service may still record of it (that late failure, or a completion
 *    made before the deadline) is read by nobody once the trip's row is gone, and pruned or erased
 *    there as any other (GENERATION_RETENTION, ACCOUNT_ERASURE). An AI pod of the release before
 *    ignores notifiedBy and may tell that late failure during the rollout, as it may tell any
 *    outcome (README, "The rollout"). Its withdrawal only set the
 *    reason and the mark in ai_db, and cost a message, a row and a withdraw-route item each: with
 *    the AI service down, a trip gathers one every deadline plus grace (8,064 in 14 days at 120 s +
 *    30 s; the budget's 201,600 with a deadline and grace of 6 s or less), and 201,600 took the
 *    DELETE past Prisma's 5 s transaction limit (P2028: a 503, the trip kept).
 * So what is withdrawn is bounded by what a trip of this release can still have planned (one) and
 * by what a trip pod of the release before requested. Each message is `withdrawal` of its row, made
 * in SQL: the stored request (jsonb, as the kit stored it from the same JSON) with `notAfter` and
 * `withdrawn` set; compared with the one outboxMessage makes in delete-withdrawals-sql.test.ts.
 * One batch a statement (DELETION_WITHDRAWAL_BATCH, withdrawDeleted): those after the key of the
 * batch before (created_at, then id: the queue's order), so that no statement grows with the trip.
 * Answers what tellWithdrawn needs of each, without its request, whether it was queued or running
 * (`active`), and each one's created_at as PostgreSQL writes it (the next batch's key: no precision
 * lost in between). Parameters: trip id,
 * the window's start, WITHDRAWN_SUFFIX, notAfter (ISO), `withdrawn` (JSON), TRIP_NOTIFIES,
 * outboxSelectParams, then the key (created_at, id) and the batch.
 */
const DELETION_WITHDRAWALS_SQL = `
WITH withdrawn AS (
  SELECT id, trip_id, user_id, created_at, request, status FROM schedules
   WHERE trip_id = $1::uuid AND created_at > $2::timestamptz AND (created_at, id) > ($9::timestamptz, $10::uuid)
     AND (status IN ('queued', 'running') OR (request->>'notifiedBy') IS DISTINCT FROM $6::text)
   ORDER BY created_at, id LIMIT $11::int
), outbox AS (
  ${outboxInsertSelectSql(
    `SELECT id::text || $3::text AS message_id,
            request || jsonb_build_object('notAfter', $4::text, 'withdrawn', $5::jsonb) AS body,
            row_number() OVER (ORDER BY created_at, id) AS n
       FROM withdrawn`,
    7,
  )}
)
SELECT id::text AS id, trip_id::text AS "tripId", user_id::text AS "userId", created_at AS "createdAt",
       created_at::text AS "key", status IN ('queued', 'running') AS active,
       (request->'notifiedBy') IS NOT DISTINCT FROM to_jsonb($6::text) AS "tripNotifies"
  FROM withdrawn
 ORDER BY created_at, id`;

/**
 * Withdrawals one statement of a trip's DELETE writes (DELETION_WITHDRAWALS_SQL). Each statement must
 * end within the kit's query time limit (QUERY_TIMEOUT_MS, 5 s) whatever the trip holds: in one
 * statement, the 201,600 schedules of the release before of a trip from before the schedule limit
 * answered 503 on each try (5.1-7.3 s at a load average of 16-28 on 2 cores, the trip kept). A batch
 * of 5,000 took 0.2-0.5 s at a load average of 22 (0.09-0.23 s of it in PostgreSQL, mostly the
 * outbox rows' index entries): ten times within the limit, 41 statements for the 201,600.
 */
export const DELETION_WITHDRAWAL_BATCH = 5_000;

/** The key before every schedule of the window (with created_at after its start, no id is below it). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * A schedule's DELETE (remove), one statement: the trip's row share-locked as a request's insert
 * locks it (a PATCH or DELETE of the trip that committed meanwhile is waited for, and a deleted trip
 * found gone), the schedule's row deleted, whatever its state, and written to forgotten_schedules
 * (forgotten.ts: its copy at the AI service goes once it has ended there and its deadline passed);
 * when it was queued or running, or is a request of the release before (no notifiedBy `trip`)
 * requested within LATE_OUTCOME_WINDOW_MS, whatever its state, its withdrawal on
 * ai-schedule-generation-queue as a trip's deletion writes it (DELETION_WITHDRAWALS_SQL's message and
 * choice: the stored request with `notAfter` and `withdrawn` set, nobody told), so that the AI
 * service fails it unplanned or drops the plan under way, and holds back the notification it would
 * send of a request of the release before: that one tells its outcome a pass through its queue
 * after recording it, and this service may read it (completed) and the traveller delete it
 * meanwhile, which then told `schedule.completed` of a deleted schedule. An outcome
 * recorded at the same moment either commits first (FINISH_SQL: the row, ended, is then deleted with
 * no withdrawal; its notification, written, stays) or finds no row (recorded nowhere, told to
 * nobody). A second DELETE, on this replica or another, finds no row. Parameters: schedule id, trip
 * id, user id, WITHDRAWN_SUFFIX, notAfter (ISO), `withdrawn` (JSON), TRIP_NOTIFIES, the window's
 * start, then outboxSelectParams. Answers the deleted row, `withdrawn` when a withdrawal was written.
 * It runs after LOCK_FOR_DELETE_SQL took the trip's lock (lockTrip: behind a DELETE of the trip
 * under way, 409 tripBusy, nothing deleted); what it may wait for then is the schedule's row (its
 * outcome being recorded, another DELETE of it), for what is left of TRIP_LOCK_WAIT, then a 409
 * saying so (scheduleBusy), nothing deleted.
 */
const DELETE_SCHEDULE_SQL = `
WITH trip AS (
  SELECT id FROM trips WHERE id = $2::uuid AND user_id = $3::uuid FOR SHARE
), gone AS (
  DELETE FROM schedules s USING trip t
   WHERE s.id = $1::uuid AND s.trip_id = t.id AND s.user_id = $3::uuid
  RETURNING s.id, s.trip_id, s.user_id, s.created_at, s.not_after, s.request, s.status, s.replan_date,
            s.status IN ('queued', 'running') OR ((s.request->>'notifiedBy') IS DISTINCT FROM $7::text AND s.created_at > $8::timestamptz) AS withdraw
), forgotten AS (
  INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after) SELECT id, trip_id, user_id, not_after FROM gone
  ON CONFLICT (id) DO NOTHING
), outbox AS (
  ${outboxInsertSelectSql(
    `SELECT id::text || $4::text AS message_id,
            request || jsonb_build_object('notAfter', $5::text, 'withdrawn', $6::jsonb) AS body,
            1 AS n
       FROM gone WHERE withdraw`,
    9,
  )}
)
SELECT id::text AS id, trip_id::text AS "tripId", user_id::text AS "userId", created_at AS "createdAt",
       (request->'notifiedBy') IS NOT DISTINCT FROM to_jsonb($7::text) AS "tripNotifies",
       withdraw AS withdrawn, status IN ('queued', 'running') AS cancelled, replan_date IS NOT NULL AS replan
  FROM gone`;

/**
 * A trip change's failures here alone (correctable) that the trip as it now is would not request,
 * in one statement: each takes UNREACHABLE_THEN_CHANGED (REASON_SQL's update, only while it is still failed
 * with AI_UNREACHABLE: a completion read meanwhile keeps its outcome), with its withdrawal (as
 * `withdrawal` makes it: the stored request with `notAfter` and `withdrawn` set, `notify` where the
 * AI service tells it) and, for a request this service tells, its `schedule.failed` notification
 * (as outcomeNotice makes it), made and written by PostgreSQL. One statement each, a PATCH after an
 * AI outage ran past Prisma's 5 s transaction limit: 8,064 (the most a trip gathers in 14 days at the
 * default deadline and grace) a 503 after 5.0 s, the trip unchanged; 1,000 took 1.2 s. Compared with
 * the kit's outboxMessage rows in change-reasons-sql.test.ts. Parameters: ids, their withdrawal
 * message ids, their notification message ids (aligned), UNREACHABLE_THEN_CHANGED, the change's instant,
 * AI_UNREACHABLE, TRIP_NOTIFIES, the notification's type, the change's instant as the messages
 * carry it (text: a parameter of one type), then outboxSelectParams of ai-schedule-generation-queue
 * and of notification-queue. Answers what tellWithdrawn needs of each.
 */
const CHANGE_REASONS_SQL = `
WITH asked AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS a(id, withdrawal_id, notification_id)
), changed AS (
  UPDATE schedules s SET error = $4::text, updated_at = $5::timestamptz,
         told_at = CASE WHEN (s.request->'notifiedBy') IS NOT DISTINCT FROM to_jsonb($7::text) THEN $5::timestamptz END
    FROM asked a
   WHERE s.id = a.id AND s.status = 'failed' AND s.error = $6::text
  RETURNING s.id, s.trip_id, s.user_id, s.created_at, s.request, a.withdrawal_id, a.notification_id,
            (s.request->'notifiedBy') IS NOT DISTINCT FROM to_jsonb($7::text) AS trip_notifies
), withdrawals AS (
  ${outboxInsertSelectSql(
    `SELECT withdrawal_id AS message_id,
            request || jsonb_build_object('notAfter', $9::text, 'withdrawn', jsonb_build_object('error', $4::text, 'notify', NOT trip_notifies)) AS body,
            row_number() OVER (ORDER BY created_at, id) AS n
       FROM changed`,
    10,
  )}
), notifications AS (
  ${outboxInsertSelectSql(
    `SELECT notification_id AS message_id,
            jsonb_build_object('userId', user_id::text, 'type', $8::text, 'occurredAt', $9::text,
                               'payload', jsonb_build_object('scheduleId', id::text, 'tripId', trip_id::text, 'error', $4::text)) AS body,
            row_number() OVER (ORDER BY created_at, id) AS n
       FROM changed WHERE trip_notifies`,
    12,
  )}
)
SELECT id::text AS id, trip_id::text AS "tripId", user_id::text AS "userId", created_at AS "createdAt", trip_notifies AS "tripNotifies"
  FROM changed
 ORDER BY created_at, id`;

/**
 * The AI service alone plans, and records its outcome when its plan ends: told only afterwards, it
 * would have recorded (and, for a request of the release before notifiedBy, told the traveller)
 * `schedule.completed` for a trip changed or deleted meanwhile. So the
 * change tells it at once: the request again, due now, with `withdrawn` (catalog
 * ScheduleGenerationMessage). It fails the schedule unless it has an outcome already, so a plan
 * under way for it finishes nothing and notifies nothing; an AI service of the previous release
 * fails it as past its deadline.
 */
const withdrawal = (row: Pick<ScheduleRow, 'request'>, at: Date, withdrawn: NonNullable<ScheduleGenerationMessage['withdrawn']>): ScheduleGenerationMessage => ({
  ...(row.request as unknown as ScheduleGenerationMessage),
  notAfter: at.toISOString(),
  withdrawn,
});
const DEFAULT_PACE: Pace = 'normal';
const DEFAULT_MODE: TravelModeName = 'transit';

type Preferences = Awaited<ReturnType<Peers['preferences']>>;
/** The traveller's preferences as read for a request: the user service's answer (null: they set none), or its failure. */
type PreferencesRead = { readonly answered: true; readonly preferences: Preferences } | { readonly answered: false; readonly error: unknown };
/** What a schedule request's trip part takes from the traveller's preferences where the trip leaves it open (the pace always). */
type PreferenceDerived = Pick<ScheduleGenerationMessage['trip'], 'interests' | 'travelMode' | 'pace'>;
/** What it takes from the trip alone. */
type TripOwned = Omit<ScheduleGenerationMessage['trip'], keyof PreferenceDerived>;
/**
 * The trip part's values from the traveller's preferences where the trip leaves them open; null
 * (the traveller set none): the defaults, which are then what they asked for.
 */
const preferenceDerived = (trip: TripRow, prefs: Preferences): PreferenceDerived => ({
  interests: trip.interests.length ? trip.interests : (prefs?.interests ?? []),
  travelMode: trip.travelMode ?? prefs?.travelMode ?? DEFAULT_MODE,
  pace: prefs?.pace ?? DEFAULT_PACE,
});
/** What the trip alone gives a request's trip part. */
const tripOwned = (trip: TripRow): TripOwned => ({
  destination: { name: trip.destinationName, lat: trip.destinationLat, lng: trip.destinationLng },
  lodging: lodgingOf(trip),
  dates: tripDates(trip.startDate, trip.endDate),
  dayStart: trip.dayStart,
  dayEnd: trip.dayEnd,
  mustVisit: trip.mustVisit,
});
/** What the trip itself sets of it: all it owns, and its interests and travel mode when it sets them. */
const tripSets = (trip: TripRow): Partial<ScheduleGenerationMessage['trip']> => ({
  ...tripOwned(trip),
  ...(trip.interests.length ? { interests: trip.interests } : {}),
  ...(trip.travelMode ? { travelMode: trip.travelMode } : {}),
});
const NO_BASE = 'Re-planning a day needs a completed schedule made for the trip as it is now (its dates, hours, lodging, travel mode, must-visits and interests, and your pace); request a full schedule first';
export const PREFERENCES_UNAVAILABLE = 'Your travel preferences could not be read (the user service did not answer), and a full schedule is planned from them; request it again shortly';
export const PREFERENCES_REFUSED = 'Your travel preferences could not be read (the user service refused the trip service\'s request for them), and a full schedule is planned from them; this is our fault, not yours';

/**
 * The user service's refusal of the traveller's token on the read of their preferences (asked with
 * it): expired meanwhile, or the account deleted (the user service answers 401 for both), so they
 * must sign in again. The read is internal, outside their rate limit (it is not their request), so
 * any other 4xx is about the trip service's request, not about the traveller.
 */
const tokenRefused = (error: ServiceAnswerError): HttpProblem =>
  new HttpProblem(401, `The user service refused your access token (${error.detail || 'access token refused'}); sign in again`, {}, bearerChallenge('invalid_token'));
/** How often one unfinished schedule is asked of the AI service, at most. */
export const REFRESH_EVERY_MS = 150;
/**
 * How often a waiting read reads its row again whatever the AI service says (a change made here: a
 * PATCH's withdrawal, a DELETE, a sweep): one primary-key read a second per waiting client.
 */
export const ROW_READ_EVERY_MS = 1_000;
export const TIMED_OUT = SCHEDULE_TIMED_OUT;
/**
 * The reason of a schedule failed here alone: the AI service could not be reached at its deadline
 * plus the grace. Told apart from every reason the AI service reports (its own timeout included),
 * because the AI service may have generated the schedule and told the traveller so (its consumer
 * works while its status route cannot be reached): such a schedule stays correctable (LATE_OUTCOME_WINDOW_MS).
 */
export const AI_UNREACHABLE = 'the schedule was not generated in time: the AI service could not be reached (if it did generate it, it is shown here once the AI service answers again); please request it again';
/**
 * How long after its request a schedule failed here alone (AI_UNREACHABLE) is still asked of the
 * AI service: as long as its expiry message may wait on the queue (the queue's message time to
 * live), i.e. while the AI service can still come to an outcome of its own for it. The AI service
 * keeps its outcomes longer than that (catalog GENERATION_RETENTION), so a `completed` there is found as
 * soon as its status route answers within that time. The set asked is only the schedules the AI
 * service has said nothing final about: one it answers `failed` takes its reason and leaves it.
 */
export const LATE_OUTCOME_WINDOW_MS = isoDaysMs(QUEUE_LIMITS.defaultMessageTimeToLive);
/** Whether the AI service may still give this schedule its outcome here: failed here alone, within the window. */
const correctable = (r: Pick<ScheduleRow, 'status' | 'error' | 'createdAt'>, at: number): boolean => r.status === 'failed' && r.error === AI_UNREACHABLE && at - r.createdAt.getTime() < LATE_OUTCOME_WINDOW_MS;
/** The same, as a query (the sweep's). */
const correctableWhere = (at: number): Prisma.ScheduleWhereInput => ({ status: 'failed', error: AI_UNREACHABLE, createdAt: { gt: new Date(at - LATE_OUTCOME_WINDOW_MS) } });

/** What one pass of the sweep walked: the unfinished schedules, the correctable ones, the pages of unfinished ones; the deleted schedules the AI service forgot (forgotten.ts). */
interface SweepPass {
  active: number;
  late: number;
  pages: number;
  forgotten: number;
}

/** Failures are logged by kind (logFailure): an AI or user service out of reach is a warning, anything else a bug, at error with its stack. */
type Logger = FailureLogger;

/** How a read of one schedule waits for it to end (the service's `get`). */
export interface ScheduleWait {
  /** At most this long (0, the default: answers at once). */
  readonly ms?: number;
  /** Aborted when the caller has left: the wait ends. */
  readonly signal?: AbortSignal;
  /** Told how long the read waited for the schedule to end, when it waited (the route's held time: not the service's latency). */
  readonly waited?: (ms: number) => void;
}

export interface ScheduleDeps {
  readonly prisma: PrismaClient;
  readonly peers: Peers;
  readonly config: Pick<TripConfig, 'scheduleDeadlineMs' | 'scheduleGraceMs' | 'sweepIntervalMs'> & Partial<Pick<TripConfig, 'schedulesPerTrip'>>;
  /** The traveller's budget of schedule requests (catalog SCHEDULE_RATE_LIMIT): spent only by a request that stores a schedule. */
  readonly budget: OperationBudget;
  /** Called after a transaction that enqueued a message committed (wakes the outbox relay). */
  readonly onEnqueued: () => void;
  /** Trip events for analytics, recorded in the transaction of each request and outcome. */
  readonly events: TripEvents;
  readonly log: Logger;
  readonly now?: () => number;
  /**
   * Whether this replica reads a nudged schedule (nudge-claim.ts: the first replica to claim it in
   * Redis, catalog SCHEDULE_NUDGE_CLAIM). Absent: it always does (a lone service, the bench).
   */
  readonly claimNudge?: (scheduleId: string) => Promise<NudgeClaim | undefined>;
  /** Whether this replica may send deleted schedules to the AI service's forget route now (forgotten.ts forgetLease). Absent: it always may (a lone service). */
  readonly forgetLease?: ForgetLease;
  /** The age of the oldest deleted schedule still to forget (forgotten.ts, catalog FORGOTTEN_BACKLOG's gauge). */
  readonly forgetBacklog?: (oldestSeconds: number) => void;
  /**
   * Tells every replica that a schedule was cancelled here, or failed or dropped by its trip's
   * change or deletion, so that their reads waiting on it wake (`wake`): catalog
   * SCHEDULE_OUTCOME_CHANNEL. Absent: only this replica's reads wake.
   */
  readonly announce?: (scheduleId: string) => void;
  /** Counts a nudge dropped past the waiting ones (catalog SCHEDULE_NUDGE_READS, the kit's counter): seen nowhere else. */
  readonly nudgeDropped?: () => void;
}

/** During an AI outage, at most one warning this often (the first failed call is warned at once). */
export const OUTAGE_WARN_EVERY_MS = 10_000;
export const STATES_UNAVAILABLE = 'schedule states unavailable from the AI service';
export const STATES_BACK = 'schedule states available from the AI service again';
/**
 * After a failed status call, no call for `firstMs`; each failed call after that doubles the pause,
 * up to `maxMs`. The bound is how late a traveller waiting on a schedule learns that the AI service
 * is back (a read waits at most 5 s).
 */
export const STATES_PAUSE = { firstMs: 250, maxMs: 2_000 } as const;
/** What the reads made during a pause are rejected with (no call was made for them). */
export class StatesPausedError extends Error {
  override readonly name = 'StatesPausedError';
}

/**
 * Runs work(0), work(1), ... up to work(n - 1) with at most SCHEDULE_STATUS_CONCURRENCY under way,
 * each started as one ends; none is started once one answered false (nothing more to do) or
 * failed. Rejects with the first failure once every one under way has ended, so that nothing of
 * it runs on after the caller moved on. A fixed number of loops over a shared counter: no queue
 * library among the dependencies (p-limit is in the lockfile for another tool only), and this is all of it.
 */
async function inTurn(n: number, work: (i: number) => Promise<boolean | void>): Promise<void> {
  let taken = 0;
  let stopped = false;
  const loop = async () => {
    while (!stopped && taken < n) {
      const i = taken++;
      try {
        if ((await work(i)) === false) stopped = true;
      } catch (err) {
        stopped = true;
        throw err;
      }
    }
  };
  const ended = await Promise.allSettled(Array.from({ length: Math.min(SCHEDULE_STATUS_CONCURRENCY, n) }, loop));
  const failure = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * Status reads of the AI service shared by everyone asking at the same time: the first read goes
 * at once; the ids asked while a call is out wait for it to end and go together in the next one
 * (at most SCHEDULE_STATUS_MAX_IDS a call, the AI route's limit; a longer list, the sweep's pages,
 * in up to SCHEDULE_STATUS_CONCURRENCY calls at once). So the calls follow the AI service's
 * round trip, not the number of travellers polling. Written by hand: DataLoader batches by event
 * loop tick, which under a steady stream of reads sends nearly one call per read.
 * After a failed call it makes none for a pause (STATES_PAUSE: the first, doubled after each
 * failed call up to the bound, back to none once a call is answered): the reads meanwhile are
 * rejected at once without a call, so the readers keep what they know (and the deadline still
 * fails a schedule: refresh), and the first read after the pause probes. Without it an AI service
 * that refuses at once ends each call before the next read comes, so there were about as many
 * calls as travellers' reads (20 readers waiting 3 s: 64 against a stub answering 503, about 400
 * against a closed port; now 3 or 4). Written by hand: no circuit
 * breaker in the lockfile (`retry` there is a retry loop), and this is a timestamp and a doubling.
 * Failed calls are logged here, never by the readers (each gets the rejection): the first at once,
 * then at most one warning per OUTAGE_WARN_EVERY_MS with the calls failed since, and one line when
 * a call is answered again.
 */
export const sharedStateReader = (fetchStates: (ids: string[]) => Promise<GenerationState[]>, log: Logger, now: () => number = Date.now) => {
  let failedCalls = 0; // since the last line
  let warnedAt: number | undefined; // the last warning of the outage under way
  let pauseMs = 0; // the pause after the last failed call; 0 while calls are answered
  let callAt = -Infinity; // no call before this instant
  let lastError: unknown;
  const failed = (err: unknown) => {
    pauseMs = pauseMs === 0 ? STATES_PAUSE.firstMs : Math.min(2 * pauseMs, STATES_PAUSE.maxMs);
    callAt = now() + pauseMs;
    lastError = err;
    failedCalls++;
    if (warnedAt !== undefined && now() - warnedAt < OUTAGE_WARN_EVERY_MS) return;
    logFailure(log, err, { failedCalls }, STATES_UNAVAILABLE);
    warnedAt = now();
    failedCalls = 0;
  };
  const answered = () => {
    pauseMs = 0;
    callAt = -Infinity;
    if (warnedAt === undefined) return;
    log.info({ failedCalls }, STATES_BACK);
    warnedAt = undefined;
    failedCalls = 0;
  };
  interface Batch {
    readonly ids: Set<string>;
    readonly done: Promise<Map<string, GenerationState>>;
    resolve(states: Map<string, GenerationState>): void;
    reject(err: unknown): void;
  }
  const newBatch = (): Batch => {
    const b = { ids: new Set<string>() } as { ids: Set<string> } & Partial<Batch>;
    const done = new Promise<Map<string, GenerationState>>((resolve, reject) => Object.assign(b, { resolve, reject }));
    done.catch(() => undefined); // each reader gets the rejection; an unread one is not unhandled
    return Object.assign(b, { done }) as Batch;
  };
  let next: Batch | undefined;
  let busy = false;
  const pump = async () => {
    busy = true;
    while (next) {
      const batch = next;
      next = undefined;
      if (now() < callAt) {
        batch.reject(new StatesPausedError(`not asked: the AI service's last status call failed; the next one at ${new Date(callAt).toISOString()}`, { cause: lastError }));
        continue;
      }
      try {
        const ids = [...batch.ids];
        const answers = new Map<string, GenerationState>();
        await inTurn(Math.ceil(ids.length / SCHEDULE_STATUS_MAX_IDS), async (i) => {
          for (const s of await fetchStates(ids.slice(i * SCHEDULE_STATUS_MAX_IDS, (i + 1) * SCHEDULE_STATUS_MAX_IDS))) answers.set(s.id, s);
        });
        answered();
        batch.resolve(answers);
      } catch (err) {
        failed(err);
        batch.reject(err);
      }
    }
    busy = false;
  };
  return {
    /** The AI service's state of each of these schedules it knows. */
    read(ids: readonly string[]): Promise<Map<string, GenerationState>> {
      next ??= newBatch();
      for (const id of ids) next.ids.add(id);
      const { done } = next;
      if (!busy) void pump();
      return done;
    },
  };
};

/** The stored result as the routes serialise it (the catalog's wire type is read-only; JSON is JSON). */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

export const toSchedule = (s: ScheduleRow) => {
  const result = s.status === 'completed' ? (s.result as unknown as Mutable<ScheduleResult> | null) : null;
  return {
    id: s.id,
    tripId: s.tripId,
    status: s.status,
    replanDate: s.replanDate,
    locked: s.locked,
    days: result?.days ?? [],
    unscheduled: result?.unscheduled ?? [],
    reasons: result?.reasons ?? [],
    unscheduledMeals: result?.unscheduledMeals ?? [],
    travelMode: result?.travelMode ?? null,
    pace: result?.pace ?? null,
    travel: result?.travel ? { source: result.travel.source, fallback: result.travel.fallback } : null,
    ...(s.status === 'failed' ? { error: s.error ?? 'the schedule could not be generated' } : {}),
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt ? s.finishedAt.toISOString() : null,
  };
};

/** A schedule as listed: what its summary says, without the request and the result (a whole schedule). */
export type ListedSchedule = Omit<ScheduleRow, 'request' | 'result'>;

export const toSummary = (s: ListedSchedule) => ({
  id: s.id,
  status: s.status,
  replanDate: s.replanDate,
  ...(s.status === 'failed' ? { error: s.error ?? 'the schedule could not be generated' } : {}),
  createdAt: s.createdAt.toISOString(),
  finishedAt: s.finishedAt ? s.finishedAt.toISOString() : null,
});

/** What the body asks, independent of order: all requestHash covered before abf1742, its first part since. */
const asked = (body: ScheduleRequestBody) => ({ replanDate: body.replanDate ?? null, locked: [...(body.locked ?? [])].sort() });

/**
 * What was asked, independent of order: the body and the trip as the traveller set it now. The
 * same key or an active schedule answers only the same request, so a request after the trip
 * changed is another request (409 while one is active, 422 under a key already used), never a
 * schedule made for the trip as it was. The trip's own fields, not the preferences that fill what
 * it leaves open: those come from the user service, and a retry while it is down (unread) is
 * still the same request.
 */
const requestHash = (body: ScheduleRequestBody, trip: TripRow): string =>
  digest({
    ...asked(body),
    trip: [trip.destinationName, trip.destinationLat, trip.destinationLng, lodgingOf(trip), trip.startDate, trip.endDate, trip.dayStart, trip.dayEnd, trip.interests, trip.mustVisit, trip.travelMode],
  });

/**
 * Whether a stored schedule was made for this request. Rows stored before the hash covered the
 * trip (abf1742) carry the hash of the body alone; its input has no `trip`, so a stored hash equal
 * to it is of that form. Such a row is the same request only while the trip is as it was when the
 * row was made, i.e. not changed since: its stored message cannot tell what the trip itself set
 * from what the preferences filled in (interests, travel mode), so a trip that cleared its own
 * would still match it. A retry after the deploy is answered its schedule; after any change of the
 * trip it is a 422 like any key.
 */
const sameRequest = (row: ScheduleRow, hash: string, body: ScheduleRequestBody, trip: TripRow): boolean =>
  row.requestHash === hash || (row.requestHash === digest(asked(body)) && trip.updatedAt <= row.createdAt);

/**
 * The schedule that answers a request a racing one of its trip beat, from that trip's active or
 * keyed schedules (activeOrKeyed): the one made under its Idempotency-Key (422 when made for another
 * request), or without a key the same request's active one; undefined otherwise.
 */
const winnerOf = (winners: readonly ScheduleRow[], idempotencyKey: string | undefined, same: (row: ScheduleRow) => boolean): ScheduleRow | undefined => {
  const byKey = idempotencyKey === undefined ? undefined : winners.find((r) => r.idempotencyKey === idempotencyKey);
  if (byKey) {
    if (!same(byKey)) throw new HttpProblem(422, KEY_REUSED);
    return byKey;
  }
  const racing = winners.find(isActive);
  return racing && same(racing) && idempotencyKey === undefined ? racing : undefined;
};

/** The 409 of a request another of its trip beat at the same moment, naming that one's schedule when it is active. */
const racedBy = (tripId: string, racing: ScheduleRow | undefined): HttpProblem =>
  new HttpProblem(409, `Another schedule of this trip was requested at the same moment; request again when it has finished${racing ? `, or ${cancelHint(tripId, racing.id)}` : ''}`, racing ? { scheduleId: racing.id } : {});

/** A schedule a trip's change or deletion withdrew, as CHANGE_REASONS_SQL and DELETION_WITHDRAWALS_SQL answer it. */
interface WithdrawnRow {
  readonly id: string;
  readonly tripId: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly tripNotifies: boolean;
}

/** The withdrawal the AI service is told of such a schedule (its message's body). */
const withdrawnOf = (row: WithdrawnRow, reason: { readonly error: string; readonly notify: boolean }): WithdrawnSchedule => ({
  id: row.id,
  tripId: row.tripId,
  userId: row.userId,
  requestedAt: row.createdAt.toISOString(),
  ...(row.tripNotifies ? { notifiedBy: TRIP_NOTIFIES } : {}),
  ...reason,
});

export const scheduleService = (deps: ScheduleDeps) => {
  const { prisma, peers, config, log } = deps;
  const now = deps.now ?? Date.now;
  const schedulesPerTrip = config.schedulesPerTrip ?? SCHEDULES_PER_TRIP;
  /**
   * Up to where keptCount is exact: twice the limit (it reads one more, so that a trip with exactly
   * this many is told its count, not "at least": before, it stopped here and a trip of 400 read
   * "at least 400"). A trip passes the
   * limit only through pods that count nothing (the release before, during a rollout: a few tens
   * more at the rate limit) or from before the limit (a test trip of the time kept 201,600); a count
   * without a stop read every one of those on each refused request, which spends nothing else.
   */
  const countedUpTo = schedulesPerTrip * 2;
  /** The nudge reads of this replica (catalog SCHEDULE_NUDGE_READS): a burst of them took every connection of the pool. */
  const nudgeReads = nudgeGate(SCHEDULE_NUDGE_READS.atOnce, SCHEDULE_NUDGE_READS.waitingMax);
  /**
   * The trip's schedules: a count that stops one past countedUpTo (Prisma's count with `take`: a LIMIT in
   * a subquery on the (trip_id, created_at) index), outside any transaction and without the trip's
   * lock. Past schedulesPerTrip, the 409's figures (scheduleLimitReached); otherwise it only answers
   * sooner: INSERT_REQUEST_SQL's schedule_room_for_one settles requests racing for the last place.
   */
  const keptCount = (tripId: string): Promise<number> => prisma.schedule.count({ where: { tripId }, take: countedUpTo + 1 });
  const limitReached = (kept: number) => scheduleLimitReached(schedulesPerTrip, kept, kept <= countedUpTo);

  /**
   * When each unfinished schedule was last asked of the AI service: a traveller polling every few
   * milliseconds asks it at most every REFRESH_EVERY_MS per schedule.
   */
  const lastAsked = new Map<string, number>();
  /**
   * The reads waiting on a schedule (get with `ms`), by its id: woken (`wake`) when a cancel of it,
   * or a change or deletion of its trip that ended it (endedWhileActive), committed, here or on
   * another replica (announce), or when the AI service's nudge of it is heard, to read its row at
   * once (and ask the AI service at once when it is still unfinished). Before, a cancel was
   * seen at the wait's next row read (ROW_READ_EVERY_MS): a wait ending first answered `queued` for a
   * schedule already deleted (wait-sees-changes.test.ts).
   */
  const waiters = new Map<string, Set<() => void>>();
  const wake = (scheduleId: string): void => {
    for (const w of waiters.get(scheduleId) ?? []) w();
  };
  /**
   * The queued or running schedules a trip's change failed or its deletion dropped (withdrawStale),
   * to be woken here and on every replica once it committed (tellWithdrawn), as a cancel's are:
   * before, a wait saw them at its next row read, and one ending first answered `queued` for a
   * schedule already failed or gone (wait-sees-changes.test.ts). Not the failures here alone whose
   * reason a change rewrote (8,064 after an outage): no read waits on a failed schedule.
   */
  const endedWhileActive = new WeakSet<WithdrawnSchedule>();
  // Fifty travellers polling at once share one status call per round trip, not fifty.
  const states = sharedStateReader((ids) => peers.scheduleStates(ids), log, now);

  /**
   * Brings unfinished schedules up to date from the AI service; fails those past their deadline.
   * Schedules failed here alone (correctable) are asked too: the AI service's `completed` replaces
   * the failure (once: FINISH_SQL), its `failed` gives its reason (the one the traveller was told),
   * which ends the asking. Resolves with the rows that changed: each as it is now when this call
   * changed it (what it wrote, not read back: a round trip less), or undefined when it is final at the AI service but
   * was changed by another reader or the sweep meanwhile (the caller reads it again). Empty: nothing changed.
   */
  async function refresh(rows: readonly ScheduleRow[], asked: 'recently-skipped' | 'now' = 'recently-skipped', held: HeldRow = 'wait'): Promise<Map<string, ScheduleRow | undefined>> {
    const at = now();
    const pending = rows.filter((r) => (isActive(r) || correctable(r, at)) && (asked === 'now' || !(at - (lastAsked.get(r.id) ?? -Infinity) < REFRESH_EVERY_MS)));
    const changed = new Map<string, ScheduleRow | undefined>();
    if (pending.length === 0) return changed;
    for (const r of pending) lastAsked.set(r.id, at);
    if (lastAsked.size > 10_000) for (const [id, t] of lastAsked) if (at - t > REFRESH_EVERY_MS) lastAsked.delete(id);
    let byId = new Map<string, GenerationState>();
    try {
      byId = await states.read(pending.map((r) => r.id));
    } catch {
      // The AI service is down, or was a moment ago (the shared reader's pause; it logs the outage): keep what we know; the deadline below still applies.
    }
    // Past the deadline and the grace without an outcome: the AI service fails them (its final state
    // is recorded, and told, below). Not answering, they are failed here alone, with a message that
    // has the AI service fail them later (expiryMessage), whose outcome this service then reads.
    const expired = pending.filter((r) => isActive(r) && !['completed', 'failed'].includes(byId.get(r.id)?.status ?? '') && now() > r.notAfter.getTime() + config.scheduleGraceMs);
    for (let i = 0; i < expired.length; i += SCHEDULE_STATUS_MAX_IDS) {
      try {
        const final = await peers.expireSchedules(expired.slice(i, i + SCHEDULE_STATUS_MAX_IDS).map(expiredSchedule));
        for (const s of final) byId.set(s.id, s);
      } catch (err) {
        logFailure(log, err, {}, 'the AI service could not fail schedules past their deadline; failing them here');
      }
    }
    let recorded = false;
    /**
     * A final outcome and its event, one statement; only the replica whose update wins records
     * them. The row as it now is, or undefined when another got there first.
     */
    const finish = async (row: ScheduleRow, data: { status: 'completed'; result: ScheduleResult } | { status: 'failed'; error: string }, also: readonly OutboxRow[] = []): Promise<ScheduleRow | undefined> => {
      // Only the AI service's completion replaces a failure here alone: the outcome the traveller was told.
      const replaces = data.status === 'completed' ? AI_UNREACHABLE : null;
      const finishedAt = new Date();
      const ref = { scheduleId: row.id, tripId: row.tripId, userId: row.userId, replan: row.replanDate !== null, durationMs: Math.max(0, finishedAt.getTime() - row.createdAt.getTime()) };
      const event =
        data.status === 'completed'
          ? deps.events.row(TRIP_EVENT_TYPES.scheduleCompleted, { ...ref, stops: data.result.days.reduce((sum, d) => sum + d.stops.length, 0), unscheduled: data.result.unscheduled.length }, `${row.id}.completed`)
          : deps.events.row(TRIP_EVENT_TYPES.scheduleFailed, { ...ref, reason: data.error === TIMED_OUT || data.error === AI_UNREACHABLE ? 'timed-out' : 'generation-failed' }, `${row.id}.failed`);
      const notice = outcomeNotice(row, data, finishedAt);
      const toldAt = notice.length ? finishedAt : null;
      const outbox = [...event, ...notice, ...also];
      const result = data.status === 'completed' ? data.result : null;
      const error = data.status === 'failed' ? data.error : null;
      const won = await prisma.$queryRawUnsafe<{ id: string }[]>(FINISH_SQL[held], row.id, data.status, result === null ? null : JSON.stringify(result), error, finishedAt.toISOString(), replaces, toldAt?.toISOString() ?? null, ...outboxRowParams(outbox)).catch(heldPastWait([]));
      if (won.length === 0) return undefined;
      if (outbox.length) recorded = true;
      return { ...row, status: data.status, result: result as unknown as Prisma.JsonValue, error, finishedAt, updatedAt: finishedAt, toldAt };
    };
    for (const row of pending) {
      const state = byId.get(row.id);
      const final = state?.status === 'completed' || state?.status === 'failed';
      let current: ScheduleRow | undefined;
      if (state?.status === 'completed' && state.result) {
        current = await finish(row, { status: 'completed', result: state.result });
      } else if (state?.status === 'failed' && !isActive(row)) {
        // Failed here alone and at the AI service too: its reason is what the traveller is told. Still failed: no event.
        const error = state.error ?? 'the schedule could not be generated';
        const at = new Date();
        const notice = outcomeNotice(row, { status: 'failed', error }, at);
        const toldAt = notice.length ? at : null;
        const n = (await prisma.$queryRawUnsafe<unknown[]>(REASON_SQL[held], row.id, error, at.toISOString(), AI_UNREACHABLE, toldAt?.toISOString() ?? null, ...outboxRowParams(notice)).catch(heldPastWait([]))).length;
        if (n > 0) {
          current = { ...row, error, updatedAt: at, toldAt };
          if (notice.length) recorded = true;
        }
      } else if (state?.status === 'failed') {
        current = await finish(row, { status: 'failed', error: state.error ?? 'the schedule could not be generated' });
      } else if (isActive(row) && now() > row.notAfter.getTime() + config.scheduleGraceMs) {
        // The AI service did not answer the expiry: failed here alone, the AI service told to follow.
        current = await finish(row, { status: 'failed', error: AI_UNREACHABLE }, [expiryMessage(row)]);
      } else if (state?.status === 'running' && row.status === 'queued') {
        const n = (await prisma.$queryRawUnsafe<unknown[]>(RUNNING_SQL[held], row.id, new Date().toISOString()).catch(heldPastWait([]))).length;
        if (n > 0) current = { ...row, status: 'running' };
      }
      // Final at the AI service but changed by another reader or the sweep meanwhile: the caller's row is stale, so it reads again.
      if (current || final) changed.set(row.id, current);
      if (final) lastAsked.delete(row.id);
    }
    if (recorded) deps.onEnqueued();
    return changed;
  }

  const refreshed = async (rows: ScheduleRow[]): Promise<ScheduleRow[]> => {
    const at = now();
    if (!rows.some((r) => isActive(r) || correctable(r, at))) return rows;
    // A read's: a row held past TRIP_LOCK_WAIT is answered as committed (HeldRow).
    const changed = await refresh(rows, 'recently-skipped', 'bounded');
    if (changed.size === 0) return rows;
    if ([...changed.values()].some((r) => r === undefined)) return prisma.schedule.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: 'desc' } });
    return rows.map((r) => changed.get(r.id) ?? r);
  };

  /**
   * Tells the outcomes a trip pod of the release before recorded without telling (UNTOLD_SQL), each
   * in its own statement (TELL_SQL) while its row, and so its trip, is there: a deleted trip is told
   * nothing. The sweep's, after its refresh. Answers how many it told.
   */
  async function tellUntold(): Promise<number> {
    const at = now();
    const ids = (await prisma.$queryRawUnsafe<{ id: string }[]>(UNTOLD_SQL, new Date(at - LATE_OUTCOME_WINDOW_MS).toISOString(), AI_UNREACHABLE, UNTOLD_PER_SWEEP)).map((r) => r.id);
    if (!ids.length) return 0;
    let told = 0;
    for (const row of await prisma.schedule.findMany({ where: { id: { in: ids } } })) {
      const outcome: ScheduleOutcome | undefined =
        row.status === 'completed' && row.result ? { status: 'completed', result: row.result as unknown as ScheduleResult } : row.status === 'failed' && row.error ? { status: 'failed', error: row.error } : undefined;
      if (!outcome) continue;
      const toldAt = new Date(now());
      const notice = outcomeNotice(row, outcome, row.finishedAt ?? toldAt);
      if ((await prisma.$queryRawUnsafe<unknown[]>(TELL_SQL, row.id, toldAt.toISOString(), row.status, row.error, ...outboxRowParams(notice))).length > 0) told += 1;
    }
    if (told > 0) {
      log.info({ told }, 'told outcomes recorded without their notification (a trip pod of the release before)');
      deps.onEnqueued();
    }
    return told;
  }

  /** Where the next pass takes up the correctable schedules (LATE_PER_PASS): after the last one asked, or from the newest. */
  let lateFrom = AFTER_ALL;

  /** A sweep page's rows, whole, by id (the primary key): one ended meanwhile is refreshed as it now is (refresh skips it). */
  const refreshPage = async (keys: readonly PageKey[]): Promise<void> => {
    if (keys.length > 0) await refresh(await prisma.schedule.findMany({ where: { id: { in: keys.map((k) => k.id) } } }));
  };
  const cursorAt = (key: PageKey) => ({ createdAt: key.created_at.toISOString(), id: key.id });
  /**
   * A keyset walk's pages, each read after the one before it (its position comes from that page's
   * last key) and refreshed SCHEDULE_STATUS_CONCURRENCY at once: one page at a time, a pass over
   * 5,000 unfinished schedules waited on 50 status calls one after another. `read` answers
   * undefined when the walk is over. The pages hold distinct schedules, each refreshed as it then
   * is (refreshPage), so the outcomes are those of one page at a time.
   */
  const pagesInTurn = (read: () => Promise<readonly PageKey[] | undefined>): Promise<void> => {
    let reading: Promise<unknown> = Promise.resolve();
    return inTurn(Infinity, async () => {
      const page = reading.then(read);
      reading = page.catch(() => undefined);
      const keys = await page;
      if (!keys) return false;
      await refreshPage(keys);
    });
  };

  /**
   * One pass of the sweep: every unfinished schedule of every trip, then up to LATE_PER_PASS of
   * those failed here alone still correctable, brought up to date, then the untold outcomes told,
   * then the deleted schedules forgotten at the AI service (forgotten.ts).
   * `going` false stops it between pages (the service closing). What it walked.
   */
  async function sweep(going: () => boolean = () => true): Promise<SweepPass> {
    const pass = { active: 0, late: 0, pages: 0, forgotten: 0 };
    // Every unfinished schedule, a page at a time, oldest first: with the first page alone, one
    // younger than SWEEP_PAGE others waited for them to end (up to the deadline and the grace)
    // before its outcome was recorded and told. Keyset on (created_at, id), so a schedule that
    // ends meanwhile shifts no page (none skipped); stops while the service closes.
    let after = BEFORE_ALL;
    let lastActive = false;
    await pagesInTurn(async () => {
      if (lastActive || !going()) return undefined;
      const keys = await prisma.$queryRawUnsafe<PageKey[]>(ACTIVE_PAGE_SQL, after.createdAt, after.id, SWEEP_PAGE);
      pass.active += keys.length;
      pass.pages += 1;
      if (keys.length < SWEEP_PAGE) lastActive = true;
      else after = cursorAt(keys.at(-1)!);
      return keys;
    });
    // Apart and after them, so that they never crowd out the unfinished ones: a page at a time from
    // where the pass before stopped, newest first.
    const windowStart = new Date(now() - LATE_OUTCOME_WINDOW_MS).toISOString();
    let lastLate = false;
    let lateNext = lateFrom;
    await pagesInTurn(async () => {
      if (lastLate || !going() || pass.late >= LATE_PER_PASS) return undefined;
      const want = Math.min(SWEEP_PAGE, LATE_PER_PASS - pass.late);
      const keys = await prisma.$queryRawUnsafe<PageKey[]>(LATE_PAGE_SQL, AI_UNREACHABLE, windowStart, lateNext.createdAt, lateNext.id, want);
      pass.late += keys.length;
      pass.pages += 1;
      if (keys.length < want) {
        // The oldest reached: the next pass starts again from the newest.
        lateNext = AFTER_ALL;
        lastLate = true;
      } else lateNext = cursorAt(keys.at(-1)!);
      return keys;
    });
    // Only once every page read was refreshed: pages are read ahead of their refreshes, and a pass that
    // failed part-way (trip_db) takes them up again at the next, not after the wrap-around.
    lateFrom = lateNext;
    await tellUntold();
    pass.forgotten = await forgetDeleted({ prisma, forget: (ids) => peers.forgetGenerations(ids), log, ...(deps.forgetLease ? { lease: deps.forgetLease } : {}), ...(deps.forgetBacklog ? { backlog: deps.forgetBacklog } : {}) }, going);
    return pass;
  }

  /** One read: the trip's active schedules and the one its Idempotency-Key asked for. */
  const activeOrKeyed = (tripId: string, idempotencyKey: string | undefined): Promise<ScheduleRow[]> =>
    prisma.schedule.findMany({ where: { tripId, OR: [{ status: { in: [...ACTIVE] } }, ...(idempotencyKey ? [{ idempotencyKey }] : [])] } });

  /**
   * The base of a re-plan: the newest completed schedule planned for exactly the trip part the
   * re-plan's message carries. A re-plan keeps every other day as it was, and each of them depends
   * on the whole of it: the dates and hours bound the day, the lodging and travel mode give every
   * travel time (from and back to the lodging, where the destination stands in when there is
   * none), the pace how full the day is, the must-visits and interests which places fill it (one
   * added could have gone on a kept day; one removed still fills one). So the whole trip part
   * (compared as JSON values: key order aside), which a field added to the message later joins too.
   */
  const baseFor = (tripId: string, part: ScheduleGenerationMessage['trip']): Promise<ScheduleRow | null> =>
    prisma.schedule.findFirst({ where: { tripId, status: 'completed', request: { path: ['trip'], equals: part as unknown as Prisma.InputJsonValue } }, orderBy: { createdAt: 'desc' } });

  /**
   * Without the traveller's preferences (the user service did not answer): the preference-derived
   * values of the newest completed schedule made for what the trip itself sets (TripOwned, and its
   * interests and travel mode when it sets them), i.e. the traveller's own at their last plan of
   * the trip as it is now; null when there is none (nor any base, whatever the preferences).
   */
  const lastPlanned = async (trip: TripRow): Promise<PreferenceDerived | null> => {
    const set = tripSets(trip);
    const last = await prisma.schedule.findFirst({
      where: { tripId: trip.id, status: 'completed', AND: Object.entries(set).map(([key, value]) => ({ request: { path: ['trip', key], equals: value as Prisma.InputJsonValue } })) },
      orderBy: { createdAt: 'desc' },
      select: { request: true },
    });
    if (!last) return null;
    const { interests, travelMode, pace } = (last.request as unknown as ScheduleGenerationMessage).trip;
    return { interests, travelMode, pace };
  };

  /**
   * In the transaction of a trip's change (after its write, under its row lock) or deletion (before
   * it, the row locked): its queued or running schedules, and on a change those failed here alone
   * that the AI service may still complete (correctable: REASON_SQL), whose request the trip as it now is would
   * not make (requestHash and sameRequest, as a request is told apart on the route; every queued or
   * running one for a deleted trip) are withdrawn (withdrawal). On a change each active one is failed here at once (TRIP_CHANGED,
   * with its trip event and its `schedule.failed` notification: outcomeNotice), and each failed here
   * alone keeps a reason that says it failed unreached (UNREACHABLE_THEN_CHANGED), so the traveller reads
   * the reason and may ask again at once; the AI service fails it too (and notifies `schedule.failed`
   * only for a request of the release before notifiedBy). On a deletion its row goes with the trip
   * and nobody is told. A schedule insert racing the change waits for the lock
   * and then finds the trip changed (INSERT_REQUEST_SQL), so none escapes. A deletion withdraws
   * too the schedules that have their outcome here, requested within LATE_OUTCOME_WINDOW_MS: for a
   * request of the release before notifiedBy (a rollout's), the AI service tells an outcome one pass
   * through its queue after recording it (its notify message),
   * and this service may have read that outcome before the notify message was taken; withdrawn,
   * the AI service holds that notification back (a withdrawal of a final schedule only marks it),
   * where it told the traveller of a trip they had deleted (deleted-after-outcome.test.ts); but not
   * one this service tells that is final here, completed or failed there or failed here alone past
   * its deadline (DELETION_WITHDRAWALS_SQL: nothing of it can still be planned or told there). No
   * longer than the window: past it no message of the schedule can still be on the queue. Answers
   * those withdrawn, for tellWithdrawn once the change committed.
   */
  async function withdrawStale(tx: Prisma.TransactionClient, tripId: string, after: TripRow | null): Promise<WithdrawnSchedule[]> {
    const at = new Date(now());
    if (after === null) return withdrawDeleted(tx, tripId, at);
    // Failed here alone too: the AI service may still complete them, and a completion would replace the failure.
    const open = await tx.schedule.findMany({ where: { tripId, OR: [{ status: { in: [...ACTIVE] } }, correctableWhere(at.getTime())] } });
    const stale = open.filter((r) => {
      const body: ScheduleRequestBody = { ...(r.replanDate === null ? {} : { replanDate: r.replanDate }), locked: r.locked };
      return !sameRequest(r, requestHash(body, after), body, after);
    });
    // The AI service tells the traveller of a changed trip's failure only where it tells the
    // schedule's outcome at all (a request of the release before): this service tells the others'
    // (outcomeNotice), in the statement that fails them here.
    const why = (row: ScheduleRow) => ({ error: TRIP_CHANGED, notify: !tripNotifies(row.request) });
    // Those whose update took: one an outcome reached first (the AI service's completion, read here meanwhile) is not withdrawn.
    const withdrawn: WithdrawnSchedule[] = await changeReasons(tx, stale.filter((r) => !isActive(r)), at);
    for (const row of stale.filter(isActive)) {
      const item = { ...expiredSchedule(row), ...why(row) };
      const message = outboxMessage(QUEUES.aiScheduleGeneration, withdrawal(row, at, why(row)), { messageId: withdrawalMessageId(row.id) });
      const notice = outcomeNotice(row, { status: 'failed', error: TRIP_CHANGED }, at);
      const toldAt = notice.length ? at.toISOString() : null;
      const ref = { scheduleId: row.id, tripId: row.tripId, userId: row.userId, replan: row.replanDate !== null, durationMs: Math.max(0, at.getTime() - row.createdAt.getTime()) };
      const outbox = [...deps.events.row(TRIP_EVENT_TYPES.scheduleFailed, { ...ref, reason: 'generation-failed' }, `${row.id}.failed`), message, ...notice];
      if ((await tx.$queryRawUnsafe<unknown[]>(FINISH_SQL.wait, row.id, 'failed', null, TRIP_CHANGED, at.toISOString(), null, toldAt, ...outboxRowParams(outbox))).length > 0) {
        withdrawn.push(item);
        endedWhileActive.add(item);
      }
    }
    if (withdrawn.length) log.info({ tripId, schedules: withdrawn.map((w) => w.id), deleted: false }, 'active schedules withdrawn: their trip changed what they were planned for');
    return withdrawn;
  }

  /**
   * withdrawStale's failures here alone (correctable) of a changed trip, in one statement
   * (CHANGE_REASONS_SQL): those it changed, for tellWithdrawn.
   */
  async function changeReasons(tx: Prisma.TransactionClient, rows: readonly ScheduleRow[], at: Date): Promise<WithdrawnSchedule[]> {
    if (!rows.length) return [];
    const changed = await tx.$queryRawUnsafe<WithdrawnRow[]>(
      CHANGE_REASONS_SQL,
      rows.map((r) => r.id),
      rows.map((r) => withdrawalMessageId(r.id)),
      rows.map((r) => scheduleNotificationId(r.id, SCHEDULE_NOTIFICATIONS.failed)),
      UNREACHABLE_THEN_CHANGED,
      at.toISOString(),
      AI_UNREACHABLE,
      TRIP_NOTIFIES,
      SCHEDULE_NOTIFICATIONS.failed,
      at.toISOString(),
      ...outboxSelectParams(QUEUES.aiScheduleGeneration),
      ...outboxSelectParams(QUEUES.notification),
    );
    return changed.map((row) => withdrawnOf(row, { error: UNREACHABLE_THEN_CHANGED, notify: !row.tripNotifies }));
  }

  /**
   * withdrawStale for a deleted trip (before the trip's row goes, under its lock): a withdrawal
   * message for each schedule DELETION_WITHDRAWALS_SQL names, made and written by PostgreSQL,
   * DELETION_WITHDRAWAL_BATCH a statement in the queue's order, each batch resuming after the last
   * schedule of the one before. Nobody is told: the trip is gone.
   */
  async function withdrawDeleted(tx: Prisma.TransactionClient, tripId: string, at: Date): Promise<WithdrawnSchedule[]> {
    const reason = { error: TRIP_DELETED, notify: false };
    const windowStart = new Date(at.getTime() - LATE_OUTCOME_WINDOW_MS).toISOString();
    const rows: (WithdrawnRow & { active: boolean })[] = [];
    for (let after = { key: windowStart, id: NIL_UUID }; ; ) {
      const batch = await tx.$queryRawUnsafe<(WithdrawnRow & { key: string; active: boolean })[]>(
        DELETION_WITHDRAWALS_SQL,
        tripId,
        windowStart,
        WITHDRAWN_SUFFIX,
        at.toISOString(),
        JSON.stringify(reason),
        TRIP_NOTIFIES,
        ...outboxSelectParams(QUEUES.aiScheduleGeneration),
        after.key,
        after.id,
        DELETION_WITHDRAWAL_BATCH,
      );
      rows.push(...batch);
      const last = batch.at(-1);
      if (!last || batch.length < DELETION_WITHDRAWAL_BATCH) break;
      after = last;
    }
    if (!rows.length) return [];
    log.info({ tripId, withdrawn: rows.length, deleted: true }, 'schedules withdrawn: their trip was deleted');
    const items = rows.map((row) => withdrawnOf(row, reason));
    // Gone with the trip: a read waiting on one answers its 404. Only a queued or running one has
    // such a read (get's wait); each final one of the release before was woken and announced too,
    // 201,600 Redis publishes before the answer for a trip from before the schedule limit.
    rows.forEach((row, i) => {
      if (row.active) endedWhileActive.add(items[i]!);
    });
    return items;
  }

  /**
   * After the change committed, the reads waiting on its queued or running schedules wake, here and
   * on every replica (endedWhileActive, announce), and the AI service is also told at once on its withdraw route: a plan
   * under way for one of them would otherwise complete, and notify `completed` for the trip as it
   * was, before the withdrawal message is taken (a busy pod, a slow relay, a redelivery). When it
   * does not answer (down; a previous release without the route: 404, or the mesh's 403 before its
   * policy has the route), the message alone tells it. Never rejects (the caller does not wait).
   */
  async function tellWithdrawn(items: readonly WithdrawnSchedule[]): Promise<void> {
    for (const item of items.filter((w) => endedWhileActive.has(w))) {
      wake(item.id);
      deps.announce?.(item.id);
    }
    for (let i = 0; i < items.length; i += SCHEDULE_STATUS_MAX_IDS) {
      const part = items.slice(i, i + SCHEDULE_STATUS_MAX_IDS);
      try {
        await peers.withdrawSchedules(part);
      } catch (err) {
        logFailure(log, err, { schedules: part.map((w) => w.id) }, 'the AI service was not told of the withdrawal at once; its message will tell it', 'info');
      }
    }
  }

  /**
   * The AI service's nudge (catalog SCHEDULE_OUTCOME_CHANNEL: a delivery of this schedule committed
   * there), heard by every replica and read by the one that claims it (claimNudge; every replica
   * read it before, a status call and a round trip here each): its row read here and, while it may
   * still change, its state asked at once, even if a read or the sweep asked it a moment ago
   * (before that commit), then recorded and told as the sweep would (refresh): a deleted trip's
   * schedule has no row, and nothing happens. Not a uuid, claimed by another replica, unknown, or
   * failing: nothing; the sweep still finds it. A read that leaves the schedule unfinished or
   * correctable (no outcome yet, or the status call failed) gives the claim back, so that its next
   * nudge is read. At most SCHEDULE_NUDGE_READS.atOnce read at once, waiting before the claim; one
   * past its `waitingMax` waiting is dropped unclaimed (another replica or the sweep reads it) and
   * counted (nudgeDropped). Never rejects.
   */
  async function nudged(scheduleId: string): Promise<void> {
    if (!UUID.test(scheduleId)) return;
    if (!(await nudgeReads.run(() => readNudged(scheduleId)))) deps.nudgeDropped?.();
  }

  async function readNudged(scheduleId: string): Promise<void> {
    let claim: NudgeClaim | undefined;
    // Whether the row is final here now (or gone with its trip): a later nudge of it has nothing to read.
    let settled = false;
    try {
      if (deps.claimNudge && !(claim = await deps.claimNudge(scheduleId))) return;
      const row = await prisma.schedule.findUnique({ where: { id: scheduleId } });
      if (!row) settled = true;
      else {
        const changed = await refresh([row], 'now');
        const current = changed.has(row.id) ? changed.get(row.id) : row;
        // undefined: final at the AI service, recorded by another reader meanwhile.
        settled = current === undefined || !(isActive(current) || correctable(current, now()));
      }
    } catch (err) {
      logFailure(log, err, { scheduleId }, 'a nudged schedule could not be brought up to date; the sweep will');
    } finally {
      // No outcome read (none yet, or the read failed): the schedule's next nudge is claimed and read again.
      if (claim && !settled) await claim.giveBack();
    }
  }

  return {
    refresh,
    withdrawals: { stale: withdrawStale, tell: tellWithdrawn },
    sweep,
    nudged,
    wake,

    /**
     * Asks for a schedule (202). The same request again (requestHash: the same body for the same
     * trip) without a key while one is queued or running, or with the same Idempotency-Key,
     * answers that schedule; another request while one is active is a 409 (with a key: any
     * schedule not made under it). The user service not answering for the traveller's
     * preferences: a re-plan takes those of the last plan (lastPlanned), a full schedule is a 503;
     * refusing them: 401 is the traveller's (tokenRefused, a re-plan too), any other 4xx a 502 for
     * a full schedule (README "The traveller's preferences").
     */
    async request(trip: TripRow, body: ScheduleRequestBody, idempotencyKey: string | undefined, authorization: string): Promise<ScheduleRow> {
      const hash = requestHash(body, trip);
      const same = (row: ScheduleRow) => sameRequest(row, hash, body, trip);
      // The trip's count of schedules is read beside the replays' read, in parallel (+0.2-0.3 ms median, README), used only past them.
      const counted = keptCount(trip.id);
      // The traveller's preferences fill what the trip leaves open (preferenceDerived). Asked once
      // the count says the trip has room, while the other checks below read the database (unused
      // when one of them answers first: the same request again is answered whether or not the user
      // service answers). Not for a trip at its limit: a client asking again and again of a full
      // trip cost a profile read of the user service each time. undefined: not asked (the trip is
      // full, or its count failed, which fails the request below).
      const preferences: Promise<PreferencesRead | undefined> = counted.then(
        (kept) =>
          kept >= schedulesPerTrip
            ? undefined
            : peers.preferences(authorization).then(
                (value): PreferencesRead => ({ answered: true, preferences: value }),
                (error: unknown): PreferencesRead => ({ answered: false, error }),
              ),
        () => undefined,
      );
      const [known, kept] = await Promise.all([activeOrKeyed(trip.id, idempotencyKey), counted]);
      const seen = idempotencyKey === undefined ? undefined : known.find((r) => r.idempotencyKey === idempotencyKey);
      if (seen && !same(seen)) throw new HttpProblem(422, KEY_REUSED);
      if (seen) return seen;
      // A request that can never be made, whatever else is active, is a 400 at once: not a 409 that
      // has the traveller wait for another schedule only to meet the 400 then.
      const owned = tripOwned(trip);
      const { dates } = owned;
      if (body.locked?.length && !body.replanDate) throw new HttpProblem(400, 'locked places need a replanDate (the day they stay on)', { errors: [{ path: 'body/replanDate', message: 'required with locked' }] });
      if (body.replanDate !== undefined && !dates.includes(body.replanDate)) {
        throw new HttpProblem(400, `replanDate ${body.replanDate} is not a day of this trip (${trip.startDate} to ${trip.endDate})`, { errors: [{ path: 'body/replanDate', message: 'not a day of the trip' }] });
      }
      const active = (await refreshed(known.filter(isActive))).find(isActive);
      // A key is answered only with the schedule made under it: answering another's (made without
      // a key or under another one) would leave this key bound to nothing, and the same key once
      // that schedule ended would make a second schedule. The 409 names the schedule to follow.
      if (active && same(active) && idempotencyKey === undefined) return active;
      if (active && same(active)) throw new HttpProblem(409, `Schedule ${active.id} of this trip, the same request made without this Idempotency-Key, is still ${active.status}; follow it, request again when it has finished, or ${cancelHint(trip.id, active.id)}`, { scheduleId: active.id });
      if (active) throw new HttpProblem(409, `Schedule ${active.id} of this trip is still ${active.status}; request again when it has finished, or ${cancelHint(trip.id, active.id)}`, { scheduleId: active.id });
      // A trip at its limit is told so before anything is spent on the request: no base or place
      // looked up (no 503 of a location service down, which a retry would meet again), no budget.
      if (kept >= schedulesPerTrip) throw limitReached(kept);

      let replan: ScheduleGenerationMessage['replan'];

      // Asked: the count found room (kept < schedulesPerTrip here).
      const read = (await preferences)!;
      let derived: PreferenceDerived;
      if (read.answered) derived = preferenceDerived(trip, read.preferences);
      else if (!(read.error instanceof ServiceUnavailableError || read.error instanceof ServiceAnswerError)) throw read.error;
      else if (read.error instanceof ServiceAnswerError && read.error.status === 401) {
        // Not signed in any more (token revoked, account deleted): nothing is planned for them, a re-plan neither.
        throw tokenRefused(read.error);
      } else if (body.replanDate === undefined) {
        // A full schedule is made of the traveller's pace, interests and travel mode: defaults would
        // be a schedule they did not ask for, holding the trip's one active schedule (README, docs/api.md).
        // A 4xx about our request is a 502 (retrying cannot help), only a user service that did not
        // answer a 503 "shortly".
        logFailure(log, read.error, {}, 'preferences unavailable; full schedule refused');
        throw read.error instanceof ServiceAnswerError ? new HttpProblem(502, PREFERENCES_REFUSED) : new HttpProblem(503, PREFERENCES_UNAVAILABLE);
      } else {
        // A re-plan keeps every other day of its base, planned with the base's pace, interests and
        // mode: those of the traveller's last plan of the trip as it is now are the ones to keep.
        const last = await lastPlanned(trip);
        if (!last) throw new HttpProblem(409, NO_BASE);
        logFailure(log, read.error, { replanWith: last }, 'preferences unavailable; re-plan with those of the last plan');
        derived = last;
      }
      const part: ScheduleGenerationMessage['trip'] = { ...owned, ...derived };
      if (body.replanDate !== undefined) {
        const base = await baseFor(trip.id, part);
        if (!base) throw new HttpProblem(409, NO_BASE);
        const locked = body.locked ?? [];
        const unknown = await peers.unknownPlaces(locked).catch(unavailable);
        if (unknown.length) throw new HttpProblem(400, `Unknown location ids: ${unknown.join(', ')}`, { errors: unknown.map((id) => ({ path: 'body/locked', message: `${id} is not a place` })) });
        const result = base.result as unknown as ScheduleResult;
        const elsewhere = locked.flatMap((id) => {
          const day = result.days.findIndex((d) => d.date !== body.replanDate && d.stops.some((s) => s.locationId === id));
          return day < 0 ? [] : [`${id} is on day ${day + 1} (${result.days[day]!.date})`];
        });
        if (elsewhere.length) throw new HttpProblem(400, `Locked places must not be on another day, which stays as it is: ${elsewhere.join('; ')}`);
        replan = { baseScheduleId: base.id, date: body.replanDate, locked };
      }

      // Every check passed, nothing answered from a schedule already made: this request may cost a
      // generation. It spends the traveller's budget (429 past it) once it holds the trip's turn and
      // finds it would not lose (LOSES_SQL), given back below unless its schedule is stored. A budget
      // already spent is a 429 here, before the transaction: a flood past it took a pooled connection
      // and the trip's turn each, one after another, for that 429 (schedule-budget.test.ts).
      try {
        await deps.budget.refuseIfSpent(trip.userId);
      } catch (refused) {
        // Unless a request of the trip sent at the same moment took the budget's last one and stored
        // its schedule since this one's reads: answered by it, as a loser of the turn is below.
        const winners = await activeOrKeyed(trip.id, idempotencyKey);
        const winner = winnerOf(winners, idempotencyKey, same);
        if (winner) return winner;
        const racing = winners.find(isActive);
        throw racing ? racedBy(trip.id, racing) : refused;
      }
      const spent: { slot?: BudgetSlot } = {};
      const id = randomUUID();
      const createdAt = new Date(now());
      const notAfter = new Date(createdAt.getTime() + config.scheduleDeadlineMs);
      const message: ScheduleGenerationMessage = {
        scheduleId: id,
        tripId: trip.id,
        userId: trip.userId,
        requestedAt: createdAt.toISOString(),
        notAfter: notAfter.toISOString(),
        trip: part,
        ...(replan ? { replan } : {}),
        // This service tells its outcome (outcomeNotice), the AI service nothing of it.
        notifiedBy: TRIP_NOTIFIES,
      };

      const ref = { scheduleId: id, tripId: trip.id, userId: trip.userId };
      const outbox = [
        // The message id is the schedule id: the AI service deduplicates on it.
        outboxMessage(QUEUES.aiScheduleGeneration, message, { messageId: id }),
        ...(replan
          ? deps.events.row(TRIP_EVENT_TYPES.scheduleReplanRequested, { ...ref, baseScheduleId: replan.baseScheduleId, lockedCount: replan.locked.length }, `${id}.requested`)
          : deps.events.row(TRIP_EVENT_TYPES.scheduleRequested, { ...ref, days: dates.length, travelMode: message.trip.travelMode }, `${id}.requested`)),
      ];
      // The row, its message and its event in one statement, one round trip: the partial unique
      // index (one active schedule per trip) and the idempotency key's make a racing request insert nothing.
      let inserted: { id: string }[];
      try {
        inserted = await prisma.$transaction(async (tx) => {
          const [turn] = await lockTrip<{ room: boolean }>(tx, LOCK_FOR_REQUEST_SQL, trip.id, schedulesPerTrip);
          if (!turn?.room) return [];
          const [check] = await tx.$queryRawUnsafe<{ loses: boolean }[]>(LOSES_SQL, trip.id, trip.updatedAt.toISOString(), idempotencyKey ?? null);
          if (check!.loses) return [];
          spent.slot = await deps.budget.spend(trip.userId);
          return tx.$queryRawUnsafe<{ id: string }[]>(
            INSERT_REQUEST_SQL,
            id,
            trip.id,
            body.replanDate ?? null,
            body.locked ?? [],
            replan?.baseScheduleId ?? null,
            idempotencyKey ?? null,
            hash,
            JSON.stringify(message),
            notAfter.toISOString(),
            createdAt.toISOString(),
            trip.updatedAt.toISOString(),
            schedulesPerTrip,
            ...outboxRowParams(outbox),
          ).catch(heldPastLockWait(scheduleKeyBusy));
        });
      } catch (err) {
        // Not stored (the database failed it, or its locks stayed held past TRIP_LOCK_WAIT: 409, or the budget refused it: 429): nothing will be generated.
        if (spent.slot) await deps.budget.giveBack(spent.slot);
        throw err;
      }
      if (inserted.length === 1) {
        deps.onEnqueued();
        // What was stored (timestamps are already whole milliseconds); not read back, which would be a round trip more.
        return {
          id,
          tripId: trip.id,
          userId: trip.userId,
          status: 'queued',
          replanDate: body.replanDate ?? null,
          locked: body.locked ?? [],
          baseScheduleId: replan?.baseScheduleId ?? null,
          idempotencyKey: idempotencyKey ?? null,
          requestHash: hash,
          request: message as unknown as Prisma.JsonValue,
          notAfter,
          result: null,
          error: null,
          createdAt,
          updatedAt: createdAt,
          finishedAt: null,
          toldAt: null,
        };
      }
      // Nothing inserted: the trip changed or went since it was read, or a request of the same trip at
      // the same moment won, or took the trip's last place. Spent only when the insert itself found it
      // (a pod of the release before, which takes no turn, inserting at the same moment).
      if (spent.slot) await deps.budget.giveBack(spent.slot);
      const current = await prisma.trip.findUnique({ where: { id: trip.id }, select: { updatedAt: true } });
      if (!current) throw new HttpProblem(404, 'No such trip');
      if (current.updatedAt.getTime() !== trip.updatedAt.getTime()) throw new TripChangedError();
      const winners = await activeOrKeyed(trip.id, idempotencyKey);
      const winner = winnerOf(winners, idempotencyKey, same);
      if (winner) return winner;
      const racing = winners.find(isActive);
      const keptNow = await keptCount(trip.id);
      if (keptNow >= schedulesPerTrip) throw limitReached(keptNow);
      throw racedBy(trip.id, racing);
    },

    /**
     * Deletes a schedule of the traveller's trip, freeing its place (SCHEDULES_PER_TRIP) and its
     * Idempotency-Key, as a trip's DELETE does for its trips: `deleted`; `none` when the trip has no
     * such schedule or is not the traveller's. One statement (DELETE_SCHEDULE_SQL). A queued or
     * running one is cancelled: withdrawn at the AI service as a deleted trip's are (its message in
     * the statement, and once committed its withdraw route at once, tellWithdrawn, not waited for),
     * nobody told, its late outcome dropped (no row); before, a 409 that had the traveller wait for
     * it. An ended one of a request of the release before is withdrawn too, as a deleted trip's are:
     * the AI service may not have told its outcome yet, and holds that notification back. A schedule
     * failed here alone that the AI service may still complete (correctable) goes as well. Its copy at the AI service goes after (forgotten.ts), unless a re-plan of the trip under
     * way is built on it (then once that ended).
     */
    async remove(userId: string, tripId: string, scheduleId: string): Promise<'deleted' | 'none'> {
      const reason = { error: SCHEDULE_DELETED, notify: false };
      const at = new Date(now());
      // A cancelled one's outcome for analytics (docs/events.md: every schedule has one), committed
      // with the DELETE; before, its `schedule.requested` had no end and read as lost.
      const [row] = await prisma.$transaction(async (tx) => {
        await lockTrip(tx, LOCK_FOR_DELETE_SQL, tripId, userId);
        const rows = await tx.$queryRawUnsafe<(WithdrawnRow & { withdrawn: boolean; cancelled: boolean; replan: boolean })[]>(
          DELETE_SCHEDULE_SQL,
          scheduleId,
          tripId,
          userId,
          WITHDRAWN_SUFFIX,
          at.toISOString(),
          JSON.stringify(reason),
          TRIP_NOTIFIES,
          new Date(at.getTime() - LATE_OUTCOME_WINDOW_MS).toISOString(),
          ...outboxSelectParams(QUEUES.aiScheduleGeneration),
        ).catch(heldPastLockWait(scheduleBusy));
        const gone = rows[0];
        if (gone?.cancelled) {
          const ref = { scheduleId: gone.id, tripId: gone.tripId, userId: gone.userId, replan: gone.replan, durationMs: Math.max(0, at.getTime() - gone.createdAt.getTime()) };
          await deps.events.record(tx, TRIP_EVENT_TYPES.scheduleCancelled, ref, `${gone.id}.cancelled`);
        }
        return rows;
      });
      if (!row) return 'none';
      wake(row.id);
      deps.announce?.(row.id);
      if (row.withdrawn) {
        log.info({ tripId, scheduleId, deleted: true }, 'a schedule deleted (queued or running, or requested by the release before): withdrawn at the AI service');
        deps.onEnqueued();
        void tellWithdrawn([withdrawnOf(row, reason)]);
      }
      return 'deleted';
    },

    /**
     * One schedule of the user's trip (undefined when there is none: the caller tells an unknown trip from an unknown schedule). With `waitMs`, an unfinished one is answered as soon as it ends, or when the
     * wait is over (or `signal` says the caller left) with its state then: the traveller's client
     * asks once instead of polling. While it waits it holds no database connection; it asks the AI
     * service through the shared status reads every REFRESH_EVERY_MS, and reads the row again
     * when that changed it, and every ROW_READ_EVERY_MS whatever it says: a PATCH or DELETE of the
     * trip, or another replica's sweep, changes the row without the AI service (a deleted
     * schedule ends the wait with undefined: the caller's 404). `waited` is told how long it waited
     * for the schedule to end (from its first look at the unfinished schedule to the wait's end, the
     * status reads made meanwhile included), once, when it waited at all: the caller's held time.
     */
    async get(userId: string, tripId: string, scheduleId: string, wait: ScheduleWait = {}): Promise<ScheduleRow | undefined> {
      const { ms: waitMs = 0, signal, waited } = wait;
      // Listening from before the first read: a cancel committed while that read is made still wakes the wait.
      let woken = false;
      let stopPause: (() => void) | undefined;
      const onWake = () => {
        woken = true;
        stopPause?.();
      };
      const mine = waiters.get(scheduleId) ?? new Set<() => void>();
      if (waitMs > 0) waiters.set(scheduleId, mine.add(onWake));
      try {
        // The owner is on the schedule's row too (copied from its trip's, which never changes): the ownership check and the read are one query.
        const found = await prisma.schedule.findFirst({ where: { id: scheduleId, tripId, userId } });
        if (!found) return undefined;
        // Gone meanwhile (its trip deleted while its outcome was recorded: refreshed read it again and found nothing): the caller's 404.
        const first = (await refreshed([found]))[0];
        if (!first) return undefined;
        let row = first;
        const from = now();
        const until = from + waitMs;
        let readAt = from;
        const waiting = () => (ACTIVE as readonly string[]).includes(row.status) && now() < until && !signal?.aborted;
        if (!waiting()) return row;
        try {
          do {
            const paused = new AbortController();
            stopPause = () => paused.abort();
            if (!woken) await pause(Math.min(REFRESH_EVERY_MS, until - now()), signal ? AbortSignal.any([signal, paused.signal]) : paused.signal);
            if (signal?.aborted) break;
            const wokenNow = woken;
            woken = false;
            if (wokenNow) {
              // Woken (its id on the outcome channel: a cancel or a change here or on another replica, or the AI service's
              // nudge): the row first, which a cancel or a change has ended.
              const again = await prisma.schedule.findFirst({ where: { id: scheduleId, tripId } });
              if (!again) return undefined;
              row = again;
              readAt = now();
            }
            // Still unfinished after a wake, the AI service is asked at once ('now'), not at the next REFRESH_EVERY_MS: the nudge's
            // own read here may wait its turn (catalog SCHEDULE_NUDGE_READS) or be another replica's, and this read records
            // the outcome as any would (one update wins). Finished, refresh asks nothing.
            const changed = await refresh([row], wokenNow ? 'now' : 'recently-skipped', 'bounded');
            if (changed.has(row.id) || now() - readAt >= ROW_READ_EVERY_MS) {
              const again = changed.get(row.id) ?? (await prisma.schedule.findFirst({ where: { id: scheduleId, tripId } }));
              if (!again) return undefined;
              row = again;
              readAt = now();
            }
          } while (waiting());
          // Woken while the last round was out (its status call, or a row read begun before the cancel or change committed) and
          // ended past the wait: the row once more, which that change ended, not the one read before it
          // (test/wait-woken-at-its-end.test.ts).
          if (woken && isActive(row) && !signal?.aborted) {
            const again = await prisma.schedule.findFirst({ where: { id: scheduleId, tripId } });
            if (!again) return undefined;
            row = again;
          }
          return row;
        } finally {
          waited?.(now() - from);
        }
      } finally {
        mine.delete(onWake);
        if (mine.size === 0 && waiters.get(scheduleId) === mine) waiters.delete(scheduleId);
      }
    },

    /**
     * A page of the trip's schedules, newest first (list-cursor.ts, readPage), without their requests
     * and results: the list answers summaries, and a 14-day schedule's result is some 20 KB of JSON,
     * which the list read 100 at a time (2.1 MB from PostgreSQL, 32 ms of CPU, for 18 KB of
     * summaries). Only the ones that may still change (active, or correctable) are read whole, to
     * bring them up to date. On the index (trip_id, created_at DESC).
     */
    async list(tripId: string, limit: number, after?: ListPosition): Promise<ListPage<ListedSchedule>> {
      const page = await readPage(limit, after, (keyset) => prisma.schedule.findMany({ ...keyset, where: { tripId, ...keyset.where }, omit: { request: true, result: true } }));
      const at = now();
      const open = page.rows.filter((r) => isActive(r) || correctable(r, at)).map((r) => r.id);
      if (!open.length) return page;
      const current = new Map((await refreshed(await prisma.schedule.findMany({ where: { id: { in: open } } }))).map((r) => [r.id, r]));
      return { rows: page.rows.map((r) => current.get(r.id) ?? r), more: page.more };
    },

    /** Background: the sweep (one pass every sweepIntervalMs), so no schedule waits for a reader. */
    sweeper() {
      let running = true;
      let timer: NodeJS.Timeout | undefined;
      let wake: (() => void) | undefined;
      const loop = (async () => {
        while (running) {
          try {
            await sweep(() => running);
          } catch (err) {
            logFailure(log, err, {}, 'schedule sweep failed');
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, config.sweepIntervalMs);
          });
        }
      })();
      return {
        async close() {
          running = false;
          clearTimeout(timer);
          wake?.();
          await loop;
        },
      };
    },
  };
};

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

/** The location service not answering is a 503 for the traveller (retry), never a 500. */
export const unavailable = (err: unknown): never => {
  if (err instanceof ServiceUnavailableError) {
    const problem = new HttpProblem(503, 'The place directory (location service) is unavailable; try again shortly');
    problem.cause = err; // for the error line only: a problem's extensions go to the client
    throw problem;
  }
  // It refused the ids themselves (e.g. not an id at all): the traveller's input, a 400.
  if (err instanceof ServiceAnswerError && err.status < 500) throw new HttpProblem(400, `Location ids refused by the place directory: ${err.message}`);
  throw err;
};

export type ScheduleService = ReturnType<typeof scheduleService>;
