/**
 * A request still running when the close grace ends (SHUTDOWN_TIMING.closeGraceMs after the drain
 * delay) is cut, and the process says so: the cut request never reaches its "request completed"
 * line (measured: a 20 s request cut at 15 s, exit 0, no line about it). A shorter one is answered.
 */
import { SERVICES, SHUTDOWN_TIMING, serviceUrlVariable } from '@tripgen/catalog';
import { afterAll, expect, it } from 'vitest';
import { startNodeProcess, type NodeProcess } from '@tripgen/dev-tools/processes';
import { adminUrl, redisUrl } from '@tripgen/testing';

let proc: NodeProcess | undefined;
afterAll(async () => proc?.kill());

it('answers what ends within the close grace, cuts what does not and logs the cut', { timeout: 60_000 }, async () => {
  proc = await startNodeProcess({
    entry: 'apps/service-kit/test/fixtures/slow-service.ts',
    timeoutMs: 30_000,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATABASE_URL: adminUrl(),
      REDIS_URL: redisUrl(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SHUTDOWN_DELAY_MS: '0',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
      JWKS_URL: 'http://127.0.0.1:1/jwks.json',
      ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
    },
  });
  const p = proc;
  const call = (ms: number) => fetch(`${p.url}/api/v1/trips/slow?ms=${ms}`).then((r) => r.status, () => 'cut' as const);
  const short = call(1_000);
  const long = call(SHUTDOWN_TIMING.closeGraceMs + 10_000);
  await new Promise((r) => setTimeout(r, 300));
  p.signal('SIGTERM');
  expect(await short).toBe(200);
  expect(await long).toBe('cut');
  expect(await p.exited).toBe(0);
  const cut = p
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; open?: number })
    .find((l) => l.msg === 'connections still open after the close grace; cut');
  expect(cut).toMatchObject({ level: 40, open: 1 });
});
