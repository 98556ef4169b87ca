/**
 * The AI service's copies of the schedules deleted here. It keeps each schedule it planned (ai_db
 * generations: the request, with the trip and the traveller's preferences as they were, and the
 * plan), and prunes only failed ones (GENERATION_RETENTION): without this, a deleted schedule's or
 * trip's itinerary stayed there until the account was erased, and create-and-delete loops grew
 * ai_db without bound. So a schedule's DELETE and a trip's DELETE (the account erasure's too) write
 * the schedules they delete to forgotten_schedules in their own transaction, and the schedule sweep
 * (every replica, each pass) has the AI service forget them on its internal route
 * (AI_INTERNAL_PATHS.forget, SCHEDULE_STATUS_MAX_IDS at a time) and deletes the rows it forgot. The
 * AI service down (or of the release before, without the route): the rows stay, the next pass asks
 * again; the deletes themselves never wait for it. A row stays while:
 *  - a queued or running re-plan of the same trip names it as its base (the AI service reads the
 *    base's days in ai_db when it takes the re-plan: forgotten, the re-plan would fail);
 *  - the AI service still plans it (`running` in its answer: a plan under way finishes into its row);
 *  - its deadline (not_after) has not passed: a copy of its request still on the queue (a
 *    redelivery) could be planned again into a new row; once past it, a copy is failed unplanned.
 * Forgetting twice (a retry) deletes nothing the second time. One replica at a time sends (the
 * forget lease, catalog FORGET_LEASE): every replica sent the same first pages each pass, the AI
 * service's load during a backlog times the replicas.
 */
import { randomUUID } from 'node:crypto';
import { SCHEDULE_STATUS_MAX_IDS, type ForgetResponse } from '@tripgen/catalog';
import { HttpProblem, logFailure, type FailureLogger } from '@tripgen/service-kit';
import { giveBackLease } from '@tripgen/service-kit/messaging';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/**
 * Schedules one statement of a trip's DELETE deletes and writes to forgotten_schedules. Each statement
 * must end within the kit's query time limit (QUERY_TIMEOUT_MS, 5 s) whatever the trip holds: in one
 * statement, writing the 201,600 schedules of a trip of the release before the schedule limit took
 * 1.6 s of it on a quiet machine (three index entries a row on random uuids) and 5.8-6.5 s at a load
 * average of 20 on 2 cores (past the limit: a 503); a thousand took 20 ms there.
 */
export const FORGET_WRITE_BATCH = 5_000;

/**
 * Deletes a trip's schedules and writes each to forgotten_schedules (to be forgotten at the AI
 * service), in its DELETE's transaction under the trip's row lock (no schedule is added meanwhile),
 * before the trip's row goes (its cascade then finds none). Walked newest first on the
 * (trip_id, created_at) index, FORGET_WRITE_BATCH a statement, each resuming after the last row of the
 * one before (created_at, then id: two schedules may share a created_at), so that no statement grows
 * with the trip. How many it deleted. Once `stopping` says the pod stops, it starts no further batch
 * and throws DELETE_WHILE_STOPPING (the transaction rolled back, the trip kept).
 */
export const forgetTripSchedules = async (tx: Prisma.TransactionClient, tripId: string, batch: number = FORGET_WRITE_BATCH, stopping: () => boolean = () => false): Promise<number> => {
  let deleted = 0;
  let after: BatchKey | undefined;
  for (;;) {
    if (after !== undefined && stopping()) throw deleteWhileStopping();
    const [last] = await tx.$queryRaw<{ createdAt: string | null; id: string | null; walked: number; deleted: number }[]>(forgetBatchSql(tripId, after, batch));
    deleted += last?.deleted ?? 0;
    if (!last || last.createdAt === null || last.id === null || last.walked < batch) return deleted;
    after = { createdAt: last.createdAt, id: last.id };
  }
};

/**
 * A trip DELETE of more than a batch under way when its pod began to stop (a rollout, a node drained):
 * its transaction may take TRIP_DELETE_TRANSACTION_MS (20 s), past what the shutdown waits for a request
 * in flight (catalog SHUTDOWN_TIMING, drainDelayMs + closeGraceMs: 15 s) before it cuts the connection,
 * which the traveller met as no answer (Application Gateway's 502), not knowing whether the trip went. It
 * gives up at its next batch instead, within a statement's QUERY_TIMEOUT_MS, and says so (the kit's
 * Retry-After of a 503); a retry reaches another pod.
 */
