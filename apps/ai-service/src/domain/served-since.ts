/**
 * Since when the AI service has answered without a break (ai_pods: one row a running pod). The trip
 * service cancels a queued schedule on the withdraw route at once and, through the queue, with a
 * withdrawal behind the request; while no pod is up only the queue tells, so the consumer would take
 * the request first and plan it (engine CPU) for a plan then dropped. A request put on the queue
 * before the service's present run of service began is the only one that can have such a withdrawal
 * behind it (schedule-consumer.ts sends it round once); one put there after was cancelled, if at
 * all, on the withdraw route. A pod that starts while another answers inherits that one's moment,
 * so a rolling deploy or a scale-out sends nothing round (a0c387f, reverted in ca4398ac, sent every
 * request queued before any pod's start round: ~2.5 s more for each traveller waiting then). A pod's
 * run ends when a cancel may have gone untold while it ran: the withdraw route failed here (it needs
 * ai_db), its readiness answered 503 PROBE_TIMING.failureThreshold.readiness times in a row (the
 * kubelet then takes it out of its Service's endpoints, where the trip service's calls found nobody),
 * or a refresh found ai_db out of its reach (refused, reset: the withdraw route fails with it, and
 * readiness). Its next run begins at its next readiness 200, inheriting nothing. A withdraw call that
 * failed on one pod ends every pod's run (RunEndedNews: the request whose cancel went untold waits on
 * the queue for whichever pod takes it). A refresh that failed only for being slow (the pool's wait,
 * the query limit: a loaded ai_db as much as one out of reach) ends nothing by itself while the pod
 * hears that news: what a cancel made meanwhile met is one of the above, seen as it happens; a pod
 * that cannot hear it (Redis out of its reach) ends its run there, as every failed refresh did before.
 * A pod still starting heard before or while it joined inherits no moment (app.ts tells it once joined).
 * Before that, any failed refresh ended the run, and the requests the pod took until its next
 * readiness 200 (up to a probe period) went round the queue once each.
 */
import { randomUUID } from 'node:crypto';
import { PROBE_TIMING } from '@tripgen/catalog';
import { answeredTooLate } from '@tripgen/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';

export const SERVED_SINCE = {
  /** How often a pod refreshes its row. */
  refreshEveryMs: 2_000,
  /**
   * How long a row counts as up unless refreshed: a pod killed without its shutdown (which deletes
   * it) is taken for up this long, and a pod starting then inherits a moment it should not (the gap
   * this leaves open: a cancel in these seconds, no other pod up).
   */
  leaseMs: 6_000,
  /**
   * The broker's clock (a message's enqueued time) against the database's (served_since): a request
   * enqueued up to this much after the moment is taken as before it (sent round: safe, one queue pass).
   */
  clockSkewMs: 1_000,
  /**
   * A pod that began to listen and was never asked its readiness (a process run without probes: a
   * developer's): its run begins this long after it listened. In the cluster the run begins at the
   * first readiness 200 (app.ts), when the pod joins its Service's endpoints: the startup probe, then
   * the readiness probe, each every PROBE_TIMING.periodSeconds, come up to two periods after listen.
   */
  unprobedMs: 2 * PROBE_TIMING.periodSeconds * 1_000,
} as const;

/**
 * This pod's row: inserted with the earliest moment among the pods up (null when none is up: set
 * when this one listens); rows not refreshed for an hour (pods killed) deleted on the way.
 */
const JOIN_SQL = [
  `DELETE FROM ai_pods WHERE seen_until < clock_timestamp() - interval '1 hour'`,
  `INSERT INTO ai_pods (pod_id, served_since, seen_until)
   SELECT $1::uuid, (SELECT min(served_since) FROM ai_pods WHERE seen_until > clock_timestamp()), clock_timestamp() + $2::float8 * interval '1 millisecond'
   ON CONFLICT (pod_id) DO UPDATE SET seen_until = EXCLUDED.seen_until
   RETURNING extract(epoch FROM served_since) * 1000 AS since_ms`,
] as const;
/**
 * The pod answers on its routes from now: its moment is now unless it inherited an earlier one (not
 * after its run ended: $3, a run of its own from now). An upsert: written again at a refresh after it
 * failed, the row may have been pruned meanwhile.
 */
const LISTENING_SQL = `INSERT INTO ai_pods (pod_id, served_since, seen_until) VALUES ($1::uuid, clock_timestamp(), clock_timestamp() + $2::float8 * interval '1 millisecond')
  ON CONFLICT (pod_id) DO UPDATE SET served_since = CASE WHEN $3::boolean THEN EXCLUDED.served_since ELSE coalesce(ai_pods.served_since, EXCLUDED.served_since) END, seen_until = EXCLUDED.seen_until
  RETURNING extract(epoch FROM served_since) * 1000 AS since_ms`;
/**
 * Refreshed with the pod's moment (null once its run ended, so that a pod joining meanwhile does not
 * inherit it); a row gone meanwhile (its pod taken for dead and pruned) written again.
 */
