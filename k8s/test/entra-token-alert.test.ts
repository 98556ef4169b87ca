/**
 * Entra out of reach for a pod's token for long (a network_error from a blocked egress or a wrong
 * proxy) was a warning log line (Redis) or nothing at all (PostgreSQL's background refresh, the
 * Service Bus SDK's renewal) until the token expired and the dependency cut the pod off. The kit
 * exports for how long each dependency's renewal has failed (catalog ENTRA_TOKEN_OUTAGE: failingMetric
 * with a `dependency` label; apps/service-kit/src/redis-entra-renewal.test.ts and
 * entra-token-watch.test.ts drive it), and a ticket must read it for every service's pods. Read from what the generators wrote: the rules
 * handed over to Azure Monitor (infra-bicep/prometheus-alerts.json), the remote write's keep list and
 * the metrics Services in gitops/prod.
 */
import { describe, expect, it } from 'vitest';
import { ENTRA_TOKEN_OUTAGE, serviceList, type EntraDependency } from '@tripgen/catalog';
import { createMetrics } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { AZURE_SEVERITY } from '../src/observability/azure-alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { handedOverRules, type HandedOverRule } from './support/handed-over-rules.ts';
import { find } from './support/gitops.ts';

type Rule = HandedOverRule;
const prodRules = handedOverRules('prod');

const METRIC = ENTRA_TOKEN_OUTAGE.failingMetric;

/**
 * What a dependency's ticket says it does once the token in hand expires, and how the ticket names
 * the dependency: written here, apart from the catalog's texts, so that a ticket naming another
 * dependency's impact (one description for all five, an `azureopenai` ticket saying "PostgreSQL
 * refuses its new connections") fails.
 */
const IMPACT: Record<EntraDependency, { name: string; impact: string }> = {
  postgresql: { name: 'PostgreSQL', impact: 'PostgreSQL refuses its new connections' },
  redis: { name: 'Redis', impact: 'Redis drops its connections' },
  servicebus: { name: 'Service Bus', impact: 'Service Bus closes its links' },
  eventhubs: { name: 'Event Hubs', impact: 'Event Hubs closes the trip service' },
  azureopenai: { name: 'Azure OpenAI', impact: 'Azure OpenAI refuses the AI service' },
};

/** The labels Prometheus gives a service's pods' series (its metrics Service is the job). */
const target = (service: string) => {
  const s = find('prod', 'Service', `${service}-service-metrics`);
  return { namespace: s.metadata.namespace!, job: s.metadata.name };
};

const reading = (rules: readonly Rule[], labels: Record<string, string>): Rule[] =>
  rules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === METRIC && s.matchers.every((m) => matches(m, labels))));

describe("a pod's Entra token failing for long raises a ticket, for each dependency signed in to with it", () => {
  it('every service exports the gauge for PostgreSQL, Redis, Service Bus, Event Hubs and Azure OpenAI, 0 when nothing fails', async () => {
    // Before: redis_entra_token_failing_seconds alone, nothing for PostgreSQL or Service Bus; then
    // nothing for Event Hubs (the trip service's events) or Azure OpenAI (the AI service's readings).
    expect(ENTRA_TOKEN_OUTAGE.dependencies).toEqual(['postgresql', 'redis', 'servicebus', 'eventhubs', 'azureopenai']);
    for (const s of serviceList()) {
      const text = await createMetrics(s.name).registry.metrics();
      for (const d of ENTRA_TOKEN_OUTAGE.dependencies) expect(text).toContain(`${METRIC}{dependency="${d}",service="${s.name}-service"} 0`);
    }
  });

  it('the gauge reads what each token watch says, at each scrape', async () => {
    const m = createMetrics('user');
    let seconds = 0;
    m.readEntraFailingFrom('postgresql', () => seconds);
    seconds = 754;
    const text = await m.registry.metrics();
    expect(text).toContain(`${METRIC}{dependency="postgresql",service="user-service"} 754`);
    expect(text).toContain(`${METRIC}{dependency="servicebus",service="user-service"} 0`);
  });

  it("an Azure Monitor rule of its own reads each dependency for every service's pods: a ticket past the catalog's 2 minutes, at the catalog's severity, linked to the runbook", () => {
    for (const s of serviceList()) {
      for (const dependency of ENTRA_TOKEN_OUTAGE.dependencies) {
        // Before: no rule read it (no such gauge).
        const rules = reading(prodRules, { ...target(s.name), dependency });
        expect(rules.map((r) => r.alert)).toEqual(['TripGenEntraTokenFailing']);
        const [rule] = rules;
        expect(rule!.severity).toBe(AZURE_SEVERITY[ENTRA_TOKEN_OUTAGE.impact[dependency].severity]);
        expect(rule!.annotations.runbook_url).toMatch(/\/docs\/runbooks\.md#entra-token$/);
        expect(rule!.expression).toMatch(/by \(job, pod, dependency\b/);
        expect(ENTRA_TOKEN_OUTAGE.alertAfterMs).toBe(120_000);
        expect(rule!.expression).toMatch(new RegExp(`\\) > ${ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000}\\)$`));
      }
    }
  });

  it("each dependency's ticket says what that dependency does at the token's expiry, and nothing of the others", () => {
    for (const dependency of ENTRA_TOKEN_OUTAGE.dependencies) {
      const [rule] = reading(prodRules, { ...target('trip'), dependency });
      const text = `${rule!.annotations.summary} ${rule!.annotations.description}`;
      // Before: one description for all five, listing every dependency's impact.
      expect(text, dependency).toContain(IMPACT[dependency].impact);
      for (const other of ENTRA_TOKEN_OUTAGE.dependencies.filter((d) => d !== dependency)) {
        expect(text, `${dependency}'s ticket names ${other}`).not.toContain(IMPACT[other].name);
      }
    }
  });

  it('the gauge reaches Azure: the remote write keeps it', () => {
    const stack = (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { valuesObject: { prometheus: { prometheusSpec: { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] } } } } } }).source.helm
      .valuesObject;
    expect(new RegExp(`^(?:${stack.prometheus.prometheusSpec.remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`).test(METRIC)).toBe(true);
  });
});
