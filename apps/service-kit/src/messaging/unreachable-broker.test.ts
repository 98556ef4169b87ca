import { afterEach, expect, it } from 'vitest';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUES } from '@tripgen/catalog';
import { createServiceBusBroker, restartDelayMs } from './service-bus-broker.ts';
import type { MessageBroker } from './broker.ts';
import type { MessagingLogger } from './errors.ts';

/**
 * A consumer whose broker cannot be reached (refused, or a gateway that accepts and drops every
 * connection) keeps retrying, but backs off as the SDK's own retries do (its retryOptions:
 * exponential, retryDelayInMs doubling up to maxRetryDelayInMs, learn.microsoft.com "Azure Service
 * Bus client retry guidance"): before, each set-up the drop cut short started the next receiver at
 * once, ~1,600 connections a second, a core, one warning line each, for as long as the outage lasted.
 */
const WATCH_MS = 4_000;
const retry = { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 10_000, timeoutInMs: 10_000 };
// At once, then ~0.5, 1, 2 s (+-20 %): at most five receivers in 4 s. Before the backoff: thousands.
const MAX_RESTARTS = 6;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function countingLogger(): { logger: MessagingLogger; restarts: () => number; lines: () => number } {
  const lines: string[] = [];
  const log = (_o: unknown, msg?: string) => void lines.push(String(msg));
  const logger = { warn: log, error: log, info: log, debug: log } as unknown as MessagingLogger;
  return { logger, restarts: () => lines.filter((l) => l.includes('starting a new one')).length, lines: () => lines.length };
}

async function watchConsumer(endpointPort: number) {
  const log = countingLogger();
  const broker: MessageBroker = createServiceBusBroker({
    connectionString: `Endpoint=sb://127.0.0.1:${endpointPort};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=bm90LWEta2V5;UseDevelopmentEmulator=true`,
    retry,
    logger: log.logger,
  });
  cleanups.push(() => broker.close());
  const sub = await broker.consume(QUEUES.notification, async () => ({ action: 'complete' }));
  cleanups.push(() => sub.close());
  const cpu = process.cpuUsage();
  await sleep(WATCH_MS);
  const used = process.cpuUsage(cpu);
  return { restarts: log.restarts(), lines: log.lines(), cpuMs: (used.user + used.system) / 1000 };
}

it('a broker that accepts and drops every connection: the consumer backs off instead of reconnecting in a loop', async () => {
  let connections = 0;
  const gateway = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => gateway.close(resolve)));
  const seen = await watchConsumer((gateway.address() as net.AddressInfo).port);
  console.log(`dropping broker, ${WATCH_MS} ms: ${connections} connections, ${seen.restarts} receivers restarted, ${seen.lines} log lines, ${seen.cpuMs.toFixed(0)} ms CPU`);
  expect(seen.restarts).toBeGreaterThan(0); // it does keep trying
  expect(seen.restarts).toBeLessThanOrEqual(MAX_RESTARTS);
  expect(connections).toBeLessThanOrEqual(MAX_RESTARTS * (retry.maxRetries + 1));
});

it('a broker that refuses connections: the consumer backs off instead of reconnecting in a loop', async () => {
  // A port that was free a moment ago: nothing listens there, so every connection is refused.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const seen = await watchConsumer(port);
  console.log(`refusing broker, ${WATCH_MS} ms: ${seen.restarts} receivers restarted, ${seen.lines} log lines, ${seen.cpuMs.toFixed(0)} ms CPU`);
  expect(seen.restarts).toBeLessThanOrEqual(MAX_RESTARTS);
});

it('the restart delay: at once after one drop, then doubling from retryDelayInMs up to maxRetryDelayInMs, +-20 %', () => {
  const delays = (random: number) => [0, 1, 2, 3, 5, 8].map((n) => restartDelayMs(n, retry, () => random));
  expect(delays(0.5)).toEqual([0, 500, 1_000, 2_000, 8_000, 10_000]);
  expect(delays(0)).toEqual([0, 400, 800, 1_600, 6_400, 8_000]);
  expect(delays(1)).toEqual([0, 600, 1_200, 2_400, 9_600, 12_000]);
});
