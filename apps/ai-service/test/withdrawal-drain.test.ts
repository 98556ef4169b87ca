/**
 * A withdrawal whose write fails is tried again in its delivery (schedule-consumer.ts withdrawIn),
 * holding its message's lock. At SIGTERM the consumer's close (the service's drain) waits for its
 * deliveries in hand: tries that went on through it held the withdrawal on a pod going away, up to
 * the lock's end if the process exited first, instead of handing it back at once for another pod.
 * Real PostgreSQL and the Service Bus emulator; the write fails by a trigger on its row's insert.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import type { ConsumeEvent, MessagingLogger } from '@tripgen/service-kit/messaging';
import { waitFor } from '@tripgen/testing';
import { afterAll, expect, it } from 'vitest';
import { request } from './fixtures/places.ts';
import { startConsumerStack, type ConsumerStack } from './support/consumer-stack.ts';

const TRIED_AGAIN = 'a withdrawal could not be written: tried again in its delivery (a plan of its schedule on this pod waits for it)';
let stack: ConsumerStack | undefined;
afterAll(async () => {
  await stack?.close();
}, 60_000);

it('a withdrawal tried again when the consumer closes (SIGTERM\'s drain) is handed back at once, not tried on through the drain', { timeout: 90_000 }, async () => {
  const events: ConsumeEvent[] = [];
  const tries: unknown[] = [];
  const quiet = () => undefined;
  const logger: MessagingLogger = { info: quiet, warn: (obj, msg) => void (msg === TRIED_AGAIN && tries.push(obj)), error: quiet };
  stack = await startConsumerStack({ database: 'ai_withdrawal_drain', poolSize: 4, candidates: { items: [], missing: [] }, consumer: { concurrency: 1, logger, onOutcome: (e) => events.push(e) } });
  const { prisma, broker } = stack;
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await prisma.$executeRawUnsafe(`CREATE FUNCTION fail_withdrawal() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the withdrawal''s transaction fails (test)'; END $$`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER fail_withdrawal BEFORE INSERT ON generations FOR EACH ROW WHEN (NEW.id = '${m.scheduleId}'::uuid) EXECUTE FUNCTION fail_withdrawal()`);
  await broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn: { error: 'the schedule was deleted', notify: false } } }]);
  await waitFor(() => tries.length > 0, 'the withdrawal failed once and waits to be tried again', 30_000, 20);

  const closing = stack;
  stack = undefined;
  await closing.close();
  // Handed back at the close: at most the try under way when it came; tried on through it, all 5 (4 of them tried again).
  expect({ triedAgain: tries.length, outcomes: events.map((e) => e.outcome) }).toEqual({ triedAgain: expect.any(Number) as number, outcomes: ['abandoned'] });
  expect(tries.length, JSON.stringify(tries)).toBeLessThanOrEqual(2);
});
