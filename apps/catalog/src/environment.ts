/**
 * The environment contract: every variable a service process reads, written once, with its type,
 * whether it is required, whether it is a secret and who sets it. Everything else follows from it:
 *  - the service kit parses and validates exactly these at start (`loadConfig`; one error naming
 *    every bad or missing variable), and hands a service its own ones typed (`config.own`);
 *  - the renderer (k8s/) writes the ones a pod gets into its ConfigMap, and the secret ones as
 *    references to its Secret and Key Vault (k8s/src/config/environment.ts);
 *  - the local runner (tools/dev-tools) gives the local processes theirs;
 *  - a test reads gitops/ and fails when a manifest sets a variable its service does not read or
 *    misses one the service requires (k8s/test/environment.test.ts).
 *
 * A service declares its own variables in SERVICE_ENVIRONMENT below (see apps/service-kit/README.md,
 * "How a service declares its environment"); the kit's variables come with every service.
 */
import { CONSUMER_CONCURRENCY, EVENT_STREAMS, QUEUES } from './queues.ts';
import { SERVICE_NAMES, SERVICES, needsJwks, serviceUrlVariable, usesQueues, type ServiceName, type ServiceUrlVariable } from './services.ts';

interface EnvVarBase {
  readonly description: string;
  /**
   * true: the process refuses to start without it; 'production': only when NODE_ENV=production (the
   * manifests render production, so they must set it). For a `oneOf` group: one of the group.
   */
  readonly required?: boolean | 'production';
  /** Its value lives only in Key Vault (prod) or a Secret the dev bootstrap creates; manifests reference it. */
  readonly secret?: boolean;
  /**
   * A secret that holds nothing secret while another variable has this value, so a manifest may
   * set it as a plain value then: with DATABASE_AUTH=entra, DATABASE_URL names a role and a host
   * and the password is the pod's Entra token.
   */
  readonly plainWhen?: { readonly variable: string; readonly value: string };
  /**
   * Who gives it to the process: 'manifest' (the pod's ConfigMap or Secret; may also be set locally),
   * 'platform' (injected into the pod by an AKS webhook, e.g. workload identity), 'local' (local
   * runs, tests and benchmarks only: a manifest that sets it is wrong).
   */
  readonly setBy: 'manifest' | 'platform' | 'local';
  /** Exactly one variable of the group may be set (e.g. the Azure FQDN in a pod, the emulator's connection string locally). */
  readonly oneOf?: string;
  /** Where this service answers: the variable is the base URL of a service this one calls (its catalog `calls`). */
  readonly peer?: ServiceName;
  /** The variable names an Event Hubs hub this service produces to (EVENT_STREAMS); set only where the namespace exists. */
  readonly eventHub?: string;
  /**
   * A secret every service reads from one Key Vault secret of this name (written by infra-bicep),
   * instead of its own `<service>-<variable>` (keyVaultSecretName).
   */
  readonly keyVaultSecret?: string;
}

export type EnvVarSpec =
  | (EnvVarBase & { readonly type: 'string' })
  | (EnvVarBase & { readonly type: 'url'; readonly protocols: readonly string[] })
  | (EnvVarBase & { readonly type: 'integer'; readonly min: number; readonly max: number })
  | (EnvVarBase & { readonly type: 'ratio' })
  | (EnvVarBase & { readonly type: 'enum'; readonly values: readonly string[] });

/** Variables by name. */
export type EnvContract = Readonly<Record<string, EnvVarSpec>>;

const contract = <const C extends EnvContract>(c: C): C => c;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'test', 'production'] as const;
export const DATABASE_AUTH_MODES = ['password', 'entra'] as const;
/** Where the AI service's engine gets travel times: the haversine model, or an OSRM server's table service. */
export const ROUTING_PROVIDERS = ['haversine', 'osrm'] as const;
export const TRACE_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

