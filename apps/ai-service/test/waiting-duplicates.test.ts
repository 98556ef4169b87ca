/**
 * A burst of duplicates on one pod (a broker hiccup redelivering many locked messages at once, a
 * request sent several times) while another pod plans their schedule: each waits for that outcome
 * (claimFor), and a delivery waiting holds one of the pod's handler slots (the kit's concurrency,
 * the SDK's maxConcurrentCalls). A fresh request sent meanwhile must still be taken up by that pod
 * before the claimed plan ends, and the duplicates settled once it has (none dead-lettered, no
 * delivery count burnt). Real PostgreSQL and the Service Bus emulator, whose scheduled messages
 * (x-opt-scheduled-enqueue-time) follow Service Bus's "Scheduled messages"
 * (learn.microsoft.com/azure/service-bus-messaging/message-sequencing#scheduled-messages).
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import type { ConsumeEvent, MessagingLogger } from '@tripgen/service-kit/messaging';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSUMER_NAME, lateMessageId } from '../src/domain/schedule-consumer.ts';
import { request } from './fixtures/places.ts';
import { claimedElsewhere } from './support/claims.ts';
import { startConsumerStack, type ConsumerStack } from './support/consumer-stack.ts';

/** What happened, in order: each delivery settled, and the test's end of the other pod's plan. */
const timeline: ({ kind: 'settled'; event: ConsumeEvent } | { kind: 'plan ended' })[] = [];
let waitingLooks = 0;
const logger: MessagingLogger = {
  info: (_obj, msg) => void (msg.includes('waiting for its outcome') && (waitingLooks += 1)),
  warn: () => undefined,
  error: () => undefined,
};
let stack: ConsumerStack;
beforeAll(async () => {
  // A pod of 2 slots: its first two duplicates took all of them.
  stack = await startConsumerStack({
    database: 'ai_waiting_duplicates',
    poolSize: 4,
    candidates: { items: [], missing: [] },
    consumer: { concurrency: 2, logger, onOutcome: (event) => timeline.push({ kind: 'settled', event }) },
  });
}, 60_000);
afterAll(async () => {
  await stack?.close();
}, 60_000);

const settledOf = (messageId: string) => timeline.flatMap((t) => (t.kind === 'settled' && t.event.messageId === messageId ? [t.event] : []));
const indexOf = (pred: (t: (typeof timeline)[number]) => boolean) => timeline.findIndex(pred);

