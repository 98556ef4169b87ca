/**
 * The republish of the token revocations (domain/revocation-records.ts) reads every record of a
 * token's lifetime from user_db: at 100,000 sessions signed out and as many accounts, about 0.8 s of a
 * replica's CPU with its event loop held up to 0.2 s (measured on the shared 2-core machine), which
 * every user-service replica did every period. One replica a period now does it, the one that takes
 * the lease (catalog TOKEN_REVOCATIONS.republishLeaseKey). Counts the steps that read the records (the
 * step's debug line), not times: real PostgreSQL and Redis.
 */
import { Writable } from 'node:stream';
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { createTokenRevocations, loadConfig, servicePrismaClient } from '@tripgen/service-kit';
import { leaseTtlMs } from '@tripgen/service-kit/messaging';
import { waitFor } from '@tripgen/testing';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { durableRevocations, recordSessionRevocation, type DurableRevocations } from '../src/domain/revocation-records.ts';
import { startUserService, testEnv, type RunningUserService } from './harness.ts';

const PERIOD_MS = 300;
const REPLICAS = 4;
const STEP_LINE = 'token revocations read from user_db to compare with Redis';

let a: RunningUserService;
const closing: (() => Promise<unknown> | unknown)[] = [];
beforeAll(async () => {
  a = await startUserService();
});
afterAll(async () => {
  for (const close of closing.reverse()) await close();
  await a?.close();
});

describe('token revocations republish', () => {
  it(`is done by one of ${REPLICAS} replicas a period, not by each`, { timeout: 30_000 }, async () => {
    const env = testEnv(a.db.url, { SERVICEBUS_CONNECTION_STRING: a.bus.connectionString });
    const prisma = await servicePrismaClient(PrismaClient, loadConfig({ service: 'user' }, env), env);
    closing.push(() => prisma.$disconnect());
    await recordSessionRevocation(prisma, '00000000-0000-4000-8000-000000000001', 'lease-test-session');
    let steps = 0;
    const lines = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.includes(STEP_LINE)) steps += 1;
        done();
      },
    });
    const log = Fastify({ logger: { level: 'debug', stream: lines } }).log;
    // This test's own lease: the app's replica above holds the database's.
    const leaseKey = `${TOKEN_REVOCATIONS.republishLeaseKey}:${new URL(a.db.url).pathname.slice(1)}:lease-test`;
    const replicas: DurableRevocations[] = [];
    const started = performance.now();
    for (let i = 0; i < REPLICAS; i++) {
      const redis = a.app.kit.redis.duplicate();
      const subscriber = a.app.kit.redis.duplicate();
      const revocations = createTokenRevocations({ redis, subscriber, onError: () => undefined });
      closing.push(() => (revocations.close(), redis.disconnect(), subscriber.disconnect()));
      await revocations.loaded;
      replicas.push(durableRevocations({ prisma, revocations, redis, log, republishEveryMs: PERIOD_MS, leaseKey }));
    }
    closing.push(async () => {
      for (const r of replicas) await r.stop();
      await a.app.kit.redis.del(leaseKey);
    });
    await waitFor(() => steps > 0, 'a first step');
    await new Promise((resolve) => setTimeout(resolve, 10 * PERIOD_MS));
    for (const r of replicas) await r.stop();
    const elapsed = performance.now() - started;
    // Each replica's own at its start, then one a lease at most (it expires a tenth before the period).
    // Before: every replica each period (44 in 3.1 s here).
    expect(steps).toBeLessThanOrEqual(REPLICAS + Math.ceil(elapsed / leaseTtlMs(PERIOD_MS)) + 1);
  });
});
