import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';
import type { IncomingMessage, MessageBroker, Settlement, Subscription } from './broker.ts';
import { createServiceBusBroker } from './service-bus-broker.ts';
import { quietLogger, waitFor } from '@tripgen/testing';

/**
 * The MessageBroker contract, written once for every adapter (today one: Azure Service Bus). Azure
 * Service Bus itself is out of reach; its adapter runs against the emulator, which the real SDK
 * talks to over AMQP exactly as it talks to Azure.
 */
interface AdapterUnderTest {
  readonly broker: MessageBroker;
  teardown(): Promise<void>;
}

const MAX_DELIVERY_COUNT = 3;

const adapters: { name: string; setup: () => Promise<AdapterUnderTest> }[] = [
  {
    name: 'Azure Service Bus adapter (emulator)',
    setup: async () => {
      const emulator = await startServiceBusEmulator({ queues: QUEUE_NAMES, maxDeliveryCount: MAX_DELIVERY_COUNT });
      const broker = createServiceBusBroker({
        connectionString: emulator.connectionString,
        retry: { maxRetries: 2, retryDelayInMs: 100, timeoutInMs: 15_000 },
        logger: quietLogger,
      });
      return {
        broker,
        async teardown() {
          await broker.close();
          await emulator.stop();
        },
      };
    },
  },
];

const queue = QUEUES.notification;

/** Collects deliveries; each handler call answers with `decide` (complete by default). */
function recorder(decide: (m: IncomingMessage) => Settlement | Promise<Settlement> = () => ({ action: 'complete' })) {
  const seen: IncomingMessage[] = [];
  return {
    seen,
    handler: async (m: IncomingMessage) => {
      seen.push(m);
      return decide(m);
    },
  };
}

