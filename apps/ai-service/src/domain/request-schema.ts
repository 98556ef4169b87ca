/**
 * The schedule-generation message (catalog ScheduleGenerationMessage) checked at the door: a body
 * that is not one is a poison message (dead-lettered at once, never retried). A tolerant reader
 * (the message rules in @tripgen/catalog queues.ts): fields it does not know are ignored (a newer trip service may send
 * them), and a travel mode or pace it does not know is a newer release's, not poison
 * (NewerMessageError: redelivered, so that a newer AI pod can plan it during a rollout).
 */
import { PACES, TRAVEL_MODES, TRIP_LIMITS, TRIP_LIMITS_READER_FACTOR, type ScheduleGenerationMessage } from '@tripgen/catalog';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { IsUuid } from 'typebox/format';
import { NewerMessageError, PermanentMessageError } from '@tripgen/service-kit/messaging';
import type { NotifyMessage } from './generations.ts';

const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Clock = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' });
const Id = Type.String({ minLength: 1, maxLength: 200 });
/** What this reader accepts: the trip's limits with room for a release that raises one (catalog TRIP_LIMITS_READER_FACTOR). */
const ACCEPTED = Object.fromEntries(Object.entries(TRIP_LIMITS).map(([k, v]) => [k, v * TRIP_LIMITS_READER_FACTOR])) as Record<keyof typeof TRIP_LIMITS, number>;
const Point = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) });

/** Why the trip service withdrew a request, and whether to tell the traveller (on the queue, and on the internal withdraw route). */
export const Withdrawn = Type.Object({ error: Type.String({ minLength: 1, maxLength: 500 }), notify: Type.Boolean() });

export const ScheduleRequestSchema = Type.Object({
  scheduleId: Uuid,
  tripId: Uuid,
  userId: Uuid,
  requestedAt: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  trip: Type.Object({
    destination: Type.Object({ name: Type.String({ maxLength: 200 }), lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }),
    lodging: Point,
    dates: Type.Array(IsoDate, { minItems: 1, maxItems: ACCEPTED.days }),
    dayStart: Clock,
    dayEnd: Clock,
    interests: Type.Array(Type.String({ maxLength: ACCEPTED.interestLength }), { maxItems: ACCEPTED.interests }),
    mustVisit: Type.Array(Id, { maxItems: ACCEPTED.mustVisits }),
    // Any word here; which ones this version knows is checked after (NewerMessageError).
    travelMode: Type.String({ minLength: 1, maxLength: 50 }),
    pace: Type.String({ minLength: 1, maxLength: 50 }),
  }),
  replan: Type.Optional(Type.Object({ baseScheduleId: Uuid, date: IsoDate, locked: Type.Array(Id, { maxItems: ACCEPTED.mustVisits }) })),
  withdrawn: Type.Optional(Withdrawn),
  // Anything: only `trip` is read (catalog tripNotifies); any other value, a newer release's, is this
  // service's to notify, never poison (it decides nothing of the plan).
  notifiedBy: Type.Optional(Type.Unknown()),
});

const check = Compile(ScheduleRequestSchema);

/** The parts of a body worth keeping even when the rest is unusable (to mark that schedule failed). */
export const salvageIds = (body: unknown): { scheduleId: string; tripId: string; userId: string } | undefined => {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object') return undefined;
  const [scheduleId, tripId, userId] = [b.scheduleId, b.tripId, b.userId];
  if (typeof scheduleId !== 'string' || typeof tripId !== 'string' || typeof userId !== 'string') return undefined;
  // The format the schema's Uuid checks.
  return IsUuid(scheduleId) && IsUuid(tripId) && IsUuid(userId) ? { scheduleId, tripId, userId } : undefined;
};

const checkWithdrawn = Compile(Withdrawn);

/**
 * The withdrawal a body says it is, even when the request it copies cannot be read (poison, or a
 * value a newer release added): the withdrawal copies its request as stored, so a request that
 * cannot be read has a withdrawal that cannot either, and it is a withdrawal all the same (it needs
 * only the ids and its `withdrawn`). Undefined when either cannot be read.
 */
export const salvageWithdrawal = (body: unknown): { scheduleId: string; tripId: string; userId: string; withdrawn: { error: string; notify: boolean } } | undefined => {
  const ids = salvageIds(body);
  // Read only once the ids are: a body of null has no property to read (a TypeError, retried as transient).
  const withdrawn = ids && (body as { withdrawn?: unknown }).withdrawn;
  return ids && checkWithdrawn.Check(withdrawn) ? { ...ids, withdrawn } : undefined;
};

export const parseScheduleRequest = (body: unknown): ScheduleGenerationMessage => {
  if (!check.Check(body)) {
    const first = [...check.Errors(body)][0] as { instancePath?: string; message?: string } | undefined;
    throw new PermanentMessageError('InvalidBody', `not a schedule request: ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
  }
  const m = body as ScheduleGenerationMessage;
  // The format admits a leap second (23:59:60), which Date reads as NaN: the deadline would never
  // apply and the time since the request (metrics, the request record) would be NaN, which fails the
  // delivery's transaction after the schedule was made, and on its last delivery leaves it unfinished.
  for (const field of ['requestedAt', 'notAfter'] as const) {
    if (Number.isNaN(Date.parse(m[field]))) throw new PermanentMessageError('InvalidBody', `not a schedule request: ${field} is not a time this reader can use`);
  }
  const { dayStart, dayEnd, dates } = m.trip;
  if (dayStart >= dayEnd) throw new PermanentMessageError('InvalidBody', 'not a schedule request: dayStart must be before dayEnd');
  for (let i = 1; i < dates.length; i++) {
    if (Date.parse(`${dates[i]}T00:00:00Z`) - Date.parse(`${dates[i - 1]}T00:00:00Z`) !== 86_400_000) {
      throw new PermanentMessageError('InvalidBody', 'not a schedule request: dates must be consecutive days');
    }
  }
  if (dates.some((d) => Number.isNaN(Date.parse(`${d}T00:00:00Z`)))) throw new PermanentMessageError('InvalidBody', 'not a schedule request: a date does not exist');
  if (m.replan && !dates.includes(m.replan.date)) throw new PermanentMessageError('InvalidBody', 'not a schedule request: the re-planned date is not a day of the trip');
  // Last: a body that is poison anyway is dead-lettered at once, not handed back for a newer release.
  for (const [field, known] of [['travelMode', TRAVEL_MODES], ['pace', PACES]] as const) {
    const value: string = m.trip[field];
    if (!(known as readonly string[]).includes(value)) throw new NewerMessageError(`this version of the planner does not know ${field} "${value}"`);
  }
  return m;
};

/**
 * A notify message (generations.ts notifyMessageId: this service's own, on the schedule queue):
 * the schedule and the notification of its outcome. A body that is not one is poison as a request's.
 */
const NotifySchema = Type.Object({
  scheduleId: Uuid,
  tripId: Uuid,
  userId: Uuid,
  notification: Type.Object({ userId: Uuid, type: Type.String({ minLength: 1, maxLength: 100 }), payload: Type.Object({}), occurredAt: Type.Optional(Type.String({ format: 'date-time' })) }),
});
const checkNotify = Compile(NotifySchema);

export const parseNotifyMessage = (body: unknown): NotifyMessage => {
  if (!checkNotify.Check(body)) {
    const first = [...checkNotify.Errors(body)][0] as { instancePath?: string; message?: string } | undefined;
    throw new PermanentMessageError('InvalidBody', `not a notify message: ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
  }
  return body as NotifyMessage;
};
