// apps/catalog/src/places.ts
var PLACE_CATEGORIES = [
  "palace",
  "museum",
  "market",
  "park",
  "viewpoint",
  "temple",
  "street",
  "beach",
  "nature",
  "restaurant",
  "cafe",
  "shopping",
  "theme-park",
  "landmark"
];
var PLACE_REGIONS = ["seoul", "jeju"];
var PLACE_COUNTRY = "kr";
var PLACE_TIME_ZONE = "Asia/Seoul";
var PLANNABLE_DATE = Object.freeze({ pattern: "^20\\d\\d-\\d\\d-\\d\\d$", first: "2000-01-01", last: "2099-12-31" });
var PLACE_ID = Object.freeze({ pattern: "^[a-z0-9]+(?:[-_.:][a-z0-9]+)*$", maxLength: 100 });
var openEndNote = (start, until) => `open end at ${start}, no closing time given: counted as open until ${until}`;
var UNCERTAIN_NOTE = "opening hours uncertain: not counted as open";
var NOTE_SEPARATOR = "; ";
var INTEREST_KEYWORDS = {
  palace: ["palace", "royal", "dynasty", "joseon", "heritage", "history", "historic"],
  museum: ["museum", "art", "gallery", "galleries", "exhibition", "history", "historic", "science"],
  market: ["market", "street food", "local food", "food"],
  park: ["park", "garden", "picnic", "green", "outdoor"],
  viewpoint: ["view", "observatory", "skyline", "sunset", "sunrise", "photo", "panorama"],
  temple: ["temple", "buddhis", "shrine", "spiritual", "religio"],
  street: ["street", "neighbo", "alley", "village", "hanok", "nightlife", "walking"],
  beach: ["beach", "sea", "swim", "coast", "ocean", "surf"],
  nature: ["nature", "hik", "mountain", "volcan", "waterfall", "forest", "trail", "outdoor", "island"],
  restaurant: ["restaurant", "food", "dining", "cuisine", "eat", "bbq", "barbecue", "gourmet"],
  cafe: ["cafe", "caf\xE9", "coffee", "tea", "dessert", "bakery"],
  shopping: ["shop", "fashion", "mall", "cosmetic", "souvenir", "boutique"],
  "theme-park": ["theme park", "amusement", "ride", "kids", "family", "zoo", "aquarium"],
  landmark: ["landmark", "sight", "famous", "architecture", "tower", "icon", "must-see"]
};
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var KEYWORD_PATTERNS = Object.entries(INTEREST_KEYWORDS).map(
  ([category, words]) => [category, new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join("|")})`, "iu")]
);
var INVISIBLE = new RegExp("\\p{Default_Ignorable_Code_Point}", "gu");
var LOCATION_INTERNAL_PATHS = { placesBatch: "/places/batch", candidates: "/candidates" };

// apps/catalog/src/queues.ts
var QUEUES = {
  aiScheduleGeneration: "ai-schedule-generation-queue",
  locationSearch: "location-search-queue",
  notification: "notification-queue"
};
var QUEUE_NAMES = Object.values(QUEUES);
var CONSUMER_CONCURRENCY = {
  [QUEUES.aiScheduleGeneration]: 8,
  [QUEUES.locationSearch]: 2,
  [QUEUES.notification]: 4
};
var CONSUME_OUTCOMES = ["processed", "duplicate", "abandoned", "deadLettered", "rescheduled"];
var EVENT_STREAMS = [{ hub: "trip-events", producer: "trip" }];
var QUEUE_LIMITS = { maxSizeInMegabytes: 1024, defaultMessageTimeToLive: "P14D", maxDeliveryCount: 10, lockDuration: "PT1M" };
var DAY_MS = 24 * 60 * 6e4;
var isoMinutesSecondsMs = (duration) => {
  const m = /^PT(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!m || m[1] === void 0 && m[2] === void 0) throw new Error(`"${duration}" is not a duration in minutes and seconds (PTnMnS)`);
  return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 1e3;
};
var QUEUE_LOCK_MS = isoMinutesSecondsMs(QUEUE_LIMITS.lockDuration);
var isoDaysMs = (duration) => {
  const m = /^P(\d+)D$/.exec(duration);
  if (!m) throw new Error(`"${duration}" is not a duration in days (PnD)`);
  return Number(m[1]) * DAY_MS;
};
var DUPLICATE_WINDOW_MS = isoDaysMs(QUEUE_LIMITS.defaultMessageTimeToLive);
var MESSAGE_RETENTION = { keepMs: DUPLICATE_WINDOW_MS + DAY_MS, pruneEveryMs: 60 * 6e4 };
var GENERATION_RETENTION = { keepMs: MESSAGE_RETENTION.keepMs, pruneEveryMs: MESSAGE_RETENTION.pruneEveryMs };
var TRIP_LIMITS = Object.freeze({ days: 14, mustVisits: 20, interests: 30, interestLength: 100 });
var DAY_CLOCK = Object.freeze({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", latest: "23:59" });
var TRIP_LIST_PAGE = Object.freeze({ defaultLimit: 200, maxLimit: 200 });
var SCHEDULE_LIST_PAGE = Object.freeze({ defaultLimit: 100, maxLimit: 100 });
var partitionKeyOf = (queue, body) => {
  if (queue !== QUEUES.aiScheduleGeneration) return void 0;
  const scheduleId = body?.scheduleId;
  return typeof scheduleId === "string" && scheduleId.length > 0 && scheduleId.length <= 128 ? scheduleId : void 0;
};

// apps/catalog/src/schedules.ts
var FORGOTTEN_BACKLOG = { service: "trip", oldestMetric: "forgotten_schedules_oldest_age_seconds", staleAfterMs: 2 * 60 * 6e4 };
var AI_INTERNAL_PATHS = { status: "/schedules/status", expire: "/schedules/expire", withdraw: "/schedules/withdraw", erase: "/generations/erase", forget: "/generations/forget" };

// apps/catalog/src/services.ts
var SERVICE_NAMES = ["user", "trip", "ai", "location"];
var HEALTH_PATHS = {
  liveness: "/health/live",
  readiness: "/health/ready",
  startup: "/health/startup"
};
var METRICS_PATH = "/metrics";
var OPENAPI_PATH = "/docs/json";
var OPERATIONAL_PATHS = Object.freeze([...Object.values(HEALTH_PATHS), METRICS_PATH, OPENAPI_PATH]);
var REQUEST_BODY_LIMIT_BYTES = 128 * 1024;
var REQUEST_RECEIVE_TIMEOUT_MS = 1e4;
var TOKEN_ISSUER = "user";
var AUTH_PATHS = {
  register: "/api/v1/auth/register",
  login: "/api/v1/auth/login",
  /** The token-signing public keys; every other service verifies against them. */
  jwks: "/api/v1/auth/jwks.json"
};
var JWKS_PATH = AUTH_PATHS.jwks;
var USER_PATHS = {
  me: "/api/v1/users/me",
  password: "/api/v1/users/me/password",
  logout: "/api/v1/auth/logout",
  logoutEverywhere: "/api/v1/auth/logout-everywhere"
};
var USER_INTERNAL_PATHS = { preferences: "/preferences", accounts: "/accounts", deletions: "/deletions", revocations: "/revocations" };
var ACCOUNT_TOMBSTONE_RETENTION = { keepMs: 40 * 24 * 60 * 6e4, pruneEveryMs: 60 * 6e4 };
var ACCOUNT_ERASURE = {
  sweepEveryMs: 10 * 6e4,
  batch: 100,
  service: "trip",
  unknownOwnersMetric: "account_erasure_unknown_owners",
  lastSuccessMetric: "account_erasure_last_success_timestamp_seconds",
  stalledAfterSweeps: 3,
  leaseKey: "tripgen:trip:account-erasure-lease"
};
var INTERNAL_ROUTE_ROOT = "/internal/v1";
var internalPrefix = (s) => `${INTERNAL_ROUTE_ROOT}/${s}`;
var REVOCATIONS_PATH = `${internalPrefix(TOKEN_ISSUER)}${USER_INTERNAL_PATHS.revocations}`;
var VERIFIER_PATHS = Object.freeze([JWKS_PATH, REVOCATIONS_PATH]);
var serviceUrlVariable = (s) => `${s.toUpperCase()}_SERVICE_URL`;
var JWT_ISSUER = `https://tripgen.example/${workloadName(TOKEN_ISSUER)}`;
var JWT_AUDIENCE = "tripgen-api";
var service = (spec) => spec;
var SERVICES = {
  user: service({
    name: "user",
    description: "Accounts, login, access tokens (JWKS), preferences and the notifications inbox",
    port: 3001,
    routes: [
      { prefix: "/api/v1/auth", anonymous: [AUTH_PATHS.register, AUTH_PATHS.login, AUTH_PATHS.jwks] },
      { prefix: "/api/v1/users", anonymous: [] }
    ],
    resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
    replicas: { dev: 1, prod: 2 },
    autoscaling: { targetCpuUtilization: 70, maxReplicas: 6 },
    database: "user_db",
    databaseExtensions: [],
    queues: { produces: [], consumes: [QUEUES.notification] },
    calls: [],
    peerRoutes: [],
    delivery: "blue-green",
    responseTime: "request"
  }),
  trip: service({
    name: "trip",
    description: "Trips and their schedules; asks the AI service for itineraries through the queue",
    port: 3002,
    routes: [{ prefix: "/api/v1/trips", anonymous: [] }],
    resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "1Gi" } },
    replicas: { dev: 1, prod: 3 },
    autoscaling: { targetCpuUtilization: 70, maxReplicas: 10 },
    database: "trip_db",
    databaseExtensions: [],
    // notification-queue: it tells the traveller each schedule's outcome (domain/schedules.ts outcomeNotice).
    queues: { produces: [QUEUES.aiScheduleGeneration, QUEUES.locationSearch, QUEUES.notification], consumes: [] },
    calls: ["user", "location", "ai"],
    peerRoutes: [
      // Internal: a read on the traveller's behalf is not their request (on the public route it spent
      // a second request of theirs on each schedule request); their token still goes with it.
      { service: "user", method: "GET", path: `${internalPrefix("user")}${USER_INTERNAL_PATHS.preferences}`, withToken: true },
      // The same read on the public profile: a trip pod of the previous release reads it there, and
      // this release falls back to it while a user pod of the previous release has no internal route
      // (a rollout promotes the services one by one). To go in the release after the internal route.
      { service: "user", method: "GET", path: USER_PATHS.me },
      // The sweep erasing the trips of deleted accounts (ACCOUNT_ERASURE): no traveller's request, no token.
      { service: "user", method: "POST", path: `${internalPrefix("user")}${USER_INTERNAL_PATHS.accounts}` },
      { service: "user", method: "GET", path: `${internalPrefix("user")}${USER_INTERNAL_PATHS.deletions}` },
      { service: "location", method: "POST", path: `${internalPrefix("location")}${LOCATION_INTERNAL_PATHS.placesBatch}` },
      { service: "ai", method: "POST", path: `${internalPrefix("ai")}${AI_INTERNAL_PATHS.status}` },
      { service: "ai", method: "POST", path: `${internalPrefix("ai")}${AI_INTERNAL_PATHS.expire}` },
      { service: "ai", method: "POST", path: `${internalPrefix("ai")}${AI_INTERNAL_PATHS.withdraw}` },
      { service: "ai", method: "POST", path: `${internalPrefix("ai")}${AI_INTERNAL_PATHS.erase}` },
      // The sweep forgetting, at the AI service, the schedules deleted here (forgotten_schedules).
      { service: "ai", method: "POST", path: `${internalPrefix("ai")}${AI_INTERNAL_PATHS.forget}` }
    ],
    delivery: "blue-green",
    responseTime: "request"
  }),
  ai: service({
    name: "ai",
    description: "Itinerary generation (TOPTW engine) from queued requests, within 5 seconds",
    port: 3003,
    routes: [{ prefix: "/api/v1/ai", anonymous: [] }],
    resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
    replicas: { dev: 1, prod: 2 },
    autoscaling: { targetCpuUtilization: 80, maxReplicas: 18 },
    database: "ai_db",
    databaseExtensions: [],
    // Its own queue too: a request taken past its deadline is sent to the back of it (`<scheduleId>.late`, schedule-consumer.ts).
    queues: { produces: [QUEUES.notification, QUEUES.aiScheduleGeneration], consumes: [QUEUES.aiScheduleGeneration] },
    // The user service only for its public keys (JWKS_URL, added by needsJwks): nothing else of it.
    calls: ["location"],
    peerRoutes: [
      { service: "location", method: "POST", path: `${internalPrefix("location")}${LOCATION_INTERNAL_PATHS.candidates}` },
      { service: "location", method: "POST", path: `${internalPrefix("location")}${LOCATION_INTERNAL_PATHS.placesBatch}` }
    ],
    delivery: "canary",
    responseTime: "itinerary"
  }),
  location: service({
    name: "location",
    description: "Places, opening hours and geographic search (PostGIS)",
    port: 3004,
    routes: [{ prefix: "/api/v1/locations", anonymous: [] }],
    resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
    replicas: { dev: 1, prod: 2 },
    autoscaling: { targetCpuUtilization: 70, maxReplicas: 6 },
    database: "location_db",
    databaseExtensions: ["postgis", "pg_trgm"],
    queues: { produces: [], consumes: [QUEUES.locationSearch] },
    // Calls no service: the user service's public keys come through JWKS_URL (needsJwks).
    calls: [],
    peerRoutes: [],
    delivery: "canary",
    responseTime: "request"
  })
};
var serviceList = () => SERVICE_NAMES.map((n) => SERVICES[n]);
var routeAccess = (service2, path) => {
  const under = (prefix) => path === prefix || path.startsWith(`${prefix}/`);
  const publicPrefix = SERVICES[service2].routes.find((r) => under(r.prefix));
  if (publicPrefix) return publicPrefix.anonymous.includes(path) ? "none" : "token";
  if (under(internalPrefix(service2))) return serviceList().some((caller) => caller.peerRoutes.some((r) => r.service === service2 && r.withToken === true && r.path === path)) ? "token" : "none";
  return OPERATIONAL_PATHS.includes(path) ? "none" : "outside";
};
var needsJwks = (s) => s.name !== TOKEN_ISSUER;
var usesQueues = (s) => s.queues.produces.length + s.queues.consumes.length > 0;
function workloadName(s) {
  return `${s}-service`;
}

