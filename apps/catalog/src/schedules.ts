/**
 * A schedule as the AI service produces it and the trip service keeps and serves it (the AI
 * service's internal status route answers with it; trip_db stores it once final). Written once
 * here so that both ends read the same shape.
 */
import { SCHEDULE_NOTIFICATIONS, type NotificationMessage, type Pace, type ScheduleGenerationMessage, type TravelModeName } from './queues.ts';

export interface ScheduleStop {
  readonly locationId: string;
  readonly name: string;
  /** Local HH:MM: arrival, visit start (after any wait for the opening), visit end. */
  readonly arrive: string;
  readonly start: string;
  readonly end: string;
  /** Travel time of the leg that leads here, minutes. */
  readonly travelMinutes: number;
}

export interface ScheduleMeal {
  readonly name: string;
  readonly start: string;
  readonly end: string;
  /** Taken after this stop (where the traveller is), or null: before the first stop. */
  readonly afterLocationId: string | null;
}

export interface ScheduleDay {
  readonly date: string;
  readonly stops: readonly ScheduleStop[];
  readonly meals: readonly ScheduleMeal[];
  /** Travel back to the lodging, minutes, and the arrival there (HH:MM). */
  readonly returnTravelMinutes: number;
  readonly finish: string;
}

/** The smallest changes that would let a must-visit in, smallest first. */
export interface ScheduleSuggestion {
  readonly change: 'longer-day' | 'travel-mode' | 'another-date';
  /** In words for the traveller, e.g. "end day 2 at 20:00 instead of 18:00". */
  readonly detail: string;
}

/** A must-visit or locked place the schedule does not include, and why. */
export interface ScheduleMiss {
  readonly locationId: string;
  /** Null when the place is not in the directory any more. */
  readonly name: string | null;
  readonly mustVisit: boolean;
  readonly locked: boolean;
  readonly reason: 'not-found' | 'closed' | 'too-far' | 'no-time';
  /** In words for the traveller, e.g. "closed on 2026-09-25 (Chuseok)". */
  readonly detail: string;
  readonly suggestions: readonly ScheduleSuggestion[];
}

export interface ScheduleResult {
  readonly days: readonly ScheduleDay[];
  /** Location ids of the must-visit and locked places left out (`reasons` says why). */
  readonly unscheduled: readonly string[];
  readonly reasons: readonly ScheduleMiss[];
  /** Meal breaks that could not be fitted (date, name, why). */
  readonly unscheduledMeals: readonly { readonly date: string; readonly name: string; readonly detail: string }[];
  readonly travelMode: TravelModeName;
  readonly pace: Pace;
  /** Sum of the scores of the scheduled places (the engine's objective). */
  readonly score: number;
  /**
   * Where the travel times came from: `source` the router (`osrm`) or the haversine model
   * (`haversine`); `fallback` true when a router is configured but did not answer in time, so the
   * times are the model's estimates. Absent in results stored before it existed.
   */
  readonly travel?: ScheduleTravel;
}

export interface ScheduleTravel {
  readonly source: string;
  readonly fallback: boolean;
}

export const GENERATION_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/**
 * The Redis channel (the services' one Redis; pub/sub ignores the database number) on which the AI
 * service publishes a schedule's id once a delivery of it committed there (its outcome, mostly): a
 * nudge, never an outcome. The trip service, subscribed on every replica, reads that schedule's
 * state on the status route at once on the replica that claims it (SCHEDULE_NUDGE_CLAIM), as its
 * sweep would 2 s later at most, and records and tells it
 * in the same statement as ever (a trip deleted meanwhile has no row: nothing recorded, nobody
 * told). A nudge lost (Redis down, a replica reconnecting) leaves the sweep to find it. The trip
 * service publishes there too once a schedule's cancel (its DELETE), or a change or deletion of its
 * trip that ended it while queued or running, committed: every replica wakes the reads waiting on
 * it (`?wait=`), which then answer its 404 or `failed` at once.
 */
