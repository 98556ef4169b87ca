/**
 * One set of revocations shared by every replica through Redis (revocations.ts has two: the accounts'
 * and the sessions'): member -> instant (ms), kept in a Redis sorted set and published on a channel,
 * held in a Map by each replica, fed by its subscription and read in full whenever the subscription
 * (re)connects (what was published while it was cut off is learnt then, and what it holds that Redis
 * lost, a restart, is written back: by the replica that takes the write-back first, the others looking
 * again later, WRITE_BACK_LEASE_MS). While Redis is unreachable a replica keeps what it knew; a
 * revocation asked then rejects and is written once Redis answers this replica again. Entries older
 * than `lifetimeMs` (a token's lifetime) revoke nothing still valid: dropped from memory and Redis.
 */
import { randomUUID } from 'node:crypto';
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
  /** Holds `entries` (unexpired, from a durable record) in this replica's memory alone: for a replica Redis cannot tell. */
  remember(entries: readonly (readonly [string, number])[]): void;
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
  /** Where the replica that writes back what Redis lost takes its turn (catalog TOKEN_REVOCATIONS.writeBackKey). */
  readonly writeBackKey: string;
  readonly lifetimeMs: number;
  readonly waitMs?: number;
  /** How long a replica that did not take the write-back waits before it looks again (default WRITE_BACK_LEASE_MS; tests shorten it), and a random share of it more. */
  readonly writeBackCheckMs?: number;
  /** What the set holds, in the messages of `onError` ("token revocations", "session revocations"). */
  readonly what: string;
  readonly onError: (err: unknown, what: string) => void;
}

/** Members a write-back writes, or reads the scores of, in one transaction or command. */
const WRITE_BATCH = 1_000;

/**
 * How long the replica that found the set lacking what it holds is the one writing it back (a
 * Redis key, `writeBackKey`, taken with SET NX): after a restart empty every replica of every
 * service finds it so, and each wrote back all it held, each entry a message every replica hears
 * (replicas x entries messages to each of them). One writes; the others look again after this
 * (and a random share of it more, so they do not all look at once), and write what is then still
 * missing: what only they held (the writer started after an earlier loss and never heard it), or
 * what a writer that died or was cut off mid-way left out.
 */
export const WRITE_BACK_LEASE_MS = 10_000;

