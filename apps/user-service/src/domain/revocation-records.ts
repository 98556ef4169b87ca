/**
 * The token revocations' durable record (user_db token_revocations, catalog TOKEN_REVOCATIONS, and
 * session_revocations, the sessions signed out, catalog SESSION_REVOCATIONS): Redis
 * holds the set every replica of every service reads, but can lose it (an `allkeys-lru` eviction, a
 * restart, a flush), and a replica that revoked while Redis was out of reach keeps what it could not
 * write only in memory, lost when it stops. Each revocation is recorded here first, and every replica
 * of the user service gives Redis back what it lacks (the kit's `restore`, which publishes them, so
 * every replica of every service learns them again): when it starts, and every `republishEveryMs` and
 * whenever its Redis connection is ready again on the one replica that takes the lease. Rows older than a token's lifetime revoke nothing still valid: pruned then.
 */
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { isRedisReady, type Kit, type TokenRevocations } from '@tripgen/service-kit';
import { leased, leaseTtlMs } from '@tripgen/service-kit/messaging';
import type { FastifyBaseLogger } from 'fastify';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { REVOCATION_CURSOR } from './schemas.ts';

/**
 * A revocation refuses the tokens whose `iat` is not after it, so the two instants must come from one
 * clock: each pod's own would let a token signed on a pod whose clock runs ahead of the revoking pod's
 * outlive the sign-out (and refuse a login made after it on one running behind). Both are user_db's,
 * which the login (reading the credentials) and the revocation (its record) touch anyway: its clock
 * now, to the millisecond, rounded down, as both take it (a login that read it before a revocation
 * then never has a later `iat`: floor keeps the order).
 */
const DATABASE_NOW = Prisma.sql`date_trunc('milliseconds', clock_timestamp())`;


/** user_db's clock (ms since the epoch): the `iat` a login signs (users.ts credentialsRead, in its transaction). */
export const databaseNow = async (prisma: Pick<PrismaClient, '$queryRaw'>): Promise<number> => {
  const [row] = await prisma.$queryRaw<{ ms: number }[]>`SELECT (extract(epoch FROM ${DATABASE_NOW}) * 1000)::float8 AS ms`;
  return row!.ms;
};

/**
 * Records the account's revocation at user_db's clock now, keeping a later one already recorded; the
 * instant recorded (ms), which the revocation then carries to Redis.
 */
export const recordRevocation = async (prisma: PrismaClient, userId: string): Promise<number> => {
  const [row] = await prisma.$queryRaw<{ ms: number }[]>`INSERT INTO token_revocations (user_id, revoked_at)
    VALUES (${userId}::uuid, ${DATABASE_NOW})
    ON CONFLICT (user_id) DO UPDATE SET revoked_at = GREATEST(token_revocations.revoked_at, EXCLUDED.revoked_at)
    RETURNING (extract(epoch FROM revoked_at) * 1000)::float8 AS ms`;
  return row!.ms;
};

/** Records the session's sign-out at user_db's clock now (one already recorded kept); the instant recorded (ms). */
export const recordSessionRevocation = async (prisma: PrismaClient, userId: string, sessionId: string): Promise<number> => {
  const [row] = await prisma.$queryRaw<{ ms: number }[]>`INSERT INTO session_revocations (session_id, user_id, revoked_at)
    VALUES (${sessionId}, ${userId}::uuid, ${DATABASE_NOW})
    ON CONFLICT (session_id) DO UPDATE SET revoked_at = GREATEST(session_revocations.revoked_at, EXCLUDED.revoked_at)
    RETURNING (extract(epoch FROM revoked_at) * 1000)::float8 AS ms`;
  return row!.ms;
};

/** The account's revocation recorded (ms), or undefined: none within a token's lifetime. */
export const recordedRevocationOf = async (prisma: PrismaClient, userId: string): Promise<number | undefined> =>
  (await prisma.tokenRevocation.findUnique({ where: { userId } }))?.revokedAt.getTime();

/** The sessions signed out after `since` (ms). */
export const recordedSessionRevocations = async (prisma: PrismaClient, since: number): Promise<{ sessionId: string; at: number }[]> =>
  (await prisma.sessionRevocation.findMany({ where: { revokedAt: { gt: new Date(since) } } })).map((r) => ({ sessionId: r.sessionId, at: r.revokedAt.getTime() }));

/** The revocations recorded after `since` (ms). */
export const recordedRevocations = async (prisma: PrismaClient, since: number): Promise<{ userId: string; at: number }[]> =>
  (await prisma.tokenRevocation.findMany({ where: { revokedAt: { gt: new Date(since) } } })).map((r) => ({ userId: r.userId, at: r.revokedAt.getTime() }));

