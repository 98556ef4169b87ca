/**
 * A subscriber connection's reconnect cut short. ioredis resubscribed from inside its ready handler
 * (autoResubscribe), with no catch: a connection closed between its ready check and that rejected the
 * SUBSCRIBE unhandled, "Stream isn't writeable and enableOfflineQueue options is false", which in a
 * service drains it and exits 1 (server.ts). A CI run exited 1 on it, every test passed: the other
 * pods of apps/user-service/test/revocation-outage.test.ts, duplicates of a kit connection, closed
 * while reconnecting (the kit's own connections were spared only because watchSilence, redis.ts,
 * happens to handle every command's promise). Now no connection of the kit resubscribes by itself; each owner of a
 * subscription does on 'ready', its failure handled, and none is lost across reconnects. Real Redis
 * behind a TCP relay that holds the answer to one request of the handshake (AUTH, CLIENT SETNAME, the
 * ready check's INFO: ioredis's other background commands, each handled), so the client acts in that
 * window every time.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as ioTurn } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cacheChannel, REDIS_TEST_PREFIX, SESSION_REVOCATIONS, TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { quietLogger, redisUrl, startRedisServer, startTcpRelay, waitFor, type OwnRedisServer, type TcpRelay } from '@tripgen/testing';
import { createTokenRevocations } from './auth/revocations.ts';
import { createTwoLevelCache } from './cache.ts';
import { connectRedis, isRedisReady } from './redis.ts';
import { keepSubscribed } from './redis-subscription.ts';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
/** A server of this file's own asking for a password, so that each handshake begins with AUTH. */
let server: OwnRedisServer;
let withPassword: string;
beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  server = await startRedisServer();
  const admin = connectRedis(server.url, quietLogger, 'resubscribe-test:admin');
  try {
    await waitFor(() => isRedisReady(admin), 'the own server answering');
    await admin.config('SET', 'requirepass', 'resubscribe-test');
  } finally {
    admin.disconnect();
  }
  withPassword = server.url.replace('redis://', 'redis://:resubscribe-test@');
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await server?.close();
});

const closing: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

const relayed = async (target: string): Promise<TcpRelay> => {
  const relay = await startTcpRelay({ target });
  closing.push(() => relay.close());
  return relay;
};
/** A request as a Redis client writes it (RESP): the bulk string of its name. */
const resp = (word: string) => `$${word.length}\r\n${word}\r\n`;
/** The channels each connection named `name` listens on, as Redis counts them (CLIENT LIST's `sub`), one number a connection. */
const subscriptionsOf = async (redis: Redis, name: string): Promise<number[]> => {
  const list = (await redis.call('CLIENT', 'LIST')) as string;
  return list
    .split('\n')
    .filter((line) => line.includes(` name=${name} `))
    .map((line) => Number(/ sub=(\d+)/.exec(line)?.[1]));
};

const clients = {
  "the kit's subscriber": (url: string) => connectRedis(url, quietLogger, 'resubscribe-test:sub', undefined, 'subscriber'),
  // What the services' tests make another pod's connections of (revocation-outage.test.ts, redis-restart.test.ts).
  'a duplicate of a kit connection': (url: string) => {
    const kit = connectRedis(url, quietLogger, 'resubscribe-test');
    closing.push(() => kit.disconnect());
    return kit.duplicate().on('error', () => undefined);
  },
};
const handshake = {
  AUTH: resp('auth'),
  'CLIENT SETNAME': resp('setname'),
  'INFO (the ready check)': resp('info'),
};

