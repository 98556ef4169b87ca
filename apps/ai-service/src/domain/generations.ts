/**
 * ai_db: one row per schedule generation (id = the trip service's schedule id). A row is created
 * `running` when the work starts, and becomes `completed` or `failed` in the same transaction as
 * the notification written to the outbox and the processed-message record of the idempotent
 * consumer: exactly one final state, exactly one notification.
 */
import { QUEUES, SCHEDULE_NOTIFICATIONS, type GenerationState, type NotificationMessage, type ScheduleGenerationMessage, type ScheduleResult } from '@tripgen/catalog';
import { outboxMessage, outboxRowParams, withOutboxSql, type SqlExecutor } from '@tripgen/service-kit/messaging';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

export type Outcome = { status: 'completed'; result: ScheduleResult; engineMs: number } | { status: 'failed'; error: string };

/** A schedule that got its outcome here, with the time since the traveller asked (the 5-second promise's measure). */
export interface FinishedSchedule {
  readonly scheduleId: string;
  readonly status: Outcome['status'];
  readonly askedAt: Date;
  readonly secondsSinceAsked: number;
}
export type OnFinished = (finished: FinishedSchedule) => void;

/** When a request says it was asked; undefined when the value is not a time Date can read (a poison body's). */
export const askedAtOf = (requestedAt: unknown): Date | undefined => {
  const ms = typeof requestedAt === 'string' ? Date.parse(requestedAt) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
};

/**
 * Hands a finished schedule to the telemetry. A throw there (a metric refused, an exporter's bug)
 * must not roll the outcome back and have the schedule planned again, or dead-lettered unfinished.
 */
export const reportFinished = (onFinished: OnFinished | undefined, warn: (obj: object, msg: string) => void, scheduleId: string, status: Outcome['status'], askedAt: Date | undefined): void => {
  if (!onFinished || !askedAt) return;
  try {
    // Never below 0: a requestedAt from a caller's clock ahead of this one's.
    onFinished({ scheduleId, status, askedAt, secondsSinceAsked: Math.max(0, Date.now() - askedAt.getTime()) / 1000 });
  } catch (err) {
    warn({ scheduleId, err: String(err) }, 'the finished schedule\'s telemetry failed; the schedule is kept');
  }
};

/** The notification's message id: one per schedule and outcome, so a re-send is deduplicated by the inbox. */
export const notificationId = (scheduleId: string, type: string): string => `${type}:${scheduleId}`;

/**
 * The notification of an outcome, dated now (the outcome is recorded with it): the inbox orders by
 * that time, since messages may land out of the order they were written (catalog NotificationMessage).
 */
const notification = (ids: { scheduleId: string; tripId: string; userId: string }, outcome: Outcome, occurredAt = new Date().toISOString()): NotificationMessage =>
  outcome.status === 'completed'
    ? {
        userId: ids.userId,
        type: SCHEDULE_NOTIFICATIONS.completed,
        occurredAt,
        payload: {
          scheduleId: ids.scheduleId,
          tripId: ids.tripId,
          days: outcome.result.days.length,
          stops: outcome.result.days.reduce((n, d) => n + d.stops.length, 0),
          unscheduled: outcome.result.unscheduled,
        },
      }
    : { userId: ids.userId, type: SCHEDULE_NOTIFICATIONS.failed, occurredAt, payload: { scheduleId: ids.scheduleId, tripId: ids.tripId, error: outcome.error } };

/**
 * The outcome and its notification, one statement (one round trip on the path every schedule
 * takes): the notification is written only when the row was still `running`.
 */
const FINISH_SQL = withOutboxSql(`
  UPDATE generations SET status = $2::"GenerationStatus", result = $3::jsonb, error = $4::text, engine_ms = $5::int, finished_at = clock_timestamp()
   WHERE id = $1::uuid AND status = 'running'
  RETURNING id`, 6);

/**
 * Final state plus its notification (none with `notify: false`: a schedule whose trip is gone), on
 * the caller's executor; false when the row was already final.
 */
export const finishGeneration = async (tx: SqlExecutor, ids: { scheduleId: string; tripId: string; userId: string }, outcome: Outcome, notify = true): Promise<boolean> => {
  const n = notification(ids, outcome);
  const finished = await tx.$queryRawUnsafe<{ id: string }[]>(
    FINISH_SQL,
    ids.scheduleId,
    outcome.status,
    outcome.status === 'completed' ? JSON.stringify(outcome.result) : null,
    outcome.status === 'failed' ? outcome.error : null,
    outcome.status === 'completed' ? outcome.engineMs : null,
    ...outboxRowParams(notify ? [outboxMessage(QUEUES.notification, n, { messageId: notificationId(ids.scheduleId, n.type) })] : []),
  );
  return finished.length === 1;
};

/** Inserts a schedule's row `running` unless it has one (then keeps it): what a failure without a delivery of its own finishes. */
const ENSURE_ROW_SQL = `INSERT INTO generations (id, trip_id, user_id, status, request) VALUES ($1::uuid, $2::uuid, $3::uuid, 'running', $4::jsonb)
   ON CONFLICT (id) DO UPDATE SET status = generations.status
 RETURNING request->>'requestedAt' AS requested_at`;