const REFRESH_SQL = `INSERT INTO ai_pods (pod_id, served_since, seen_until) VALUES ($1::uuid, to_timestamp($3::float8 / 1000), clock_timestamp() + $2::float8 * interval '1 millisecond')
  ON CONFLICT (pod_id) DO UPDATE SET served_since = EXCLUDED.served_since, seen_until = EXCLUDED.seen_until`;

export interface ServedSince {
  /** ms since the epoch; Infinity until this pod listens when no other pod was up at its start. */
  readonly since: () => number;
  /**
   * Called when the trip service can reach the pod's routes (the withdraw route among them: app.ts, at
   * each readiness 200): begins its run unless it serves already (its first call, or its first after
   * its run ended); never rejects (a failure is written again at the next refresh).
   */
  listening(): Promise<void>;
  /**
   * Its readiness answered 503 (app.ts): at PROBE_TIMING.failureThreshold.readiness in a row since its
   * last 200 the kubelet takes it out of its Service's endpoints, and its run ends.
   */
  refused(): void;
  /** Its withdraw route failed (routes/internal.ts): a cancel went untold, only its withdrawal on the queue; its run ends, and every other pod's (RunEndedNews). */
  withdrawFailed(err: unknown): void;
  /** A pod's news that a withdraw call failed on it (its id, RunEndedNews): another pod's ends this one's run. */
  heard(podId: string): void;
  /** Deletes this pod's row (its shutdown), if it ever joined: a pod starting after it, alone, begins a new run of service. */
  close(): Promise<void>;
}

type SinceRow = { since_ms: number | string | null };
const msOf = (row: SinceRow | undefined): number => (row?.since_ms === null || row?.since_ms === undefined ? Number.POSITIVE_INFINITY : Number(row.since_ms));

/**
 * How the pods of one ai_db tell one another that a withdraw call failed on one of them (app.ts: a
 * Redis channel, catalog aiRunEndedChannel). The request of that cancel waits on the queue with its
 * withdrawal behind it, and any pod may take it: with ai_db slow for every pod, the pod whose withdraw
 * call failed ended its run while another, whose refreshes merely failed in time, kept its own and
 * planned the cancelled request (test/served-since-reachable.test.ts, "two pods, ai_db slow").
 */
export interface RunEndedNews {
  /** Tells every pod (this one's own news included, which it ignores) that a withdraw call failed on pod `podId`. */
  tell(podId: string): Promise<unknown>;
  /** Whether this pod hears the others' news now (its connection to Redis ready). Best effort: pub/sub keeps nothing for a subscriber reconnecting. */
  hearing(): boolean;
}

export interface JoinOptions {
  readonly refreshEveryMs?: number;
  readonly leaseMs?: number;
  /** This pod's run ended (a cancel may have gone untold): app.ts begins the next at a readiness 200, or unprobed. */
  readonly onRunEnded?: () => void;
  /** The other pods' news of a failed withdraw call. None: this pod hears nothing, and a slow refresh ends its run. */
  readonly news?: RunEndedNews;
}