// apps/catalog/src/runtime.ts
var MEMORY_UNITS = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40
};
var MALLOC_ENVIRONMENT = {
  MALLOC_ARENA_MAX: "2",
  MALLOC_MMAP_THRESHOLD_: String(2 ** 20)
};
var IDLE_HEAP_REDUCTION = { quietSeconds: 5, quietUtilization: 0.05, minGrowthMiB: 4 };
var SERVICE_COMMANDS = { serve: "serve", migrate: "migrate", databaseRoles: "database-roles" };
var LOCATION_COMMANDS = { loadPlaces: "load-places" };
var migrationArgs = [SERVICE_COMMANDS.migrate];
var MIGRATION_LOCKS = {
  lockTimeoutMs: 5e3,
  statementTimeoutMs: 6e4,
  attempts: 5,
  firstRetryDelayMs: 5e3,
  maxRetryDelayMs: 4e4
};
var migrationRetryDelayMs = (policy, attempt) => Math.min(policy.firstRetryDelayMs * 2 ** (attempt - 1), policy.maxRetryDelayMs);
var MIGRATION_JOB = { backoffLimit: 2, podStartMs: 3e4, firstPodBackoffMs: 1e4, maxPodBackoffMs: 36e4, failJobExitCode: 65 };
var databaseRolesArgs = [SERVICE_COMMANDS.databaseRoles];
var SHUTDOWN_TIMING = { drainDelayMs: 5e3, closeGraceMs: 1e4, terminationGracePeriodSeconds: 30 };
var SHUTDOWN_EXIT_MARGIN_MS = 2e3;
var shutdownDeadlineMs = (t = SHUTDOWN_TIMING) => t.terminationGracePeriodSeconds * 1e3 - SHUTDOWN_EXIT_MARGIN_MS;

