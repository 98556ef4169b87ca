/**
 * The two-level cache on the local Redis, two "replicas" sharing it: an invalidation made while
 * one replica could not reach Redis still reaches L2 and the other replica once Redis is back, and
 * a value loaded while a write invalidated its key is not cached; either way the old value would
 * otherwise live on in L2 for its TTL.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { CACHE_POLICY, REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cacheShapeOf, createTwoLevelCache, l2Key, type TwoLevelCache } from './cache.ts';
import { connectRedis, isRedisReady } from './redis.ts';
import { quietLogger, redisUrl, startRedisServer, waitFor } from '@tripgen/testing';

const connections: Redis[] = [];
const replica = async (namespace: string, shape = '1'): Promise<{ cache: TwoLevelCache; redis: Redis; subscriber: Redis }> => {
  const redis = connectRedis(redisUrl(), quietLogger, 'cache-test');
  const subscriber = connectRedis(redisUrl(), quietLogger, 'cache-test:sub');
  connections.push(redis, subscriber);
  await Promise.all([redis, subscriber].map((r) => new Promise((ok) => (isRedisReady(r) ? ok(undefined) : r.once('ready', ok)))));
  return { cache: await createTwoLevelCache({ namespace, redis, subscriber, shape }), redis, subscriber };
};

let a: Awaited<ReturnType<typeof replica>>;
let b: Awaited<ReturnType<typeof replica>>;
let namespace: string;
beforeAll(async () => {
  namespace = `${REDIS_TEST_PREFIX}:${randomUUID()}`;
  a = await replica(namespace);
  b = await replica(namespace);
});
afterAll(() => connections.forEach((r) => r.disconnect()));

/** A load that reads the stored version, then holds until released: a read made before a write commits. */
const heldLoad = () => {
  const held = {
    stored: 1,
    release: undefined as (() => void) | undefined,
    load: async () => {
      const seen = held.stored;
      await new Promise<void>((r) => (held.release = r));
      return { version: seen };
    },
  };
  return held;
};

/** Cuts a replica's subscriber alone (its commands connection stays up), as a token renewal does. */
const cutSubscriber = async (subscriber: Redis): Promise<void> => {
  const ended = new Promise((r) => subscriber.once('end', r));
  subscriber.disconnect();
  await ended;
};

it('delivers an invalidation made while Redis was unreachable once it is back (L2 and the other replica)', async () => {
  let stored = { version: 1 };
  const load = async () => ({ ...stored });
  expect(await a.cache.get('profile', load)).toEqual({ version: 1 }); // into L2 and a's L1
  expect(await b.cache.get('profile', load)).toEqual({ version: 1 }); // from L2 into b's L1

  const ended = new Promise((r) => a.redis.once('end', r));
  a.redis.disconnect(); // a alone loses Redis (b keeps it, as in a partition)
  await ended;
  stored = { version: 2 };
  await a.cache.invalidate('profile');
  expect(await a.cache.get('profile', load)).toEqual({ version: 2 });

  await a.redis.connect();
  // b hears of it and drops its L1; nobody gets the old value from L2 again.
  await waitFor(async () => (await b.cache.get('profile', load)).version === 2, 'b to serve version 2');
  expect(b.cache.stats.misses).toBe(1);
  expect(await a.cache.get('profile', load)).toEqual({ version: 2 });
});

it('does not cache a value whose load raced an invalidation, here or on another replica', async () => {
  for (const writer of [a, b]) {
    const key = `race-${randomUUID()}`;
    let stored = 1;
    let release!: () => void;
    const slowLoad = async () => {
      const seen = stored; // read before the write commits
      await new Promise<void>((r) => (release = r));
      return { version: seen };
    };
    const loading = a.cache.get(key, slowLoad);
    await waitFor(async () => release !== undefined, 'the load to start');
    stored = 2;
    // An invalidation from b reaches a through pub/sub: wait until a has heard it.
    const heard = new Promise<void>((r) => {
      const listener = (_channel: string, message: string) => {
        if (message !== key) return;
        a.subscriber.off('message', listener);
        r();
      };
      a.subscriber.on('message', listener);
    });
    await writer.cache.invalidate(key);
    await heard;
    release();
    expect(await loading).toEqual({ version: 1 }); // the caller still gets an answer
    const load = async () => ({ version: stored });
    expect(await a.cache.get(key, load)).toEqual({ version: 2 });
    expect(await b.cache.get(key, load)).toEqual({ version: 2 });
  }
});