export const createRevocationSet = (opts: RevocationSetOptions): RevocationSet => {
  const { redis, subscriber, key, channel, lifetimeMs, what } = opts;
  const { writeBackKey } = opts;
  const writeBackCheckMs = opts.writeBackCheckMs ?? WRITE_BACK_LEASE_MS;
  const token = randomUUID();
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

  /**
   * Writes `entries` in one transaction: one ZADD of them all, the trim, the expiry and a message each
   * (the same message as one revocation's, which every release reads).
   */
  const sendBatch = async (entries: readonly (readonly [string, number])[]): Promise<void> => {
    const tx = redis
      .multi()
      // GT: a later revocation is never replaced by an earlier one written after it.
      .zadd(key, 'GT', ...entries.flatMap(([member, at]) => [at, member]))
      .zremrangebyscore(key, '-inf', Date.now() - lifetimeMs)
      .pexpire(key, lifetimeMs);
    for (const [member, at] of entries) tx.publish(channel, `${member} ${at}`);
    const results = await tx.exec();
    const failed = results?.find(([err]) => err !== null)?.[0];
    if (!results || failed) throw failed ?? new Error(`the ${what} transaction was discarded`);
    for (const [member, at] of entries) if (unsent.get(member) === at) unsent.delete(member);
  };
  /**
   * Many at once (a write-back) in transactions of WRITE_BATCH, one after the other: one transaction
   * each, all sent at once, was one burst on the kit's connection that ran past its command timeout
   * from about 10,000 on (the sessions signed out of 15 minutes: one account signing in and out over
   * and over makes one each): the write-back rejected, and the replica's other commands (its rate
   * limit, its cache) waited seconds behind it or failed with the connection reset.
   */
  const sendAll = async (entries: readonly (readonly [string, number])[]): Promise<void> => {
    for (let i = 0; i < entries.length; i += WRITE_BATCH) await sendBatch(entries.slice(i, i + WRITE_BATCH));
  };
  const sendUnsent = () => {
    sendAll([...unsent]).catch((err: unknown) => opts.onError(err, `${what}: some could not be written to Redis`));
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
    await sendAll(missing);
    return missing.length;
  };

  /** Whether this replica writes back what the set lost: the one that takes the key first (or took it before a retry). */
  const takeWriteBack = async (): Promise<boolean> =>
    (await redis.set(writeBackKey, token, 'PX', WRITE_BACK_LEASE_MS, 'NX')) === 'OK' || (await redis.get(writeBackKey)) === token;
  let check: NodeJS.Timeout | undefined;
  /**
   * Later, what is still missing of what this replica holds (normally nothing: the writer wrote it).
   * Cut off or failing then, later again, until it has looked: the command connection can drop alone
   * (its socket timeout behind a busy Redis) while the subscription stays up, and no reconnect of
   * the subscription then reads again; what only this replica held stayed missing for good.
   */
  const checkLater = () => {
    clearTimeout(check);
    check = setTimeout(() => {
      if (closed) return;
      if (!isRedisReady(redis)) return checkLater();
      restoreHeld().catch((err: unknown) => {
        opts.onError(err, `the ${what} could not be compared with Redis`);
        checkLater();
      });
    }, writeBackCheckMs * (1 + Math.random()));
    check.unref();
  };

  const restore = async (entries: readonly (readonly [string, number])[]): Promise<number> => {
    const oldest = Date.now() - lifetimeMs;
    const wanted = entries.filter(([, at]) => at > oldest);
    if (wanted.length === 0) return 0;
    // In batches too: the members of one command are a function call's arguments, which past some
    // 120,000 overflow the stack.
    const scores: (string | null)[] = [];
    for (let i = 0; i < wanted.length; i += WRITE_BATCH) scores.push(...(await redis.zmscore(key, ...wanted.slice(i, i + WRITE_BATCH).map(([member]) => member))));
    const stored = new Map(wanted.flatMap(([member], i): [string, number][] => (scores[i] == null ? [] : [[member, Number(scores[i])]])));
    return writeMissing(wanted, stored);
  };
  const restoreHeld = () => restore([...held]);

  let firstLoad!: () => void;
  const loaded = new Promise<void>((resolve) => (firstLoad = resolve));
  const stopWaiting = setTimeout(() => firstLoad(), opts.waitMs ?? 3_000);
  stopWaiting.unref();
  let retry: NodeJS.Timeout | undefined;
  /**
   * Subscribed first, then read: a revocation published between the two is heard, one before is read.
   * The read waits for the command connection's 'ready' when the subscriber came up first (the two
   * handshakes race at a pod's start, and a reconnect of one alone): sent before it, it was refused
   * at once ("Stream isn't writeable"), logged as a failure to read, and tried again 500 ms later,
   * a warning at every start the subscriber won (a CI run failed on it: redis-entra-rotation.test.ts).
   */
  const load = async (): Promise<void> => {
    clearTimeout(retry);
    redis.off('ready', load);
    if (closed || !isRedisReady(subscriber)) return;
    if (!isRedisReady(redis)) {
      redis.once('ready', load);
      return;
    }
    try {
      await subscriber.subscribe(channel);
      const entries = await redis.zrangebyscore(key, `(${Date.now() - lifetimeMs}`, '+inf', 'WITHSCORES');
      const stored = new Map<string, number>();
      for (let i = 0; i + 1 < entries.length; i += 2) stored.set(entries[i]!, Number(entries[i + 1]));
      for (const [member, at] of stored) hold(member, at);
      const oldest = Date.now() - lifetimeMs;
      const lacking = [...held].some(([member, at]) => at > oldest && !((stored.get(member) ?? Number.NEGATIVE_INFINITY) >= at));
      // A look again pending is answered by this read: nothing lacking, or this replica writes it.
      clearTimeout(check);
      if (lacking) {
        if (await takeWriteBack()) await writeMissing(held, stored);
        else checkLater();
      }
      clearTimeout(stopWaiting);
      firstLoad();
    } catch (err) {
      // Redis gone again, or a command timed out: read again shortly while subscribed.
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
      await sendBatch([[member, at]]);
      return at;
    },
    restore,
    remember(entries) {
      for (const [member, at] of entries) hold(member, at);
    },
    get size() {
      return held.size;
    },
    loaded,
    close() {
      closed = true;
      clearInterval(sweep);
      clearTimeout(retry);
      clearTimeout(check);
      clearTimeout(stopWaiting);
      firstLoad();
      redis.off('ready', sendUnsent);
      subscriber.off('message', onMessage);
      subscriber.off('ready', load);
      redis.off('ready', load);
    },
  };
};
