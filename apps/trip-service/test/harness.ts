/**
 * The trip service for tests, with the real services around it: the user service (tokens, JWKS,
 * preferences, the inbox), the AI service when asked for, the Service Bus emulator, the Event Hubs
 * emulator the trip events go to (EVENTHUBS_CONNECTION_STRING), and each
 * service's own throwaway database on the local stack. The location service is given by URL (the
 * real one, or an address where nothing answers for its outage). Each part can be stopped and
 * started again for the outage tests.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EVENT_STREAMS, HEALTH_PATHS, JWKS_PATH, QUEUES, QUEUE_NAMES, type LocationSearchMessage, type TripEventType } from '@tripgen/catalog';
import type { FastifyServerOptions } from 'fastify';
import { retryAfterSeconds, type App } from '@tripgen/service-kit';
import { createTestDatabase, queryRows, redisUrl, unreachableHttpUrl, waitFor, type TestDatabase } from '@tripgen/testing';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { startEventHubsEmulator, startServiceBusEmulator, type EventHubsEmulator, type ReceivedEvent, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { buildAiService } from '@tripgen/ai-service';
import { buildUserService } from '@tripgen/user-service';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildTripService } from '../src/app.ts';

export interface Part {
  app: App | undefined;
  readonly url: string;
  readonly db: TestDatabase;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const common = (databaseUrl: string, bus: ServiceBusEmulator) => ({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl(),
  SERVICEBUS_CONNECTION_STRING: bus.connectionString,
  // Load shedding is deliberate; on a shared 2-core CI machine it would fire for unrelated reasons.
  MAX_EVENT_LOOP_DELAY_MS: '0',
});

/**
 * How long a part's readiness may take to answer 200 once it listens: its PostgreSQL ping answers
 * within the kit's 2 s bound on an idle machine; the slack is for CI's two loaded cores, where one
 * readiness answer was seen to take 36 s.
 */
const READY_WITHIN_MS = 60_000;

/**
 * A service on an ephemeral port of its own, kept across a stop and a start so that it comes back
 * at the same address. The first start binds port 0 (the kernel's choice, bound at once): a port
 * found free and bound later could be taken meanwhile by another test file's process.
 */
export const part = async (name: string, db: TestDatabase, build: () => Promise<App>): Promise<Part> => {
  let port = 0;
  const p: Part = {
    app: undefined,
    url: '',
    db,
    async start() {
      p.app = await build();
      await p.app.listen({ port, host: '127.0.0.1' });
      port = (p.app.server.address() as AddressInfo).port;
      (p as { url: string }).url = `http://127.0.0.1:${port}`;
      // As the kubelet does before the pod joins its Service: readiness asked until it answers 200 (the
      // AI service's run of service begins at that first 200, ai-service served-since.ts). Asked once, a
      // 503 under CI's load (its PostgreSQL ping past the kit's 2 s bound: "timed out after 2000 ms") left
      // the run unbegun for the AI service's unprobed fallback (60 s), and every request taken meanwhile
      // was sent round the queue once: two nudges, two status calls (outcome-nudge-replicas.test.ts).
      // A probe not answered at all (undici's connect timeout on a starved event loop) is a failed probe too.
      // A part that never gets ready fails its start saying what its readiness answered last (which dependency, or no answer).
      let last = 'no answer';
      await waitFor(
        async () => {
          const res = await fetch(`${p.url}${HEALTH_PATHS.readiness}`).catch((err: unknown) => void (last = `no answer (${String(err)})`));
          if (!res) return false;
          if (res.status === 200) {
            await res.body?.cancel();
            return true;
          }
          last = `${res.status} ${await res.text().catch(() => '(its body cut off)')}`;
          return false;
        },
        `${name}'s readiness 200`,
        READY_WITHIN_MS,
        100,
      ).catch((err: unknown) => {
        throw new Error(`${(err as Error).message}; its readiness answered last: ${last}`);
      });
    },
    async stop() {
      await p.app?.close();
      p.app = undefined;
    },
  };
  await p.start().catch((err: unknown) => {
    throw new Error(`${name} did not start: ${String(err)}`);
  });
  return p;
};

export interface StackOptions {
  /** Starts the real location service (given the bus and the user service's JWKS URL); without it, nothing answers at its address. */
  readonly location?: (bus: ServiceBusEmulator, jwksUrl: string) => Promise<Part>;
  /** Start the AI service too (default true). */
  readonly ai?: boolean;
  /** Without the AI service: where the trip service calls it (default: an address where nothing answers). */
  readonly aiUrl?: string;
  readonly tripEnv?: NodeJS.ProcessEnv;
  readonly aiEnv?: NodeJS.ProcessEnv;
  /** The trip service's logger (the kit's option: a level and a stream to read the lines from); default none. */
  readonly tripLogger?: FastifyServerOptions['logger'];
}

