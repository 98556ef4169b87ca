/**
 * The AI service as built for production (buildAiService on a throwaway database, Redis and the
 * Service Bus emulator) does not report ready before its engine thread is warm: a schedule taken
 * after readiness never pays for the thread's start and cold code (engine.ts, warm-up.ts).
 */
import { HEALTH_PATHS, QUEUE_NAMES } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { freePort } from '@tripgen/dev-tools/processes';
import type { App } from '@tripgen/service-kit';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, redisUrl, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAiService } from '../src/app.ts';

let db: TestDatabase;
let bus: ServiceBusEmulator;
let app: App | undefined;

beforeAll(async () => {
  [db, bus] = await Promise.all([createTestDatabase('ai_warm_up_test', serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
});
afterAll(async () => {
  await app?.close();
  await bus?.stop();
  await db?.drop();
});

describe('the engine thread at start', () => {
  it('is warm before readiness first answers 200: the probe is refused or unready until the warm-up has planned', async () => {
    /** Log lines and probe answers in the order they came (one process, one event loop): no clock. */
    let seq = 0;
    /** The place of each message's first log line in that order. */
    const logged = new Map<string, number>();
    let warmUpMs: number | undefined;
    app = await buildAiService({
      env: {
        NODE_ENV: 'test', LOG_LEVEL: 'info', SERVICE_NAME: 'ai', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
        JWKS_URL: 'http://127.0.0.1:1/jwks.json', LOCATION_SERVICE_URL: 'http://127.0.0.1:1', USER_SERVICE_URL: 'http://127.0.0.1:1', MAX_EVENT_LOOP_DELAY_MS: '0',
      },
      logger: {
        level: 'info',
        stream: {
          write: (line: string) => {
            const entry = JSON.parse(line) as { msg: string; warmUpMs?: number };
            if (!logged.has(entry.msg)) logged.set(entry.msg, seq++);
            warmUpMs ??= entry.warmUpMs;
          },
        },
      },
    });
    const port = await freePort();
    const listening = app.listen({ port, host: '127.0.0.1' });
    const answers: { at: number; status: number | 'refused' }[] = [];
    // A guard against hanging only.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const status = await fetch(`http://127.0.0.1:${port}${HEALTH_PATHS.readiness}`).then(
        (r) => r.status,
        () => 'refused' as const,
      );
      answers.push({ at: seq++, status });
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await listening;
    const warmAt = logged.get('engine thread warm');
    expect(warmAt, 'the engine thread warm line').toBeDefined();
    expect(warmUpMs).toBeGreaterThan(0);
    const firstReady = answers.find((a) => a.status === 200);
    expect(firstReady, JSON.stringify(answers.slice(-3))).toBeDefined();
    expect(firstReady!.at).toBeGreaterThanOrEqual(warmAt!);
    // The probe was tried while the thread warmed (the server did not listen yet), not only after.
    expect(answers.filter((a) => a.at < warmAt!).length).toBeGreaterThan(0);
    // And its heap is given back with the main thread's once the process is quiet (runService's idle heap reducer).
    expect(app.kit.heapsReducedWhenQuiet().map((h) => h.name)).toEqual(['engine thread']);
  }, 60_000);
});