export const SCHEDULE_OUTCOME_CHANNEL = 'tripgen:ai:schedule-outcomes';

/**
 * The SCHEDULE_OUTCOME_CHANNEL of the services whose Redis connections use database `database` (the
 * index REDIS_URL selects, 0 when it names none): the database is what keeps apart the keys of the
 * stacks sharing one Redis server (a test process each, @tripgen/testing; the dev stack in 0), but
 * pub/sub ignores it, so every stack on the server heard every other's nudges (a trip-service test
 * file read 1,823 schedule ids of other files in ~50 s, 2,689 failed reads). Database 0, the only
 * one the environments' Redis is used with, keeps the name every release used: a rollout loses no
 * nudge between an AI pod and a trip pod of two releases.
 */
export const scheduleOutcomeChannel = (database: number): string => (database === 0 ? SCHEDULE_OUTCOME_CHANNEL : `${SCHEDULE_OUTCOME_CHANNEL}:${database}`);

/**
 * The Redis channels on which an AI pod tells the other pods of its ai_db that a withdraw call failed
 * on it (its pod id: ai-service served-since.ts RunEndedNews; every pod's run of service then ends),
 * one for each ai_db (`<prefix>:<database name>`): the pods sharing ai_pods, not those of another
 * ai_db on the same Redis (the tests of one machine).
 */
export const AI_RUN_ENDED_CHANNEL_PREFIX = 'tripgen:ai:run-ended';
export const aiRunEndedChannel = (database: string): string => `${AI_RUN_ENDED_CHANNEL_PREFIX}:${database}`;

/**
 * One trip replica reads each nudge (SCHEDULE_OUTCOME_CHANNEL): the one whose `SET key NX PX ttlMs`
 * of `keyPrefix:<trip database>:<schedule id>` (scheduleNudgeClaimKey) takes the key; the others
 * hear the same message and leave it. Every replica read it before, a status call of the AI service
 * and a round trip to trip_db each for one outcome (prod: 3 to 10 replicas, the trip HPA). The
 * claim only divides the nudge: the sweep and a waiting read ignore it, so a claimer that dies
 * before it reads leaves the schedule to the next sweep of any replica (SCHEDULE_SWEEP_INTERVAL_MS,
 * 2 s), as a lost nudge is. `ttlMs` outlasts the moment one publish reaches the replicas by far
 * (the same message written to each subscriber at once); the key then goes by itself. A read that
 * found no outcome (none yet, or its status call failed) gives the key back, so that the
 * schedule's next nudge (a later delivery committed: its late copy failed, its outcome) is read;
 * one that comes while that read is out is left to the sweep. Per trip database, as the account-erasure lease: the test
 * stacks of a process share one Redis database, each its own trip_db.
 */
export const SCHEDULE_NUDGE_CLAIM = { keyPrefix: 'tripgen:trip:schedule-nudge-claim', ttlMs: 10_000 } as const;

/**
 * How many nudges (SCHEDULE_OUTCOME_CHANNEL) a trip replica reads at once, and how many may wait
 * for their turn. Each read is a claim, a trip_db read and perhaps a status call; unbounded, a burst
 * (a backlog of outcomes drained after an AI outage, hundreds in seconds; in tests, every stack on
 * the machine shared the channel before scheduleOutcomeChannel) took every connection of the pod's pool (10, the kit's default)
 * and its requests failed 503 "timeout exceeded when trying to connect" (trip-service
 * test/nudge-burst.test.ts). `atOnce` stays well under the pool, so requests keep theirs. A nudge
 * past `waitingMax` is dropped before it is claimed: another replica or the sweep
 * (SCHEDULE_SWEEP_INTERVAL_MS) reads it, as a lost nudge; the wait is before the claim, so a
 * waiting nudge holds no claim. Each dropped nudge counts in `droppedMetric` (a counter of the
 * trip pods, from 0): the dropped ones were seen nowhere else. No alert: the sweep reads each one's
 * schedule within its period, so a drop costs a reader up to that period, never an outcome; a
 * steady rate says the nudges outrun trip_db (trip-service README, "One replica reads a nudge").
 */
