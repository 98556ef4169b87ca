import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceBusClient, type ServiceBusReceivedMessage, type ServiceBusReceiver } from '@azure/service-bus';
import { QUEUE_LIMITS, QUEUE_LOCK_MS } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '../src/index.ts';

// The real @azure/service-bus SDK against the emulator: every behaviour the messaging kit relies on.
const MAX_DELIVERY_COUNT = 3;
const QUEUES = ['orders', 'redelivery', 'dead-letters', 'delete-mode', 'ids', 'lock-expiry', 'partitioned'];

let emulator: ServiceBusEmulator;

/** Listens on 127.0.0.1:port and closes again; rejects with the listen error. */
const listenOn = (port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const srv = createServer().once('error', reject);
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
let client: ServiceBusClient;

beforeAll(async () => {
  emulator = await startServiceBusEmulator({ queues: QUEUES, maxDeliveryCount: MAX_DELIVERY_COUNT });
  client = new ServiceBusClient(emulator.connectionString, { retryOptions: { maxRetries: 2, retryDelayInMs: 200, timeoutInMs: 20_000 } });
});

afterAll(async () => {
  await client?.close();
  await emulator?.stop();
});

/** Receives until `count` messages arrived or the bounded number of rounds is used up. */
async function receiveAtLeast(receiver: ServiceBusReceiver, count: number): Promise<ServiceBusReceivedMessage[]> {
  const got: ServiceBusReceivedMessage[] = [];
  for (let round = 0; round < 20 && got.length < count; round++) {
    got.push(...(await receiver.receiveMessages(count - got.length, { maxWaitTimeInMs: 2_000 })));
  }
  return got;
}

describe('Service Bus emulator with the real SDK', { timeout: 60_000 }, () => {
  it('answers the CBS handshake and advertises max_message_size so the SDK can send a batch', async () => {
    const sender = client.createSender('orders');
    const batch = await sender.createMessageBatch();
    expect(batch.maxSizeInBytes).toBe(256 * 1024);
    expect(batch.tryAddMessage({ body: { n: 1 }, messageId: 'order-1' })).toBe(true);
    expect(batch.tryAddMessage({ body: { n: 2 }, messageId: 'order-2' })).toBe(true);
    await sender.sendMessages(batch);
    await sender.close();
    expect(emulator.count('orders')).toBe(2);
    const waiting = emulator.waiting('orders');
    expect(waiting.map((m) => m.message_id)).toEqual(['order-1', 'order-2']);
    expect(waiting.map((m) => JSON.parse((m.body as { content: Buffer }).content.toString('utf8')))).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('refuses a batch whose messages carry different partition keys, as a partitioned queue does (Azure SDK for .NET TROUBLESHOOTING.md: "Cannot send batch with multiple partition keys"), and keeps each key', async () => {
    const sender = client.createSender('partitioned');
    const mixed = await sender.createMessageBatch();
    expect(mixed.tryAddMessage({ body: 1, messageId: 'p-1', partitionKey: 'a' })).toBe(true);
    expect(mixed.tryAddMessage({ body: 2, messageId: 'p-2', partitionKey: 'b' })).toBe(true);
    await expect(sender.sendMessages(mixed)).rejects.toThrow(/distinct PartitionKey/);
    expect(emulator.count('partitioned')).toBe(0);
    const one = await sender.createMessageBatch();
    expect(one.tryAddMessage({ body: 3, messageId: 'p-3', partitionKey: 'a' })).toBe(true);
    expect(one.tryAddMessage({ body: 4, messageId: 'p-4', partitionKey: 'a' })).toBe(true);
    await sender.sendMessages(one);
    await sender.close();
    expect(emulator.waiting('partitioned').map((m) => [m.message_id, m.message_annotations?.['x-opt-partition-key']])).toEqual([['p-3', 'a'], ['p-4', 'a']]);
    const receiver = client.createReceiver('partitioned', { receiveMode: 'receiveAndDelete' });
    expect((await receiveAtLeast(receiver, 2)).map((m) => m.partitionKey)).toEqual(['a', 'a']);
    await receiver.close();
  });

  it('delivers in peekLock mode and removes a message only when it is completed', async () => {
    const receiver = client.createReceiver('orders');
    const received = await receiveAtLeast(receiver, 2);
    expect(received.map((m) => [m.messageId, m.body, m.deliveryCount])).toEqual([
      ['order-1', { n: 1 }, 0],
      ['order-2', { n: 2 }, 0],
    ]);
    expect(received[0]?.lockToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(received[0]?.lockedUntilUtc?.getTime()).toBeGreaterThan(Date.now());
    for (const m of received) await receiver.completeMessage(m);
    expect(emulator.count('orders')).toBe(0);
    expect(await receiver.receiveMessages(1, { maxWaitTimeInMs: 300 })).toEqual([]);
    await receiver.close();
  });

  it('removes messages on delivery in receiveAndDelete mode', async () => {
    const sender = client.createSender('delete-mode');
    await sender.sendMessages([{ body: 'a' }, { body: 'b' }]);
    const receiver = client.createReceiver('delete-mode', { receiveMode: 'receiveAndDelete' });
    const received = await receiveAtLeast(receiver, 2);
    expect(received.map((m) => m.body)).toEqual(['a', 'b']);
    expect(received.every((m) => m.lockToken === undefined)).toBe(true);
    expect(emulator.count('delete-mode')).toBe(0);
    await Promise.all([receiver.close(), sender.close()]);
  });

  it('assigns a message id when the sender gives none', async () => {
    const sender = client.createSender('ids');
    await sender.sendMessages([{ body: 1 }, { body: 2 }]);
    const receiver = client.createReceiver('ids', { receiveMode: 'receiveAndDelete' });
    const ids = (await receiveAtLeast(receiver, 2)).map((m) => m.messageId);
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => typeof id === 'string' && /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(2);
    await Promise.all([receiver.close(), sender.close()]);
  });

  it('redelivers an abandoned message with a higher delivery count, then dead-letters it after the max delivery count', async () => {
    const sender = client.createSender('redelivery');
    await sender.sendMessages({ body: 'flaky', messageId: 'flaky-1' });
    const receiver = client.createReceiver('redelivery');
    const counts: number[] = [];
    for (let attempt = 0; attempt < MAX_DELIVERY_COUNT; attempt++) {
      const [m] = await receiveAtLeast(receiver, 1);
      expect(m?.messageId).toBe('flaky-1');
      counts.push(m!.deliveryCount!);
      await receiver.abandonMessage(m!);
    }
    expect(counts).toEqual([0, 1, 2]);
    expect(emulator.count('redelivery')).toBe(0);
    const dlq = client.createReceiver('redelivery', { subQueueType: 'deadLetter' });
    const [dead] = await receiveAtLeast(dlq, 1);
    expect(dead?.messageId).toBe('flaky-1');
    expect(dead?.deadLetterReason).toBe('MaxDeliveryCountExceeded');
    expect(dead?.deadLetterSource).toBe('redelivery');
    await dlq.completeMessage(dead!);
    await Promise.all([dlq.close(), receiver.close(), sender.close()]);
  });

  it('dead-letters on request with reason and description, readable from $deadletterqueue', async () => {
    const sender = client.createSender('dead-letters');
    await sender.sendMessages({ body: { poison: true }, messageId: 'poison-1' });
    const receiver = client.createReceiver('dead-letters');
    const [m] = await receiveAtLeast(receiver, 1);
    await receiver.deadLetterMessage(m!, { deadLetterReason: 'ValidationFailed', deadLetterErrorDescription: 'no trip id' });
    expect(emulator.count('dead-letters')).toBe(0);
    expect(emulator.count('dead-letters/$deadletterqueue')).toBe(1);
    const peeked = await client.createReceiver('dead-letters', { subQueueType: 'deadLetter' }).peekMessages(10);
    expect(peeked.map((p) => p.messageId)).toEqual(['poison-1']);
    const dlq = client.createReceiver('dead-letters', { subQueueType: 'deadLetter', receiveMode: 'receiveAndDelete' });
    const [dead] = await receiveAtLeast(dlq, 1);
    expect([dead?.body, dead?.deadLetterReason, dead?.deadLetterErrorDescription]).toEqual([{ poison: true }, 'ValidationFailed', 'no trip id']);
    await Promise.all([dlq.close(), receiver.close(), sender.close()]);
  });

  it('renews a message lock through $management', async () => {
    const sender = client.createSender('orders');
    await sender.sendMessages({ body: 'renew-me', messageId: 'renew-1' });
    const receiver = client.createReceiver('orders');
    const [m] = await receiveAtLeast(receiver, 1);
    const before = m!.lockedUntilUtc!.getTime();
    const renewed = await receiver.renewMessageLock(m!);
    expect(renewed.getTime()).toBeGreaterThanOrEqual(before);
    await receiver.completeMessage(m!);
    expect(emulator.count('orders')).toBe(0);
    await Promise.all([receiver.close(), sender.close()]);
  });

  it('hands through subscribe(): messages arrive at the handler and are completed', async () => {
    const sender = client.createSender('orders');
    await sender.sendMessages(Array.from({ length: 5 }, (_, i) => ({ body: i, messageId: `sub-${i}` })));
    const receiver = client.createReceiver('orders');
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${seen.length} messages arrived`)), 30_000);
      receiver.subscribe(
        {
          processMessage: async (msg) => {
            seen.push(String(msg.messageId));
            if (seen.length === 5) {
              clearTimeout(timer);
              resolve();
            }
          },
          processError: async () => undefined,
        },
        { autoCompleteMessages: true, maxConcurrentCalls: 2 },
      );
    });
    expect(seen.sort()).toEqual(['sub-0', 'sub-1', 'sub-2', 'sub-3', 'sub-4']);
    await receiver.close();
    expect(emulator.count('orders')).toBe(0);
    await sender.close();
  });

  it('locks a delivery for the queues\' lock in Azure by default (the catalog\'s QUEUE_LIMITS.lockDuration, which Bicep sets) and dead-letters after its maxDeliveryCount', async () => {
    const plain = await startServiceBusEmulator({ queues: ['defaults'] });
    const c = new ServiceBusClient(plain.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 10_000 } });
    try {
      await c.createSender('defaults').sendMessages({ body: 'x', messageId: 'defaults-1' });
      const receiver = c.createReceiver('defaults', { maxAutoLockRenewalDurationInMs: 0 });
      // The clock stands still through the receive (timers stay real): the lock ends exactly QUEUE_LOCK_MS after it.
      const now = Date.now();
      vi.useFakeTimers({ toFake: ['Date'], now });
      let first: ServiceBusReceivedMessage | undefined;
      try {
        [first] = await receiveAtLeast(receiver, 1);
      } finally {
        vi.useRealTimers();
      }
      expect(first!.lockedUntilUtc!.getTime() - now).toBe(QUEUE_LOCK_MS);
      for (let attempt = 1; attempt < QUEUE_LIMITS.maxDeliveryCount; attempt++) {
        await receiver.abandonMessage(attempt === 1 ? first! : (await receiveAtLeast(receiver, 1))[0]!);
      }
      await receiver.abandonMessage((await receiveAtLeast(receiver, 1))[0]!);
      expect([plain.count('defaults'), plain.count('defaults/$deadletterqueue')]).toEqual([0, 1]);
    } finally {
      await c.close();
      await plain.stop();
    }
  });

  it('returns a message whose lock expired and rejects its late settlement as lock lost', async () => {
    // Long enough that the redelivered message can still be completed on a slow machine.
    const short = await startServiceBusEmulator({ queues: ['lock-expiry'], lockDurationMs: 3_000 });
    const c = new ServiceBusClient(short.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 10_000 } });
    try {
      await c.createSender('lock-expiry').sendMessages({ body: 'slow', messageId: 'slow-1' });
      const receiver = c.createReceiver('lock-expiry', { maxAutoLockRenewalDurationInMs: 0 });
      const [first] = await receiveAtLeast(receiver, 1);
      const [again] = await receiveAtLeast(receiver, 1); // comes back only once the lock has expired
      expect([again?.messageId, again?.deliveryCount]).toEqual(['slow-1', 1]);
      await expect(receiver.completeMessage(first!)).rejects.toMatchObject({ code: 'MessageLockLost' });
      await receiver.completeMessage(again!);
      expect(short.count('lock-expiry')).toBe(0);
    } finally {
      await c.close();
      await short.stop();
    }
  });

  it('refuses a queue it does not have, as Service Bus does (MessagingEntityNotFound)', async () => {
    const sender = client.createSender('no-such-queue');
    await expect(sender.sendMessages({ body: 1 })).rejects.toMatchObject({ code: 'MessagingEntityNotFound' });
    await sender.close();
  });

  it('keeps its queues across an outage (interrupt, restart) on the same port, which it holds meanwhile', async () => {
    const own = await startServiceBusEmulator({ queues: ['durable'] });
    const port = own.port;
    const c = new ServiceBusClient(own.connectionString, { retryOptions: { maxRetries: 1, retryDelayInMs: 200, timeoutInMs: 5_000 } });
    try {
      const sender = c.createSender('durable');
      await sender.sendMessages({ body: 'kept', messageId: 'kept-1' });
      await own.interrupt();
      await expect(sender.sendMessages({ body: 'lost', messageId: 'during' })).rejects.toThrow(); // the outage is visible
      // Nothing else can take the port during the outage (a listen on port 0 elsewhere, say).
      await expect(listenOn(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await own.restart();
      expect(own.port).toBe(port);
      await sender.sendMessages({ body: 'after', messageId: 'after-1' });
      const receiver = c.createReceiver('durable', { receiveMode: 'receiveAndDelete' });
      const got = await receiveAtLeast(receiver, 2);
      expect(got.map((m) => m.messageId)).toEqual(['kept-1', 'after-1']);
    } finally {
      await c.close();
      await own.stop();
    }
    // A stop is for good: listening again could find the port taken.
    await expect(own.restart()).rejects.toThrow(/stopped for good/);
  });
});