export interface Stack {
  readonly bus: ServiceBusEmulator;
  readonly hubs: EventHubsEmulator;
  readonly user: Part;
  readonly location: Part | undefined;
  readonly ai: Part | undefined;
  readonly trip: Part;
  /** Another replica of the trip service: the same database, Redis, bus and peers (stopped by close); `env` overrides some of its environment (another peer's address); `revocationFeedEveryMs` shortens the kit's read of the revocations while cut off from Redis. */
  tripReplica(env?: NodeJS.ProcessEnv, revocationFeedEveryMs?: number): Promise<Part>;
  /** Another replica of the user service: the same database, key and bus (stopped by close); `env` overrides some of its environment (its Redis); `republishEveryMs` shortens its write-back from user_db. */
  userReplica(env?: NodeJS.ProcessEnv, republishEveryMs?: number): Promise<Part>;
  /** A new traveller: the Authorization header of their access token, and their id. */
  traveller(): Promise<{ authorization: string; userId: string }>;
  close(): Promise<void>;
}

export const startStack = async (opts: StackOptions = {}): Promise<Stack> => {
  const bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
  const hubs = await startEventHubsEmulator({ hubs: EVENT_STREAMS.map((e) => e.hub) });
  const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'tripgen-key-')), 'signing-key.pem');
  const [userDb, tripDb, aiDb] = await Promise.all([
    createTestDatabase('user_test', serviceMigrationsDir('user')),
    createTestDatabase('trip_test', serviceMigrationsDir('trip')),
    createTestDatabase('ai_test', serviceMigrationsDir('ai')),
  ]);
  const buildUser = (env: NodeJS.ProcessEnv = {}, revocationRepublishEveryMs?: number) =>
    buildUserService({ env: { ...common(userDb.url, bus), SERVICE_NAME: 'user', JWT_SIGNING_KEY_FILE: keyFile, ...env }, logger: false, revocationRepublishEveryMs });
  const user = await part('user', userDb, () => buildUser());
  const jwks = `${user.url}${JWKS_PATH}`;
  const location = opts.location ? await opts.location(bus, jwks) : undefined;
  const locationUrl = location?.url ?? unreachableHttpUrl(); // refused: a port found free could be taken by another file's service
  const ai =
    opts.ai === false
      ? undefined
      : await part('ai', aiDb, () =>
          buildAiService({ env: { ...common(aiDb.url, bus), SERVICE_NAME: 'ai', JWKS_URL: jwks, LOCATION_SERVICE_URL: locationUrl, USER_SERVICE_URL: user.url, ...opts.aiEnv }, logger: false }),
        );
  const aiUrl = ai?.url ?? opts.aiUrl ?? unreachableHttpUrl();
  const buildTrip = (env: NodeJS.ProcessEnv = {}, revocationFeedEveryMs?: number) =>
    buildTripService({
      revocationFeedEveryMs,
      env: {
        ...common(tripDb.url, bus),
        SERVICE_NAME: 'trip',
        JWKS_URL: jwks,
        USER_SERVICE_URL: user.url,
        LOCATION_SERVICE_URL: locationUrl,
        AI_SERVICE_URL: aiUrl,
        SCHEDULE_SWEEP_INTERVAL_MS: '200',
        // Production's peer budgets (PEER_BUDGETS_MS) assume a pod with its CPU; two test files on two
        // cores overran the user service's (a 503 for a 202). No test here waits on a peer's timeout.
        PEER_TIMEOUT_FACTOR: '5',
        EVENTHUBS_CONNECTION_STRING: hubs.connectionString(),
        ...opts.tripEnv,
        ...env,
      },
      logger: opts.tripLogger ?? false,
    });
  const trip = await part('trip', tripDb, () => buildTrip());
  const replicas: Part[] = [];
  return {
    bus,
    hubs,
    user,
    location,
    ai,
    trip,
    async tripReplica(env, revocationFeedEveryMs) {
      const replica = await part('trip replica', tripDb, () => buildTrip(env, revocationFeedEveryMs));
      replicas.push(replica);
      return replica;
    },
    async userReplica(env, republishEveryMs) {
      const replica = await part('user replica', userDb, () => buildUser(env, republishEveryMs));
      replicas.push(replica);
      return replica;
    },
    async traveller() {
      const email = `traveller-${Math.random().toString(36).slice(2)}@example.com`;
      // Checked: an unchecked 503 of a busy user service made a traveller 'Bearer undefined', whom
      // the trip service then refused (401 ERR_JWS_INVALID) far from the cause.
      const post = async (url: string, body: unknown, expected: number) => {
        const res = await retrying503(() => call(user.url, 'POST', url, { body }));
        expect(res.status, `${url}: ${JSON.stringify(res.json)}`).toBe(expected);
        return res.json as Record<string, string>;
      };
      const registered = await post('/api/v1/auth/register', { email, password: 'correct horse battery', name: 'Traveller' }, 201);
      const { accessToken } = await post('/api/v1/auth/login', { email, password: 'correct horse battery' }, 200);
      return { authorization: `Bearer ${accessToken}`, userId: registered.id! };
    },
    async close() {
      for (const replica of replicas) await replica.stop();
      await trip.stop();
      await ai?.stop();
      await location?.stop();
      await user.stop();
      await bus.stop();
      await hubs.stop();
      await Promise.all([userDb.drop(), tripDb.drop(), aiDb.drop(), location?.db.drop()]);
    },
  };
};