it('duplicates waiting for another pod\'s plan do not keep a fresh request from being taken up before that plan ends; they are settled as duplicates once it has, none dead-lettered', { timeout: 90_000 }, async () => {
  const s = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  // Another pod plans s: its claim, renewed as that planner does (every third of PLAN_CLAIM_MS).
  const otherPod = randomUUID();
  const renew = () =>
    stack.prisma.$executeRawUnsafe("UPDATE generations SET claimed_until = clock_timestamp() + interval '10 seconds' WHERE id = $1::uuid AND status = 'running'", s.scheduleId);
  await claimedElsewhere(stack.prisma, s, 10, otherPod);
  const renewal = setInterval(() => void renew().catch(() => undefined), 3_000);
  try {
    // Three deliveries of s at once (the emulator, as a queue without duplicate detection, delivers each).
    for (let i = 0; i < 3; i += 1) await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: s.scheduleId, body: s }]);
    await waitFor(() => waitingLooks >= 1, 'a duplicate waiting for the other pod\'s outcome', 20_000, 20);
    // The fresh request: taken up (planned, settled) while the other pod still plans s, or only after.
    const fresh = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: fresh.scheduleId, body: fresh }]);
    const freshSentAt = Date.now();
    // The other pod's plan lasts until the fresh request is settled, or 6 s at most (its deadline is later).
    await waitFor(() => settledOf(fresh.scheduleId).length > 0, 'the fresh request settled', 6_000, 20).catch(() => undefined);
    // The other pod's plan ends: its outcome and the message id, in one transaction, as the kit writes them.
    await stack.prisma.$transaction([
      stack.prisma.$executeRawUnsafe('INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2)', CONSUMER_NAME, s.scheduleId),
      stack.prisma.$executeRawUnsafe("UPDATE generations SET status = 'failed', error = 'the other pod''s outcome (test)', finished_at = now(), claimed_by = NULL, claimed_until = NULL WHERE id = $1::uuid", s.scheduleId),
    ]);
    timeline.push({ kind: 'plan ended' });
    const planEndedMs = Date.now() - freshSentAt;
    await waitFor(() => settledOf(fresh.scheduleId).length > 0, 'the fresh request settled', 30_000, 20);
    // Every delivery of s ends as a duplicate, however it was handed back meanwhile.
    await waitFor(() => settledOf(s.scheduleId).filter((e) => e.outcome === 'duplicate').length === 3, 'the three deliveries of s settled as duplicates', 40_000, 20);
    const planEnded = indexOf((t) => t.kind === 'plan ended');
    const freshSettled = indexOf((t) => t.kind === 'settled' && t.event.messageId === fresh.scheduleId);
    const ofS = settledOf(s.scheduleId);
    console.log(`waiting-duplicates: the fresh request taken up ${freshSettled < planEnded ? 'before' : 'after'} the claimed plan ended (${planEndedMs} ms after its send); deliveries of s: ${ofS.map((e) => `${e.outcome}#${e.attempt}`).join(', ')}`);
    expect(settledOf(fresh.scheduleId)[0]).toMatchObject({ outcome: 'processed' });
    expect(freshSettled, 'the fresh request settled before the other pod\'s plan ended').toBeLessThan(planEnded);
    expect(ofS.filter((e) => e.outcome === 'abandoned' || e.outcome === 'deadLettered'), 'no delivery of s abandoned or dead-lettered').toEqual([]);
    expect(Math.max(...ofS.map((e) => e.attempt)), 'no delivery count burnt').toBe(1);
    expect(await stack.broker.peekDeadLetters(QUEUES.aiScheduleGeneration, 10)).toEqual([]);
  } finally {
    clearInterval(renewal);
  }
});

it('a rescheduled duplicate takes over the schedule of a planner that died once its claim runs out, while the pod\'s waiting slot is still taken', { timeout: 60_000 }, async () => {
  const insertClaimed = (m: ReturnType<typeof request>, claimSeconds: number) =>
    stack.prisma.$executeRawUnsafe(
      "INSERT INTO generations (id, trip_id, user_id, status, request, claimed_by, claimed_until) VALUES ($1::uuid, $2::uuid, $3::uuid, 'running', $4::jsonb, $5::uuid, clock_timestamp() + $6::float8 * interval '1 second')",
      m.scheduleId,
      m.tripId,
      m.userId,
      JSON.stringify(m),
      randomUUID(),
      claimSeconds,
    );
  // a: planned by a live planner on another pod (its claim renewed by the test), its duplicate waits
  // here in the pod's one waiting slot; b: its planner died, 2 s of its claim left.
  const a = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  const b = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await insertClaimed(a, 10);
  await insertClaimed(b, 2);
  const renewal = setInterval(
    () => void stack.prisma.$executeRawUnsafe("UPDATE generations SET claimed_until = clock_timestamp() + interval '10 seconds' WHERE id = $1::uuid AND status = 'running'", a.scheduleId).catch(() => undefined),
    3_000,
  );
  try {
    const looks = waitingLooks;
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: a.scheduleId, body: a }]);
    await waitFor(() => waitingLooks > looks, 'a\'s duplicate waiting in its slot', 20_000, 20);
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: b.scheduleId, body: b }]);
    await waitFor(() => settledOf(b.scheduleId).some((e) => e.outcome === 'processed'), 'b planned', 30_000, 20);
    const aState = await stack.prisma.generation.findUnique({ where: { id: a.scheduleId }, select: { status: true } });
    const [bRow] = await stack.prisma.$queryRawUnsafe<{ status: string }[]>('SELECT status FROM generations WHERE id = $1::uuid', b.scheduleId);
    console.log(`waiting-duplicates: b (a dead planner's claim) ${settledOf(b.scheduleId).map((e) => `${e.outcome}#${e.attempt}`).join(', ')}, while a was ${aState?.status}`);
    expect(settledOf(b.scheduleId).map((e) => `${e.outcome}#${e.attempt}`)).toEqual(['rescheduled#1', 'processed#1']);
    expect(bRow?.status).toBe('completed');
    // The waiting slot was still taken by a's duplicate: b was not planned by a waiter in its slot.
    expect(aState?.status).toBe('running');
    expect(settledOf(a.scheduleId)).toEqual([]);
  } finally {
    clearInterval(renewal);
    // a's plan ends (as the other pod writes it), so its waiting duplicate settles before the stack closes.
    await stack.prisma.$transaction([
      stack.prisma.$executeRawUnsafe('INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2)', CONSUMER_NAME, a.scheduleId),
      stack.prisma.$executeRawUnsafe("UPDATE generations SET status = 'failed', error = 'the other pod''s outcome (test)', finished_at = now(), claimed_by = NULL, claimed_until = NULL WHERE id = $1::uuid", a.scheduleId),
    ]);
  }
  await waitFor(() => settledOf(a.scheduleId).length === 1, 'a\'s duplicate settled', 20_000, 20);
  expect(settledOf(a.scheduleId)[0]).toMatchObject({ outcome: 'duplicate' });
});

