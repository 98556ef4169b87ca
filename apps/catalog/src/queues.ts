/** Service Bus queues (seed §3): names written once, used by Bicep tests, manifests and services. */
export const QUEUES = {
  aiScheduleGeneration: 'ai-schedule-generation-queue',
  locationSearch: 'location-search-queue',
  notification: 'notification-queue',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

/**
 * Event Hubs streams (prod; seed §4.2.3 "Service Bus + Event Hubs"): the trip events analytics reads.
 * Bicep creates the hub and gives only the producer's identity Data Sender on it; the manifests
 * hand the producer the namespace and hub (EVENTHUBS_FQDN, TRIP_EVENTS_HUB).
 */
export const EVENT_STREAMS = [{ hub: 'trip-events', producer: 'trip' }] as const satisfies readonly { hub: string; producer: string }[];

/** Seed §2 dev messaging: max queue size 1 GB, message TTL 14 days. */
export const QUEUE_LIMITS = { maxSizeInMegabytes: 1024, defaultMessageTimeToLive: 'P14D', maxDeliveryCount: 10 } as const;

/** Body of a notification-queue message: produced by the AI service, kept in the user's inbox by the user service. */
export interface NotificationMessage {
  readonly userId: string;
  /** e.g. 'schedule.completed' */
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * Body of a location-search-queue message: produced by the trip service when a trip is created or
 * its destination changes, consumed by the location service to warm the destination's candidate
 * places (its cache) before the AI service asks for them.
 */
export interface LocationSearchMessage {
  readonly tripId: string;
  readonly center: { readonly lat: number; readonly lng: number };
  readonly radiusKm: number;
  /** Place categories the traveller is interested in (empty: all). */
  readonly categories: readonly string[];
  /** The trip's dates (YYYY-MM-DD), whose real opening the AI service will ask for. */
  readonly dates: readonly string[];
}
