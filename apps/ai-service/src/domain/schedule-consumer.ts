/**
 * ai-schedule-generation-queue: each request becomes one schedule. The kit's idempotent consumer
 * records the message id (= schedule id) in the transaction that stores the outcome and its
 * notification, so a redelivered request never produces a second schedule or notification.
 *
 *  - a body that is not a request: dead-lettered at once; when its schedule id can be read, that
 *    schedule is marked failed (with its notification) first, so it is never left `queued`; unless
 *    it is a withdrawal (its ids and `withdrawn` readable): a withdrawal as any other;
 *  - a request with a value a newer release added (a travel mode this version does not know):
 *    redelivered, so that a newer pod can take it during a rollout; its last delivery, or one whose
 *    next would come past the deadline, fails the schedule with the reason; a withdrawal of such a
 *    request is a withdrawal as any other;
 *  - a request past its deadline: not failed on its first delivery but sent again to the back of
 *    the queue (lateMessageId, through the outbox, in the delivery's transaction), so that what
 *    waited behind it is taken first: a withdrawal of its trip's deletion that came while this
 *    service was down fails it without telling anyone, where failing it at once told the traveller
 *    `schedule.failed` for a trip they had deleted (trip-service deleted-past-deadline.test.ts);
 *  - a request put on the queue before the service's present run of service began (servedSince: no
 *    pod was up, so the trip service's withdraw call of a cancel made meanwhile found nobody, and its
 *    withdrawal waits behind the request): sent to the back of the queue once, unplanned
 *    (behindMessageId), so that the withdrawal is taken first and the copy finds the schedule final;
 *    before, it was planned and the plan dropped (trip-service schedule-cancel-outage.test.ts). A pod
 *    started while another was up sends nothing round; a copy that waited out a second outage goes
 *    round once more (served-since.test.ts);
 *  - that copy past its deadline, an unanswering location service, a base schedule that does not
 *    exist: the schedule fails with the reason, the message is completed;
 *  - anything else (the database, a bug): retried by redelivery; the last allowed delivery marks the
 *    schedule failed before the message is dead-lettered;
 *  - a request another delivery is planning (delivered twice at once: a lock lost, a re-send; on
 *    this pod or another): not planned a second time; it waits for that delivery's outcome and is
 *    settled as a duplicate, or takes the schedule over when that planner's claim runs out
 *    (claimFor; generations.ts CLAIM_SQL);
 *  - a withdrawal (`<id>.withdrawn`): written by its delivery's work in a transaction of its own, tried
 *    again in the delivery while it fails (withdrawIn), never handed back at its first failure: the
 *    request's copy sent round waits behind it, and was planned while it waited for its redelivery;
 *  - a request whose outcome the trip service tells (catalog tripNotifies: `notifiedBy` `trip`, every
 *    request of a trip service of this release or later) is notified by nothing here, on any path:
 *    the trip service writes the notification when it records the outcome it reads (README "Who
 *    tells the traveller");
 *  - every other outcome a delivery records (but a withdrawal's) is told once more through the queue: the
 *    transaction that records it writes a notify message (generations.ts notifyMessageId) to the
 *    back of the queue, not the notification; taken, it notifies unless the schedule was withdrawn
 *    meanwhile (a withdrawal that waited behind the request while this service was down: a deleted
 *    trip is told nothing, a changed one the withdrawal's failure; trip-service
 *    withdrawn-after-outcome.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CONSUMER_CONCURRENCY, QUEUE_LIMITS, QUEUES, type AsyncOutcome, type ScheduleGenerationMessage } from '@tripgen/catalog';
import { NewerMessageError, RescheduleMessage, consumeIdempotentlyAfterWork, enqueue, redeliveryDelayMs, type ConsumeEvent, type IncomingMessage, type MessageBroker, type MessagingLogger, type Subscription } from '@tripgen/service-kit/messaging';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { DeadlinePassed, GenerationFailure, generateSchedule, pastDeadline, type GenerateDeps } from '../planning/generate.ts';
import { PLAN_CLAIM_MS, askedAtOf, requestKept, deliverNotification, finishGeneration, generationRepository, isNotifyMessage, notifyingBy, reportFinished, type NotifyBy, type NotifyMessage, type OnFinished, type Outcome } from './generations.ts';
import { SERVED_SINCE } from './served-since.ts';
import { parseNotifyMessage, parseScheduleRequest, salvageIds, salvageWithdrawal } from './request-schema.ts';

export const CONSUMER_NAME = 'ai-service.schedules';

/**
 * The line said when a notify message finds no row of its schedule (deliverNotification 'gone'): held
 * back, as the schedule was forgotten (deleted at the trip service) or its account erased; but ai_db
 * restored to before the outcome while the message was queued looks the same, and then the traveller
 * of a real schedule is not told. Its ids let on-call check trip_db after a restore (runbooks.md#backup-restore).
 */