describe.each(adapters)('MessageBroker contract: $name', { timeout: 60_000 }, ({ setup }) => {
  let adapter: AdapterUnderTest;
  let subscription: Subscription | undefined;

  beforeEach(async () => {
    adapter = await setup();
    subscription = undefined;
  });
  afterEach(async () => {
    await subscription?.close();
    await adapter.teardown();
  });

  it('delivers a published message once, with its id and JSON body, on the first attempt', async () => {
    const { broker } = adapter;
    await broker.publish(queue, [{ messageId: 'm-1', body: { userId: 'u1', text: 'hello', n: 1 } }]);
    const r = recorder();
    subscription = await broker.consume(queue, r.handler);
    await waitFor(() => r.seen.length >= 1, 'the message to arrive');
    expect(r.seen[0]).toMatchObject({ queue, messageId: 'm-1', body: { userId: 'u1', text: 'hello', n: 1 }, attempt: 1 });
    // Completed: a sentinel published after it is the next delivery, not a redelivery of m-1.
    await broker.publish(queue, [{ messageId: 'sentinel', body: null }]);
    await waitFor(() => r.seen.some((m) => m.messageId === 'sentinel'), 'the sentinel');
    expect(r.seen.map((m) => m.messageId)).toEqual(['m-1', 'sentinel']);
  });

  it('keeps the publish order of a batch and keeps the queues apart', async () => {
    const { broker } = adapter;
    const ids = Array.from({ length: 20 }, (_, i) => `order-${String(i).padStart(2, '0')}`);
    await broker.publish(queue, ids.map((messageId, i) => ({ messageId, body: { i } })));
    await broker.publish(QUEUES.locationSearch, [{ messageId: 'elsewhere', body: {} }]);
    const r = recorder();
    subscription = await broker.consume(queue, r.handler);
    await waitFor(() => r.seen.length >= ids.length, 'all 20 messages');
    expect(r.seen.map((m) => m.messageId)).toEqual(ids);
  });

  it('redelivers an abandoned message with the next attempt number', async () => {
    const { broker } = adapter;
    await broker.publish(queue, [{ messageId: 'retry-me', body: 1 }]);
    const r = recorder((m) => (m.attempt < 2 ? { action: 'abandon', reason: 'transient' } : { action: 'complete' }));
    subscription = await broker.consume(queue, r.handler);
    await waitFor(() => r.seen.length >= 2, 'the redelivery');
    expect(r.seen.map((m) => [m.messageId, m.attempt])).toEqual([
      ['retry-me', 1],
      ['retry-me', 2],
    ]);
  });

  it('redelivers an abandoned message with a retry delay no sooner than the delay', async () => {
    const { broker } = adapter;
    await broker.publish(queue, [{ messageId: 'later', body: 1 }]);
    const at: number[] = [];
    const r = recorder((m) => {
      at.push(Date.now());
      return m.attempt < 2 ? { action: 'abandon', reason: 'transient', retryAfterMs: 1_500 } : { action: 'complete' };
    });
    subscription = await broker.consume(queue, r.handler);
    await waitFor(() => r.seen.length >= 2, 'the redelivery');
    expect(r.seen.map((m) => m.attempt)).toEqual([1, 2]);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1_500);
  });

  it('dead-letters on request with reason and description, and never redelivers it', async () => {
    const { broker } = adapter;
    await broker.publish(queue, [{ messageId: 'poison', body: { bad: true } }]);
    const r = recorder((m) =>
      m.messageId === 'poison' ? { action: 'deadLetter', reason: 'InvalidBody', description: 'missing userId' } : { action: 'complete' },
    );
    subscription = await broker.consume(queue, r.handler);
    await waitFor(() => r.seen.length >= 1, 'the poison message');
    await broker.publish(queue, [{ messageId: 'sentinel', body: null }]);
    await waitFor(() => r.seen.some((m) => m.messageId === 'sentinel'), 'the sentinel');
    expect(r.seen.map((m) => m.messageId)).toEqual(['poison', 'sentinel']);
    expect(await broker.peekDeadLetters(queue, 10)).toEqual([{ messageId: 'poison', body: { bad: true }, reason: 'InvalidBody', description: 'missing userId' }]);
  });

  it('dead-letters a message abandoned on every attempt once the max delivery count is reached', async () => {
    const { broker } = adapter;
    await broker.publish(queue, [{ messageId: 'always-fails', body: 0 }]);
    const r = recorder(() => ({ action: 'abandon', reason: 'still failing' }));
    subscription = await broker.consume(queue, r.handler);
    await waitFor(async () => (await broker.peekDeadLetters(queue, 10)).length === 1, 'the dead-lettered message');
    expect(r.seen.map((m) => m.attempt)).toEqual([1, 2, 3]);
    expect((await broker.peekDeadLetters(queue, 10))[0]).toMatchObject({ messageId: 'always-fails', reason: 'MaxDeliveryCountExceeded' });
  });

  it('handles up to `concurrency` messages at once', async () => {
    const { broker } = adapter;
    await broker.publish(queue, Array.from({ length: 8 }, (_, i) => ({ messageId: `c-${i}`, body: i })));
    let active = 0;
    let peak = 0;
    let done = 0;
    const release: (() => void)[] = [];
    subscription = await broker.consume(
      queue,
      async () => {
        active += 1;
        peak = Math.max(peak, active);
        // Hold every message until two are in flight together (or the bounded wait ends).
        await new Promise<void>((resolve) => {
          release.push(resolve);
          if (release.length >= 2) release.splice(0).forEach((f) => f());
          setTimeout(resolve, 2_000).unref();
        });
        active -= 1;
        done += 1;
        return { action: 'complete' };
      },
      { concurrency: 2 },
    );
    await waitFor(() => done >= 8, 'all 8 messages');
    expect(peak).toBe(2);
  });

  it('close() lets the message in flight finish and settle before it returns', async () => {
    const { broker } = adapter;
    await broker.publish(queue, [{ messageId: 'in-flight', body: 1 }]);
    let entered!: () => void;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let completed = false;
    const first = await broker.consume(queue, async () => {
      entered();
      await finished;
      completed = true;
      return { action: 'complete' };
    });
    await handlerEntered;
    const closing = first.close();
    finish();
    await closing;
    expect(completed).toBe(true);
    // Its completion reached the broker: a new consumer gets the sentinel first, no redelivery.
    await broker.publish(queue, [{ messageId: 'sentinel', body: null }]);
    const r = recorder();
    subscription = await broker.consume(queue, r.handler);
    await waitFor(() => r.seen.length >= 1, 'the sentinel');
    expect(r.seen.map((m) => m.messageId)).toEqual(['sentinel']);
  });
});

describe('Azure Service Bus adapter: a retry delay longer than the lock', { timeout: 60_000 }, () => {
  it('abandons before the lock expires (5 s ahead) instead of losing the lock and the settlement', async () => {
    const emulator = await startServiceBusEmulator({ queues: QUEUE_NAMES, maxDeliveryCount: MAX_DELIVERY_COUNT, lockDurationMs: 8_000 });
    const warnings: string[] = [];
    // Warnings and errors: a settlement failure that is no outage is logged at error (logFailure).
    const logger = { ...quietLogger, warn: (_: object, msg: string) => void warnings.push(msg), error: (_: object, msg: string) => void warnings.push(msg) };
    const broker = createServiceBusBroker({ connectionString: emulator.connectionString, retry: { maxRetries: 2, retryDelayInMs: 100, timeoutInMs: 15_000 }, logger });
    try {
      await broker.publish(queue, [{ messageId: 'long-delay', body: 1 }]);
      const at: number[] = [];
      const r = recorder((m) => {
        at.push(Date.now());
        return m.attempt < 2 ? { action: 'abandon', reason: 'transient', retryAfterMs: 60_000 } : { action: 'complete' };
      });
      const sub = await broker.consume(queue, r.handler);
      await waitFor(() => r.seen.length >= 2, 'the redelivery');
      await sub.close();
      // Abandoned ~3 s in (8 s lock - 5 s margin), not redelivered by the lock's expiry at 8 s.
      expect(at[1]! - at[0]!).toBeLessThan(6_000);
      expect(warnings).not.toContain('message settlement failed');
    } finally {
      await broker.close();
      await emulator.stop();
    }
  });
});
