/**
 * The app factory every TripGen service starts from: third-party plugins registered in one place
 * (like fastify/demo's plugins/external), then the kit's own decorations (config, redis, cache,
 * auth, metrics, tracing, health), then the service's domain routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import underPressure from '@fastify/under-pressure';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ENTRA_DEPENDENCIES, internalPrefix, JWKS_PATH, METRICS_PATH, OPENAPI_PATH, OPERATIONAL_PATHS, RATE_LIMIT, REDIS_KEY_PREFIXES, REQUEST_BODY_LIMIT_BYTES, routeAccess, SERVICES, SHUTDOWN_TIMING, shutdownDeadlineMs, startupBudgetMs, TOKEN_ISSUER, TOKEN_REFUSAL_THROTTLE, workloadName } from '@tripgen/catalog';
import helmet from 'helmet';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type FastifyServerOptions, type onResponseHookHandler } from 'fastify';
import type { Redis } from 'ioredis';
import { context, type Span } from '@opentelemetry/api';
import type { ServiceConfig } from './config.ts';
import { cacheNamespace, createTwoLevelCache, SUBSCRIBER_WAIT_MS, type TwoLevelCache } from './cache.ts';
import { createAcceptedTokens, type AcceptedTokens } from './auth/accepted-tokens.ts';
import { createTokenRevocations, type TokenRevocations } from './auth/revocations.ts';
import { revocationFeed } from './auth/revocation-feed.ts';
import { bearerChallenge, bearerToken, type AuthenticatedUser, type TokenVerifier } from './auth/jwt.ts';
import { registerHealthRoutes, type HealthState } from './http/health.ts';
import { registerJsonBody } from './http/json-body.ts';
import { HttpProblem, PROBLEM_CONTENT_TYPE, RETRY_AFTER_SECONDS, problem, refusalOptions, registerProblemHandlers } from './http/problem.ts';
import { RATE_LIMIT_PREFIX, registerRateLimit, userLimitKey } from './http/rate-limit.ts';
import { clientAddressKey } from './http/client-address.ts';
import { addressHashKey, hashAddress } from './http/address-hash.ts';
import { createFailureThrottle, type FailureThrottle } from './http/failure-throttle.ts';
import { requestIdGenerator } from './http/request-id.ts';
import { givenRequestId, isEdgeRequest } from './http/edge-request.ts';
import { ProblemSchema } from './http/schemas.ts';
import { CURRENT_TARGET, EVALUATED_BY_ROUTE, evaluatePreconditions, isConditional, preconditionAnswers, undeclaredTarget, type RouteTarget } from './http/preconditions.ts';
import { AJV_CONFIG, buildValidator } from './http/validation.ts';
import { azureCredentialFromEnv } from './azure-credential.ts';
import { entraTokenOutageSeconds, holdEntraTokenWatches, logEntraTokensTo, longestOutageSeconds, watchEntraTokens } from './entra-token-watch.ts';
import { connectRedis, isRedisReady, redisTokenAuth, wantsEntraAuth } from './redis.ts';
import { keepSubscribed } from './redis-subscription.ts';
import { createMetrics, durationRecorder, type Metrics } from './telemetry/metrics.ts';
import { loggedRequest, requestLogger, traceIdsMixin, type PinoLogger } from './telemetry/request-logger.ts';
import { activeTraceIds, endServerSpan, requestContext, serverSpan, setHeldTime, setupTracing, type Tracing } from './telemetry/tracing.ts';
import type { OtherHeap } from './idle-heap-reducer.ts';
import { adoptProcessWatch, startStep, watchStart, type StartWatch, type StartWatchOptions } from './start-watch.ts';

export interface Database {
  /** Resolves when PostgreSQL answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface Kit {
  readonly config: ServiceConfig;
  readonly redis: Redis;
  readonly cache: TwoLevelCache;
  readonly metrics: Metrics;
  readonly tracing: Tracing;
  readonly health: HealthState;
  readonly verifier: TokenVerifier;
  /** The accounts whose tokens were revoked, and the sessions signed out (auth/revocations.ts): the kit refuses their tokens; the user service revokes. */
  readonly revocations: TokenRevocations;
  /**
   * Intake to stop as soon as the pod starts draining (message consumers): a message taken during
   * the drain is one another pod could have taken, and it keeps this one from exiting for as long
   * as its handler runs. Stopped in parallel with the HTTP drain (one registered after the drain began, at once); the onShutdown steps wait for them.
   */
  onDrain(stop: () => Promise<void>, what?: string): void;
  /** Work to stop on shutdown after HTTP has drained and the onDrain steps have ended (relays, brokers), in order. */
  onShutdown(stop: () => Promise<void>, what?: string): void;
  /** Starts the drain: readiness reports "draining" and the onDrain steps begin (drainAndClose calls it; once). */
  drain(): void;
  /** A worker thread's heap that `runService`'s idle heap reducer gives back too once the process is quiet (the AI service's engine thread). */
  reduceWhenQuiet(heap: OtherHeap): void;
  /**
   * Calls `listener` at each readiness answer, `ready` true for a 200: from then the kubelet keeps the
   * pod among its Service's endpoints (again, after 503s took it out), and other services can reach its
   * routes (listening alone, they could not: the probes come every PROBE_TIMING.periodSeconds); false
   * for a 503, PROBE_TIMING.failureThreshold.readiness of which in a row take the pod out of them. A
   * process run without probes: never. Called inside the probe's handler: what it throws (or its
   * promise rejects with) is logged at error, and the probe answers as it would all the same.
   */
  onReadyAnswer(listener: (ready: boolean) => unknown): void;
  /** The heaps registered with `reduceWhenQuiet`. */
  heapsReducedWhenQuiet(): readonly OtherHeap[];
  /** The shutdown steps running now (the names given to onDrain / onShutdown, and the kit's own): what a stuck shutdown waits for. */
  pendingShutdownSteps(): readonly string[];
  /** From SIGTERM to runService's own exit when the shutdown has not ended (catalog shutdownDeadlineMs of the pods' grace period, or of CreateAppOptions `shutdownTiming`). */
  readonly shutdownDeadlineMs: number;
  /** How long the server's close waits for requests in flight before it cuts their connections (catalog SHUTDOWN_TIMING.closeGraceMs, or CreateAppOptions `shutdownTiming`'s). */
  readonly closeGraceMs: number;
  /**
   * Hears the messages published on a Redis channel (another service's: catalog
   * SCHEDULE_OUTCOME_CHANNEL), on the kit's subscriber connection, subscribed again whenever it
   * reconnects. Best effort: what is published while it is cut off is not heard.
   */
  subscribe(channel: string, onMessage: (message: string) => void): void;
  /**
   * Start work named `what`, run as an onReady step (after the kit's own: the cache's subscription,
   * the revocations' read; before the app is started and listens): logged as it begins and ends, named
   * in a warning while it runs past the catalog's `startWatchTiming`, and in the line a SIGTERM during the start
   * writes (start-watch.ts). A service's start work goes here, not in a hook of its own,
   * which no line would name.
   */
  onStart(what: string, run: () => Promise<void>): void;
  /** A named part of a start step (the AI service's warm-up, join and consumer, inside one onStart step): logged and watched alike. */
  startStep<T>(what: string, run: () => T | Promise<T>): Promise<T>;
}

