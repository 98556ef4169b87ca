/**
 * One schedule request delivered twice at once: Service Bus delivers at least once (a lock lost
 * and the message redelivered while the first delivery still plans it, or the same request sent
 * twice), and two pods (two consumers of the queue, each with its own connection, as two
 * replicas) take the two deliveries. Only one of them may run the engine (up to a second of CPU
 * on a pod of 2 cores): the other waits for its outcome and is settled as a duplicate, and one
 * outcome and one notify message are written. A planner that died leaves its claim in ai_db; it
 * runs out (PLAN_CLAIM_MS) and the next delivery plans the schedule well within its deadline.
 * Real PostgreSQL and the Service Bus emulator.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import { onceTrigger, waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inThreadEngine, type Engine } from '../src/planning/engine.ts';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { request } from './fixtures/places.ts';
import { claimedElsewhere } from './support/claims.ts';
import { POD_NAMES, startTwoPods, type PodName, type TwoPods } from './support/two-pods.ts';

/** Every plan's interest reading waits for this (both deliveries in hand before either ends). */
let letPlansEnd: () => void = () => undefined;
let plansHeld = Promise.resolve();
const holdPlans = () => (plansHeld = new Promise<void>((resolve) => (letPlansEnd = resolve)));
/** Engine runs, by schedule id. */
const engineRuns = new Map<string, number>();
const countingEngine = (): Engine => ({
  ...inThreadEngine,
  plan: async (task) => {
    engineRuns.set(task.message.scheduleId, (engineRuns.get(task.message.scheduleId) ?? 0) + 1);
    return inThreadEngine.plan(task);
  },
});
/** The next interest reading fails as a bug or an outage would (not a GenerationFailure: retried by redelivery). */
let failNextRead = false;
/** Interest readings (a plan begun), by pod. */
const begun = Object.fromEntries(POD_NAMES.map((pod) => [pod, 0])) as Record<PodName, number>;

let stack: TwoPods;
beforeAll(async () => {
  stack = await startTwoPods(
    'ai_duplicate_delivery',
    (pod) => ({
      read: async (list, signal) => {
        begun[pod] += 1;
        await plansHeld;
        if (failNextRead) {
          failNextRead = false;
          throw new Error('the interest model broke');
        }
        return keywordInterestModel.read(list, signal);
      },
    }),
    countingEngine,
  );
  // Every claim written on a schedule's row (CLAIM_SQL, RENEW_CLAIM_SQL), in order: once given back
  // (RELEASE_CLAIM_SQL) the row no longer says until when a claim would have held it.
  for (const sql of [
    'CREATE TABLE IF NOT EXISTS test_claims (seq bigserial PRIMARY KEY, id uuid NOT NULL, claimed_by uuid NOT NULL, claimed_until timestamptz(3) NOT NULL)',
    `CREATE OR REPLACE FUNCTION test_record_claim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
       IF NEW.claimed_by IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.claimed_until IS DISTINCT FROM OLD.claimed_until) THEN
         INSERT INTO test_claims (id, claimed_by, claimed_until) VALUES (NEW.id, NEW.claimed_by, NEW.claimed_until);
       END IF;
       RETURN NULL;
     END $$`,
    'DROP TRIGGER IF EXISTS test_record_claim ON generations',
    'CREATE TRIGGER test_record_claim AFTER INSERT OR UPDATE ON generations FOR EACH ROW EXECUTE FUNCTION test_record_claim()',
  ]) await stack.prisma.$executeRawUnsafe(sql);
}, 60_000);
afterAll(async () => {
  letPlansEnd();
  await stack?.close();
}, 60_000);

/** A statement on ai_db (onceTrigger's faults). */
const onAiDb = (sql: string) => stack.prisma.$executeRawUnsafe(sql);

const status = async (scheduleId: string) => (await stack.prisma.generation.findUnique({ where: { id: scheduleId }, select: { status: true } }))?.status;
const settled = (messageId: string) => stack.events.filter((e) => e.messageId === messageId);
/**
 * When the schedule's outcome was written against the first claim on it: `before` when finished_at
 * came before the furthest that claim reached (its last renewal), so the delivery that wrote it did
 * not wait for that claim to run out. The database's clock on both sides, none of the test's.
 */
