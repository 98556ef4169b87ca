import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_NAMES, QUEUES } from '@tripgen/catalog';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import type { MessageBroker, OutgoingMessage } from './broker.ts';
import { EVENT_HUBS } from './events.ts';
import { CLAIM_SQL, createOutboxRelay, enqueue, type OutboxRelayOptions, outboxInsertSql, outboxMessage, outboxRowParams, pruneSentOutboxMessages } from './outbox.ts';
import { createServiceBusBroker } from './service-bus-broker.ts';
import { createTestDatabase, outboxStates, type TestDatabase } from './test-support/test-database.ts';
import { capturedLogger, quietLogger, startTcpRelay, waitFor } from '@tripgen/testing';
import { pgSql } from './test-support/pg-sql.ts';

interface OutboxRow {
  message_id: string;
  queue: string;
  body: unknown;
  attempts: number;
  sent_at: Date | null;
  last_error: string | null;
  due_in_ms: number;
}

// A second in the past: timestamps are stored to the millisecond, and rounding up must not leave a row "not yet due".
const MAKE_DUE = "UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second'";

let db: TestDatabase;
let emulator: ServiceBusEmulator;
let broker: MessageBroker;

const rows = () =>
  db.sql.$queryRawUnsafe<OutboxRow[]>(
    'SELECT message_id, queue, body, attempts, sent_at, last_error, (EXTRACT(EPOCH FROM next_attempt_at - now()) * 1000)::float8 AS due_in_ms FROM outbox_messages ORDER BY sequence',
  );

/** Wraps the real broker, counting how often each message id went out. */
function countingBroker(inner: Pick<MessageBroker, 'publish'>) {
  const published = new Map<string, number>();
  return {
    published,
    async publish(queue: (typeof QUEUE_NAMES)[number], messages: readonly OutgoingMessage[]) {
      await inner.publish(queue, messages);
      for (const m of messages) published.set(m.messageId, (published.get(m.messageId) ?? 0) + 1);
    },
  };
}

beforeAll(async () => {
  db = await createTestDatabase('outbox_test');
  emulator = await startServiceBusEmulator({ queues: QUEUE_NAMES });
  broker = createServiceBusBroker({ connectionString: emulator.connectionString, retry: { maxRetries: 1, retryDelayInMs: 100, timeoutInMs: 10_000 }, logger: quietLogger });
}, 60_000);

afterAll(async () => {
  await broker?.close();
  await emulator?.stop();
  await db?.drop();
}, 60_000);

beforeEach(async () => {
  await db.sql.$executeRawUnsafe('TRUNCATE outbox_messages');
});

