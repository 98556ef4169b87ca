import {
  JWT_AUDIENCE,
  JWT_ISSUER,
  RATE_LIMIT,
  SERVICES,
  SERVICE_ENVIRONMENT,
  SHUTDOWN_TIMING,
  TRACE_SAMPLING_RATIO,
  isRequired,
  oneOfGroups,
  serviceEnvironment
} from "./chunk-ZR3UZUN5.mjs";

// apps/service-kit/src/command-error.ts
var CommandError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CommandError";
  }
};

// apps/service-kit/src/http/address-hash.ts
import { createHmac, hkdfSync } from "node:crypto";
var DEV_ADDRESS_HASH_SECRET = "tripgen development address hash key (not a secret)";
var ADDRESS_HASH_KEY_MIN_LENGTH = 32;
var addressHashKey = (secret) => Buffer.from(hkdfSync("sha256", secret, "tripgen-client-addresses", "address v1", 32));
var hashAddress = (key, address) => createHmac("sha256", key).update(address).digest("base64url");

// apps/service-kit/src/config.ts
var ConfigError = class extends Error {
  constructor(problems) {
    super(`invalid configuration:
  - ${problems.join("\n  - ")}`);
    this.problems = problems;
    this.name = "ConfigError";
  }
  problems;
};
var parse = (name, v, raw, problems) => {
  switch (v.type) {
    case "string":
      return raw;
    case "url":
      try {
        const u = new URL(raw);
        if (!v.protocols.includes(u.protocol)) problems.push(`${name} must be a ${v.protocols.join(" or ")} URL, got "${u.protocol}"`);
      } catch {
        problems.push(`${name} is not a valid URL`);
      }
      return raw;
    case "integer": {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < v.min || n > v.max) problems.push(`${name} must be an integer in ${v.min}..${v.max}, got "${raw}"`);
      return n;
    }
    case "ratio": {
      const n = Number(raw);
      if (!(n >= 0 && n <= 1)) problems.push(`${name} must be a ratio in 0..1, got "${raw}"`);
      return n;
    }
    case "enum":
      if (!v.values.includes(raw)) problems.push(`${name} must be one of ${v.values.join(", ")}, got "${raw}"`);
      return raw;
  }
};
var readEnvironment = (contract, env) => {
  const problems = [];
  const nodeEnv = env.NODE_ENV?.trim() || "development";
  const values = {};
  for (const [name, v] of Object.entries(contract)) {
    const raw = env[name]?.trim() || void 0;
    if (raw === void 0) {
      if (!v.oneOf && isRequired(v, nodeEnv)) problems.push(`${name} is required (${v.description})`);
      values[name] = void 0;
      continue;
    }
    values[name] = parse(name, v, raw, problems);
  }
  for (const [group, names] of oneOfGroups(contract)) {
    const set = names.filter((n) => values[n] !== void 0);
    if (set.length > 1) problems.push(`set one of ${names.join(", ")}, not both (${group})`);
    if (set.length === 0 && names.some((n) => isRequired(contract[n], nodeEnv))) {
      problems.push(`${names.join(" or ")} is required (${names.map((n) => `${n}: ${contract[n].description}`).join("; ")})`);
    }
  }
  return { values, problems };
};
var loadConfig = (opts, env = process.env) => {
  const { values, problems } = readEnvironment(serviceEnvironment(opts.service), env);
  const v = values;
  const str = (name) => v[name];
  const num = (name, fallback) => v[name] ?? fallback;
  if (str("SERVICE_NAME") !== void 0 && str("SERVICE_NAME") !== opts.service) {
    problems.push(`SERVICE_NAME is "${str("SERVICE_NAME")}" but this process is the ${opts.service} service`);
  }
  const connectionString = str("SERVICEBUS_CONNECTION_STRING");
  if (connectionString && !/Endpoint=sb:\/\//i.test(connectionString)) problems.push("SERVICEBUS_CONNECTION_STRING must contain Endpoint=sb://...");
  const appInsights = str("APPLICATIONINSIGHTS_CONNECTION_STRING");
  if (appInsights && !/(^|;)InstrumentationKey=[0-9a-f-]{36}(;|$)/i.test(appInsights)) problems.push("APPLICATIONINSIGHTS_CONNECTION_STRING must contain InstrumentationKey=<guid>");
  const addressSecret = str("ADDRESS_HASH_KEY");
  if (addressSecret !== void 0 && addressSecret.length < ADDRESS_HASH_KEY_MIN_LENGTH) problems.push(`ADDRESS_HASH_KEY must be at least ${ADDRESS_HASH_KEY_MIN_LENGTH} characters (32 random bytes in base64), got ${addressSecret.length}`);
  if (problems.length) throw new ConfigError(problems);
  const nodeEnv = str("NODE_ENV") ?? "development";
  const fqdn = str("SERVICEBUS_FQDN");
  const own = Object.fromEntries(Object.keys(SERVICE_ENVIRONMENT[opts.service]).map((name) => [name, v[name]]));
  return {
    serviceName: opts.service,
    port: num("PORT", SERVICES[opts.service].port),
    host: str("HOST") ?? (nodeEnv === "production" ? "0.0.0.0" : "127.0.0.1"),
    nodeEnv,
    logLevel: str("LOG_LEVEL") ?? "info",
    databaseUrl: str("DATABASE_URL"),
    databaseAuth: str("DATABASE_AUTH") ?? "password",
    redisUrl: str("REDIS_URL"),
    serviceBus: fqdn ? { fqdn } : connectionString ? { connectionString } : void 0,
    jwksUrl: str("JWKS_URL"),
    jwtIssuer: str("JWT_ISSUER") ?? JWT_ISSUER,
    jwtAudience: str("JWT_AUDIENCE") ?? JWT_AUDIENCE,
    otlpEndpoint: str("OTEL_EXPORTER_OTLP_ENDPOINT"),
    appInsightsConnectionString: appInsights,
    tracesSampler: str("OTEL_TRACES_SAMPLER") ?? "parentbased_traceidratio",
    tracesSamplerArg: num("OTEL_TRACES_SAMPLER_ARG", TRACE_SAMPLING_RATIO),
    azureClientId: str("AZURE_CLIENT_ID"),
    shutdownDelayMs: num("SHUTDOWN_DELAY_MS", nodeEnv === "production" ? SHUTDOWN_TIMING.drainDelayMs : 0),
    // Trusting every hop would let a client choose its own address (and so its anonymous rate-limit bucket).
    trustProxyHops: num("TRUST_PROXY_HOPS", 1),
    maxEventLoopDelayMs: num("MAX_EVENT_LOOP_DELAY_MS", 1e3),
    rateLimitMax: num("RATE_LIMIT_MAX", RATE_LIMIT.max),
    // Required in production (the contract): the fixed key serves local runs and tests only.
    addressHashSecret: addressSecret ?? DEV_ADDRESS_HASH_SECRET,
    own
  };
};

export {
  CommandError,
  addressHashKey,
  hashAddress,
  ConfigError,
  readEnvironment,
  loadConfig
};