const deleteWhileStopping = (): HttpProblem =>
  new HttpProblem(503, 'This trip service instance is stopping; the trip is kept: send the DELETE again');

/** Where a batch ended: its last schedule's created_at (as PostgreSQL writes it: no precision lost in between) and id. */
interface BatchKey {
  readonly createdAt: string;
  readonly id: string;
}

/** One batch of forgetTripSchedules: the schedules walked, those deleted (each written to forget; one there already, ON CONFLICT, stays as it is), and the last one's key. */
const forgetBatchSql = (tripId: string, after: BatchKey | undefined, batch: number): Prisma.Sql => Prisma.sql`
  WITH page AS (
    SELECT id, created_at FROM schedules
     WHERE trip_id = ${tripId}::uuid ${after ? Prisma.sql`AND (created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
     ORDER BY created_at DESC, id DESC LIMIT ${batch}
  ), gone AS (
    -- By key (an index scan of the primary key): joined to the page, 10,000 took a hash join over the whole table.
    DELETE FROM schedules WHERE id = ANY (ARRAY(SELECT id FROM page)) RETURNING id, trip_id, user_id, not_after
  ), written AS (
    INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
    SELECT id, trip_id, user_id, not_after FROM gone
    ON CONFLICT (id) DO NOTHING
  ), last AS (SELECT created_at, id FROM page ORDER BY created_at, id LIMIT 1)
  SELECT (SELECT created_at::text FROM last) AS "createdAt", (SELECT id::text FROM last) AS id,
         (SELECT count(*)::int FROM page) AS walked, (SELECT count(*)::int FROM gone) AS deleted`;

/**
 * Rows one pass sends at most (10 calls): a trip of SCHEDULES_PER_TRIP is 2; a backlog after a long
 * outage goes over several passes.
 */
export const FORGET_PER_PASS = 1_000;

/**
 * The next rows to forget after `after` (key order), only those whose deadline passed (the database's
 * clock: an answer now is final) or only those whose deadline has not (`due`); none named as the base
 * of the same trip's queued or running re-plan (the one-active-per-trip index finds that schedule).
 * A pass takes the due ones first: walked in key order alone, 1,000 rows not yet due ahead of a due
 * one (a trip of SCHEDULES_PER_TRIP deleted a minute ago) filled every pass, and the due rows behind
 * them waited for those deadlines (forget-lease.test.ts). A row not yet due is taken only until the AI
 * service was told it (told_at): its completed copy is deleted at that first call, and nothing can
 * come back before its deadline that the call once due does not forget; sent on every pass, the
 * 1,000 rows of a trip deleted now cost 10 calls a pass (300 a minute at the default 2 s) until
 * their deadline, for nothing.
 */
export const forgetPageSql = (after: string, limit: number, due: boolean): Prisma.Sql =>
  Prisma.sql`
    SELECT f.id::text AS id FROM forgotten_schedules f
     WHERE f.id > ${after}::uuid AND ${due ? DUE_ROWS : UNTOLD_ROWS}
       AND NOT EXISTS (SELECT 1 FROM schedules s
                        WHERE s.trip_id = f.trip_id AND s.base_schedule_id = f.id AND s.status IN ('queued', 'running'))
     ORDER BY f.id LIMIT ${limit}`;
const pageAfter = (prisma: PrismaClient, after: string, limit: number, due: boolean) => prisma.$queryRaw<{ id: string }[]>(forgetPageSql(after, limit, due));

/**
 * Each kind of page as a condition an index answers (forgotten_schedules_due_idx on (not_after, id);
 * forgotten_schedules_untold_idx on id where told_at IS NULL): written as one condition on `due`, both
 * read the whole table on every pass (a seq scan of 200,000 rows after the runbook's backfill, 2 s
 * apart, each row told and none due for an hour).
 */
const DUE_ROWS = Prisma.sql`f.not_after < now()`;
const UNTOLD_ROWS = Prisma.sql`f.told_at IS NULL AND f.not_after >= now()`;

export const BEFORE_ALL = '00000000-0000-0000-0000-000000000000';

export interface Forgetting {
  readonly prisma: PrismaClient;
  /** The AI service's forget route (Peers.forgetGenerations); throws when it does not answer. */
  forget(ids: readonly string[]): Promise<ForgetResponse>;
  readonly log: FailureLogger;
  /**
   * The forget lease (forgetLease): asked before each call, only when there is a page to send, and
   * given back when the AI service did not answer. Absent: always held (a lone service).
   */
  readonly lease?: ForgetLease;
  /**
   * The age in seconds of the oldest row still to forget (catalog FORGOTTEN_BACKLOG's gauge): 0 when
   * there is none to send or another replica holds the lease (it reports them).
   */
  readonly backlog?: (oldestSeconds: number) => void;
}

/** The commands used of the kit's Redis client (ioredis's `set` with PX and NX, and `eval`). */
export interface LeaseRedis {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<'OK' | null>;
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>;
}

/** One replica's hold on the forget lease. */
export interface ForgetLease {
  /** Whether this replica holds the lease now (taken, or renewed for another ttl). */
  hold(): Promise<boolean>;
  /** Lets another replica take it at its next pass (this one's call failed: it may reach the AI service). */
  giveBack(): Promise<void>;
}

/**
 * Renews the key's time to live when it holds this replica's token, takes it when absent
 * (redis.io/docs/latest/commands/set, NX and PX); 1 when this replica holds it after.
 */
const HOLD_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0`;