export const SCHEDULE_NUDGE_READS = { atOnce: 2, waitingMax: 100, service: 'trip', droppedMetric: 'schedule_nudges_dropped_total' } as const;

/**
 * The trip replica that has the AI service forget the deleted schedules (trip-service
 * domain/forgotten.ts): `keyPrefix:<trip database>`, taken with SET NX PX and kept by its holder
 * (renewed before each call to the forget route), so one replica sends the backlog, not each of them
 * the same pages every pass. Its time to live is the holder's AI call budget plus a sweep period
 * (trip-service app.ts): a call in flight has ended, given up, before another replica can take it.
 */
export const FORGET_LEASE = { keyPrefix: 'tripgen:trip:forget-lease' } as const;

/**
 * The deleted schedules still to be forgotten at the AI service (trip_db forgotten_schedules): the
 * trip pods export `oldestMetric`, the age in seconds of the oldest row (0: none, or another replica
 * holds FORGET_LEASE and reports it), set by the lease holder at each sweep pass that had rows, which
 * an alert reads (docs/runbooks.md#forgotten-schedules): a row waits by design for its schedule's
 * deadline (SCHEDULE_DEADLINE_MS at most 1 hour), a plan under way or a re-plan built on it, so one
 * older than `staleAfterMs` means the AI service has not forgotten them (its forget route not
 * answering, an AI service of the release before): the deleted itineraries are kept in ai_db.
 */
export const FORGOTTEN_BACKLOG = { service: 'trip', oldestMetric: 'forgotten_schedules_oldest_age_seconds', staleAfterMs: 2 * 60 * 60_000 } as const;

/** The key the trip replicas claim a nudge of `scheduleId` with (SCHEDULE_NUDGE_CLAIM), per trip database. */
export const scheduleNudgeClaimKey = (tripDatabase: string, scheduleId: string): string => `${SCHEDULE_NUDGE_CLAIM.keyPrefix}:${tripDatabase}:${scheduleId}`;

/** Schedule ids one call of the AI service's internal status route may ask (its callers split longer lists). */
export const SCHEDULE_STATUS_MAX_IDS = 100;

/**
 * Status calls one trip replica has out to the AI service at once, at most: its sweep brings that
 * many pages (of SCHEDULE_STATUS_MAX_IDS) of unfinished schedules up to date together, and its
 * shared status reader asks a longer list in that many calls at once. One at a time, a pass over
 * 5,000 unfinished schedules took 0.44-0.9 s of the 2 s sweep period, mostly waiting on the calls
 * (trip-service `npm run bench:sweep`). Small and fixed: each call is one indexed read of ai_db.
 */
export const SCHEDULE_STATUS_CONCURRENCY = 4;

/**
 * The AI service's internal routes (under internalPrefix('ai')), for the trip service: the state of
 * schedules, failing those past their deadline (so the traveller is notified as for any failure),
 * and failing those the trip service withdrew, at once (their withdrawal message may come after a
 * plan already under way completed); `erase`, deleting the finished generations of deleted accounts
 * (`{userIds}`, 1..ACCOUNT_ERASURE.batch; answers `{erased}`, how many), asked by the trip service's
 * account-erasure sweep before it deletes their trips; `forget`, deleting the completed generations of
 * schedules the trip service deleted (a schedule's DELETE, or its trip's) and cutting their failures'
 * requests to ids (`{ids}`, 1..SCHEDULE_STATUS_MAX_IDS; answers ForgetResponse), asked by the trip
 * service's schedule sweep until done.
 */
export const AI_INTERNAL_PATHS = { status: '/schedules/status', expire: '/schedules/expire', withdraw: '/schedules/withdraw', erase: '/generations/erase', forget: '/generations/forget' } as const;

