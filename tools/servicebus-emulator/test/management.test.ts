import { afterAll, beforeAll, expect, it } from 'vitest';
import { ServiceBusClient } from '@azure/service-bus';
import { startServiceBusEmulator, type ServiceBusEmulator } from '../src/index.ts';

// The management link ($management) with the real SDK: peek, lock renewal, a lost lock, an entity
// that does not exist, and operations the emulator does not implement, answered with an error
// instead of a hang.
let emulator: ServiceBusEmulator;
let client: ServiceBusClient;

beforeAll(async () => {
  emulator = await startServiceBusEmulator({ queues: ['peek', 'locks', 'other'], maxDeliveryCount: 3 });
  client = new ServiceBusClient(emulator.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 10_000 } });
});

afterAll(async () => {
  await client?.close();
  await emulator?.stop();
});

it('peeks without locking: nothing on an empty queue, then messages in sequence order from a sequence number', { timeout: 60_000 }, async () => {
  const receiver = client.createReceiver('peek');
  expect(await receiver.peekMessages(5)).toEqual([]);
  const sender = client.createSender('peek');
  await sender.sendMessages([{ body: 'a', messageId: 'a' }, { body: 'b', messageId: 'b' }, { body: 'c', messageId: 'c' }]);
  const all = await receiver.peekMessages(10, { fromSequenceNumber: undefined });
  expect(all.map((m) => m.body)).toEqual(['a', 'b', 'c']);
  const later = await receiver.peekMessages(1, { fromSequenceNumber: all[1]!.sequenceNumber! });
  expect(later.map((m) => m.messageId)).toEqual(['b']);
  expect(emulator.count('peek')).toBe(3);
  await sender.close();
  await receiver.close();
});

it('renews a held lock, and answers message-lock-lost for a lock that is gone', { timeout: 60_000 }, async () => {
  const sender = client.createSender('locks');
  await sender.sendMessages({ body: 'x' });
  const receiver = client.createReceiver('locks');
  const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 5_000 });
  const before = message!.lockedUntilUtc!.getTime();
  await new Promise((r) => setTimeout(r, 20));
  const renewed = await receiver.renewMessageLock(message!);
  expect(renewed.getTime()).toBeGreaterThan(before);
  await receiver.completeMessage(message!);
  await expect(receiver.renewMessageLock(message!)).rejects.toMatchObject({ code: 'MessageLockLost' });
  await sender.close();
  await receiver.close();
});

it('answers not-found for a queue that does not exist, and not-implemented for an operation it lacks', { timeout: 60_000 }, async () => {
  const missing = client.createReceiver('no-such-queue');
  await expect(missing.peekMessages(1)).rejects.toBeInstanceOf(Error);
  await missing.close().catch(() => undefined);
  const sender = client.createSender('other');
  const scheduled = sender.scheduleMessages({ body: 'later' }, new Date(Date.now() + 60_000));
  await expect(scheduled).rejects.toSatisfy((e: unknown) => e instanceof Error && /not implemented/.test(e.message));
  expect(emulator.count('other')).toBe(0);
  await sender.close();
});