it('loads a cold key once for everyone asking at the same moment, but never hands a load that began before a write to a caller who asked after it', async () => {
  const key = `cold-${randomUUID()}`;
  let stored = 1;
  let loads = 0;
  const releases: (() => void)[] = [];
  const slowLoad = async () => {
    loads++;
    const seen = stored; // read before the write below commits
    await new Promise<void>((r) => releases.push(r));
    return { version: seen };
  };
  const missed = a.cache.stats.misses;
  const first = Array.from({ length: 20 }, () => a.cache.get(key, slowLoad));
  await waitFor(async () => a.cache.stats.misses - missed === 20, 'all 20 to miss');
  // A write invalidates the key while the load is out: a caller after it loads anew.
  stored = 2;
  await a.cache.invalidate(key);
  const after = a.cache.get(key, async () => ({ version: stored }));
  for (const release of releases.splice(0)) release();
  expect(await Promise.all(first)).toEqual(Array.from({ length: 20 }, () => ({ version: 1 })));
  expect(loads).toBe(1);
  expect(await after).toEqual({ version: 2 });
  expect(await a.cache.get(key, slowLoad)).toEqual({ version: 2 }); // cached, not loaded again
  expect(loads).toBe(1);
});

it('never hands a load that began before its subscriber reconnected to a caller after it, nor caches it (invalidations of the cut were lost)', async () => {
  const c = await replica(namespace);
  const key = `reconnect-${randomUUID()}`;
  const held = heldLoad();
  const before = c.cache.get(key, held.load);
  await waitFor(async () => held.release !== undefined, 'the load to start');
  // c's subscriber is cut while b writes: b's invalidation never reaches c.
  await cutSubscriber(c.subscriber);
  held.stored = 2;
  await b.cache.invalidate(key);
  const ready = new Promise((r) => c.subscriber.once('ready', r));
  await c.subscriber.connect();
  await ready;
  const after = c.cache.get(key, async () => ({ version: held.stored }));
  held.release!();
  expect(await before).toEqual({ version: 1 }); // its caller asked before the write
  expect(await after).toEqual({ version: 2 }); // before: { version: 1 }, the load that predates the write
  expect(await b.cache.get(key, async () => ({ version: -1 }))).toEqual({ version: 2 }); // nor left in L2
  await c.cache.close();
});

it('does not write to L2 a load that ended while its subscriber was cut (an invalidation of the cut was lost): it would outlive the write there by the L2 TTL', async () => {
  // A subscriber alone is cut and reconnected at each Entra token renewal (redis.ts), or once its
  // probe finds it silent: the commands connection stays up meanwhile and writes L2.
  const c = await replica(namespace);
  const key = `cut-${randomUUID()}`;
  const held = heldLoad();
  const before = c.cache.get(key, held.load);
  await waitFor(async () => held.release !== undefined, 'the load to start');
  await cutSubscriber(c.subscriber);
  held.stored = 2;
  await b.cache.invalidate(key); // never heard by c
  held.release!();
  expect(await before).toEqual({ version: 1 }); // its caller asked before the write
  // Before: { version: 1 } from L2, written by c's load after b's write deleted it, for 30 minutes.
  expect(await b.cache.get(key, async () => ({ version: held.stored }))).toEqual({ version: 2 });
  const ready = new Promise((r) => c.subscriber.once('ready', r));
  await c.subscriber.connect();
  await ready;
  expect(await c.cache.get(key, async () => ({ version: -1 }))).toEqual({ version: 2 });
  await c.cache.close();
});

it('peeks at L1 only: nothing before a get, the value after it, nothing once another replica invalidated it', async () => {
  const key = `peek-${randomUUID()}`;
  expect(a.cache.peek(key)).toBeUndefined();
  await b.cache.get(key, async () => ({ version: 1 }));
  expect(a.cache.peek(key)).toBeUndefined(); // in L2, not in a's L1: peek never asks Redis
  await a.cache.get(key, async () => ({ version: 0 }));
  const hits = a.cache.stats.l1Hits;
  expect(a.cache.peek(key)).toEqual({ version: 1 });
  expect(a.cache.stats.l1Hits).toBe(hits + 1);
  await b.cache.invalidate(key);
  await waitFor(async () => a.cache.peek(key) === undefined, 'a to drop its L1 entry');
});

