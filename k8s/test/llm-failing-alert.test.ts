/**
 * Azure OpenAI out of reach for long (its own outage, or no Entra token for it: a network_error that
 * lasts, from a blocked egress or a wrong proxy) made every interest reading fall back to the keyword
 * table with a warning line per reading, for as long as it lasted, and no alert. A ticket must read
 * the share of the AI service's model calls that failed (llm_calls_total: error, timeout, throttled).
 * Read from the rules handed over to Azure Monitor (infra-bicep/prometheus-alerts.json).
 */
import { describe, expect, it } from 'vitest';
import { LLM_CALL_OUTCOMES } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { AZURE_SEVERITY } from '../src/observability/azure-alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { handedOverRules, type HandedOverRule } from './support/handed-over-rules.ts';
import { find } from './support/gitops.ts';

type Rule = HandedOverRule;
const prodRules = handedOverRules('prod');

const aiTarget = () => {
  const service = find('prod', 'Service', 'ai-service-metrics');
  return { namespace: service.metadata.namespace!, job: service.metadata.name };
};

/** The rules of `alert` whose selectors of llm_calls_total take the AI pods' series of `outcome`. */
const reading = (alert: string, outcome: string): Rule[] =>
  prodRules.filter((r) => r.alert === alert && parsePromql(r.expression).selectors.some((s) => s.metric === 'llm_calls_total' && s.matchers.every((m) => matches(m, { ...aiTarget(), outcome }))));

describe('interest readings Azure OpenAI gives no answer raise a ticket', () => {
  it('a rule reads the failed calls (error, timeout, throttled) against every call of the AI pods: a ticket held 15 minutes, linked to the runbook', () => {
    // Before: no such rule.
    for (const outcome of LLM_CALL_OUTCOMES) expect(reading('TripGenInterestModelFailing', outcome), outcome).toHaveLength(1);
    const [rule] = reading('TripGenInterestModelFailing', 'error');
    expect(rule!.severity).toBe(AZURE_SEVERITY.warning);
    expect(rule!.for).toBe('PT15M');
    expect(rule!.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#interest-model-failing$/);
    // The numerator: the failures alone (its first selector), not the answered calls.
    const numerator = parsePromql(rule!.expression).selectors[0]!;
    const takes = (outcome: string) => numerator.matchers.every((m) => matches(m, { ...aiTarget(), outcome }));
    expect(LLM_CALL_OUTCOMES.filter(takes)).toEqual(['error', 'timeout', 'throttled']);
    expect(rule!.expression).toMatch(/\) > 0\.5\) and \(/);
    expect(rule!.expression).toMatch(/\) >= 10\)\)$/);
  });
});
