/** Service Bus queues (seed §3): names written once, used by Bicep tests, manifests and services. */
export const QUEUES = {
  aiScheduleGeneration: 'ai-schedule-generation-queue',
  locationSearch: 'location-search-queue',
  notification: 'notification-queue',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

/** Seed §2 dev messaging: max queue size 1 GB, message TTL 14 days. */
export const QUEUE_LIMITS = { maxSizeInMegabytes: 1024, defaultMessageTimeToLive: 'P14D', maxDeliveryCount: 10 } as const;

const DAY_MS = 24 * 60 * 60_000;

/** Milliseconds of an ISO 8601 duration in days (`P14D`): the only form QUEUE_LIMITS uses. */
export const isoDaysMs = (duration: string): number => {
  const m = /^P(\d+)D$/.exec(duration);
  if (!m) throw new Error(`"${duration}" is not a duration in days (PnD)`);
  return Number(m[1]) * DAY_MS;
};

/**
 * How long after it was sent a message id can still arrive: a redelivery (a lost lock, an abandon)
 * or an outbox re-send (a relay that died before marking the row sent) comes while the message
 * lives, i.e. within the queues' time to live. The consumers deduplicate (processed_messages), so
 * Service Bus's own duplicate detection, whose window is at most 7 days, is not needed.
 */
export const DUPLICATE_WINDOW_MS = isoDaysMs(QUEUE_LIMITS.defaultMessageTimeToLive);

/**
 * The messaging tables are not archives: processed message ids and sent outbox rows are deleted
 * once older than `keepMs`, a day past the duplicate window (so a duplicate still arriving is still
 * recognised), by every running service every `pruneEveryMs` (the idempotent consumers and the
 * outbox relay of @tripgen/service-kit/messaging).
 */
export const MESSAGE_RETENTION = { keepMs: DUPLICATE_WINDOW_MS + DAY_MS, pruneEveryMs: 60 * 60_000 } as const;

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
