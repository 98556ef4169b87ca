/**
 * The transaction writing a plan's outcome hangs on a statement (a pooled connection stuck: the
 * server does not answer) while a duplicate of the request waits for that outcome. The planning
 * delivery renews its claim until the kit reports its outcome (268f8ae), so the claim lasts as long
 * as that transaction. What bounds it is the service's query time limit (the kit's
 * QUERY_TIMEOUT_MS, 5 s a statement; the connection is then closed and PostgreSQL rolls back), not
 * the kit's transaction timeout (60 s): the delivery is abandoned, gives its claim back, and the
 * waiting duplicate plans the schedule while the stuck statement still runs; PostgreSQL ends the
 * statement itself a little later (the kit's statement_timeout), so that one stuck after the
 * message id's insert does not hold that key for the duplicate. The consumer uses the
 * service's own client (createPrismaClient, QUERY_TIMEOUT_MS); the test's reads use its own.
 * Real PostgreSQL and the Service Bus emulator.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import { createPrismaClient } from '@tripgen/service-kit';
import type { ConsumeEvent } from '@tripgen/service-kit/messaging';
import { onceTrigger, quietLogger, waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { request } from './fixtures/places.ts';
import { startConsumerStack, type ConsumerStack } from './support/consumer-stack.ts';

/** Longer than the statement limit (5 s) and than one claim period (10 s), well within the test's time. */
const STUCK_S = 15;
const events: ConsumeEvent[] = [];
let stack: ConsumerStack;
beforeAll(async () => {
  stack = await startConsumerStack({
    database: 'ai_outcome_write_stuck',
    poolSize: 4,
    candidates: { items: [], missing: [] },
    // Two slots: one delivery plans, its duplicate waits in the other.
    consumer: { concurrency: 2, logger: quietLogger, onOutcome: (e) => events.push(e) },
    consumerPrisma: (url) => createPrismaClient(PrismaClient, url, 4),
  });
}, 60_000);
afterAll(async () => {
  await stack?.close();
}, 60_000);

const settled = (messageId: string) => events.filter((e) => e.messageId === messageId);
/** Backends still running the stuck statement (its trigger's sleep). */
const stuckStatements = async () =>
  Number((await stack.prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event = 'PgSleep'"))[0]!.n);

it('the outcome\'s transaction hangs on a stuck statement: the statement limit ends it, the claim is given back, and the waiting duplicate plans the schedule while the statement still hangs', { timeout: 90_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  const dropTrigger = await onceTrigger((sql) => stack.prisma.$executeRawUnsafe(sql), {
    name: `stuck_outcome_once_${m.scheduleId.replaceAll('-', '')}`,
    event: 'BEFORE INSERT',
    table: 'processed_messages',
    condition: `NEW.message_id = '${m.scheduleId}'`,
    action: `PERFORM pg_sleep(${STUCK_S});`,
  });
  try {
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
    await waitFor(async () => (await stack.prisma.generation.findUnique({ where: { id: m.scheduleId }, select: { status: true } }))?.status === 'completed', 'the schedule completed', 40_000, 20);
    const stuckWhenCompleted = await stuckStatements();
    const [row] = await stack.prisma.$queryRawUnsafe<{ ms: number }[]>('SELECT (extract(epoch FROM finished_at - created_at) * 1000)::int AS ms FROM generations WHERE id = $1::uuid', m.scheduleId);
    await waitFor(() => settled(m.scheduleId).length === 3, 'the three deliveries settled', 30_000, 20);
    const outcomes = settled(m.scheduleId).map((e) => `${e.outcome}#${e.attempt}`);
    console.log(`outcome-write-stuck: completed ${row!.ms} ms after the first claim, ${stuckWhenCompleted} stuck statement(s) still running then; deliveries: ${outcomes.join(', ')}`);
    expect(stuckWhenCompleted, 'the schedule planned by the waiting duplicate while the stuck statement still ran').toBe(1);
    // The stuck delivery abandoned (its claim given back), the duplicate's plan recorded, the stuck one's redelivery a duplicate.
    expect(outcomes).toEqual(['abandoned#1', 'processed#1', 'duplicate#2']);
    const [notify] = await stack.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM outbox_messages WHERE message_id = $1', `${m.scheduleId}.notify`);
    expect(notify!.n).toBe(1n);
  } finally {
    await waitFor(async () => (await stuckStatements()) === 0, 'the stuck statement ended', 30_000, 100);
    await dropTrigger();
  }
});

it('the outcome\'s transaction hangs on a statement after its message id was inserted (the key held): the server ends that statement soon after the client gave it up, and the waiting duplicate records its plan rather than waiting on the key until the stuck statement ends', { timeout: 90_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  // AFTER the insert: the stuck transaction holds the processed_messages key the duplicate's own
  // record inserts (as a statement waiting on a lock after RECORD_SQL does). The client gives the
  // statement up at QUERY_TIMEOUT_MS and closes its connection; PostgreSQL notices a closed client
  // only when it next talks to it, so without a server-side limit the statement ran on, holding the key.
  const dropTrigger = await onceTrigger((sql) => stack.prisma.$executeRawUnsafe(sql), {
    name: `stuck_after_key_once_${m.scheduleId.replaceAll('-', '')}`,
    event: 'AFTER INSERT',
    table: 'processed_messages',
    condition: `NEW.message_id = '${m.scheduleId}'`,
    action: `PERFORM pg_sleep(${STUCK_S});`,
  });
  const before = events.length;
  try {
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
    await stack.broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
    await waitFor(async () => (await stack.prisma.generation.findUnique({ where: { id: m.scheduleId }, select: { status: true } }))?.status === 'completed', 'the schedule completed', 40_000, 20);
    await waitFor(() => settled(m.scheduleId).length === 3, 'the three deliveries settled', 30_000, 20);
    const [row] = await stack.prisma.$queryRawUnsafe<{ ms: number }[]>('SELECT (extract(epoch FROM finished_at - created_at) * 1000)::int AS ms FROM generations WHERE id = $1::uuid', m.scheduleId);
    const outcomes = events.slice(before).filter((e) => e.messageId === m.scheduleId).map((e) => `${e.outcome}#${e.attempt}`);
    console.log(`outcome-write-stuck (key held): completed ${row!.ms} ms after the first claim; deliveries: ${outcomes.join(', ')}`);
    // The duplicate's record was not held on the key until its own statement limit (a second abandon).
    expect(outcomes).toEqual(['abandoned#1', 'processed#1', 'duplicate#2']);
  } finally {
    await waitFor(async () => (await stuckStatements()) === 0, 'the stuck statement ended', 30_000, 100);
    await dropTrigger();
  }
});
