/**
 * The AI service's copies of the schedules deleted here. It keeps each schedule it planned (ai_db
 * generations: the request, with the trip and the traveller's preferences as they were, and the
 * plan), and prunes only failed ones (GENERATION_RETENTION): without this, a deleted schedule's or
 * trip's itinerary stayed there until the account was erased, and create-and-delete loops grew
 * ai_db without bound. So a schedule's DELETE and a trip's DELETE (the account erasure's too) write
 * the schedules they delete to forgotten_schedules in their own transaction, and the schedule sweep
 * (every replica, each pass) has the AI service forget them on its internal route
 * (AI_INTERNAL_PATHS.forget, SCHEDULE_STATUS_MAX_IDS at a time) and deletes the rows it forgot. The
 * AI service down (or of the release before, without the route): the rows stay, the next pass asks
 * again; the deletes themselves never wait for it. A row stays while:
 *  - a queued or running re-plan of the same trip names it as its base (the AI service reads the
 *    base's days in ai_db when it takes the re-plan: forgotten, the re-plan would fail);
 *  - the AI service still plans it (`running` in its answer: a plan under way finishes into its row);
 *  - its deadline (not_after) has not passed: a copy of its request still on the queue (a
 *    redelivery) could be planned again into a new row; once past it, a copy is failed unplanned.
 * Forgetting twice (two replicas, a retry) deletes nothing the second time.
 */
import { SCHEDULE_STATUS_MAX_IDS, type ForgetResponse } from '@tripgen/catalog';
import { logFailure, type FailureLogger } from '@tripgen/service-kit';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

/** A trip's schedules, to be forgotten: in its DELETE's transaction, before its row (and so theirs) goes. */
export const forgetTripSchedules = (tx: Prisma.TransactionClient, tripId: string): Promise<number> =>
  tx.$executeRaw`INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
    SELECT id, trip_id, user_id, not_after FROM schedules WHERE trip_id = ${tripId}::uuid
    ON CONFLICT (id) DO NOTHING`;

/**
 * Deletes one ended schedule of the traveller's trip and writes it to be forgotten, one statement;
 * whether it deleted it.
 */
export const deleteEndedSchedule = async (prisma: PrismaClient, userId: string, tripId: string, scheduleId: string): Promise<boolean> => {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    WITH gone AS (
      DELETE FROM schedules
       WHERE id = ${scheduleId}::uuid AND trip_id = ${tripId}::uuid AND user_id = ${userId}::uuid AND status IN ('completed', 'failed')
      RETURNING id, trip_id, user_id, not_after
    ), kept AS (
      INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after) SELECT id, trip_id, user_id, not_after FROM gone
      ON CONFLICT (id) DO NOTHING
    )
    SELECT count(*)::int AS n FROM gone`;
  return (row?.n ?? 0) > 0;
};

/**
 * Rows one pass sends at most (10 calls): a trip of SCHEDULES_PER_TRIP is 2; a backlog after a long
 * outage goes over several passes.
 */
export const FORGET_PER_PASS = 1_000;

/**
 * The next rows to forget after `after` (key order): none named as the base of the same trip's
 * queued or running re-plan (the one-active-per-trip index finds that schedule). `due`: its deadline
 * passed (the database's clock), so that an answer now is final.
 */
const pageAfter = (prisma: PrismaClient, after: string, limit: number) =>
  prisma.$queryRaw<{ id: string; due: boolean }[]>`
    SELECT f.id::text AS id, f.not_after < now() AS due FROM forgotten_schedules f
     WHERE f.id > ${after}::uuid
       AND NOT EXISTS (SELECT 1 FROM schedules s
                        WHERE s.trip_id = f.trip_id AND s.base_schedule_id = f.id AND s.status IN ('queued', 'running'))
     ORDER BY f.id LIMIT ${limit}`;

const BEFORE_ALL = '00000000-0000-0000-0000-000000000000';

export interface Forgetting {
  readonly prisma: PrismaClient;
  /** The AI service's forget route (Peers.forgetGenerations); throws when it does not answer. */
  forget(ids: readonly string[]): Promise<ForgetResponse>;
  readonly log: FailureLogger;
}

/**
 * One pass: up to FORGET_PER_PASS rows sent, those forgotten for good deleted. The AI service not
 * answering ends the pass (logged; the next pass asks again). `going` false stops it between calls.
 * How many rows it deleted.
 */
export const forgetDeleted = async ({ prisma, forget, log }: Forgetting, going: () => boolean = () => true, perPass: number = FORGET_PER_PASS): Promise<number> => {
  let after = BEFORE_ALL;
  let sent = 0;
  let done = 0;
  while (sent < perPass && going()) {
    const page = await pageAfter(prisma, after, Math.min(SCHEDULE_STATUS_MAX_IDS, perPass - sent));
    if (page.length === 0) break;
    sent += page.length;
    after = page.at(-1)!.id;
    let answer: ForgetResponse;
    try {
      answer = await forget(page.map((r) => r.id));
    } catch (err) {
      logFailure(log, err, { schedules: page.length }, 'the AI service did not forget deleted schedules; the next sweep asks again', 'info');
      break;
    }
    const running = new Set(answer.running);
    const forgotten = page.filter((r) => r.due && !running.has(r.id)).map((r) => r.id);
    if (forgotten.length > 0) done += await prisma.$executeRaw`DELETE FROM forgotten_schedules WHERE id = ANY(${forgotten}::uuid[])`;
    if (page.length < SCHEDULE_STATUS_MAX_IDS) break;
  }
  return done;
};
