/**
 * Our own prompt tripping Azure OpenAI's content filter (or a filter set stricter than travel
 * interests need) made every traveller's interest reading fall back to the keyword table, silently:
 * each refusal is logged at info as the traveller's words, and the route still answers 200. The kit
 * counts the AI service's model calls by outcome (llm_calls_total: filtered, refused); a ticket must
 * read the share of them. Read from what the generators wrote: the rules handed over to Azure Monitor
 * (infra-bicep/prometheus-alerts.json), the remote write's keep list and the AI pods' metrics Service
 * in gitops/prod. Azure OpenAI docs, "Content filtering": a prompt the filter refuses answers 400
 * `content_filter`, a completion it cuts ends with finish_reason `content_filter` (both `filtered`).
 */
import { describe, expect, it } from 'vitest';
import { SERVICES } from '@tripgen/catalog';
import { LLM_CALL_OUTCOMES } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { AZURE_SEVERITY } from '../src/observability/azure-alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { handedOverRules, type HandedOverRule } from './support/handed-over-rules.ts';
import { find } from './support/gitops.ts';

type Rule = HandedOverRule;
const prodRules = handedOverRules('prod');

const METRIC = 'llm_calls_total';

/** The labels Prometheus gives the AI pods' series: the metrics Service they are scraped through (its name is the job). */
const aiTarget = () => {
  const service = find('prod', 'Service', 'ai-service-metrics');
  expect((service.spec as { selector: Record<string, string> }).selector['app.kubernetes.io/name']).toBe(`${SERVICES.ai.name}-service`);
  return { namespace: service.metadata.namespace!, job: service.metadata.name };
};

/** The rules whose selectors of the counter take the AI pods' series of `outcome`. */
const reading = (rules: readonly Rule[], outcome: string): Rule[] =>
  rules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === METRIC && s.matchers.every((m) => matches(m, { ...aiTarget(), outcome }))));

describe('interest readings refused by the content filter or the model raise a ticket', () => {
  it('the outcomes the rule reads are the kit\'s', () => {
    expect(LLM_CALL_OUTCOMES).toEqual(expect.arrayContaining(['ok', 'filtered', 'refused']));
  });

  it('an Azure Monitor rule reads the share of filtered and refused calls of the AI pods: a ticket, held 15 minutes, with a floor of calls, linked to the runbook', () => {
    // Before: no rule read llm_calls_total at all.
    // (TripGenInterestModelFailing reads them too, among every call: llm-failing-alert.test.ts.)
    expect(reading(prodRules, 'filtered').map((r) => r.alert)).toContain('TripGenInterestReadingsRefused');
    expect(reading(prodRules, 'refused').map((r) => r.alert)).toContain('TripGenInterestReadingsRefused');
    const rule = reading(prodRules, 'filtered').find((r) => r.alert === 'TripGenInterestReadingsRefused');
    expect(rule!.severity).toBe(AZURE_SEVERITY.warning);
    expect(rule!.for).toBe('PT15M');
    expect(rule!.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#interest-readings-refused$/);
    // The denominator: what the model judged (an outage says nothing of content), not errors, timeouts or throttling.
    expect(reading([rule!], 'ok')).toHaveLength(1);
    for (const outage of ['error', 'timeout', 'throttled']) expect(reading([rule!], outage)).toEqual([]);
    expect(rule!.expression).toMatch(/\) > 0\.5\) and \(/);
    expect(rule!.expression).toMatch(/\) >= 10\)\)$/);
  });

  it('the counter reaches Azure: the remote write keeps it', () => {
    const stack = (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { valuesObject: { prometheus: { prometheusSpec: { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] } } } } } }).source.helm
      .valuesObject;
    expect(new RegExp(`^(?:${stack.prometheus.prometheusSpec.remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`).test(METRIC)).toBe(true);
  });

  it('fails for a rule on another job', () => {
    const r = (expression: string): Rule => ({ alert: 'A', expression, severity: 2, annotations: {} });
    expect(reading([r(`${METRIC}{namespace="tripgen",job="trip-service-metrics",outcome="filtered"} > 0`)], 'filtered')).toEqual([]);
  });
});
