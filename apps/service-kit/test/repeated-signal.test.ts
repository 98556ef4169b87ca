/**
 * A second stop signal while the service drains (a pod deleted again with a shorter grace period,
 * a runtime or supervisor that repeats its stop, a second Ctrl-C) does not cut the drain short:
 * Kubernetes ends a pod that outstays its grace period with SIGKILL anyway ("Pod termination",
 * kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle), so the process only logs it. Before,
 * the listeners were `process.once`: the second SIGTERM found none, Node's default killed the
 * process at once, and every request in flight was reset (measured: 16 resets under keep-alive load,
 * exit by signal 2 s into the 5 s drain, no log line).
 */
import { HEALTH_PATHS } from '@tripgen/catalog';
import { afterAll, expect, it } from 'vitest';
import type { NodeProcess } from '@tripgen/dev-tools/processes';
import { waitFor } from '@tripgen/testing';
import { logLines, startStandIn } from './stand-in.ts';

let proc: NodeProcess | undefined;
afterAll(async () => proc?.kill());

it.each(['SIGTERM', 'SIGINT'] as const)('a %s repeated during the drain is logged; requests in flight are answered and the process exits 0', async (first) => {
  proc = await startStandIn({ SHUTDOWN_DELAY_MS: '1500' });
  const p = proc;
  p.signal(first);
  const readinessUrl = `${p.url}${HEALTH_PATHS.readiness}`;
  await waitFor(async () => (await fetch(readinessUrl)).status === 503, 'readiness to flip', 4_000, 50);
  // In flight across the second signals and the close: answered, not reset.
  const slow = fetch(`${p.url}/stand-in/trips/slow?ms=2500`).then(async (r) => ({ status: r.status, body: await r.json() }), (err: Error) => ({ error: String(err.cause ?? err) }));
  await new Promise((r) => setTimeout(r, 200));
  p.signal('SIGTERM');
  p.signal('SIGINT');
  expect(await slow).toEqual({ status: 200, body: { answered: true } });
  expect(await p.exited).toBe(0);
  const ignored = logLines<{ msg: string; reason?: string }>(p)
    .filter((l) => l.msg === 'already draining; signal ignored')
    .map((l) => l.reason);
  expect(ignored.sort()).toEqual(['SIGINT', 'SIGTERM']);
});
