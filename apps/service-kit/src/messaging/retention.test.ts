/**
 * Bounded growth of the messaging tables on real PostgreSQL and the Service Bus emulator: under a
 * steady flow of messages (outbox → relay → queue → idempotent consumer), the pruning the relay and
 * the consumer schedule themselves keeps both sent outbox rows and processed ids bounded by the
 * retention instead of growing with every message; and a redelivery inside the retention is still
 * recognised as a duplicate while pruning runs. Retention is shortened here (milliseconds instead
 * of the catalog's days); the code path is the services' own.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { quietLogger, waitFor } from '@tripgen/testing';
import type { MessageBroker, Subscription } from './broker.ts';
import { consumeIdempotently, type ConsumeEvent } from './consumer.ts';
import { createOutboxRelay, enqueue, type OutboxRelay } from './outbox.ts';
import { createServiceBusBroker } from './service-bus-broker.ts';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.ts';

const queue = QUEUES.notification;
let db: TestDatabase;
let emulator: ServiceBusEmulator;
let broker: MessageBroker;
let relay: OutboxRelay | undefined;
let subscription: Subscription | undefined;

beforeAll(async () => {
  db = await createTestDatabase('retention_test');
  emulator = await startServiceBusEmulator({ queues: QUEUE_NAMES });
  broker = createServiceBusBroker({ connectionString: emulator.connectionString, retry: { maxRetries: 1, retryDelayInMs: 100, timeoutInMs: 10_000 }, logger: quietLogger });
}, 60_000);

afterEach(async () => {
  await subscription?.close();
  await relay?.close();
  subscription = undefined;
  relay = undefined;
  await db.sql.$executeRawUnsafe('TRUNCATE outbox_messages, processed_messages');
});

afterAll(async () => {
  await broker?.close();
  await emulator?.stop();
  await db?.drop();
}, 60_000);

const count = async (sql: string): Promise<number> => Number((await db.sql.$queryRawUnsafe<{ n: string }[]>(sql))[0]!.n);
const sentRows = () => count('SELECT count(*) AS n FROM outbox_messages WHERE sent_at IS NOT NULL');
const processedRows = () => count('SELECT count(*) AS n FROM processed_messages');

it('keeps sent outbox rows and processed ids bounded while messages keep flowing', { timeout: 120_000 }, async () => {
  const retention = { keepMs: 500, pruneEveryMs: 100 };
  const handled = new Set<string>();
  subscription = await consumeIdempotently(broker, db.sql, queue, async (m) => void handled.add(m.messageId), { retention, logger: quietLogger, concurrency: 4 });
  relay = createOutboxRelay({ db: db.sql, broker, pollIntervalMs: 20, retention, logger: quietLogger });
  relay.start();

  const ROUNDS = 30;
  const PER_ROUND = 10;
  const total = ROUNDS * PER_ROUND;
  let maxSent = 0;
  let maxProcessed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await db.sql.$transaction(async (tx) => {
      for (let i = 0; i < PER_ROUND; i++) await enqueue(tx, queue, { round, i });
    });
    relay.wake();
    await new Promise((r) => setTimeout(r, 100));
    maxSent = Math.max(maxSent, await sentRows());
    maxProcessed = Math.max(maxProcessed, await processedRows());
  }
  await waitFor(() => handled.size === total, `all ${total} messages handled`);
  // Unpruned, both tables would end with every message (300 rows). With a 0.5 s retention over a
  // flow of about 100 messages a second, either holds a few seconds' worth at most.
  expect(maxSent).toBeLessThan(total / 2);
  expect(maxProcessed).toBeLessThan(total / 2);
  // Once the flow stops, both drain to nothing within a retention and a prune interval.
  await waitFor(async () => (await sentRows()) === 0 && (await processedRows()) === 0, 'both tables to drain after the flow stops');
  expect(await count('SELECT count(*) AS n FROM outbox_messages')).toBe(0);
});

it('still recognises a redelivery inside the retention while pruning runs', { timeout: 60_000 }, async () => {
  const events: ConsumeEvent[] = [];
  let runs = 0;
  // Pruning every 50 ms, keeping a minute: the id stays while older ones would go.
  const retention = { keepMs: 60_000, pruneEveryMs: 50 };
  subscription = await consumeIdempotently(broker, db.sql, queue, async () => void runs++, { retention, logger: quietLogger, onOutcome: (e) => events.push(e) });
  // An id processed two minutes ago is outside the retention and is pruned; the new one is not.
  await db.sql.$executeRawUnsafe("INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES ($1, 'stale', now() - interval '2 minutes')", queue);
  await broker.publish(queue, [{ messageId: 'm-1', body: { n: 1 } }]);
  await waitFor(() => events.some((e) => e.messageId === 'm-1'), 'the first delivery');
  await waitFor(async () => (await count("SELECT count(*) AS n FROM processed_messages WHERE message_id = 'stale'")) === 0, 'the stale id to be pruned');
  await new Promise((r) => setTimeout(r, 300)); // several prune rounds pass over the fresh id
  await broker.publish(queue, [{ messageId: 'm-1', body: { n: 1 } }]);
  await waitFor(() => events.filter((e) => e.messageId === 'm-1').length === 2, 'the redelivery');
  expect(events.filter((e) => e.messageId === 'm-1').map((e) => e.outcome)).toEqual(['processed', 'duplicate']);
  expect(runs).toBe(1);
});
