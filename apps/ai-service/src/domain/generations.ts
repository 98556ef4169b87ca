/**
 * ai_db: one row per schedule generation (id = the trip service's schedule id). A row is created
 * `running` when the work starts, and becomes `completed` or `failed` in the same transaction as
 * its notification written to the outbox (on the consumer's path, its notify message: the
 * notification goes once more through the schedule queue, see notifyMessageId) and the
 * processed-message record of the idempotent consumer: exactly one final state, at most one
 * notification.
 */
import { QUEUES, scheduleNotification, type AsyncOutcome, type ForgetResponse, scheduleNotificationId, tripNotifies, type GenerationState, type NotificationMessage, type ScheduleGenerationMessage, type ScheduleResult } from '@tripgen/catalog';
import { enqueue, outboxMessage, outboxRowParams, withOutboxSql, type SqlExecutor } from '@tripgen/service-kit/messaging';
import type { PrismaClient } from '../generated/prisma/client.ts';

export type Outcome = { status: 'completed'; result: ScheduleResult; engineMs: number } | { status: 'failed'; error: string };

/**
 * A schedule that got its outcome here, with the time since the traveller asked (the 5-second
 * promise's measure). `status` is the histogram's outcome label (catalog ASYNC_OUTCOMES): a
 * withdrawal and an expiry are failed here like any failure, but the objective tells them apart.
 */