describe('transactional outbox', { timeout: 60_000 }, () => {
  it('keeps a message only if the business transaction commits', async () => {
    await db.sql.$transaction(async (tx) => {
      await enqueue(tx, QUEUES.notification, { userId: 'u1' }, { messageId: 'committed' });
    });
    await expect(
      db.sql.$transaction(async (tx) => {
        await enqueue(tx, QUEUES.notification, { userId: 'u2' }, { messageId: 'rolled-back' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect((await rows()).map((r) => [r.message_id, r.queue, r.body, r.sent_at])).toEqual([['committed', QUEUES.notification, { userId: 'u1' }, null]]);
  });

  it('assigns a message id when none is given and ignores a second enqueue of the same id', async () => {
    const generated = await enqueue(db.sql, QUEUES.aiScheduleGeneration, { tripId: 't1' });
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await enqueue(db.sql, QUEUES.notification, { n: 1 }, { messageId: 'request-42' });
    await enqueue(db.sql, QUEUES.notification, { n: 2 }, { messageId: 'request-42' });
    expect((await rows()).map((r) => [r.message_id, r.body])).toEqual([
      [generated, { tripId: 't1' }],
      ['request-42', { n: 1 }],
    ]);
  });

  it('writes checked rows in the caller\'s own statement, in order, only when its condition holds, an id already there a no-op', async () => {
    const write = (created: boolean, ...messages: ReturnType<typeof outboxMessage>[]) =>
      db.sql.$queryRawUnsafe(`WITH created AS (SELECT 1 AS n WHERE $1::boolean), o AS (${outboxInsertSql(2, 'EXISTS (SELECT 1 FROM created)')}) SELECT n FROM created`, created, ...outboxRowParams(messages));
    await write(false, outboxMessage(QUEUES.notification, { n: 0 }, { messageId: 'not-created' }));
    await write(true, outboxMessage(QUEUES.notification, { n: 1 }, { messageId: 'b' }), outboxMessage(QUEUES.aiScheduleGeneration, { n: 2 }, { messageId: 'a' }));
    await write(true, outboxMessage(QUEUES.notification, { n: 3 }, { messageId: 'a' }));
    expect((await rows()).map((r) => [r.message_id, r.queue, r.body])).toEqual([
      ['b', QUEUES.notification, { n: 1 }],
      ['a', QUEUES.aiScheduleGeneration, { n: 2 }],
    ]);
    expect(() => outboxMessage('no-such-queue' as never, {})).toThrow(/unknown queue/);
  });

  it('rejects a queue that is not in the catalog and a body that is not JSON', async () => {
    await expect(enqueue(db.sql, 'no-such-queue' as never, {})).rejects.toThrow(/unknown queue/);
    await expect(enqueue(db.sql, QUEUES.notification, undefined)).rejects.toThrow(/JSON/);
  });

  it('relays every row to its queue in order and marks it sent', async () => {
    for (let i = 0; i < 5; i++) await enqueue(db.sql, QUEUES.locationSearch, { i }, { messageId: `loc-${i}` });
    await enqueue(db.sql, QUEUES.notification, { hi: true }, { messageId: 'note-1' });
    const counting = countingBroker(broker);
    const relay = createOutboxRelay({ db: db.sql, broker: counting, logger: quietLogger });
    expect(await relay.relayOnce()).toEqual({ sent: 6, failed: 0 });
    expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 0 });
    expect((await rows()).every((r) => r.sent_at instanceof Date && r.attempts === 1)).toBe(true);
    expect([...counting.published.keys()]).toEqual(['loc-0', 'loc-1', 'loc-2', 'loc-3', 'loc-4', 'note-1']);
    expect(emulator.count(QUEUES.locationSearch)).toBe(5);
    expect(emulator.count(QUEUES.notification)).toBe(1);
    // Sent rows are pruned once old enough; unsent ones never are.
    await enqueue(db.sql, QUEUES.notification, {}, { messageId: 'unsent' });
    await db.sql.$executeRawUnsafe("UPDATE outbox_messages SET sent_at = sent_at - interval '2 hours' WHERE sent_at IS NOT NULL");
    expect(await pruneSentOutboxMessages(db.sql, 60 * 60_000)).toBe(6);
    expect((await rows()).map((r) => r.message_id)).toEqual(['unsent']);
  });

  it('sets aside a row larger than its queue accepts, keeps it unsent, and sends the rows around it', async () => {
    // The emulator's links advertise Service Bus Standard's 256 KiB, as Azure's do.
    await enqueue(db.sql, QUEUES.notification, { n: 1 }, { messageId: 'before' });
    await enqueue(db.sql, QUEUES.notification, { pad: 'x'.repeat(300 * 1024) }, { messageId: 'oversize' });
    await enqueue(db.sql, QUEUES.notification, { n: 3 }, { messageId: 'after' });
    const waiting = emulator.count(QUEUES.notification);
    const setAside: string[] = [];
    const { logger, lines } = capturedLogger();
    const relay = createOutboxRelay({ db: db.sql, broker, logger, onSetAside: (destination) => setAside.push(destination) });
    expect(await relay.relayOnce()).toEqual({ sent: 2, failed: 1 });
    // At error level with the error itself, its type and stack (where the broker refused it), as every error line.
    expect(lines.find((l) => l.msg.startsWith('outbox set aside a message'))).toMatchObject({
      level: 50,
      messageId: 'oversize',
      err: { type: 'OversizeMessageError', message: 'message oversize is larger than notification-queue accepts (262144 bytes)', stack: expect.stringContaining('    at ') },
    });
    expect(emulator.count(QUEUES.notification) - waiting).toBe(2);
    expect(setAside).toEqual([QUEUES.notification]);
    const states = await outboxStates(db.sql);
    expect(states.map((r) => [r.message_id, r.sent, r.set_aside])).toEqual([
      ['before', true, false],
      ['oversize', false, true],
      ['after', true, false],
    ]);
    expect(states[1]?.last_error).toMatch(/^OversizeMessageError: message oversize is larger than notification-queue accepts \(262144 bytes\)$/);
    // Never claimed again, never pruned: it waits for an operator (docs/runbooks.md, outbox-set-aside).
    await enqueue(db.sql, QUEUES.notification, { n: 4 }, { messageId: 'later' });
    expect(await relay.relayOnce()).toEqual({ sent: 1, failed: 0 });
    // Aged past a retention, not pruned at 0 ms: sent_at is kept to the millisecond, now() rounded to
    // the nearest, so a row marked a moment ago can read up to half a millisecond after the next
    // statement's now(), not yet "sent before now".
    await db.sql.$executeRawUnsafe("UPDATE outbox_messages SET sent_at = sent_at - interval '2 hours' WHERE sent_at IS NOT NULL");
    expect(await pruneSentOutboxMessages(db.sql, 60 * 60_000)).toBe(3);
    expect((await db.sql.$queryRawUnsafe<{ message_id: string }[]>('SELECT message_id FROM outbox_messages')).map((r) => r.message_id)).toEqual(['oversize']);
  });

  it('lets several relays run at once without sending any row twice (FOR UPDATE SKIP LOCKED)', async () => {
    const total = 120;
    await db.sql.$executeRawUnsafe(
      "INSERT INTO outbox_messages (message_id, queue, body) SELECT 'bulk-' || g, $1, jsonb_build_object('g', g) FROM generate_series(1, $2::int) g",
      QUEUES.aiScheduleGeneration,
      total,
    );
    const counting = countingBroker(broker);
    const relays = Array.from({ length: 3 }, () => createOutboxRelay({ db: db.sql, broker: counting, batchSize: 7, logger: quietLogger }));
    // Every relay keeps taking rounds until the outbox is empty (bounded: far more rounds than needed).
    await Promise.all(
      relays.map(async (relay) => {
        for (let round = 0; round < 200; round++) {
          const { sent, failed } = await relay.relayOnce();
          if (sent + failed === 0) return;
        }
      }),
    );
    expect(counting.published.size).toBe(total);
    expect([...counting.published.values()].every((n) => n === 1)).toBe(true);
    expect((await rows()).every((r) => r.sent_at !== null && r.attempts === 1)).toBe(true);
  });

  it('backs a failed send off exponentially, records the error, and sends it once the broker is back', async () => {
    await enqueue(db.sql, QUEUES.notification, { late: true }, { messageId: 'late' });
    let brokerUp = false;
    const flaky = {
      async publish(queue: (typeof QUEUE_NAMES)[number], messages: readonly OutgoingMessage[]) {
        if (!brokerUp) throw new Error('connect ECONNREFUSED 127.0.0.1');
        await broker.publish(queue, messages);
      },
    };
    const relay = createOutboxRelay({ db: db.sql, broker: flaky, backoff: { initialMs: 1_000, maxMs: 4_000 }, logger: quietLogger });
    expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 1 });
    let [row] = await rows();
    expect([row?.attempts, row?.sent_at, row?.last_error]).toEqual([1, null, 'Error: connect ECONNREFUSED 127.0.0.1']);
    expect(row?.due_in_ms).toBeGreaterThan(500); // 1 s after the first failure
    expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet: no hammering

    for (const expectedBackoff of [2_000, 4_000, 4_000]) {
      await db.sql.$executeRawUnsafe(MAKE_DUE); // skip the wait
      expect(await relay.relayOnce()).toEqual({ sent: 0, failed: 1 });
      [row] = await rows();
      expect(row?.due_in_ms).toBeGreaterThan(expectedBackoff * 0.6); // above the previous step, with room for a slow machine
      expect(row?.due_in_ms).toBeLessThanOrEqual(expectedBackoff + 1); // +1: timestamps are kept to the millisecond
    }

    brokerUp = true;
    await db.sql.$executeRawUnsafe(MAKE_DUE);
    expect(await relay.relayOnce()).toEqual({ sent: 1, failed: 0 });
    [row] = await rows();
    expect([row?.attempts, row?.sent_at instanceof Date, row?.last_error]).toEqual([5, true, null]);
  });

  it('re-sends rows whose claim lease ran out (a relay died mid-send), keeping their message id', async () => {
    await enqueue(db.sql, QUEUES.notification, { x: 1 }, { messageId: 'orphan' });
    // A relay that claims and then never reports back.
    const dying = createOutboxRelay({
      db: db.sql,
      broker: { publish: () => new Promise<never>(() => undefined) },
      leaseMs: 60_000,
      logger: quietLogger,
    });
    void dying.relayOnce();
    const counting = countingBroker(broker);
    const survivor = createOutboxRelay({ db: db.sql, broker: counting, logger: quietLogger });
    // Wait (bounded) until the dying relay's claim is visible, then check the survivor keeps off it.
    await waitFor(async () => (await rows())[0]?.attempts === 1, "the dying relay's claim", 2_000, 10);
    expect(await survivor.relayOnce()).toEqual({ sent: 0, failed: 0 });
    await db.sql.$executeRawUnsafe(MAKE_DUE); // the lease runs out
    expect(await survivor.relayOnce()).toEqual({ sent: 1, failed: 0 });
    expect([...counting.published.keys()]).toEqual(['orphan']);
  });

  it('sends a row woken in while a round is out without waiting for the next poll', async () => {
    // The first claim is held after it has read the table: the row committed and woken meanwhile is
    // not in it, and the wake finds no pause to cut short; it must skip the next one (60 s).
    let inClaim!: () => void;
    let release!: () => void;
    const claimed = new Promise<void>((resolve) => (inClaim = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const heldClaim = new Proxy(db.sql, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== '$queryRawUnsafe' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (sql: string, ...args: unknown[]) => {
          const rows: unknown = await target.$queryRawUnsafe(sql, ...args);
          if (sql === CLAIM_SQL && first) {
            first = false;
            inClaim();
            await held;
          }
          return rows;
        };
      },
    });
    const counting = countingBroker(broker);
    const relay = createOutboxRelay({ db: heldClaim, broker: counting, pollIntervalMs: 60_000, logger: quietLogger });
    relay.start();
    await claimed;
    await enqueue(db.sql, QUEUES.notification, {}, { messageId: 'woken' });
    relay.wake();
    release();
    await waitFor(() => counting.published.has('woken'), 'the woken row to go out before the 60 s poll', 10_000, 20);
    await relay.close();
  });

  it('refuses relayOnce() beside its own loop (both would claim one destination)', async () => {
    const relay = createOutboxRelay({ db: db.sql, broker, pollIntervalMs: 60_000, logger: quietLogger });
    relay.start();
    await expect(relay.relayOnce()).rejects.toThrow(/not started/);
    await relay.close();
  });

  it('runs in the background: start() relays new rows, close() stops the loop', async () => {
    const counting = countingBroker(broker);
    const relay = createOutboxRelay({ db: db.sql, broker: counting, pollIntervalMs: 20, logger: quietLogger });
    relay.start();
    await enqueue(db.sql, QUEUES.notification, {}, { messageId: 'background' });
    relay.wake();
    await waitFor(() => counting.published.has('background'), 'the background relay to publish', 20_000, 20);
    await relay.close();
    expect(counting.published.get('background')).toBe(1);
    await enqueue(db.sql, QUEUES.notification, {}, { messageId: 'after-close' });
    expect((await rows()).find((r) => r.message_id === 'after-close')?.attempts).toBe(0);
  });
});

describe('the relay claim at volume', { timeout: 60_000 }, () => {
  // OWASP API Security Top 10 2023, API4 "Unrestricted Resource Consumption", and the PostgreSQL
  // manual, "Partial Indexes" (11.8) and "Using EXPLAIN" (14.1): a job whose cost grows with the
  // table. Sent rows stay for MESSAGE_RETENTION; a backlog (the broker back after an outage) is
  // drained 50 rows a round, and each round must not walk the retained history first.
  it('claims a batch of each destination\'s backlog without stepping over the sent rows kept or another destination\'s backlog', async () => {
    const sent = 20_000;
    await db.sql.$executeRawUnsafe(`
      INSERT INTO outbox_messages (message_id, queue, body, attempts, next_attempt_at, sent_at)
      SELECT 'sent-' || g, '${QUEUES.notification}', '{}'::jsonb, 1, now() - interval '1 day', now() - interval '1 day' FROM generate_series(1, ${sent}) AS g`);
    // Another destination's backlog ahead of it (Event Hubs down: its events failing, due again).
    await db.sql.$executeRawUnsafe(`
      INSERT INTO outbox_messages (message_id, queue, body, attempts, next_attempt_at)
      SELECT 'hub-' || g, '${EVENT_HUBS[0]}', '{}'::jsonb, 3, now() - interval '1 minute' FROM generate_series(1, 10000) AS g`);
    await db.sql.$executeRawUnsafe(`
      INSERT INTO outbox_messages (message_id, queue, body, attempts, next_attempt_at)
      SELECT 'backlog-' || g, '${QUEUES.notification}', '{}'::jsonb, 3, now() - interval '1 minute' FROM generate_series(1, 10000) AS g`);
    await db.sql.$executeRawUnsafe('ANALYZE outbox_messages');
    // EXPLAIN ANALYZE runs the UPDATE: inside a transaction that is rolled back.
    const rollback = new Error('rollback');
    let plan: unknown;
    await db.sql
      .$transaction(async (tx) => {
        const [row] = await tx.$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${CLAIM_SQL}`, 50, 60_000, [QUEUES.notification, EVENT_HUBS[0]]);
        plan = row!['QUERY PLAN'];
        throw rollback;
      })
      .catch((err: unknown) => {
        if (err !== rollback) throw err;
      });
    const walked = (node: Record<string, unknown>): number =>
      Number(node['Rows Removed by Filter'] ?? 0) + ((node.Plans as Record<string, unknown>[] | undefined) ?? []).reduce((n, p) => n + walked(p), 0);
    const root = (plan as { Plan: Record<string, unknown> }[])[0]!.Plan;
    // 50 of each destination: the hub's 10,000 ahead take none of the queue's share.
    expect(root['Actual Rows']).toBe(100);
    expect(walked(root)).toBeLessThan(sent / 100); // before: every sent row, 20,000
  });
});

/**
 * A relay round that fails: PostgreSQL out of reach is a handled outage (warn, its causes, no stack:
 * it repeats for the outage's length); anything else is a bug, at error with its stack. Before, every
 * failure was a warning with 'TypeError: ...' as a string, so a bug never reached error level.
 */
describe('outbox relay round failures in the log', () => {
  const roundFailure = async (db: OutboxRelayOptions['db']) => {
    const { logger, lines } = capturedLogger();
    const relay = createOutboxRelay({ db, broker, pollIntervalMs: 60_000, logger });
    relay.start();
    await waitFor(() => lines.some((l) => l.msg === 'outbox relay round failed'), 'the round to fail', 15_000, 20);
    await relay.close();
    return lines.find((l) => l.msg === 'outbox relay round failed')!;
  };

  it('logs a bug (a TypeError) in a round at error with its stack', async () => {
    const buggy = new Proxy(db.sql, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== '$queryRawUnsafe' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (sql: string, ...args: unknown[]) => {
          if (sql === CLAIM_SQL) throw new TypeError("Cannot read properties of undefined (reading 'rows')");
          return target.$queryRawUnsafe(sql, ...args);
        };
      },
    });
    const line = await roundFailure(buggy);
    expect(line).toMatchObject({ level: 50, databaseFailures: 1, err: { type: 'TypeError', message: "Cannot read properties of undefined (reading 'rows')", stack: expect.stringContaining('    at ') } });
  });

  it('logs PostgreSQL out of reach at warn with its cause and no stack', async () => {
    const relay = await startTcpRelay({ target: db.url, cut: true });
    const pool = new pg.Pool({ connectionString: relay.via(db.url), max: 1, connectionTimeoutMillis: 2_000 });
    pool.on('error', () => undefined);
    try {
      const line = await roundFailure(pgSql(pool));
      expect(line).toMatchObject({ level: 40, databaseFailures: 1, outage: [expect.objectContaining({ code: expect.stringMatching(/^E[A-Z]+$/) })] });
      expect(JSON.stringify(line)).not.toContain('    at ');
    } finally {
      await pool.end();
      await relay.close();
    }
  });
});
