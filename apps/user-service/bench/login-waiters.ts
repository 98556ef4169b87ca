/**
 * `npm run bench:login-waiters`: what logins waiting for a turn at one account cost a user-service
 * pod while Redis is unreachable (the throttle's queue in the pod's memory, src/domain/login-attempts.ts).
 * For each count of waiters (BENCH_WAITERS, default 1,000 and 5,000): the account's maxFailures
 * slots held by checks that do not end, then that many logins wait at once for BENCH_HOLD_MS (3 s),
 * looking at the throttle's own pace (LOOK_BACKOFF); then they go (their clients gone). Prints the
 * pod's CPU over the wait, the looks made, CPU per look and the event loop's delay (p99, max): what
 * every other request of the pod waits behind. Run it alone; the figures are this machine's.
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOGIN_THROTTLE } from '@tripgen/catalog';
import { createLoginAttempts, type LoginAttemptsOptions } from '../src/domain/login-attempts.ts';

// A client that never connected, as a pod's when Redis is unreachable: the throttle counts in memory.
// It touches nothing else of the client than these two.
const unreachable = { status: 'end', defineCommand: () => undefined } as unknown as LoginAttemptsOptions['redis'];
const WAITERS = (process.env.BENCH_WAITERS ?? '1000,5000').split(',').map(Number);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 3_000);

const run = async (waiters: number) => {
  const throttle = createLoginAttempts({ redis: unreachable, prefix: 'bench', hashKey: randomBytes(32), ...LOGIN_THROTTLE });
  const account = 'one account';
  const held = await Promise.all(Array.from({ length: LOGIN_THROTTLE.maxFailures }, () => throttle.admit(account, 'a check that takes long')));
  // Each its own signal, as each request has in the service.
  const clients = Array.from({ length: waiters }, () => new AbortController());
  let looks = 0;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const waiting = Array.from({ length: waiters }, (_, i) => throttle.admit(account, `waiter ${i}`, clients[i]!.signal, () => looks++));
  await sleep(HOLD_MS);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - startedAt;
  delay.disable();
  for (const client of clients) client.abort();
  const answers = await Promise.all(waiting);
  for (const admission of held) if (admission.admitted) await admission.attempt.abandoned();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    waiters,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(cpuMs),
    looks,
    cpuUsPerLook: Math.round((cpuMs * 1000) / Math.max(1, looks)),
    eventLoopDelayP99Ms: Math.round(delay.percentile(99) / 1e6),
    eventLoopDelayMaxMs: Math.round(delay.max / 1e6),
    admitted: answers.filter((a) => a.admitted).length,
  };
};

for (const waiters of WAITERS) console.log(JSON.stringify(await run(waiters)));
