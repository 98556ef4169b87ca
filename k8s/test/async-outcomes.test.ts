/**
 * The itinerary objective counts a schedule by why it ended (catalog ASYNC_OUTCOMES): one withdrawn
 * by its trip's change or deletion is the traveller's doing and stays out; one expired at its
 * deadline is ours and counts, as a plan and a failure do. Every query on the schedules' histogram
 * (the alert as Azure Monitor evaluates it, from infra-bicep/prometheus-alerts.json, and the
 * rollout analyses of gitops/prod) must select exactly the counted outcomes' series, by Prometheus's
 * own matching (anchored regexes). Shown failing on a copy that reads every outcome.
 */
import { describe, expect, it } from 'vitest';
import { ASYNC_OUTCOMES, type AsyncOutcome } from '@tripgen/catalog';
import type { K8sObject } from './policy/objects.ts';
import { matches, parsePromql, promqlOf } from './policy/promql.ts';
import { withEvaluatedAlerts } from './support/evaluated-alerts.ts';

const prod = withEvaluatedAlerts('prod');
const OUTCOMES = Object.keys(ASYNC_OUTCOMES) as AsyncOutcome[];

/** Each query's schedule selectors, with the outcomes they select that the objective does not count, or miss that it does. */
function outcomeProblems(objects: readonly K8sObject[]): string[] {
  return promqlOf(objects).flatMap(({ where, query }) =>
    parsePromql(query)
      .selectors.filter((s) => s.metric.startsWith('async_request_duration_seconds'))
      .flatMap((s) =>
        OUTCOMES.filter((outcome) => s.matchers.filter((m) => m.name === 'outcome').every((m) => matches(m, { outcome })) !== ASYNC_OUTCOMES[outcome].slo).map(
          (outcome) => `${where}: ${s.metric} ${ASYNC_OUTCOMES[outcome].slo ? 'misses' : 'counts'} outcome="${outcome}"`,
        ),
      ),
  );
}

describe('prod: the schedules\' time to an outcome, as the objective counts it', () => {
  it('the 5-second alert and the rollout analyses read plans, failures and expiries, not withdrawals', () => {
    const readers = promqlOf(prod).filter((q) => q.query.includes('async_request_duration_seconds'));
    expect(readers.map((q) => q.where).sort()).toEqual([
      'AnalysisTemplate/async-request-latency async-latency-p95',
      'AnalysisTemplate/async-request-latency-5m async-latency-p95',
      'PrometheusRule/azure-monitor TripGenAiResponseSlow',
    ]);
    // Before: every selector counted outcome="withdrawn" (the traveller's change of mind, as a slow schedule).
    expect(outcomeProblems(prod)).toEqual([]);
  });

  it('fails on a copy that reads every outcome, or leaves expiries out', () => {
    const edited = (edit: (q: string) => string) =>
      structuredClone(prod).map((o) => {
        if (o.kind === 'PrometheusRule') for (const g of (o.spec as { groups: { rules: { expr?: string }[] }[] }).groups) for (const r of g.rules) if (r.expr) r.expr = edit(r.expr);
        return o;
      });
    expect(outcomeProblems(edited((q) => q.replace(/,outcome=~"[^"]*"/g, '')))).toEqual([
      'PrometheusRule/azure-monitor TripGenAiResponseSlow: async_request_duration_seconds_bucket counts outcome="withdrawn"',
      'PrometheusRule/azure-monitor TripGenAiResponseSlow: async_request_duration_seconds_count counts outcome="withdrawn"',
    ]);
    expect(outcomeProblems(edited((q) => q.replace(/outcome=~"[^"]*"/g, 'outcome=~"completed|failed"')))).toEqual([
      'PrometheusRule/azure-monitor TripGenAiResponseSlow: async_request_duration_seconds_bucket misses outcome="expired"',
      'PrometheusRule/azure-monitor TripGenAiResponseSlow: async_request_duration_seconds_count misses outcome="expired"',
    ]);
  });
});
