/**
 * docs/dr.md, "Outbox re-drive": after a region loss the Service Bus alias fails over to a
 * namespace that has the queues but none of their messages, so each producer re-sends what it had
 * relayed to the lost namespace shortly before the loss. The SQL is read from the page and run on
 * real PostgreSQL with the messaging tables, the way the drill runs it: well after the loss (here
 * 40 minutes: a warm standby's decision, promotion and sync), once the services already relay to
 * the new namespace. The relay must then re-send exactly the rows sent in the 15 minutes before the
 * loss (with their message ids: the consumers deduplicate), not what it sent after the failover.
 * A window counted back from the moment the SQL runs (`now()`) selected nothing of the first and
 * all of the second.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { QUEUES } from '@tripgen/catalog';
import { quietLogger } from '@tripgen/testing';
import type { OutgoingMessage } from './broker.ts';
import { createOutboxRelay } from './outbox.ts';
import { createTestDatabase, type TestDatabase } from './test-support/test-database.ts';

const DR_PAGE = path.resolve(import.meta.dirname, '../../../../docs/dr.md');

/** The page's re-drive statement, with the psql variable `lost_at` it documents bound to a value. */
function redriveSql(lostAtIso: string): string {
  const page = readFileSync(DR_PAGE, 'utf8');
  const block = /Outbox re-drive[^\n]*\n+```sql\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('docs/dr.md has no "Outbox re-drive" SQL block');
  return block[1]!.replaceAll(":'lost_at'", `'${lostAtIso}'`);
}

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('dr_redrive');
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

it('re-sends what was relayed in the 15 minutes before the loss, run 40 minutes after it, and nothing sent since', async () => {
  const [row] = await db.sql.$queryRawUnsafe<{ now: Date }[]>('SELECT now() AS now');
  const now = row!.now;
  const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
  const lostAt = minutes(-40);
  const rows: [id: string, sentAt: Date | null][] = [
    ['before-loss-5m', minutes(-45)], // in the lost queue, maybe not yet consumed
    ['before-loss-14m', minutes(-54)],
    ['long-before-loss', minutes(-100)], // consumed long before the loss
    ['after-failover', minutes(-2)], // relayed to the new namespace
    ['never-sent', null], // the relay keeps retrying it anyway
  ];
  for (const [id, sentAt] of rows) {
    await db.sql.$executeRawUnsafe(
      `INSERT INTO outbox_messages (message_id, queue, body, sent_at, attempts, next_attempt_at) VALUES ($1, $2, '{}'::jsonb, $3, 1, now())`,
      id,
      QUEUES.notification,
      sentAt,
    );
  }

  await db.pool.query(redriveSql(lostAt.toISOString()));

  const published: OutgoingMessage[] = [];
  const relay = createOutboxRelay({ db: db.sql, broker: { publish: async (_q, messages) => void published.push(...messages) }, logger: quietLogger });
  await relay.relayOnce();
  await relay.close();
  expect(published.map((m) => m.messageId).sort()).toEqual(['before-loss-14m', 'before-loss-5m', 'never-sent']);
});