for (const [client, connect] of Object.entries(clients)) {
  for (const [step, request] of Object.entries(handshake)) {
    it(`${client}, subscribed, closed while its reconnect waits for the answer to ${step}: nothing rejected unhandled`, async () => {
      const relay = await relayed(withPassword);
      const subscriber = connect(relay.via(withPassword));
      closing.push(() => subscriber.disconnect());
      await waitFor(() => isRedisReady(subscriber), 'the subscriber connected');
      const channel = `${REDIS_TEST_PREFIX}:resubscribe:${randomUUID()}`;
      await subscriber.subscribe(channel);
      rejections.length = 0;

      const held = relay.holdAnswerTo(request);
      subscriber.disconnect(true);
      await held;
      // The pod closing (its shutdown, a test's afterAll) while the reconnect waits on Redis.
      subscriber.disconnect();
      relay.mend();
      await waitFor(() => subscriber.status === 'end', 'the connection closed');
      // An unhandled rejection is reported once the microtasks after it ran: a few turns of the loop.
      for (let turn = 0; turn < 10; turn++) await ioTurn();
      // Before, for the duplicate at the ready check: [ "Error: Stream isn't writeable and enableOfflineQueue options is false" ].
      expect(rejections.map(String)).toEqual([]);
    });
  }
}

it('every owner of a subscription on the kit subscriber hears what is published after a double reconnect, the second cutting the first resubscription short', async () => {
  const relay = await relayed(redisUrl());
  const redis = connectRedis(redisUrl(), quietLogger, 'resubscribe-test');
  // A name of its own: Redis counts the subscriptions of this connection alone, not of one it has not closed yet.
  const name = `resubscribe-test:sub:${randomUUID()}`;
  const subscriber = connectRedis(relay.via(redisUrl()), quietLogger, name, undefined, 'subscriber');
  closing.push(() => (redis.disconnect(), subscriber.disconnect()));
  await waitFor(() => isRedisReady(redis) && isRedisReady(subscriber), 'redis ready');

  // The three owners: the cache's invalidations, the revocations (accounts and sessions), kit.subscribe.
  const namespace = `${REDIS_TEST_PREFIX}:${randomUUID()}`;
  const cache = await createTwoLevelCache({ namespace, shape: '1', redis, subscriber });
  const names = {
    key: `${TOKEN_REVOCATIONS.key}:test:${randomUUID()}`,
    channel: `${TOKEN_REVOCATIONS.channel}:test:${randomUUID()}`,
    sessions: { key: `${SESSION_REVOCATIONS.key}:test:${randomUUID()}`, channel: `${SESSION_REVOCATIONS.channel}:test:${randomUUID()}` },
  };
  const revocations = createTokenRevocations({ redis, subscriber, names, onError: () => undefined });
  closing.push(() => (revocations.close(), cache.close()));
  const own = `${REDIS_TEST_PREFIX}:resubscribe:${randomUUID()}`;
  const heard: string[] = [];
  keepSubscribed(subscriber, own, (message) => heard.push(message));
  // Four channels: the cache's, the accounts' and the sessions' revocations, kit.subscribe's.
  const subscribedOnce = async () => isRedisReady(subscriber) && (await subscriptionsOf(redis, name)).join() === '4';
  await waitFor(subscribedOnce, 'every owner subscribed');
  rejections.length = 0;

  // Dropped, and dropped again while the reconnect's first SUBSCRIBE waits for its answer.
  const held = relay.holdAnswerTo(resp('subscribe'));
  relay.cut();
  relay.mend();
  await held;
  relay.cut();
  relay.mend();
  await waitFor(subscribedOnce, 'every owner subscribed again, on one connection', 15_000);

  const key = `resubscribe-${randomUUID()}`;
  expect(await cache.get(key, async () => ({ loaded: true }))).toEqual({ loaded: true });
  expect(cache.peek(key)).toEqual({ loaded: true });
  const account = randomUUID();
  const session = randomUUID();
  const at = Date.now();
  await redis.publish(cacheChannel(namespace), key);
  await redis.publish(names.channel, `${account} ${at}`);
  await redis.publish(names.sessions.channel, `${session} ${at}`);
  await redis.publish(own, 'after the double reconnect');
  await waitFor(
    () => cache.peek(key) === undefined && revocations.revokedBefore(account) === at && revocations.sessionRevokedAt(session) === at && heard.includes('after the double reconnect'),
    'each owner heard its message',
    5_000,
  );
  expect(rejections.map(String)).toEqual([]);
});