it('keeps two versions of a service apart in L2 during a rollout, and a write by either reaches both', async () => {
  // The same service, version N and N+1 (a field added to the cached value), on one Redis.
  const older = await replica(namespace, '1');
  const newer = await replica(namespace, '2');
  const key = `profile-${randomUUID()}`;
  let stored = { name: 'Ada', pace: 'normal' };
  const loadOld = async () => ({ name: stored.name });
  const loadNew = async () => ({ ...stored });
  expect(await older.cache.get(key, loadOld)).toEqual({ name: 'Ada' }); // into L2 under shape 1
  // N+1 never serves N's value as its own (its field would be missing for the L2 TTL), nor N N+1's.
  expect(await newer.cache.get(key, loadNew)).toEqual({ name: 'Ada', pace: 'normal' });
  expect(newer.cache.stats.misses).toBe(1);
  const stranger = await replica(namespace, '1');
  expect(await stranger.cache.get(key, loadOld)).toEqual({ name: 'Ada' });
  expect(stranger.cache.stats.l2Hits).toBe(1); // its own version's value, from L2

  // A write through N+1 invalidates N's L2 entry too (and the reverse): nobody serves the old name.
  for (const [writer, name] of [[newer, 'Grace'], [older, 'Edsger']] as const) {
    stored = { name, pace: 'packed' };
    await writer.cache.invalidate(key);
    await waitFor(async () => (await stranger.cache.get(key, loadOld)).name === name, `version 1 to serve ${name}`);
    await waitFor(async () => (await newer.cache.get(key, loadNew)).name === name, `version 2 to serve ${name}`);
  }
  // A value cached by a version from before shapes (unshaped key) is deleted by a write as well.
  await older.redis.set(`${namespace}:cache:${key}`, JSON.stringify({ name: 'stale' }));
  await newer.cache.invalidate(key);
  expect(await older.redis.exists(`${namespace}:cache:${key}`)).toBe(0);
});

it('names its L2 keys so that one pattern finds the entries of every version (what a tool clearing them scans for)', async () => {
  const ns = `${REDIS_TEST_PREFIX}:${randomUUID()}`;
  const [one, two] = [await replica(ns, '1'), await replica(ns, 'x7')];
  await one.cache.get('search:1', async () => ({ v: 1 }));
  await two.cache.get('search:2', async () => ({ v: 2 }));
  await two.cache.get('place:3', async () => ({ v: 3 }));
  expect((await one.redis.keys(l2Key(ns, '*', 'search:*'))).sort()).toEqual([l2Key(ns, '1', 'search:1'), l2Key(ns, 'x7', 'search:2')]);
  expect(await one.redis.get(`${ns}:cache@x7:search:2`)).toBe('{"v":2}');
  await one.redis.del(...(await one.redis.keys(`${ns}:*`)));
});

it('derives a new cache shape from any change of the cached values’ schema', () => {
  const profile = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] };
  const withPace = { ...profile, properties: { ...profile.properties, pace: { type: 'string' } } };
  const optional = { ...profile, required: [] };
  const shapes = new Set([cacheShapeOf(profile), cacheShapeOf(withPace), cacheShapeOf(optional)]);
  expect(shapes.size).toBe(3);
  expect(cacheShapeOf(structuredClone(profile))).toBe(cacheShapeOf(profile)); // the same on every replica
});