// apps/catalog/src/environment.ts
var contract = (c) => c;
var LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
var NODE_ENVS = ["development", "test", "production"];
var DATABASE_AUTH_MODES = ["password", "entra"];
var ROUTING_PROVIDERS = ["haversine", "osrm"];
var TRACE_SAMPLERS = ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio"];
var KIT_ENVIRONMENT = contract({
  SERVICE_NAME: { type: "enum", values: SERVICE_NAMES, setBy: "manifest", description: "Which service this process is; must agree with the code (default: the code's)." },
  PORT: { type: "integer", min: 0, max: 65535, setBy: "manifest", description: 'Listening port (default: the catalog port); 0: a free one, reported in the "Server listening at" line (tests).' },
  HOST: { type: "string", setBy: "manifest", description: "Listening address (default 0.0.0.0 in production, 127.0.0.1 otherwise)." },
  NODE_ENV: { type: "enum", values: NODE_ENVS, setBy: "manifest", description: "production in every pod (default development)." },
  NODE_OPTIONS: { type: "string", setBy: "manifest", description: "Read by Node itself: the heap cap below the container memory limit and the young generation size (catalog nodeOptions)." },
  MALLOC_ARENA_MAX: { type: "integer", min: 1, max: 64, setBy: "manifest", description: "Read by glibc: malloc arenas (catalog MALLOC_ENVIRONMENT)." },
  MALLOC_MMAP_THRESHOLD_: { type: "integer", min: 0, max: 2 ** 25, setBy: "manifest", description: "Read by glibc: blocks larger than this are mapped for themselves and returned when freed (catalog MALLOC_ENVIRONMENT)." },
  LOG_LEVEL: { type: "enum", values: LOG_LEVELS, setBy: "manifest", description: "pino level (default info)." },
  DATABASE_URL: { type: "url", protocols: ["postgresql:", "postgres:"], required: true, secret: true, plainWhen: { variable: "DATABASE_AUTH", value: "entra" }, setBy: "manifest", description: "The service's own PostgreSQL database (it holds the password, except with DATABASE_AUTH=entra: then the role and host only)." },
  DATABASE_AUTH: { type: "enum", values: DATABASE_AUTH_MODES, setBy: "manifest", description: "entra: DATABASE_URL names the pod's managed identity as user and the password is its Entra token (prod); password (default): the URL's." },
  REDIS_URL: { type: "url", protocols: ["redis:", "rediss:"], required: true, setBy: "manifest", description: "Redis for the L2 cache, rate limits and invalidations; rediss:// without a password in Azure (Entra tokens)." },
  JWT_ISSUER: { type: "string", setBy: "manifest", description: "Expected token issuer (default: the catalog's)." },
  JWT_AUDIENCE: { type: "string", setBy: "manifest", description: "Expected token audience (default: the catalog's)." },
  OTEL_EXPORTER_OTLP_ENDPOINT: { type: "url", protocols: ["http:", "https:"], setBy: "manifest", description: "OTLP/HTTP collector; traces are exported only when set." },
  ADDRESS_HASH_KEY: { type: "string", required: "production", secret: true, keyVaultSecret: "address-hash-key", setBy: "manifest", description: "Keys the HMAC-SHA-256 that client addresses are stored under in Redis (the per-address rate limit, the refused-token throttle): one value for every service, written to Key Vault by an operator (infra-bicep README step 5). Unset outside production: a fixed development key." },
  APPLICATIONINSIGHTS_CONNECTION_STRING: { type: "string", secret: true, keyVaultSecret: "appinsights-connection-string", setBy: "manifest", description: "Application Insights (prod; infra-bicep writes it to Key Vault): spans are exported there as requests and dependencies, signed in with the pod's workload identity. Unset: no Azure Monitor export." },
  OTEL_TRACES_SAMPLER: { type: "enum", values: TRACE_SAMPLERS, setBy: "manifest", description: "Sampler (default parentbased_traceidratio)." },
  OTEL_TRACES_SAMPLER_ARG: { type: "ratio", setBy: "manifest", description: "Sampled share of root traces (default: the catalog's 10 %)." },
  AZURE_CLIENT_ID: { type: "string", setBy: "manifest", description: "Client id of the pod's workload identity (Service Bus, Azure Managed Redis)." },
  AZURE_FEDERATED_TOKEN_FILE: { type: "string", setBy: "platform", description: "Injected by the AKS workload identity webhook." },
  AZURE_TENANT_ID: { type: "string", setBy: "platform", description: "Injected by the AKS workload identity webhook." },
  SHUTDOWN_DELAY_MS: { type: "integer", min: 0, max: 12e4, setBy: "manifest", description: "How long readiness reports draining before the server closes (default: the catalog's SHUTDOWN_TIMING in production, 0 otherwise)." },
  MAX_EVENT_LOOP_DELAY_MS: { type: "integer", min: 0, max: 6e4, setBy: "manifest", description: "Event-loop delay past which requests are shed with 503; 0 disables shedding (default 1000)." },
  TRUST_PROXY_HOPS: { type: "integer", min: 0, max: 10, setBy: "manifest", description: "Proxies whose X-Forwarded-For entry is trusted (default 1: the ingress)." },
  RATE_LIMIT_MAX: { type: "integer", min: 1, max: 1e8, setBy: "local", description: "Requests per user per minute instead of the catalog's (benchmarks only)." }
});
var QUEUE_ENVIRONMENT = contract({
  SERVICEBUS_FQDN: { type: "string", required: true, oneOf: "servicebus", setBy: "manifest", description: "Service Bus namespace host; the pod authenticates with its workload identity." },
  SERVICEBUS_CONNECTION_STRING: { type: "string", required: true, oneOf: "servicebus", setBy: "local", description: "The local emulator (Endpoint=sb://...); never in a pod." }
});
var eventHubVariable = (hub) => `${hub.toUpperCase().replace(/-/g, "_")}_HUB`;
var eventStreamEnvironment = (s) => {
  const hubs = EVENT_STREAMS.filter((e) => e.producer === s).map((e) => e.hub);
  if (hubs.length === 0) return {};
  return {
    EVENTHUBS_FQDN: { type: "string", oneOf: "eventhubs", setBy: "manifest", description: "Event Hubs namespace host (prod); the pod sends with its workload identity (Azure Event Hubs Data Sender on its hubs only). Neither this nor EVENTHUBS_CONNECTION_STRING: the events are off (dev)." },
    EVENTHUBS_CONNECTION_STRING: { type: "string", oneOf: "eventhubs", setBy: "local", description: "The local Event Hubs emulator (tests: Endpoint=sb://...;UseDevelopmentEmulator=true); never in a pod." },
    ...Object.fromEntries(hubs.map((hub) => [eventHubVariable(hub), { type: "string", setBy: "manifest", eventHub: hub, description: `The Event Hubs hub of the ${hub} stream (with EVENTHUBS_FQDN).` }]))
  };
};
var DATABASE_ROLES_JOB_ENVIRONMENT = contract({
  DATABASE_URL: { type: "url", protocols: ["postgresql:", "postgres:"], required: true, setBy: "manifest", description: "postgresql://<administrator role>@<host>:5432/postgres?sslmode=require: the server, signed in to as the Entra administrator (no password: the token is)." },
  DATABASE_AUTH: { type: "enum", values: DATABASE_AUTH_MODES, required: true, setBy: "manifest", description: "entra in prod (the pod's workload-identity token is the password); password only in the tests against the local server." },
  DATABASE_ROLES: { type: "string", required: true, setBy: "manifest", description: "JSON list of {role, objectId, database, extensions}: each service's role, its managed identity's object id (Bicep hand-over), its database and the extensions it needs (catalog)." },
  HOME: { type: "string", setBy: "manifest", description: "A writable home (/tmp, an emptyDir) for the process: the root filesystem is read-only." },
  AZURE_CLIENT_ID: { type: "string", setBy: "platform", description: "Injected by the AKS workload identity webhook from the service account's client-id annotation." },
  AZURE_FEDERATED_TOKEN_FILE: KIT_ENVIRONMENT.AZURE_FEDERATED_TOKEN_FILE,
  AZURE_TENANT_ID: KIT_ENVIRONMENT.AZURE_TENANT_ID
});
var TOKEN_VERIFIER_ENVIRONMENT = contract({
  JWKS_URL: { type: "url", protocols: ["http:", "https:"], required: true, setBy: "manifest", description: "The token issuer's public keys (JWKS)." }
});
var peerUrls = (...peers) => Object.fromEntries(
  peers.map((peer) => [
    serviceUrlVariable(peer),
    { type: "url", protocols: ["http:", "https:"], required: true, setBy: "manifest", peer, description: `Base URL of the ${peer} service, which this one calls.` }
  ])
  // Object.fromEntries forgets the keys; serviceUrlVariable made each one of exactly this type.
);
var SERVICE_ENVIRONMENT = {
  user: contract({
    JWT_SIGNING_KEY: { type: "string", required: "production", secret: true, oneOf: "signing-key", setBy: "manifest", description: "Ed25519 private key (PKCS#8 PEM) that signs access tokens." },
    JWT_SIGNING_KEY_FILE: { type: "string", required: "production", oneOf: "signing-key", setBy: "local", description: "The same key as a file; generated there on first local start." }
  }),
  trip: contract({
    ...peerUrls("user", "location", "ai"),
    SCHEDULE_DEADLINE_MS: { type: "integer", min: 100, max: 36e5, setBy: "manifest", description: "From a schedule request to the latest instant the AI service may still start or finish it (default 120000)." },
    SCHEDULE_GRACE_MS: { type: "integer", min: 0, max: 36e5, setBy: "manifest", description: "Past the deadline plus this, a schedule without an outcome is failed by the trip service (default 30000)." },
    SCHEDULE_SWEEP_INTERVAL_MS: { type: "integer", min: 50, max: 6e5, setBy: "manifest", description: "How often unfinished schedules are brought up to date in the background (default 2000)." },
    SCHEDULE_RATE_LIMIT_MAX: { type: "integer", min: 1, max: 1e8, setBy: "local", description: "Schedule requests per user per minute instead of the catalog's SCHEDULE_RATE_LIMIT (benchmarks only)." },
    TRIPS_PER_TRAVELLER_MAX: { type: "integer", min: 1, max: 1e6, setBy: "local", description: "Trips a traveller may keep instead of the catalog's TRIPS_PER_TRAVELLER (tests only: the limit reached with a few trips)." },
    SCHEDULES_PER_TRIP_MAX: { type: "integer", min: 1, max: 1e6, setBy: "local", description: "Schedules a trip may keep instead of the catalog's SCHEDULES_PER_TRIP (tests only: the limit reached with a few schedules)." },
    ACCOUNT_ERASURE_INTERVAL_MS: { type: "integer", min: 50, max: 864e5, setBy: "local", description: "How often the trips of deleted accounts are looked for and erased, instead of the catalog's ACCOUNT_ERASURE.sweepEveryMs (tests only)." },
    PEER_TIMEOUT_FACTOR: { type: "integer", min: 1, max: 100, setBy: "local", description: "Multiplies how long the calls to the services it calls may take (PEER_BUDGETS_MS in the trip service; tests on a crowded machine only, default 1)." }
  }),
  ai: contract({
    ...peerUrls("location"),
    ENGINE_TIME_LIMIT_MS: { type: "integer", min: 1, max: 12e4, setBy: "manifest", description: "The engine's wall-clock limit per schedule (default: DEFAULT_ENGINE_BUDGET in the AI service)." },
    ENGINE_MAX_ITERATIONS: { type: "integer", min: 1, max: 1e7, setBy: "manifest", description: "The engine's iteration budget per schedule; whichever of the two ends first (default: DEFAULT_ENGINE_BUDGET)." },
    ROUTING_PROVIDER: { type: "enum", values: ROUTING_PROVIDERS, setBy: "manifest", description: "Where the engine's travel times come from: haversine (the model, default) or osrm (OSRM_URL, with the model as flagged fallback)." },
    OSRM_URL: { type: "url", protocols: ["http:", "https:"], setBy: "manifest", description: "Base URL of osrm-routed (its table service); required with ROUTING_PROVIDER=osrm." },
    ROUTING_TIMEOUT_MS: { type: "integer", min: 50, max: 3e4, setBy: "manifest", description: "How long a schedule waits for the router's whole matrix before the model answers (default: DEFAULT_ROUTING_TIMEOUT_MS in the AI service)." },
    OSRM_MAX_TABLE_SIZE: { type: "integer", min: 2, max: 1e5, setBy: "manifest", description: "The server's --max-table-size: larger matrices are asked in blocks (default 100, osrm-routed's)." },
    // At most the queue's consumer concurrency (8): each request in flight holds one of the service's 10 database connections for its transaction.
    SCHEDULE_CONCURRENCY: { type: "integer", min: 1, max: CONSUMER_CONCURRENCY[QUEUES.aiScheduleGeneration], setBy: "manifest", description: `Schedule requests handled at once; their I/O overlaps, the engine runs one at a time on its own thread (default ${CONSUMER_CONCURRENCY[QUEUES.aiScheduleGeneration]}, the most).` },
    AZURE_OPENAI_ENDPOINT: { type: "url", protocols: ["http:", "https:"], setBy: "manifest", description: "Azure OpenAI resource of the optional LLM interest adapter (with AZURE_OPENAI_DEPLOYMENT; the pod's workload identity signs in). Unset: the keyword table alone." },
    AZURE_OPENAI_DEPLOYMENT: { type: "string", setBy: "manifest", description: "The chat model deployment of the LLM interest adapter (with AZURE_OPENAI_ENDPOINT)." },
    AZURE_OPENAI_API_VERSION: { type: "string", setBy: "manifest", description: "The Azure OpenAI REST API version (default: the one the adapter is tested against); a dated one from 2024-08-01-preview on (the first with structured output), else the service does not start." }
  }),
  location: contract({})
};
var serviceEnvironment = (s) => {
  const spec = SERVICES[s];
  return {
    ...KIT_ENVIRONMENT,
    ...usesQueues(spec) ? QUEUE_ENVIRONMENT : {},
    ...needsJwks(spec) ? TOKEN_VERIFIER_ENVIRONMENT : {},
    ...eventStreamEnvironment(s),
    ...SERVICE_ENVIRONMENT[s]
  };
};
var isRequired = (v, nodeEnv) => v.required === true || v.required === "production" && nodeEnv === "production";
var oneOfGroups = (c) => {
  const groups = /* @__PURE__ */ new Map();
  for (const [name, v] of Object.entries(c)) if (v.oneOf) groups.set(v.oneOf, [...groups.get(v.oneOf) ?? [], name]);
  return groups;
};

