import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHubProducerClient } from '@azure/event-hubs';
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
});
