/**
 * Service configuration: exactly the environment variables the Kubernetes manifests set
 * (k8s/ renders them from the same catalog), validated once at start so that a bad or missing
 * variable stops the process with one clear message instead of failing later at first use.
 */
import { JWT_AUDIENCE, JWT_ISSUER, RATE_LIMIT, SERVICES, TRACE_SAMPLING_RATIO, type ServiceName } from '@tripgen/catalog';

export interface ServiceConfig {
  readonly serviceName: ServiceName;
  readonly port: number;
  readonly host: string;
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly databaseUrl: string;
  /** 'entra': DATABASE_URL names the managed identity as user and the password is an Entra token (prod); 'password': the URL's. */
  readonly databaseAuth: 'password' | 'entra';
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
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'];

export interface LoadConfigOptions {
  /** The service this process is; SERVICE_NAME must agree when set. */
  readonly service: ServiceName;
  /** Whether the service sends or receives Service Bus messages (then a bus setting is required). */
  readonly usesQueues?: boolean;
  /** Whether tokens are verified against a remote JWKS (every service but the token issuer). */
  readonly needsJwks?: boolean;
}

export const loadConfig = (opts: LoadConfigOptions, env: NodeJS.ProcessEnv = process.env): ServiceConfig => {
  const problems: string[] = [];
  const str = (name: string, required: boolean): string | undefined => {
    const v = env[name]?.trim();
    if (!v && required) problems.push(`${name} is required`);
    return v || undefined;
  };
  const url = (name: string, required: boolean, protocols: readonly string[]): string | undefined => {
    const v = str(name, required);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must be a ${protocols.join(' or ')} URL, got "${u.protocol}"`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return v;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = str(name, false) ?? fallback;
    if (!(allowed as readonly string[]).includes(v)) problems.push(`${name} must be one of ${allowed.join(', ')}, got "${v}"`);
    return v as T;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name, false);
    const v = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(v) || v < min || v > max) problems.push(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
    return v;
  };

  const serviceName = str('SERVICE_NAME', false) ?? opts.service;
  if (serviceName !== opts.service) problems.push(`SERVICE_NAME is "${serviceName}" but this process is the ${opts.service} service`);
  const port = int('PORT', SERVICES[opts.service].port, 1, 65535);
  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const logLevel = oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const databaseUrl = url('DATABASE_URL', true, ['postgresql:', 'postgres:']);
  const databaseAuth = oneOf('DATABASE_AUTH', ['password', 'entra'] as const, 'password');
  const redisUrl = url('REDIS_URL', true, ['redis:', 'rediss:']);

  const fqdn = str('SERVICEBUS_FQDN', false);
  const connectionString = str('SERVICEBUS_CONNECTION_STRING', false);
  if (fqdn && connectionString) problems.push('set SERVICEBUS_FQDN (Azure) or SERVICEBUS_CONNECTION_STRING (local), not both');
  if (opts.usesQueues && !fqdn && !connectionString) problems.push('SERVICEBUS_FQDN (Azure) or SERVICEBUS_CONNECTION_STRING (local emulator) is required');
  if (connectionString && !/Endpoint=sb:\/\//i.test(connectionString)) problems.push('SERVICEBUS_CONNECTION_STRING must contain Endpoint=sb://...');

  const jwksUrl = url('JWKS_URL', opts.needsJwks ?? false, ['http:', 'https:']);
  const jwtIssuer = str('JWT_ISSUER', false) ?? JWT_ISSUER;
  const jwtAudience = str('JWT_AUDIENCE', false) ?? JWT_AUDIENCE;
  const otlpEndpoint = url('OTEL_EXPORTER_OTLP_ENDPOINT', false, ['http:', 'https:']);
  const appInsightsConnectionString = str('APPLICATIONINSIGHTS_CONNECTION_STRING', false);
  if (appInsightsConnectionString && !/(^|;)InstrumentationKey=[0-9a-f-]{36}(;|$)/i.test(appInsightsConnectionString))
    problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING must contain InstrumentationKey=<guid>');
  const tracesSampler = str('OTEL_TRACES_SAMPLER', false) ?? 'parentbased_traceidratio';
  if (!SAMPLERS.includes(tracesSampler)) problems.push(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${tracesSampler}"`);
  const samplerArgRaw = str('OTEL_TRACES_SAMPLER_ARG', false);
  const tracesSamplerArg = samplerArgRaw === undefined ? TRACE_SAMPLING_RATIO : Number(samplerArgRaw);
  if (!(tracesSamplerArg >= 0 && tracesSamplerArg <= 1)) problems.push(`OTEL_TRACES_SAMPLER_ARG must be a ratio in 0..1, got "${samplerArgRaw}"`);
  const maxEventLoopDelayMs = int('MAX_EVENT_LOOP_DELAY_MS', 1_000, 0, 60_000);
  // Trusting every hop would let a client choose its own address (and so its anonymous rate-limit bucket).
  const trustProxyHops = int('TRUST_PROXY_HOPS', 1, 0, 10);
  const rateLimitMax = int('RATE_LIMIT_MAX', RATE_LIMIT.max, 1, 100_000_000);
  const shutdownDelayMs = int('SHUTDOWN_DELAY_MS', nodeEnv === 'production' ? 5_000 : 0, 0, 120_000);

  if (problems.length) throw new ConfigError(problems);
  return {
    serviceName: opts.service,
    port,
    host: str('HOST', false) ?? (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    nodeEnv,
    logLevel,
    databaseUrl: databaseUrl as string,
    databaseAuth,
    redisUrl: redisUrl as string,
    serviceBus: fqdn ? { fqdn } : connectionString ? { connectionString } : undefined,
    jwksUrl,
    jwtIssuer,
    jwtAudience,
    otlpEndpoint,
    appInsightsConnectionString,
    tracesSampler,
    tracesSamplerArg,
    azureClientId: str('AZURE_CLIENT_ID', false),
    shutdownDelayMs,
    rateLimitMax,
    trustProxyHops,
    maxEventLoopDelayMs,
  };
};
