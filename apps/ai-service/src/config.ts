/**
 * The AI service's own settings, on top of the kit's: where the location service answers, the
 * engine's budget, how many requests run at once, and the optional Azure OpenAI adapter.
 */
import { ConfigError } from '@tripgen/service-kit';

/** The engine budget a schedule gets unless ENGINE_TIME_LIMIT_MS / ENGINE_MAX_ITERATIONS say otherwise. */
export const DEFAULT_ENGINE_BUDGET = { timeLimitMs: 1_000, maxIterations: 600 } as const;

export interface AiConfig {
  readonly locationServiceUrl: string;
  /** Engine wall-clock limit per schedule, ms, and its iteration budget (whichever ends first). */
  readonly engineTimeLimitMs: number;
  readonly engineMaxIterations: number;
  /** Schedule requests handled at once (their I/O overlaps; the engine itself runs one at a time). */
  readonly concurrency: number;
  readonly azureOpenAI: { readonly endpoint: string; readonly deployment: string; readonly apiVersion: string | undefined } | undefined;
}

export const loadAiConfig = (env: NodeJS.ProcessEnv): AiConfig => {
  const problems: string[] = [];
  const str = (name: string) => env[name]?.trim() || undefined;
  const url = (name: string, required: boolean): string | undefined => {
    const v = str(name);
    if (!v) {
      if (required) problems.push(`${name} is required`);
      return undefined;
    }
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push(`${name} must be an http or https URL`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return v;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    const v = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(v) || v < min || v > max) problems.push(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
    return v;
  };
  const locationServiceUrl = url('LOCATION_SERVICE_URL', true);
  const engineTimeLimitMs = int('ENGINE_TIME_LIMIT_MS', DEFAULT_ENGINE_BUDGET.timeLimitMs, 1, 120_000);
  const engineMaxIterations = int('ENGINE_MAX_ITERATIONS', DEFAULT_ENGINE_BUDGET.maxIterations, 1, 10_000_000);
  const concurrency = int('SCHEDULE_CONCURRENCY', 4, 1, 64);
  const endpoint = url('AZURE_OPENAI_ENDPOINT', false);
  const deployment = str('AZURE_OPENAI_DEPLOYMENT');
  if (Boolean(endpoint) !== Boolean(deployment)) problems.push('set both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT (the LLM adapter), or neither');
  if (problems.length) throw new ConfigError(problems);
  return {
    locationServiceUrl: locationServiceUrl!,
    engineTimeLimitMs,
    engineMaxIterations,
    concurrency,
    azureOpenAI: endpoint && deployment ? { endpoint, deployment, apiVersion: str('AZURE_OPENAI_API_VERSION') } : undefined,
  };
};