// apps/catalog/src/entra.ts
var ENTRA_DEPENDENCIES = ["postgresql", "redis", "servicebus"];
var ENTRA_TOKEN_OUTAGE = {
  failingMetric: "entra_token_failing_seconds",
  dependencies: ENTRA_DEPENDENCIES,
  escalateAfterMs: 10 * 6e4,
  escalateBeforeExpiryMs: 3 * 6e4,
  alertAfterMs: 2 * 6e4
};

// apps/catalog/src/cache.ts
var CACHE_POLICY = {
  /**
   * `maxJsonChars`: the L1 entries' JSON text together (an entry counts the characters of its JSON).
   * The entries of one cache differ a thousandfold (a profile ~300 characters, a location search of
   * 100 places ~76,000, a 14-day candidate area ~340,000 that holds ~1.3 MB of heap), so a count
   * alone let 1,000 areas (~1.3 GB, each a trip created, one request) outgrow a 512 MiB pod. At about
   * four bytes of heap per character, 16 Mi characters keep L1 below ~64 MB of heap.
   */
  l1: { ttlMs: 5 * 6e4, maxEntries: 1e3, maxJsonChars: 16 * 2 ** 20 },
  l2: { ttlSeconds: 30 * 60, evictionPolicy: "allkeys-lru" }
};
var RATE_LIMIT = { max: 100, timeWindowMs: 6e4 };
var EDGE_RATE_LIMIT = { maxPerAddress: 10 * RATE_LIMIT.max, timeWindowMs: 6e4 };
var INTEREST_READINGS = {
  llmTtlSeconds: 24 * 60 * 60,
  refusalTtlSeconds: 60 * 60,
  budget: { max: 10, timeWindowMs: 6e4 }
};
var LOGIN_THROTTLE = { maxFailures: 10, windowMs: 15 * 6e4, reservationMs: 1e4 };
var TOKEN_REFUSAL_THROTTLE = { maxFailures: 60, windowMs: 6e4 };
var TRACE_SAMPLING_RATIO = 0.1;

