/**
 * The local stack asks each service it starts its readiness, as the kubelet does once the startup
 * probe passed: a service takes its first readiness success for the moment other pods can reach it.
 * The AI service, never asked, began its run of service (ai_pods.served_since) SERVED_SINCE.unprobedMs
 * (two probe periods) after it listened, and sent every schedule request of that minute round the
 * queue once. The real AI service as spawnService starts it, with only what it needs to get ready
 * (its readiness asks its database alone): a migrated scratch ai_db, Redis and the bus, its peers'
 * addresses unreachable (their keys and places are asked when needed, not to get ready); a fixture
 * process for a readiness that succeeds late, never, or ends in an exit.
 */
import { fileURLToPath } from 'node:url';
import { PROBE_TIMING, startupBudgetMs } from '@tripgen/catalog';
import { UNREACHABLE_PORT, queryRows, waitFor } from '@tripgen/testing';
import { expect, it, vi } from 'vitest';
import { serviceMigrationsDir } from '../src/layout.ts';
import { serviceEnv, spawnService, startEmulator, type ServiceProcess } from '../src/local-services.ts';
import { createScratchDatabase, ensureStack } from '../src/local-stack.ts';
import { READINESS_WAIT_MS, awaitReadiness } from '../src/probes.ts';
import { startNodeProcess } from '../src/processes.ts';

const fixture = fileURLToPath(new URL('./fixtures/answer-health.ts', import.meta.url));
const fixtureEnv = (extra: Record<string, string>) => ({ PATH: process.env.PATH, PORT: '0', ...extra });

it('starts the AI service asked its readiness: its run of service begins then, not a minute after it listened', { timeout: 120_000 }, async () => {
  // Only what the AI service needs to get ready (ai_db, Redis, the bus): its readiness asks ai_db alone,
  // and neither the token issuer's keys nor the location service are waited for (fetched when needed).
  ensureStack();
  const db = await createScratchDatabase('probe_ai', serviceMigrationsDir('ai'));
  const bus = await startEmulator(0);
  let ai: ServiceProcess | undefined;
  try {
    const env = serviceEnv('ai', { PORT: '0', DATABASE_URL: db.url, SERVICEBUS_CONNECTION_STRING: bus.connectionString }, () => UNREACHABLE_PORT);
    ai = await spawnService('ai', env, () => {});
    const moment = async () => (await queryRows<{ since: Date | null }>(db.url, 'SELECT served_since AS since FROM ai_pods'))[0]?.since ?? null;
    // Written just after the first readiness success (the AI service's app.ts, not awaited by its answer).
    // One probe period: unasked, the moment came two periods (SERVED_SINCE.unprobedMs) after listen.
    await waitFor(async () => (await moment()) !== null, 'the AI pod\'s served_since set once the local stack saw it ready', PROBE_TIMING.periodSeconds * 1_000, 100);
  } finally {
    await ai?.stop();
    await bus.stop();
    await db.drop();
  }
});

it("waits for a service's startup probe as long as the kubelet lets a pod start (catalog startupBudgetMs), not 60 s", { timeout: 120_000 }, async () => {
  // The clock is moved past 60 s (and short of startupBudgetMs) at the process's first line, before it
  // listens: the wait is read on the clock, so that no test waits minutes for it.
  ensureStack();
  const db = await createScratchDatabase('probe_startup', serviceMigrationsDir('ai'));
  const bus = await startEmulator(0);
  let ai: ServiceProcess | undefined;
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const env = serviceEnv('ai', { PORT: '0', DATABASE_URL: db.url, SERVICEBUS_CONNECTION_STRING: bus.connectionString }, () => UNREACHABLE_PORT);
    const movedMs = Math.round((60_000 + startupBudgetMs()) / 2);
    let moved = false;
    const lines: string[] = [];
    const log = (line: string) => {
      lines.push(line);
      if (!moved) vi.setSystemTime(Date.now() + movedMs);
      moved = true;
    };
    ai = await spawnService('ai', env, log);
    expect(lines[0], 'the clock moved before the service listened').not.toMatch(/Server listening at/);
    expect(ai.output(), 'the AI service started').toMatch(/Server listening at/);
  } finally {
    vi.useRealTimers();
    await ai?.stop();
    await bus.stop();
    await db.drop();
  }
});

it('waits for a service that is not ready yet (a dependency not answering): its start goes on once readiness succeeds', { timeout: 90_000 }, async () => {
  const p = await startNodeProcess({ entry: fixture, env: fixtureEnv({ UNREADY_ASKS: '3' }), timeoutMs: 10_000 });
  try {
    await awaitReadiness('location', p);
    expect(p.output().match(/^readiness: 503$/gm), 'the readiness answers 503 asked before the success').toHaveLength(3);
  } finally {
    await p.kill();
  }
});

it('fails naming the service, with its last answer, when its readiness never succeeds', { timeout: 30_000 }, async () => {
  const p = await startNodeProcess({ entry: fixture, env: fixtureEnv({ NEVER_READY: '1' }), timeoutMs: 10_000 });
  try {
    await expect(awaitReadiness('ai', p, { withinMs: 1_000 })).rejects.toThrow(
      /^the ai service did not get ready: its readiness probe \(GET http:\/\/127\.0\.0\.1:\d+\/health\/ready\) did not succeed within 1 s; last answer: 503 \{"status":"unavailable"/,
    );
  } finally {
    await p.kill();
  }
});

it('fails at once, naming the service, when it exits before it gets ready', { timeout: 30_000 }, async () => {
  const p = await startNodeProcess({ entry: fixture, env: fixtureEnv({ EXIT_AT_READINESS: '3' }), timeoutMs: 10_000 });
  try {
    // Not the bound: the exit is seen at the ask after it.
    await expect(awaitReadiness('trip', p, { withinMs: READINESS_WAIT_MS })).rejects.toThrow(/^the trip service exited with 3 before its readiness probe \(GET http:\/\/127\.0\.0\.1:\d+\/health\/ready\) succeeded; last answer: /);
  } finally {
    await p.kill();
  }
});
