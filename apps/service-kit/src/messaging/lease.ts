/**
 * One replica at a time for a periodic sweep that every replica schedules (schedulePruning): a
 * Redis lease, `SET key token NX PX ttl` (redis.io/docs/latest/commands/set, its "NX" and "PX"
 * options: set only if absent, expiring after ttl milliseconds). The replica that takes it sweeps;
 * the others skip that tick. The lease is not given back after a sweep that completed: the others'
 * ticks within the same period would take it at once and sweep again. It expires on its own before
 * the period ends (`ttlMs` shorter than the schedule's period), so a holder that died mid-pass
 * (killed, its node lost) holds up the sweep for one period at most. A sweep that failed, or that
 * the drain stopped, gives it back (only if still its own: a compare-and-delete script), so a
 * replica whose peers answer takes over at its next tick instead of after the expiry.
 *
 * While Redis does not answer, every replica sweeps, as before the lease: the sweeps are
 * idempotent, and a Redis outage must not stop them.
 *
 * A sweep may outlast its lease (the trip service's erasure of an account with many heavy trips, each
 * DELETE up to 20 s): its holder renews it every third of `ttlMs` while it sweeps (compare-and-PEXPIRE),
 * else another replica took it meanwhile and the two swept at once, one waiting on the other's row lock
 * past the query limit (a 503, the sweep failed, again each period). A renewal that finds the lease
 * another's (it expired while Redis was out of reach) ends the sweep as the drain does. Once the sweep is
 * done the lease expires when the one taken would have (given back if that is past), so a long sweep
 * does not skip the next period's.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { describeError, type MessagingLogger } from './errors.ts';

/** Deletes the key only if it still holds this replica's token (a lease that expired may be another's by now). */
const RELEASE_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Extends the key's expiry only if it still holds this replica's token; 1 renewed, 0 another's or gone. */
const RENEW_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** What a give-back uses of a Redis client (ioredis's `eval`). */
interface EvalRedis {
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>;
}

/**
 * Deletes `key` only if it still holds `token` (compare-and-delete): the give-back of every lease and
 * claim taken with `SET NX PX` (this sweep lease, the trip service's forget lease and nudge claim).
 * Never throws: the key expires anyway.
 */
export const giveBackLease = async (redis: EvalRedis, key: string, token: string): Promise<void> => {
  await redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => undefined);
};

export interface LeaseOptions {
  readonly redis: Redis;
  /** The lease's key: one per sweep and per the data it sweeps (replicas of another deployment sharing the Redis do not contend). */
  readonly key: string;
  /** How long a lease holds: shorter than the sweep's period. */
  readonly ttlMs: number;
  /** Called on the ticks another replica held the lease (nothing swept here). */
  readonly onSkipped?: () => void;
  readonly logger: MessagingLogger;
}

/**
 * `sweep` run under the lease: what `schedulePruning` runs. Answers 0 (nothing swept) when another
 * replica holds it.
 */
export const leased = (opts: LeaseOptions, sweep: (stopped: AbortSignal) => Promise<number>): ((stopped: AbortSignal) => Promise<number>) => {
  const token = randomUUID();
  const release = () => giveBackLease(opts.redis, opts.key, token);
  const expireAt = async (leftMs: number): Promise<void> => {
    if (leftMs < 1) return release();
    await opts.redis.eval(RENEW_SCRIPT, 1, opts.key, token, String(Math.floor(leftMs))).catch(() => undefined);
  };
  return async (stopped) => {
    let taken: boolean;
    try {
      taken = (await opts.redis.set(opts.key, token, 'PX', opts.ttlMs, 'NX')) === 'OK';
    } catch (err) {
      opts.logger.info({ err: describeError(err), lease: opts.key }, 'lease not readable (Redis); sweeping without it');
      taken = true;
    }
    if (!taken) {
      opts.onSkipped?.();
      return 0;
    }
    const lost = new AbortController();
    const stop = () => lost.abort();
    stopped.addEventListener('abort', stop, { once: true });
    if (stopped.aborted) lost.abort();
    const takenAt = Date.now();
    let renewed = false;
    const renewal = setInterval(() => {
      renewed = true;
      opts.redis.eval(RENEW_SCRIPT, 1, opts.key, token, String(opts.ttlMs)).then(
        (answer) => {
          if (Number(answer) === 1 || lost.signal.aborted) return;
          opts.logger.info({ lease: opts.key }, 'lease lost while sweeping (expired, or another replica took it); the sweep ends');
          lost.abort();
        },
        // Redis out of reach: every replica sweeps then (above); the next renewal tries again.
        () => undefined,
      );
    }, Math.max(1, Math.floor(opts.ttlMs / 3)));
    renewal.unref();
    try {
      const swept = await sweep(lost.signal);
      clearInterval(renewal);
      if (stopped.aborted) await release();
      // Renewed, it would have outlived the next period's tick (one period skipped after any sweep past a
      // third of the TTL): back to expiring when the lease taken would have, or given back if that is past.
      else if (renewed) await expireAt(takenAt + opts.ttlMs - Date.now());
      return swept;
    } catch (err) {
      await release();
      throw err;
    } finally {
      clearInterval(renewal);
      stopped.removeEventListener('abort', stop);
    }
  };
};

/** A lease shorter than the period `everyMs` by a tenth: a holder's successor takes over within the next period, and the replicas' ticks rarely both find it free. */
export const leaseTtlMs = (everyMs: number): number => Math.max(1, Math.floor(everyMs * 0.9));
