/**
 * The AI service's own settings, on top of the kit's: where the location service answers, the
 * engine's budget, where its travel times come from, how many requests run at once, and the optional
 * Azure OpenAI adapter. The
 * variables are declared once in the catalog's environment contract (SERVICE_ENVIRONMENT.ai),
 * which the kit validates at start; here they get their defaults.
 */
import { CONSUMER_CONCURRENCY, QUEUES, ROUTING_PROVIDERS } from '@tripgen/catalog';
import type { RoutingConfig } from '@tripgen/planner/routing';
import { ConfigError, type ServiceConfig } from '@tripgen/service-kit';

/** The engine budget a schedule gets unless ENGINE_TIME_LIMIT_MS / ENGINE_MAX_ITERATIONS say otherwise. */
export const DEFAULT_ENGINE_BUDGET = { timeLimitMs: 1_000, maxIterations: 600 } as const;

/**
 * How long a schedule waits for a router's whole matrix unless ROUTING_TIMEOUT_MS says otherwise:
 * a fifth of the 5-second itinerary target, so a silent router still leaves the engine its budget.
 */
export const DEFAULT_ROUTING_TIMEOUT_MS = 1_000;

export interface AiConfig {
  readonly locationServiceUrl: string;
  /** Engine wall-clock limit per schedule, ms, and its iteration budget (whichever ends first). */
  readonly engineTimeLimitMs: number;
  readonly engineMaxIterations: number;
  /** The engine's travel times: the haversine model (default) or OSRM with the model as flagged fallback. */
  readonly routing: RoutingConfig;
  /** Schedule requests handled at once (their I/O overlaps; the engine itself runs one at a time, on its thread). */
  readonly concurrency: number;
  readonly azureOpenAI: { readonly endpoint: string; readonly deployment: string; readonly apiVersion: string | undefined } | undefined;
}

/**
 * The first Azure OpenAI API version that takes the adapter's structured output (response_format
 * json_schema, "first added in API version 2024-08-01-preview"): an older one answers every call
 * 400 "response_format value as json_schema is enabled only for api versions 2024-08-01-preview and
 * later", so every reading would fall back to the keywords while the service looked configured.
 */
export const FIRST_STRUCTURED_OUTPUT_API_VERSION = '2024-08-01';

export const aiConfig = (own: ServiceConfig<'ai'>['own']): AiConfig => {
  const { AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_DEPLOYMENT: deployment, AZURE_OPENAI_API_VERSION: apiVersion } = own;
  if (Boolean(endpoint) !== Boolean(deployment)) throw new ConfigError(['set both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT (the LLM adapter), or neither']);
  // A dated version (YYYY-MM-DD, or YYYY-MM-DD-preview) from the first with structured output on:
  // the adapter calls the deployments route, which takes no other form.
  if (apiVersion !== undefined && !(/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion) && apiVersion.slice(0, 10) >= FIRST_STRUCTURED_OUTPUT_API_VERSION)) {
    throw new ConfigError([`AZURE_OPENAI_API_VERSION must be a dated Azure OpenAI API version (YYYY-MM-DD or YYYY-MM-DD-preview) from ${FIRST_STRUCTURED_OUTPUT_API_VERSION}-preview on, the first to take structured output (json_schema); got ${JSON.stringify(apiVersion)}`]);
  }
  return {
    routing: routingConfig(own),
    locationServiceUrl: own.LOCATION_SERVICE_URL,
    engineTimeLimitMs: own.ENGINE_TIME_LIMIT_MS ?? DEFAULT_ENGINE_BUDGET.timeLimitMs,
    engineMaxIterations: own.ENGINE_MAX_ITERATIONS ?? DEFAULT_ENGINE_BUDGET.maxIterations,
    concurrency: own.SCHEDULE_CONCURRENCY ?? CONSUMER_CONCURRENCY[QUEUES.aiScheduleGeneration],
    azureOpenAI: endpoint && deployment ? { endpoint, deployment, apiVersion } : undefined,
  };
};

const routingConfig = (own: ServiceConfig<'ai'>['own']): RoutingConfig => {
  // The kit checked the value against the catalog's ROUTING_PROVIDERS (and types enums as strings);
  // those must be routers the planner has: this assignment stops the build otherwise.
  const router: RoutingConfig['router'] = ROUTING_PROVIDERS.find((p) => p === own.ROUTING_PROVIDER) ?? 'haversine';
  if (router === 'haversine') {
    if (own.OSRM_URL) throw new ConfigError(['OSRM_URL is set but ROUTING_PROVIDER is not osrm: set ROUTING_PROVIDER=osrm to use it, or unset OSRM_URL']);
    return { router };
  }
  if (!own.OSRM_URL) throw new ConfigError(['ROUTING_PROVIDER=osrm needs OSRM_URL (the base URL of osrm-routed)']);
  return {
    router,
    url: own.OSRM_URL,
    timeoutMs: own.ROUTING_TIMEOUT_MS ?? DEFAULT_ROUTING_TIMEOUT_MS,
    ...(own.OSRM_MAX_TABLE_SIZE !== undefined ? { maxTableSize: own.OSRM_MAX_TABLE_SIZE } : {}),
  };
};
