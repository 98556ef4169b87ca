import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import type { MessageBroker, Subscription } from './broker.ts';
import { consumeIdempotently, type ConsumeEvent } from './consumer.ts';
import { createOutboxRelay, enqueue, type OutboxRelay } from './outbox.ts';
import { createServiceBusBroker } from './service-bus-broker.ts';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.ts';
import { quietLogger, waitFor } from '@tripgen/testing';

/**
 * Issue 6's broker outage test: messages published (through the outbox) while the broker is down
 * are delivered after it returns on the same port; none is lost and none is processed twice.
 * Publisher and consumer are separate brokers (two "services"), both riding out the outage.
 */
const queue = QUEUES.aiScheduleGeneration;
const BEFORE = 10;
const DURING = 25;

let db: TestDatabase;
let emulator: ServiceBusEmulator;
let publisher: MessageBroker;
let consumerBroker: MessageBroker;
let relay: OutboxRelay;
let subscription: Subscription;
const handlerRuns = new Map<string, number>();
const events: ConsumeEvent[] = [];

const retry = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000, timeoutInMs: 10_000 };
// A completion in flight when the broker drops is never answered; the SDK gives up after
// (1 + maxRetries) x timeoutInMs and the broker redelivers (absorbed as a duplicate). Short here so
// that close(), which waits for in-flight settlements, stays quick.
const consumerRetry = { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1_000, timeoutInMs: 4_000 };

async function publishInTransaction(ids: string[]): Promise<void> {
  await db.sql.$transaction(async (tx) => {
    for (const id of ids) {
      await tx.$executeRawUnsafe('INSERT INTO trips (id) VALUES ($1)', id);
      await enqueue(tx, queue, { tripId: id }, { messageId: `schedule-${id}` });
    }
  });
  relay.wake();
}

const effects = async () => (await db.sql.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM schedules'))[0]?.n ?? 0;

beforeAll(async () => {
  db = await createTestDatabase('outage_test');
  await db.sql.$executeRawUnsafe('CREATE TABLE trips (id text PRIMARY KEY)');
  await db.sql.$executeRawUnsafe('CREATE TABLE schedules (trip_id text NOT NULL, message_id text NOT NULL)');
  emulator = await startServiceBusEmulator({ queues: QUEUE_NAMES });
  publisher = createServiceBusBroker({ connectionString: emulator.connectionString, retry, logger: quietLogger });
  consumerBroker = createServiceBusBroker({ connectionString: emulator.connectionString, retry: consumerRetry, logger: quietLogger });
  relay = createOutboxRelay({ db: db.sql, broker: publisher, pollIntervalMs: 50, backoff: { initialMs: 200, maxMs: 1_000 }, logger: quietLogger });
  relay.start();
  subscription = await consumeIdempotently(
    consumerBroker,
    db.sql,
    queue,
    async (m, tx) => {
      handlerRuns.set(m.messageId, (handlerRuns.get(m.messageId) ?? 0) + 1);
      const { tripId } = m.body as { tripId: string };
      await tx.$executeRawUnsafe('INSERT INTO schedules (trip_id, message_id) VALUES ($1, $2)', tripId, m.messageId);
    },
    { concurrency: 4, logger: quietLogger, onOutcome: (e) => events.push(e) },
  );
}, 60_000);

afterAll(async () => {
  await subscription?.close();
  await relay?.close();
  await Promise.allSettled([publisher?.close(), consumerBroker?.close()]);
  await emulator?.stop();
  await db?.drop();
}, 60_000);

describe('broker outage', () => {
  it('delivers what was published while the broker was down once it is back: none lost, none processed twice', { timeout: 120_000 }, async () => {
    const before = Array.from({ length: BEFORE }, (_, i) => `before-${i}`);
    await publishInTransaction(before);
    await waitFor(async () => (await effects()) === BEFORE, 'the messages sent before the outage', 60_000);

    const port = emulator.port;
    await emulator.interrupt();

    // Published during the outage, in several transactions: the relay must fail and keep them.
    const during = Array.from({ length: DURING }, (_, i) => `during-${i}`);
    for (let i = 0; i < during.length; i += 5) await publishInTransaction(during.slice(i, i + 5));
    await waitFor(
      async () => {
        const [row] = await db.sql.$queryRawUnsafe<{ failed: number }[]>(
          "SELECT count(*)::int AS failed FROM outbox_messages WHERE message_id LIKE 'schedule-during-%' AND sent_at IS NULL AND last_error IS NOT NULL",
        );
        return (row?.failed ?? 0) > 0;
      },
      'the relay to fail against the stopped broker',
      60_000,
    );
    const unsentDuringOutage = await db.sql.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_messages WHERE sent_at IS NULL');
    expect(unsentDuringOutage[0]?.n).toBe(DURING);

    await emulator.restart();
    expect(emulator.port).toBe(port);
    await waitFor(async () => (await effects()) === BEFORE + DURING, 'every message after the broker came back', 90_000);

    // Counted: every message id ran its handler exactly once, and produced exactly one effect.
    const expectedIds = [...before, ...during].map((id) => `schedule-${id}`).sort();
    expect([...handlerRuns.keys()].sort()).toEqual(expectedIds);
    expect([...handlerRuns.values()].every((n) => n === 1)).toBe(true);
    const perMessage = await db.sql.$queryRawUnsafe<{ message_id: string; n: number }[]>(
      'SELECT message_id, count(*)::int AS n FROM schedules GROUP BY message_id ORDER BY message_id',
    );
    expect(perMessage.map((r) => r.message_id)).toEqual(expectedIds);
    expect(perMessage.every((r) => r.n === 1)).toBe(true);
    const outbox = await db.sql.$queryRawUnsafe<{ unsent: number }[]>('SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent FROM outbox_messages');
    expect(outbox[0]?.unsent).toBe(0);
    expect(await consumerBroker.peekDeadLetters(queue, 100)).toEqual([]);
    // Redeliveries caused by the outage (if any) were absorbed as duplicates, never re-run.
    expect(events.filter((e) => e.outcome === 'processed')).toHaveLength(BEFORE + DURING);
    expect(events.filter((e) => e.outcome === 'deadLettered')).toEqual([]);
  });
});
