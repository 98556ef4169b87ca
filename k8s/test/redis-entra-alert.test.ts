/**
 * Entra out of reach for a pod's Redis token for long (a network_error from a blocked egress or a
 * wrong proxy) was a warning log line every 5 s and nothing else until the token expired and Redis
 * dropped the connections. The kit exports for how long the renewal has failed (catalog
 * REDIS_ENTRA_OUTAGE: failingMetric, apps/service-kit/src/redis-entra-renewal.test.ts drives it), and
 * a ticket must read it for every service's pods. Read from what the generators wrote: the rules
 * handed over to Azure Monitor (infra-bicep/prometheus-alerts.json), the remote write's keep list and
 * the metrics Services in gitops/prod.
 */
import { describe, expect, it } from 'vitest';
import { REDIS_ENTRA_OUTAGE, serviceList } from '@tripgen/catalog';
import { createMetrics } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { AZURE_SEVERITY } from '../src/observability/azure-alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { handedOverRules, type HandedOverRule } from './support/handed-over-rules.ts';
import { find } from './support/gitops.ts';

type Rule = HandedOverRule;
const prodRules = handedOverRules('prod');

const METRIC = REDIS_ENTRA_OUTAGE.failingMetric;

/** The labels Prometheus gives a service's pods' series (its metrics Service is the job). */
const target = (service: string) => {
  const s = find('prod', 'Service', `${service}-service-metrics`);
  return { namespace: s.metadata.namespace!, job: s.metadata.name };
};

const reading = (rules: readonly Rule[], labels: Record<string, string>): Rule[] =>
  rules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === METRIC && s.matchers.every((m) => matches(m, labels))));

describe("a pod's Redis Entra token failing for long raises a ticket", () => {
  it('every service exports the gauge, 0 when nothing fails', async () => {
    for (const s of serviceList()) expect(await createMetrics(s.name).registry.metrics()).toContain(`${METRIC}{service="${s.name}-service"} 0`);
  });

  it('the gauge reads what the token auth says, at each scrape', async () => {
    const m = createMetrics('user');
    let seconds = 0;
    m.readRedisEntraFailingFrom(() => seconds);
    seconds = 754;
    expect(await m.registry.metrics()).toContain(`${METRIC}{service="user-service"} 754`);
  });

  it('an Azure Monitor rule reads it for every service\'s pods: a ticket past the catalog\'s 2 minutes, linked to the runbook', () => {
    for (const s of serviceList()) {
      // Before: no rule read it (no such gauge).
      const rules = reading(prodRules, target(s.name));
      expect(rules.map((r) => r.alert)).toEqual(['TripGenRedisEntraTokenFailing']);
      const [rule] = rules;
      expect(rule!.severity).toBe(AZURE_SEVERITY.warning);
      expect(rule!.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#redis-connection$/);
      expect(REDIS_ENTRA_OUTAGE.alertAfterMs).toBe(120_000);
      expect(rule!.expression).toMatch(new RegExp(`\\) > ${REDIS_ENTRA_OUTAGE.alertAfterMs / 1000}\\)$`));
    }
  });

  it('the gauge reaches Azure: the remote write keeps it', () => {
    const stack = (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { valuesObject: { prometheus: { prometheusSpec: { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] } } } } } }).source.helm
      .valuesObject;
    expect(new RegExp(`^(?:${stack.prometheus.prometheusSpec.remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`).test(METRIC)).toBe(true);
  });
});
