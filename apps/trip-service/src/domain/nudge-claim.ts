/**
 * Which trip replica reads a nudged schedule (catalog SCHEDULE_OUTCOME_CHANNEL, heard by every
 * replica): the one whose `SET key value NX PX ttl` (redis.io/docs/latest/commands/set, "NX" and
 * "PX": set only if absent, expiring after ttl milliseconds) of the schedule's key takes it (catalog
 * SCHEDULE_NUDGE_CLAIM), as the kit's leases (service-kit messaging/lease.ts). Not given back: the
 * replicas that hear the same message a moment later must find it taken; it expires by itself.
 * While Redis does not answer, every replica reads, as before the claim: the reads are idempotent
 * (one update wins, FINISH_SQL), and a Redis fault must not leave an outcome to the sweep.
 */
import { hostname } from 'node:os';
import { SCHEDULE_NUDGE_CLAIM, scheduleNudgeClaimKey } from '@tripgen/catalog';

/** The one command used of the kit's Redis client (ioredis's `set` with its PX and NX options). */
export interface ClaimRedis {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<'OK' | null>;
}

interface Logger {
  info(obj: object, msg: string): void;
}

/**
 * Whether this replica reads the nudge of `scheduleId` for the replicas of `tripDatabase`. The value
 * is the pod's name (its host name), for an operator's GET of the key.
 */
export const nudgeClaim =
  (redis: ClaimRedis, tripDatabase: string, log: Logger) =>
  async (scheduleId: string): Promise<boolean> => {
    try {
      return (await redis.set(scheduleNudgeClaimKey(tripDatabase, scheduleId), hostname(), 'PX', SCHEDULE_NUDGE_CLAIM.ttlMs, 'NX')) === 'OK';
    } catch (err) {
      log.info({ err: String(err), scheduleId }, 'nudge claim not readable (Redis); read here, as by every replica that hears it');
      return true;
    }
  };
