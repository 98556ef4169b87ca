/**
 * The schedule consumer holds no ai_db transaction while it plans: the interest reading (an Azure
 * OpenAI call in prod), the location service's candidates, the router and the engine thread take
 * seconds, and a transaction held across them pinned one pooled connection per schedule in flight
 * (8 of the pool's 10 at the default concurrency: "idle in transaction" in pg_stat_activity) and
 * ended a generation at the transaction's 60 s limit. Real PostgreSQL and the Service Bus emulator;
 * the interest reading takes 3 s, and no transaction may live half as long (the one that records an
 * outcome takes milliseconds).
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import type { MessageBroker } from '@tripgen/service-kit/messaging';
import { quietLogger, waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isNotifyMessage } from '../src/domain/generations.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { keywordInterestModel, type InterestModel } from '../src/planning/interests.ts';
import { request } from './fixtures/places.ts';
import { startConsumerStack, type ConsumerStack } from './support/consumer-stack.ts';

const SCHEDULES = 8;
const READING_MS = 3_000;
let stack: ConsumerStack;
let prisma: PrismaClient;
let broker: MessageBroker;

beforeAll(async () => {
  const slowInterests: InterestModel = {
    read: async (interests, signal) => {
      await new Promise((r) => setTimeout(r, READING_MS));
      return keywordInterestModel.read(interests, signal);
    },
  };
  stack = await startConsumerStack({ database: 'ai_consumer_connections', poolSize: 10, candidates: { items: [], missing: [] }, interests: slowInterests, consumer: { concurrency: SCHEDULES, logger: quietLogger } });
  ({ prisma, broker } = stack);
}, 60_000);
afterAll(async () => stack?.close(), 60_000);

it(`plans ${SCHEDULES} schedules at once with no transaction held across the planning, and each ends once`, { timeout: 60_000 }, async () => {
  const messages = Array.from({ length: SCHEDULES }, () => request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() }));
  await broker.publish(QUEUES.aiScheduleGeneration, messages.map((m) => ({ messageId: m.scheduleId, body: m })));
  // The oldest open transaction of this database (ms), other than the sampling query's own.
  const oldestTransactionMs = async () =>
    Number(
      (await prisma.$queryRawUnsafe<{ ms: number | null }[]>(
        'SELECT (extract(epoch FROM max(now() - xact_start)) * 1000)::float8 AS ms FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL',
      ))[0]!.ms ?? 0,
    );
  const seen: number[] = [];
  const ended = async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM generations WHERE status IN ('completed', 'failed')"))[0]!.n);
  // Sampled while the readings wait (all of them running: their rows say so).
  await waitFor(async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM generations WHERE status = 'running'"))[0]!.n) === SCHEDULES, 'every schedule running', 20_000, 20);
  while ((await ended()) < SCHEDULES) {
    seen.push(await oldestTransactionMs());
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(seen.length).toBeGreaterThan(5);
  expect(Math.max(...seen)).toBeLessThan(READING_MS / 2);
  const processed = await prisma.$queryRawUnsafe<{ message_id: string }[]>('SELECT message_id FROM processed_messages ORDER BY message_id');
  // Each request once (their notify messages, the outcomes told one pass later, are taken as they come).
  expect(processed.map((r) => r.message_id).filter((id) => !isNotifyMessage(id))).toEqual(messages.map((m) => m.scheduleId).sort());
});