// apps/catalog/src/latency.ts
var RESPONSE_TIME_SLO = {
  request: { p95Ms: 200, severity: "warning" },
  itinerary: { p95Ms: 5e3, severity: "critical" }
};
var LATENCY_BUCKETS_SECONDS = [
  .../* @__PURE__ */ new Set([5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, ...Object.values(RESPONSE_TIME_SLO).map((o) => o.p95Ms / 1e3)])
].sort((a, b) => a - b);
var ASYNC_LATENCY_BUCKETS_SECONDS = [.../* @__PURE__ */ new Set([...LATENCY_BUCKETS_SECONDS, 10, 30, 60, 120, 300])].sort((a, b) => a - b);
var ASYNC_OUTCOMES = {
  completed: { slo: true, why: "the traveller got their plan: its time is what the promise is about" },
  failed: { slo: true, why: "the traveller got no plan (nothing to plan, the place directory down, our error, an unreadable request): an answer, timed as one" },
  expired: { slo: true, why: "past its deadline (a service setting, not the traveller's): the AI service down, behind or hung, or the broker out, so ours" },
  withdrawn: { slo: false, why: "the traveller changed or deleted the trip: ended by them, not a failure or a slowness of ours" }
};
var SLO_ASYNC_OUTCOMES = Object.keys(ASYNC_OUTCOMES).filter((o) => ASYNC_OUTCOMES[o].slo);