it('keeps at most CACHE_POLICY.l1.maxJsonChars of values in L1, from loads and from L2 alike, however few the entries', async () => {
  // OWASP API Security Top 10 2023, API4 "Unrestricted Resource Consumption": bounded by a count
  // alone, L1 held 1,000 of the location service's 14-day candidate areas (~340,000 characters of
  // JSON, 1.3 MB of heap each; one created trip warms one), some 1.3 GB in a 512 MiB pod.
  const ns = `${REDIS_TEST_PREFIX}:${randomUUID()}`;
  const pair = async () => {
    const redis = connectRedis(redisUrl(), quietLogger, 'cache-test');
    const subscriber = connectRedis(redisUrl(), quietLogger, 'cache-test:sub');
    connections.push(redis, subscriber);
    await Promise.all([redis, subscriber].map((r) => new Promise((ok) => (isRedisReady(r) ? ok(undefined) : r.once('ready', ok)))));
    // A short L2 TTL: the test's megabytes leave the shared Redis soon.
    return createTwoLevelCache({ namespace: ns, redis, subscriber, shape: '1', l2TtlSeconds: 30 });
  };
  const [loader, reader] = [await pair(), await pair()];
  const chars = 2 ** 20;
  const keys = Array.from({ length: Math.ceil((2 * CACHE_POLICY.l1.maxJsonChars) / chars) }, (_, i) => `area-${i}`);
  const held = (cache: TwoLevelCache) => keys.filter((k) => cache.peek(k) !== undefined);
  const heldChars = (cache: TwoLevelCache) => held(cache).reduce((n, k) => n + JSON.stringify(cache.peek(k)).length, 0);

  for (const [i, key] of keys.entries()) await loader.get(key, async () => ({ i, text: 'x'.repeat(chars) }));
  for (const key of keys) await reader.get(key, async () => ({ text: 'not from L2' }));
  expect(reader.stats.l2Hits).toBe(keys.length);
  for (const cache of [loader, reader]) {
    expect(heldChars(cache)).toBeLessThanOrEqual(CACHE_POLICY.l1.maxJsonChars);
    expect(held(cache)).toContain(keys.at(-1)); // the newest stay (least recently used go first)
    expect(held(cache).length).toBeGreaterThanOrEqual(CACHE_POLICY.l1.maxJsonChars / chars / 2);
  }
  await Promise.all([loader.close(), reader.close()]);
});

it('keeps a value for its own L2 TTL when the caller gives one, and for the default otherwise', async () => {
  const [long, usual] = [`ttl-long-${randomUUID()}`, `ttl-usual-${randomUUID()}`];
  await a.cache.get(long, async () => ({ v: 1 }), { l2TtlSeconds: 86_400 });
  await a.cache.get(usual, async () => ({ v: 1 }));
  const ttl = (key: string) => a.redis.ttl(`${namespace}:cache@1:${key}`);
  expect(await ttl(long)).toBeGreaterThan(86_400 - 5);
  expect(await ttl(usual)).toBeLessThanOrEqual(CACHE_POLICY.l2.ttlSeconds);
  expect(await ttl(usual)).toBeGreaterThan(CACHE_POLICY.l2.ttlSeconds - 5);
  // Read back through L2 by the other replica: the same value, whatever TTL it was kept for.
  expect(await b.cache.get(long, async () => ({ v: 2 }))).toEqual({ v: 1 });
});

it('keeps a value for the L2 TTL its caller picks by what was loaded', async () => {
  const [answered, refused] = [`ttl-answered-${randomUUID()}`, `ttl-refused-${randomUUID()}`];
  const byValue = { l2TtlSeconds: (v: { refused?: boolean }) => (v.refused ? 3_600 : 86_400) };
  await a.cache.get(answered, async () => ({ refused: false }), byValue);
  await a.cache.get(refused, async () => ({ refused: true }), byValue);
  const ttl = (key: string) => a.redis.ttl(`${namespace}:cache@1:${key}`);
  expect(await ttl(answered)).toBeGreaterThan(86_400 - 5);
  expect(await ttl(refused)).toBeLessThanOrEqual(3_600);
  expect(await ttl(refused)).toBeGreaterThan(3_600 - 5);
});

