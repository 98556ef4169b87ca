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
import { logFailure, type FailureLogger } from '@tripgen/service-kit';
import { giveBackLease } from '@tripgen/service-kit/messaging';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/**
 * A trip's schedules, to be forgotten: in its DELETE's transaction, before its row (and so theirs)
 * goes. Those prewritten (prewriteTripForgets) are found by the primary key and skipped: 201,600
 * prewritten cost 0.38 s here against 1.6 s written (EXPLAIN ANALYZE, two index entries each).
 */
export const forgetTripSchedules = (tx: Prisma.TransactionClient, tripId: string): Promise<number> =>
  tx.$executeRaw`INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
    SELECT id, trip_id, user_id, not_after FROM schedules WHERE trip_id = ${tripId}::uuid
    ON CONFLICT (id) DO NOTHING`;

/**
 * Rows one statement of prewriteTripForgets writes: ~10 ms here, far inside the kit's query time
 * limit (QUERY_TIMEOUT_MS, 5 s) even a hundred times slower.
 */
export const PREWRITE_BATCH = 1_000;

/** Before any schedule of a trip: its newest key and after. */
const AFTER_NEWEST = { createdAt: new Date(8.64e15), id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

/**
 * A trip's schedules written to forgotten_schedules before its DELETE's transaction, PREWRITE_BATCH
 * a statement (newest first, on the (trip_id, created_at) index), each committed alone: writing
 * them inside it took a trip of the traveller's budget (201,600 schedules) 1.6 s of the
 * transaction's 5 s (Prisma's interactive-transaction limit: P2028, a 503, the trip kept), 5.7 s
 * under CI's load. A row whose schedule still exists is inert (forgetPageSql skips it): a DELETE
 * that then fails leaves nothing forgotten of a trip that stays (unprewrite takes them back; left
 * by a crash, the next DELETE's finds them). How many it wrote.
 */
export const prewriteTripForgets = async (prisma: PrismaClient, tripId: string, userId: string, batch: number = PREWRITE_BATCH): Promise<number> => {
  let written = 0;
  let after = AFTER_NEWEST;
  for (;;) {
    const [page] = await prisma.$queryRaw<{ n: number; createdAt: Date | null; id: string | null }[]>`
      WITH page AS (
        SELECT id, trip_id, user_id, not_after, created_at FROM schedules
         WHERE trip_id = ${tripId}::uuid AND user_id = ${userId}::uuid
           AND created_at <= ${after.createdAt} AND (created_at, id) < (${after.createdAt}, ${after.id}::uuid)
         ORDER BY created_at DESC, id DESC LIMIT ${batch}
      ), written AS (
        INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
        SELECT id, trip_id, user_id, not_after FROM page
        -- One left by a DELETE that never finished is this DELETE's now (pruneInertForgets goes by its age).
        ON CONFLICT (id) DO UPDATE SET deleted_at = now()
      )
      SELECT (SELECT count(*) FROM page)::int AS n, last.created_at AS "createdAt", last.id::text AS id
        FROM (SELECT NULL) AS one LEFT JOIN (SELECT created_at, id FROM page ORDER BY created_at, id LIMIT 1) AS last ON true`;
    if (!page || page.n === 0 || !page.createdAt || !page.id) return written;
    written += page.n;
    if (page.n < batch) return written;
    after = { createdAt: page.createdAt, id: page.id };
  }
};

/**
 * Takes back what prewriteTripForgets wrote for a trip whose DELETE did not happen (a precondition
 * failed under the lock, the transaction failed): the rows of its schedules still there. After the
 * trip's row lock: a DELETE of the same trip on another replica that skipped these rows as written
 * and has yet to commit is waited for (then the trip is gone, and nothing is taken back). The rows
 * are read in a statement after the lock's: read in the same one, the schedules were those of before
 * the wait, and a schedule's DELETE that committed meanwhile (it share-locks the trip, and wrote no
 * row of its own, this one being there) lost its row, its copy at the AI service never forgotten
 * (unprewrite-race.test.ts). How many it took back.
 */
export const unprewriteTripForgets = (prisma: PrismaClient, tripId: string): Promise<number> =>
  prisma.$transaction(async (tx) => {
    const kept = await tx.$queryRaw<unknown[]>`SELECT 1 FROM trips WHERE id = ${tripId}::uuid FOR UPDATE`;
    if (kept.length === 0) return 0;
    return tx.$executeRaw`DELETE FROM forgotten_schedules WHERE id IN (SELECT id FROM schedules WHERE trip_id = ${tripId}::uuid)`;
  });

/**
 * Age past which a row whose schedule still exists is taken to be left by a trip DELETE that never
 * finished (its pod stopped between prewriteTripForgets and the transaction, or the take-back
 * failed): a DELETE's prewrite and transaction take seconds (201,600 schedules: 4.2 s at most here).
 */
export const INERT_AFTER_MS = 10 * 60_000;

/** How often a replica's sweep looks for such rows (pruneInertForgets reads the whole table). */
export const INERT_PRUNE_EVERY_MS = 60_000;

/**
 * Deletes the rows whose schedule still exists, written ahead more than INERT_AFTER_MS ago: left by
 * a trip DELETE that never finished and kept otherwise until that trip's next DELETE, maybe never,
 * each pass of the sweep stepped over them (201,600 of them: the page a hash anti-join reading
 * forgotten_schedules and schedules whole, 35 ms a pass against 1-2 ms). Only under the trip's row
 * lock, skipping a trip locked now: a DELETE of it whose transaction skipped these rows as written
 * and has yet to commit keeps them (then its schedules are gone and the rows are due). How many it
 * deleted.
 */
export const pruneInertForgets = (prisma: PrismaClient, olderThanMs: number = INERT_AFTER_MS): Promise<number> =>
  prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT t.id::text AS id FROM trips t
      WHERE t.id IN (SELECT f.trip_id FROM forgotten_schedules f
                      WHERE f.deleted_at < now() - ${olderThanMs} * interval '1 millisecond'
                        AND EXISTS (SELECT 1 FROM schedules s WHERE s.id = f.id))
      FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return 0;
    // A statement of its own, so read after the locks: a schedule's DELETE committed before them (it
    // share-locks the trip) has its schedule gone here, and its row is kept.
    return tx.$executeRaw`DELETE FROM forgotten_schedules f USING schedules s
      WHERE s.id = f.id AND s.trip_id = ANY(${locked.map((t) => t.id)}::uuid[]) AND f.trip_id = s.trip_id
        AND f.deleted_at < now() - ${olderThanMs} * interval '1 millisecond'`;
  });

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
 * them waited for those deadlines (forget-lease.test.ts). Nor one whose schedule still exists: written
 * ahead of its trip's DELETE (prewriteTripForgets), it is forgotten only once that DELETE committed. A row not yet due is taken only until the AI
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
       -- OFFSET 0: kept a probe of the primary key for each row the page walks; made an anti-join,
       -- the planner read the schedules whole into a hash every page (201,600: 36-235 ms, forget-index.test.ts).
       AND NOT EXISTS (SELECT 1 FROM schedules kept WHERE kept.id = f.id OFFSET 0)
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

/**
 * The backlog gauge's age, rows written ahead of a trip's DELETE included: a NOT EXISTS on schedules
 * here read both tables whole (201,600 schedules: 105-117 ms a pass against 24-27 ms; probed row by
 * row, 788 ms), and such rows are at most INERT_AFTER_MS old (pruneInertForgets), far inside the
 * alert's FORGOTTEN_BACKLOG.staleAfterMs (2 h).
 */
export const BACKLOG_AGE_SQL = Prisma.sql`SELECT COALESCE(extract(epoch FROM now() - min(deleted_at)), 0)::float8 AS age FROM forgotten_schedules`;

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
    if (sent === 0 && backlog) backlog((await prisma.$queryRaw<{ age: number }[]>(BACKLOG_AGE_SQL))[0]?.age ?? 0);
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
