import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHubConsumerClient, EventHubProducerClient, earliestEventPosition } from '@azure/event-hubs';
import { startEventHubsEmulator, type EventHubsEmulator } from '../src/index.ts';

// The real @azure/event-hubs producer against the Event Hubs mode: what it opens ($cbs put-token,
// $management READ, a sender link to the hub) and what arrives (body, content type, message id,
// application properties). The wire format is the one the AMQP protocol guide of Service Bus and
// Event Hubs documents (learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-protocol-guide).
const HUB = 'trip-events';
let emulator: EventHubsEmulator;
let producer: EventHubProducerClient;

beforeAll(async () => {
  emulator = await startEventHubsEmulator({ hubs: [HUB, 'other'], partitionCount: 4 });
  producer = new EventHubProducerClient(emulator.connectionString(HUB), { retryOptions: { maxRetries: 1, retryDelayInMs: 100, timeoutInMs: 10_000 } });
});

afterAll(async () => {
  await producer?.close();
  await emulator?.stop();
});

describe('Event Hubs emulator with the real producer client', { timeout: 60_000 }, () => {
  it('answers the hub and partition properties on $management (READ com.microsoft:eventhub / partition)', async () => {
    const hub = await producer.getEventHubProperties();
    expect(hub.name).toBe(HUB);
    expect(hub.partitionIds).toEqual(['0', '1', '2', '3']);
    const partition = await producer.getPartitionProperties('2');
    expect(partition).toMatchObject({ eventHubName: HUB, partitionId: '2', isEmpty: true });
  });

  it('receives a batch over a sender link to the hub after a put-token for its audience', async () => {
    const batch = await producer.createBatch({ partitionKey: 'trip-1' });
    expect(batch.maxSizeInBytes).toBe(1024 * 1024);
    expect(batch.tryAdd({ body: { type: 'trip.created', n: 1 }, messageId: 'e-1', contentType: 'application/json', properties: { type: 'trip.created', schemaVersion: 1 } })).toBe(true);
    expect(batch.tryAdd({ body: { type: 'trip.updated', n: 2 }, messageId: 'e-2', contentType: 'application/json', properties: { type: 'trip.updated', schemaVersion: 1 } })).toBe(true);
    await producer.sendBatch(batch);
    const events = emulator.events(HUB);
    expect(events.map((e) => [e.messageId, e.contentType, e.properties, e.partitionKey])).toEqual([
      ['e-1', 'application/json', { type: 'trip.created', schemaVersion: 1 }, 'trip-1'],
      ['e-2', 'application/json', { type: 'trip.updated', schemaVersion: 1 }, 'trip-1'],
    ]);
    // The client encodes a JSON body as one data section of UTF-8 JSON (its default body type).
    expect(events.map((e) => e.bodyType)).toEqual(['data', 'data']);
    expect(events.map((e) => JSON.parse((e.body as Buffer).toString('utf8')))).toEqual([
      { type: 'trip.created', n: 1 },
      { type: 'trip.updated', n: 2 },
    ]);
    expect(new Set(events.map((e) => e.partitionId)).size).toBe(1); // one batch, one partition
    expect(emulator.tokens.map((t) => t.name)).toContain(`sb://127.0.0.1:${emulator.port}/${HUB}`);
    expect(emulator.events('other')).toEqual([]);
  });

  it('rejects sends during an outage, so the producer reports the failure', async () => {
    emulator.failSends(true);
    try {
      await expect(producer.sendBatch([{ body: 'x' }])).rejects.toThrow();
    } finally {
      emulator.failSends(false);
    }
    await producer.sendBatch([{ body: 'y', messageId: 'after' }]);
    expect(emulator.events(HUB).at(-1)?.messageId).toBe('after');
  });

  it('sends to a partition the client names, and refuses what it does not know or emulate', async () => {
    const batch = await producer.createBatch({ partitionId: '3' });
    batch.tryAdd({ body: 'to-3', messageId: 'p-3' });
    await producer.sendBatch(batch);
    expect(emulator.events(HUB).find((e) => e.messageId === 'p-3')?.partitionId).toBe('3');
    await producer.sendBatch([{ body: 'single', messageId: 'p-1' }], { partitionId: '1' });
    expect(emulator.events(HUB).find((e) => e.messageId === 'p-1')?.partitionId).toBe('1');
    await expect(producer.getPartitionProperties('9')).rejects.toThrow(/partition '9' not found/);

    const quick = { retryOptions: { maxRetries: 0, timeoutInMs: 5_000 } };
    const unknown = new EventHubProducerClient(emulator.connectionString(), 'no-such-hub', quick);
    try {
      await expect(unknown.getEventHubProperties()).rejects.toThrow(/could not be found/);
      await expect(unknown.sendBatch([{ body: 'x' }])).rejects.toThrow(/could not be found/);
    } finally {
      await unknown.close();
    }
    // Receiving (a consumer group) is not emulated: the link is refused, not left hanging.
    const consumer = new EventHubConsumerClient('$Default', emulator.connectionString(), HUB, quick);
    try {
      const errors: Error[] = [];
      const sub = consumer.subscribe('0', { processEvents: async () => undefined, processError: async (err) => void errors.push(err) }, { startPosition: earliestEventPosition, maxWaitTimeInSeconds: 1 });
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      await sub.close();
      expect(errors.map((e) => e.message).join('\n')).toMatch(/not emulated/);
    } finally {
      await consumer.close();
    }
  });
});