export const NOTIFY_WITHOUT_ROW = 'a notify message found no row of its schedule (forgotten, its account erased, or ai_db restored to before its outcome): its notification is held back';

/**
 * The message id of a request's copy sent to the back of the queue when it was first taken past its
 * deadline (the request's, or its expiry message's: one copy per schedule). Another id than theirs,
 * so neither the broker nor this consumer takes it for a duplicate; taken, it is failed as late.
 */
export const lateMessageId = (scheduleId: string): string => `${scheduleId}.late`;
const isLateCopy = (messageId: string): boolean => messageId.endsWith('.late');

/**
 * The message id of a request's copy sent to the back of the queue, unplanned, because it waited out
 * an outage of this service (servedSince). Another id than the request's, its late copy's and its
 * withdrawal's; taken in the run of service that made it, it is planned. A copy that itself waited out
 * another outage (every pod gone before it was taken) goes round once more, the id then naming the
 * run that sends it (`againIn`, its moment), so neither the broker nor the consumer takes it for the
 * first copy: a cancel made in that second outage has its withdrawal behind the copy too.
 */
export const behindMessageId = (scheduleId: string, againIn?: number): string => (againIn === undefined ? `${scheduleId}.behind` : `${scheduleId}.behind.${Math.round(againIn)}`);
const isBehindCopy = (messageId: string): boolean => /\.behind(\.\d+)?$/.test(messageId);

export interface ScheduleConsumerOptions {
  readonly concurrency?: number;
  readonly maxDeliveryCount?: number;
  readonly logger: MessagingLogger;
  readonly onOutcome?: (event: ConsumeEvent) => void;
  /**
   * Called when a schedule gets its outcome here, with the seconds since the traveller asked
   * (metrics: the product's 5-second promise), a request failed unread included when its time can
   * be read. Inside the delivery's transaction (a withdrawal's once its own committed: withdrawIn), so a commit
   * that then fails has been counted once more than it happened (rare: the delivery is retried).
   */
  readonly onFinished?: OnFinished;
  /**
   * Called with a delivery's schedule id once what it wrote committed (an outcome, a withdrawal's
   * failure), before it is settled: the trip service is nudged there to read it now (catalog
   * SCHEDULE_OUTCOME_CHANNEL). Not inside the transaction: a read nudged before the commit found
   * the schedule still running.
   */
  readonly onCommitted?: (scheduleId: string) => void;
  /**
   * Since when the service has answered without a break, ms since the epoch (served-since.ts;
   * Infinity while no pod answers): a request enqueued before it is sent round once. None: never.
   */
  readonly servedSince?: () => number;
}

/**
 * The pauses between the tries of a withdrawal's write in its delivery (withdrawIn): 5 tries over
 * ~3 s of pauses, each try up to the pool's wait for a connection (the kit's CONNECT_TIMEOUT_MS, 2 s)
 * and its statements' limit. Past them it is handed back as any failure (the kit's redelivery).
 */
export const WITHDRAWAL_RETRY_PAUSES_MS = [200, 400, 800, 1_600] as const;

/** How often a delivery waiting for another's outcome of its schedule looks again (one primary-key statement). */
const CLAIM_POLL_MS = 100;

/**
 * How many deliveries of a pod may wait in their handler slot for another delivery's outcome of
 * their schedule (claimFor): a quarter of the slots (2 of 8; 1 of a pod of up to 4). A waiting
 * delivery holds its slot until that outcome (up to the request's deadline), so a burst of
 * duplicates (a broker hiccup redelivering many locked messages at once) took every slot and a
 * fresh request waited for the other plan to end (test/waiting-duplicates.test.ts). One waiting in
 * its slot settles as soon as the outcome exists and takes the schedule over at once when the claim
 * is given back; the others are rescheduled (the kit's RescheduleMessage: a copy delivered when the
 * claim would run out, the slot given back at once, no delivery count spent).
 */