// apps/catalog/src/tokens.ts
var ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
var TOKEN_REVOCATIONS = {
  key: "tripgen:token-revocations",
  channel: "tripgen:token-revocations",
  lifetimeMs: ACCESS_TOKEN_TTL_SECONDS * 1e3,
  republishEveryMs: 3e4,
  republishLeaseKey: "tripgen:user:revocation-republish-lease",
  /**
   * How far before the latest revocation a pod read from user_db's record (directly, the user service;
   * through REVOCATIONS_PATH, the verifiers) its next read while cut off from Redis starts again: a
   * row whose transaction committed after a later row's.
   */
  learnOverlapMs: 6e4,
  /**
   * The longest a verifier's pod waits for the user service's answer on REVOCATIONS_PATH as it gets ready
   * (not ready meanwhile); each period's read while cut off, which nothing waits on, may take the period.
   */
  feedTimeoutMs: 2e3,
  /**
   * Taken (SET NX, the kit's WRITE_BACK_LEASE_MS) by the one replica of any service that writes back
   * what it holds and the set lost (a restart empty); the others look again later.
   */
  writeBackKey: "tripgen:token-revocations:write-back"
};
var SESSION_REVOCATIONS = {
  claim: "sid",
  key: "tripgen:session-revocations",
  channel: "tripgen:session-revocations",
  lifetimeMs: TOKEN_REVOCATIONS.lifetimeMs,
  writeBackKey: "tripgen:session-revocations:write-back"
};

