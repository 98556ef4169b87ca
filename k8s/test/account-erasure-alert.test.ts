/**
 * The owners of trips user_db does not know (neither an account nor a deletion record: a user_db
 * restored to an earlier point, a wrong DATABASE_URL) raise a ticket, not only a log line nobody
 * reads: the trip service's sweep counts them in the kit's gauge (catalog ACCOUNT_ERASURE:
 * unknownOwnersMetric; apps/trip-service/test/account-erasure.test.ts reads it from a real sweep),
 * and an Azure Monitor rule reads it. Read from what the generators wrote: the rules handed over to
 * Azure Monitor (infra-bicep/prometheus-alerts.json), the remote write's keep list and the metrics
 * Service the trip pods are scraped through, in gitops/prod.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ERASURE } from '@tripgen/catalog';
import { AZURE_SEVERITY } from '../src/observability/azure-alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { handedOverRules, type HandedOverRule } from './support/handed-over-rules.ts';
import { find } from './support/gitops.ts';

type Rule = HandedOverRule;
const prodRules = handedOverRules('prod');

const METRIC = ACCOUNT_ERASURE.unknownOwnersMetric;

/** The rules reading the gauge of these target labels (every matcher of the selector holds). */
const reading = (rules: readonly Rule[], labels: Record<string, string>): Rule[] =>
  rules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === METRIC && s.matchers.every((m) => matches(m, labels))));

/** The labels Prometheus gives the trip pods' series: the metrics Service they are scraped through (its name is the job). */
const tripTarget = () => {
  const service = find('prod', 'Service', 'trip-service-metrics');
  const selector = (service.spec as { selector: Record<string, string> }).selector;
  expect(selector['app.kubernetes.io/name']).toBe(`${ACCOUNT_ERASURE.service}-service`);
  return { namespace: service.metadata.namespace!, job: service.metadata.name };
};

describe('owners of trips user_db does not know raise a ticket', () => {
  it('an Azure Monitor rule reads the gauge of the trip pods, a ticket after an hour, linked to the runbook', () => {
    const rules = reading(prodRules, tripTarget());
    // Before: no rule read it (the count was a warning log line per sweep).
    expect(rules.map((r) => r.alert)).toEqual(['TripGenTripOwnersUnknown']);
    const [rule] = rules;
    expect(rule!.severity).toBe(AZURE_SEVERITY.warning);
    expect(rule!.for).toBe('PT1H');
    expect(rule!.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#account-erasure$/);
    // Holds on any count above zero (the largest of any pod, then of either Prometheus replica's copy).
    expect(rule!.expression).toMatch(/^max without \(\w+\) \(max by \(job, \w+\) \(max_over_time\(.*\)\) > 0\)$/);
  });

  it('the gauge reaches Azure: the remote write keeps it', () => {
    const stack = (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { valuesObject: { prometheus: { prometheusSpec: { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] } } } } } }).source.helm
      .valuesObject;
    const keep = new RegExp(`^(?:${stack.prometheus.prometheusSpec.remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`);
    expect(keep.test(METRIC)).toBe(true);
  });

  it('sweeps that keep failing raise a ticket: a rule reads when the trip pods last completed one, its threshold the catalog\'s sweep periods', () => {
    const rules = prodRules.filter((r) =>
      parsePromql(r.expression).selectors.some((s) => s.metric === ACCOUNT_ERASURE.lastSuccessMetric && s.matchers.every((m) => matches(m, tripTarget()))),
    );
    // Before: none (a failing sweep logged a warning per sweep, and the unknown-owners gauge kept its last value).
    expect(rules.map((r) => r.alert)).toEqual(['TripGenAccountErasureStalled']);
    const [rule] = rules;
    const stalled = (ACCOUNT_ERASURE.stalledAfterSweeps * ACCOUNT_ERASURE.sweepEveryMs) / 1000;
    expect(stalled).toBe(1800);
    expect(rule!.severity).toBe(AZURE_SEVERITY.warning);
    expect(rule!.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#account-erasure$/);
    // The newest completion of any pod over the threshold's window (a replaced pod's counts until it leaves the window), against now.
    expect(rule!.expression).toContain(`time() - max by (job, `);
    expect(rule!.expression).toContain(`${ACCOUNT_ERASURE.lastSuccessMetric}{namespace="${tripTarget().namespace}",job="${tripTarget().job}"}[${stalled / 60}m]`);
    // Past the threshold, unless another Prometheus replica sees a sweep within it (promtool: k8s/test/promtool/prod/sweep-llm-alerts.test.yaml).
    expect(rule!.expression).toMatch(new RegExp(`\\) > ${stalled} unless ignoring \\(\\w+\\) .*\\) <= ${stalled}\\)$`));
  });

  it('the last-success gauge reaches Azure: the remote write keeps it', () => {
    const stack = (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { valuesObject: { prometheus: { prometheusSpec: { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] } } } } } }).source.helm
      .valuesObject;
    expect(new RegExp(`^(?:${stack.prometheus.prometheusSpec.remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`).test(ACCOUNT_ERASURE.lastSuccessMetric)).toBe(true);
  });

  it('fails for a rule on another job or namespace', () => {
    const r = (expression: string): Rule => ({ alert: 'A', expression, severity: 2, annotations: {} });
    expect(reading([r(`${METRIC}{namespace="tripgen",job="user-service-metrics"} > 0`)], tripTarget())).toEqual([]);
    expect(reading([r(`${METRIC}{namespace="monitoring"} > 0`)], tripTarget())).toEqual([]);
  });
});
