/**
 * An unhandled promise rejection in a service is logged as JSON (fatal, with the error) and the
 * process then drains like on SIGTERM (readiness 503 "draining", answers still served) and exits
 * with code 1, instead of Node's default: a stack on stderr and an immediate exit.
 */
import { HEALTH_PATHS } from '@tripgen/catalog';
import { afterAll, expect, it } from 'vitest';
import type { NodeProcess } from '@tripgen/dev-tools/processes';
import { waitFor } from '@tripgen/testing';
import { logLines, startStandIn } from './stand-in.ts';

let proc: NodeProcess | undefined;
afterAll(async () => proc?.kill());

it('logs an unhandled rejection, drains and exits with code 1', async () => {
  proc = await startStandIn({ SHUTDOWN_DELAY_MS: '5000' });
  const res = await fetch(`${proc.url}/stand-in/trips/careless`);
  expect(await res.json()).toEqual({ answered: true });
  // Draining starts once the rejection is noticed (a busy machine may take a moment).
  const readinessUrl = `${proc.url}${HEALTH_PATHS.readiness}`;
  let readiness = 200;
  await waitFor(async () => (readiness = (await fetch(readinessUrl)).status) !== 200, 'readiness to flip', 4_000, 50);
  expect(readiness).toBe(503);
  expect(await proc.exited).toBe(1);
  const fatal = logLines<{ level: number; msg: string; err?: { message: string } }>(proc).find((l) => l.level === 60);
  expect(fatal).toMatchObject({ msg: 'unhandled promise rejection', err: { message: 'nobody awaited this' } });
});

it('exits 1 when the rejection comes during a SIGTERM drain (the restart shows, the line says what happened)', async () => {
  proc = await startStandIn({ SHUTDOWN_DELAY_MS: '1500' });
  const p = proc;
  p.signal('SIGTERM');
  await waitFor(async () => (await fetch(`${p.url}${HEALTH_PATHS.readiness}`)).status === 503, 'readiness to flip', 4_000, 50);
  // Answered during the drain delay; its rejection is noticed while the drain goes on.
  expect(await (await fetch(`${p.url}/stand-in/trips/careless`)).json()).toEqual({ answered: true });
  expect(await p.exited).toBe(1); // before: 0, and the rejection was logged as 'already draining; signal ignored'
  expect(logLines<{ msg: string }>(p).map((l) => l.msg)).not.toContain('already draining; signal ignored');
});
