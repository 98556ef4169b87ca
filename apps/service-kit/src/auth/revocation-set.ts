/**
 * One set of revocations shared by every replica through Redis (revocations.ts has two: the accounts'
 * and the sessions'): member -> instant (ms), kept in a Redis sorted set and published on a channel,
 * held in a Map by each replica, fed by its subscription and read in full whenever the subscription
 * (re)connects (what was published while it was cut off is learnt then, and what it holds that Redis
 * lost, a restart, is written back). While Redis is unreachable a replica keeps what it knew; a
 * revocation asked then rejects and is written once Redis answers this replica again. Entries older
 * than `lifetimeMs` (a token's lifetime) revoke nothing still valid: dropped from memory and Redis.
 */
import type { Redis } from 'ioredis';
import { isRedisReady } from '../redis.ts';

export interface RevocationSet {
  /** The member's instant held in memory, or undefined: a Map lookup. */
  at(member: string): number | undefined;
  /**
   * Holds `at` for the member (a later one held is kept), here at once and on the other replicas
   * through Redis; resolves once Redis holds it and it is published, rejects when Redis cannot take
   * it (it is then written once Redis answers again).
   */
  revoke(member: string, at: number): Promise<number>;
  /** Writes to Redis, and publishes, those of `entries` (unexpired) the set lacks or holds an earlier instant of; how many. */
  restore(entries: readonly (readonly [string, number])[]): Promise<number>;
  readonly size: number;
  /** Resolves once the set has been read after the first subscription, or after `waitMs`. */
  readonly loaded: Promise<void>;
  close(): void;
}

export interface RevocationSetOptions {
  readonly redis: Redis;
  readonly subscriber: Redis;
  readonly key: string;
  readonly channel: string;
  readonly lifetimeMs: number;
  readonly waitMs?: number;
  /** What the set holds, in the messages of `onError` ("token revocations", "session revocations"). */
  readonly what: string;
  readonly onError: (err: unknown, what: string) => void;
}

export const createRevocationSet = (opts: RevocationSetOptions): RevocationSet => {
  const { redis, subscriber, key, channel, lifetimeMs, what } = opts;
  const held = new Map<string, number>();
  /** Revocations asked on this replica that Redis has not taken yet. */
  const unsent = new Map<string, number>();
  let closed = false;

  const hold = (member: string, at: number) => {
    if (!(at > Date.now() - lifetimeMs)) return;
    const known = held.get(member);
    if (known === undefined || at > known) held.set(member, at);
  };
  // Memory only: an entry older than the tokens' lifetime revokes nothing that is still valid.
  const forgetOld = () => {
    const oldest = Date.now() - lifetimeMs;
    for (const [member, at] of held) if (at <= oldest) held.delete(member);
  };
  const sweep = setInterval(forgetOld, Math.min(60_000, Math.max(100, lifetimeMs / 4)));
  sweep.unref();

  const send = async (member: string, at: number): Promise<void> => {
    const results = await redis
      .multi()
      // GT: a later revocation is never replaced by an earlier one written after it.
      .zadd(key, 'GT', at, member)
      .zremrangebyscore(key, '-inf', Date.now() - lifetimeMs)
      .pexpire(key, lifetimeMs)
      .publish(channel, `${member} ${at}`)
      .exec();
    const failed = results?.find(([err]) => err !== null)?.[0];
    if (!results || failed) throw failed ?? new Error(`the ${what} transaction was discarded`);
    if (unsent.get(member) === at) unsent.delete(member);
  };
  const sendUnsent = () => {
    for (const [member, at] of unsent) send(member, at).catch((err: unknown) => opts.onError(err, `${what}: one could not be written to Redis`));
  };
  redis.on('ready', sendUnsent);

  const onMessage = (ch: string, message: string) => {
    if (ch !== channel) return;
    const space = message.lastIndexOf(' ');
    const at = Number(message.slice(space + 1));
    if (space > 0 && Number.isFinite(at)) hold(message.slice(0, space), at);
  };
  subscriber.on('message', onMessage);

  /**
   * Writes to Redis, and publishes, those of `candidates` (unexpired) of which Redis holds no instant as
   * late (`stored`, what it answered for them); answers how many. For the user service's durable record
   * (`restore`), and for what this replica holds and Redis lost (a Redis restarted without
   * persistence, as dev's, comes back empty: every replica running then still refuses those tokens,
   * but a pod started afterwards reads the set alone and would accept them until they expire).
   */
  const writeMissing = async (candidates: Iterable<readonly [string, number]>, stored: ReadonlyMap<string, number>): Promise<number> => {
    const oldest = Date.now() - lifetimeMs;
    const missing = [...candidates].filter(([member, at]) => at > oldest && !((stored.get(member) ?? Number.NEGATIVE_INFINITY) >= at));
    for (const [member, at] of missing) hold(member, at);
    await Promise.all(missing.map(([member, at]) => send(member, at)));
    return missing.length;
  };

  let firstLoad!: () => void;
  const loaded = new Promise<void>((resolve) => (firstLoad = resolve));
  const stopWaiting = setTimeout(() => firstLoad(), opts.waitMs ?? 3_000);
  stopWaiting.unref();
  let retry: NodeJS.Timeout | undefined;
  /** Subscribed first, then read: a revocation published between the two is heard, one before is read. */
  const load = async (): Promise<void> => {
    clearTimeout(retry);
    if (closed || !isRedisReady(subscriber)) return;
    try {
      await subscriber.subscribe(channel);
      const entries = await redis.zrangebyscore(key, `(${Date.now() - lifetimeMs}`, '+inf', 'WITHSCORES');
      const stored = new Map<string, number>();
      for (let i = 0; i + 1 < entries.length; i += 2) stored.set(entries[i]!, Number(entries[i + 1]));
      for (const [member, at] of stored) hold(member, at);
      await writeMissing(held, stored);
      clearTimeout(stopWaiting);
      firstLoad();
    } catch (err) {
      // The command connection not up yet, or Redis gone again: read again shortly while subscribed.
      opts.onError(err, `the ${what} could not be read from Redis`);
      retry = setTimeout(() => void load(), 500);
      retry.unref();
    }
  };
  subscriber.on('ready', load);
  void load();

  return {
    at: (member) => held.get(member),
    async revoke(member, at) {
      hold(member, at);
      unsent.set(member, Math.max(at, unsent.get(member) ?? 0));
      await send(member, at);
      return at;
    },
    async restore(entries) {
      const oldest = Date.now() - lifetimeMs;
      const wanted = entries.filter(([, at]) => at > oldest);
      if (wanted.length === 0) return 0;
      const scores = await redis.zmscore(key, ...wanted.map(([member]) => member));
      const stored = new Map(wanted.flatMap(([member], i): [string, number][] => (scores[i] == null ? [] : [[member, Number(scores[i])]])));
      return writeMissing(wanted, stored);
    },
    get size() {
      return held.size;
    },
    loaded,
    close() {
      closed = true;
      clearInterval(sweep);
      clearTimeout(retry);
      clearTimeout(stopWaiting);
      firstLoad();
      redis.off('ready', sendUnsent);
      subscriber.off('message', onMessage);
      subscriber.off('ready', load);
    },
  };
};
