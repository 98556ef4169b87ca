/**
 * Service configuration: exactly the variables of the service's environment contract
 * (`serviceEnvironment` in @tripgen/catalog: the kit's, the queue and token ones the service
 * needs, its own), validated once at start so that a bad or missing variable stops the process
 * with one clear message instead of failing later at first use. The manifests and the local runner
 * are generated from the same contract.
 */
import {
  DATABASE_AUTH_MODES,
  JWT_AUDIENCE,
  JWT_ISSUER,
  LOG_LEVELS,
  NODE_ENVS,
  RATE_LIMIT,
  SERVICE_ENVIRONMENT,
  SERVICES,
  SHUTDOWN_TIMING,
  TRACE_SAMPLING_RATIO,
  isRequired,
  oneOfGroups,
  serviceEnvironment,
  type EnvContract,
  type EnvVarSpec,
  type ServiceName,
} from '@tripgen/catalog';
import { ADDRESS_HASH_KEY_MIN_LENGTH, DEV_ADDRESS_HASH_SECRET } from './http/address-hash.ts';

type Env = Readonly<Record<string, string | undefined>>;

type ValueOf<V extends EnvVarSpec> = V extends { readonly type: 'integer' | 'ratio' } ? number : string;
/** The parsed values of a contract: present when required (outside a oneOf group), else maybe undefined. */
export type EnvValues<C extends EnvContract> = {
  readonly [K in keyof C]: C[K] extends { readonly oneOf: string } ? ValueOf<C[K]> | undefined : C[K] extends { readonly required: true } ? ValueOf<C[K]> : ValueOf<C[K]> | undefined;
};
/** A service's own variables (SERVICE_ENVIRONMENT), typed. */
export type OwnEnvironment<S extends ServiceName> = EnvValues<(typeof SERVICE_ENVIRONMENT)[S]>;

export interface ServiceConfig<S extends ServiceName = ServiceName> {
  readonly serviceName: S;
  readonly port: number;
  readonly host: string;
  readonly nodeEnv: (typeof NODE_ENVS)[number];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly databaseUrl: string;
  /** 'entra': DATABASE_URL names the managed identity as user and the password is an Entra token (prod); 'password': the URL's. */
  readonly databaseAuth: (typeof DATABASE_AUTH_MODES)[number];
  readonly redisUrl: string;
  /** Exactly one of these when the service uses queues: Azure (workload identity) or a local emulator. */
  readonly serviceBus: { readonly fqdn: string } | { readonly connectionString: string } | undefined;
  readonly jwksUrl: string | undefined;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly otlpEndpoint: string | undefined;
  /** Application Insights (prod, from Key Vault): spans are exported there as requests and dependencies. */
  readonly appInsightsConnectionString: string | undefined;
  readonly tracesSampler: string;
  readonly tracesSamplerArg: number;
  readonly azureClientId: string | undefined;
  /** How long readiness reports "draining" before the server stops accepting requests (SIGTERM). */
  readonly shutdownDelayMs: number;
  /** Event-loop delay past which requests are shed with 503 (under-pressure); 0 disables shedding. */
  readonly maxEventLoopDelayMs: number;
  /**
   * Hops trusted when reading the client address: the socket peer and every X-Forwarded-For entry
   * a proxy behind the first one appended, i.e. the number of proxies that append to the header
   * (the manifests set it from the profile's edge chain: dev NGINX = 1; prod Application Gateway
   * and the Istio ingress gateway = 2, the sidecar appends nothing).
   */
  readonly trustProxyHops: number;
  /** Requests per user per minute; the catalog's number unless RATE_LIMIT_MAX overrides it (benchmarks only). */
  readonly rateLimitMax: number;
  /** The secret that keys the hashes of client addresses in Redis (ADDRESS_HASH_KEY; http/address-hash.ts): every service's the same. */
  readonly addressHashSecret: string;
  /** The service's own variables, as its catalog entry in SERVICE_ENVIRONMENT declares them. */
  readonly own: OwnEnvironment<S>;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const parse = (name: string, v: EnvVarSpec, raw: string, problems: string[]): string | number | undefined => {
  switch (v.type) {
    case 'string':
      return raw;
    case 'url':
      try {
        const u = new URL(raw);
        if (!v.protocols.includes(u.protocol)) problems.push(`${name} must be a ${v.protocols.join(' or ')} URL, got "${u.protocol}"`);
      } catch {
        problems.push(`${name} is not a valid URL`);
      }
      return raw;
    case 'integer': {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < v.min || n > v.max) problems.push(`${name} must be an integer in ${v.min}..${v.max}, got "${raw}"`);
      return n;
    }
    case 'ratio': {
      const n = Number(raw);
      if (!(n >= 0 && n <= 1)) problems.push(`${name} must be a ratio in 0..1, got "${raw}"`);
      return n;
    }
    case 'enum':
      if (!v.values.includes(raw)) problems.push(`${name} must be one of ${v.values.join(', ')}, got "${raw}"`);
      return raw;
  }
};

/**
 * Reads and checks every variable of a contract: types, required ones (and those required in
 * production), oneOf groups (at most one set; one when required). Names every problem.
 */
