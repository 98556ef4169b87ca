/**
 * Trips: every query is scoped to the owner, so another user's trip is simply not found (404).
 * Creating a trip, or changing where and when it is, also asks the location service (through the
 * outbox, location-search-queue) to warm the candidate places the AI service will ask for.
 * Each change is also a trip event for analytics (events.ts), in the same transaction.
 */
import {
  CANDIDATE_RADIUS_KM,
  MEAL_CATEGORIES,
  QUEUES,
  TRIP_EVENT_TYPES,
  TRIPS_PER_TRAVELLER,
  candidateCategories,
  categoriesOfInterests,
  type LocationSearchMessage,
  type WithdrawnSchedule,
} from '@tripgen/catalog';
import { HttpProblem, driverAdapterCause } from '@tripgen/service-kit';
import { forgetTripSchedules } from './forgotten.ts';
import { lockTrip } from './trip-lock.ts';
import { enqueue } from '@tripgen/service-kit/messaging';
import type { Prisma, PrismaClient, Trip as TripRow } from '../generated/prisma/client.ts';
import type { TripEvents } from './events.ts';
import { digest } from './request-digest.ts';
import { readPage, type ListPage, type ListPosition } from './list-cursor.ts';
import { tripDates } from './trip-rules.ts';
import type { CreateTripBody, PatchTripBody, Trip } from './schemas.ts';

export type { TripRow };

