/**
 * A shutdown that has not ended shortly before the kubelet's SIGKILL (terminationGracePeriodSeconds
 * after SIGTERM: "Pod termination", kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle) ends
 * itself: one error line naming the steps it still waits for, exit code 1. A SIGKILL leaves no line.
 * Measured before: the AI service, SIGTERM while the broker stalled, was still waiting on its
 * schedule consumer 150 s later (the Service Bus SDK's 30 s operation timeout, retried), with
 * "draining before exit" as its last line. The stand-in's grace period is 5 s (its deadline 3 s
 * after the SIGTERM), not the pods' 30 s; an app made without one has the catalog's deadline.
 */
import { SHUTDOWN_EXIT_MARGIN_MS, SHUTDOWN_TIMING, shutdownDeadlineMs } from '@tripgen/catalog';
import { afterAll, expect, it } from 'vitest';
import type { NodeProcess } from '@tripgen/dev-tools/processes';
import { createApp } from '../src/app.ts';
import { createTokenVerifier, localJwks } from '../src/auth/jwt.ts';
import { logLines, startStandIn } from './stand-in.ts';
import { standInConfig } from './stand-in-env.ts';

const GRACE_PERIOD_S = 5;

let proc: NodeProcess | undefined;
afterAll(async () => proc?.kill());

it('logs the pending steps and exits 1 before the grace period ends when a shutdown step never ends', { timeout: 90_000 }, async () => {
  expect(shutdownDeadlineMs()).toBe(SHUTDOWN_TIMING.terminationGracePeriodSeconds * 1000 - SHUTDOWN_EXIT_MARGIN_MS);
  proc = await startStandIn({ SHUTDOWN_DELAY_MS: '0', STUCK_SHUTDOWN_STEP: '1', STAND_IN_GRACE_PERIOD_S: String(GRACE_PERIOD_S) });
  const p = proc;
  p.signal('SIGTERM');
  // The kubelet's SIGKILL, terminationGracePeriodSeconds after the SIGTERM: the process must have
  // exited by its own timer before this fires (it is the deadline's margin ahead of it).
  const kubeletKill = new Promise<'still running at the kill'>((r) => setTimeout(() => r('still running at the kill'), GRACE_PERIOD_S * 1000).unref());
  expect(await Promise.race([p.exited, kubeletKill])).toBe(1);
  const line = logLines<{ level: number; msg: string; pending?: string[]; phase?: string }>(p).find((l) => l.level === 50 && l.msg === 'shutdown outlasted its time; exiting before the kill');
  expect(line).toMatchObject({ phase: 'closing', pending: ['stuck step'] });
});

it("gives an app the catalog's shutdown deadline of the pods' grace period and the catalog's close grace, or those of the timing it is given", async () => {
  const config = standInConfig('http://127.0.0.1:1/jwks.json', 'silent');
  const build = (shutdownTiming?: { terminationGracePeriodSeconds: number; closeGraceMs?: number }) =>
    createApp({ config, shutdownTiming, database: { ping: async () => undefined, close: async () => undefined }, verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience), logger: false, domain: async () => undefined });
  const cases = [
    [undefined, shutdownDeadlineMs(), SHUTDOWN_TIMING.closeGraceMs],
    [{ terminationGracePeriodSeconds: GRACE_PERIOD_S }, GRACE_PERIOD_S * 1000 - SHUTDOWN_EXIT_MARGIN_MS, SHUTDOWN_TIMING.closeGraceMs],
    [{ terminationGracePeriodSeconds: GRACE_PERIOD_S, closeGraceMs: 1_500 }, GRACE_PERIOD_S * 1000 - SHUTDOWN_EXIT_MARGIN_MS, 1_500],
  ] as const;
  for (const [given, deadline, closeGrace] of cases) {
    const app = await build(given);
    try {
      expect([app.kit.shutdownDeadlineMs, app.kit.closeGraceMs]).toEqual([deadline, closeGrace]);
    } finally {
      await app.close();
    }
  }
});
