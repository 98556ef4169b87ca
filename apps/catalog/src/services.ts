/**
 * The service catalog: every fact about a TripGen service is written here once.
 * The services import their port and probe paths from it; the manifests, the dev gateway,
 * the NGINX ingress, the network policies and the mesh policies are derived from it.
 * Numbers come from the seed (§4.1.2, §5.1, §7.2.2); see docs/architecture.md.
 */
import type { ResponseTimeObjective } from './latency.ts';
import { LOCATION_INTERNAL_PATHS } from './places.ts';
import { QUEUES, type QueueName } from './queues.ts';
import { AI_INTERNAL_PATHS } from './schedules.ts';

export const SERVICE_NAMES = ['user', 'trip', 'ai', 'location'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const DATABASES = ['user_db', 'trip_db', 'ai_db', 'location_db'] as const;
export type DatabaseName = (typeof DATABASES)[number];

export type EnvironmentName = 'dev' | 'prod';

/**
 * Whether an environment's services scale horizontally: an HPA from the service's replicas there up
 * to its autoscaling.maxReplicas (prod), or a fixed replica count (dev). k8s renders its profiles'
 * scaling from this, and the queue backlog alerts (infra-bicep) size their thresholds by maxPods.
 */
export const AUTOSCALED: Readonly<Record<EnvironmentName, boolean>> = { dev: false, prod: true };

/** The most pods of a service an environment runs: its HPA's maxReplicas, or its fixed replicas. */
export const maxPods = (spec: Pick<ServiceSpec, 'replicas' | 'autoscaling'>, env: EnvironmentName): number =>
  AUTOSCALED[env] ? spec.autoscaling.maxReplicas : spec.replicas[env];

export interface ResourceQuantities {
  readonly cpu: string;
  readonly memory: string;
}

/** A public route prefix and whether its routes need a valid access token (mesh JWT rule). */
export interface RoutePrefix {
  readonly prefix: string;
  /** Paths under the prefix that are reachable without a token (login, register, JWKS). */
  readonly anonymous: readonly string[];
}

export interface ServiceSpec {
  readonly name: ServiceName;
  readonly description: string;
  /** Container port and the port the service listens on locally. */
  readonly port: number;
  readonly routes: readonly RoutePrefix[];
  readonly resources: {
    readonly requests: ResourceQuantities;
    /** Memory limit only: a CPU limit throttles latency-sensitive Node processes for no gain. */
    readonly limits: Pick<ResourceQuantities, 'memory'>;
  };
  readonly replicas: Readonly<Record<EnvironmentName, number>>;
  readonly autoscaling: { readonly targetCpuUtilization: number; readonly maxReplicas: number };
  readonly database: DatabaseName;
  /** PostgreSQL extensions the service's database needs. */
  readonly databaseExtensions: readonly string[];
  readonly queues: { readonly produces: readonly QueueName[]; readonly consumes: readonly QueueName[] };
  /**
   * Services whose routes this one calls over HTTP, each through its `<NAME>_SERVICE_URL` (the call
   * graph network and mesh policies are built from). The token issuer's JWKS is not a call: every
   * verifier reads it (needsJwks), and the mesh lets it GET that path only.
   */
  readonly calls: readonly ServiceName[];
  /**
   * Exactly the routes of its `calls` this service requests (traced in its clients): the mesh admits
   * a caller to these and nothing else of the callee (k8s service-mesh.ts). A path under the
   * callee's internalPrefix is called without a token (a queue message or a sweep holds none) unless
   * it is `withToken`; any other is one of the callee's public routes, called with the traveller's
   * own token (peerRouteNeedsToken).
   */
  readonly peerRoutes: readonly PeerRoute[];
  /** The user-facing services are promoted blue-green, the others by canary (seed §8). */
  readonly delivery: 'blue-green' | 'canary';
  /** Its p95 response-time objective (latency.ts): the alerts and rollout analyses judge it by this. */
  readonly responseTime: ResponseTimeObjective;
}

/** One route of another service, as a caller requests it. */
export interface PeerRoute {
  readonly service: ServiceName;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /**
   * An internal route called on a traveller's behalf with their own token: outside their rate
   * limit (their request was counted where they made it), yet the mesh and the callee still ask
   * for the token, so that a caller's identity alone opens no account.
   */
  readonly withToken?: true;
}

/** Whether a caller sends the traveller's token on this route (the mesh then requires one): a public route, or an internal one `withToken`. */
export const peerRouteNeedsToken = (r: PeerRoute): boolean => r.withToken === true || !r.path.startsWith(`${internalPrefix(r.service)}/`);

/** Probe and metrics paths: the same for every service, served by the service kit. */
export const HEALTH_PATHS = {
  liveness: '/health/live',
  readiness: '/health/ready',
  startup: '/health/startup',
} as const;
export const METRICS_PATH = '/metrics';
export const OPENAPI_PATH = '/docs/json';
/**
 * What the platform and tools ask of every service (probes, scrapes, the API document), not
 * travellers: outside the rate limit and the request log (service kit), and left out of every
 * response-time and error objective (the in-cluster rules and analyses, the Azure alerts).
 */
export const OPERATIONAL_PATHS: readonly string[] = Object.freeze([...Object.values(HEALTH_PATHS), METRICS_PATH, OPENAPI_PATH]);

/**
 * The largest request body accepted, written once for every layer a request crosses: the prod edge
 * (Application Gateway's WAF, through infra-bicep/catalog.json), the dev edge (the NGINX ingress's
 * client-max-body-size), the local dev gateway and each service (Fastify's bodyLimit). Beyond it every
 * layer answers 413 itself, so no larger body reaches a service. 128 KiB: the WAF's request-body
 * inspection limit, far above any body of the public API.
 */
export const REQUEST_BODY_LIMIT_BYTES = 128 * 1024;

/**
 * The longest a service waits for the whole of a request (head and body) once its first byte came:
 * past it the request is a 408 and its connection closed. Fastify sets no limit of its own, so a
 * client that announced a body and stopped sending held a connection and its parser forever. 10 s
 * takes a body of the largest size at 13 KB/s; the prod edge hands a service whole requests (the
 * WAF reads a body before it forwards it).
 */
export const REQUEST_RECEIVE_TIMEOUT_MS = 10_000;

/**
 * Seed §7.2.2: every probe every 30 s with a 5 s timeout. `failureThreshold`: the failures in a row
 * after which the kubelet acts (startup: a cold start gets 10 periods, 5 minutes, then a restart;
 * liveness: a restart; readiness: out of its Service's endpoints). Written once for the manifests and
 * for the local stack, which asks the same probes of the processes it starts (dev-tools probes.ts).
 */
export const PROBE_TIMING = { periodSeconds: 30, timeoutSeconds: 5, failureThreshold: { startup: 10, liveness: 3, readiness: 2 } } as const;

/**
 * How long the kubelet lets a pod start before it restarts it: the startup probe's failures in a row
 * times its period (5 minutes). A service's own start (Fastify's plugin and onReady limit, the kit's
 * `pluginTimeout`) gives up no sooner: with Fastify's default 10 s, start work slowed by a busy node
 * (the AI service's engine warm-up and its ai_pods join) failed the start and the pod crash-looped
 * well within the time the kubelet allows.
 */
export const startupBudgetMs = (t: { periodSeconds: number; failureThreshold: { startup: number } } = PROBE_TIMING): number =>
  t.periodSeconds * t.failureThreshold.startup * 1000;

/**
 * How a service watches its own start (service-kit `start-watch.ts`), from the startup probe's timing
 * alone. A start step (the cache's subscription, the AI service's engine warm-up, a consumer's start)
 * still running one probe period after it began is named in a warning, again every period: a step
 * that long has already cost a probe, and the pod's logs should say which step the probes wait on.
 * No exit of its own: a start is ended by the kubelet alone, at the startup probe's
 * `failureThreshold.startup`-th failure in a row (its SIGTERM named by the watch's 'stopping before
 * the start was done'). The kubelet counts those failures per pod and container name, not per
 * container: its probe worker (kubernetes/kubernetes pkg/kubelet/prober/worker.go, doProbe, as of
 * commit 00421113e1c655426f1954d9865726f491265bcd) sets `resultRun = 0` only where it acts on the
 * threshold itself (`onHold = true`, the container to be killed); a new container ID (a restart after
 * the container exited by itself) resets `onHold` and the published result, not `resultRun` nor
 * `lastResult` (kubernetes/kubernetes#53530 tells the same of the liveness probe). So a container
 * that exited 240 s into its start, 7 or 8 failures counted, left its successor 2 or 3 probes
 * (30-90 s) where a kill by the kubelet gives it the whole 270-300 s.
 */
export const startWatchTiming = (t: { periodSeconds: number } = PROBE_TIMING): { stuckAfterMs: number; repeatEveryMs: number } => ({
  stuckAfterMs: t.periodSeconds * 1000,
  repeatEveryMs: t.periodSeconds * 1000,
});

/** The one service that issues access tokens (signs them; publishes the public keys at JWKS_PATH). */
export const TOKEN_ISSUER = 'user' satisfies ServiceName;

/**
 * The token issuer's public auth routes: the issuer serves them, its catalog entry lists them as
 * token-free, the benchmarks and tests call them.
 */
export const AUTH_PATHS = {
  register: '/api/v1/auth/register',
  login: '/api/v1/auth/login',
  /** The token-signing public keys; every other service verifies against them. */
  jwks: '/api/v1/auth/jwks.json',
} as const;
export const JWKS_PATH = AUTH_PATHS.jwks;
/**
 * The user service's public routes of the signed-in traveller (a token required): their profile and
 * preferences, their password, signing out the calling token's session (`logout`: one device) and
 * signing out every session of the account (`logoutEverywhere`), both under the auth prefix, not token-free.
 */
export const USER_PATHS = {
  me: '/api/v1/users/me',
  password: '/api/v1/users/me/password',
  logout: '/api/v1/auth/logout',
  logoutEverywhere: '/api/v1/auth/logout-everywhere',
} as const;
/**
 * The user service's internal routes (under internalPrefix('user')): `preferences`, the traveller's
 * preferences as the trip service reads them for a schedule request, with the traveller's token;
 * `accounts`, which of a batch of account ids were deleted (AccountsRequest, AccountsResponse),
 * asked by the trip service's sweep without a token (ACCOUNT_ERASURE); `deletions`, the deleted
 * accounts user_db holds a record of, a page at a time (GET, DeletionsQuery, DeletionsResponse), for
 * the same sweep to erase what other services keep by account, trips or none.
 */
export const USER_INTERNAL_PATHS = { preferences: '/preferences', accounts: '/accounts', deletions: '/deletions', revocations: '/revocations' } as const;

/**
 * The query of USER_INTERNAL_PATHS.revocations: those recorded after `since` (ms since the epoch; absent
 * or older: a token's lifetime back). With `limit` (1..TOKEN_REVOCATIONS.feedPageSize) the answer is a
 * page, newest first (at, kind, id, descending: a reader cut short holds every revocation since some instant), `next` the cursor of the page after (`after`);
 * without, the whole record at once, as the release before answered (which refuses `limit` with a 400).
 */
export interface RevocationsQuery {
  readonly since?: number;
  readonly limit?: number;
  readonly after?: string;
}
/**
 * The token revocations user_db records (catalog TOKEN_REVOCATIONS, SESSION_REVOCATIONS), of the last
 * token lifetime, recorded after the query's `since`: what a verifier's pod that Redis cannot tell
 * reads (the kit's auth/revocation-feed.ts), with no token, as it reads the keys.
 */
export interface RevocationsResponse {
  readonly accounts: readonly { readonly userId: string; readonly at: number }[];
  readonly sessions: readonly { readonly sessionId: string; readonly at: number }[];
  /** Asked with `limit`: the `after` of the next page, absent on the last. */
  readonly next?: string;
}

/** The query of USER_INTERNAL_PATHS.deletions: the page after `after` (an account id; absent: the first). */
export interface DeletionsQuery {
  readonly after?: string;
  /** 1..ACCOUNT_ERASURE.batch ids per page (default ACCOUNT_ERASURE.batch). */
  readonly limit?: number;
}
/**
 * A page of the deleted accounts user_db holds a record of (deleted_accounts, kept
 * ACCOUNT_TOMBSTONE_RETENTION.keepMs) and no account, in id order; the same ids the accounts route
 * names `deleted`. A user service of a release before it answers 404: the caller erases nothing more.
 */
export interface DeletionsResponse {
  readonly deleted: readonly string[];
  /** The `after` of the next page; null on the last. */
  readonly next: string | null;
}

export interface AccountsRequest {
  /** 1..ACCOUNT_ERASURE.batch account ids (UUIDs). */
  readonly ids: readonly string[];
}
/**
 * The answer names deletions, never absences: an account missing from user_db is also what a user_db
 * restored to an earlier point, a geo-restored copy older than trip_db or a DATABASE_URL pointing at
 * an empty database look like, and erasing on absence erased every trip and plan of those travellers.
 * Rollouts: the release before this one answered `{missing}` (every absent id); the trip service
 * erases only ids named in `deleted`, so an answer without it (that release) erases nothing, and that
 * release's trip service, finding no `missing` here, erases nothing either.
 */
export interface AccountsResponse {
  /**
   * The asked ids whose account was deleted: user_db holds their deletion record (deleted_accounts,
   * written by a trigger in the transaction of the account's DELETE, the route's or an operator's,
   * kept ACCOUNT_TOMBSTONE_RETENTION.keepMs) and no account.
   */
  readonly deleted: readonly string[];
  /**
   * The asked ids with neither an account nor a deletion record: user_db does not know them (restored
   * to before their sign-up, the wrong database, a deletion older than the retention). Never erased;
   * the sweep counts them for an operator (docs/runbooks.md#account-erasure). Optional for a reader.
   */
  readonly unknown?: readonly string[];
}

/**
 * How long user_db keeps the record of an account's deletion (deleted_accounts), pruned by every user
 * replica every `pruneEveryMs` (the messaging prunes' hour). The erasure needs it only until the
 * trip service's sweep has seen it (10 minutes, longer while the AI service or the user service does
 * not answer, each sweep retrying); it is kept for the backups' retention instead (35 days,
 * infra-bicep env/prod-profile.bicep backupRetentionDays) plus 5 days to restore: trip_db or ai_db
 * restored to any point within their backups brings back the trips and plans of accounts deleted
 * since, and the next sweep erases them again only while their deletion records are here.
 */
export const ACCOUNT_TOMBSTONE_RETENTION = { keepMs: 40 * 24 * 60 * 60_000, pruneEveryMs: 60 * 60_000 } as const;

/**
 * Erasure of a deleted account's data in the services that keep it by the account's id. The trip
 * service's sweep, every `sweepEveryMs` on one replica (the one that takes the Redis lease
 * `leaseKey:<trip database>`, expiring within the period: a holder that died is followed at the next;
 * without Redis every replica sweeps, the deletes being idempotent), walks the
 * owners of trips `batch` at a time, asks the user service which of them were deleted
 * (USER_INTERNAL_PATHS.accounts: a deletion record in user_db, never the mere absence of an account), has the AI service erase their finished generations
 * (AI_INTERNAL_PATHS.erase), then deletes their trips as a trip DELETE does (their queued and
 * running schedules withdrawn) and has the AI service erase again (a plan completed in between).
 * Then it walks every deletion record, `batch` at a time (USER_INTERNAL_PATHS.deletions), and has the
 * AI service erase each page: the plans of an account that had no trip left, a plan that completed
 * after its trips went, an ai_db restored within its backups, every sweep while the record is kept
 * (ACCOUNT_TOMBSTONE_RETENTION). So a deleted account's trips go within `sweepEveryMs` of the
 * deletion (docs/api.md), the sweep's own time on a large trip_db aside; while the user service or
 * the AI service does not answer, nothing is deleted and the next sweep asks again.
 * `service` is the one that sweeps; the kit exports from its pods alone the gauge `unknownOwnersMetric`:
 * the owners of trips user_db does not know (no account, no deletion record) that the last complete
 * sweep counted and kept, which an alert reads (docs/runbooks.md#account-erasure), and the gauge
 * `lastSuccessMetric`: when the last sweep that walked every owner and every deletion record, and left
 * no deleted account's trip held by another request, ended (Unix seconds), which an alert reads to find
 * sweeps that keep failing (its threshold `stalledAfterSweeps`
 * periods: one failed sweep is retried at the next, several in a row leave deleted accounts' data kept).
 */
export const ACCOUNT_ERASURE = {
  sweepEveryMs: 10 * 60_000,
  batch: 100,
  service: 'trip',
  unknownOwnersMetric: 'account_erasure_unknown_owners',
  lastSuccessMetric: 'account_erasure_last_success_timestamp_seconds',
  stalledAfterSweeps: 3,
  leaseKey: 'tripgen:trip:account-erasure-lease',
} as const satisfies {
  readonly sweepEveryMs: number;
  readonly batch: number;
  readonly service: ServiceName;
  readonly unknownOwnersMetric: string;
  readonly lastSuccessMetric: string;
  readonly stalledAfterSweeps: number;
  readonly leaseKey: string;
};

/**
 * Service-to-service routes of a service (e.g. the location service's batch lookup for the AI
 * service, which answers a queue message and so holds no user token). Never routed by the dev
 * gateway, the NGINX ingress or the Istio edge (they route `routes[].prefix` only); reachable only
 * by the services that call this one in the call graph (NetworkPolicy in every environment, mTLS
 * principals in the mesh), without a user token and outside the per-user rate limit.
 */
export const INTERNAL_ROUTE_ROOT = '/internal/v1';
export const internalPrefix = (s: ServiceName): string => `${INTERNAL_ROUTE_ROOT}/${s}`;
/**
 * The token issuer's revocations (USER_INTERNAL_PATHS.revocations), read by every verifier with no
 * token as the JWKS is (needsJwks: the mesh admits each there, the kit leaves it out of the rate limit
 * as every internal route), at the issuer's address JWKS_URL gives.
 */
export const REVOCATIONS_PATH = `${internalPrefix(TOKEN_ISSUER)}${USER_INTERNAL_PATHS.revocations}`;
/** What every verifier GETs of the token issuer with no token: its keys, and its revocations while Redis cannot tell it them. */
export const VERIFIER_PATHS: readonly string[] = Object.freeze([JWKS_PATH, REVOCATIONS_PATH]);
/** The variable that tells a service where a service it calls answers (one per entry of its `calls`). */
export const serviceUrlVariable = <S extends ServiceName>(s: S): ServiceUrlVariable<S> => `${s.toUpperCase() as Uppercase<S>}_SERVICE_URL`;
export type ServiceUrlVariable<S extends ServiceName = ServiceName> = `${Uppercase<S>}_SERVICE_URL`;
export const JWT_ISSUER = `https://tripgen.example/${workloadName(TOKEN_ISSUER)}`;
export const JWT_AUDIENCE = 'tripgen-api';

const service = <const S extends ServiceSpec>(spec: S): S => spec;

export const SERVICES: Readonly<Record<ServiceName, ServiceSpec>> = {
  user: service({
    name: 'user',
    description: 'Accounts, login, access tokens (JWKS), preferences and the notifications inbox',
    port: 3001,
    routes: [
      { prefix: '/api/v1/auth', anonymous: [AUTH_PATHS.register, AUTH_PATHS.login, AUTH_PATHS.jwks] },
      { prefix: '/api/v1/users', anonymous: [] },
    ],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    replicas: { dev: 1, prod: 2 },
    autoscaling: { targetCpuUtilization: 70, maxReplicas: 6 },
    database: 'user_db',
    databaseExtensions: [],
    queues: { produces: [], consumes: [QUEUES.notification] },
    calls: [],
    peerRoutes: [],
    delivery: 'blue-green',
    responseTime: 'request',
  }),
  trip: service({
    name: 'trip',
    description: 'Trips and their schedules; asks the AI service for itineraries through the queue',
    port: 3002,
    routes: [{ prefix: '/api/v1/trips', anonymous: [] }],
    resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { memory: '1Gi' } },
    replicas: { dev: 1, prod: 3 },
    autoscaling: { targetCpuUtilization: 70, maxReplicas: 10 },
    database: 'trip_db',
    databaseExtensions: [],
    // notification-queue: it tells the traveller each schedule's outcome (domain/schedules.ts outcomeNotice).
    queues: { produces: [QUEUES.aiScheduleGeneration, QUEUES.locationSearch, QUEUES.notification], consumes: [] },
    calls: ['user', 'location', 'ai'],
    peerRoutes: [
      // Internal: a read on the traveller's behalf is not their request (on the public route it spent
      // a second request of theirs on each schedule request); their token still goes with it.
      { service: 'user', method: 'GET', path: `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`, withToken: true },
      // The same read on the public profile: a trip pod of the previous release reads it there, and
      // this release falls back to it while a user pod of the previous release has no internal route
      // (a rollout promotes the services one by one). To go in the release after the internal route.
      { service: 'user', method: 'GET', path: USER_PATHS.me },
      // The sweep erasing the trips of deleted accounts (ACCOUNT_ERASURE): no traveller's request, no token.
      { service: 'user', method: 'POST', path: `${internalPrefix('user')}${USER_INTERNAL_PATHS.accounts}` },
      { service: 'user', method: 'GET', path: `${internalPrefix('user')}${USER_INTERNAL_PATHS.deletions}` },
      { service: 'location', method: 'POST', path: `${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.placesBatch}` },
      { service: 'ai', method: 'POST', path: `${internalPrefix('ai')}${AI_INTERNAL_PATHS.status}` },
      { service: 'ai', method: 'POST', path: `${internalPrefix('ai')}${AI_INTERNAL_PATHS.expire}` },
      { service: 'ai', method: 'POST', path: `${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}` },
      { service: 'ai', method: 'POST', path: `${internalPrefix('ai')}${AI_INTERNAL_PATHS.erase}` },
      // The sweep forgetting, at the AI service, the schedules deleted here (forgotten_schedules).
      { service: 'ai', method: 'POST', path: `${internalPrefix('ai')}${AI_INTERNAL_PATHS.forget}` },
    ],
    delivery: 'blue-green',
    responseTime: 'request',
  }),
  ai: service({
    name: 'ai',
    description: 'Itinerary generation (TOPTW engine) from queued requests, within 5 seconds',
    port: 3003,
    routes: [{ prefix: '/api/v1/ai', anonymous: [] }],
    resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
    replicas: { dev: 1, prod: 2 },
    autoscaling: { targetCpuUtilization: 80, maxReplicas: 18 },
    database: 'ai_db',
    databaseExtensions: [],
    // Its own queue too: a request taken past its deadline is sent to the back of it (`<scheduleId>.late`, schedule-consumer.ts).
    queues: { produces: [QUEUES.notification, QUEUES.aiScheduleGeneration], consumes: [QUEUES.aiScheduleGeneration] },
    // The user service only for its public keys (JWKS_URL, added by needsJwks): nothing else of it.
    calls: ['location'],
    peerRoutes: [
      { service: 'location', method: 'POST', path: `${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.candidates}` },
      { service: 'location', method: 'POST', path: `${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.placesBatch}` },
    ],
    delivery: 'canary',
    responseTime: 'itinerary',
  }),
  location: service({
    name: 'location',
    description: 'Places, opening hours and geographic search (PostGIS)',
    port: 3004,
    routes: [{ prefix: '/api/v1/locations', anonymous: [] }],
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
    replicas: { dev: 1, prod: 2 },
    autoscaling: { targetCpuUtilization: 70, maxReplicas: 6 },
    database: 'location_db',
    databaseExtensions: ['postgis', 'pg_trgm'],
    queues: { produces: [], consumes: [QUEUES.locationSearch] },
    // Calls no service: the user service's public keys come through JWKS_URL (needsJwks).
    calls: [],
    peerRoutes: [],
    delivery: 'canary',
    responseTime: 'request',
  }),
};