const outcomeAgainstFirstClaim = async (scheduleId: string) => {
  const [row] = await stack.prisma.$queryRawUnsafe<{ claims: bigint; first_until: Date | null; finished_at: Date | null; before: boolean | null }[]>(
    `WITH first AS (SELECT claimed_by FROM test_claims WHERE id = $1::uuid ORDER BY seq LIMIT 1),
          reach AS (SELECT max(claimed_until) AS until FROM test_claims WHERE id = $1::uuid AND claimed_by = (SELECT claimed_by FROM first))
     SELECT (SELECT count(DISTINCT claimed_by) FROM test_claims WHERE id = $1::uuid) AS claims, reach.until AS first_until, g.finished_at, g.finished_at < reach.until AS before
       FROM generations g, reach WHERE g.id = $1::uuid`,
    scheduleId,
  );
  return { claims: Number(row!.claims), firstUntil: row!.first_until, finishedAt: row!.finished_at, before: row!.before };
};
const notifyMessages = async (scheduleId: string) =>
  (await stack.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM outbox_messages WHERE queue = $1 AND message_id = $2', QUEUES.aiScheduleGeneration, `${scheduleId}.notify`))[0]!.n;

/**
 * Sends `m` twice at once (two sends of one message id: the emulator, as a queue without duplicate
 * detection, delivers both, and each idle pod takes one); once a plan is under way (its interest
 * reading held) waits `holdMs` so the other delivery is in hand too, planning or waiting on it, then
 * lets the plans end.
 */
const deliverTwiceWhilePlanning = async (m: ReturnType<typeof request>, holdMs: number): Promise<void> => {
  const before = { ...begun };
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(() => POD_NAMES.some((pod) => begun[pod] > before[pod]), 'a plan under way', 20_000, 20);
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  letPlansEnd();
};

it('the same request delivered twice at once, to two pods: the engine runs once, the other delivery is settled as a duplicate, one outcome told', { timeout: 60_000 }, async () => {
  holdPlans();
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  const sentAt = Date.now();
  await deliverTwiceWhilePlanning(m, 1_000);
  await waitFor(() => settled(m.scheduleId).length === 2, 'both deliveries settled', 30_000, 20);
  const outcomeMs = Date.now() - sentAt;
  const runs = engineRuns.get(m.scheduleId) ?? 0;
  console.log(`duplicate-delivery: ${runs} engine run(s) for one schedule delivered twice; both settled ${outcomeMs} ms after the sends (1 s of it the test's hold)`);
  expect(new Set(settled(m.scheduleId).map((e) => e.pod)), 'one delivery on each pod').toEqual(new Set(POD_NAMES));
  expect(runs, 'engine runs').toBe(1);
  expect(settled(m.scheduleId).map((e) => e.outcome).sort()).toEqual(['duplicate', 'processed']);
  expect(await status(m.scheduleId)).toBe('completed');
  expect(await notifyMessages(m.scheduleId)).toBe(1n);
});

it('a planner that died left its claim: the next delivery waits for it to run out, then plans the schedule, well within its deadline', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  // As a delivery leaves its row when its pod is killed mid-plan: running, its claim renewed last 9 s ago (PLAN_CLAIM_MS 10 s).
  await claimedElsewhere(stack.prisma, m, 1);
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(() => settled(m.scheduleId).length === 1, 'the delivery settled', 30_000, 20);
  const against = await outcomeAgainstFirstClaim(m.scheduleId);
  console.log(`duplicate-delivery: a dead planner's claim held until ${against.firstUntil?.toISOString()}, the outcome written at ${against.finishedAt?.toISOString()}`);
  expect(settled(m.scheduleId)[0]).toMatchObject({ outcome: 'processed' });
  expect(await status(m.scheduleId)).toBe('completed');
  expect(engineRuns.get(m.scheduleId)).toBe(1);
  expect(against.claims, 'the dead claim, then the delivery\'s own').toBe(2);
  expect(against.before, 'the outcome written only once the dead planner\'s claim ran out').toBe(false);
  // Within its deadline: a delivery past notAfter fails the schedule instead of planning it ('completed' above).
});