it('keeps a value read from Redis in L1 no longer than Redis keeps it: one read near the end of its Redis life is not served from memory after Redis dropped it', async () => {
  // A value's own TTL is its whole lifetime: read with 2 s left of it, L1 kept it min(L1 TTL, that
  // lifetime) = 5 minutes. Each key: written by replica a, then aged in Redis to its last 2 s
  // (PEXPIRE, as if written TTL - 2 s ago), then read by replica b.
  for (const options of [{ l2TtlSeconds: 3_600 }, undefined]) {
    const key = `ttl-left-${randomUUID()}`;
    const inRedis = `${namespace}:cache@1:${key}`;
    await a.cache.get(key, async () => ({ v: 1 }), options);
    expect(await a.redis.pexpire(inRedis, 2_000)).toBe(1);
    expect(await b.cache.get(key, async () => ({ v: 'not from L2' }), options)).toEqual({ v: 1 });
    expect(b.cache.peek(key)).toEqual({ v: 1 }); // kept in b's L1 meanwhile
    await waitFor(async () => (await a.redis.exists(inRedis)) === 0, 'Redis to drop the value', 5_000);
    expect(b.cache.peek(key)).toBeUndefined();
    expect(await b.cache.get(key, async () => ({ v: 2 }), options)).toEqual({ v: 2 });
  }
});

/**
 * Redis's MONITOR on a socket of its own, each command heard as (client address, command name, the
 * whole line: its arguments).
 * Not ioredis's monitor(): it takes a command heard in the same read as MONITOR's +OK for a reply to
 * nothing ('Command queue state error', the test failing): on the stack's Redis, which every test
 * process shares and MONITOR hears all of, 16 of 20 monitor() starts failed while one other client
 * sent PINGs.
 */
const monitorRedis = async (onCommand: (source: string, name: string, line: string) => void): Promise<Socket> => {
  const { hostname, port } = new URL(redisUrl());
  const socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  let rest = '';
  let started!: () => void;
  const ok = new Promise<void>((resolve) => (started = resolve));
  socket.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\r\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (line === '+OK') started();
      // +1796645791.065567 [0 127.0.0.1:33934] "get" "key"
      const heard = /^\+\d+\.\d+ \[\d+ ([^\]]+)\] "([^"]+)"/.exec(line);
      if (heard) onCommand(heard[1]!, heard[2]!.toLowerCase(), line);
    }
  });
  socket.write('MONITOR\r\n');
  await ok;
  return socket;
};

it('answers an L1 hit without a Redis command; an L1 miss reads the value and its time left in one MULTI', async () => {
  const key = `hot-${randomUUID()}`;
  await a.cache.get(key, async () => ({ v: 1 }));
  // Other clients' commands meanwhile, as the other test processes send on the shared Redis.
  const busy = connectRedis(redisUrl(), quietLogger, 'cache-test:busy');
  connections.push(busy);
  let stop = false;
  const traffic = (async () => {
    while (!stop && isRedisReady(busy)) await busy.ping().catch(() => undefined);
  })();
  // What b's own connection sends, as Redis's MONITOR sees it (by b's client address).
  const from = `${b.redis.stream.localAddress}:${b.redis.stream.localPort}`;
  const sent: { name: string; line: string }[] = [];
  const monitor = await monitorRedis((source, name, line) => {
    if (source === from) sent.push({ name, line });
  });
  // Every command b sends is heard once the marker that follows it is. Not b's PINGs: the kit probes
  // each connection every REDIS_PROBE_EVERY_MS (redis.ts), not the cache, and a probe fell between
  // the markers or right after one (9 of 400 rounds of this case under load: a 'ping' among the
  // commands, or the marker never the last command heard).
  const sentUntilMarker = async () => {
    const marker = `marker-${randomUUID()}`;
    await b.redis.echo(marker);
    const at = () => sent.findIndex(({ name, line }) => name === 'echo' && line.includes(marker));
    await waitFor(() => at() >= 0, 'the marker');
    return sent
      .splice(0, at() + 1)
      .slice(0, -1)
      .map(({ name }) => name)
      .filter((name) => name !== 'ping');
  };
  await sentUntilMarker();
  expect(await b.cache.get(key, async () => ({ v: 2 }))).toEqual({ v: 1 });
  expect(await sentUntilMarker()).toEqual(['multi', 'get', 'pttl', 'exec']);
  expect(await b.cache.get(key, async () => ({ v: 2 }))).toEqual({ v: 1 });
  expect(b.cache.peek(key)).toEqual({ v: 1 });
  expect(await sentUntilMarker()).toEqual([]);
  stop = true;
  await traffic;
  monitor.destroy();
});

