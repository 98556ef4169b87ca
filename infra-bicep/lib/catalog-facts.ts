/**
 * The facts of the service catalog that Bicep needs, as the JSON that main.bicep loads
 * (`loadJsonContent('catalog.json')`): Bicep cannot import TypeScript, so the catalog is rendered
 * once into infra-bicep/catalog.json (scripts/bicep-catalog.ts) and a test fails when it is stale.
 */
import {
  asyncRequestName,
  CACHE_POLICY,
  CONSUMER_CONCURRENCY,
  DATABASES,
  EDGE_RATE_LIMIT,
  EDGE_STRIPPED_REQUEST_HEADERS,
  JWKS_PATH,
  K8S_NAMESPACE,
  OPERATIONAL_PATHS,
  POSTGRES_BACKUP_JOB,
  POSTGRES_ROLES_SERVICE_ACCOUNT,
  QUEUE_LIMITS,
  QUEUE_NAMES,
  QUEUES,
  REQUEST_BODY_LIMIT_BYTES,
  RESPONSE_TIME_SLO,
  serviceAccountName,
  serviceList,
  workloadName,
  EVENT_STREAMS,
  HELD_TIME_ATTRIBUTE,
  keyVaultSecretName,
  maxPods,
  serviceEnvironment,
  type EnvironmentName,
  type ServiceName,
} from '@tripgen/catalog';
import { ENVIRONMENTS } from './bicep.ts';

/**
 * The Key Vault secrets a service's pods mount where secrets come from Key Vault (prod's
 * SecretProviderClass, k8s secretVariables): its secret variables set by the manifest, except one
 * the contract lets be plain (plainWhen: the database URL under Entra sign-in, the only sign-in
 * Bicep's PostgreSQL accepts). k8s/test checks the prod snapshot's grants against the rendered mounts.
 */
const keyVaultSecrets = (s: ServiceName): string[] =>
  Object.entries(serviceEnvironment(s))
    .filter(([, v]) => v.setBy === 'manifest' && v.secret && !v.plainWhen)
    .map(([name]) => keyVaultSecretName(s, name));

/** The WAF's rate-limit windows (rateLimitDuration): one or five minutes, nothing else. */
const WAF_RATE_LIMIT_DURATIONS: Record<number, 'OneMin' | 'FiveMins'> = { 60_000: 'OneMin', 300_000: 'FiveMins' };

const wafRateLimitDuration = (ms: number): 'OneMin' | 'FiveMins' => {
  const duration = WAF_RATE_LIMIT_DURATIONS[ms];
  if (!duration) throw new Error(`EDGE_RATE_LIMIT.timeWindowMs ${ms}: the WAF counts over one or five minutes only`);
  return duration;
};

/**
 * Each queue's consumer for the queue alerts, per environment: its workload, the most deliveries all
 * its pods hold at once there (the most pods it runs there, maxPods: the HPA's maxReplicas in prod,
 * the fixed replicas in dev; times its consumer concurrency: active messages the queue shows while
 * the consumer keeps up at full scale), and the severity of its response-time objective (a
 * schedule's queue waits on the 5-second promise; the others on the 200 ms one).
 */
const queueConsumers = (env: EnvironmentName) =>
  QUEUE_NAMES.map((queue) => {
    const consumers = serviceList().filter((s) => s.queues.consumes.includes(queue));
    if (consumers.length !== 1) throw new Error(`${queue}: ${consumers.length} consumers; the queue alerts assume exactly one`);
    const consumer = consumers[0]!;
    return {
      queue,
      workload: workloadName(consumer.name),
      inFlightMax: maxPods(consumer, env) * CONSUMER_CONCURRENCY[queue],
      severity: RESPONSE_TIME_SLO[consumer.responseTime].severity,
    };
  });

export const CATALOG_JSON_PATH = new URL('../catalog.json', import.meta.url);

export const catalogFacts = () => ({
  $comment: 'Generated from apps/catalog by scripts/bicep-catalog.ts (npm run bicep:snapshot). Do not edit.',
  namespace: K8S_NAMESPACE,
  services: serviceList().map((s) => ({
    name: s.name,
    serviceAccount: serviceAccountName(s.name),
    workload: workloadName(s.name),
    produces: [...s.queues.produces],
    consumes: [...s.queues.consumes],
    keyVaultSecrets: keyVaultSecrets(s.name),
    responseTime: s.responseTime,
  })),
  queues: [...QUEUE_NAMES],
  eventStreams: EVENT_STREAMS.map((e) => ({ hub: e.hub, producer: e.producer })),
  queueLimits: { ...QUEUE_LIMITS },
  databases: [...DATABASES],
  postgresExtensions: [...new Set(serviceList().flatMap((s) => s.databaseExtensions))].sort(),
  cacheEvictionPolicy: CACHE_POLICY.l2.evictionPolicy,
  edgeProbePath: JWKS_PATH,
  requestBodyLimitKb: REQUEST_BODY_LIMIT_BYTES / 1024,
  edgeRateLimit: { threshold: EDGE_RATE_LIMIT.maxPerAddress, duration: wafRateLimitDuration(EDGE_RATE_LIMIT.timeWindowMs) },
  edgeStrippedRequestHeaders: [...EDGE_STRIPPED_REQUEST_HEADERS],
  postgresRolesServiceAccount: POSTGRES_ROLES_SERVICE_ACCOUNT,
  postgresBackupServiceAccount: POSTGRES_BACKUP_JOB,
  // The response-time alerts: the objectives, the name of a schedule's request record, the
  // paths every service serves for probes, scrapes and docs (not what a traveller waits for), and
  // the span attribute of the time a request was held for its client (a long poll's wait).
  responseTimeSlo: RESPONSE_TIME_SLO,
  scheduleRequestName: asyncRequestName(QUEUES.aiScheduleGeneration),
  operationalPaths: OPERATIONAL_PATHS,
  heldTimeAttribute: HELD_TIME_ATTRIBUTE,
  queueConsumers: Object.fromEntries(ENVIRONMENTS.map((env) => [env, queueConsumers(env)])),
});

export const renderCatalogJson = (): string => `${JSON.stringify(catalogFacts(), null, 2)}\n`;