export const waitersInSlot = (concurrency: number): number => Math.max(1, Math.ceil(concurrency / 4));

/**
 * A delivery of a schedule that another delivery's live claim still holds past the request's
 * deadline and one claim period: that plan is stuck (it ends at the deadline) or its claim is
 * renewed by a process that no longer plans. Transient: the message is abandoned, and its
 * redelivery finds the outcome, or the claim run out.
 */
export class ScheduleClaimedError extends Error {
  constructor(scheduleId: string) {
    super(`schedule ${scheduleId} is still being planned by another delivery past its deadline`);
    this.name = 'ScheduleClaimedError';
  }
}

/** A withdrawal as the consumer records it: the request it copies, with its `withdrawn`. */
type Withdrawal = ScheduleGenerationMessage & { withdrawn: NonNullable<ScheduleGenerationMessage['withdrawn']> };

/** What a delivery's work made, for the transaction that records it: nothing (a withdrawal is written by its work: withdrawIn), a request sent to the back of the queue, a notification to send (or hold back), or a schedule's outcome. */
type Made =
  | { readonly nothing: true }
  | { readonly late: ScheduleGenerationMessage }
  | { readonly behind: ScheduleGenerationMessage; readonly againIn?: number }
  | { readonly notify: NotifyMessage }
  // `expired`: failed for its deadline (the histogram's label, catalog ASYNC_OUTCOMES), not for the request.
  | { readonly ids: { scheduleId: string; tripId: string; userId: string }; readonly requestedAt: string; readonly outcome: Outcome; readonly by: NotifyBy; readonly expired?: true };

/** The request's deadline (ms since the epoch); a NewerMessageError body has passed every other check, notAfter included. */
const deadlineOf = (body: unknown): number => Date.parse(String((body as { notAfter?: unknown } | null)?.notAfter));