export const toTrip = (t: TripRow): Trip => ({
  id: t.id,
  title: t.title,
  destination: { name: t.destinationName, lat: t.destinationLat, lng: t.destinationLng },
  startDate: t.startDate,
  endDate: t.endDate,
  dayStart: t.dayStart,
  dayEnd: t.dayEnd,
  interests: t.interests,
  mustVisit: t.mustVisit,
  travelMode: t.travelMode,
  lodging: t.lodgingLat !== null && t.lodgingLng !== null ? { name: t.lodgingName, lat: t.lodgingLat, lng: t.lodgingLng } : null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/**
 * The trip's strong entity tag (RFC 9110 8.8.3), its ETag: its `updatedAt` at its stored precision
 * (milliseconds, base 36), which every change of the trip moves forward (update), so two versions never
 * share one, where If-Unmodified-Since's HTTP-date cannot tell two changes in the same second apart.
 */
export const tripETag = (t: Pick<TripRow, 'updatedAt'>): string => `"${t.updatedAt.getTime().toString(36)}"`;

/** A change's updatedAt: now, and always after the one it replaces (a clock behind, the same millisecond), so its ETag is new. */
const changedAt = (before: Pick<TripRow, 'updatedAt'>): Date => new Date(Math.max(Date.now(), before.updatedAt.getTime() + 1));

/** Where each day starts and ends: the lodging, else the destination point. */
export const lodgingOf = (t: TripRow): { lat: number; lng: number } =>
  t.lodgingLat !== null && t.lodgingLng !== null ? { lat: t.lodgingLat, lng: t.lodgingLng } : { lat: t.destinationLat, lng: t.destinationLng };

const warmUp = (t: TripRow): LocationSearchMessage => ({
  tripId: t.id,
  center: lodgingOf(t),
  radiusKm: CANDIDATE_RADIUS_KM[t.travelMode ?? 'transit'],
  categories: candidateCategories(categoriesOfInterests(t.interests).some((c) => MEAL_CATEGORIES.includes(c))),
  dates: tripDates(t.startDate, t.endDate),
});

/** The fields a change of which changes the candidates (and so deserves a new warm-up). */
const whereAndWhen = (t: TripRow) => JSON.stringify([lodgingOf(t), t.startDate, t.endDate, t.interests, t.travelMode]);

const columns = (b: Omit<Partial<CreateTripBody>, 'travelMode' | 'lodging'> & { travelMode?: CreateTripBody['travelMode'] | null; lodging?: CreateTripBody['lodging'] | null }) => ({
  ...(b.title !== undefined ? { title: b.title.trim() } : {}),
  ...(b.destination ? { destinationName: b.destination.name.trim(), destinationLat: b.destination.lat, destinationLng: b.destination.lng } : {}),
  ...(b.startDate !== undefined ? { startDate: b.startDate } : {}),
  ...(b.endDate !== undefined ? { endDate: b.endDate } : {}),
  ...(b.dayStart !== undefined ? { dayStart: b.dayStart } : {}),
  ...(b.dayEnd !== undefined ? { dayEnd: b.dayEnd } : {}),
  ...(b.interests !== undefined ? { interests: b.interests } : {}),
  ...(b.mustVisit !== undefined ? { mustVisit: b.mustVisit } : {}),
  ...(b.travelMode !== undefined ? { travelMode: b.travelMode } : {}),
  ...(b.lodging !== undefined
    ? { lodgingName: b.lodging?.name?.trim() || null, lodgingLat: b.lodging?.lat ?? null, lodgingLng: b.lodging?.lng ?? null }
    : {}),
});

/** The trip as it would be after the patch (not stored): what PATCH validates as a whole. */
const merged = (t: TripRow, patch: PatchTripBody): TripRow => ({ ...t, ...columns(patch) });

/** What analytics learns of a trip: ids, sizes and the mode, nothing that names a person or a place. */
const shapeOf = (t: TripRow) => ({
  tripId: t.id,
  userId: t.userId,
  days: tripDates(t.startDate, t.endDate).length,
  interestCount: t.interests.length,
  mustVisitCount: t.mustVisit.length,
  travelMode: t.travelMode,
});

/** The public fields (API names) whose value differs between two versions of a trip. */
const changedFields = (before: TripRow, after: TripRow): string[] => {
  const [a, b] = [toTrip(before), toTrip(after)];
  return (Object.keys(a) as (keyof Trip)[]).filter((k) => k !== 'updatedAt' && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
};

export const KEY_REUSED = 'This Idempotency-Key was used for a different trip creation request (another body)';

/**
 * Inserts a create under a key tries at most: the first, and one more when the trip that won the key
 * was deleted before it could be read. Bounded: each lost try means another trip was created under
 * the key and deleted within one insert's time, which only a traveller deleting what their own
 * concurrent requests create can cause.
 */
const CREATE_ATTEMPTS = 2;

export const KEY_CONTENDED =
  'Trips created under this Idempotency-Key were deleted as fast as they were created, so this request could not settle which trip it is; send it again';

/** Keys sorted at every level: the same JSON object, whatever order the client wrote its fields in. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;

/**
 * What a create asked: the body as validated, independent of field order (arrays keep theirs: the
 * trip keeps them in that order). Another body under the same key is a 422, as on the schedules route.
 */
const createRequestHash = (body: CreateTripBody): string => digest(canonical(body));

/** Prisma 7's pg adapter: a unique violation (23505) comes as P2002 or with the driver's code. */
const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: unknown } | null)?.code === 'P2002' || driverAdapterCause(err)?.originalCode === '23505';

/**
 * The traveller's trip created under this Idempotency-Key (undefined when none is: never used, or
 * its trip deleted, which frees the key), or 422 when it was created from another body.
 */
const createdUnder = async (prisma: PrismaClient, userId: string, idempotencyKey: string, body: CreateTripBody): Promise<TripRow | undefined> => {
  const found = await prisma.trip.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } });
  if (found && found.requestHash !== createRequestHash(body)) throw new HttpProblem(422, KEY_REUSED);
  return found ?? undefined;
};

/**
 * The CHECK constraint a write broke (migration trip_valid_as_a_whole), or undefined for any other
 * error. Prisma 7's pg adapter has no kind of its own for 23514: it comes as P2039 with the driver's code.
 */
const brokenCheck = (err: unknown): string | undefined => {
  const cause = driverAdapterCause(err);
  return cause?.originalCode === '23514' ? (/constraint "([^"]+)"/.exec(String(cause.originalMessage ?? ''))?.[1] ?? 'a check') : undefined;
};

/** A write the database refused as an invalid trip is the caller's conflict (409), never a 500. */
const refusedAsConflict = async <T>(write: Promise<T>): Promise<T> =>
  write.catch((err: unknown) => {
    const check = brokenCheck(err);
    throw check ? new HttpProblem(409, `The trip as it would be is not valid (${check}); read it again and send a change that keeps it valid`) : err;
  });