export const serviceList = (): readonly ServiceSpec[] => SERVICE_NAMES.map((n) => SERVICES[n]);

/**
 * What the catalog asks of a route `service` serves at `path` (a route template): 'token' for a
 * public route not listed anonymous and for an internal one a caller calls `withToken`; 'none' for
 * an anonymous, internal or operational path; 'outside' for a path under no prefix (no edge routes
 * it). The service kit asks a token of every 'token' route; the mesh's JWT rules say the same.
 */
export const routeAccess = (service: ServiceName, path: string): 'token' | 'none' | 'outside' => {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const publicPrefix = SERVICES[service].routes.find((r) => under(r.prefix));
  if (publicPrefix) return publicPrefix.anonymous.includes(path) ? 'none' : 'token';
  if (under(internalPrefix(service))) return serviceList().some((caller) => caller.peerRoutes.some((r) => r.service === service && r.withToken === true && r.path === path)) ? 'token' : 'none';
  return OPERATIONAL_PATHS.includes(path) ? 'none' : 'outside';
};

/** Every service but the issuer verifies tokens against the issuer's JWKS (the issuer uses its own key). */
export const needsJwks = (s: ServiceSpec): boolean => s.name !== TOKEN_ISSUER;

/** Whether a service sends or receives Service Bus messages (then it needs a bus setting). */
export const usesQueues = (s: ServiceSpec): boolean => s.queues.produces.length + s.queues.consumes.length > 0;