export const consumeScheduleRequests = (broker: MessageBroker, prisma: PrismaClient, deps: GenerateDeps, options: ScheduleConsumerOptions): Promise<Subscription> => {
  const generations = generationRepository(prisma);
  const claimMs = PLAN_CLAIM_MS;
  const concurrency = options.concurrency ?? CONSUMER_CONCURRENCY[QUEUES.aiScheduleGeneration];
  const mayWait = waitersInSlot(concurrency);
  /** Deliveries waiting in their slot for another's outcome of their schedule (claimFor). */
  let waiting = 0;
  const maxDeliveryCount = options.maxDeliveryCount ?? QUEUE_LIMITS.maxDeliveryCount;
  // A telemetry that throws is a bug (reportFinished): at error level.
  const logError = (obj: object, msg: string) => options.logger.error(obj, msg);
  const warn = (obj: object, msg: string) => options.logger.warn(obj, msg);
  /**
   * Withdrawals this consumer has taken and not yet settled, by message id: their schedule and when
   * they are settled (their delivery's outcome reported, after its transaction). A request and its
   * withdrawal that waited on the queue together (the AI service down or behind while the trip
   * changed or went) are taken together; the withdrawal is written in its delivery (withdrawIn),
   * after its duplicate check, and a plan that ended first recorded `completed` and notified it
   * for a trip changed or deleted (trip-service stale-outcome.test.ts, seen once under load). So a
   * plan that ends while a withdrawal of its schedule is in hand here waits for it, and then finds
   * the schedule final (FINISH_SQL): it records nothing. Deliveries of one message are counted (a
   * redelivery may be taken while the first is still in hand): the first to end does not settle
   * the others.
   */
  const withdrawalsInHand = new Map<string, { readonly scheduleId: string; deliveries: number; readonly settled: Promise<void>; readonly settle: () => void }>();
  const taken = (delivery: IncomingMessage) => {
    const body = delivery.body as { withdrawn?: unknown } | null;
    const ids = body && typeof body === 'object' && body.withdrawn ? salvageIds(body) : undefined;
    if (!ids) return;
    const held = withdrawalsInHand.get(delivery.messageId);
    if (held) return void (held.deliveries += 1);
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    withdrawalsInHand.set(delivery.messageId, { scheduleId: ids.scheduleId, deliveries: 1, settled, settle });
  };
  /**
   * The claim each delivery in hand here holds (claimFor), by the delivery, and the renewal that
   * keeps it (keepClaim): renewed until the kit reports the delivery's outcome, every outcome (the
   * timer never outlives the delivery). Stopped when the plan ended, the claim (PLAN_CLAIM_MS) ran out
   * while the transaction writing its outcome waited (for a pooled connection, then on its
   * statements), and a duplicate waiting for it took the schedule over and ran the engine again
   * (test/duplicate-delivery.test.ts: 2 engine runs, 1 after). Given back when the delivery ends
   * unsettled after its work (abandoned for redelivery, dead-lettered), whether its plan threw or
   * the transaction writing its outcome failed (ai_db dropped, a serialization error). Kept, the
   * claim held its redelivery, 2 s later, up to PLAN_CLAIM_MS more before it could plan (10 s in
   * all, against the 5-second promise). Given back too when the delivery is settled as a duplicate
   * after its plan: another delivery recorded the message id meanwhile (a redelivery taken past the
   * deadline sent the request's late copy to the back of the queue), so this outcome was not
   * written and the schedule is still `running`; kept, the claim held that late copy up to
   * PLAN_CLAIM_MS. Given back by its token only (RELEASE_CLAIM_SQL, and only while `running`):
   * never a claim another delivery took over once this one's ran out.
   */
  const claims = new WeakMap<IncomingMessage, { readonly scheduleId: string; readonly token: string; readonly stopRenewing: () => void }>();
  const giveBackClaim = (event: ConsumeEvent, delivery: IncomingMessage) => {
    const claim = claims.get(delivery);
    if (!claim) return;
    claims.delete(delivery);
    claim.stopRenewing();
    // Processed: its outcome is written, the row final (nothing to give back).
    if (event.outcome === 'processed') return;
    generations.releaseClaim(claim.scheduleId, claim.token).catch((err: unknown) => warn({ scheduleId: claim.scheduleId, outcome: event.outcome, err: String(err) }, 'the claim of a delivery that wrote no outcome could not be given back; a delivery waiting for it waits for it to run out'));
  };
  const ended = (event: ConsumeEvent) => {
    const held = withdrawalsInHand.get(event.messageId);
    if (!held || (held.deliveries -= 1) > 0) return;
    held.settle();
    withdrawalsInHand.delete(event.messageId);
  };
  /**
   * The plan's outcome (or a notify message's notification), once no withdrawal of its schedule is
   * in hand here (one abandoned for a redelivery lets it go too: the redelivery then finds it final,
   * or marks it withdrawn before the notify message's redelivery).
   */
  const afterWithdrawals = async (scheduleId: string, made: Made): Promise<Made> => {
    const inHand = [...withdrawalsInHand.values()].filter((w) => w.scheduleId === scheduleId);
    if (inHand.length === 0) return made;
    options.logger.info({ scheduleId }, 'a withdrawal of this schedule is in hand: the plan\'s outcome waits for it');
    await Promise.all(inHand.map((w) => w.settled));
    return made;
  };
  /**
   * A withdrawal written in its delivery's work, in a transaction of its own, tried again after each
   * failure (WITHDRAWAL_RETRY_PAUSES_MS) while it stays in hand here. Written in the kit's transaction
   * (with its message id), one that failed once (the pool's 2 s wait for a connection under load) was
   * handed back: no longer in hand, and the request's copy sent round (`.behind`: queued after the
   * withdrawal, so taken only once the withdrawal was) was planned before the withdrawal came again,
   * the schedule of a deleted trip `completed` (test/served-since.test.ts, "a withdrawal whose
   * transaction fails once"). Idempotent (withdrawGeneration: a schedule final is only marked
   * withdrawn): a write that committed before the kit's transaction failed is written again harmlessly
   * at the redelivery, and the kit's transaction then records only the message id.
   */
  /** Aborted by the consumer's close: a withdrawal being tried again stops (withdrawIn). */
  const closing = new AbortController();
  const withdrawIn = async (delivery: IncomingMessage, withdrawal: Withdrawal): Promise<Made> => {
    const ids = { scheduleId: withdrawal.scheduleId, tripId: withdrawal.tripId, userId: withdrawal.userId };
    for (let tries = 0; ; tries += 1) {
      try {
        const failed = await generations.withdraw(ids, withdrawal, withdrawal.withdrawn);
        // Settled either way (never dead-lettered): the schedule is final here now, and marked withdrawn
        // (a notify message of an outcome recorded before it then tells what the withdrawal says).
        options.logger.info({ scheduleId: ids.scheduleId, tripId: ids.tripId, notified: failed !== undefined && withdrawal.withdrawn.notify, alreadyFinal: failed === undefined, reason: withdrawal.withdrawn.error }, 'schedule request withdrawn by the trip service');
        if (failed) reportFinished(options.onFinished, logError, ids.scheduleId, 'withdrawn', failed.askedAt);
        return { nothing: true };
      } catch (err) {
        const pause = WITHDRAWAL_RETRY_PAUSES_MS[tries];
        if (pause === undefined || closing.signal.aborted) throw err;
        warn({ scheduleId: ids.scheduleId, messageId: delivery.messageId, attempt: delivery.attempt, tries: tries + 1, err: String(err) }, 'a withdrawal could not be written: tried again in its delivery (a plan of its schedule on this pod waits for it)');
        // Cut by the consumer's close (SIGTERM's drain): handed back at once for another pod rather than
        // tried on through the drain, past the pods' shutdown deadline at worst (test/withdrawal-drain.test.ts).
        await sleep(pause, undefined, { signal: closing.signal }).catch(() => {
          throw err;
        });
      }
    }
  };
  /**
   * The schedule claimed for this delivery (its token), or 'final'. While another delivery's claim
   * holds it (a duplicate: a lock lost and the message redelivered while it plans, the request sent
   * twice, on this pod or another), this one waits for that outcome instead of running the engine
   * a second time, and is then settled as a duplicate (the kit finds the message id recorded; a
   * copy of another id, its late copy, finds the schedule final): one engine run, one outcome told.
   * A claim that runs out (its planner died) is taken over at the next look. Only `mayWait`
   * deliveries of this pod wait so, each in its handler slot; another is rescheduled to come again
   * when the claim would run out (a planner that died is still taken over then, within the claim's
   * PLAN_CLAIM_MS), and its slot is free for other requests meanwhile.
   */
  const claimFor = async (message: ScheduleGenerationMessage, stored: unknown): Promise<{ readonly token: string } | 'final'> => {
    const token = randomUUID();
    const giveUpAt = Math.max(Date.parse(message.notAfter), Date.now()) + claimMs;
    let inSlot = false;
    try {
      for (let looks = 0; ; looks += 1) {
        // Between tries it only reads the row: it claims (a write) when no live claim holds it.
        const seen = looks === 0 ? 'free' : await generations.claimState(message.scheduleId);
        const state = seen === 'free' ? await generations.claim(message, token, claimMs, stored) : seen;
        if (state === 'claimed') return { token };
        if (state === 'final') return 'final';
        if (looks === 0) {
          if (waiting >= mayWait) {
            // Past the deadline and one claim period a live claim is a stuck one: handed back as the
            // waiting one is then (counted toward MaxDeliveryCount, then the dead-letter queue). Never
            // rescheduled: its copy comes with its delivery count at 0, so it went round for as long as
            // the claim was renewed, counted nowhere but `rescheduled`.
            if (Date.now() >= Date.parse(message.notAfter) + claimMs) throw new ScheduleClaimedError(message.scheduleId);
            // CLAIM_POLL_MS past the claim's end: a claim not renewed by then has run out.
            const notBefore = new Date(Date.now() + (await generations.claimLeftMs(message.scheduleId)) + CLAIM_POLL_MS);
            throw new RescheduleMessage(notBefore, `another delivery of schedule ${message.scheduleId} is planning it and ${waiting} of this pod's deliveries already wait for outcomes`);
          }
          waiting += 1;
          inSlot = true;
          options.logger.info({ scheduleId: message.scheduleId }, 'another delivery of this schedule is planning it: waiting for its outcome');
        }
        if (Date.now() >= giveUpAt) throw new ScheduleClaimedError(message.scheduleId);
        await sleep(CLAIM_POLL_MS);
      }
    } finally {
      if (inSlot) waiting -= 1;
    }
  };
  // The generation (location calls, the router, the engine thread: seconds) runs outside any
  // transaction; its outcome and the message id are written in one short one. The generations
  // row is what makes a schedule's outcome once (claimed, then FINISH_SQL only while running), and
  // its claim what makes one delivery at a time plan it (claimFor).
  const subscription = consumeIdempotentlyAfterWork<Made>(
    broker,
    prisma,
    QUEUES.aiScheduleGeneration,
    async (delivery) => {
      // This service's own notify message (an outcome recorded by an earlier delivery): checked after
      // any withdrawal of its schedule in hand here, written in its transaction.
      if (isNotifyMessage(delivery.messageId)) {
        const notify = parseNotifyMessage(delivery.body);
        return afterWithdrawals(notify.scheduleId, { notify });
      }
      let message;
      try {
        message = parseScheduleRequest(delivery.body);
      } catch (err) {
        // A withdrawal whose request cannot be read (a value a newer release added, during a rollout;
        // a request poison as it was stored, which the withdrawal copies) is a withdrawal all the
        // same: it needs only its ids and `withdrawn`. Read as a request it was failed with the
        // reason and notified (a value a newer release added), or dead-lettered without marking the
        // schedule withdrawn, so the notify message of the poison request's failure told the
        // traveller of a trip they had deleted (consumer.test.ts, "a request that cannot be read").
        const asWithdrawal = salvageWithdrawal(delivery.body);
        if (asWithdrawal) return withdrawIn(delivery, { ...(delivery.body as ScheduleGenerationMessage), ...asWithdrawal });
        const ids = salvageIds(delivery.body);
        // Handed back, it comes again after the kit's redelivery delay (up to 50 s): past its deadline,
        // any pod could only fail it, and the trip service fails it first as taking too long.
        const lastChance = delivery.attempt >= maxDeliveryCount || Date.now() + redeliveryDelayMs(delivery.attempt) >= deadlineOf(delivery.body);
        if (err instanceof NewerMessageError && !lastChance) throw err;
        const reason = err instanceof NewerMessageError ? `${err.message}; please request the schedule again` : 'the schedule request could not be read; please request the schedule again';
        if (ids) {
          const failed = await generations.failOutright(ids, delivery.body, reason, 'queue');
          // The traveller waited for this one too (up to its deadline, for a value a newer release added).
          if (failed) reportFinished(options.onFinished, logError, ids.scheduleId, 'failed', failed.askedAt);
        }
        if (err instanceof NewerMessageError) return { nothing: true };
        throw err;
      }
      if (message.withdrawn) return withdrawIn(delivery, { ...message, withdrawn: message.withdrawn });
      // Past its deadline when first taken (this service down or behind): the withdrawal of a trip
      // changed or deleted meanwhile may wait behind it. Its failure waits behind everything on the
      // queue now; one final already needs nothing.
      if (!isLateCopy(delivery.messageId) && pastDeadline(message)) {
        const [known] = await generations.states([message.scheduleId]);
        return known && known.status !== 'running' ? { nothing: true } : { late: message };
      }
      // Enqueued before the service's present run began: a cancel's withdrawal may wait behind it. Sent round
      // only when no live claim holds it: a duplicate of one being planned waits for that outcome (claimFor);
      // recording its id here would refuse the planner's outcome as a duplicate, and the copy plan it again.
      const servedSince = options.servedSince?.() ?? Number.NEGATIVE_INFINITY;
      const sentAt = delivery.enqueuedAt?.getTime() ?? Date.parse(message.requestedAt);
      // A copy already sent round goes round again only when it was enqueued well before the present run
      // (another outage since: the margin the other way, so a copy this run made never loops on the clocks'
      // skew) and the run is known (a pod that does not know its run would send its own copies round).
      const behindCopy = isBehindCopy(delivery.messageId);
      const sendRound = behindCopy ? Number.isFinite(servedSince) && sentAt < servedSince - SERVED_SINCE.clockSkewMs : !(sentAt >= servedSince + SERVED_SINCE.clockSkewMs);
      if (!isLateCopy(delivery.messageId) && sendRound) {
        const state = await generations.claimState(message.scheduleId);
        if (state === 'final') return { nothing: true };
        if (state === 'free') return { behind: message, ...(behindCopy ? { againIn: servedSince } : {}) };
      }
      // A withdrawal of it in hand here (taken with it): written first, so the claim below finds the schedule final.
      await afterWithdrawals(message.scheduleId, { nothing: true });
      // A late copy can only be failed (its deadline passed: generateSchedule's DeadlinePassed), so its row
      // stores what a withdrawal's does (requestKept), never the trip and the preferences: its schedule
      // may have been deleted and forgotten here (the forget route) before an expiry message came, and the
      // whole request was kept again for the failed ones' 15 days (consumer.test.ts).
      const claim = await claimFor(message, isLateCopy(delivery.messageId) ? requestKept({ scheduleId: message.scheduleId, tripId: message.tripId, userId: message.userId }, message) : message);
      if (claim === 'final') return { nothing: true };
      // Renewed until the kit reports this delivery's outcome (giveBackClaim), its outcome's write included.
      claims.set(delivery, { scheduleId: message.scheduleId, token: claim.token, stopRenewing: generations.keepClaim(message.scheduleId, claim.token, claimMs, warn) });
      const ids = { scheduleId: message.scheduleId, tripId: message.tripId, userId: message.userId };
      // Its notify message, unless the trip service tells this outcome itself (notifyingBy).
      const by = notifyingBy(message, 'queue');
      try {
        const base = message.replan ? await generations.completedResult(message.replan.baseScheduleId, message.tripId, message.userId) : undefined;
        if (message.replan && !base) throw new GenerationFailure('the schedule to re-plan is not available (it is not completed)');
        const generated = await generateSchedule(message, deps, base);
        return await afterWithdrawals(ids.scheduleId, { ids, requestedAt: message.requestedAt, outcome: { status: 'completed', result: generated.result, engineMs: generated.engineMs }, by });
      } catch (err) {
        if (err instanceof GenerationFailure) return await afterWithdrawals(ids.scheduleId, { ids, requestedAt: message.requestedAt, outcome: { status: 'failed', error: err.message }, by, ...(err instanceof DeadlinePassed ? { expired: true as const } : {}) });
        if (delivery.attempt >= maxDeliveryCount) {
          options.logger.error({ scheduleId: message.scheduleId, err }, 'schedule generation failed on its last delivery');
          return await afterWithdrawals(ids.scheduleId, { ids, requestedAt: message.requestedAt, outcome: { status: 'failed', error: 'the schedule could not be generated because of an internal error; please request it again' }, by });
        }
        // Retried by redelivery: its claim is given back as it is abandoned (giveBackClaim), and a
        // duplicate waiting meanwhile takes the schedule over at once.
        throw err;
      }
    },
    async (_delivery, tx, made) => {
      if ('nothing' in made) return;
      if ('late' in made) {
        await enqueue(tx, QUEUES.aiScheduleGeneration, made.late, { messageId: lateMessageId(made.late.scheduleId) });
        options.logger.info({ scheduleId: made.late.scheduleId, notAfter: made.late.notAfter }, 'schedule request past its deadline: sent to the back of the queue, to be failed after what waits there');
        return;
      }
      if ('behind' in made) {
        await enqueue(tx, QUEUES.aiScheduleGeneration, made.behind, { messageId: behindMessageId(made.behind.scheduleId, made.againIn) });
        options.logger.info({ scheduleId: made.behind.scheduleId }, 'schedule request enqueued while no AI pod was up: sent to the back of the queue once, so a withdrawal waiting behind it is taken first');
        return;
      }
      if ('notify' in made) {
        const done = await deliverNotification(tx, made.notify);
        const said = { scheduleId: made.notify.scheduleId, tripId: made.notify.tripId, userId: made.notify.userId, outcome: made.notify.notification.type };
        if (done === 'gone') options.logger.info(said, NOTIFY_WITHOUT_ROW);
        else if (done === 'forgotten') options.logger.info(said, 'the schedule was forgotten (deleted at the trip service): its notification is held back');
        else if (done !== 'notified') options.logger.info({ ...said, done }, 'the schedule was withdrawn after its outcome: its notification is held back');
        return;
      }
      const label: AsyncOutcome = made.expired ? 'expired' : made.outcome.status;
      if (await finishGeneration(tx, made.ids, made.outcome, made.by)) reportFinished(options.onFinished, logError, made.ids.scheduleId, label, askedAtOf(made.requestedAt));
    },
    {
      consumer: CONSUMER_NAME,
      concurrency,
      maxDeliveryCount,
      logger: options.logger,
      onTaken: taken,
      onCommitted: (message) => {
        const id = (message.body as { scheduleId?: unknown } | null)?.scheduleId;
        if (typeof id === 'string') options.onCommitted?.(id);
      },
      onOutcome: (event, delivery) => {
        giveBackClaim(event, delivery);
        ended(event);
        options.onOutcome?.(event);
      },
    },
  );
  return subscription.then((running) => ({
    async close() {
      closing.abort();
      await running.close();
    },
  }));
};