it('the planning delivery fails, to be retried: it gives its claim back and the waiting duplicate plans the schedule at once', { timeout: 60_000 }, async () => {
  holdPlans();
  failNextRead = true;
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await deliverTwiceWhilePlanning(m, 500);
  await waitFor(async () => (await status(m.scheduleId)) === 'completed', 'the schedule planned', 20_000, 20);
  const against = await outcomeAgainstFirstClaim(m.scheduleId);
  console.log(`duplicate-delivery: the failed plan's claim would have held until ${against.firstUntil?.toISOString()}, the waiting delivery's outcome written at ${against.finishedAt?.toISOString()}`);
  expect(against.claims, 'the failed plan\'s claim, then the waiting delivery\'s').toBe(2);
  expect(against.before, 'the outcome written before the given-back claim (10 s) would have run out').toBe(true);
  expect(engineRuns.get(m.scheduleId)).toBe(1);
  expect(settled(m.scheduleId).map((e) => e.outcome)).toEqual(['abandoned', 'processed']);
  // The failed delivery's redelivery (after its 2 s backoff) finds the outcome recorded.
  await waitFor(() => settled(m.scheduleId).length === 3, 'the redelivery settled', 20_000, 20);
  expect(settled(m.scheduleId)[2]).toMatchObject({ outcome: 'duplicate', attempt: 2 });
  expect(engineRuns.get(m.scheduleId)).toBe(1);
  expect(await notifyMessages(m.scheduleId)).toBe(1n);
});

it('the plan ends but the transaction writing its outcome fails (a serialization error): the claim is given back, and the redelivery plans at once', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  // The outcome's write (FINISH_SQL) fails once, as a serialization failure or ai_db dropping would
  // (transient: abandoned for redelivery); the sequence counts across the rolled-back transaction.
  const dropTrigger = await onceTrigger(onAiDb, {
    name: `fail_outcome_once_${m.scheduleId.replaceAll('-', '')}`,
    event: 'BEFORE UPDATE',
    table: 'generations',
    condition: `NEW.id = '${m.scheduleId}'::uuid AND NEW.status <> 'running'`,
    action: "RAISE EXCEPTION 'could not serialize access (test)' USING ERRCODE = 'serialization_failure';",
  });
  try {
    await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
    await waitFor(() => settled(m.scheduleId).length === 1, 'the first delivery settled', 30_000, 20);
    expect(settled(m.scheduleId)[0]).toMatchObject({ outcome: 'abandoned', attempt: 1 });
    await waitFor(() => settled(m.scheduleId).length === 2, 'the redelivery settled', 30_000, 20);
    const against = await outcomeAgainstFirstClaim(m.scheduleId);
    console.log(`duplicate-delivery: the first delivery's claim would have held until ${against.firstUntil?.toISOString()}, the redelivery's outcome written at ${against.finishedAt?.toISOString()}`);
    expect(settled(m.scheduleId)[1]).toMatchObject({ outcome: 'processed', attempt: 2 });
    expect(await status(m.scheduleId)).toBe('completed');
    // The kit's redelivery delay (2 s) and a plan; not that plus the rest of the claim (PLAN_CLAIM_MS 10 s).
    expect(against.claims, 'the first delivery\'s claim, then the redelivery\'s').toBe(2);
    expect(against.before, 'the redelivery planned without waiting for the claim to run out').toBe(true);
    expect(engineRuns.get(m.scheduleId)).toBe(2);
    expect(await notifyMessages(m.scheduleId)).toBe(1n);
  } finally {
    await dropTrigger();
  }
});

