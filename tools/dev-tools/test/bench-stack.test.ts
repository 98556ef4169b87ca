/**
 * The benchmarks' services as startBenchStack starts them: a real service process on its own
 * scratch database with the benchmarks' settings (in its environment, and seen in what it does),
 * everything gone after stop, and nothing left behind by a start that fails.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { AUTH_PATHS, HEALTH_PATHS } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { BENCH_ENVIRONMENT, startBenchStack } from '../src/bench-stack.ts';
import { adminUrl, ensureStack } from '../src/local-stack.ts';

const benchDatabases = async (): Promise<string[]> => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return (await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_user\\_%' ORDER BY 1")).rows.map((r: { datname: string }) => r.datname);
  } finally {
    await client.end();
  }
};

it('starts a service with the benchmarks\' settings on a scratch database, and stop removes it all', async () => {
  ensureStack();
  const before = await benchDatabases();
  // A variable of the trip service's contract, and one no contract lists (an allocator experiment's kind).
  const stack = await startBenchStack(['user'], { env: { SCHEDULE_RATE_LIMIT_MAX: '5' }, rawEnv: { BENCH_STACK_PROBE: 'raw' }, onLine: () => {} });
  let stopped = false;
  try {
    const user = stack.service('user');
    expect(stack.services.map((p) => p.name)).toEqual(['user']);
    expect(() => stack.service('trip')).toThrow(/the trip service was not started/);
    const environ = readFileSync(`/proc/${user.child.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain('BENCH_STACK_PROBE=raw');
    expect(environ).toContain(`RATE_LIMIT_MAX=${BENCH_ENVIRONMENT.RATE_LIMIT_MAX}`);
    expect(environ.filter((v) => v.startsWith('SCHEDULE_RATE_LIMIT_MAX='))).toEqual([]);
    const db = stack.database('user').name;
    expect(await benchDatabases()).toEqual([...before, db].sort());

    const post = (path: string, body: unknown) => fetch(`${user.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const credentials = { email: 'bench-stack@example.com', password: 'benchmark-password', name: 'Bench' };
    expect((await post(AUTH_PATHS.register, credentials)).status).toBe(201);
    const { accessToken } = (await (await post(AUTH_PATHS.login, { email: credentials.email, password: credentials.password })).json()) as { accessToken: string };
    // The catalog allows a user 100 requests a minute; BENCH_ENVIRONMENT lifts that.
    expect(Number(BENCH_ENVIRONMENT.RATE_LIMIT_MAX)).toBeGreaterThan(150);
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) statuses.add((await fetch(`${user.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status);
    expect([...statuses]).toEqual([200]);

    let extraStopped = false;
    stack.onStop(async () => {
      // Handed-over cleanups run first, while the services still answer.
      expect((await fetch(`${user.url}${HEALTH_PATHS.liveness}`)).ok).toBe(true);
      extraStopped = true;
    });
    await stack.stop();
    stopped = true;
    expect(extraStopped).toBe(true);
    expect(user.child.exitCode !== null || user.child.signalCode !== null).toBe(true);
    expect(await benchDatabases()).toEqual(before);
  } finally {
    if (!stopped) await stack.stop();
  }
});

it('undoes what it started when a service does not come up', async () => {
  ensureStack();
  const before = await benchDatabases();
  // The kit refuses a PORT that is no port, so the process exits before it answers.
  await expect(startBenchStack(['user'], { env: { PORT: 'none' }, onLine: () => {} })).rejects.toThrow(/exited with 1 before answering/);
  expect(await benchDatabases()).toEqual(before);
});

it('refuses a service without the services it calls or its token issuer, before it starts anything', async () => {
  await expect(startBenchStack(['trip', 'user'])).rejects.toThrow('the trip service needs location, ai started in the same benchmark');
  await expect(startBenchStack(['location'])).rejects.toThrow('the location service needs user started in the same benchmark');
});