export interface RevocationsPage {
  accounts: { userId: string; at: number }[];
  sessions: { sessionId: string; at: number }[];
  /** The cursor after the page's last row; absent on the last page. */
  next?: string;
}

/**
 * One page of the revocations recorded after `since` (ms), newest first, both tables in one order
 * (instant, kind, id, all descending; keyset: a row recorded meanwhile neither shifts nor repeats a
 * page), at most `limit`, from after the `after` cursor (REVOCATION_CURSOR). Newest first because a
 * reader cut short (a verifier's readiness, TOKEN_REVOCATIONS.feedTimeoutMs) then holds every
 * revocation since some instant: a revocation refuses the tokens issued before it, so a later one
 * refuses more of those still valid, and those it missed expire first. Each branch keeps to its
 * revoked_at index and its own `limit + 1` rows, so a page costs its size, not the record's (an
 * OFFSET or one sort of the union read the whole record each page).
 */
export const revocationsPage = async (prisma: Pick<PrismaClient, '$queryRaw'>, since: number, limit: number, after?: string): Promise<RevocationsPage> => {
  const cursor = after === undefined ? undefined : REVOCATION_CURSOR.exec(after);
  // Ids compare bytewise (COLLATE "C") in SQL and in the cursor alike, whatever the database's locale.
  const keyset = (kind: 'a' | 's', id: Prisma.Sql): Prisma.Sql => {
    if (!cursor) return Prisma.sql`TRUE`;
    const at = new Date(Number(cursor[1]));
    return Prisma.sql`(revoked_at < ${at} OR (revoked_at = ${at} AND (${kind}::text < ${cursor[2]}::text OR (${kind}::text = ${cursor[2]}::text AND ${id} < ${cursor[3]}::text COLLATE "C"))))`;
  };
  const accountId = Prisma.sql`user_id::text COLLATE "C"`;
  const sessionId = Prisma.sql`session_id COLLATE "C"`;
  const rows = await prisma.$queryRaw<{ kind: 'a' | 's'; id: string; ms: number }[]>`
    SELECT kind, id, ms FROM (
      (SELECT 'a' AS kind, ${accountId} AS id, revoked_at, (extract(epoch FROM revoked_at) * 1000)::float8 AS ms
         FROM token_revocations WHERE revoked_at > ${new Date(since)} AND ${keyset('a', accountId)}
         ORDER BY revoked_at DESC, ${accountId} DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT 's', ${sessionId}, revoked_at, (extract(epoch FROM revoked_at) * 1000)::float8
         FROM session_revocations WHERE revoked_at > ${new Date(since)} AND ${keyset('s', sessionId)}
         ORDER BY revoked_at DESC, ${sessionId} DESC LIMIT ${limit + 1})
    ) page ORDER BY revoked_at DESC, kind DESC, id COLLATE "C" DESC LIMIT ${limit + 1}`;
  const page: RevocationsPage = { accounts: [], sessions: [] };
  for (const row of rows.slice(0, limit)) {
    if (row.kind === 'a') page.accounts.push({ userId: row.id, at: row.ms });
    else page.sessions.push({ sessionId: row.id, at: row.ms });
  }
  const last = rows[limit - 1];
  if (rows.length > limit && last) page.next = `${Math.round(last.ms)}.${last.kind}.${last.id}`;
  return page;
};

/** Deletes the records not after `before` (ms); how many. */
export const pruneRevocationRecords = async (prisma: PrismaClient, before: number): Promise<number> => {
  const where = { revokedAt: { lte: new Date(before) } };
  const [accounts, sessions] = await prisma.$transaction([prisma.tokenRevocation.deleteMany({ where }), prisma.sessionRevocation.deleteMany({ where })]);
  return accounts.count + sessions.count;
};

/**
 * Keeps the later of TOKEN_REVOCATIONS.wholeUpToKey and `readAt` (one script: a read and a write apart,
 * two replicas could still cross). Two replicas writing back at once (a pod's start, a reconnect, the
 * lease's holder) each set their own read's instant, and the one that read first and wrote last moved
 * it back, so the verifiers cut off read more of the record than Redis lacked. The later value's
 * expiry stands: it says more.
 */
