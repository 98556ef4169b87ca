/**
 * A notification that arrives while user_db is out of reach (a failover: 60-120 s, docs/runbooks.md)
 * is not lost: the consumer backs off between deliveries instead of spending its 10 deliveries at
 * once and dead-lettering it, and a replica that finds the database again puts it in the inbox.
 */
import { QUEUE_LIMITS, QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, quietLogger, unreachableDatabaseUrl, waitFor, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_DIR, startUserService } from './harness.ts';

let db: TestDatabase;
let bus: ServiceBusEmulator;
beforeAll(async () => {
  db = await createTestDatabase('user_test', MIGRATIONS_DIR);
  bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES, maxDeliveryCount: QUEUE_LIMITS.maxDeliveryCount });
}, 60_000);
afterAll(async () => {
  await bus?.stop();
  await db?.drop();
}, 60_000);

const deadLetters = () => bus.count(`${QUEUES.notification}/$deadletterqueue`);

it('keeps a notification published while PostgreSQL is unreachable and puts it in the inbox once the database is back', { timeout: 90_000 }, async () => {
  const up = await startUserService({ db, bus });
  const registered = await up.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'outage@example.com', password: 'correct horse', name: 'Ada' } });
  expect(registered.statusCode).toBe(201);
  const userId = registered.json<{ id: string }>().id;
  await up.close();

  // The same service, its database out of reach (as database-outage.test.ts simulates it).
  const down = await startUserService({ db: { url: unreachableDatabaseUrl(), name: 'unreachable', drop: async () => undefined }, bus });
  const broker = createServiceBusBroker({ connectionString: bus.connectionString, logger: quietLogger });
  try {
    await broker.publish(QUEUES.notification, [{ messageId: 'during-outage', body: { userId, type: 'schedule.completed', payload: { scheduleId: 's-1' } } }]);
    // Without a backoff the 10 deliveries took well under a second, then the message was dead-lettered.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(deadLetters()).toBe(0);
    const closing = Date.now();
    await down.close();
    expect(Date.now() - closing).toBeLessThan(10_000); // shutdown does not wait out the backoff
  } finally {
    await broker.close();
  }

  // The database is back (a replica that reaches it): the notification lands in the inbox, once.
  const back = await startUserService({ db, bus });
  try {
    const login = await back.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'outage@example.com', password: 'correct horse' } });
    const headers = { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
    const inbox = async () => (await back.app.inject({ method: 'GET', url: '/api/v1/users/me/notifications', headers })).json<{ items: { type: string; payload: unknown }[] }>().items;
    await waitFor(async () => (await inbox()).length > 0, 'the notification in the inbox', 30_000, 100);
    expect((await inbox()).map((n) => [n.type, n.payload])).toEqual([['schedule.completed', { scheduleId: 's-1' }]]);
    expect(deadLetters()).toBe(0);
  } finally {
    await back.close();
  }
});
