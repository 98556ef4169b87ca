/**
 * Which trip replica reads a nudged schedule (catalog SCHEDULE_OUTCOME_CHANNEL, heard by every
 * replica): the one whose `SET key value NX PX ttl` (redis.io/docs/latest/commands/set, "NX" and
 * "PX": set only if absent, expiring after ttl milliseconds) of the schedule's key takes it (catalog
 * SCHEDULE_NUDGE_CLAIM), as the kit's leases (service-kit messaging/lease.ts). Kept after a read
 * that found the outcome: the replicas that hear the same message a moment later must find it
 * taken; it expires by itself. Given back (compare-and-delete, as the lease) after a read that
 * found none, or failed: a nudge may come before the outcome (the AI service publishes after each
 * delivery of the schedule that committed: a request taken past its deadline goes to the back of
 * its queue first), and a claim held for its TTL made every replica leave the outcome's own nudge
 * to the sweep. While Redis does not answer, every replica reads, as before the claim: the reads
 * are idempotent (one update wins, FINISH_SQL), and a Redis fault must not leave an outcome to the sweep.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SCHEDULE_NUDGE_CLAIM, scheduleNudgeClaimKey } from '@tripgen/catalog';
import { giveBackLease } from '@tripgen/service-kit/messaging';

/** The commands used of the kit's Redis client (ioredis's `set` with its PX and NX options, and `eval`). */
export interface ClaimRedis {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<'OK' | null>;
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>;
}

interface Logger {
  info(obj: object, msg: string): void;
}

/** A nudge this replica reads; `giveBack` lets the next nudge of the schedule be claimed again. */
export interface NudgeClaim {
  giveBack(): Promise<void>;
}

/** Read without a claim (Redis not answering): nothing to give back. */
const UNCLAIMED: NudgeClaim = { giveBack: async () => undefined };

/**
 * This replica's claim of the nudge of `scheduleId` for the replicas of `tripDatabase`, or
 * undefined when another replica has it. The value is the pod's name (its host name), for an
 * operator's GET of the key, and a token of this claim, for the give-back.
 */
export const nudgeClaim =
  (redis: ClaimRedis, tripDatabase: string, log: Logger) =>
  async (scheduleId: string): Promise<NudgeClaim | undefined> => {
    const key = scheduleNudgeClaimKey(tripDatabase, scheduleId);
    const token = `${hostname()} ${randomUUID()}`;
    try {
      if ((await redis.set(key, token, 'PX', SCHEDULE_NUDGE_CLAIM.ttlMs, 'NX')) !== 'OK') return undefined;
    } catch (err) {
      log.info({ err: String(err), scheduleId }, 'nudge claim not readable (Redis); read here, as by every replica that hears it');
      return UNCLAIMED;
    }
    return {
      giveBack: async () => {
        await giveBackLease(redis, key, token); // one expired meanwhile may be another replica's
      },
    };
  };