const WHOLE_UP_TO_MAX = `local held = tonumber(redis.call('GET', KEYS[1]))
if held and held >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** Records in Redis that it holds every revocation user_db recorded up to `readAt` (ms), never moving that back; whether it moved. */
export const writeWholeUpTo = async (redis: Kit['redis'], readAt: number): Promise<boolean> =>
  Number(await redis.eval(WHOLE_UP_TO_MAX, 1, TOKEN_REVOCATIONS.wholeUpToKey, String(readAt), String(TOKEN_REVOCATIONS.lifetimeMs))) === 1;

export interface DurableRevocations {
  /**
   * Revokes every token of the account issued up to now (user_db's clock): recorded in user_db, then
   * the kit's `revoke` at the instant recorded. Resolves once either holds it: recorded, Redis out of
   * reach is logged (the record makes it reach Redis later, from any replica); rejects only when
   * neither does (user_db out of reach, logged, and the kit's rejection: this pod's memory alone).
   */
  revoke(userId: string): Promise<number>;
  /**
   * Sends through the kit's `revoke` the account's revocation user_db already recorded (a password
   * change's, in its own transaction: migration 20261207070000_password_change_revokes_tokens), at
   * its instant, not one taken now, which would refuse a login with the new password made since
   * (user_db out of reach to read it back: this pod's clock); none recorded: as `revoke`. Recorded, it
   * resolves whether Redis takes it or not.
   */
  sendRecorded(userId: string): Promise<number>;
  /** Signs out one session of the account (a login's `sid`) as `revoke` does the account: recorded, then the kit's `revokeSession`. */
  revokeSession(userId: string, sessionId: string): Promise<number>;
  /**
   * Reads the records into this replica's memory alone (the kit's `remember`), those since the last read:
   * what Redis cannot tell it while out of reach. Every period then, and as the app gets ready if Redis is.
   */
  learn(): Promise<void>;
  /**
   * Resolves once this replica has been told the revocations since it started: Redis answers it (the
   * kit's read), or user_db's record was read into memory; while neither, reads the record now and
   * rejects when it cannot (readiness: a replica started during an outage of both is not ready until then).
   */
  ready(): Promise<void>;
  /** Prunes the records and writes back what Redis lacks, now (the schedule's one step); how many were written back. */
  republish(): Promise<number>;
  /** Stops the schedule and waits for a step in flight. */
  stop(): Promise<void>;
}

export interface DurableRevocationOptions {
  readonly prisma: PrismaClient;
  readonly revocations: TokenRevocations;
  /** The kit's command connection: each time it is ready, a step. */
  readonly redis: Kit['redis'];
  readonly log: FastifyBaseLogger;
  /** Default the catalog's; tests shorten it. */
  readonly republishEveryMs?: number;
  /**
   * The lease the replicas of one user_db take turns with (catalog TOKEN_REVOCATIONS.republishLeaseKey and
   * the database): the period's step runs on the replica that takes it, the others skip it.
   */
  readonly leaseKey: string;
}

export const durableRevocations = (opts: DurableRevocationOptions): DurableRevocations => {
  const { prisma, revocations, redis, log } = opts;
  let running: Promise<number> | undefined;
  let stopped = false;
  const step = async (): Promise<number> => {
    // user_db's clock, as the rows' revoked_at it is compared with: this pod's, 60 s (learnOverlapMs)
    // ahead, put the key past rows recorded after the read, and verifiers cut off skipped them.
    const readAt = await databaseNow(prisma);
    const oldest = readAt - TOKEN_REVOCATIONS.lifetimeMs;
    await pruneRevocationRecords(prisma, oldest);
    const [accounts, sessions] = await Promise.all([recordedRevocations(prisma, oldest), recordedSessionRevocations(prisma, oldest)]);
    log.debug({ accounts: accounts.length, sessions: sessions.length }, 'token revocations read from user_db to compare with Redis');
    const restored = (await revocations.restore(accounts)) + (await revocations.restoreSessions(sessions));
    if (restored > 0) log.warn({ restored }, 'token revocations missing from Redis (evicted, flushed or never written) were written back from user_db');
    // Redis now holds every row recorded up to the read: where a verifier cut off from Redis starts
    // reading the record (the kit's revocation-feed.ts); a row committed after the read with an earlier
    // instant is within the feed's learnOverlapMs.
    await writeWholeUpTo(redis, readAt);
    return restored;
  };
  const republish = (): Promise<number> => {
    running ??= step().finally(() => (running = undefined));
    return running;
  };
  const everyMs = opts.republishEveryMs ?? TOKEN_REVOCATIONS.republishEveryMs;
  // The period's step on one replica: each reads every record of a token's lifetime (100,000 sessions
  // and as many accounts: some 0.8 s of CPU and the event loop held up to 0.2 s), which every replica
  // did each period. A holder that died is followed within the next period; a step that failed gives
  // the lease back (the kit's lease, as the sweeps'). A pod starting compares at once, lease or not:
  // a pod started after a loss writes it back without waiting. A connection re-established compares
  // at once if it takes the lease: after Redis restarted empty (the lease gone with the set) every
  // replica reconnected within about a second and each read every record and wrote back the set
  // (replicas x entries messages); now the first, and the lease is free after a restart. Without a
  // restart (a dropped connection) the lease may be held: the set is then whole, or the period's
  // holder gives it back.
  const leasedStep = leased({ redis, key: opts.leaseKey, ttlMs: leaseTtlMs(everyMs), logger: log }, republish);
  const never = new AbortController().signal;
  const run = (step: () => Promise<number>) => () => {
    // Not connected yet (a pod starting) or cut off: the connection's next 'ready' runs it.
    if (!stopped && isRedisReady(redis)) step().catch((err: unknown) => log.warn({ err }, 'token revocations could not be compared with Redis; trying again at the next tick'));
  };
  const periodic = run(() => leasedStep(never));
  let started = false;
  const atStart = run(republish);
  const tick = () => {
    if (started) return periodic();
    if (stopped || !isRedisReady(redis)) return;
    started = true;
    atStart();
  };
  // Cut off from Redis, the record is this replica's only way to learn what the others revoked since
  // (and, started then, anything at all): it accepted every such token until Redis answered it again,
  // one started during an outage those revoked before it too. Read into memory each period, the rows
  // recorded since the last read, TOKEN_REVOCATIONS.learnOverlapMs back: a row committed after a later one.
  let learnedUpTo = Number.NEGATIVE_INFINITY;
  let learning: Promise<void> | undefined;
  /** Whether this replica has been told the revocations since it started (Redis, or a read of the record). */
  let told = false;
  const learnStep = async (): Promise<void> => {
    const since = Math.max(Date.now() - TOKEN_REVOCATIONS.lifetimeMs, learnedUpTo - TOKEN_REVOCATIONS.learnOverlapMs);
    const [accounts, sessions] = await Promise.all([recordedRevocations(prisma, since), recordedSessionRevocations(prisma, since)]);
    revocations.remember({ accounts, sessions });
    for (const { at } of [...accounts, ...sessions]) learnedUpTo = Math.max(learnedUpTo, at);
    told = true;
  };
  const learn = (): Promise<void> => {
    learning ??= learnStep()
      .catch((err: unknown) => log.warn({ err }, 'token revocations could not be read from user_db while Redis is out of reach; trying again at the next tick'))
      .finally(() => (learning = undefined));
    return learning;
  };
  const timer = setInterval(() => (isRedisReady(redis) ? periodic() : stopped ? undefined : void learn()), everyMs);
  timer.unref();
  redis.on('ready', tick);
  tick();
  /**
   * Sends the instant `recorded` gives (user_db's record) through `send` (the kit's: Redis, then every
   * replica of every service). Recorded, Redis not taking it is no failure: this replica refuses the
   * token at once and writes it once Redis answers it again (the kit's), and the republish writes it
   * from the record, on the replica holding the lease within its period (one connected while this
   * one is cut off) or as Redis comes back; no other pod can learn it sooner whatever this one answers.
   * Not recorded (user_db out of reach), Redis is its only way: at this pod's clock, its rejection the caller's.
   */
  const sent = async (what: string, userId: string, recorded: Promise<number | undefined>, send: (at: number) => Promise<number>): Promise<number> => {
    let durable = true;
    const at = await recorded.catch((err: unknown) => {
      durable = false;
      log.error({ err, userId }, `${what} could not be recorded in user_db: Redis alone holds it, at this pod's clock`);
      return undefined;
    });
    if (!durable || at === undefined) return send(at ?? Date.now());
    // Handled, so a warning: the Redis alert calls for the human, not each sign-out meanwhile.
    return send(at).catch((err: unknown) => (log.warn({ err, userId }, `${what} is recorded in user_db but Redis cannot take it yet: other pods refuse the token once it does`), at));
  };
  // One after the other: Redis gets the instant user_db's clock gave (a round trip more than both at once).
  const revoke = (userId: string): Promise<number> => sent('a token revocation', userId, recordRevocation(prisma, userId), (at) => revocations.revoke(userId, at));
  return {
    revoke,
    async sendRecorded(userId) {
      // Recorded by the change's commit; read back, or (user_db gone since) this pod's clock, later than the record.
      const at = await recordedRevocationOf(prisma, userId).catch((err: unknown) => (log.error({ err, userId }, "the recorded token revocation could not be read from user_db: Redis gets this pod's clock"), Date.now()));
      return at === undefined ? revoke(userId) : sent('a token revocation', userId, Promise.resolve(at), (instant) => revocations.revoke(userId, instant));
    },
    revokeSession: (userId, sessionId) => sent("a session's sign-out", userId, recordSessionRevocation(prisma, userId, sessionId), (at) => revocations.revokeSession(sessionId, at)),
    learn,
    async ready() {
      // A failed read at the start (user_db out of reach too) left it knowing nothing: the period's next
      // read came up to TOKEN_REVOCATIONS.republishEveryMs after user_db answered, and it was ready meanwhile.
      if (told || isRedisReady(redis)) return void (told = true);
      await learnStep();
    },
    republish,
    async stop() {
      stopped = true;
      clearInterval(timer);
      redis.off('ready', tick);
      await running?.catch(() => undefined);
    },
  };
};
