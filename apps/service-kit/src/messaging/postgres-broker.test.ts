import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '@tripgen/catalog';
import type { IncomingMessage, Subscription } from './broker.ts';
import { createPostgresBroker } from './postgres-broker.ts';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.ts';
import { quietLogger, waitFor } from '../testing/wait.ts';

// Lock behaviour of the local adapter that the shared contract cannot provoke through the interface.
const queue = QUEUES.locationSearch;
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('pg_broker_test');
}, 60_000);

afterAll(async () => {
  await db?.drop();
}, 60_000);

describe('local PostgreSQL broker locks', { timeout: 60_000 }, () => {
  it('gives a message whose consumer vanished to another consumer once its lock expires, as a new attempt', async () => {
    const broker = createPostgresBroker({ connectionString: db.url, lockDurationMs: 300, pollIntervalMs: 20, logger: quietLogger });
    let subscription: Subscription | undefined;
    try {
      await broker.publish(queue, [{ messageId: 'orphaned', body: {} }]);
      // A consumer that took the message and died: its lock is all that is left of it.
      await db.sql.$executeRawUnsafe(
        "UPDATE local_broker.messages SET locked_until = clock_timestamp() + interval '300 milliseconds', lock_token = gen_random_uuid() WHERE message_id = 'orphaned'",
      );
      const seen: IncomingMessage[] = [];
      subscription = await broker.consume(queue, async (m) => {
        seen.push(m);
        return { action: 'complete' };
      });
      await waitFor(() => seen.length === 1, 'the redelivery after the lock expired');
      expect(seen.map((m) => [m.messageId, m.attempt])).toEqual([['orphaned', 2]]);
    } finally {
      await subscription?.close();
      await broker.close();
    }
  });

  it('renews the lock while a slow handler runs, so no other consumer gets the message meanwhile', async () => {
    const broker = createPostgresBroker({ connectionString: db.url, lockDurationMs: 1_000, pollIntervalMs: 20, logger: quietLogger });
    const subscriptions: Subscription[] = [];
    try {
      await broker.publish(queue, [{ messageId: 'slow', body: {} }]);
      const seen: string[] = [];
      let done = false;
      const slow = async (m: IncomingMessage) => {
        seen.push(m.messageId);
        await new Promise((r) => setTimeout(r, 3_000)); // three lock durations (renewed every half duration)
        done = true;
        return { action: 'complete' } as const;
      };
      subscriptions.push(await broker.consume(queue, slow), await broker.consume(queue, slow));
      await waitFor(() => done, 'the slow handler');
      await broker.publish(queue, [{ messageId: 'sentinel', body: {} }]);
      await waitFor(() => seen.includes('sentinel'), 'the sentinel');
      expect(seen).toEqual(['slow', 'sentinel']);
    } finally {
      await Promise.all(subscriptions.map((s) => s.close()));
      await broker.close();
    }
  });
});
