/**
 * The AI service's own settings, on top of the kit's: where the location service answers, the
 * engine's budget, how many requests run at once, and the optional Azure OpenAI adapter. The
 * variables are declared once in the catalog's environment contract (SERVICE_ENVIRONMENT.ai),
 * which the kit validates at start; here they get their defaults.
 */
import { ConfigError, type ServiceConfig } from '@tripgen/service-kit';

/** The engine budget a schedule gets unless ENGINE_TIME_LIMIT_MS / ENGINE_MAX_ITERATIONS say otherwise. */
export const DEFAULT_ENGINE_BUDGET = { timeLimitMs: 1_000, maxIterations: 600 } as const;

export interface AiConfig {
  readonly locationServiceUrl: string;
  /** Engine wall-clock limit per schedule, ms, and its iteration budget (whichever ends first). */
  readonly engineTimeLimitMs: number;
  readonly engineMaxIterations: number;
  /** Schedule requests handled at once (their I/O overlaps; the engine itself runs one at a time, on its thread). */
  readonly concurrency: number;
  readonly azureOpenAI: { readonly endpoint: string; readonly deployment: string; readonly apiVersion: string | undefined } | undefined;
}

export const aiConfig = (own: ServiceConfig<'ai'>['own']): AiConfig => {
  const { AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_DEPLOYMENT: deployment } = own;
  if (Boolean(endpoint) !== Boolean(deployment)) throw new ConfigError(['set both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT (the LLM adapter), or neither']);
  return {
    locationServiceUrl: own.LOCATION_SERVICE_URL,
    engineTimeLimitMs: own.ENGINE_TIME_LIMIT_MS ?? DEFAULT_ENGINE_BUDGET.timeLimitMs,
    engineMaxIterations: own.ENGINE_MAX_ITERATIONS ?? DEFAULT_ENGINE_BUDGET.maxIterations,
    concurrency: own.SCHEDULE_CONCURRENCY ?? 8,
    azureOpenAI: endpoint && deployment ? { endpoint, deployment, apiVersion: own.AZURE_OPENAI_API_VERSION } : undefined,
  };
};
