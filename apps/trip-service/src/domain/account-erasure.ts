/**
 * The trips of deleted accounts (catalog ACCOUNT_ERASURE): a traveller who deletes their account
 * (the user service's DELETE /api/v1/users/me), or whose account an operator deleted, has their
 * trips erased here, with no message between the services: a sweep walks the owners of trips in key
 * order, asks the user service which of each batch have no account, has the AI service erase their
 * finished generations (the requests and plans it keeps by account), then deletes their trips one by
 * one as a trip DELETE does (TripRepository.remove: their queued and running schedules withdrawn,
 * the tripDeleted event recorded). The AI service first: once the trips are gone this sweep no
 * longer finds the account, so a failure there ends the sweep with the trips kept, found again by
 * the next. Every replica sweeps: a trip deleted twice is deleted once (the second finds no row).
 * Only the ids the user service names as missing, among those asked, are erased: no answer, or
 * another one, erases nothing.
 */
import { ACCOUNT_ERASURE } from '@tripgen/catalog';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TripRepository } from './trips.ts';

export interface AccountErasure {
  readonly prisma: PrismaClient;
  readonly trips: Pick<TripRepository, 'remove'>;
  /** The user service's answer (Peers.missingAccounts). */
  missingAccounts(ids: readonly string[]): Promise<string[]>;
  /** The AI service's erasure of their generations (Peers.eraseGenerations); throws when it does not answer. */
  eraseGenerations(userIds: readonly string[]): Promise<number>;
}

/** Trips of one owner read per round: an account with many trips is erased in rounds of this many. */
const TRIPS_PER_ROUND = 100;

/** The next `batch` owners of trips after `after` (all from the first), on the (user_id, created_at) index. */
const ownersAfter = (prisma: PrismaClient, after: string | undefined, batch: number) =>
  after === undefined
    ? prisma.$queryRaw<{ userId: string }[]>`SELECT DISTINCT user_id AS "userId" FROM trips ORDER BY user_id LIMIT ${batch}`
    : prisma.$queryRaw<{ userId: string }[]>`SELECT DISTINCT user_id AS "userId" FROM trips WHERE user_id > ${after}::uuid ORDER BY user_id LIMIT ${batch}`;

/** Deletes every trip of `userId` (an account gone); how many it deleted. */
const eraseTripsOf = async ({ prisma, trips }: AccountErasure, userId: string): Promise<number> => {
  let erased = 0;
  for (;;) {
    const round = await prisma.trip.findMany({ where: { userId }, select: { id: true }, orderBy: { id: 'asc' }, take: TRIPS_PER_ROUND });
    for (const { id } of round) if (await trips.remove(userId, id)) erased++;
    if (round.length < TRIPS_PER_ROUND) return erased;
  }
};

/**
 * One sweep over every owner of trips: the trips deleted. `stopped` (the schedule's, aborted when
 * the pod drains) ends it between two batches: the next sweep starts again from the first owner.
 */
export const eraseTripsOfDeletedAccounts = async (deps: AccountErasure, stopped?: AbortSignal, batch: number = ACCOUNT_ERASURE.batch): Promise<number> => {
  let erased = 0;
  let after: string | undefined;
  for (;;) {
    const owners = (await ownersAfter(deps.prisma, after, batch)).map((r) => r.userId);
    if (owners.length === 0) return erased;
    const asked = new Set(owners);
    const gone = [...new Set(await deps.missingAccounts(owners))].filter((id) => asked.has(id));
    if (gone.length > 0) await deps.eraseGenerations(gone);
    for (const userId of gone) erased += await eraseTripsOf(deps, userId);
    after = owners.at(-1);
    if (owners.length < batch || stopped?.aborted) return erased;
  }
};