it('a duplicate of a schedule whose claim is still live past the deadline and one claim period (a stuck plan) is handed back, counted toward MaxDeliveryCount, not rescheduled: a copy comes with its delivery count at 0, so rescheduling went round forever', { timeout: 60_000 }, async () => {
  // Past its deadline by more than PLAN_CLAIM_MS: only its late copy (lateMessageId) is planned, and
  // a claim that another process still renews is the stuck one ScheduleClaimedError names.
  const s = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID(), notAfter: new Date(Date.now() - 60_000).toISOString() });
  const late = lateMessageId(s.scheduleId);
  await claimedElsewhere(stack.prisma, s, 10);
  const renewal = setInterval(
    () => void stack.prisma.$executeRawUnsafe("UPDATE generations SET claimed_until = clock_timestamp() + interval '10 seconds' WHERE id = $1::uuid AND status = 'running'", s.scheduleId).catch(() => undefined),
    3_000,
  );
  try {
    const looks = waitingLooks;
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: late, body: s }]);
    await waitFor(() => waitingLooks > looks, 'the late copy waiting in the pod\'s waiting slot', 20_000, 20);
    // Its duplicate finds the waiting slot taken.
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: late, body: s }]);
    await waitFor(() => settledOf(late).length > 0, 'the duplicate settled', 20_000, 20);
    console.log(`waiting-duplicates: a stuck claim's duplicate ${settledOf(late).map((e) => `${e.outcome}#${e.attempt}`).join(', ')}`);
    expect(settledOf(late).map((e) => `${e.outcome}#${e.attempt}`)).toEqual(['abandoned#1']);
  } finally {
    clearInterval(renewal);
    // The stuck plan ends (as its pod writes it), so every delivery settles before the stack closes.
    await stack.prisma.$executeRawUnsafe("UPDATE generations SET status = 'failed', error = 'the stuck plan''s outcome (test)', finished_at = now(), claimed_by = NULL, claimed_until = NULL WHERE id = $1::uuid", s.scheduleId);
  }
  await waitFor(() => settledOf(late).filter((e) => e.outcome === 'processed' || e.outcome === 'duplicate').length === 2, 'both deliveries settled', 30_000, 20);
  expect(settledOf(late).filter((e) => e.outcome === 'rescheduled')).toEqual([]);
});
