/**
 * Trip events for analytics (seed §4.2.3, Event Hubs): what the trip service publishes to the
 * `trip-events` hub (EVENT_STREAMS), written once for the producer, its tests and docs/events.md.
 * CloudEvents 1.0 in the AMQP binding's binary content mode: the data below is the body
 * (application/json), the attributes are `cloudEvents:`-prefixed application properties, the
 * event id is the AMQP message-id (consumers deduplicate on it: delivery is at least once).
 * No personal data beyond ids: no names, titles, places or coordinates.
 */
import type { TravelModeName } from './queues.ts';

/** The `source` attribute of every trip event. */
export const TRIP_EVENT_SOURCE = '/tripgen/trip-service';

/**
 * Event types; the version is part of the type (`.v1`): a change that removes or retypes a field
 * is a new type (`.v2`), published next to the old one until analytics has moved.
 */
export const TRIP_EVENT_TYPES = {
  tripCreated: 'com.tripgen.trip.created.v1',
  tripUpdated: 'com.tripgen.trip.updated.v1',
  tripDeleted: 'com.tripgen.trip.deleted.v1',
  scheduleRequested: 'com.tripgen.schedule.requested.v1',
  scheduleReplanRequested: 'com.tripgen.schedule.replan-requested.v1',
  scheduleCompleted: 'com.tripgen.schedule.completed.v1',
  scheduleFailed: 'com.tripgen.schedule.failed.v1',
  scheduleCancelled: 'com.tripgen.schedule.cancelled.v1',
} as const;
export type TripEventType = (typeof TRIP_EVENT_TYPES)[keyof typeof TRIP_EVENT_TYPES];

interface TripRef {
  readonly tripId: string;
  readonly userId: string;
}
interface TripShape extends TripRef {
  /** Days of the trip. */
  readonly days: number;
  /** Interest keywords given (how many, not which: they are free text). */
  readonly interestCount: number;
  readonly mustVisitCount: number;
  /** null: the traveller's preference at schedule time. */
  readonly travelMode: TravelModeName | null;
}
interface ScheduleRef extends TripRef {
  readonly scheduleId: string;
}

/** The data of each event type (the AMQP body). */
export interface TripEventData {
  readonly 'com.tripgen.trip.created.v1': TripShape;
  /** `changed`: the names of the fields the update changed (public API names). */
  readonly 'com.tripgen.trip.updated.v1': TripShape & { readonly changed: readonly string[] };
  readonly 'com.tripgen.trip.deleted.v1': TripRef;
  readonly 'com.tripgen.schedule.requested.v1': ScheduleRef & { readonly days: number; readonly travelMode: TravelModeName };
  /** A re-plan of one day: the schedule it changes and how many places stay on that day. */
  readonly 'com.tripgen.schedule.replan-requested.v1': ScheduleRef & { readonly baseScheduleId: string; readonly lockedCount: number };
  /** `durationMs`: from the request to the outcome as this service saw it. */
  readonly 'com.tripgen.schedule.completed.v1': ScheduleRef & { readonly replan: boolean; readonly durationMs: number; readonly stops: number; readonly unscheduled: number };
  /** `reason`: timed-out (no outcome before the deadline) or generation-failed (the AI service said so). */
  readonly 'com.tripgen.schedule.failed.v1': ScheduleRef & { readonly replan: boolean; readonly durationMs: number; readonly reason: 'timed-out' | 'generation-failed' };
  /** The traveller deleted it while it was queued or running: its outcome (none comes after). `durationMs`: from the request to the DELETE. */
  readonly 'com.tripgen.schedule.cancelled.v1': ScheduleRef & { readonly replan: boolean; readonly durationMs: number };
}

/** The AMQP application properties of an event: the CloudEvents attributes, `cloudEvents:`-prefixed. */
export const CLOUD_EVENT_PROPERTY_PREFIX = 'cloudEvents:';