/**
 * The create's answer when the traveller keeps `max` trips already (catalog TRIPS_PER_TRAVELLER): 409,
 * a conflict with the state of their trips that they resolve by deleting one (RFC 9110 15.5.10), as the
 * API's other refusals of a request that a later state would accept; not 422 (the body is fine) nor
 * 429 (waiting frees nothing).
 */
export const tripLimitReached = (max: number): HttpProblem =>
  new HttpProblem(409, `A traveller may keep at most ${max} trips, and this account has reached it; deleting a trip frees its place for a new one`, { limit: max });

/**
 * Whether the traveller has room for one more trip, in the create's transaction: trip_db's
 * trip_room_for_one (migration trip_room_for_one) takes a transaction-scoped advisory lock on the
 * owner, held to the commit, so a create of the same owner on any replica waits there and then counts
 * the trip this one inserts. The count stops at `max`. One statement: this create's median, 600 in turn
 * per variant interleaved (two runs, a shared 2-core machine), was 1.6-3.2 ms without a limit; with
 * this +0.5-1.3 ms, with lock and count as two statements +1.0-1.9 ms, with a counter row's upsert
 * +0.5-0.9 ms. A counter needs a table, its backfill and a decrement on every path that deletes
 * trips (the route, the account erasure, an operator); this counts the trips themselves.
 */
const roomForOne = async (tx: Prisma.TransactionClient, userId: string, max: number): Promise<boolean> => {
  const [row] = await tx.$queryRaw<{ room: boolean }[]>`SELECT trip_room_for_one(${userId}::uuid, ${max}::int) AS room`;
  return row?.room === true;
};

/** The withdrawal of the schedules planned for what a trip no longer is (ScheduleService.withdrawals). */
export interface Withdrawals {
  /**
   * In the transaction of the trip's change (with the trip as written) or deletion (null, before
   * it), under the trip's row lock: fails them here and enqueues their withdrawal messages; those
   * it withdrew.
   */
  stale(tx: Prisma.TransactionClient, tripId: string, after: TripRow | null): Promise<readonly WithdrawnSchedule[]>;
  /**
   * After the commit: tells the AI service at once too. Not awaited: the change is made whatever the
   * AI service answers, so a hung AI service does not hold the traveller's answer; never rejects.
   */
  tell(withdrawn: readonly WithdrawnSchedule[]): Promise<void>;
}

/**
 * Prisma's interactive-transaction limit (`timeout`, P2028 past it: a 503, the trip kept) for a trip's
 * DELETE alone, whose work grows with the trip's schedules (forgotten.ts forgetTripSchedules, and the
 * cascade to them): at its default 5 s, the 201,600 schedules of a trip of the release before the
 * schedule limit took ~1.8 s of it on a quiet machine and ran past it under CI's load (5.7 s). Each
 * statement stays within the kit's query time limit (QUERY_TIMEOUT_MS, 5 s; FORGET_WRITE_BATCH rows a
 * statement), so a stalled server still ends the DELETE within that (503), and the trip's row lock
 * is waited for TRIP_LOCK_WAIT at most (409, trip-lock.ts); only work being done runs longer. 20 s: 11 times the quiet figure, and an answer before Application
 * Gateway gives the request up (infra-bicep/modules/appgw.bicep, requestTimeout 30 s), after which
 * the traveller could not tell whether the trip went.
 */
export const TRIP_DELETE_TRANSACTION_MS = 20_000;

/** `stopping`: whether the pod has begun to stop (the kit's health.draining): a long DELETE then gives up (forgotten.ts). */
/**
 * The statement of a trip's DELETE that takes the trip's row lock (lockTrip), its text as PostgreSQL
 * shows it in pg_stat_activity: docs/runbooks.md (TripGenAccountErasureStalled) finds a sweep waiting
 * for a held trip, and so its holder, by it. Parameters: trip id, user id.
 */