/** JSON over HTTP as a client sends it. */
/**
 * The stack of a test file: started in beforeAll, closed in afterAll; `base` is the trip service's
 * address. Read its fields inside tests and hooks (they are filled in beforeAll).
 */
export const fileStack = (opts: StackOptions = {}) => {
  const ctx = {} as { stack: Stack; base: string };
  beforeAll(async () => {
    ctx.stack = await startStack(opts);
    ctx.base = ctx.stack.trip.url;
  });
  afterAll(async () => ctx.stack?.close());
  return ctx;
};

export const call = async (base: string, method: string, url: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) => {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }), ...opts.headers },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are inspected field by field
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, json: (text ? JSON.parse(text) : undefined) as any };
};

export { waitFor };

/**
 * How long a request answered 503 (problem+json with Retry-After: the kit's answer of a pod whose
 * database pool or peer could not keep up) is sent again: the services of a test file share two
 * cores with another file's, and a burst of requests on a cold pool met the 2 s wait for a
 * connection (CONNECT_TIMEOUT_MS) or the user service's budget; a client sends such a request
 * again, and so does a test that is about something else. Longer than any pass of the load; a
 * service still refusing after it is broken, not busy.
 */
export const RETRY_503_MS = 30_000;

/**
 * `send` again while it is answered 503 with Retry-After, the retryable answer of a busy service,
 * once the Retry-After it gave has passed, as a client does; every other answer (a 503 without
 * Retry-After too) is returned as it is, and so is the last 503 past RETRY_503_MS. A 503 stores
 * nothing and spends no operation budget (the schedule route gives its budget back: README
 * 'operationBudget'), but each send spends the per-user limit (a 503 too) and sign-up's and
 * login's per address: resent every 200 ms, a few requests of a burst left 503 for seconds spent
 * the traveller's 100 a minute, and the harness returned the limit's 429 in place of the 503.
 */
export const retrying503 = async <R extends { status: number; headers: Headers }>(send: () => Promise<R>): Promise<R> => {
  const deadline = Date.now() + RETRY_503_MS;
  for (;;) {
    const res = await send();
    const seconds = res.status === 503 ? retryAfterSeconds(res.headers) : undefined;
    if (seconds === undefined || Date.now() > deadline) return res;
    // At least a second: an HTTP-date already past reads 0, which would resend at once until the deadline.
    await new Promise((resolve) => setTimeout(resolve, Math.max(seconds, 1) * 1000));
  }
};

/** A trip body; dates chosen by the caller. */
export const tripBody = (over: Record<string, unknown> = {}) => ({
  title: 'Seoul in autumn',
  destination: { name: 'Seoul', lat: 37.5663, lng: 126.9779 },
  startDate: '2026-09-23',
  endDate: '2026-09-25',
  dayStart: '09:00',
  dayEnd: '19:00',
  interests: ['palaces', 'museums'],
  travelMode: 'transit',
  ...over,
});

/**
 * A new traveller's trip and a schedule asked for it (201 and 202 checked); `beforeAsking` runs
 * between the two (stopping the AI service, so that the request waits on the queue).
 */
export const askSchedule = async (stack: Stack, beforeAsking?: () => Promise<void>) => {
  const { authorization } = await stack.traveller();
  const headers = { authorization };
  const created = await retrying503(() => call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers }));
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const tripId = created.json.id as string;
  await beforeAsking?.();
  const asked = await retrying503(() => call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers }));
  expect(asked.status, JSON.stringify(asked.json)).toBe(202);
  return { headers, tripId, scheduleId: asked.json.id as string };
};