/** The namespace every TripGen workload runs in (dev and prod are separate clusters). */
export const K8S_NAMESPACE = 'tripgen';

/** Kubernetes names of a service: its Deployment/Rollout and Service, and its ServiceAccount
 * (the subject of its Azure workload-identity federated credential: system:serviceaccount:<ns>:<sa>). */
export function workloadName(s: ServiceName): string {
  return `${s}-service`;
}
export const serviceAccountName = (s: ServiceName): string => `tripgen-${s}`;

/**
 * Service account of the prod database-roles Job: federated with the identity infra-bicep makes a
 * PostgreSQL Entra administrator, it maps each service's managed identity to its PostgreSQL role.
 */
export const POSTGRES_ROLES_SERVICE_ACCOUNT = 'tripgen-db-roles';
export const workloadIdentitySubject = (s: ServiceName): string =>
  `system:serviceaccount:${K8S_NAMESPACE}:${serviceAccountName(s)}`;

/** dev: the in-cluster PostgreSQL's backup job — its CronJob, ServiceAccount and the Azure identity federated with it. */
export const POSTGRES_BACKUP_JOB = 'postgres-backup';

/** Image repository of a service inside the registry: CI pushes `<acrLoginServer>/<repo>:<tag>`. */
export const imageRepository = (s: ServiceName): string => `tripgen/${workloadName(s)}`;