export const TRIP_DELETE_LOCK_SQL = 'SELECT updated_at AS "updatedAt" FROM trips WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE';

export const tripRepository = (prisma: PrismaClient, events: TripEvents, onEnqueued: () => void, withdrawals: Withdrawals, tripsPerTraveller: number = TRIPS_PER_TRAVELLER, stopping: () => boolean = () => false) => ({
  /**
   * Creates the trip, its warm-up message and its event in one transaction. Under an
   * Idempotency-Key, the unique index (user_id, idempotency_key) makes a request racing one with
   * the same key wait for it and then fail to insert: it answers the winner's trip (or 422 for
   * another body), and nothing of its own is stored. When the winner's trip is gone by the time it
   * is read (deleted in between), the key is free again and the create is tried once more, as any
   * request with a deleted trip's key; if that one loses the same way, 409 (KEY_CONTENDED).
   * A traveller keeping `tripsPerTraveller` trips gets 409 (tripLimitReached), nothing stored, unless
   * the key's trip is there by then (a request racing the one that took the last place with its key):
   * that trip is the answer, as for any replay.
   */
  async create(userId: string, body: CreateTripBody, idempotencyKey?: string, sent: CreateTripBody = body): Promise<TripRow> {
    // The request's hash is of the body as sent (`sent`), `body` being what is stored (interests in their
    // stored form): the same request again has that hash whatever the stored form, as it had when trips
    // stored their interests as sent.
    const keyed = idempotencyKey === undefined ? {} : { idempotencyKey, requestHash: createRequestHash(sent) };
    const insert = () =>
      refusedAsConflict(prisma.$transaction(async (tx) => {
        if (!(await roomForOne(tx, userId, tripsPerTraveller))) return undefined;
        const created = await tx.trip.create({ data: { userId, interests: [], mustVisit: [], ...keyed, ...(columns(body) as Omit<Prisma.TripUncheckedCreateInput, 'userId'>) } });
        await enqueue(tx, QUEUES.locationSearch, warmUp(created));
        await events.record(tx, TRIP_EVENT_TYPES.tripCreated, shapeOf(created));
        return created;
      }));
    for (let attempt = 1; ; attempt++) {
      try {
        const trip = await insert();
        if (trip) {
          onEnqueued();
          return trip;
        }
        const winner = idempotencyKey === undefined ? undefined : await createdUnder(prisma, userId, idempotencyKey, sent);
        if (winner) return winner;
        throw tripLimitReached(tripsPerTraveller);
      } catch (err) {
        if (idempotencyKey === undefined || !isUniqueViolation(err)) throw err;
        const winner = await createdUnder(prisma, userId, idempotencyKey, sent);
        if (winner) return winner;
        if (attempt >= CREATE_ATTEMPTS) throw new HttpProblem(409, KEY_CONTENDED);
      }
    }
  },

  createdUnder: (userId: string, idempotencyKey: string, body: CreateTripBody) => createdUnder(prisma, userId, idempotencyKey, body),

  /**
   * 409 (tripLimitReached) when the traveller keeps `tripsPerTraveller` trips already: the route's
   * check before the must-visits' lookup, so that a traveller at the limit is told to delete a trip,
   * not to retry (the location service down, a 503), and costs that service no call. A count that
   * stops at the limit (Prisma's count with `take`: a LIMIT in a subquery, an index-only scan of
   * the owner's entries; 0.5-0.6 ms median with 10 to 999 trips, README), outside any transaction
   * and without the owner's lock: a create racing it can still take the last place, which
   * `create`'s trip_room_for_one settles; this one only answers sooner.
   */
  async assertRoom(userId: string): Promise<void> {
    if ((await prisma.trip.count({ where: { userId }, take: tripsPerTraveller })) >= tripsPerTraveller) throw tripLimitReached(tripsPerTraveller);
  },

  /**
   * One page of the traveller's trips, newest first, after `after` (list-cursor.ts, readPage). On the
   * index (user_id, created_at DESC), EXPLAIN with 20,000 trips of one user among 100,000, page 300:
   * 52 index rows, 5 buffers, 0.1 ms.
   */
  list: (userId: string, limit: number, after?: ListPosition): Promise<ListPage<TripRow>> =>
    readPage(limit, after, (keyset) => prisma.trip.findMany({ ...keyset, where: { userId, ...keyset.where } })),

  get: (userId: string, id: string) => prisma.trip.findFirst({ where: { id, userId } }),

  merged,

  /**
   * Applies the patch if `check` accepts the trip as it would be, and as it is (it throws otherwise:
   * the request's preconditions are checked there against the trip as found). Read, check
   * and write are one step under the trip's row lock: two changes each valid alone (a later
   * dayStart, an earlier dayEnd) are checked one after the other, the second against the first's
   * result, never both against the same old trip; two PATCHes with the same If-Unmodified-Since,
   * the second against the first's updatedAt. Prisma has no SELECT ... FOR UPDATE of its own,
   * hence the raw lock; no call to another service is made while it is held. The lock is waited
   * for TRIP_LOCK_WAIT at most (trip-lock.ts): behind a DELETE under way, 409 (tripBusy), nothing changed.
   */
  async update(userId: string, id: string, patch: PatchTripBody, check: (after: TripRow, before: TripRow) => void): Promise<TripRow | null> {
    let withdrawn: readonly WithdrawnSchedule[] = [];
    const trip = await refusedAsConflict(
      prisma.$transaction(async (tx) => {
        const locked = await lockTrip<{ id: string }>(tx, 'SELECT id FROM trips WHERE id = $1::uuid AND user_id = $2::uuid FOR UPDATE', id, userId);
        if (locked.length === 0) return null;
        const before = await tx.trip.findUniqueOrThrow({ where: { id } });
        check(merged(before, patch), before);
        const after = await tx.trip.update({ where: { id }, data: { ...columns(patch), updatedAt: changedAt(before) } });
        if (whereAndWhen(before) !== whereAndWhen(after)) await enqueue(tx, QUEUES.locationSearch, warmUp(after));
        const changed = changedFields(before, after);
        if (changed.length > 0) await events.record(tx, TRIP_EVENT_TYPES.tripUpdated, { ...shapeOf(after), changed });
        withdrawn = await withdrawals.stale(tx, id, after);
        return after;
      }),
    );
    if (trip) onEnqueued();
    if (withdrawn.length > 0) void withdrawals.tell(withdrawn);
    return trip;
  },

  /**
   * Deletes the trip if `check` accepts it as it is under its row lock (it throws otherwise: the
   * request's preconditions, evaluated against the trip a concurrent change may have just changed).
   * The lock is waited for TRIP_LOCK_WAIT at most: behind another DELETE or change under way, 409
   * (tripBusy), nothing deleted; asked again once that DELETE is done, the trip is not found.
   */
  async remove(userId: string, id: string, check: (before: Pick<TripRow, 'updatedAt'>) => void = () => undefined): Promise<boolean> {
    let withdrawn: readonly WithdrawnSchedule[] = [];
    const removed = await prisma.$transaction(async (tx) => {
      // Locked first: a schedule request inserting now is then either seen below or finds no trip.
      // The wait is for the trip's row alone (lockTrip): the batches after it wait for their rows as before.
      const locked = await lockTrip<{ updatedAt: Date }>(tx, TRIP_DELETE_LOCK_SQL, id, userId);
      if (locked.length === 0) return false;
      check(locked[0]!);
      withdrawn = await withdrawals.stale(tx, id, null);
      // Its schedules go here, a batch a statement, each written down for its copies at the AI service to go after the commit (forgotten.ts).
      await forgetTripSchedules(tx, id, undefined, stopping);
      if ((await tx.trip.deleteMany({ where: { id, userId } })).count !== 1) return false;
      await events.record(tx, TRIP_EVENT_TYPES.tripDeleted, { tripId: id, userId });
      return true;
    }, { timeout: TRIP_DELETE_TRANSACTION_MS });
    if (removed) onEnqueued();
    if (removed && withdrawn.length > 0) void withdrawals.tell(withdrawn);
    return removed;
  },
});

export type TripRepository = ReturnType<typeof tripRepository>;
