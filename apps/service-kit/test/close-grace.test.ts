/**
 * A request still running when the close grace ends (kit.closeGraceMs after the drain delay) is cut,
 * and the process says so: the cut request never reaches its "request completed" line (measured: a
 * 20 s request cut at 15 s, exit 0, no line about it). A shorter one is answered. The stand-in's
 * close grace is CLOSE_GRACE_MS, not the pods' 10 s (createApp's shutdownTiming): the same steps,
 * 7 s less waited.
 */
import { afterAll, expect, it } from 'vitest';
import type { NodeProcess } from '@tripgen/dev-tools/processes';
import { logLines, startStandIn } from './stand-in.ts';

/** The stand-in's close grace: the short request (SHORT_MS, sent 300 ms before the SIGTERM) ends well within it, on a loaded machine too. */
const CLOSE_GRACE_MS = 3_000;
const SHORT_MS = 1_000;

let proc: NodeProcess | undefined;
afterAll(async () => proc?.kill());

it('answers what ends within the close grace, cuts what does not and logs the cut', { timeout: 60_000 }, async () => {
  proc = await startStandIn({ SHUTDOWN_DELAY_MS: '0', STAND_IN_CLOSE_GRACE_MS: String(CLOSE_GRACE_MS) });
  const p = proc;
  const call = (ms: number) => fetch(`${p.url}/stand-in/trips/slow?ms=${ms}`).then((r) => r.status, () => 'cut' as const);
  const short = call(SHORT_MS);
  const long = call(CLOSE_GRACE_MS + 10_000);
  await new Promise((r) => setTimeout(r, 300));
  p.signal('SIGTERM');
  expect(await short).toBe(200);
  expect(await long).toBe('cut');
  expect(await p.exited).toBe(0);
  const cut = logLines<{ level: number; msg: string; open?: number }>(p).find((l) => l.msg === 'connections still open after the close grace; cut');
  expect(cut).toMatchObject({ level: 40, open: 1, closeGraceMs: CLOSE_GRACE_MS });
});
