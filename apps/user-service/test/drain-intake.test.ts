/**
 * A pod that starts draining (SIGTERM: apps/service-kit/src/server.ts) stops taking messages at
 * once: a notification published during the drain is left to the other replicas, not taken by the
 * pod on its way out, and lands in the inbox once. Before, the consumers stopped only after HTTP
 * had drained (SHUTDOWN_TIMING.drainDelayMs, up to closeGraceMs more), so every message taken in
 * those 5-15 s held the pod's exit for its whole handler inside terminationGracePeriodSeconds
 * (measured with a consumer whose handler takes 8 s, the AI service's wiring: messages published
 * 2 and 4.5 s after SIGTERM were taken, and the process exited 12.5 s after SIGTERM instead of 7).
 * The real service, the emulator and PostgreSQL.
 */
import { HEALTH_PATHS, QUEUE_LIMITS, QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { drainAndClose } from '@tripgen/service-kit';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, quietLogger, waitFor, type TestDatabase } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS_DIR, startUserService } from './harness.ts';

let db: TestDatabase;
let bus: ServiceBusEmulator;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase('user_test', MIGRATIONS_DIR);
  bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES, maxDeliveryCount: QUEUE_LIMITS.maxDeliveryCount });
  pool = new pg.Pool({ connectionString: db.url, max: 1 });
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await bus?.stop();
  await db?.drop();
}, 60_000);

const DRAIN_MS = 3_000;
const delivered = async (type: string): Promise<number> =>
  Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM notifications WHERE type = $1', [type])).rows[0]?.n);

it('takes no message once draining has started; another replica puts it in the inbox, once', { timeout: 60_000 }, async () => {
  const leaving = await startUserService({ db, bus, env: { SHUTDOWN_DELAY_MS: String(DRAIN_MS) } });
  const registered = await leaving.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email: 'drain@example.com', password: 'correct horse', name: 'Ada' } });
  const userId = registered.json<{ id: string }>().id;
  const broker = createServiceBusBroker({ connectionString: bus.connectionString, logger: quietLogger });
  try {
    // Its consumer works before the drain.
    await broker.publish(QUEUES.notification, [{ messageId: 'before-drain', body: { userId, type: 'before.drain', payload: {} } }]);
    await waitFor(async () => (await delivered('before.drain')) === 1, 'the notification published before the drain', 10_000, 50);

    const closing = drainAndClose(leaving.app);
    await waitFor(async () => (await fetch(`${leaving.url}${HEALTH_PATHS.readiness}`)).status === 503, 'readiness to report draining', 2_000, 20);
    // A moment into the drain: the consumer's receiver hands back its credit (an AMQP drain, which
    // the broker answers with what the queue holds at that instant), then takes nothing more.
    await new Promise((r) => setTimeout(r, DRAIN_MS / 3));
    await broker.publish(QUEUES.notification, [{ messageId: 'during-drain', body: { userId, type: 'during.drain', payload: {} } }]);
    // Still inside the drain (HTTP still served): the leaving pod has not taken it.
    await new Promise((r) => setTimeout(r, DRAIN_MS / 3));
    expect(await delivered('during.drain')).toBe(0);
    await closing;
    // Waiting on the queue, not locked (nor taken) by the leaving pod: the next replica gets it on its
    // first receive, not after a lock expires.
    expect(bus.waiting(QUEUES.notification).map((m) => String(m.message_id))).toEqual(['during-drain']);
    expect(await delivered('during.drain')).toBe(0);

    // Another replica takes it at once (it was never locked by the leaving one).
    const other = await startUserService({ db, bus });
    try {
      await waitFor(async () => (await delivered('during.drain')) === 1, 'the notification in the inbox of another replica', 20_000, 50);
      await new Promise((r) => setTimeout(r, 500));
      expect(await delivered('during.drain')).toBe(1);
      expect(await delivered('before.drain')).toBe(1);
    } finally {
      await other.close();
    }
  } finally {
    await broker.close();
  }
});