declare module 'fastify' {
  interface FastifyInstance {
    kit: Kit;
    /**
     * onRequest hook of the routes that need a valid access token (Fastify's callback form: no promise
     * per request). onRequest, not preHandler or preValidation: a refused token is the 401 before the
     * body is read, parsed or validated, so an unauthenticated caller learns nothing of the route's
     * schema (a preHandler answered a bad token with a bad body 400), and the check joins the kit's
     * onRequest hooks (one hook runner, where a preValidation hook added a second runner's closures).
     */
    authenticate(request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void;
  }
  interface FastifyRequest {
    user?: AuthenticatedUser;
    authProblem?: HttpProblem;
    span?: Span;
  }
  interface FastifyContextConfig {
    /**
     * The route holds requests on purpose for the client (a long poll) and says for how long with
     * `markHeld`: its duration metric is then its answer's time less that. Declared on the route, so
     * that every other route's metric costs nothing more (the kit picks the route's hook once).
     */
    holdsRequests?: boolean;
    /**
     * How the route finds its target resource, for the request's preconditions (If-Match and the
     * rest, http/preconditions.ts): asked only for a conditional request, after the token, the limit
     * and the request's checks. A route whose target may be missing (a trip by id: 404; an account
     * gone: 401) says so, and the preconditions are then ignored (RFC 9110 13.2.1); without it the
     * target is taken as there, and a false precondition is the 412, nothing done. A route with a path
     * parameter, or a 404 or 401 of its own, must say (undeclaredTarget: refused when it is registered);
     * EVALUATED_BY_ROUTE: the handler evaluates them itself (assertPreconditions).
     */
    target?: RouteTarget;
  }
}

export interface CreateAppOptions {
  readonly config: ServiceConfig;
  readonly database: Database;
  /** How access tokens are verified (remote JWKS for most services; the user service's own keys). */
  readonly verifier: TokenVerifier;
  /** The service's domain: routes, repositories, consumers. */
  readonly domain: FastifyPluginAsync;
  readonly version?: string;
  /**
   * The shape of what the service keeps in the kit's cache (TwoLevelCache `shape`): a service that
   * caches changes it with any change of a cached value's shape, so that during a rollout neither
   * version reads the other's values from Redis (default '1').
   */
  readonly cacheShape?: string;
  /** How often a verifier cut off from Redis reads the issuer's revocations (default the catalog's TOKEN_REVOCATIONS.republishEveryMs); tests shorten it. */
  readonly revocationFeedEveryMs?: number;
  /** Tests pass false or a stream; production logs JSON to stdout. */
  readonly logger?: FastifyServerOptions['logger'];
  /**
   * How the start's steps are watched (start-watch.ts) in a test's process; tests give a shorter probe
   * timing's. A service's process has one watch from its entry point on (ServiceMainOptions.startWatch).
   */
  readonly startWatch?: Omit<StartWatchOptions, 'log'>;
  /**
   * The pod's grace period after SIGTERM, of which runService's shutdown deadline is (catalog
   * shutdownDeadlineMs), and the close grace of requests in flight (default the catalog's); tests
   * give shorter ones; default the catalog's SHUTDOWN_TIMING.
   */
  readonly shutdownTiming?: { readonly terminationGracePeriodSeconds: number; readonly closeGraceMs?: number };
}

export type App = FastifyInstance;

const REQUEST_SPAN = Symbol('tripgen.requestSpan');
const SERVER_SPAN_NAME = 'HTTP request';
type RawWithSpan = IncomingMessage & { [REQUEST_SPAN]?: Span };
const HELD_MS = Symbol('tripgen.heldMs');
type HeldRequest = FastifyRequest & { [HELD_MS]?: number };
const OPERATIONAL = new Set<string>(OPERATIONAL_PATHS);
/** The 401 of a revoked token (its challenge `invalid_token`, as every refused token's). */
export const REVOKED_TOKEN_DETAIL = 'The access token was revoked (signed out, password changed or account deleted): sign in again';
/** Redis key prefix of the refused tokens counted per client address, shared by every service. */
export const TOKEN_REFUSALS_PREFIX = REDIS_KEY_PREFIXES.tokenRefusals;

/**
 * Says that the route held `request` on purpose for `ms` milliseconds for its client (a long poll's
 * wait for what it asked about): a client's choice, not the server's latency (SRE: the latency
 * objective measures the server's own time). The kit's `http_request_duration_seconds` records the
 * answer's time less what was held (at least 0), which the response-time alerts, the SLO rules and the
 * rollout analyses read, and the request's span, which still lasts the whole request, carries the
 * held total under the catalog's HELD_TIME_ATTRIBUTE, which the Azure response-time alerts subtract.
 * Only on a route that says `config: { holdsRequests: true }`: elsewhere it throws (the metric would
 * not subtract it, and Prometheus and Azure would disagree). Several calls add up.
 */
export const markHeld = (request: FastifyRequest, ms: number): void => {
  if (request.routeOptions.config.holdsRequests !== true) throw new Error(`markHeld on ${request.method} ${request.routeOptions.url ?? 'an unmatched request'}, a route without config.holdsRequests`);
  if (!(ms > 0)) return;
  const held = ((request as HeldRequest)[HELD_MS] ?? 0) + ms;
  (request as HeldRequest)[HELD_MS] = held;
  if (request.span) setHeldTime(request.span, held);
};

/**
 * A token not accepted before, checked only while its client address has refused tokens to spare
 * (catalog TOKEN_REFUSAL_THROTTLE); a refused one (401) is counted once checked. Nothing is reserved
 * before the check: a burst of one good token's first uses (replicas, parallel requests) must never
 * be refused for being in flight. A parallel burst of forged tokens can pass the read together, by
 * the burst, once; the count then refuses the address until the window ends. Past the limit, a 429
 * with Retry-After and no check, unless some replica accepted the token before (`accepted`).
 */
const verifyCounted = async (throttle: FailureThrottle, accepted: AcceptedTokens, verifier: TokenVerifier, token: string, request: FastifyRequest): Promise<void> => {
  const address = clientAddressKey(request.ip);
  // The budget stops forged tokens, not a traveller whose token was accepted before (here, or on
  // another replica: checked again, so a withdrawn key still refuses it) behind an address someone
  // else abuses. A throttle that cannot answer (a bug: an outage falls back to the replica's own
  // count) lets the check run.
  const acceptedHere = verifier.acceptedBefore?.(token) === true;
  const wait = acceptedHere ? undefined : await throttle.refusal(address).catch(() => undefined);
  if (wait !== undefined && !(await accepted.known(token))) {
    request.authProblem = new HttpProblem(429, `Too many refused access tokens from this address; retry in ${wait} seconds`, {}, { 'retry-after': String(wait) });
    return;
  }
  try {
    request.user = await verifier.verify(token);
    if (!acceptedHere) accepted.remember(token);
  } catch (err) {
    if (err instanceof HttpProblem && err.statusCode === 401) await throttle.failed(address).catch(() => undefined);
    throw err;
  }
};


/**
 * Helmet's policy for a JSON API. The services answer JSON only, never HTML: the OWASP REST Security
 * Cheat Sheet ("Security Headers") lists for every API response Content-Type, Strict-Transport-Security,
 * X-Content-Type-Options: nosniff and framing protection (CSP frame-ancestors, X-Frame-Options), and
 * calls the rest of the browser headers useful only for HTML. So the CSP keeps `default-src 'self'`
 * and `frame-ancestors 'self'` (X-Frame-Options stays SAMEORIGIN) without helmet's directives for
 * fonts, styles, scripts, forms and images; Cross-Origin-Resource-Policy (other sites cannot load a
 * response as a resource) and Cross-Origin-Opener-Policy stay; the HTML-page headers are off:
 * Origin-Agent-Cluster, Referrer-Policy (links of a document), X-DNS-Prefetch-Control (prefetching
 * a page's links), X-Download-Options (IE 8 opening downloaded HTML), X-Permitted-Cross-Domain-Policies
 * (Flash and PDF clients). Five headers and about 260 bytes less on every answer (issue 15).
 */
const JSON_API_HELMET: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'self'"] } },
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
};