/** Every schedule message of the trip service sent to the broker (its outbox empty), then the AI service started: it takes them in their order. */
export const releaseToAi = async (stack: Stack) => {
  await waitFor(
    async () => (await queryRows(stack.trip.db.url, 'SELECT 1 FROM outbox_messages WHERE sent_at IS NULL AND queue = $1', [QUEUES.aiScheduleGeneration])).length === 0,
    'the trip service\'s messages on the queue',
    20_000,
    50,
  );
  await stack.ai!.start();
};

/**
 * An outcome the AI service has and this service has not recorded, its trip deleted before it does:
 * the schedule's row locked by a transaction of the test before the AI service takes the request
 * (`askSchedule(stack, () => stack.ai!.stop())` first), so this service's update of it (the AI
 * service's nudge, a read) waits on the lock; `whileHeld` runs once the AI service has the outcome
 * and that update waits (`waitingOnLocks` counts the waiters), then the trip is deleted in the
 * lock's transaction, which commits.
 */
export const deleteTripBeforeOutcomeRecorded = async (stack: Stack, tripId: string, scheduleId: string, whileHeld: () => Promise<void> = async () => {}) => {
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM schedules WHERE id = $1 FOR UPDATE', [scheduleId]);
    await releaseToAi(stack);
    await waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM generations WHERE id = $1 AND finished_at IS NOT NULL', [scheduleId])).length > 0, 'the AI service\'s outcome', 30_000, 20);
    await waitFor(() => waitingOnLocks(stack, 1), 'this service\'s update of the outcome waiting for the locked row', 20_000, 20);
    await whileHeld();
    await holder.query('DELETE FROM trips WHERE id = $1', [tripId]);
    await holder.query('COMMIT');
  } finally {
    await holder.end();
  }
};

/** Whether at least `n` statements of the trip service's database wait on a lock. */
export const waitingOnLocks = async (stack: Stack, n: number): Promise<boolean> =>
  Number((await queryRows<{ n: string }>(stack.trip.db.url, "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0]!.n) >= n;

/** A trip event as it arrived on the hub: its CloudEvents type and id, and its data. */
export interface ArrivedEvent {
  readonly type: TripEventType;
  readonly id: string;
  readonly data: Record<string, unknown>;
  readonly event: ReceivedEvent;
}

/** The events about one trip that reached the trip-events hub, in arrival order. */
export const tripEventsOf = (stack: Stack, tripId: string): ArrivedEvent[] =>
  stack.hubs
    .events(EVENT_STREAMS[0].hub)
    .filter((e) => e.properties['cloudEvents:subject'] === `trips/${tripId}`)
    .map((e) => ({ type: e.properties['cloudEvents:type'] as TripEventType, id: String(e.messageId), data: JSON.parse((e.body as Buffer).toString('utf8')) as Record<string, unknown>, event: e }));

/**
 * The warm-up requests for one trip waiting on the location-search queue, oldest first. Filtered by
 * trip, not counted queue-wide: other tests' messages may still be on their way through the outbox.
 */
export const warmUpsOf = (stack: Stack, tripId: string): LocationSearchMessage[] =>
  stack.bus
    .waiting(QUEUES.locationSearch)
    .map((m) => JSON.parse(((m.body as { content: Buffer }).content).toString('utf8')) as LocationSearchMessage)
    .filter((w) => w.tripId === tripId);

/** A schedule notification as a sender wrote it to its outbox (sent or not): what the inbox is given. */
export interface WrittenNotification {
  readonly by: 'trip' | 'ai';
  readonly messageId: string;
  readonly type: string;
  readonly error: string | null;
  readonly occurredAt: string;
}

/**
 * The notifications written about a schedule by either sender: the trip service (requests with
 * notifiedBy `trip`) and the AI service (those of the release before), trip's first.
 */
export const notificationsWritten = async (stack: Stack, scheduleId: string): Promise<WrittenNotification[]> => {
  const sql = "SELECT message_id AS \"messageId\", body->>'type' AS type, body->'payload'->>'error' AS error, body->>'occurredAt' AS \"occurredAt\" FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2 ORDER BY sequence";
  const of = async (by: WrittenNotification['by'], url: string | undefined) =>
    url ? (await queryRows<Omit<WrittenNotification, 'by'>>(url, sql, [QUEUES.notification, scheduleId])).map((r) => ({ by, ...r })) : [];
  return [...(await of('trip', stack.trip.db.url)), ...(await of('ai', stack.ai?.db.url))];
};