/** What every service reads through the kit. */
export const KIT_ENVIRONMENT = contract({
  SERVICE_NAME: { type: 'enum', values: SERVICE_NAMES, setBy: 'manifest', description: 'Which service this process is; must agree with the code (default: the code\'s).' },
  PORT: { type: 'integer', min: 0, max: 65535, setBy: 'manifest', description: 'Listening port (default: the catalog port); 0: a free one, reported in the "Server listening at" line (tests).' },
  HOST: { type: 'string', setBy: 'manifest', description: 'Listening address (default 0.0.0.0 in production, 127.0.0.1 otherwise).' },
  NODE_ENV: { type: 'enum', values: NODE_ENVS, setBy: 'manifest', description: 'production in every pod (default development).' },
  NODE_OPTIONS: { type: 'string', setBy: 'manifest', description: 'Read by Node itself: the heap cap below the container memory limit and the young generation size (catalog nodeOptions).' },
  MALLOC_ARENA_MAX: { type: 'integer', min: 1, max: 64, setBy: 'manifest', description: 'Read by glibc: malloc arenas (catalog MALLOC_ENVIRONMENT).' },
  MALLOC_MMAP_THRESHOLD_: { type: 'integer', min: 0, max: 2 ** 25, setBy: 'manifest', description: 'Read by glibc: blocks larger than this are mapped for themselves and returned when freed (catalog MALLOC_ENVIRONMENT).' },
  LOG_LEVEL: { type: 'enum', values: LOG_LEVELS, setBy: 'manifest', description: 'pino level (default info).' },
  DATABASE_URL: { type: 'url', protocols: ['postgresql:', 'postgres:'], required: true, secret: true, plainWhen: { variable: 'DATABASE_AUTH', value: 'entra' }, setBy: 'manifest', description: 'The service\'s own PostgreSQL database (it holds the password, except with DATABASE_AUTH=entra: then the role and host only).' },
  DATABASE_AUTH: { type: 'enum', values: DATABASE_AUTH_MODES, setBy: 'manifest', description: 'entra: DATABASE_URL names the pod\'s managed identity as user and the password is its Entra token (prod); password (default): the URL\'s.' },
  REDIS_URL: { type: 'url', protocols: ['redis:', 'rediss:'], required: true, setBy: 'manifest', description: 'Redis for the L2 cache, rate limits and invalidations; rediss:// without a password in Azure (Entra tokens).' },
  JWT_ISSUER: { type: 'string', setBy: 'manifest', description: 'Expected token issuer (default: the catalog\'s).' },
  JWT_AUDIENCE: { type: 'string', setBy: 'manifest', description: 'Expected token audience (default: the catalog\'s).' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { type: 'url', protocols: ['http:', 'https:'], setBy: 'manifest', description: 'OTLP/HTTP collector; traces are exported only when set.' },
  ADDRESS_HASH_KEY: { type: 'string', required: 'production', secret: true, keyVaultSecret: 'address-hash-key', setBy: 'manifest', description: 'Keys the HMAC-SHA-256 that client addresses are stored under in Redis (the per-address rate limit, the refused-token throttle): one value for every service, written to Key Vault by an operator (infra-bicep README step 5). Unset outside production: a fixed development key.' },
  APPLICATIONINSIGHTS_CONNECTION_STRING: { type: 'string', secret: true, keyVaultSecret: 'appinsights-connection-string', setBy: 'manifest', description: 'Application Insights (prod; infra-bicep writes it to Key Vault): spans are exported there as requests and dependencies, signed in with the pod\'s workload identity. Unset: no Azure Monitor export.' },
  OTEL_TRACES_SAMPLER: { type: 'enum', values: TRACE_SAMPLERS, setBy: 'manifest', description: 'Sampler (default parentbased_traceidratio).' },
  OTEL_TRACES_SAMPLER_ARG: { type: 'ratio', setBy: 'manifest', description: 'Sampled share of root traces (default: the catalog\'s 10 %).' },
  AZURE_CLIENT_ID: { type: 'string', setBy: 'manifest', description: 'Client id of the pod\'s workload identity (Service Bus, Azure Managed Redis).' },
  AZURE_FEDERATED_TOKEN_FILE: { type: 'string', setBy: 'platform', description: 'Injected by the AKS workload identity webhook.' },
  AZURE_TENANT_ID: { type: 'string', setBy: 'platform', description: 'Injected by the AKS workload identity webhook.' },
  SHUTDOWN_DELAY_MS: { type: 'integer', min: 0, max: 120_000, setBy: 'manifest', description: 'How long readiness reports draining before the server closes (default: the catalog\'s SHUTDOWN_TIMING in production, 0 otherwise).' },
  MAX_EVENT_LOOP_DELAY_MS: { type: 'integer', min: 0, max: 60_000, setBy: 'manifest', description: 'Event-loop delay past which requests are shed with 503; 0 disables shedding (default 1000).' },
  TRUST_PROXY_HOPS: { type: 'integer', min: 0, max: 10, setBy: 'manifest', description: 'Proxies whose X-Forwarded-For entry is trusted (default 1: the ingress).' },
  RATE_LIMIT_MAX: { type: 'integer', min: 1, max: 100_000_000, setBy: 'local', description: 'Requests per user per minute instead of the catalog\'s (benchmarks only).' },
});

/** What a service that sends or receives messages reads (Azure Service Bus or its local emulator). */
export const QUEUE_ENVIRONMENT = contract({
  SERVICEBUS_FQDN: { type: 'string', required: true, oneOf: 'servicebus', setBy: 'manifest', description: 'Service Bus namespace host; the pod authenticates with its workload identity.' },
  SERVICEBUS_CONNECTION_STRING: { type: 'string', required: true, oneOf: 'servicebus', setBy: 'local', description: 'The local emulator (Endpoint=sb://...); never in a pod.' },
});

/** The hub variable of an Event Hubs stream: `trip-events` -> TRIP_EVENTS_HUB. */
export const eventHubVariable = (hub: string): string => `${hub.toUpperCase().replace(/-/g, '_')}_HUB`;

/**
 * What a service that produces to Event Hubs streams reads (EVENT_STREAMS names each stream's
 * producer): the namespace host and each hub's name. Not required: only prod has the namespace;
 * without it the events are off (dev runs no Event Hubs; the trip service's tests use the emulator).
 */
export const eventStreamEnvironment = (s: ServiceName): EnvContract => {
  const hubs = EVENT_STREAMS.filter((e) => e.producer === s).map((e) => e.hub);
  if (hubs.length === 0) return {};
  return {
    EVENTHUBS_FQDN: { type: 'string', oneOf: 'eventhubs', setBy: 'manifest', description: 'Event Hubs namespace host (prod); the pod sends with its workload identity (Azure Event Hubs Data Sender on its hubs only). Neither this nor EVENTHUBS_CONNECTION_STRING: the events are off (dev).' },
    EVENTHUBS_CONNECTION_STRING: { type: 'string', oneOf: 'eventhubs', setBy: 'local', description: 'The local Event Hubs emulator (tests: Endpoint=sb://...;UseDevelopmentEmulator=true); never in a pod.' },
    ...Object.fromEntries(hubs.map((hub) => [eventHubVariable(hub), { type: 'string', setBy: 'manifest', eventHub: hub, description: `The Event Hubs hub of the ${hub} stream (with EVENTHUBS_FQDN).` } satisfies EnvVarSpec])),
  };
};

/**
 * What the prod database-roles Job reads: the `database-roles` command of a service image's entry
 * point (SERVICE_COMMANDS), run by k8s with exactly these variables. It signs in to the server's
 * `postgres` database as the PostgreSQL Entra administrator (the database-roles identity) with its
 * workload-identity token and ensures each service's role (apps/service-kit/src/data/database-roles.ts).
 */
export const DATABASE_ROLES_JOB_ENVIRONMENT = contract({
  DATABASE_URL: { type: 'url', protocols: ['postgresql:', 'postgres:'], required: true, setBy: 'manifest', description: 'postgresql://<administrator role>@<host>:5432/postgres?sslmode=require: the server, signed in to as the Entra administrator (no password: the token is).' },
  DATABASE_AUTH: { type: 'enum', values: DATABASE_AUTH_MODES, required: true, setBy: 'manifest', description: 'entra in prod (the pod\'s workload-identity token is the password); password only in the tests against the local server.' },
  DATABASE_ROLES: { type: 'string', required: true, setBy: 'manifest', description: 'JSON list of {role, objectId, database, extensions}: each service\'s role, its managed identity\'s object id (Bicep hand-over), its database and the extensions it needs (catalog).' },
  HOME: { type: 'string', setBy: 'manifest', description: 'A writable home (/tmp, an emptyDir) for the process: the root filesystem is read-only.' },
  AZURE_CLIENT_ID: { type: 'string', setBy: 'platform', description: 'Injected by the AKS workload identity webhook from the service account\'s client-id annotation.' },
  AZURE_FEDERATED_TOKEN_FILE: KIT_ENVIRONMENT.AZURE_FEDERATED_TOKEN_FILE,
  AZURE_TENANT_ID: KIT_ENVIRONMENT.AZURE_TENANT_ID,
});

/** What a service that verifies tokens issued by another service reads. */
export const TOKEN_VERIFIER_ENVIRONMENT = contract({
  JWKS_URL: { type: 'url', protocols: ['http:', 'https:'], required: true, setBy: 'manifest', description: 'The token issuer\'s public keys (JWKS).' },
});

type PeerUrlSpec = EnvVarBase & { readonly type: 'url'; readonly protocols: readonly string[]; readonly required: true; readonly setBy: 'manifest' };

/**
 * The base URLs of the services a service calls over HTTP, one `<NAME>_SERVICE_URL` each
 * (`serviceUrlVariable`): in a pod the peer's in-cluster Service, locally its port on 127.0.0.1.
 * A service lists only the peers whose routes it calls (the token issuer's JWKS comes through
 * JWKS_URL); each must be in its catalog `calls`, which the network and mesh policies admit.
 */
const peerUrls = <const P extends readonly ServiceName[]>(...peers: P): { readonly [K in P[number] as ServiceUrlVariable<K>]: PeerUrlSpec } =>
  Object.fromEntries(
    peers.map((peer) => [
      serviceUrlVariable(peer),
      { type: 'url', protocols: ['http:', 'https:'], required: true, setBy: 'manifest', peer, description: `Base URL of the ${peer} service, which this one calls.` } satisfies PeerUrlSpec,
    ]),
    // Object.fromEntries forgets the keys; serviceUrlVariable made each one of exactly this type.
  ) as unknown as { readonly [K in P[number] as ServiceUrlVariable<K>]: PeerUrlSpec };

/**
 * Each service's own variables, beyond the kit's. A service adds its own here, one line each, and
 * reads them typed from `config.own` (apps/service-kit/README.md).
 */
export const SERVICE_ENVIRONMENT = {
  user: contract({
    JWT_SIGNING_KEY: { type: 'string', required: 'production', secret: true, oneOf: 'signing-key', setBy: 'manifest', description: 'Ed25519 private key (PKCS#8 PEM) that signs access tokens.' },
    JWT_SIGNING_KEY_FILE: { type: 'string', required: 'production', oneOf: 'signing-key', setBy: 'local', description: 'The same key as a file; generated there on first local start.' },
  }),
  trip: contract({
    ...peerUrls('user', 'location', 'ai'),
    SCHEDULE_DEADLINE_MS: { type: 'integer', min: 100, max: 3_600_000, setBy: 'manifest', description: 'From a schedule request to the latest instant the AI service may still start or finish it (default 120000).' },
    SCHEDULE_GRACE_MS: { type: 'integer', min: 0, max: 3_600_000, setBy: 'manifest', description: 'Past the deadline plus this, a schedule without an outcome is failed by the trip service (default 30000).' },
    SCHEDULE_SWEEP_INTERVAL_MS: { type: 'integer', min: 50, max: 600_000, setBy: 'manifest', description: 'How often unfinished schedules are brought up to date in the background (default 2000).' },
    SCHEDULE_RATE_LIMIT_MAX: { type: 'integer', min: 1, max: 100_000_000, setBy: 'local', description: 'Schedule requests per user per minute instead of the catalog\'s SCHEDULE_RATE_LIMIT (benchmarks only).' },
    TRIPS_PER_TRAVELLER_MAX: { type: 'integer', min: 1, max: 1_000_000, setBy: 'local', description: 'Trips a traveller may keep instead of the catalog\'s TRIPS_PER_TRAVELLER (tests only: the limit reached with a few trips).' },
    SCHEDULES_PER_TRIP_MAX: { type: 'integer', min: 1, max: 1_000_000, setBy: 'local', description: 'Schedules a trip may keep instead of the catalog\'s SCHEDULES_PER_TRIP (tests only: the limit reached with a few schedules).' },
    ACCOUNT_ERASURE_INTERVAL_MS: { type: 'integer', min: 50, max: 86_400_000, setBy: 'local', description: 'How often the trips of deleted accounts are looked for and erased, instead of the catalog\'s ACCOUNT_ERASURE.sweepEveryMs (tests only).' },
    PEER_TIMEOUT_FACTOR: { type: 'integer', min: 1, max: 100, setBy: 'local', description: 'Multiplies how long the calls to the services it calls may take (PEER_BUDGETS_MS in the trip service; tests on a crowded machine only, default 1).' },
  }),
  ai: contract({
    ...peerUrls('location'),
    ENGINE_TIME_LIMIT_MS: { type: 'integer', min: 1, max: 120_000, setBy: 'manifest', description: 'The engine\'s wall-clock limit per schedule (default: DEFAULT_ENGINE_BUDGET in the AI service).' },
    ENGINE_MAX_ITERATIONS: { type: 'integer', min: 1, max: 10_000_000, setBy: 'manifest', description: 'The engine\'s iteration budget per schedule; whichever of the two ends first (default: DEFAULT_ENGINE_BUDGET).' },
    ROUTING_PROVIDER: { type: 'enum', values: ROUTING_PROVIDERS, setBy: 'manifest', description: 'Where the engine\'s travel times come from: haversine (the model, default) or osrm (OSRM_URL, with the model as flagged fallback).' },
    OSRM_URL: { type: 'url', protocols: ['http:', 'https:'], setBy: 'manifest', description: 'Base URL of osrm-routed (its table service); required with ROUTING_PROVIDER=osrm.' },
    ROUTING_TIMEOUT_MS: { type: 'integer', min: 50, max: 30_000, setBy: 'manifest', description: 'How long a schedule waits for the router\'s whole matrix before the model answers (default: DEFAULT_ROUTING_TIMEOUT_MS in the AI service).' },
    OSRM_MAX_TABLE_SIZE: { type: 'integer', min: 2, max: 100_000, setBy: 'manifest', description: 'The server\'s --max-table-size: larger matrices are asked in blocks (default 100, osrm-routed\'s).' },
    // At most the queue's consumer concurrency (8): each request in flight holds one of the service's 10 database connections for its transaction.
    SCHEDULE_CONCURRENCY: { type: 'integer', min: 1, max: CONSUMER_CONCURRENCY[QUEUES.aiScheduleGeneration], setBy: 'manifest', description: `Schedule requests handled at once; their I/O overlaps, the engine runs one at a time on its own thread (default ${CONSUMER_CONCURRENCY[QUEUES.aiScheduleGeneration]}, the most).` },
    AZURE_OPENAI_ENDPOINT: { type: 'url', protocols: ['http:', 'https:'], setBy: 'manifest', description: 'Azure OpenAI resource of the optional LLM interest adapter (with AZURE_OPENAI_DEPLOYMENT; the pod\'s workload identity signs in). Unset: the keyword table alone.' },
    AZURE_OPENAI_DEPLOYMENT: { type: 'string', setBy: 'manifest', description: 'The chat model deployment of the LLM interest adapter (with AZURE_OPENAI_ENDPOINT).' },
    AZURE_OPENAI_API_VERSION: { type: 'string', setBy: 'manifest', description: 'The Azure OpenAI REST API version (default: the one the adapter is tested against); a dated one from 2024-08-01-preview on (the first with structured output), else the service does not start.' },
  }),
  location: contract({}),
} as const satisfies Readonly<Record<ServiceName, EnvContract>>;

/** Everything a service reads: the kit's variables, the queue and token ones it needs, its own. */
export const serviceEnvironment = (s: ServiceName): EnvContract => {
  const spec = SERVICES[s];
  return {
    ...KIT_ENVIRONMENT,
    ...(usesQueues(spec) ? QUEUE_ENVIRONMENT : {}),
    ...(needsJwks(spec) ? TOKEN_VERIFIER_ENVIRONMENT : {}),
    ...eventStreamEnvironment(s),
    ...SERVICE_ENVIRONMENT[s],
  };
};

/** Whether a variable (or its oneOf group) must be set in a process running in `nodeEnv`. */
export const isRequired = (v: EnvVarSpec, nodeEnv: string): boolean => v.required === true || (v.required === 'production' && nodeEnv === 'production');

/** The oneOf groups of a contract: group name → its variables. */
export const oneOfGroups = (c: EnvContract): ReadonlyMap<string, readonly string[]> => {
  const groups = new Map<string, string[]>();
  for (const [name, v] of Object.entries(c)) if (v.oneOf) groups.set(v.oneOf, [...(groups.get(v.oneOf) ?? []), name]);
  return groups;
};

/** The Key Vault secret that holds a service's secret variable (prod): `<service>-<variable in kebab case>`. */
export const keyVaultSecretName = (s: ServiceName, variable: string): string =>
  serviceEnvironment(s)[variable]?.keyVaultSecret ?? `${s}-${variable.toLowerCase().replace(/_/g, '-')}`;
