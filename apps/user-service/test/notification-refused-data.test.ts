/**
 * A notification whose data PostgreSQL refuses (a NUL in the jsonb payload: 22P05; in the text
 * type: 22021) fails the same way on every delivery: the kit's consumer dead-letters it on its first
 * delivery with a stable reason, instead of backing off through ~4 minutes of redeliveries first.
 * The real service (Prisma 7 through @prisma/adapter-pg), the emulator, PostgreSQL. That an
 * unreachable database is still retried is notification-outage.test.ts.
 */
import { QUEUE_LIMITS, QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { DATA_REFUSED_REASON, createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, quietLogger, waitFor, type TestDatabase } from '@tripgen/testing';
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
    expect(await outcomes()).toEqual({ deadLettered: 2, processed: 1 }); // nothing abandoned: no second delivery
    const inbox = new pg.Client({ connectionString: db.url });
    await inbox.connect();
    try {
      expect((await inbox.query('SELECT type, payload FROM notifications')).rows).toEqual([{ type: 'schedule.completed', payload: { scheduleId: 's-3' } }]);
    } finally {
      await inbox.end();
    }
  } finally {
    await broker.close();
    await up.close();
  }
});