/**
 * The headers of that policy, recorded once: they depend on nothing of the request.
 * Helmet is a connect-style middleware; it is run against a response that only records.
 */
const helmetHeaders = (): Record<string, string> => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(JSON_API_HELMET)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => void (failure = err));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
};

/** The tags of every documented operation, sorted, as OpenAPI `tags` entries. */
const declaredTags = (paths: object = {}): { name: string }[] =>
  [...new Set(Object.values(paths).flatMap((item: object | undefined) => Object.values(item ?? {}).flatMap((op: { tags?: unknown }) => (Array.isArray(op?.tags) ? op.tags.map(String) : []))))]
    .sort()
    .map((name) => ({ name }));
export const createApp = async (opts: CreateAppOptions): Promise<App> => {
  // The pod's Entra token watches serve every app of the process until the last one closes.
  const releaseEntraWatches = holdEntraTokenWatches();
  // The start's watch once the app began it: a createApp that failed ends it, or its async storage
  // stayed on (start-watch.ts), a cost of every promise for the rest of the process.
  const began: { start?: StartWatch } = {};
  try {
    return await buildApp(opts, releaseEntraWatches, began);
  } catch (err) {
    began.start?.done();
    releaseEntraWatches();
    throw err;
  }
};

const buildApp = async (opts: CreateAppOptions, releaseEntraWatches: () => void, began: { start?: StartWatch }): Promise<App> => {
  const { config } = opts;
  // Application Insights has local auth off in prod: the exporter signs in with the pod's identity.
  // A step of the process's start (before the app's logger exists: the entry point's lines).
  const tracing = await startStep('tracing set-up', async () =>
    setupTracing(
      config,
      config.appInsightsConnectionString
        ? { connectionString: config.appInsightsConnectionString, credential: config.azureClientId ? await azureCredentialFromEnv() : undefined }
        : undefined,
    ),
  );
  // The server span starts when Fastify makes the request's logger, so that every line of the
  // request, "incoming request" included, carries its trace id; onRequest picks the span up (from a
  // property of the raw request: a WeakMap entry per request cost GC time, issue 15).
  // Helmet's security headers, computed once: @fastify/helmet builds the middleware (and parses the
  // CSP directives) again on every request, measured at about 23 us of each cached GET (issue 15).
  // They go into the reply's own headers, so that Node writes the head in one go: a header set on the
  // raw response makes it validate and merge every header of the answer one by one (issue 15).
  const securityHeaders = Object.entries(helmetHeaders());
  const newRequestId = requestIdGenerator();
  const app = Fastify({
    childLoggerFactory: (logger, bindings, childOptions, rawReq) => {
      // One name for all: an unsampled span drops it, and onRequest names a sampled one after its route.
      const edge = isEdgeRequest(rawReq.headers);
      const span = serverSpan(tracing, SERVER_SPAN_NAME, rawReq.headers, edge);
      (rawReq as RawWithSpan)[REQUEST_SPAN] = span;
      // A client's own id stays findable beside the one the service gave its request (edge-request.ts).
      const clientRequestId = edge ? givenRequestId(rawReq.headers) : undefined;
      return requestLogger(logger as PinoLogger, clientRequestId === undefined ? bindings : { ...bindings, clientRequestId }, childOptions, span);
    },
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            base: { service: workloadName(config.serviceName) },
            serializers: { req: loggedRequest },
            // A line of the app's own logger (a message's delivery, its calls) gets the active span's ids.
            mixin: traceIdsMixin(activeTraceIds),
            ...(typeof opts.logger === 'object' ? opts.logger : {}),
          },
    bodyLimit: REQUEST_BODY_LIMIT_BYTES,
    ...refusalOptions(securityHeaders),
    // genReqId reads x-request-id itself, so that a hostile value never reaches logs or headers,
    // and a client's (an edge request's) is never the request's id (edge-request.ts).
    requestIdHeader: false,
    genReqId: (req) => (isEdgeRequest(req.headers) ? undefined : givenRequestId(req.headers)) ?? newRequestId(),
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    return503OnClosing: true,
    // Each plugin and onReady hook may take as long as the kubelet lets the pod start (catalog
    // startupBudgetMs, 5 minutes), not Fastify's 10 s: on a busy node the domain's start work (the AI
    // service's engine warm-up and ai_pods join) ran past 10 s and the start failed, a crash loop
    // the startup probe would have waited out. A start stuck for good still ends by the kubelet's
    // restart, the start watch below naming the step it waits on meanwhile.
    pluginTimeout: startupBudgetMs(),
    ajv: AJV_CONFIG,
    schemaController: { compilersFactory: { buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // From here every step of the start is named in the logs, and a step stuck for good in a warning every period:
  // in a service's process by the watch its entry point began (the steps before the app were its first), now to the app's logger.
  const start = adoptProcessWatch(app.log) ?? watchStart({ log: app.log, ...opts.startWatch });
  began.start = start;
  const onStart = (what: string, run: () => Promise<void>): void => void app.addHook('onReady', () => start.step(what, run));
  const metrics = createMetrics(config.serviceName);
  // Azure Managed Redis: Entra tokens of the pod's workload identity, renewed on open connections.
  // Its token asked of Entra at half-life too (watchEntraTokens `fresh`), its renewal's own failures
  // left to the renewal's log.
  const redisWatch = wantsEntraAuth(config.redisUrl, config.azureClientId)
    ? watchEntraTokens(await azureCredentialFromEnv(), 'redis', { log: app.log, fresh: () => azureCredentialFromEnv(), watchOwnAsks: false })
    : undefined;
  const redisAuth = redisWatch ? redisTokenAuth({ credential: redisWatch.credential, log: app.log }) : undefined;
  // Read at each scrape: a renewal failing for long raises its alert before the token expires.
  if (redisAuth && redisWatch) metrics.readEntraFailingFrom('redis', () => longestOutageSeconds(redisAuth, redisWatch));
  // The other credentials are watched where they are made (PostgreSQL's before the app; Service Bus's,
  // Event Hubs' and Azure OpenAI's by the service's domain): their lines go to the app's logger from
  // here on, their outages to the gauge.
  logEntraTokensTo(app.log);
  for (const dependency of ENTRA_DEPENDENCIES) if (dependency !== 'redis') metrics.readEntraFailingFrom(dependency, () => entraTokenOutageSeconds(dependency));
  const redis = connectRedis(config.redisUrl, app.log, workloadName(config.serviceName), redisAuth);
  const subscriber = connectRedis(config.redisUrl, app.log, `${workloadName(config.serviceName)}:sub`, redisAuth, 'subscriber');
  const cache = await start.step('cache', () => createTwoLevelCache({ namespace: cacheNamespace(config.serviceName), redis, subscriber, shape: opts.cacheShape ?? '1' }));
  const revocations = createTokenRevocations({ redis, subscriber, waitMs: SUBSCRIBER_WAIT_MS, onError: (err, what) => app.log.warn({ err }, what) });
  // The issuer reads its own record (the user service's DurableRevocations); every verifier reads it through the issuer.
  const feed = config.serviceName !== TOKEN_ISSUER && config.jwksUrl ? revocationFeed({ jwksUrl: config.jwksUrl, revocations, redis, subscriber, log: app.log, everyMs: opts.revocationFeedEveryMs }) : undefined;
  const health: HealthState = { started: false, draining: false };
  const readyListeners: ((ready: boolean) => unknown)[] = [];
  // Inside the readiness probe's handler: a listener's failure is logged, never the probe's (a 500 took a
  // healthy pod out of its Service's endpoints, and the listeners after it were not called), and an async
  // listener's rejection is caught here (unhandled, the kit drains the process).
  const listenerFailed = (err: unknown): void => app.log.error({ err }, 'readiness listener failed');
  const answeredReady = (ready: boolean): void => {
    for (const listener of readyListeners) {
      try {
        const answered = listener(ready);
        if (answered instanceof Promise) answered.catch(listenerFailed);
      } catch (err) {
        listenerFailed(err);
      }
    }
  };
  interface Step {
    readonly stop: () => Promise<void>;
    readonly what: string;
  }
  const stoppers: Step[] = [];
  const intakeStoppers: Step[] = [];
  const pending = new Set<string>();
  /** Named while it runs. */
  const tracked = async ({ stop, what }: Step): Promise<void> => {
    pending.add(what);
    try {
      await stop();
    } finally {
      pending.delete(what);
    }
  };
  /** A service's shutdown step: its failure is logged and the next steps still run. */
  const runStep = (step: Step): Promise<void> => tracked(step).catch((err: unknown) => app.log.error({ err, step: step.what }, 'shutdown step failed'));
  /** The onDrain steps under way once the drain has started; one registered later (a consumer whose onReady ended after the signal) joins at once. */
  let intakeStops: Promise<void>[] | undefined;
  const otherHeaps: OtherHeap[] = [];
  const stopIntake = (): Promise<unknown> => Promise.all((intakeStops ??= intakeStoppers.map(runStep)));
  app.decorate('kit', {
    config,
    redis,
    cache,
    metrics,
    tracing,
    health,
    verifier: opts.verifier,
    revocations,
    onDrain: (stop: () => Promise<void>, what = `drain step ${intakeStoppers.length + 1}`) => {
      const step = { stop, what };
      intakeStoppers.push(step);
      intakeStops?.push(runStep(step));
    },
    onShutdown: (stop: () => Promise<void>, what = `shutdown step ${stoppers.length + 1}`) => void stoppers.push({ stop, what }),
    pendingShutdownSteps: () => [...pending],
    shutdownDeadlineMs: shutdownDeadlineMs(opts.shutdownTiming),
    closeGraceMs: opts.shutdownTiming?.closeGraceMs ?? SHUTDOWN_TIMING.closeGraceMs,
    subscribe: (channel: string, onMessage: (message: string) => void) => keepSubscribed(subscriber, channel, onMessage),
    reduceWhenQuiet: (heap: OtherHeap) => void otherHeaps.push(heap),
    onReadyAnswer: (listener: (ready: boolean) => unknown) => void readyListeners.push(listener),
    heapsReducedWhenQuiet: () => otherHeaps,
    onStart,
    startStep: start.step,
    drain: () => {
      health.draining = true;
      // A SIGTERM during the start: its steps still running named, its end left to the shutdown's deadline.
      start.stopping();
      void stopIntake();
    },
  } satisfies Kit);

  // The kit's hooks take Fastify's callback, not a promise: nothing in them waits, and an async
  // hook costs a promise and a microtask of every request. One hook starts every request (span,
  // request id, security headers): each hook is a step of Fastify's chain.
  app.addHook('onRequest', (request, reply, done) => {
    // Without a logger (logger: false) Fastify makes no child logger: start the span here.
    const span = (request.raw as RawWithSpan)[REQUEST_SPAN] ?? serverSpan(tracing, SERVER_SPAN_NAME, request.headers, isEdgeRequest(request.headers));
    // An unsampled span records nothing: its name is not worth building.
    if (span.isRecording()) span.updateName(`${request.method} ${request.routeOptions.url ?? 'unmatched'}`);
    request.span = span;
    const sc = span.spanContext();
    reply.header('x-request-id', request.id);
    reply.header('traceparent', `00-${sc.traceId}-${sc.spanId}-0${sc.traceFlags}`);
    // Pairs listed once: reply.headers() lists the object's keys again on every request (about 100 bytes).
    for (const [name, value] of securityHeaders) reply.header(name, value);
    done();
  });
  // While draining, every answer asks the client to reconnect (to another pod): kept-alive
  // connections would otherwise hold the server open and keep landing on a closing pod.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (health.draining) reply.header('connection', 'close');
    done(null, payload);
  });
  const recordDuration = durationRecorder(metrics.httpDuration);
  /** `ms`: the server's own time, the answer's time less what a route held for its client (markHeld). */
  const finish = (request: FastifyRequest, reply: FastifyReply, route: string, ms: number) => {
    recordDuration(route, request.method, reply.statusCode, ms / 1000);
    if (request.span) endServerSpan(request.span, reply.statusCode, route, request.method);
  };
  // A route's own onResponse hook knows its template from the closure: `request.routeOptions` is a
  // getter that builds a 13-field object on every read (issue 15). Added to every route registered
  // after this hook (all of them: the kit's and the domain's); answers no route took (404, or a 503
  // of under-pressure before routing) are finished by the app-wide hook below.
  app.addHook('onRoute', (routeOptions) => {
    const route = routeOptions.url;
    // A route that reads a body answers any media type but JSON with a 415 (problem.ts): its document says so.
    const schema = routeOptions.schema;
    if (schema?.body !== undefined && !(schema.hide ?? false)) schema.response = { 415: ProblemSchema, ...(schema.response as object | undefined) };
    // And every route what its preconditions can answer (412, 304 for a read: http/preconditions.ts).
    if (schema !== undefined && !(schema.hide ?? false) && routeOptions.method !== 'HEAD') {
      const methods = [routeOptions.method].flat();
      schema.response = { ...Object.assign({}, ...methods.map(preconditionAnswers)), ...(schema.response as object | undefined) };
    }
    // A route that holds requests (config.holdsRequests, a long poll) has its own: no other pays for reading what was held.
    const routeFinish: onResponseHookHandler =
      routeOptions.config?.holdsRequests === true
        ? (request, reply, done) => {
            const elapsed = reply.elapsedTime;
            finish(request, reply, route, Math.max(0, elapsed - ((request as HeldRequest)[HELD_MS] ?? 0)));
            done();
          }
        : (request, reply, done) => {
            finish(request, reply, route, reply.elapsedTime);
            done();
          };
    const own = routeOptions.onResponse;
    routeOptions.onResponse = own === undefined ? [routeFinish] : [...(Array.isArray(own) ? own : [own]), routeFinish];
    // The handler runs in its request's span: what it calls (another service, a message written to
    // the outbox) continues the trace. Only the handler: the hooks before it need no trace context.
    const handler = routeOptions.handler;
    const target = routeOptions.config?.target;
    // Before the kit adds its own answers (the token's 401) to the route's schema: what its author wrote.
    // Not again for the HEAD route Fastify adds with a GET: it shares the GET's config and its schema, by then the kit's too.
    const undeclared = routeOptions.method === 'HEAD' ? undefined : undeclaredTarget({ url: route, response: schema?.response as object | undefined, target });
    if (undeclared !== undefined) throw new Error(undeclared);
    /** The preconditions, after the token, the limit and the request's checks, just before the route acts (RFC 9110 13.2.2). */
    const conditional = async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
      const found = target === undefined || target === EVALUATED_BY_ROUTE ? CURRENT_TARGET : await target(request);
      const outcome = evaluatePreconditions(request.method, request.headers as Parameters<typeof evaluatePreconditions>[1], found);
      // RFC 9110 15.4.5: a 304 carries the ETag the 200 would have.
      if (outcome === 'not-modified') return (found.state === 'current' && found.etag !== undefined ? reply.header('etag', found.etag) : reply).code(304).send();
      if (outcome !== undefined) throw outcome;
      return handler.call(this, request, reply);
    };
    routeOptions.handler = function (this: FastifyInstance, request, reply) {
      // A request without a precondition (nearly all) goes straight to the route.
      const run = target !== EVALUATED_BY_ROUTE && isConditional(request.headers as Parameters<typeof isConditional>[0]) ? conditional : handler;
      return request.span ? context.with(requestContext(request.span), run, this, request, reply) : run.call(this, request, reply);
    };
  });
  app.addHook('onResponse', (request, reply, done) => {
    // is404 reads the route's context without building routeOptions.
    if (request.is404) finish(request, reply, reply.statusCode === 404 ? 'not_found' : reply.statusCode === 405 ? 'method_not_allowed' : 'unmatched', reply.elapsedTime);
    done();
  });

  registerProblemHandlers(app);
  // Fastify reads text/plain bodies by default: such a body reached the schema as a string and was a
  // 400 "body must be object". No route reads text, so it is a media type the route does not take (415).
  app.removeContentTypeParser('text/plain');
  // JSON is read as UTF-8 or refused, never altered (json-body.ts).
  registerJsonBody(app);

  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    retryAfter: RETRY_AFTER_SECONDS.unavailable,
    // Probes must keep answering under load: a busy pod is not a dead one.
    pressureHandler: (request, reply, type) => {
      if (OPERATIONAL.has(request.url.split('?')[0] ?? '')) return undefined;
      void reply.code(503).type(PROBLEM_CONTENT_TYPE).header('retry-after', String(RETRY_AFTER_SECONDS.unavailable)).send(problem(503, `The service is under pressure (${type}); retry shortly`));
      return undefined;
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: `TripGen ${config.serviceName} service`,
        description: SERVICES[config.serviceName].description,
        version: opts.version ?? '0.1.0',
        contact: { name: 'TripGen' },
      },
      // Paths are absolute on whatever host serves them: the service, the dev gateway or the edge.
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    // Every tag an operation uses is declared once at the top, as OpenAPI tools expect (Spectral operation-tag-defined).
    // (This app documents OpenAPI 3 only; the union also admits Swagger 2.)
    transformObject: (doc) => ('openapiObject' in doc ? { ...doc.openapiObject, tags: declaredTags(doc.openapiObject.paths) } : doc.swaggerObject),
  });

  // Who is calling, before rate limiting (which counts per user). Failures are kept and only
  // turned into a 401 by routes that require a token.
  // A token verified before is answered without a promise (the hot path of every repeated request).
  const authFailed = (request: FastifyRequest, err: unknown) => {
    const refused = err instanceof HttpProblem ? err : new HttpProblem(401, 'The access token could not be verified');
    // Every 401 names its challenge (RFC 9110 15.5.2); a 429 or 503 of the check is not a refusal of the token.
    request.authProblem =
      refused.statusCode === 401 && refused.headers['www-authenticate'] === undefined
        ? new HttpProblem(401, refused.message, refused.extensions, { ...refused.headers, ...bearerChallenge('invalid_token') })
        : refused;
  };
  const revokedToken = () => new HttpProblem(401, REVOKED_TOKEN_DETAIL);
  // Addresses only as keyed hashes in Redis (http/address-hash.ts): the key is every service's, so the counts stay shared.
  const addressKey = addressHashKey(config.addressHashSecret);
  const tokenRefusals = createFailureThrottle({ redis, prefix: TOKEN_REFUSALS_PREFIX, hashKey: addressKey, ...TOKEN_REFUSAL_THROTTLE });
  const acceptedTokens = createAcceptedTokens(redis, (err) => app.log.warn({ err }, 'an accepted token could not be recorded in Redis'));
  app.addHook('onRequest', (request, _reply, done) => {
    let token: string | undefined;
    try {
      token = bearerToken(request.headers.authorization);
    } catch (err) {
      authFailed(request, err);
    }
    if (!token) return done();
    const known = opts.verifier.verified?.(token);
    if (known) {
      // The one step revocation adds to a token verified before: two Map lookups, account and session (auth/revocations.ts).
      if (revocations.revoked(known)) authFailed(request, revokedToken());
      else request.user = known;
      return done();
    }
    verifyCounted(tokenRefusals, acceptedTokens, opts.verifier, token, request).then(
      () => {
        // Not counted as a refused token: it was ours, and its traveller signed out (an expired one is not either, once verified before).
        if (request.user && revocations.revoked(request.user)) {
          request.user = undefined;
          authFailed(request, revokedToken());
        }
        done();
      },
      (err: unknown) => {
        authFailed(request, err);
        done();
      },
    );
  });
  // A callback, not an async function: the check never waits, and a promise per authenticated
  // request moved the rest of the request (limit, handler, send) into a microtask (issue 15).
  const authenticate = (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void => {
    if (request.authProblem) return done(request.authProblem);
    if (!request.user) return done(new HttpProblem(401, 'This route needs "Authorization: Bearer <accessToken>"', {}, bearerChallenge()));
    done();
  };
  app.decorate('authenticate', authenticate);

  const internal = internalPrefix(config.serviceName);
  const internalSlash = `${internal}/`;
  const anonymousRoutes = new Set(SERVICES[config.serviceName].routes.flatMap((r) => r.anonymous));
  // Fail-closed: a public route needs a token unless the catalog lists it anonymous (the list the
  // mesh's JWT rule is rendered from), and so does an internal route a caller calls `withToken`
  // (catalog routeAccess), so a route whose author forgot the hook is a 401, not served to anyone,
  // and the code cannot drift from the mesh. Its own onRequest hooks run after the kit's app-wide
  // ones (token read first) and after this one: a refused token is the 401 before any of them, and
  // before the body is read. A route that names `authenticate` itself gets it once.
  app.addHook('onRoute', (routeOptions) => {
    if (routeAccess(config.serviceName, routeOptions.url ?? '') !== 'token') return;
    const own = routeOptions.onRequest;
    const others = own === undefined ? [] : (Array.isArray(own) ? own : [own]).filter((hook) => hook !== (authenticate as unknown));
    routeOptions.onRequest = [authenticate, ...others];
    // Its document says so, whatever the route's author wrote (as the 415 of a body, above).
    const schema = routeOptions.schema;
    if (schema !== undefined && !(schema.hide ?? false)) {
      schema.security ??= [{ bearer: [] }];
      schema.response = { 401: ProblemSchema, ...(schema.response as object | undefined) };
    }
  });
  // Keyed hash, never the address: the key names a Redis entry written on every login and sign-up.
  const byAddress = (request: FastifyRequest) => `ip:${hashAddress(addressKey, clientAddressKey(request.ip))}`;
  const byCaller = (request: FastifyRequest) => (request.user ? userLimitKey(request.user.id) : byAddress(request));
  registerRateLimit(app, {
    redis,
    prefix: RATE_LIMIT_PREFIX,
    max: config.rateLimitMax,
    windowMs: RATE_LIMIT.timeWindowMs,
    // A token-free route (the catalog's routes[].anonymous: sign-up, login, the keys) spends its
    // caller's address's budget even when a token comes along: keyed by that token's user, every
    // account a client holds bought it another 100 logins a minute from the same address.
    keyFor: (route) => (anonymousRoutes.has(route) ? byAddress : byCaller),
    // Service-to-service calls are not a user's requests: the mesh admits only the callers of the
    // call graph there, and under-pressure still sheds them when the pod is overloaded. The public
    // keys too: every verifier pod reads them through its sidecar, which the issuer's sidecar hands
    // on from 127.0.0.6 with no X-Forwarded-For, so a per-address budget was one budget for every
    // verifier of the cluster, and a pod refused its keys refuses every token (503). A constant
    // document answered from memory; the edge's WAF and under-pressure bound its abuse.
    exempt: (route) => OPERATIONAL.has(route) || route === internal || route.startsWith(internalSlash) || route === JWKS_PATH,
    after: authenticate,
  });

  registerHealthRoutes(app, { state: health, pingDatabase: opts.database.ping, redis, metrics, onReadyAnswered: answeredReady });
  app.get(METRICS_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());

  // What the cache loads before its invalidation subscriber has subscribed is dropped from L1 when it
  // does: neither the domain's onReady steps (consumers) nor the probes start before it (bounded:
  // Redis is soft). Off the request path: one wait at start.
  // The issuer's keys are fetched as the app starts, not on the first traveller's request (each new
  // pod of a rollout or scale-up made its first requests wait that fetch); not awaited: readiness is
  // independent of the keys (docs/runbooks.md "token-signing keys"), a request meanwhile shares the fetch.
  app.addHook('onReady', async () => {
    opts.verifier.prefetch?.(app.log);
  });
  onStart('cache invalidation subscription', async () => void (await cache.subscribed));
  // Nor before it knows the revoked tokens (a pod the HPA added would accept them until it subscribed), bounded alike;
  // Redis out of reach, a verifier reads them from the issuer's record instead (auth/revocation-feed.ts, bounded too).
  onStart('token revocations read', async () => {
    await revocations.loaded;
    if (feed && !isRedisReady(redis)) await feed.learn();
  });

  // Its registration awaits what the domain sets up before its routes (a Service Bus broker, an Event Hubs publisher).
  await start.step('domain plugins', async () => void (await app.register(opts.domain)));

  app.addHook('onClose', async () => {
    start.done();
    opts.verifier.close?.();
    // A close without a drain (tests, a failed start) stops the intake here.
    await stopIntake();
    for (const step of stoppers) await runStep(step);
    await tracked({ what: 'cache', stop: () => cache.close() });
    feed?.close();
    revocations.close();
    redisAuth?.close();
    // The pod's watches (PostgreSQL's made before the app, the domain's): their early asks end with
    // the process's last app, not with an app closed beside one still running.
    releaseEntraWatches();
    redis.disconnect();
    subscriber.disconnect();
    await tracked({ what: 'postgresql', stop: () => opts.database.close() });
    await tracked({ what: 'tracing', stop: () => tracing.shutdown() });
  });
  // The last onReady step of the app (the domain's onStart steps were added to it above), so the start's end.
  app.addHook('onReady', async () => {
    health.started = true;
    start.done();
  });
  return app;
};
