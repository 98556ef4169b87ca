/** The AI service's own settings: defaults, and the LLM adapter configured whole or not at all. */
import { ConfigError, type ServiceConfig } from '@tripgen/service-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_BUDGET, DEFAULT_ROUTING_TIMEOUT_MS, aiConfig } from '../src/config.ts';

const own = (over: Partial<ServiceConfig<'ai'>['own']> = {}) => ({ LOCATION_SERVICE_URL: 'http://location-service.tripgen:3004', ...over }) as ServiceConfig<'ai'>['own'];

describe('AI service settings', () => {
  it('default to the production engine budget, the haversine model, eight requests at once, the LLM adapter off', () => {
    expect(aiConfig(own())).toEqual({
      routing: { router: 'haversine' },
      locationServiceUrl: 'http://location-service.tripgen:3004',
      engineTimeLimitMs: DEFAULT_ENGINE_BUDGET.timeLimitMs,
      engineMaxIterations: DEFAULT_ENGINE_BUDGET.maxIterations,
      concurrency: 8,
      azureOpenAI: undefined,
    });
  });

  it('take the variables when set', () => {
    const c = aiConfig(own({ ENGINE_TIME_LIMIT_MS: 300, ENGINE_MAX_ITERATIONS: 50, SCHEDULE_CONCURRENCY: 2, AZURE_OPENAI_ENDPOINT: 'https://tripgen.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' }));
    expect(c).toMatchObject({ engineTimeLimitMs: 300, engineMaxIterations: 50, concurrency: 2, azureOpenAI: { endpoint: 'https://tripgen.openai.azure.com', deployment: 'gpt-4o-mini', apiVersion: undefined } });
  });

  it('give OSRM the default timeout unless ROUTING_TIMEOUT_MS says otherwise', () => {
    expect(aiConfig(own({ ROUTING_PROVIDER: 'osrm', OSRM_URL: 'http://osrm:5000' })).routing).toEqual({ router: 'osrm', url: 'http://osrm:5000', timeoutMs: DEFAULT_ROUTING_TIMEOUT_MS });
  });

  it('refuse half an LLM adapter (an endpoint without a deployment, or the reverse)', () => {
    expect(() => aiConfig(own({ AZURE_OPENAI_ENDPOINT: 'https://tripgen.openai.azure.com' }))).toThrow(ConfigError);
    expect(() => aiConfig(own({ AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' }))).toThrow(/set both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT/);
  });

  it('refuse an AZURE_OPENAI_API_VERSION that cannot take the structured output the adapter sends', () => {
    // json_schema response formats came with 2024-08-01-preview; an older version answers every
    // call 400 "response_format value as json_schema is enabled only for api versions 2024-08-01-preview and later".
    const adapter = { AZURE_OPENAI_ENDPOINT: 'https://tripgen.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' };
    for (const version of ['2024-06-01', '2024-02-01', '2024-07-01-preview', 'latest', '2024-10-21 ', 'v1']) {
      expect(() => aiConfig(own({ ...adapter, AZURE_OPENAI_API_VERSION: version })), version).toThrow(/AZURE_OPENAI_API_VERSION/);
    }
    for (const version of ['2024-08-01-preview', '2024-10-21', '2025-04-01-preview']) {
      expect(aiConfig(own({ ...adapter, AZURE_OPENAI_API_VERSION: version })).azureOpenAI?.apiVersion).toBe(version);
    }
  });
});