/**
 * The forget lease (catalog FORGET_LEASE) of this replica: `key` per trip database, `ttlMs` longer than
 * one forget call can take (its client budget), so that a call in flight has ended before another
 * replica takes the lease; kept by renewing it before each call, lost when the holder stops (expiry).
 * While Redis does not answer, every replica calls, as before the lease: a forget told twice forgets
 * nothing more, and a Redis fault must not hold the deleted schedules' copies at the AI service.
 */
export const forgetLease = (redis: LeaseRedis, key: string, ttlMs: number, log: FailureLogger): ForgetLease => {
  const token = randomUUID();
  return {
    async hold() {
      try {
        return Number(await redis.eval(HOLD_SCRIPT, 1, key, token, String(ttlMs))) === 1;
      } catch (err) {
        logFailure(log, err, { lease: key }, 'forget lease not readable (Redis); forgetting without it', 'info');
        return true;
      }
    },
    async giveBack() {
      await giveBackLease(redis, key, token);
    },
  };
};

/**
 * One pass: up to FORGET_PER_PASS rows sent, those forgotten for good deleted; nothing sent while
 * another replica holds the forget lease (`lease`). The AI service not answering ends the pass (logged; the next pass asks again). `going` false stops it between calls.
 * How many rows it deleted.
 */
export const forgetDeleted = async ({ prisma, forget, log, lease, backlog }: Forgetting, going: () => boolean = () => true, perPass: number = FORGET_PER_PASS): Promise<number> => {
  let after = BEFORE_ALL;
  // The due rows first (forgotten for good once answered), then, with what the pass has left, the
  // others (their completed copies deleted early; asked again once due).
  let due = true;
  let sent = 0;
  let done = 0;
  while (sent < perPass && going()) {
    const page = await pageAfter(prisma, after, Math.min(SCHEDULE_STATUS_MAX_IDS, perPass - sent), due);
    if (page.length === 0 && due) {
      due = false;
      after = BEFORE_ALL;
      continue;
    }
    if (page.length === 0 || (lease && !(await lease.hold()))) {
      if (sent === 0) backlog?.(0);
      break;
    }
    // Once a pass, by the replica that sends: a scan of the table (no index on deleted_at), only while it holds rows.
    if (sent === 0 && backlog) backlog((await prisma.$queryRaw<{ age: number }[]>`SELECT COALESCE(extract(epoch FROM now() - min(deleted_at)), 0)::float8 AS age FROM forgotten_schedules`)[0]?.age ?? 0);
    sent += page.length;
    after = page.at(-1)!.id;
    let answer: ForgetResponse;
    try {
      answer = await forget(page.map((r) => r.id));
    } catch (err) {
      logFailure(log, err, { schedules: page.length }, 'the AI service did not forget deleted schedules; the next sweep asks again', 'info');
      await lease?.giveBack();
      break;
    }
    const running = new Set(answer.running);
    const answered = page.filter((r) => !running.has(r.id)).map((r) => r.id);
    // Due: forgotten for good. Not yet: told (asked again once due); one running there is asked again next pass.
    if (answered.length > 0 && due) done += await prisma.$executeRaw`DELETE FROM forgotten_schedules WHERE id = ANY(${answered}::uuid[])`;
    else if (answered.length > 0) await prisma.$executeRaw`UPDATE forgotten_schedules SET told_at = now() WHERE id = ANY(${answered}::uuid[])`;
    if (page.length < SCHEDULE_STATUS_MAX_IDS) {
      if (!due) break;
      due = false;
      after = BEFORE_ALL;
    }
  }
  return done;
};
