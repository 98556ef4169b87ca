import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { quietLogger } from '@tripgen/testing';
import type { MessageBroker } from './broker.ts';
import { createServiceBusBroker } from './service-bus-broker.ts';

/**
 * Every queue is partitioned in Azure, and a message without a partition key goes to any partition:
 * a late copy of a schedule's request, sent to the back of the queue, could be taken before the
 * withdrawal waiting for it in another partition (the catalog's partitionKeyOf). The emulator keeps
 * the annotation the SDK writes and refuses a batch that mixes keys, as a partitioned queue does.
 */
describe('Service Bus adapter: partition keys', { timeout: 60_000 }, () => {
  let emulator: ServiceBusEmulator;
  let broker: MessageBroker;

  beforeAll(async () => {
    emulator = await startServiceBusEmulator({ queues: QUEUE_NAMES });
    broker = createServiceBusBroker({ connectionString: emulator.connectionString, retry: { maxRetries: 1, retryDelayInMs: 100, timeoutInMs: 15_000 }, logger: quietLogger });
  });

  afterAll(async () => {
    await broker?.close();
    await emulator?.stop();
  });

  const keysOf = (queue: string) => emulator.waiting(queue).map((m) => [m.message_id, m.message_annotations?.['x-opt-partition-key']]);

  it('keys every message of one schedule by the schedule, in one call with other schedules\' messages, each schedule\'s in the order given', async () => {
    const queue = QUEUES.aiScheduleGeneration;
    await broker.publish(queue, [
      { messageId: 's1', body: { scheduleId: 's1' } },
      { messageId: 's2', body: { scheduleId: 's2' } },
      { messageId: 's1.withdrawn', body: { scheduleId: 's1', withdrawn: { error: 'x', notify: false } } },
      { messageId: 's2.expired', body: { scheduleId: 's2' } },
      { messageId: 's1.late', body: { scheduleId: 's1' } },
    ]);
    const keys = keysOf(queue);
    expect(keys).toHaveLength(5);
    expect(keys.filter(([, k]) => k === 's1').map(([id]) => id)).toEqual(['s1', 's1.withdrawn', 's1.late']);
    expect(keys.filter(([, k]) => k === 's2').map(([id]) => id)).toEqual(['s2', 's2.expired']);
  });

  it('leaves a queue whose messages need no order unkeyed (spread over every partition), in one batch', async () => {
    await broker.publish(QUEUES.notification, [
      { messageId: 'n1', body: { scheduleId: 'not-a-key-here' } },
      { messageId: 'n2', body: { userId: 'u' } },
    ]);
    expect(keysOf(QUEUES.notification)).toEqual([['n1', undefined], ['n2', undefined]]);
  });
});