// apps/catalog/src/redis.ts
var REDIS_ROOT = "tripgen";
var REDIS_KEY_PREFIXES = {
  acceptedTokens: `${REDIS_ROOT}:accepted-tokens`,
  tokenRefusals: `${REDIS_ROOT}:token-refusals`,
  rateLimit: `${REDIS_ROOT}:ratelimit`,
  loginFailures: `${REDIS_ROOT}:user:login-failures`
};
var cacheNamespace = (service2) => `${REDIS_ROOT}:${service2}`;
var cacheEntryKey = (namespace, shape, key) => `${namespace}:cache@${shape}:${key}`;
var unshapedCacheEntryKey = (namespace, key) => `${namespace}:cache:${key}`;
var cacheChannel = (namespace) => `${namespace}:cache-invalidate`;
var REDIS_TEST_PREFIX = `${REDIS_ROOT}:test`;
var REDIS_TEST_DATABASE_COUNTER = `${REDIS_TEST_PREFIX}:redis-database`;

// apps/catalog/src/edge.ts
var CLIENT_CORRELATION_HEADERS = ["x-request-id", "traceparent", "tracestate", "baggage"];
var ENVOY_UNSANITIZED_REQUEST_HEADERS = ["x-client-trace-id", "x-envoy-original-path", "x-envoy-upstream-stream-duration-ms"];
var EDGE_STRIPPED_REQUEST_HEADERS = [...CLIENT_CORRELATION_HEADERS, ...ENVOY_UNSANITIZED_REQUEST_HEADERS];