export const readEnvironment = <C extends EnvContract>(contract: C, env: Env): { values: EnvValues<C>; problems: string[] } => {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const values: Record<string, string | number | undefined> = {};
  for (const [name, v] of Object.entries(contract)) {
    const raw = env[name]?.trim() || undefined;
    if (raw === undefined) {
      if (!v.oneOf && isRequired(v, nodeEnv)) problems.push(`${name} is required (${v.description})`);
      values[name] = undefined;
      continue;
    }
    values[name] = parse(name, v, raw, problems);
  }
  for (const [group, names] of oneOfGroups(contract)) {
    const set = names.filter((n) => values[n] !== undefined);
    if (set.length > 1) problems.push(`set one of ${names.join(', ')}, not both (${group})`);
    if (set.length === 0 && names.some((n) => isRequired(contract[n]!, nodeEnv))) {
      problems.push(`${names.join(' or ')} is required (${names.map((n) => `${n}: ${contract[n]!.description}`).join('; ')})`);
    }
  }
  return { values: values as EnvValues<C>, problems };
};

export interface LoadConfigOptions<S extends ServiceName> {
  /** The service this process is; SERVICE_NAME must agree when set. */
  readonly service: S;
}

export const loadConfig = <S extends ServiceName>(opts: LoadConfigOptions<S>, env: Env = process.env): ServiceConfig<S> => {
  const { values, problems } = readEnvironment(serviceEnvironment(opts.service), env);
  // serviceEnvironment is the kit's contract plus the service's extras: the kit's names are always there.
  const v = values as Readonly<Record<string, string | number | undefined>>;
  const str = (name: string): string | undefined => v[name] as string | undefined;
  const num = (name: string, fallback: number): number => (v[name] as number | undefined) ?? fallback;

  if (str('SERVICE_NAME') !== undefined && str('SERVICE_NAME') !== opts.service) {
    problems.push(`SERVICE_NAME is "${str('SERVICE_NAME')}" but this process is the ${opts.service} service`);
  }
  const connectionString = str('SERVICEBUS_CONNECTION_STRING');
  if (connectionString && !/Endpoint=sb:\/\//i.test(connectionString)) problems.push('SERVICEBUS_CONNECTION_STRING must contain Endpoint=sb://...');
  const appInsights = str('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (appInsights && !/(^|;)InstrumentationKey=[0-9a-f-]{36}(;|$)/i.test(appInsights)) problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING must contain InstrumentationKey=<guid>');
  // A short key is guessed together with the addresses: the operator's is 32 random bytes in base64 (44 characters).
  const addressSecret = str('ADDRESS_HASH_KEY');
  if (addressSecret !== undefined && addressSecret.length < ADDRESS_HASH_KEY_MIN_LENGTH) problems.push(`ADDRESS_HASH_KEY must be at least ${ADDRESS_HASH_KEY_MIN_LENGTH} characters (32 random bytes in base64), got ${addressSecret.length}`);
  if (problems.length) throw new ConfigError(problems);

  const nodeEnv = (str('NODE_ENV') ?? 'development') as ServiceConfig['nodeEnv'];
  const fqdn = str('SERVICEBUS_FQDN');
  const own = Object.fromEntries(Object.keys(SERVICE_ENVIRONMENT[opts.service]).map((name) => [name, v[name]])) as OwnEnvironment<S>;
  return {
    serviceName: opts.service,
    port: num('PORT', SERVICES[opts.service].port),
    host: str('HOST') ?? (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    nodeEnv,
    logLevel: (str('LOG_LEVEL') ?? 'info') as ServiceConfig['logLevel'],
    databaseUrl: str('DATABASE_URL')!,
    databaseAuth: (str('DATABASE_AUTH') ?? 'password') as ServiceConfig['databaseAuth'],
    redisUrl: str('REDIS_URL')!,
    serviceBus: fqdn ? { fqdn } : connectionString ? { connectionString } : undefined,
    jwksUrl: str('JWKS_URL'),
    jwtIssuer: str('JWT_ISSUER') ?? JWT_ISSUER,
    jwtAudience: str('JWT_AUDIENCE') ?? JWT_AUDIENCE,
    otlpEndpoint: str('OTEL_EXPORTER_OTLP_ENDPOINT'),
    appInsightsConnectionString: appInsights,
    tracesSampler: str('OTEL_TRACES_SAMPLER') ?? 'parentbased_traceidratio',
    tracesSamplerArg: num('OTEL_TRACES_SAMPLER_ARG', TRACE_SAMPLING_RATIO),
    azureClientId: str('AZURE_CLIENT_ID'),
    shutdownDelayMs: num('SHUTDOWN_DELAY_MS', nodeEnv === 'production' ? SHUTDOWN_TIMING.drainDelayMs : 0),
    // Trusting every hop would let a client choose its own address (and so its anonymous rate-limit bucket).
    trustProxyHops: num('TRUST_PROXY_HOPS', 1),
    maxEventLoopDelayMs: num('MAX_EVENT_LOOP_DELAY_MS', 1_000),
    rateLimitMax: num('RATE_LIMIT_MAX', RATE_LIMIT.max),
    // Required in production (the contract): the fixed key serves local runs and tests only.
    addressHashSecret: addressSecret ?? DEV_ADDRESS_HASH_SECRET,
    own,
  };
};
