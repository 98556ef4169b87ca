import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_STREAMS, QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { startEventHubsEmulator, startServiceBusEmulator, type EventHubsEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { quietLogger, waitFor } from '@tripgen/testing';
import { EVENT_HUBS, enqueueEvent, eventHubsPublisherFromEnv, type EventPublisher } from './events.ts';
import { createOutboxRelay, enqueue } from './outbox.ts';
import { createServiceBusBroker } from './service-bus-broker.ts';
import type { MessageBroker } from './broker.ts';
import { createTestDatabase, outboxStates, type TestDatabase } from './test-support/test-database.ts';

// Events through the outbox to the real @azure/event-hubs producer and the Event Hubs emulator, with
// the queue messages of the same outbox still going to Service Bus. The wire form encoded here is the
// CloudEvents AMQP binding's binary content mode (github.com/cloudevents/spec, amqp-protocol-binding.md):
// data as the body with its content type, the id as message-id, attributes as `cloudEvents:` properties.
const HUB = EVENT_STREAMS[0].hub;
const MAKE_DUE = "UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second'";

let db: TestDatabase;
let hubs: EventHubsEmulator;
let bus: ServiceBusEmulator;
let broker: MessageBroker;
let events: EventPublisher;

beforeAll(async () => {
  db = await createTestDatabase('events_test');
  hubs = await startEventHubsEmulator({ hubs: [HUB] });
  bus = await startServiceBusEmulator({ queues: QUEUE_NAMES });
  broker = createServiceBusBroker({ connectionString: bus.connectionString, retry: { maxRetries: 1, retryDelayInMs: 100, timeoutInMs: 10_000 }, logger: quietLogger });
  events = (await eventHubsPublisherFromEnv({ EVENTHUBS_CONNECTION_STRING: hubs.connectionString() }, { retry: { maxRetries: 0, timeoutInMs: 10_000 } }))!;
}, 60_000);

afterAll(async () => {
  await events?.close();
  await broker?.close();
  await hubs?.stop();
  await bus?.stop();
  await db?.drop();
}, 60_000);

beforeEach(async () => {
  await db.sql.$executeRawUnsafe('TRUNCATE outbox_messages');
});

const sent = () => db.sql.$queryRawUnsafe<{ message_id: string; sent_at: Date | null; attempts: number }[]>('SELECT message_id, sent_at, attempts FROM outbox_messages ORDER BY sequence');

describe('events for analytics through the outbox', { timeout: 60_000 }, () => {
  it('hub names and queue names never meet: the relay routes by destination', () => {
    expect(EVENT_HUBS.filter((h) => (QUEUE_NAMES as readonly string[]).includes(h))).toEqual([]);
    expect(EVENT_HUBS).toEqual(['trip-events']);
  });

  it('writes an event only if the transaction commits, and sends it as a CloudEvent in binary mode', async () => {
    const time = new Date('2026-12-02T01:00:00.000Z');
    await db.sql.$transaction(async (tx) => {
      await enqueueEvent(tx, HUB, { id: 'ev-1', source: '/test', type: 'com.tripgen.trip.created.v1', subject: 'trips/t1', time, data: { tripId: 't1', days: 3 } });
      await enqueue(tx, QUEUES.notification, { userId: 'u1' }, { messageId: 'queue-1' });
    });
    await expect(
      db.sql.$transaction(async (tx) => {
        await enqueueEvent(tx, HUB, { id: 'ev-rolled-back', source: '/test', type: 'x', subject: 'trips/t1', data: {} });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const before = hubs.events(HUB).length;
    const relay = createOutboxRelay({ db: db.sql, broker, events, logger: quietLogger });
    expect(await relay.relayOnce()).toEqual({ sent: 2, failed: 0 });
    const got = hubs.events(HUB).slice(before);
    expect(got).toHaveLength(1);
    const [event] = got;
    expect(event!.messageId).toBe('ev-1');
    expect(event!.contentType).toBe('application/json');
    expect(event!.partitionKey).toBe('trips/t1');
    expect(event!.bodyType).toBe('data');
    expect(JSON.parse((event!.body as Buffer).toString('utf8'))).toEqual({ tripId: 't1', days: 3 });
    expect(event!.properties).toEqual({
      'cloudEvents:specversion': '1.0',
      'cloudEvents:id': 'ev-1',
      'cloudEvents:source': '/test',
      'cloudEvents:type': 'com.tripgen.trip.created.v1',
      'cloudEvents:subject': 'trips/t1',
      'cloudEvents:time': '2026-12-02T01:00:00.000Z',
    });
    expect(bus.count(QUEUES.notification)).toBe(1); // the queue message went to Service Bus, not to the hub
  });

  it('keeps the order of one subject in one partition and refuses an unknown hub', async () => {
    await db.sql.$transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await enqueueEvent(tx, HUB, { id: `order-${i}`, source: '/test', type: 't', subject: 'trips/ordered', data: { i } });
    });
    await expect(db.sql.$transaction((tx) => enqueueEvent(tx, 'no-such-hub', { source: '/t', type: 't', subject: 's', data: {} }))).rejects.toThrow(/unknown event hub/);
    const relay = createOutboxRelay({ db: db.sql, broker, events, logger: quietLogger });
    await relay.relayOnce();
    const got = hubs.events(HUB).filter((e) => e.messageId?.startsWith('order-'));
    expect(got.map((e) => e.messageId)).toEqual(['order-0', 'order-1', 'order-2', 'order-3', 'order-4']);
    expect(new Set(got.map((e) => e.partitionId)).size).toBe(1);
  });

  it('sets aside an event larger than the hub accepts; the subject\'s events around it still go, in order', async () => {
    // The emulator's sender links advertise Event Hubs Standard's 1 MiB, as Azure's do.
    await db.sql.$transaction(async (tx) => {
      await enqueueEvent(tx, HUB, { id: 'big-0', source: '/test', type: 't', subject: 'trips/big', data: { i: 0 } });
      await enqueueEvent(tx, HUB, { id: 'big-1', source: '/test', type: 't', subject: 'trips/big', data: { pad: 'x'.repeat(1_100_000) } });
      await enqueueEvent(tx, HUB, { id: 'big-2', source: '/test', type: 't', subject: 'trips/big', data: { i: 2 } });
    });
    const relay = createOutboxRelay({ db: db.sql, broker, events, logger: quietLogger });
    expect(await relay.relayOnce()).toEqual({ sent: 2, failed: 1 });
    expect(hubs.events(HUB).filter((e) => e.messageId?.startsWith('big-')).map((e) => e.messageId)).toEqual(['big-0', 'big-2']);
    const rows = await outboxStates(db.sql);
    expect(rows.map((r) => [r.message_id, r.sent, r.set_aside])).toEqual([
      ['big-0', true, false],
      ['big-1', false, true],
      ['big-2', true, false],
    ]);
    expect(rows[1]?.last_error).toMatch(/^OversizeMessageError: message big-1 is larger than trip-events accepts \(1048576 bytes\)$/);
    expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 0 });
  });

  it('an Event Hubs outage holds the events back (queue messages still go) and they leave afterwards with the same id', async () => {
    await db.sql.$transaction(async (tx) => {
      await enqueueEvent(tx, HUB, { id: 'outage-ev', source: '/test', type: 't', subject: 'trips/o', data: {} });
      await enqueue(tx, QUEUES.notification, { userId: 'u2' }, { messageId: 'outage-queue' });
    });
    const relay = createOutboxRelay({ db: db.sql, broker, events, logger: quietLogger, backoff: { initialMs: 10, maxMs: 10 } });
    hubs.failSends(true);
    try {
      expect(await relay.relayOnce()).toEqual({ sent: 1, failed: 1 });
    } finally {
      hubs.failSends(false);
    }
    expect((await sent()).find((r) => r.message_id === 'outage-ev')?.sent_at).toBeNull();
    await db.sql.$executeRawUnsafe(MAKE_DUE);
    expect(await relay.relayOnce()).toEqual({ sent: 1, failed: 0 });
    expect(hubs.events(HUB).filter((e) => e.messageId === 'outage-ev')).toHaveLength(1);
    expect((await sent()).find((r) => r.message_id === 'outage-ev')?.attempts).toBe(2);
  });

  it('a backlog of failing events never fills the batch: a queue message behind 600 of them goes in the first round', async () => {
    // An Event Hubs outage of a few minutes: every event written meanwhile failing and coming due again.
    await db.sql.$executeRawUnsafe(`
      INSERT INTO outbox_messages (message_id, queue, body, attempts, next_attempt_at)
      SELECT 'backlog-ev-' || g, '${HUB}', '{}'::jsonb, 5, now() - interval '1 second' FROM generate_series(1, 600) AS g`);
    await enqueue(db.sql, QUEUES.aiScheduleGeneration, { scheduleId: 's1' }, { messageId: 'behind-the-backlog' });
    const relay = createOutboxRelay({ db: db.sql, broker, events, logger: quietLogger, backoff: { initialMs: 10, maxMs: 10 } });
    hubs.failSends(true);
    try {
      expect(await relay.relayOnce()).toEqual({ sent: 1, failed: 50 });
    } finally {
      hubs.failSends(false);
    }
    expect((await sent()).find((r) => r.message_id === 'behind-the-backlog')?.sent_at).not.toBeNull();
  });

  it('a hub send that hangs holds no queue message back: the running relay sends the queue\'s rows meanwhile, and close() waits for the hung send', async () => {
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const stalled: EventPublisher = { publish: () => hung, close: async () => undefined };
    const relay = createOutboxRelay({ db: db.sql, broker, events: stalled, pollIntervalMs: 20, logger: quietLogger });
    await db.sql.$transaction((tx) => enqueueEvent(tx, HUB, { id: 'hung-ev', source: '/test', type: 't', subject: 'trips/h', data: {} }));
    relay.start();
    await waitFor(async () => (await sent()).find((r) => r.message_id === 'hung-ev')?.attempts === 1, 'the event claimed and its send under way', 10_000, 20);
    await enqueue(db.sql, QUEUES.notification, { userId: 'u3' }, { messageId: 'not-held-back' });
    relay.wake();
    await waitFor(async () => (await sent()).find((r) => r.message_id === 'not-held-back')?.sent_at != null, 'the queue message sent while the hub send hangs', 10_000, 20);
    let closed = false;
    const closing = relay.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    release();
    await closing;
    expect((await sent()).find((r) => r.message_id === 'hung-ev')?.sent_at).not.toBeNull();
  });

  it('without a publisher (events off) an event row waits and says why, instead of going to Service Bus', async () => {
    await db.sql.$transaction((tx) => enqueueEvent(tx, HUB, { id: 'no-publisher', source: '/t', type: 't', subject: 's', data: {} }));
    const relay = createOutboxRelay({ db: db.sql, broker, logger: quietLogger });
    expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 1 });
    const [row] = await db.sql.$queryRawUnsafe<{ last_error: string }[]>('SELECT last_error FROM outbox_messages');
    expect(row!.last_error).toMatch(/Event Hubs not configured/);
  });

  it('is off when neither EVENTHUBS_FQDN nor EVENTHUBS_CONNECTION_STRING is set, and checks the host name', async () => {
    expect(await eventHubsPublisherFromEnv({})).toBeUndefined();
    await expect(eventHubsPublisherFromEnv({ EVENTHUBS_FQDN: 'https://x/' })).rejects.toThrow(/host name/);
  });
});