export interface FinishedSchedule {
  readonly scheduleId: string;
  readonly status: AsyncOutcome;
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
 * must not roll the outcome back and have the schedule planned again, or dead-lettered unfinished;
 * it is a bug all the same, for `logError` (error level) with its stack.
 */
export const reportFinished = (onFinished: OnFinished | undefined, logError: (obj: object, msg: string) => void, scheduleId: string, status: AsyncOutcome, askedAt: Date | undefined): void => {
  if (!onFinished || !askedAt) return;
  try {
    // Never below 0: a requestedAt from a caller's clock ahead of this one's.
    onFinished({ scheduleId, status, askedAt, secondsSinceAsked: Math.max(0, Date.now() - askedAt.getTime()) / 1000 });
  } catch (err) {
    logError({ scheduleId, err }, 'the finished schedule\'s telemetry failed; the schedule is kept');
  }
};

/** The notification's message id (catalog scheduleNotificationId): one per schedule and outcome, so a re-send, or the trip service's during a rollout, is deduplicated by the inbox. */
export const notificationId = scheduleNotificationId;

/** The notification of an outcome, dated now (the outcome is recorded with it): catalog scheduleNotification. */
const notification = (ids: { scheduleId: string; tripId: string; userId: string }, outcome: Outcome, occurredAt = new Date().toISOString()): NotificationMessage =>
  scheduleNotification(ids, outcome, occurredAt);

/**
 * The message id of a schedule's notify message: its outcome's notification sent once more through
 * the schedule queue before it goes to the traveller. An outcome recorded by a delivery (a plan, a
 * failure) would otherwise be told at once, and a withdrawal of its trip's deletion or change that
 * waited behind the request on the queue (this service down when the trip service withdrew it:
 * its withdraw call found nobody) came too late to stop it (trip-service
 * withdrawn-after-outcome.test.ts). Keyed by the schedule as the withdrawal is (catalog
 * partitionKeyOf: one partition, in order), the notify message comes after a withdrawal already
 * waiting, which marks the schedule withdrawn (withdrawGeneration); taken, it notifies unless it finds
 * that mark (deliverNotification). Another id than the request's, its expiry's, its late copy's
 * and its withdrawal's, so that neither the broker nor the consumer takes it for a duplicate.
 */
export const notifyMessageId = (scheduleId: string): string => `${scheduleId}.notify`;
export const isNotifyMessage = (messageId: string): boolean => messageId.endsWith('.notify');

/** Body of a notify message (ai-schedule-generation-queue, written and read by this service only): the schedule and its outcome's notification, dated when the outcome was recorded. */
export interface NotifyMessage {
  readonly scheduleId: string;
  readonly tripId: string;
  readonly userId: string;
  readonly notification: NotificationMessage;
}

/**
 * Where an outcome's notification goes: to the traveller's inbox at once (notification-queue: the
 * trip service's calls on the internal routes, which know the trip as it is now; a withdrawal that
 * asks for it), through the schedule queue first (a notify message: every outcome a delivery
 * records), or nowhere (a withdrawal of a deleted trip; a request whose outcome the trip service
 * tells: notifyingBy).
 */
export type NotifyBy = 'inbox' | 'queue' | 'none';

/**
 * `by`, unless the trip service tells this request's outcome itself (catalog tripNotifies: its
 * request, or the schedule on an internal route, says notifiedBy `trip`): then 'none'. The trip
 * service writes the notification in the transaction that records the outcome it reads here, and
 * writes none for a trip deleted before it read it; this service's notification, sent a pass later
 * through the queue, told the traveller of a deleted trip whenever two pods took its notify message
 * and the trip's withdrawal at once (25 of 100 pairs: test/notify-two-pods.test.ts).
 */
export const notifyingBy = (request: unknown, by: NotifyBy): NotifyBy => (tripNotifies(request) ? 'none' : by);

const notificationRow = (ids: { scheduleId: string; tripId: string; userId: string }, n: NotificationMessage, by: NotifyBy) =>
  by === 'inbox'
    ? [outboxMessage(QUEUES.notification, n, { messageId: notificationId(ids.scheduleId, n.type) })]
    : by === 'queue'
      ? [outboxMessage(QUEUES.aiScheduleGeneration, { scheduleId: ids.scheduleId, tripId: ids.tripId, userId: ids.userId, notification: n } satisfies NotifyMessage, { messageId: notifyMessageId(ids.scheduleId) })]
      : [];

/**
 * The outcome and its notification (or notify message), one statement (one round trip on the path
 * every schedule takes): written only when the row was still `running`.
 */
const FINISH_SQL = withOutboxSql(`
  UPDATE generations SET status = $2::"GenerationStatus", result = $3::jsonb, error = $4::text, engine_ms = $5::int, finished_at = clock_timestamp()
   WHERE id = $1::uuid AND status = 'running'
  RETURNING id`, 6);

/**
 * Final state plus its notification, by `by` (NotifyBy), on the caller's executor; false when the
 * row was already final.
 */
export const finishGeneration = async (tx: SqlExecutor, ids: { scheduleId: string; tripId: string; userId: string }, outcome: Outcome, by: NotifyBy): Promise<boolean> => {
  const n = notification(ids, outcome);
  const finished = await tx.$queryRawUnsafe<{ id: string }[]>(
    FINISH_SQL,
    ids.scheduleId,
    outcome.status,
    outcome.status === 'completed' ? JSON.stringify(outcome.result) : null,
    outcome.status === 'failed' ? outcome.error : null,
    outcome.status === 'completed' ? outcome.engineMs : null,
    ...outboxRowParams(notificationRow(ids, n, by)),
  );
  return finished.length === 1;
};

/**
 * A schedule the forget route has forgotten (forgotten_generations), as an SQL condition on the id
 * `$1`: no statement creates a row for it. Its trip service deleted it; a message about it still on
 * the queue (a late `.expired` copy, a poison copy, a withdrawal) otherwise made a new failed row
 * without the withdrawn mark the forget had deleted with the completed row, and its notify message
 * told the traveller `schedule.failed` for a deleted trip (consumer.test.ts).
 */
const NOT_FORGOTTEN = 'NOT EXISTS (SELECT 1 FROM forgotten_generations WHERE id = $1::uuid)';

/**
 * The advisory-lock class (two-key form, apart from Prisma Migrate's one-key 72707369) of a
 * schedule's lock: the forget route and every statement that creates a row (the claim, ENSURE_ROW_SQL)
 * take it first, in their transaction. Without it, a statement whose snapshot predates the forget's
 * record and that committed after the forget read which ids run made a `running` row the forget
 * answered not running: its plan completed into a row no forget deletes (forget-claim-race.test.ts).
 */
const SCHEDULE_LOCK_CLASS = 0x5f6f7267; // arbitrary; only needs to differ from other two-key locks of ai_db (none)
/** Takes the schedule `$1`'s lock (SCHEDULE_LOCK_CLASS) until the transaction ends. */
const LOCK_SCHEDULE_SQL = `SELECT 1 FROM (SELECT pg_advisory_xact_lock(${SCHEDULE_LOCK_CLASS}, hashtext($1::uuid::text))) AS locked`;
/** The locks of the ids `$1`, in one order (two forgets of overlapping ids cannot deadlock). */
const LOCK_SCHEDULES_SQL = `SELECT count(pg_advisory_xact_lock(${SCHEDULE_LOCK_CLASS}, h)) FROM (
  SELECT DISTINCT hashtext(u.id::text) AS h FROM unnest($1::uuid[]) AS u(id) ORDER BY h) AS keys`;
/** Takes the lock of one schedule before its transaction creates a row (LOCK_SCHEDULE_SQL). */
export const lockSchedule = async (tx: SqlExecutor, scheduleId: string): Promise<void> => {
  await tx.$executeRawUnsafe(LOCK_SCHEDULE_SQL, scheduleId);
};

/**
 * Inserts a schedule's row `running` unless it has one (then keeps it) or was forgotten (then none:
 * nothing returned, and finishGeneration finds no row to finish or notify): what a failure without a
 * delivery of its own finishes.
 */
const ENSURE_ROW_SQL = `INSERT INTO generations (id, trip_id, user_id, status, request)
  SELECT $1::uuid, $2::uuid, $3::uuid, 'running', $4::jsonb WHERE ${NOT_FORGOTTEN}
   ON CONFLICT (id) DO UPDATE SET status = generations.status
 RETURNING request->>'requestedAt' AS requested_at`;

/**
 * What a withdrawn schedule's row keeps of its request (withdrawGeneration, and the erasure of a
 * deleted account's rows): its ids, when it was asked and who tells its outcome. Nothing reads more
 * of a withdrawn row; the rest (the trip, the traveller's preferences) is personal.
 */
export const WITHDRAWN_REQUEST_KEYS = ['scheduleId', 'tripId', 'userId', 'requestedAt', 'notifiedBy'] as const;

/**
 * What a row stores of a request that can only fail (WITHDRAWN_REQUEST_KEYS): its ids, when it was
 * asked (only a time: a poison request's copy may hold anything there) and who tells its outcome.
 */
export const requestKept = (ids: { scheduleId: string; tripId: string; userId: string }, request: unknown): Record<string, string> => {
  const requestedAt = (request as { requestedAt?: unknown } | null | undefined)?.requestedAt;
  return { ...ids, ...(typeof requestedAt === 'string' && askedAtOf(requestedAt) ? { requestedAt } : {}), ...(tripNotifies(request) ? { notifiedBy: 'trip' } : {}) };
};

/**
 * The withdrawn failures of these accounts (the erase route) with their request cut to
 * WITHDRAWN_REQUEST_KEYS (string values only: a poison request's copy may hold anything there):
 * a row written while the plan was under way (its request the whole message) kept the trip and the
 * preferences for the failed ones' retention. Only rows that still hold more are written.
 */
const stripFailedSql = (by: 'user_id' | 'id', which: 'withdrawn' | 'every') => `UPDATE generations g SET request = k.kept
  FROM (SELECT id, CASE WHEN jsonb_typeof(request) = 'object'
      THEN (SELECT COALESCE(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(request) WHERE key = ANY($2::text[]) AND jsonb_typeof(value) = 'string')
      ELSE '{}'::jsonb END AS kept
    FROM generations WHERE ${by} = ANY($1::uuid[]) AND status = 'failed'${which === 'withdrawn' ? ' AND withdrawn IS NOT NULL' : ''}) k
  WHERE g.id = k.id AND g.request IS DISTINCT FROM k.kept`;
const STRIP_WITHDRAWN_SQL = stripFailedSql('user_id', 'withdrawn');
/**
 * Every failure of these schedule ids (the forget route), cut the same way: a failed row is what makes
 * a later `.expired` or `.withdrawn` message of its schedule final instead of failed and told again, so
 * it stays for GENERATION_RETENTION, holding ids, reason and who tells it, nothing of the trip.
 */
const STRIP_FAILED_BY_ID_SQL = stripFailedSql('id', 'every');

/**
 * Marks the schedule withdrawn by the trip service (its reason and whether to tell the traveller),
 * whatever its state: a notify message of its outcome still on the queue then tells nothing of a
 * deleted trip (deliverNotification). The first withdrawal is kept (a redelivery changes nothing),
 * but one that tells nothing (the trip deleted) replaces one that told (the trip changed, then
 * deleted before the notify message was taken): the traveller is not told of a trip they deleted
 * (trip-service deleted-after-outcome.test.ts). Nothing else of the row changes.
 */
const MARK_WITHDRAWN_SQL = `UPDATE generations SET withdrawn = $2::jsonb, withdrawn_at = clock_timestamp()
  WHERE id = $1::uuid AND (withdrawn IS NULL OR (withdrawn->>'notify' = 'true' AND $2::jsonb->>'notify' = 'false'))`;

/**
 * A request the trip service withdrew (its trip changed or was deleted while it was planned;
 * catalog ScheduleGenerationMessage.withdrawn, or its internal withdraw route), on the caller's
 * executor: the schedule is failed with the trip service's reason unless it already has an
 * outcome, and the traveller notified at once only when the withdrawal says so. The row stays,
 * failed: a plan under way for it (another delivery) then finishes nothing and notifies nothing,
 * and a request arriving after it is final. Either way the row is marked withdrawn, so that the
 * notify message of an outcome recorded before it is held back. Answers whether this failed it,
 * and when the schedule was asked (the stored request's requestedAt).
 */
export const withdrawGeneration = async (
  tx: SqlExecutor,
  ids: { scheduleId: string; tripId: string; userId: string },
  request: unknown,
  withdrawn: NonNullable<ScheduleGenerationMessage['withdrawn']>,
): Promise<{ failed: boolean; askedAt: Date | undefined }> => {
  // A row it creates keeps the ids, when the schedule was asked and who tells its outcome (WITHDRAWN_REQUEST_KEYS), never the
  // request the withdrawal copies (the trip, the traveller's preferences): nothing reads more of a withdrawn row, and after an
  // account's erasure (ACCOUNT_ERASURE) its trips' withdrawals write such rows. A row that exists keeps its request (a plan under
  // way reads nothing of it, but the erase route cuts it for a deleted account's).
  const kept = requestKept(ids, request);
  await lockSchedule(tx, ids.scheduleId);
  const [stored] = await tx.$queryRawUnsafe<{ requested_at: unknown }[]>(ENSURE_ROW_SQL, ids.scheduleId, ids.tripId, ids.userId, JSON.stringify(kept));
  const failed = await finishGeneration(tx, ids, { status: 'failed', error: withdrawn.error }, notifyingBy(request, withdrawn.notify ? 'inbox' : 'none'));
  await tx.$executeRawUnsafe(MARK_WITHDRAWN_SQL, ids.scheduleId, JSON.stringify({ error: withdrawn.error, notify: withdrawn.notify }));
  return { failed, askedAt: askedAtOf(stored?.requested_at) };
};

/**
 * What a notify message did: told the traveller its outcome, told them of the withdrawal instead (a
 * changed trip), nothing (a deleted trip), nothing because its schedule was forgotten (`forgotten`:
 * forgotten_generations), or nothing because its schedule has no row (`gone`).
 */
export type NotifyDelivery = 'notified' | 'notified-withdrawn' | 'withheld' | 'forgotten' | 'gone';

/**
 * A notify message taken (notifyMessageId), in its delivery's transaction: the schedule's row
 * locked (a withdrawal being written waits, or is waited for), its notification written to
 * notification-queue unless the schedule was withdrawn meanwhile. Withdrawn without `notify` (its
 * trip deleted): nothing. Withdrawn with `notify` (its trip changed): the withdrawal's failure,
 * dated when it was taken, instead of the outcome: the trip service failed that schedule with the
 * same reason when the trip changed (TRIP_CHANGED) and answers it so, and a withdrawal taken before
 * the outcome would have notified the same. Forgotten, or the row gone (erased): nothing. The message id
 * of the notification is the outcome's (notificationId): the inbox keeps one of each.
 */
export const deliverNotification = async (tx: SqlExecutor, message: NotifyMessage): Promise<NotifyDelivery> => {
  // Forgotten (deleted at the trip service), whether a row is left or not (a failed one, cut to its ids
  // and kept for the retention): told, the traveller heard of a deleted schedule.
  const [{ forgotten } = { forgotten: false }] = await tx.$queryRawUnsafe<{ forgotten: boolean }[]>(`SELECT NOT ${NOT_FORGOTTEN} AS forgotten`, message.scheduleId);
  if (forgotten) return 'forgotten';
  const [row] = await tx.$queryRawUnsafe<{ withdrawn: { error?: unknown; notify?: unknown } | null; withdrawn_at: Date | null }[]>(
    'SELECT withdrawn, withdrawn_at FROM generations WHERE id = $1::uuid FOR UPDATE',
    message.scheduleId,
  );
  // No row: its schedule was forgotten before forgotten_generations (the trip service deleted it; the
  // forget route deletes a completed copy, its withdrawal mark with it) or its account erased; the outcome's transaction wrote the row, so
  // nothing else takes it away before its notify message. Told, the traveller heard of a deleted trip.
  // ai_db restored to before the outcome looks the same, and this service cannot ask the trip service
  // (the call graph is trip -> ai): held back too, said apart (`gone`) so that on-call can check those
  // schedules in trip_db after a restore (docs/runbooks.md#backup-restore).
  if (!row) return 'gone';
  const withdrawn = row.withdrawn;
  if (withdrawn && withdrawn.notify !== true) return 'withheld';
  const n: NotificationMessage =
    withdrawn && typeof withdrawn.error === 'string'
      ? notification(message, { status: 'failed', error: withdrawn.error }, (row.withdrawn_at ?? new Date()).toISOString())
      : message.notification;
  await enqueue(tx, QUEUES.notification, n, { messageId: notificationId(message.scheduleId, n.type) });
  return n === message.notification ? 'notified' : 'notified-withdrawn';
};

/**
 * Deletes failed generations finished longer ago than `olderThanMs` (GENERATION_RETENTION: past
 * every status read, redelivery and expiry message that could still ask for them). Completed ones
 * stay: a re-plan reads its base's days here, for as long as the trip service keeps that schedule
 * (deleting it, the trip service has it forgotten: `forget`).
 */
export const PRUNE_SQL = `DELETE FROM generations WHERE id = ANY (ARRAY(
  SELECT id FROM generations WHERE status = 'failed' AND finished_at < now() - ($1::float8 * interval '1 millisecond') LIMIT $2::int))`;
/**
 * Deletes the forgotten ids (forgotten_generations) recorded longer ago than `olderThanMs`
 * (GENERATION_RETENTION): a message about a schedule arrives within the duplicate window of being
 * sent, and none is sent after its forget (the trip service deleted the schedule first; a notify
 * message is written with the outcome, before), so past it none can still come.
 */
export const PRUNE_FORGOTTEN_SQL = `DELETE FROM forgotten_generations WHERE id = ANY (ARRAY(
  SELECT id FROM forgotten_generations WHERE forgotten_at < now() - ($1::float8 * interval '1 millisecond') LIMIT $2::int))`;
/** Rows deleted per statement: the first prune after the deploy would otherwise delete the whole backlog in one transaction. */
const PRUNE_BATCH = 10_000;
/**
 * The failed generations, then the forgotten ids, past `olderThanMs`. `stopped` (the pruning
 * schedule's, aborted when the pod drains) ends it between batches: the rest goes at the next prune.
 */
export const pruneFailedGenerations = async (db: SqlExecutor, olderThanMs: number, stopped?: AbortSignal): Promise<number> => {
  let total = 0;
  for (const sql of [PRUNE_SQL, PRUNE_FORGOTTEN_SQL]) {
    for (;;) {
      const deleted = await db.$executeRawUnsafe(sql, olderThanMs, PRUNE_BATCH);
      total += deleted;
      if (stopped?.aborted) return total;
      if (deleted < PRUNE_BATCH) break;
    }
  }
  return total;
};

/**
 * How long a delivery's claim on a schedule holds unless renewed (generationRepository.claim): the
 * longest a planner that died (its pod killed) holds up its schedule's next delivery. A third of it
 * is the renewal's period; far below the deadline (SCHEDULE_DEADLINE_MS, 120 s by default).
 */
export const PLAN_CLAIM_MS = 10_000;

/**
 * A delivery's claim on its schedule, one statement: the row inserted `running` under this claim, or
 * a `running` row taken when no live claim holds it; nothing when another delivery's claim holds it
 * or the schedule is final. Service Bus delivers at least once (a lock lost while the plan runs, a
 * request sent twice): without it two deliveries (two pods, or two of one pod's slots) each ran the
 * engine for the same schedule and one outcome was kept (test/duplicate-delivery.test.ts). The
 * request stored is the first delivery's.
 */
const CLAIM_SQL = `INSERT INTO generations AS g (id, trip_id, user_id, status, request, claimed_by, claimed_until)
  SELECT $1::uuid, $2::uuid, $3::uuid, 'running', $4::jsonb, $5::uuid, clock_timestamp() + $6::float8 * interval '1 millisecond'
   -- A forgotten schedule gets no row; one it still has (a plan under way at the forget) may be taken over.
   WHERE ${NOT_FORGOTTEN} OR EXISTS (SELECT 1 FROM generations WHERE id = $1::uuid)
  ON CONFLICT (id) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_until = EXCLUDED.claimed_until
   WHERE g.status = 'running' AND (g.claimed_until IS NULL OR g.claimed_until <= clock_timestamp())
  RETURNING id`;
/**
 * What a delivery waiting for another's claim reads between its tries (claimFor): CLAIM_SQL on a row
 * whose claim holds takes nothing, yet its ON CONFLICT locks the row (a transaction id and a WAL
 * record each look, the whole request sent again), ten times a second for each waiting delivery.
 */
const CLAIM_STATE_SQL = `SELECT status, (claimed_until IS NULL OR claimed_until <= clock_timestamp()) AS free FROM generations WHERE id = $1::uuid`;
/** How long the live claim on a schedule holds unless renewed, in ms (the database's clock); no row when none holds it. */
const CLAIM_LEFT_SQL = `SELECT extract(epoch FROM claimed_until - clock_timestamp()) * 1000 AS left_ms FROM generations WHERE id = $1::uuid AND status = 'running' AND claimed_until > clock_timestamp()`;
const RENEW_CLAIM_SQL = `UPDATE generations SET claimed_until = clock_timestamp() + $3::float8 * interval '1 millisecond'
  WHERE id = $1::uuid AND claimed_by = $2::uuid AND status = 'running'`;
const RELEASE_CLAIM_SQL = `UPDATE generations SET claimed_by = NULL, claimed_until = NULL WHERE id = $1::uuid AND claimed_by = $2::uuid AND status = 'running'`;

export const generationRepository = (prisma: PrismaClient) => ({
  /**
   * Starts the work on a request (CLAIM_SQL): 'claimed' when this delivery should plan it, under the
   * claim `token` for `claimMs` (a new row, a `running` one whose claim ran out or was given back, or
   * one left by a release before the claims), 'busy' while another delivery's claim holds it, 'final'
   * when the schedule already has its outcome. A new row stores `stored` as its request (the message
   * itself unless the delivery can only fail it: requestKept).
   */
  async claim(message: ScheduleGenerationMessage, token: string, claimMs: number, stored: unknown = message): Promise<'claimed' | 'busy' | 'final'> {
    // The claim's statement takes its snapshot after the schedule's lock, so after a forget's record commits (LOCK_SCHEDULE_SQL).
    const [, claimed] = await prisma.$transaction([
      prisma.$executeRawUnsafe(LOCK_SCHEDULE_SQL, message.scheduleId),
      prisma.$queryRawUnsafe<{ id: string }[]>(CLAIM_SQL, message.scheduleId, message.tripId, message.userId, JSON.stringify(stored), token, claimMs),
    ]);
    if (claimed.length === 1) return 'claimed';
    const row = await prisma.generation.findUnique({ where: { id: message.scheduleId }, select: { status: true } });
    if (row) return row.status === 'running' ? 'busy' : 'final';
    // No row: forgotten (its schedule deleted at the trip service: nothing to plan or tell), or deleted
    // between the two statements (a pruned failure: final; the next try claims anything else).
    return (await prisma.forgottenGeneration.findUnique({ where: { id: message.scheduleId }, select: { id: true } })) ? 'final' : 'busy';
  },

  /**
   * Whether a claim could be taken now (read only): 'free' when the row is `running` without a live
   * claim, or gone; 'busy' while a claim holds it; 'final' once it has its outcome.
   */
  async claimState(scheduleId: string): Promise<'free' | 'busy' | 'final'> {
    const [row] = await prisma.$queryRawUnsafe<{ status: string; free: boolean }[]>(CLAIM_STATE_SQL, scheduleId);
    if (!row) return 'free';
    if (row.status !== 'running') return 'final';
    return row.free ? 'free' : 'busy';
  },

  /** How long another delivery's live claim on the schedule holds unless renewed (ms; 0 when none holds it): when a delivery should look again. */
  async claimLeftMs(scheduleId: string): Promise<number> {
    const [row] = await prisma.$queryRawUnsafe<{ left_ms: number | string }[]>(CLAIM_LEFT_SQL, scheduleId);
    return row ? Math.max(0, Math.ceil(Number(row.left_ms))) : 0;
  },

  /**
   * Keeps this delivery's claim while it plans and writes its outcome: renewed every third of
   * `claimMs`, so that it runs out only when this process stops renewing it (died, or its event loop
   * stalled for two thirds of it). The function returned stops the renewal (the consumer: when the
   * kit reports the delivery's outcome); the timer is unref'd, so it never holds the process up.
   */
  keepClaim(scheduleId: string, token: string, claimMs: number, warn: (obj: object, msg: string) => void): () => void {
    const timer = setInterval(() => {
      prisma.$executeRawUnsafe(RENEW_CLAIM_SQL, scheduleId, token, claimMs).catch((err: unknown) => warn({ scheduleId, err: String(err) }, 'the plan\'s claim could not be renewed; another delivery may take the schedule over once it runs out'));
    }, Math.max(1, Math.floor(claimMs / 3)));
    timer.unref();
    return () => clearInterval(timer);
  },

  /** Gives a claim back (its delivery wrote no outcome: its plan failed, to be retried, or another delivery recorded the message id): a delivery waiting for the schedule takes it over at once. */
  async releaseClaim(scheduleId: string, token: string): Promise<void> {
    await prisma.$executeRawUnsafe(RELEASE_CLAIM_SQL, scheduleId, token);
  },

  /**
   * Records a failure outside the consumer's transaction (a poison message, which that transaction
   * cannot keep: its notification by `queue`, as every delivery's; a schedule past its deadline, told
   * on the internal expire route: by `inbox`), its notification by `by` (none when the request, or
   * the route's item, says the trip service notifies: notifyingBy). Answers undefined when the schedule
   * already had its outcome, else when it was asked: from the request this service stored for it
   * (the body given here, or the delivery it was working on), undefined when it has none (it never
   * saw the request). A row it creates keeps what a withdrawal's does (requestKept): it can only be
   * failed, nothing reads more of it, and a poison copy taken after its schedule was deleted and
   * forgotten here stored the body whole (the trip, the preferences) for GENERATION_RETENTION
   * (consumer.test.ts); the body itself is in the dead-letter queue.
   */
  async failOutright(ids: { scheduleId: string; tripId: string; userId: string }, request: unknown, error: string, by: NotifyBy): Promise<{ askedAt: Date | undefined } | undefined> {
    return prisma.$transaction(async (tx) => {
      await lockSchedule(tx, ids.scheduleId);
      const [stored] = await tx.$queryRawUnsafe<{ requested_at: unknown }[]>(
        ENSURE_ROW_SQL,
        ids.scheduleId,
        ids.tripId,
        ids.userId,
        JSON.stringify(requestKept(ids, request)),
      );
      return (await finishGeneration(tx, ids, { status: 'failed', error }, notifyingBy(request, by))) ? { askedAt: askedAtOf(stored?.requested_at) } : undefined;
    });
  },

  /** A withdrawal told on the internal route (withdrawGeneration, in its own transaction): undefined when the schedule already had its outcome (then marked withdrawn), else when it was asked. */
  async withdraw(ids: { scheduleId: string; tripId: string; userId: string }, request: unknown, withdrawn: NonNullable<ScheduleGenerationMessage['withdrawn']>): Promise<{ askedAt: Date | undefined } | undefined> {
    const done = await prisma.$transaction((tx) => withdrawGeneration(tx, ids, request, withdrawn));
    return done.failed ? { askedAt: done.askedAt } : undefined;
  },

  /** A completed schedule of this trip and user (the base of a re-plan). */
  async completedResult(id: string, tripId: string, userId: string): Promise<ScheduleResult | undefined> {
    const row = await prisma.generation.findFirst({ where: { id, tripId, userId, status: 'completed' }, select: { result: true } });
    return (row?.result as ScheduleResult | null | undefined) ?? undefined;
  },

  /**
   * Deletes the finished generations of these accounts (deleted at the user service: the trip
   * service's account-erasure sweep); how many. A running one stays: a plan under way would finish
   * into no row; the trip's deletion withdraws it (failed), and failed ones go with GENERATION_RETENTION.
   * A withdrawal's failure stays too, with that retention: it is what makes a request of that schedule
   * arriving later (still in an outbox, redelivered) final instead of planned again, and the sweep asks
   * again on every sweep while the deletion is recorded, so erasing it would undo that guard at once.
   * What it keeps of its request is cut to WITHDRAWN_REQUEST_KEYS (a plan under way at the erasure
   * left the whole request, the trip and the preferences, in it). How many rows it deleted or cut.
   */
  async erase(userIds: readonly string[]): Promise<number> {
    const ids = [...userIds];
    const [deleted, cut] = await prisma.$transaction([
      prisma.$executeRaw`DELETE FROM generations WHERE user_id = ANY(${ids}::uuid[]) AND status <> 'running' AND NOT (status = 'failed' AND withdrawn IS NOT NULL)`,
      prisma.$executeRawUnsafe(STRIP_WITHDRAWN_SQL, ids, [...WITHDRAWN_REQUEST_KEYS]),
    ]);
    return deleted + cut;
  },

  /**
   * Forgets these schedules, deleted by the trip service (a schedule's DELETE, or its trip's): a
   * completed generation (request and plan) deleted; a failed one kept with its request cut to
   * WITHDRAWN_REQUEST_KEYS (STRIP_FAILED_BY_ID_SQL), pruned with GENERATION_RETENTION; a running one
   * kept whole (a plan under way finishes into it) and named in `running`, so the trip service asks
   * again. Told twice, the second deletes and cuts nothing. How many rows it deleted or cut.
   */
  async forget(scheduleIds: readonly string[]): Promise<ForgetResponse> {
    const ids = [...scheduleIds];
    // The schedules' locks first: a statement creating a row of one (a claim) is done and committed, then seen running below, or
    // waits and sees the record (LOCK_SCHEDULE_SQL). Then the running rows, locked until the forget commits: an outcome (FINISH_SQL
    // takes no schedule lock) that committed between the statements below made a row the DELETE had seen running and the record
    // saw completed, answered not running with its plan kept until the call once due (forget-claim-race.test.ts).
    const [, running, deleted, cut] = await prisma.$transaction([
      prisma.$executeRawUnsafe(LOCK_SCHEDULES_SQL, ids),
      prisma.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM generations WHERE id = ANY(${ids}::uuid[]) AND status = 'running' ORDER BY id FOR UPDATE`,
      prisma.$executeRaw`DELETE FROM generations WHERE id = ANY(${ids}::uuid[]) AND status = 'completed'`,
      prisma.$executeRawUnsafe(STRIP_FAILED_BY_ID_SQL, ids, [...WITHDRAWN_REQUEST_KEYS]),
      // Every id not running (with no row too: a request still queued): a message about it creates no row and
      // tells no one (forgotten_generations). A running one is recorded when asked again once it ended: its
      // plan under way must still finish into its row, or be taken over by a redelivery.
      prisma.$executeRaw`INSERT INTO forgotten_generations (id)
        SELECT u.id FROM unnest(${ids}::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM generations g WHERE g.id = u.id AND g.status = 'running')
        ON CONFLICT (id) DO NOTHING`,
    ]);
    return { forgotten: deleted + cut, running: running.map((r) => r.id) };
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
