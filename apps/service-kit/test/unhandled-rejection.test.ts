/**
 * An unhandled promise rejection in a service is logged as JSON (fatal, with the error) and the
 * process then drains like on SIGTERM (readiness 503 "draining", answers still served) and exits
 * with code 1, instead of Node's default: a stack on stderr and an immediate exit.
 */
import { HEALTH_PATHS, SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { afterAll, expect, it } from 'vitest';
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { adminUrl, redisUrl, waitFor } from '@tripgen/testing';

let proc: NodeProcess | undefined;
afterAll(async () => proc?.kill());

it('logs an unhandled rejection, drains and exits with code 1', async () => {
  proc = await startNodeProcess({
    entry: 'apps/service-kit/test/fixtures/careless-service.ts',
    timeoutMs: 30_000,
    env: {
      PATH: process.env.PATH,
      // A free port the service picks itself and reports in its "Server listening at" line.
      PORT: '0',
      DATABASE_URL: adminUrl(),
      REDIS_URL: redisUrl(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SHUTDOWN_DELAY_MS: '5000',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      // The stand-in is "the trip service", whose contract asks for its bus, the issuer's keys and its peers; it uses none.
      SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
      JWKS_URL: 'http://127.0.0.1:1/jwks.json',
      ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
    },
  });
  const res = await fetch(`${proc.url}/api/v1/trips/careless`);
  expect(await res.json()).toEqual({ answered: true });
  // Draining starts once the rejection is noticed (a busy machine may take a moment).
  const readinessUrl = `${proc.url}${HEALTH_PATHS.readiness}`;
  let readiness = 200;
  await waitFor(async () => (readiness = (await fetch(readinessUrl)).status) !== 200, 'readiness to flip', 4_000, 50);
  expect(readiness).toBe(503);
  expect(await proc.exited).toBe(1);
  const fatal = proc
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message: string } })
    .find((l) => l.level === 60);
  expect(fatal).toMatchObject({ msg: 'unhandled promise rejection', err: { message: 'nobody awaited this' } });
});
