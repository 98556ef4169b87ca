import { describe, expect, it } from 'vitest';
import { createMetrics, durationRecorder, LLM_CACHE_RESULTS, LLM_CALL_OUTCOMES, LLM_FALLBACK_REASONS } from './metrics.ts';

describe('durationRecorder', () => {
  it('counts each route, method and status in its own series (children are reused, not mixed)', async () => {
    const metrics = createMetrics('user');
    const record = durationRecorder(metrics.httpDuration);
    record('/a', 'GET', 200, 0.001);
    record('/a', 'GET', 200, 0.002);
    record('/a', 'GET', 404, 0.001);
    record('/a', 'POST', 200, 0.001);
    record('/b', 'GET', 200, 0.5);
    const counts = Object.fromEntries(
      (await metrics.httpDuration.get()).values
        .filter((v) => v.metricName === 'http_request_duration_seconds_count')
        .map((v) => [`${v.labels.route} ${v.labels.method} ${v.labels.status_code}`, v.value]),
    );
    expect(counts).toEqual({ '/a GET 200': 2, '/a GET 404': 1, '/a POST 200': 1, '/b GET 200': 1 });
  });
});

describe("the language model's metrics", () => {
  it('name every value of their label in their HELP line (what an SRE reads on /metrics)', async () => {
    const text = await createMetrics('ai').registry.metrics();
    const help = (name: string) => new RegExp(`^# HELP ${name} (.*)$`, 'm').exec(text)?.[1] ?? '';
    for (const [name, values] of [
      ['llm_calls_total', LLM_CALL_OUTCOMES],
      ['llm_reading_cache_lookups_total', LLM_CACHE_RESULTS],
      ['llm_fallback_readings_total', LLM_FALLBACK_REASONS],
    ] as const) {
      const said = help(name);
      expect(values.filter((v) => !new RegExp(`\\b${v}\\b`).test(said)), `${name}: ${said}`).toEqual([]);
    }
  });
});