it('a delivery waiting for another\'s claim only reads the schedule\'s row: it locks it (a transaction id, a WAL record) only to take it over', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  // A claim with 3 s left, held by a planner that died: the delivery waits for it.
  await claimedElsewhere(stack.prisma, m, 3);
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  // xmax of the row: the last transaction that locked (or updated) it; a look that locks it sets a new one.
  const lockers = new Set<string>();
  const xmax = async () => (await stack.prisma.$queryRawUnsafe<{ xmax: string }[]>('SELECT xmax::text AS xmax FROM generations WHERE id = $1::uuid', m.scheduleId))[0]!.xmax;
  const until = Date.now() + 2_000;
  while (Date.now() < until) {
    const x = await xmax();
    if (x !== '0') lockers.add(x);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  console.log(`duplicate-delivery: ${lockers.size} transaction(s) locked the claimed row in 2 s of a delivery's wait`);
  // Its first try (CLAIM_SQL) locks the row once; the looks after it only read it.
  expect(lockers.size, 'transactions locking the row while the claim holds').toBeLessThanOrEqual(1);
  await waitFor(async () => (await status(m.scheduleId)) === 'completed', 'the schedule planned once the claim ran out', 30_000, 20);
  expect(engineRuns.get(m.scheduleId)).toBe(1);
});

it('the outcome\'s write waits beyond the claim (for a pooled connection): the claim is still renewed, and the waiting duplicate does not plan again', { timeout: 60_000 }, async () => {
  holdPlans();
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  // The first transaction recording this message id waits 11 s (beyond PLAN_CLAIM_MS, as the kit's
  // maxWait for a pooled connection may) before it touches the schedule's row; once only.
  const dropTrigger = await onceTrigger(onAiDb, {
    name: `hold_outcome_once_${m.scheduleId.replaceAll('-', '')}`,
    event: 'BEFORE INSERT',
    table: 'processed_messages',
    condition: `NEW.message_id = '${m.scheduleId}'`,
    action: 'PERFORM pg_sleep(11);',
  });
  try {
    await deliverTwiceWhilePlanning(m, 500);
    await waitFor(() => settled(m.scheduleId).length === 2, 'both deliveries settled', 40_000, 20);
    const runs = engineRuns.get(m.scheduleId) ?? 0;
    console.log(`duplicate-delivery: ${runs} engine run(s) with the outcome's write held 11 s and a duplicate waiting`);
    expect(runs, 'engine runs').toBe(1);
    expect(settled(m.scheduleId).map((e) => e.outcome).sort()).toEqual(['duplicate', 'processed']);
    expect(await status(m.scheduleId)).toBe('completed');
    expect(await notifyMessages(m.scheduleId)).toBe(1n);
  } finally {
    await dropTrigger();
  }
});

it('a redelivery past the deadline sent the late copy while the first delivery still planned: that plan, settled as a duplicate, gives its claim back and the late copy fails the schedule at once', { timeout: 60_000 }, async () => {
  holdPlans();
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID(), notAfter: new Date(Date.now() + 2_000).toISOString() });
  const before = { ...begun };
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(() => POD_NAMES.some((pod) => begun[pod] > before[pod]), 'a plan under way', 20_000, 20);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(m.notAfter) - Date.now()) + 100));
  // Sent again past its deadline (a lock lost, a re-send): the idle pod records the message id and
  // writes the late copy to its outbox, which the test relays.
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(() => settled(m.scheduleId).length === 1, 'the redelivery sent to the back of the queue', 20_000, 20);
  expect(settled(m.scheduleId)[0]).toMatchObject({ outcome: 'processed' });
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.late`, body: m }]);
  // The late copy waits for the planning delivery's claim.
  await new Promise((resolve) => setTimeout(resolve, 500));
  letPlansEnd();
  await waitFor(() => settled(m.scheduleId).length === 2, 'the planning delivery settled', 20_000, 20);
  expect(settled(m.scheduleId)[1]).toMatchObject({ outcome: 'duplicate' });
  await waitFor(() => settled(`${m.scheduleId}.late`).length === 1, 'the late copy settled', 30_000, 20);
  const against = await outcomeAgainstFirstClaim(m.scheduleId);
  console.log(`duplicate-delivery: the planning delivery's claim would have held until ${against.firstUntil?.toISOString()}, the late failure written at ${against.finishedAt?.toISOString()}`);
  expect(settled(`${m.scheduleId}.late`)[0]).toMatchObject({ outcome: 'processed' });
  expect(await status(m.scheduleId)).toBe('failed');
  expect(against.before, 'the late copy did not wait for the duplicate\'s claim (10 s) to run out').toBe(true);
});
