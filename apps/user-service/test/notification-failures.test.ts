/**
 * Notifications that fail to land, through the real service (Prisma 7 through @prisma/adapter-pg),
 * the emulator and PostgreSQL:
 * - one that arrives while user_db is out of reach (a failover: 60-120 s, docs/runbooks.md) is not
 *   lost: the consumer backs off between deliveries instead of spending its 10 deliveries at once
 *   and dead-lettering it, and a replica that finds the database again puts it in the inbox;
 * - one whose data PostgreSQL refuses (a NUL in the jsonb payload: 22P05; in the text type: 22021)
 *   fails the same way on every delivery: it is dead-lettered on its first delivery with a stable
 *   reason, instead of backing off through ~4 minutes of redeliveries first.
 */
import { QUEUE_LIMITS, QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { DATA_REFUSED_REASON, createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, quietLogger, unreachableDatabaseUrl, waitFor, type TestDatabase } from '@tripgen/testing';
import pg from 'pg';
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

it('dead-letters a notification PostgreSQL refuses on its first delivery (DatabaseRefusedData), and the others still land', { timeout: 60_000 }, async () => {
  const up = await startUserService({ db, bus });
  const broker = createServiceBusBroker({ connectionString: bus.connectionString, logger: quietLogger });
  try {
    const registered = await up.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'refused@example.com', password: 'correct horse', name: 'Ada' } });
    const userId = registered.json<{ id: string }>().id;
    await broker.publish(QUEUES.notification, [
      { messageId: 'nul-in-payload', body: { userId, type: 'schedule.completed', payload: { scheduleId: 's-\u0000' } } },
      { messageId: 'nul-in-type', body: { userId, type: 'schedule\u0000completed', payload: { scheduleId: 's-2' } } },
      { messageId: 'fine', body: { userId, type: 'schedule.completed', payload: { scheduleId: 's-3' } } },
    ]);
    await waitFor(async () => (await broker.peekDeadLetters(QUEUES.notification, 10)).length === 2, 'two dead letters', 20_000, 50);
    const dead = (await broker.peekDeadLetters(QUEUES.notification, 10)).sort((a, b) => a.messageId.localeCompare(b.messageId));
    expect(dead.map((d) => [d.messageId, d.reason])).toEqual([
      ['nul-in-payload', DATA_REFUSED_REASON],
      ['nul-in-type', DATA_REFUSED_REASON],
    ]);
    expect(dead[0]!.description).toMatch(/^SQLSTATE 22P05: /);
    expect(dead[1]!.description).toMatch(/^SQLSTATE 22021: /);

    const outcomes = async () => Object.fromEntries((await up.app.kit.metrics.messagesConsumed.get()).values.map((v) => [v.labels.outcome, v.value]));
    await waitFor(async () => (await outcomes()).processed === 1, 'the good notification processed', 20_000, 50);
    expect(await outcomes()).toEqual({ deadLettered: 2, processed: 1, abandoned: 0, duplicate: 0, rescheduled: 0 }); // nothing abandoned: no second delivery (every outcome is exported from 0)
    const inbox = new pg.Client({ connectionString: db.url });
    await inbox.connect();
    try {
      expect((await inbox.query('SELECT type, payload FROM notifications WHERE user_id = $1', [userId])).rows).toEqual([{ type: 'schedule.completed', payload: { scheduleId: 's-3' } }]);
    } finally {
      await inbox.end();
    }
  } finally {
    await broker.close();
    await up.close();
  }
});