/**
 * The AI service's answer to `forget`: how many rows it deleted or cut, and the ids it still plans
 * (`running`: kept, a plan under way would finish into no row; the trip service asks again later).
 */
export interface ForgetResponse {
  readonly forgotten: number;
  readonly running: readonly string[];
}

/**
 * The trip service's public route of a trip's schedules (Fastify's template): POST asks for one (202:
 * accepted, its request on the way to the AI service's queue), GET lists them. The route serves it,
 * and the alert on schedules asked but never taken selects its 202s by it (the kit's route label).
 */
export const SCHEDULES_ROUTE = '/api/v1/trips/:id/schedules';

/** The reason of a schedule failed at its deadline without an outcome. */
export const SCHEDULE_TIMED_OUT = 'the schedule was not generated in time; please request it again';

/** A schedule past its deadline, as the trip service asks the AI service to fail it. */
export interface ExpiredSchedule {
  readonly id: string;
  readonly tripId: string;
  readonly userId: string;
  /** Its request's notifiedBy (ScheduleGenerationMessage): `trip`, the AI service notifies nothing of it. Absent from a trip service of the release before it. */
  readonly notifiedBy?: string;
  /**
   * ISO instant the traveller asked (its request's requestedAt): the AI service times the failure
   * from it when it never took the request (the longest waits: a broker outage). Absent from a
   * trip service of the release before it.
   */
  readonly requestedAt?: string;
}

/**
 * A schedule the trip service withdrew (its trip changed or was deleted while it was planned), as it
 * tells the AI service on the withdraw route: the withdrawal message's reason and notify flag
 * (ScheduleGenerationMessage.withdrawn).
 */
export type WithdrawnSchedule = ExpiredSchedule & NonNullable<ScheduleGenerationMessage['withdrawn']>;

/** One schedule as the AI service's internal status route reports it. */
export interface GenerationState {
  readonly id: string;
  readonly status: Exclude<GenerationStatus, 'queued'>;
  readonly result?: ScheduleResult;
  readonly error?: string;
}

/** A schedule's final outcome as its notification tells it. */
export type ScheduleOutcome = { readonly status: 'completed'; readonly result: ScheduleResult } | { readonly status: 'failed'; readonly error: string };

/**
 * The notification of a schedule's outcome (notification-queue), dated when the outcome was
 * recorded: the inbox orders by that time (NotificationMessage.occurredAt). Written once here: the
 * trip service sends it (requests with notifiedBy `trip`), the AI service for the requests of a trip
 * service of the release before, and during that rollout both may send one schedule's: the same
 * body and id (scheduleNotificationId), kept once by the inbox.
 */
export const scheduleNotification = (ids: { readonly scheduleId: string; readonly tripId: string; readonly userId: string }, outcome: ScheduleOutcome, occurredAt: string): NotificationMessage =>
  outcome.status === 'completed'
    ? {
        userId: ids.userId,
        type: SCHEDULE_NOTIFICATIONS.completed,
        occurredAt,
        payload: {
          scheduleId: ids.scheduleId,
          tripId: ids.tripId,
          days: outcome.result.days.length,
          stops: outcome.result.days.reduce((n, d) => n + d.stops.length, 0),
          unscheduled: outcome.result.unscheduled,
        },
      }
    : { userId: ids.userId, type: SCHEDULE_NOTIFICATIONS.failed, occurredAt, payload: { scheduleId: ids.scheduleId, tripId: ids.tripId, error: outcome.error } };

/**
 * A schedule notification's message id: one per schedule and outcome type, from nothing else (not
 * the time, not the sender), so the inbox (the user service's consumer deduplicates by message id,
 * for MESSAGE_RETENTION) keeps one of each, whoever sent it and however often.
 */
export const scheduleNotificationId = (scheduleId: string, type: string): string => `${type}:${scheduleId}`;