export {
  PLACE_CATEGORIES,
  PLACE_REGIONS,
  PLACE_COUNTRY,
  PLACE_TIME_ZONE,
  PLANNABLE_DATE,
  PLACE_ID,
  openEndNote,
  UNCERTAIN_NOTE,
  NOTE_SEPARATOR,
  LOCATION_INTERNAL_PATHS,
  QUEUES,
  CONSUMER_CONCURRENCY,
  CONSUME_OUTCOMES,
  EVENT_STREAMS,
  QUEUE_LIMITS,
  QUEUE_LOCK_MS,
  MESSAGE_RETENTION,
  partitionKeyOf,
  FORGOTTEN_BACKLOG,
  HEALTH_PATHS,
  METRICS_PATH,
  OPENAPI_PATH,
  OPERATIONAL_PATHS,
  REQUEST_BODY_LIMIT_BYTES,
  REQUEST_RECEIVE_TIMEOUT_MS,
  TOKEN_ISSUER,
  JWKS_PATH,
  ACCOUNT_ERASURE,
  INTERNAL_ROUTE_ROOT,
  internalPrefix,
  REVOCATIONS_PATH,
  JWT_ISSUER,
  JWT_AUDIENCE,
  SERVICES,
  routeAccess,
  workloadName,
  CACHE_POLICY,
  RATE_LIMIT,
  TOKEN_REFUSAL_THROTTLE,
  TRACE_SAMPLING_RATIO,
  IDLE_HEAP_REDUCTION,
  SERVICE_COMMANDS,
  LOCATION_COMMANDS,
  MIGRATION_LOCKS,
  migrationRetryDelayMs,
  MIGRATION_JOB,
  SHUTDOWN_TIMING,
  shutdownDeadlineMs,
  LATENCY_BUCKETS_SECONDS,
  ASYNC_LATENCY_BUCKETS_SECONDS,
  KIT_ENVIRONMENT,
  DATABASE_ROLES_JOB_ENVIRONMENT,
  SERVICE_ENVIRONMENT,
  serviceEnvironment,
  isRequired,
  oneOfGroups,
  TOKEN_REVOCATIONS,
  SESSION_REVOCATIONS,
  REDIS_KEY_PREFIXES,
  cacheNamespace,
  cacheEntryKey,
  unshapedCacheEntryKey,
  cacheChannel,
  ENTRA_TOKEN_OUTAGE
};
