/**
 * The login throttle while Redis hangs (a redis-server of this file's own stopped with SIGSTOP: the
 * connection stays open and `ready` for ioredis, nothing answered, until socketTimeout gives it up
 * 3 s later). Once a command timed out on the connection (the kit marks it silent, service-kit
 * redis.ts answersPromptly) a login's steps count in this replica's memory at once, as each step
 * already did after its own command timeout: before, every step (a reservation's script, its
 * give-back) was still sent and waited its commandTimeout (1 s) before counting in memory. What is
 * sent and what the throttle answers, not times.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { isRedisReady, type Kit } from '@tripgen/service-kit';
import { startRedisServer, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLoginAttempts, type LoginAttempts } from '../src/domain/login-attempts.ts';
import { startUserService, type RunningUserService } from './harness.ts';

type Redis = Kit['redis'];

let server: OwnRedisServer;
let replica: RunningUserService;
let redisPid = 0;
let stopped = false;

beforeAll(async () => {
  server = await startRedisServer();
  replica = await startUserService({ env: { REDIS_URL: server.url } });
  await waitFor(() => isRedisReady(replica.app.kit.redis), 'redis ready');
  redisPid = Number(/process_id:(\d+)/.exec(await replica.app.kit.redis.info('server'))![1]);
}, 60_000);
afterAll(async () => {
  if (stopped) process.kill(redisPid, 'SIGCONT');
  await replica?.close();
  await server?.close();
});

/** The commands the client was sent while `act` ran, the kit's PING probes left out. */
const sentDuring = async <T>(redis: Redis, act: () => Promise<T>): Promise<[T, string[]]> => {
  const sent: string[] = [];
  const send = redis.sendCommand;
  redis.sendCommand = (command, stream) => (sent.push(command.name), send.call(redis, command, stream));
  try {
    return [await act(), sent.filter((name) => name !== 'ping')];
  } finally {
    redis.sendCommand = send;
  }
};

const failedLogin = async (throttle: LoginAttempts, key: string) => {
  const admission = await throttle.admit(key, `guesser ${randomUUID()}`);
  if (!admission.admitted) return admission.busy ? 'busy' : 'locked';
  const verdict = await admission.attempt.failed();
  return verdict.refused ? 'refused' : verdict.locked ? 'locked by it' : 'failed';
};

it('counts the logins in memory without sending Redis a step once a command timed out on the hung connection, and still locks the account', async () => {
  const redis = replica.app.kit.redis;
  const throttle = createLoginAttempts({ redis, prefix: `${REDIS_TEST_PREFIX}:login-hang-${randomUUID()}`, hashKey: randomBytes(32), maxFailures: 2, windowMs: 60_000, reservationMs: 5_000 });
  const key = randomUUID();
  // One step on Redis first: the scripts are loaded, as on a replica that has been serving logins.
  expect(await failedLogin(throttle, randomUUID())).toBe('failed');
  // A check admitted on Redis just before the hang, its password checked meanwhile.
  const before = await throttle.admit(randomUUID(), 'traveller');
  if (!before.admitted) throw new Error('not admitted');
  process.kill(redisPid, 'SIGSTOP');
  stopped = true;
  // The first login of the hang waits its command timeout once, then counts in memory.
  expect(await failedLogin(throttle, key)).toBe('failed');
  expect(isRedisReady(redis)).toBe(true);
  // Before: each step's script (EVALSHA) sent, timed out, given back (MULTI ZREM ... EXEC), then counted in memory.
  const [outcomes, sent] = await sentDuring(redis, async () => [await failedLogin(throttle, key), await failedLogin(throttle, key)]);
  expect({ outcomes, sent }).toEqual({ outcomes: ['locked by it', 'locked'], sent: [] });
  expect(throttle.localAccounts()).toBe(1);
  // Its failure counts here at once; only the give-back of its Redis reservation is sent, not waited for.
  // Before: its script (EVALSHA) sent and waited its command timeout first.
  const [verdict, sentForIt] = await sentDuring(redis, () => before.attempt.failed());
  expect({ verdict, sentForIt }).toEqual({ verdict: { refused: false, locked: false }, sentForIt: ['multi', 'zrem', 'zrem', 'zrem', 'exec'] });
  expect(throttle.localAccounts()).toBe(2);
  process.kill(redisPid, 'SIGCONT');
  stopped = false;
  await waitFor(() => isRedisReady(redis), 'Redis answering again', 10_000);
}, 30_000);