export const joinService = async (prisma: PrismaClient, warn: (obj: object, msg: string) => void, options: JoinOptions = {}): Promise<ServedSince> => {
  const { refreshEveryMs, leaseMs } = { ...SERVED_SINCE, ...options };
  const podId = randomUUID();
  const join = async (): Promise<number> => {
    const [, rows] = await prisma.$transaction([prisma.$executeRawUnsafe(JOIN_SQL[0]), prisma.$queryRawUnsafe<SinceRow[]>(JOIN_SQL[1], podId, leaseMs)]);
    return msOf(rows[0]);
  };
  /**
   * Started while ai_db did not answer: the pod starts all the same (not ready until the database
   * answers, as every other dependency of its start) and joins at a refresh. Meanwhile its moment is
   * unknown (Infinity: each request it takes is sent round once, the safe side).
   */
  let joinOwed = false;
  let since = await join().catch((err: unknown) => {
    joinOwed = true;
    warn({ err: String(err) }, 'this pod could not join ai_pods at its start; it joins at a refresh, and the requests it takes meanwhile are sent round');
    return Number.POSITIVE_INFINITY;
  });
  /**
   * Listening, its moment not written yet (the statement failed: the database away a moment): each
   * refresh writes it then. Left at Infinity, every request this pod took for the rest of its life
   * was sent round the queue once (one more pass each), and the pods joining while it alone was up
   * inherited no moment.
   */
  let momentOwed = false;
  /** listening() was called since the pod joined or its run last ended: a later call (each readiness 200) writes nothing. */
  let serving = false;
  /**
   * Its run ended (a cancel may have gone untold: ai_db out of its reach, a withdraw call failed here,
   * out of its endpoints): the next moment is its own, from the readiness 200 that ends the outage,
   * never the one it had nor one inherited (the other pods lost ai_db too, and their rows may still
   * count as up). Before, the pod kept its moment through the outage, and a request enqueued before the
   * cancel of an outage was planned, then dropped.
   */
  let anew = false;
  /** Runs ended so far: a moment written as the run ended (its statement in flight then) is not taken. */
  let ended = 0;
  let closed = false;
  /** The refresh in flight: close waits for it, else it could write the row back after the delete (up for leaseMs). */
  let refreshing: Promise<unknown> = Promise.resolve();
  const writeMoment = async (): Promise<void> => {
    const run = ended;
    const written = msOf((await prisma.$queryRawUnsafe<SinceRow[]>(LISTENING_SQL, podId, leaseMs, anew))[0]);
    if (run !== ended) return;
    since = written;
    momentOwed = false;
    anew = false;
  };
  const endRun = (err: unknown, why: string): void => {
    warn({ err: String(err) }, `${why}; its run of service ends (the requests it takes go round once) until its next readiness 200`);
    if (closed) return;
    ended += 1;
    const hadRun = serving || Number.isFinite(since);
    since = Number.POSITIVE_INFINITY;
    serving = false;
    momentOwed = false;
    anew = true;
    if (hadRun) options.onRunEnded?.();
  };
  const refreshFailed = (err: unknown): void => {
    // Slow, not gone (a loaded ai_db or pool): a cancel meanwhile that failed here or on another pod, or
    // found the pod out of its endpoints, ends the run as it happens (withdrawFailed, heard, refused); the
    // row is written at the next refresh. Unless the pod cannot hear the others: their failed withdraw call would go unheard.
    if (!answeredTooLate(err)) return endRun(err, 'this pod\'s row in ai_pods could not be refreshed (ai_db out of its reach, or the statement refused or cancelled)');
    if (!options.news?.hearing()) return endRun(err, 'this pod\'s row in ai_pods could not be refreshed in time (ai_db slow), and it cannot hear the other pods\' failed withdraw calls');
    warn({ err: String(err) }, 'this pod\'s row in ai_pods could not be refreshed in time (ai_db slow); its run of service goes on');
  };
  /** Readiness 503s since its last 200. */
  let refusedInARow = 0;
  const timer = setInterval(() => {
    if (joinOwed) {
      const run = ended;
      refreshing = join()
        .then(async (inherited) => {
          // A run ended before it joined or while it did (heard that a withdraw call failed on another pod):
          // the moment it would inherit may be that run's (the row of the pod whose call failed keeps it
          // while ai_db is slow for that pod). Its run begins as its own, at its next readiness 200.
          if (!anew && run === ended) since = Math.min(since, inherited);
          joinOwed = false;
          // Listening already: its moment (the inherited one, or now) written at once.
          if (momentOwed) await writeMoment();
        })
        .catch((err: unknown) => warn({ err: String(err) }, 'this pod could not join ai_pods; it tries again at the next refresh'));
      return;
    }
    if (momentOwed) {
      refreshing = writeMoment().catch(refreshFailed);
      return;
    }
    // Until it listens the row has no moment of its own to write back (null): the refresh keeps it null.
    const sinceParam = Number.isFinite(since) ? since : null;
    refreshing = prisma.$executeRawUnsafe(REFRESH_SQL, podId, leaseMs, sinceParam).catch(refreshFailed);
  }, refreshEveryMs);
  timer.unref();
  return {
    since: () => since,
    async listening() {
      refusedInARow = 0;
      if (closed || serving) return;
      serving = true;
      momentOwed = true;
      // Not joined yet: the join at a refresh writes it, inheriting the moment of a pod up meanwhile.
      if (joinOwed) return;
      await writeMoment().catch((err: unknown) => warn({ err: String(err) }, 'this pod\'s moment in ai_pods could not be written; written again at the next refresh'));
    },
    refused() {
      // Not serving: not among the endpoints yet (nothing to leave), or its run already ended; closed: draining (its 503s say so).
      if (closed || !serving) return;
      refusedInARow += 1;
      if (refusedInARow >= PROBE_TIMING.failureThreshold.readiness) endRun(`${refusedInARow} readiness answers 503 in a row`, 'this pod is out of its Service\'s endpoints (the trip service\'s withdraw calls find nobody)');
    },
    withdrawFailed(err) {
      endRun(err, 'a withdraw call failed on this pod (the cancel then waits behind its request on the queue)');
      if (closed || !options.news) return;
      // Every pod's run ends: any of them may take the request. Not told (Redis out of reach too): the others' slow refreshes end theirs only if they cannot hear either.
      options.news.tell(podId).catch((tellErr: unknown) => warn({ err: String(tellErr) }, 'the other pods could not be told of the failed withdraw call; their runs of service go on'));
    },
    heard(fromPod) {
      if (fromPod === podId) return;
      endRun(`pod ${fromPod}`, 'a withdraw call failed on another pod (the cancel then waits behind its request on the queue, for any pod to take)');
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await refreshing;
      // Never joined (ai_db down since its start): it wrote no row, and the delete only failed against the
      // database still down, an error at each such pod's drain ('shutdown step failed'). A join whose commit
      // went through unanswered leaves its row up for leaseMs, as a pod killed without its shutdown.
      if (joinOwed) return;
      await prisma.$executeRawUnsafe('DELETE FROM ai_pods WHERE pod_id = $1::uuid', podId);
    },
  };
};
