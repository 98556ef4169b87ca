/**
 * A pod's environment, generated from its service's environment contract (`serviceEnvironment` in
 * @tripgen/catalog): every variable the manifests may set (`setBy: 'manifest'`) that has a value in
 * this environment goes into the ConfigMap, every secret one becomes a reference to the service's
 * Secret (synced from Key Vault in prod) unless SECRET_SOURCES says this environment has no secret
 * value for it; a required variable without a value stops the synth.
 * Variables only local runs set, or that the platform injects, are never rendered.
 */
import {
  JWKS_PATH,
  JWT_AUDIENCE,
  JWT_ISSUER,
  MALLOC_ENVIRONMENT,
  SERVICES,
  TOKEN_ISSUER,
  TRACE_SAMPLING_RATIO,
  isRequired,
  keyVaultSecretName,
  nodeOptions,
  oneOfGroups,
  serviceEnvironment,
  workloadName,
  type ServiceName,
  type ServiceSpec,
} from '@tripgen/catalog';
import type { EnvironmentProfile } from './profile.ts';
import { dataStoreEndpoints } from '../constructs/data-stores.ts';
import { inClusterHost } from '../lib/network.ts';

/** Every pod runs the production build of its service. */
const NODE_ENV = 'production';

type ValueOf = (spec: ServiceSpec, profile: EnvironmentProfile) => string | undefined;

/**
 * Where the value of each non-secret variable a pod gets comes from. A service's own variable is
 * added here with the profile (or Bicep output) it comes from; a required one without an entry
 * fails the synth, naming this table.
 */
const CLUSTER_VALUES: Readonly<Record<string, ValueOf>> = {
  SERVICE_NAME: (spec) => spec.name,
  PORT: (spec) => String(spec.port),
  NODE_ENV: () => NODE_ENV,
  // V8 sizes its heap from the node, not the container limit: cap it below the limit.
  NODE_OPTIONS: (spec) => nodeOptions(spec),
  // glibc returns large freed blocks to the kernel instead of keeping them resident.
  MALLOC_ARENA_MAX: () => MALLOC_ENVIRONMENT.MALLOC_ARENA_MAX,
  MALLOC_MMAP_THRESHOLD_: () => MALLOC_ENVIRONMENT.MALLOC_MMAP_THRESHOLD_,
  LOG_LEVEL: (_, profile) => profile.logLevel,
  // The anonymous rate limit keys on the client: trust exactly the proxies that append to X-Forwarded-For.
  TRUST_PROXY_HOPS: (_, profile) => String(profile.edgeChain.filter((h) => h.appendsForwardedFor).length),
  REDIS_URL: (_, profile) => dataStoreEndpoints(profile).redisUrl,
  // The managed PostgreSQL accepts only Entra ID sign-ins: the pod's token is the password.
  DATABASE_AUTH: (_, profile) => (profile.dataStores.kind === 'managed' ? 'entra' : undefined),
  // Where the namespace exists (prod): the streams this service produces (trip events for analytics).
  EVENTHUBS_FQDN: (_, profile) => profile.azure.eventHubsNamespaceFqdn || undefined,
  SERVICEBUS_FQDN: (_, profile) => profile.serviceBusFqdn,
  JWKS_URL: (_, profile) => `http://${inClusterHost(workloadName(TOKEN_ISSUER), profile.namespace)}:${SERVICES[TOKEN_ISSUER].port}${JWKS_PATH}`,
  JWT_ISSUER: () => JWT_ISSUER,
  JWT_AUDIENCE: () => JWT_AUDIENCE,
  OTEL_TRACES_SAMPLER: () => 'parentbased_traceidratio',
  OTEL_TRACES_SAMPLER_ARG: () => String(TRACE_SAMPLING_RATIO),
  OTEL_EXPORTER_OTLP_ENDPOINT: (_, profile) => profile.otlpEndpoint ?? undefined,
  AZURE_CLIENT_ID: (spec, profile) => profile.workloadIdentity?.[spec.name],
};

type SecretSource = { readonly kind: 'secret' } | { readonly kind: 'config'; readonly value: string } | { readonly kind: 'absent' };
const SECRET: SecretSource = { kind: 'secret' };

/**
 * Secret variables whose source depends on the environment (every other one is a Secret reference
 * everywhere): 'config' when this environment's value holds nothing secret, 'absent' when it has none.
 */
