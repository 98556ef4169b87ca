/**
 * startMonitor on the local Redis while another client floods it (as the suite's other files and
 * processes do): every start succeeds and sees the caller's own commands, and no error comes after.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { afterAll, expect, it } from 'vitest';
import { redisUrl } from './redis.ts';
import { startMonitor } from './redis-monitor.ts';
import { waitFor } from './wait.ts';

const redis = new Redis(redisUrl());
const flooder = new Redis(redisUrl());
afterAll(() => {
  redis.disconnect();
  flooder.disconnect();
});

it('starts a MONITOR connection while other clients flood the server, and hears the caller own commands', async () => {
  // Before, the tests called ioredis's monitor() (login-throttle's three, revocations'): under the
  // suite's load it failed with 'Command queue state error' (2 of 2 runs of login-throttle.test.ts
  // side by side); here, with the flood, the first start failed that way (2 of 2 runs).
  const key = `${REDIS_TEST_PREFIX}:monitor-flood-${randomUUID()}`;
  let flooding = true;
  const flood = (async () => {
    while (flooding) await Promise.all(Array.from({ length: 50 }, () => flooder.incr(key)));
  })();
  const errors: string[] = [];
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => void uncaught.push(err);
  process.on('uncaughtException', onUncaught);
  try {
    for (let i = 0; i < 20; i++) {
      const monitor = await startMonitor(redis, errors);
      const mark = randomUUID();
      let heard = false;
      monitor.on('monitor', (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() === 'echo' && args[1] === mark) heard = true;
      });
      await redis.echo(mark);
      await waitFor(() => heard, 'its own command heard');
      monitor.disconnect();
    }
  } finally {
    flooding = false;
    await flood;
    process.off('uncaughtException', onUncaught);
    await redis.del(key);
  }
  expect([errors, uncaught.map(String)]).toEqual([[], []]);
}, 60_000);
