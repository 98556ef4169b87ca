/** Service Bus queues (seed §3): names written once, used by Bicep tests, manifests and services. */
export const QUEUES = {
  aiScheduleGeneration: 'ai-schedule-generation-queue',
  locationSearch: 'location-search-queue',
  notification: 'notification-queue',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

/**
 * The most deliveries of a queue one pod of its consumer holds at once (the kit's handler slots;
 * the receivers prefetch nothing): the consuming service passes it to the kit's consumer, and the
 * queue's Azure backlog alert (infra-bicep alerts.bicep) fires when more messages than all the
 * consumer's pods can hold (the most pods it runs in the environment, maxPods, times this) wait for
 * a quarter of an hour.
 */
export const CONSUMER_CONCURRENCY = {
  [QUEUES.aiScheduleGeneration]: 8,
  [QUEUES.locationSearch]: 2,
  [QUEUES.notification]: 4,
} as const satisfies Record<QueueName, number>;

/**
 * What becomes of one delivery a service consumes (the service kit's consumer): processed, a
 * duplicate of one processed before, abandoned for redelivery, dead-lettered (given up on: it
 * will never be processed), or rescheduled (completed once a copy of it was sent, to be delivered
 * later as a new message: its handler could not act on it yet and would only have held a slot).
 * The kit counts each (messages_consumed_total, by queue and outcome, from 0 for every queue the
 * service consumes) and the rendered alerts select dead letters by it.
 */
export const CONSUME_OUTCOMES = ['processed', 'duplicate', 'abandoned', 'deadLettered', 'rescheduled'] as const;
export type ConsumeOutcome = (typeof CONSUME_OUTCOMES)[number];

/**
 * Event Hubs streams (prod; seed §4.2.3 "Service Bus + Event Hubs"): the trip events analytics reads.
 * Bicep creates the hub and gives only the producer's identity Data Sender on it; the manifests
 * hand the producer the namespace and hub (EVENTHUBS_FQDN, TRIP_EVENTS_HUB).
 */
export const EVENT_STREAMS = [{ hub: 'trip-events', producer: 'trip' }] as const satisfies readonly { hub: string; producer: string }[];

/**
 * Seed §2 dev messaging: max queue size 1 GB, message TTL 14 days. The peek-lock duration (1 minute,
 * Service Bus's default; at most 5) bounds how long a consumer may hold a failing message before it
 * abandons it (the kit's redelivery backoff, @tripgen/service-kit/messaging).
 */
export const QUEUE_LIMITS = { maxSizeInMegabytes: 1024, defaultMessageTimeToLive: 'P14D', maxDeliveryCount: 10, lockDuration: 'PT1M' } as const;

const DAY_MS = 24 * 60 * 60_000;

/** Milliseconds of an ISO 8601 duration in minutes and/or seconds (`PT1M`, `PT30S`): the form of a lock duration. */
export const isoMinutesSecondsMs = (duration: string): number => {
  const m = /^PT(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!m || (m[1] === undefined && m[2] === undefined)) throw new Error(`"${duration}" is not a duration in minutes and seconds (PTnMnS)`);
  return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1000;
};

/** How long a received message stays locked to its consumer (the queues' lockDuration). */
export const QUEUE_LOCK_MS = isoMinutesSecondsMs(QUEUE_LIMITS.lockDuration);

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

/**
 * The AI service's failed generations (ai_db) are deleted once finished longer ago than `keepMs`,
 * by every running AI service every `pruneEveryMs`. Nothing reads one later: the trip service asks
 * for a schedule's state only while it is queued or running (its deadline and grace, minutes) or
 * failed there alone (its LATE_OUTCOME_WINDOW_MS: the queues' TTL from the request); a message about
 * the schedule (its request redelivered or re-sent, its `<id>.expired`) arrives within the duplicate
 * window of being sent, and finding no row it would fail the schedule again and notify the traveller
 * twice, hence the same day's margin as MESSAGE_RETENTION; a re-plan reads only a completed one.
 * Completed generations are not pruned by age: a re-plan of any completed schedule the trip service
 * still holds reads its days from here (the AI service's README); they go when the trip service
 * deletes their schedule or its trip (AI_INTERNAL_PATHS.forget, asked by its sweep; a failed one is
 * then cut to its ids and left to this retention). A deleted account's, completed or failed, are
 * erased by ACCOUNT_ERASURE's sweep. The ids the forget route recorded (ai_db forgotten_generations,
 * which make a later message about a deleted schedule create nothing and tell nobody) go by the same
 * bound from when they were recorded: every message about a schedule is sent before its forget (the
 * trip service deletes it first) and arrives within the duplicate window of being sent.
 */
export const GENERATION_RETENTION = { keepMs: MESSAGE_RETENTION.keepMs, pruneEveryMs: MESSAGE_RETENTION.pruneEveryMs } as const;

/*
 * Message rules (the bodies below). A message is not versioned: producers and consumers of two
 * releases share each queue during every rollout, and a message stays up to the queues' TTL (14
 * days, plus what waits in an outbox), so a consumer reads what the previous release wrote long after
 * the rollout. Therefore:
 *  - a consumer ignores fields it does not know (never additionalProperties: false), and refuses
 *    (dead-letters) only a body it cannot read: a required field missing or of the wrong type;
 *  - a field is added optional, and its consumer must work without it (the previous release's
 *    producers and the messages already queued do not carry it); it never becomes required, and a
 *    field is never removed, renamed or retyped: that is a new message on a new queue, as the
 *    events' `.v2` (events.ts);
 *  - a value of an enumeration the consumer does not know is a newer release's, never poison. Where
 *    the value only selects data (PLACE_CATEGORIES in a search), it is one no data of this version
 *    has (the location service: no place, on its queue and its candidates route alike); where the
 *    work depends on it (TRAVEL_MODES, PACES: the planner cannot plan an unknown mode), the consumer
 *    throws NewerMessageError (@tripgen/service-kit/messaging): the message is redelivered so that a
 *    newer pod takes it, and only its last delivery ends it (the AI service fails that schedule with
 *    the reason, already on the delivery after which the next would come past the schedule's deadline). A release that adds a value lets its readers know it first; writers (a public route
 *    accepting it, a PostgreSQL enum value) come with the next release (service-kit README,
 *    "Rolling deploys");
 *  - a limit (TRIP_LIMITS) is raised within what the previous release's reader accepts
 *    (TRIP_LIMITS_READER_FACTOR), so that it does not dead-letter the new release's messages.
 * Each consumer's tests send it a body with unknown fields and, where it carries an enumeration, one
 * with a value it does not know (ai-service test/request-schema.test.ts and test/consumer.test.ts,
 * location-service test/warm-up.test.ts, user-service test/domain.test.ts: a notification's type is
 * free text, kept as it comes).
 */

/** Body of a notification-queue message: produced by the trip service (or the AI service, for a request without ScheduleGenerationMessage.notifiedBy `trip`), kept in the user's inbox by the user service. */
export interface NotificationMessage {
  readonly userId: string;
  /** e.g. 'schedule.completed' */
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /**
   * ISO instant the producer recorded what it tells (the schedule's outcome): the inbox is newest
   * first by it, because the order messages land in is not the order they were written (a delivery
   * redelivered after a failure, an outbox row sent late by a failed send or another replica's
   * relay). Optional (added later): without it the consumer takes the time the broker enqueued the
   * message. A consumer never dates a notification after its arrival.
   */
  readonly occurredAt?: string;
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

/**
 * What one trip may ask of the planner: the trip service refuses more (its routes and its database
 * constraints), and the schedule message carries at most this. The interests (how many, how long
 * each) are also a traveller's preferred interests (the user service's preferences: a trip without
 * its own is planned with them) and what the AI service's interests route reads: one fact for the
 * three routes (tools/delivery test/openapi-lint.test.ts checks every served request body).
 */
export const TRIP_LIMITS = Object.freeze({ days: 14, mustVisits: 20, interests: 30, interestLength: 100 });

/**
 * A trip's day start and end as a traveller sends them (HH:MM, 00:00 to 23:59): the trip service's
 * schema, and the latest end the AI service may suggest ("end day 1 at 23:59", never 24:00).
 */
export const DAY_CLOCK = Object.freeze({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', latest: '23:59' });

/**
 * How much more than TRIP_LIMITS the message's reader (the AI service) accepts. A message is read by
 * the previous release's consumers during a rollout (message rules above), so a release may raise a
 * limit up to this factor without a consumer of the release before it dead-lettering what it sends;
 * beyond it, readers first.
 */
export const TRIP_LIMITS_READER_FACTOR = 2;

/**
 * A traveller's trip list (GET /api/v1/trips) comes in pages: their trips, up to TRIPS_PER_TRAVELLER,
 * are too many for one answer (OWASP API4:2023). 200 when the client names
 * no `limit`, and at most 200: the list answered its newest 200 before it had pages, so a client that
 * knows no `cursor` reads what it read before (adding pages to a list is otherwise a breaking change,
 * Microsoft REST API Guidelines); the rest is reached with the page's `nextCursor`.
 */
export const TRIP_LIST_PAGE = Object.freeze({ defaultLimit: 200, maxLimit: 200 });

/**
 * The trips one traveller may keep (POST /api/v1/trips answers 409 past it, until they delete one):
 * each trip brings schedules, outbox rows and events, and an account, or a stolen token, creating
 * trips without end (RATE_LIMIT alone lets 144,000 through a day) grows trip_db, the list's pages
 * and the account erasure's work without bound (OWASP API4:2023). Counted under a lock per owner
 * in the create's transaction, so replicas creating at once never pass it; a deleted trip frees its place.
 * Why 1,000: a trip a week for 19 years, yet at most five pages of TRIP_LIST_PAGE and 1,000 deletions in a deleted account's erasure.
 */
export const TRIPS_PER_TRAVELLER = 1_000;

/**
 * A trip's schedules (GET /api/v1/trips/{id}/schedules) come in pages too: a trip gains schedules as
 * long as it is re-planned (up to SCHEDULE_RATE_LIMIT a minute), without bound. 100 when the client
 * names no `limit`, and at most 100: the list answered its newest 100 before it had pages, so a
 * client that knows no `cursor` reads what it read before; the rest is reached with `nextCursor`.
 */
export const SCHEDULE_LIST_PAGE = Object.freeze({ defaultLimit: 100, maxLimit: 100 });

/**
 * The schedules one trip may keep (POST /api/v1/trips/{id}/schedules answers 409 past it): each is a
 * row with its request and days, its outbox rows and events, and a traveller (or a stolen token) asking
 * without end (SCHEDULE_RATE_LIMIT alone lets 14,400 a day through per trip; a test of an earlier limit
 * stored 201,600 on one trip) grows trip_db, the list's pages, the sweep's work and the account erasure
 * without bound (OWASP API4:2023). Every schedule counts, completed or failed: the rows are what is
 * bounded. Counted under a lock per trip in the request's insert, so replicas asking at once never pass it;
 * a deleted schedule (DELETE of an ended one) frees its place. Why 200: a traveller compares a handful of versions, and a re-plan of
 * one day is one too; 200 is 14 per day of the longest trip (TRIP_LIMITS.days) and 20 minutes of
 * requests at the full SCHEDULE_RATE_LIMIT, yet two pages of SCHEDULE_LIST_PAGE and, with
 * TRIPS_PER_TRAVELLER, 200,000 schedules at most in one account's erasure.
 */
export const SCHEDULES_PER_TRIP = 200;

/**
 * How long a write of a trip (its PATCH and DELETE, a schedule's request and DELETE) waits for the
 * trip's locks, all of them together (a statement_timeout of the statement that takes them: PostgreSQL's
 * lock_timeout bounds each lock waited for, and a write queued behind another waiting one waited twice
 * it), and the Retry-After of the 409 it answers past it. A
 * change of the trip holds that lock for milliseconds; a DELETE of a trip of the release before
 * SCHEDULES_PER_TRIP (201,600 schedules) for up to its 20 s transaction. Without this bound the
 * write waited out the kit's 5 s query limit and answered "The database is unavailable" (a 503 that
 * was not true), holding a pooled connection all that time. 2 s: a hundred times a PATCH's or an
 * ordinary DELETE's hold of the lock on a loaded machine, and well inside that 5 s.
 */
export const TRIP_LOCK_WAIT = Object.freeze({ ms: 2_000, retryAfterSeconds: 2 });

/**
 * The `code` member of the 409s a write answers when it waited TRIP_LOCK_WAIT for another request
 * (docs/api.md, "A trip being changed"): what was held, so that a client tells them from each other
 * and from a route's other 409s (an active schedule's `scheduleId`, the limit's `limit`) without
 * reading the detail. `trip`: the trip's row (its DELETE or a change under way); `schedule`: a
 * schedule's row, for its DELETE (its outcome being recorded, another DELETE of it); `scheduleKey`:
 * another request's schedule under the same Idempotency-Key, not yet committed (a pod of the
 * release before, which takes no lock of the trip's requests). Each is what its step waits for in
 * practice: which lock PostgreSQL waited for does not reach the service (trip-lock.ts), so another
 * holder there (a migration's table lock) gets the same code.
 */
export const BUSY_CODES = Object.freeze({ trip: 'TRIP_BUSY', schedule: 'SCHEDULE_BUSY', scheduleKey: 'SCHEDULE_KEY_BUSY' });

/** How a traveller gets around; the engine's travel model has one row per mode. */
export const TRAVEL_MODES = ['walk', 'transit', 'car'] as const;
export type TravelModeName = (typeof TRAVEL_MODES)[number];

/** How full a traveller likes a day (the user's preferences). */
export const PACES = ['relaxed', 'normal', 'packed'] as const;
export type Pace = (typeof PACES)[number];

/**
 * Body of an ai-schedule-generation-queue message: written by the trip service to its outbox in the
 * same transaction as the schedule row, consumed by the AI service. It carries everything the plan
 * depends on (a snapshot of the trip and the traveller's preferences at request time), so the AI
 * service never calls back. The message id is the schedule id: a redelivery is recognised as such.
 * A schedule the trip service failed alone at its deadline (the AI service not answering) is sent
 * again, past its `notAfter`, under another id (`<scheduleId>.expired`), so that the AI service
 * fails it and notifies unless it already has an outcome. The AI service sends a request (or
 * expiry) it takes past its `notAfter` to the back of the queue once, under `<scheduleId>.late`,
 * before failing it: a withdrawal waiting behind it (`withdrawn`, below) is taken first. The AI
 * service also sends itself, on this queue, the notification of each outcome a delivery records
 * for a request without `notifiedBy` `trip` (a trip service of the release before), under
 * `<scheduleId>.notify` (not this body: its own NotifyMessage, with `scheduleId`), so that a
 * withdrawal waiting behind the request is taken before the traveller is told.
 */
export interface ScheduleGenerationMessage {
  readonly scheduleId: string;
  readonly tripId: string;
  readonly userId: string;
  /** ISO instant the traveller asked: the 5-second target counts from here (the engine's budget shrinks as it nears). */
  readonly requestedAt: string;
  /** ISO instant past which the AI service must not start or finish the work: the schedule is then failed ("took too long"). */
  readonly notAfter: string;
  readonly trip: {
    readonly destination: { readonly name: string; readonly lat: number; readonly lng: number };
    /** Start and end of every day (the destination point unless the traveller gave a lodging). */
    readonly lodging: { readonly lat: number; readonly lng: number };
    /** YYYY-MM-DD, consecutive, 1 to 14. */
    readonly dates: readonly string[];
    /** Local HH:MM; dayStart < dayEnd. */
    readonly dayStart: string;
    readonly dayEnd: string;
    readonly interests: readonly string[];
    /** Location ids the traveller must visit. */
    readonly mustVisit: readonly string[];
    readonly travelMode: TravelModeName;
    readonly pace: Pace;
  };
  /** Present when one day of an existing schedule is re-planned; every other day stays as it was. */
  readonly replan?: {
    readonly baseScheduleId: string;
    readonly date: string;
    /** Location ids that stay on that day. */
    readonly locked: readonly string[];
  };
  /**
   * Present when the trip service withdrew the request: its trip changed what the request is made
   * of, or was deleted, while it was planned. Sent under `<scheduleId>.withdrawn`, with `notAfter`
   * at the withdrawal. The AI service fails the schedule unless it already has an outcome (so a plan
   * under way for it completes nothing and notifies nothing), with `error` as its reason, and
   * notifies the traveller `schedule.failed` only when `notify` (not for a deleted trip). A consumer
   * of an earlier release ignores the field and fails the request as past its deadline.
   */
  readonly withdrawn?: { readonly error: string; readonly notify: boolean };
  /**
   * Who tells the traveller this schedule's outcome (`schedule.completed` / `schedule.failed`):
   * `trip` (TRIP_NOTIFIES), the trip service, in the transaction in which it records the outcome it
   * reads from the AI service (so a trip deleted before that is told nothing, and a changed one the
   * change's failure); the AI service then notifies nothing of it, on any path (a delivery, the
   * expire and withdraw routes). Absent (a trip service of the release before it) or a value this
   * reader does not know: the AI service notifies, as before. Read leniently: an AI pod of the
   * release before it ignores the field and notifies too, and the inbox keeps one of the two
   * (scheduleNotificationId: the same id from either).
   */
  readonly notifiedBy?: string;
}

/** ScheduleGenerationMessage.notifiedBy of a request whose outcome the trip service tells. */
export const TRIP_NOTIFIES = 'trip';
/** Whether the trip service tells this request's outcome (its body, or a schedule on an internal route, read leniently: anything else is the AI service's to tell). */
export const tripNotifies = (body: unknown): boolean => (body as { notifiedBy?: unknown } | null)?.notifiedBy === TRIP_NOTIFIES;

/**
 * What keeps a queue's related messages in order: Service Bus's partition key. Every queue is
 * partitioned (infra-bicep servicebus.bicep: 16 per queue on Basic and Standard, the Premium
 * namespace's 2), and a message without a key goes to any partition, so a receiver can take a
 * later message of one schedule before an earlier one (it reads whichever partition answers
 * first). Messages with one key share a partition, which keeps their order ("Partitioned queues
 * and topics", learn.microsoft.com/azure/service-bus-messaging/service-bus-partitioning): a
 * request, its expiry, its withdrawal, its late copy and the AI service's notify message are keyed
 * by their schedule, so the late copy and the notify message sent to the back of the queue come
 * after a withdrawal already waiting. Queues whose
 * messages need no order have no key (spread over every partition).
 */
export const partitionKeyOf = (queue: QueueName, body: unknown): string | undefined => {
  if (queue !== QUEUES.aiScheduleGeneration) return undefined;
  const scheduleId = (body as { scheduleId?: unknown } | null)?.scheduleId;
  // Service Bus takes a key of 1 to 128 characters (the message id's limit); ids are UUIDs.
  return typeof scheduleId === 'string' && scheduleId.length > 0 && scheduleId.length <= 128 ? scheduleId : undefined;
};

/** Notification types sent when a schedule ends (notification-queue, the user's inbox; schedules.ts scheduleNotification). */
export const SCHEDULE_NOTIFICATIONS = { completed: 'schedule.completed', failed: 'schedule.failed' } as const;