const SECRET_SOURCES: Readonly<Record<string, (spec: ServiceSpec, profile: EnvironmentProfile) => SecretSource>> = {
  // With Entra sign-in (managed PostgreSQL, prod) the URL names the service's role and the server and
  // the password is a token: nothing secret, so no database URL in Key Vault. In dev it holds a password.
  DATABASE_URL: (spec, profile) => {
    const url = dataStoreEndpoints(profile).databaseUrl;
    return url ? { kind: 'config', value: url(spec) } : SECRET;
  },
  // Only where Application Insights exists (prod): infra-bicep writes its connection string to Key Vault.
  APPLICATIONINSIGHTS_CONNECTION_STRING: (_, profile) => (profile.telemetry.appInsights ? SECRET : { kind: 'absent' }),
};

const secretSource = (name: string, spec: ServiceSpec, profile: EnvironmentProfile): SecretSource => SECRET_SOURCES[name]?.(spec, profile) ?? SECRET;

/** A called service's base URL (`peer` variables): its Service in the pod's namespace. */
const peerUrl = (peer: ServiceName, profile: EnvironmentProfile): string =>
  `http://${inClusterHost(workloadName(peer), profile.namespace)}:${SERVICES[peer].port}`;

/** A hub's name where the Event Hubs namespace exists (prod); nothing elsewhere. */
const eventHubName = (hub: string, profile: EnvironmentProfile): string | undefined => (profile.azure.eventHubsNamespaceFqdn ? hub : undefined);

export interface SecretItem {
  /** Environment variable and key in the synced Kubernetes Secret. */
  readonly envVar: string;
  /** Key Vault secret name (prod; the platform team writes the value). */
  readonly keyVaultSecret: string;
}

export interface PodEnvironment {
  /** Non-secret variables: the service's ConfigMap. */
  readonly config: Readonly<Record<string, string>>;
  /** Secret variables: references into the service's Secret. */
  readonly secrets: readonly SecretItem[];
}

/** The secret variables a service's pods get in this environment (values never in gitops/). */
export const secretVariables = (spec: ServiceSpec, profile: EnvironmentProfile): readonly SecretItem[] =>
  Object.entries(serviceEnvironment(spec.name))
    .filter(([name, v]) => v.setBy === 'manifest' && v.secret && secretSource(name, spec, profile).kind === 'secret')
    .map(([name]) => ({ envVar: name, keyVaultSecret: keyVaultSecretName(spec.name, name) }));

export function podEnvironment(spec: ServiceSpec, profile: EnvironmentProfile): PodEnvironment {
  const contract = serviceEnvironment(spec.name);
  const config: Record<string, string> = {};
  const secrets = secretVariables(spec, profile);
  const missing: string[] = [];
  for (const [name, v] of Object.entries(contract)) {
    if (v.setBy !== 'manifest') continue;
    if (v.secret) {
      const source = secretSource(name, spec, profile);
      if (source.kind === 'config') config[name] = source.value;
      continue;
    }
    if (v.peer && !spec.calls.includes(v.peer)) {
      throw new Error(`${spec.name} service reads ${name}, but the ${v.peer} service is not in its catalog calls: no network or mesh policy would admit the call`);
    }
    const value = v.peer ? peerUrl(v.peer, profile) : v.eventHub ? eventHubName(v.eventHub, profile) : CLUSTER_VALUES[name]?.(spec, profile);
    if (value !== undefined) config[name] = value;
    else if (!v.oneOf && isRequired(v, NODE_ENV)) missing.push(name);
  }
  // A secret goes to the ConfigMap only where the contract says it then holds nothing secret.
  for (const [name, v] of Object.entries(contract)) {
    if (v.secret && name in config && !(v.plainWhen && config[v.plainWhen.variable] === v.plainWhen.value)) {
      throw new Error(`${spec.name} service (${profile.name}): the secret ${name} would be a plain value; the contract allows that only with ${v.plainWhen ? `${v.plainWhen.variable}=${v.plainWhen.value}` : 'never'}`);
    }
  }
  for (const [group, names] of oneOfGroups(contract)) {
    const rendered = names.filter((n) => n in config || secrets.some((s) => s.envVar === n));
    if (rendered.length === 0 && names.some((n) => isRequired(contract[n]!, NODE_ENV))) missing.push(`one of ${names.join(', ')} (${group})`);
  }
  if (missing.length > 0) {
    throw new Error(`${spec.name} service (${profile.name}): no value for ${missing.join(', ')}; add where it comes from to CLUSTER_VALUES in k8s/src/config/environment.ts`);
  }
  return { config, secrets };
}