/** A relay to Redis that can hold Redis's answers while the requests still reach it: a reply late on its way back (a retransmitted segment, a paused reader). */
const lateReplies = async () => {
  const target = new URL(redisUrl());
  let holding = false;
  const held: Buffer[] = [];
  const sockets = new Set<Socket>();
  let toClient: Socket | undefined;
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) sockets.add(s.on('error', () => undefined));
    toClient = client;
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => (holding ? held.push(chunk) : client.write(chunk)));
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: url.toString(),
    hold: () => void (holding = true),
    heldText: () => Buffer.concat(held).toString(),
    release: () => {
      holding = false;
      toClient?.write(Buffer.concat(held.splice(0)));
    },
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
};

/** A replica whose commands reach Redis through `lateReplies` (its subscriber directly). */
const lateReplica = async (options: { l1TtlMs?: number } = {}) => {
  const relay = await lateReplies();
  const redis = connectRedis(relay.url, quietLogger, 'cache-test:late');
  const subscriber = connectRedis(redisUrl(), quietLogger, 'cache-test:sub');
  connections.push(redis, subscriber);
  await Promise.all([redis, subscriber].map((r) => new Promise((ok) => (isRedisReady(r) ? ok(undefined) : r.once('ready', ok)))));
  const c = await createTwoLevelCache({ namespace, redis, subscriber, shape: '1', ...options });
  return { relay, redis, subscriber, c };
};

it("does not keep in L1 a value read from Redis before another replica's write whose invalidation it heard while the reply was on its way", async () => {
  const { relay, subscriber, c } = await lateReplica();
  try {
    const key = `late-${randomUUID()}`;
    let stored = 1;
    const load = async () => ({ version: stored });
    await a.cache.get(key, load);
    relay.hold();
    const reading = c.get(key, load);
    // Redis has answered c (version 1), the answer not yet delivered.
    await waitFor(() => relay.heldText().includes('"version":1'), "Redis's answer to c");
    const heard = new Promise((resolve) => subscriber.once('message', resolve)); // after the cache's own listener
    stored = 2;
    await a.cache.invalidate(key);
    await heard;
    relay.release();
    expect(await reading).toEqual({ version: 1 }); // read before the write: served once
    // Not kept: c's next read is the write's (before: version 1 from L1, for up to its 5 minutes).
    expect(c.peek(key)).toBeUndefined();
    expect(await c.get(key, load)).toEqual({ version: 2 });
  } finally {
    await c.close();
    await relay.close();
  }
});

it('keeps what it read or loaded while another key, not its own, was invalidated (one traveller’s write does not stop the caching of the others’)', async () => {
  const { relay, subscriber, c } = await lateReplica();
  /** Another replica's write of another key, heard by c. */
  const writeElsewhere = async () => {
    const heard = new Promise((resolve) => subscriber.once('message', resolve)); // after the cache's own listener
    await a.cache.invalidate(`elsewhere-${randomUUID()}`);
    await heard;
  };
  try {
    // A read from L2 whose reply comes after the other key's invalidation.
    const [read, loaded] = [`read-${randomUUID()}`, `loaded-${randomUUID()}`];
    await a.cache.get(read, async () => ({ v: 1 }));
    relay.hold();
    const reading = c.get(read, async () => ({ v: 'not from L2' }));
    await waitFor(() => relay.heldText().includes('"v":1'), "Redis's answer to c");
    await writeElsewhere();
    relay.release();
    expect(await reading).toEqual({ v: 1 });
    expect(c.peek(read)).toEqual({ v: 1 }); // before: undefined, read from Redis again at each request

    // A load during which another key was invalidated, here and on another replica: kept in L1 and
    // L2, and shared with a caller who asked after it.
    let loads = 0;
    const releases: (() => void)[] = [];
    const slowLoad = async () => {
      loads++;
      await new Promise<void>((r) => releases.push(r));
      return { v: 1 };
    };
    const missed = c.stats.misses;
    const first = c.get(loaded, slowLoad);
    await waitFor(async () => releases.length === 1, 'the load to start');
    await writeElsewhere();
    await c.invalidate(`elsewhere-${randomUUID()}`);
    const second = c.get(loaded, slowLoad);
    await waitFor(async () => c.stats.misses - missed === 2, 'the second caller to miss'); // and to load, if it does not share
    releases[0]!();
    expect(await first).toEqual({ v: 1 });
    expect(c.peek(loaded)).toEqual({ v: 1 }); // before: undefined
    expect(await b.cache.get(loaded, async () => ({ v: 'not from L2' }))).toEqual({ v: 1 });
    releases.splice(0).forEach((release) => release());
    expect(await second).toEqual({ v: 1 });
    expect(loads).toBe(1); // before: 2, the second caller did not share the load
  } finally {
    await c.close();
    await relay.close();
  }
});