/**
 * A request the trip service withdrew (its trip changed or was deleted while it was planned;
 * catalog ScheduleGenerationMessage.withdrawn), in the delivery's transaction: the schedule is
 * failed with the trip service's reason unless it already has an outcome, and the traveller
 * notified only when the message says so. The row stays, failed: a plan under way for it (another
 * delivery) then finishes nothing and notifies nothing, and a request arriving after it is final.
 * True when this failed it.
 */
export const withdrawGeneration = async (tx: SqlExecutor, message: ScheduleGenerationMessage & { withdrawn: NonNullable<ScheduleGenerationMessage['withdrawn']> }): Promise<boolean> => {
  const ids = { scheduleId: message.scheduleId, tripId: message.tripId, userId: message.userId };
  await tx.$queryRawUnsafe(ENSURE_ROW_SQL, ids.scheduleId, ids.tripId, ids.userId, JSON.stringify(message));
  return finishGeneration(tx, ids, { status: 'failed', error: message.withdrawn.error }, message.withdrawn.notify);
};

/**
 * Deletes failed generations finished longer ago than `olderThanMs` (GENERATION_RETENTION: past
 * every status read, redelivery and expiry message that could still ask for them). Completed ones
 * stay: a re-plan reads its base's days here, for as long as the trip service keeps that schedule.
 */
export const PRUNE_SQL = `DELETE FROM generations WHERE id = ANY (ARRAY(
  SELECT id FROM generations WHERE status = 'failed' AND finished_at < now() - ($1::float8 * interval '1 millisecond') LIMIT $2::int))`;
/** Rows deleted per statement: the first prune after the deploy would otherwise delete the whole backlog in one transaction. */
const PRUNE_BATCH = 10_000;
/** `stopped` (the pruning schedule's, aborted when the pod drains) ends it between batches: the rest goes at the next prune. */
export const pruneFailedGenerations = async (db: SqlExecutor, olderThanMs: number, stopped?: AbortSignal): Promise<number> => {
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRawUnsafe(PRUNE_SQL, olderThanMs, PRUNE_BATCH);
    total += deleted;
    if (deleted < PRUNE_BATCH || stopped?.aborted) return total;
  }
};

export const generationRepository = (prisma: PrismaClient) => ({
  /**
   * Starts the work on a request: 'start' when this delivery should generate (a new row, or a
   * `running` one left by a delivery that died), 'final' when the schedule already has its outcome.
   */
  async begin(message: ScheduleGenerationMessage): Promise<'start' | 'final'> {
    try {
      await prisma.generation.create({
        data: { id: message.scheduleId, tripId: message.tripId, userId: message.userId, status: 'running', request: message as unknown as Prisma.InputJsonValue },
      });
      return 'start';
    } catch (err) {
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
      const row = await prisma.generation.findUnique({ where: { id: message.scheduleId }, select: { status: true } });
      return row?.status === 'running' ? 'start' : 'final';
    }
  },

  /**
   * Records a failure outside the consumer's transaction (a poison message, which that transaction
   * cannot keep; a schedule past its deadline or withdrawn by the trip service, told on its internal
   * routes), notifying the traveller unless `notify` is false. Answers undefined when the schedule
   * already had its outcome, else when it was asked: from the request this service stored for it
   * (the body given here, or the delivery it was working on), undefined when it has none (it never
   * saw the request).
   */
  async failOutright(ids: { scheduleId: string; tripId: string; userId: string }, request: unknown, error: string, notify = true): Promise<{ askedAt: Date | undefined } | undefined> {
    return prisma.$transaction(async (tx) => {
      const [stored] = await tx.$queryRawUnsafe<{ requested_at: unknown }[]>(
        ENSURE_ROW_SQL,
        ids.scheduleId,
        ids.tripId,
        ids.userId,
        JSON.stringify(request ?? null),
      );
      return (await finishGeneration(tx, ids, { status: 'failed', error }, notify)) ? { askedAt: askedAtOf(stored?.requested_at) } : undefined;
    });
  },

  /** A completed schedule of this trip and user (the base of a re-plan). */
  async completedResult(id: string, tripId: string, userId: string): Promise<ScheduleResult | undefined> {
    const row = await prisma.generation.findFirst({ where: { id, tripId, userId, status: 'completed' }, select: { result: true } });
    return (row?.result as ScheduleResult | null | undefined) ?? undefined;
  },

  async states(ids: readonly string[]): Promise<GenerationState[]> {
    const rows = await prisma.generation.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true, result: true, error: true } });
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      ...(r.status === 'completed' && r.result ? { result: r.result as unknown as ScheduleResult } : {}),
      ...(r.status === 'failed' ? { error: r.error ?? 'the schedule could not be generated' } : {}),
    }));
  },
});

export type GenerationRepository = ReturnType<typeof generationRepository>;
