/**
 * The local stack asks each service it starts its readiness, as the kubelet does once the startup
 * probe passed: a service takes its first readiness success for the moment other pods can reach it.
 * The AI service, never asked, began its run of service (ai_pods.served_since) SERVED_SINCE.unprobedMs
 * (two probe periods) after it listened, and sent every schedule request of that minute round the
 * queue once. Real services on the local stack (startBenchStack), real ai_db rows; a fixture process
 * for a readiness that never succeeds.
 */
import { fileURLToPath } from 'node:url';
import { PROBE_TIMING } from '@tripgen/catalog';
import { queryRows, waitFor } from '@tripgen/testing';
import { expect, it } from 'vitest';
import { startBenchStack } from '../src/bench-stack.ts';
import { READINESS_WAIT_MS, awaitReadiness } from '../src/probes.ts';
import { startNodeProcess } from '../src/processes.ts';

const fixture = fileURLToPath(new URL('./fixtures/answer-health.ts', import.meta.url));
const fixtureEnv = (extra: Record<string, string>) => ({ PATH: process.env.PATH, PORT: '0', ...extra });

it('starts the AI service asked its readiness: its run of service begins then, not a minute after it listened', { timeout: 240_000 }, async () => {
  const stack = await startBenchStack(['user', 'location', 'ai'], { onLine: () => {} });
  try {
    const moment = async () => (await queryRows<{ since: Date | null }>(stack.database('ai').url, 'SELECT served_since AS since FROM ai_pods'))[0]?.since ?? null;
    // Written just after the first readiness success (the AI service's app.ts, not awaited by its answer).
    // One probe period: unasked, the moment came two periods (SERVED_SINCE.unprobedMs) after listen.
    await waitFor(async () => (await moment()) !== null, 'the AI pod\'s served_since set once the local stack saw it ready', PROBE_TIMING.periodSeconds * 1_000, 100);
  } finally {
    await stack.stop();
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