it('sends an invalidation that timed out again once Redis answers on the same connection: the key does not skip L2 until a reconnect', async () => {
  // A pause shorter than socketTimeout (a fork, a busy Redis): the invalidation's replies come after
  // its commandTimeout, the connection stays ready, no 'ready' ever resends it.
  // No L1 to speak of: each get asks L2 (or skips it).
  const { relay, redis, c } = await lateReplica({ l1TtlMs: 1 });
  try {
    const key = `paused-${randomUUID()}`;
    let stored = 1;
    const load = async () => ({ version: stored });
    await a.cache.get(key, load);
    relay.hold();
    stored = 2;
    await c.invalidate(key); // its replies held past the command timeout: not known to be sent
    relay.release();
    expect(isRedisReady(redis)).toBe(true);
    const inL2 = () => a.redis.get(l2Key(namespace, '1', key));
    await waitFor(async () => (await inL2()) === null, 'the late invalidation applied in Redis');
    // Before: never (the key skipped L2, read and write, until the connection was dropped).
    await waitFor(async () => (await c.get(key, load), (await inL2()) === '{"version":2}'), "c's load in L2 again", 5_000);
  } finally {
    await c.close();
    await relay.close();
  }
});

it('reaches every replica and L2 with an invalidation on a clustered Redis, where the keys of one transaction must share a hash slot (Azure Managed Redis)', async () => {
  // Azure Managed Redis is clustered, also under its Enterprise policy (one endpoint, a proxy in front
  // of the shards): a MULTI/EXEC whose keys are in two slots is refused with CROSSSLOT (redis.io
  // "Multi-key operations", Pipelines, transactions, and scripts). A cluster of one node applies the
  // same rule locally.
  const server = await startRedisServer({ cluster: true });
  const replicaOn = async () => {
    const redis = connectRedis(server.url, quietLogger, 'cache-test:cluster');
    const subscriber = connectRedis(server.url, quietLogger, 'cache-test:cluster:sub');
    connections.push(redis, subscriber);
    await Promise.all([redis, subscriber].map((r) => new Promise((ok) => (isRedisReady(r) ? ok(undefined) : r.once('ready', ok)))));
    return { cache: await createTwoLevelCache({ namespace, redis, subscriber, shape: '1' }), redis, subscriber };
  };
  const [writer, reader] = [await replicaOn(), await replicaOn()];
  try {
    const key = `clustered-${randomUUID()}`;
    let stored = 1;
    const load = async () => ({ version: stored });
    expect(await writer.cache.get(key, load)).toEqual({ version: 1 });
    expect(await reader.cache.get(key, load)).toEqual({ version: 1 }); // from L2 (MULTI GET PTTL: one key, one slot)
    expect(reader.cache.stats.l2Hits).toBe(1);
    let heard = false;
    reader.subscriber.once('message', () => (heard = true));
    stored = 2;
    await writer.cache.invalidate(key);
    // Before: never (the invalidation's MULTI was refused, CROSSSLOT then EXECABORT), and the key kept in L2.
    await waitFor(() => heard, "the reader to hear the writer's invalidation", 3_000);
    expect(await reader.redis.exists(l2Key(namespace, '1', key))).toBe(0);
    expect(await reader.cache.get(key, load)).toEqual({ version: 2 });
    expect(await writer.cache.get(key, load)).toEqual({ version: 2 });
  } finally {
    await Promise.all([writer.cache.close(), reader.cache.close()]);
    writer.redis.disconnect();
    reader.redis.disconnect();
    writer.subscriber.disconnect();
    reader.subscriber.disconnect();
    await server.close();
  }
});
