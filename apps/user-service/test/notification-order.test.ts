/**
 * The inbox is newest first by when each outcome happened, not by when its message happened to be
 * written here: a notification that lands late (its delivery failed once and was redelivered after
 * the kit's backoff; its producer's outbox sent it late, another replica's relay or a failed send
 * retried) must not stand above the newer ones as the traveller's latest news. Through the real
 * service, the emulator and PostgreSQL.
 */
import { QUEUE_LIMITS, QUEUE_NAMES, QUEUES, type NotificationMessage } from '@tripgen/catalog';
import { createServiceBusBroker, type MessageBroker } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { quietLogger, waitFor } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
let bus: ServiceBusEmulator;
let broker: MessageBroker;
beforeAll(async () => {
  bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES, maxDeliveryCount: QUEUE_LIMITS.maxDeliveryCount });
  service = await startUserService({ bus });
  broker = createServiceBusBroker({ connectionString: bus.connectionString, logger: quietLogger });
}, 60_000);
afterAll(async () => {
  await broker?.close();
  await service?.close();
  await bus?.stop();
}, 60_000);

const traveller = async (email: string) => {
  const registered = await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'correct horse', name: 'Ada' } });
  expect(registered.statusCode).toBe(201);
  const login = await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'correct horse' } });
  return { userId: registered.json<{ id: string }>().id, headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` } };
};
const inboxOf = async (headers: Record<string, string>) =>
  (await service.app.inject({ method: 'GET', url: '/api/v1/users/me/notifications', headers })).json<{ items: { type: string; payload: { scheduleId: string }; createdAt: string }[] }>().items;

it('keeps a redelivered notification below the newer one that landed during its backoff (the time it was sent, not the redelivery\'s)', { timeout: 60_000 }, async () => {
  const { userId, headers } = await traveller('redelivered@example.com');
  const older: NotificationMessage = { userId, type: 'schedule.failed', payload: { scheduleId: 's-older', error: 'the trip changed' } };
  const newer: NotificationMessage = { userId, type: 'schedule.completed', payload: { scheduleId: 's-newer' } };
  // The older one's first delivery fails: its transaction waits on its message id (a session holds
  // that key), and its connection is then cut (a failover, a restarted PgBouncer); the kit abandons it
  // for a redelivery 2 s later.
  const blocker = new pg.Client({ connectionString: service.db.url });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query("INSERT INTO processed_messages (consumer, message_id) VALUES ('user-service.inbox', 'older')");
    await broker.publish(QUEUES.notification, [{ messageId: 'older', body: older }]);
    let waiting: number | undefined;
    await waitFor(async () => {
      const rows = (await blocker.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")).rows;
      waiting = rows[0]?.pid;
      return waiting !== undefined;
    }, 'the older notification\'s delivery waiting on its key', 20_000, 20);
    await blocker.query('SELECT pg_terminate_backend($1)', [waiting]);
    await blocker.query('ROLLBACK');
  } finally {
    await blocker.end();
  }
  // The newer outcome is published after the older one, and lands while the older one waits for its redelivery.
  await broker.publish(QUEUES.notification, [{ messageId: 'newer', body: newer }]);
  await waitFor(async () => (await inboxOf(headers)).length === 2, 'both notifications in the inbox', 30_000, 100);
  // Before: [s-older, s-newer]: the failure the traveller had already moved past was shown as their latest news.
  expect((await inboxOf(headers)).map((n) => n.payload.scheduleId)).toEqual(['s-newer', 's-older']);
});

it('places a notification its producer sent late by the time the producer gives (occurredAt), not by its arrival', { timeout: 60_000 }, async () => {
  const { userId, headers } = await traveller('relayed-late@example.com');
  const now = Date.now();
  // The newer outcome arrives first: the older one's outbox row was sent later (a failed send backing
  // off, a replica that died mid-send and whose lease ran out, two replicas' relays racing).
  await broker.publish(QUEUES.notification, [{ messageId: 'late-newer', body: { userId, type: 'schedule.completed', payload: { scheduleId: 's-2' }, occurredAt: new Date(now - 1_000).toISOString() } }]);
  await waitFor(async () => (await inboxOf(headers)).length === 1, 'the newer notification', 20_000, 50);
  await broker.publish(QUEUES.notification, [{ messageId: 'late-older', body: { userId, type: 'schedule.failed', payload: { scheduleId: 's-1' }, occurredAt: new Date(now - 60_000).toISOString() } }]);
  await waitFor(async () => (await inboxOf(headers)).length === 2, 'both notifications', 20_000, 50);
  const inbox = await inboxOf(headers);
  expect(inbox.map((n) => n.payload.scheduleId)).toEqual(['s-2', 's-1']);
  // createdAt says when it happened, as its producer recorded it.
  expect(inbox.map((n) => n.createdAt)).toEqual([new Date(now - 1_000).toISOString(), new Date(now - 60_000).toISOString()]);
});

it('never dates a notification after it arrived: an occurredAt ahead of this clock (or not a time) is not taken', { timeout: 60_000 }, async () => {
  const { userId, headers } = await traveller('future@example.com');
  await broker.publish(QUEUES.notification, [
    { messageId: 'from-the-future', body: { userId, type: 'schedule.completed', payload: { scheduleId: 's-future' }, occurredAt: '2999-01-01T00:00:00.000Z' } },
    { messageId: 'not-a-time', body: { userId, type: 'schedule.completed', payload: { scheduleId: 's-garbled' }, occurredAt: 'yesterday' } },
  ]);
  await waitFor(async () => (await inboxOf(headers)).length === 2, 'both notifications (neither dead-lettered)', 20_000, 50);
  for (const n of await inboxOf(headers)) expect(Date.parse(n.createdAt)).toBeLessThanOrEqual(Date.now());
  expect(bus.count(`${QUEUES.notification}/$deadletterqueue`)).toBe(0);
});
