/**
 * SLOs as code: every catalog service has an availability and a latency SLO per environment
 * (seed §10.1.1: 95% dev, 99.9% prod; §12.1.2: 200 ms, AI 5 s), recorded per window and alerted
 * on with the SRE workbook's multi-window, multi-burn-rate pairs. The rules are read from what
 * `npm run synth` wrote (prod) and from the generator (dev, which has no Prometheus to load them
 * yet), and must pass the PrometheusRule schema, Prometheus's own rule-file checks and its PromQL
 * grammar. Each guard is shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { SERVICES, serviceList } from '@tripgen/catalog';
import { createMetrics } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { metricsServiceName } from '../src/constructs/service-monitoring.ts';
import {
  AVAILABILITY_OBJECTIVE,
  BURN_RATE_ALERTS,
  LATENCY_OBJECTIVE,
  SLO_RECORDING_INTERVAL,
  SLO_SCRAPED_RECORD,
  SLO_WINDOWS,
  sliRecord,
  sloAlertName,
  sloRuleGroups,
} from '../src/observability/slo-rules.ts';
import type { K8sObject } from './policy/objects.ts';
import { parsePromql, promqlProblems } from './policy/promql.ts';
import { ruleFileProblems, ruleGroupsOf, type RuleEntry } from './policy/prometheus-rules.ts';
import { find } from './support/gitops.ts';
import { evaluatedAlerts, withEvaluatedAlerts } from './support/evaluated-alerts.ts';
import { storedBound } from './support/prometheus-ingest.ts';

/**
 * prod's SLO rules as they run: the recording rules rendered into gitops/, the burn-rate alerts
 * evaluated by Azure Monitor on the recorded series (the hand-over), as one rule file.
 */
const recordedInCluster = find('prod', 'PrometheusRule', 'tripgen-slos');
const rendered: K8sObject = {
  ...structuredClone(recordedInCluster),
  spec: { groups: [...ruleGroupsOf(recordedInCluster), ...evaluatedAlerts('prod').flatMap(ruleGroupsOf).filter((g) => g.name === 'tripgen.slo-alerts')] },
};
/** dev's rules as they would render once dev has a Prometheus (the profile's monitoring section). */
const devRule: K8sObject = { ...structuredClone(rendered), metadata: { ...rendered.metadata }, spec: { groups: sloRuleGroups('tripgen', 'dev') } };
const rulesOf = (o: K8sObject): RuleEntry[] => ruleGroupsOf(o).flatMap((g) => [...(g.rules ?? [])]);
const alert = (o: K8sObject, name: string) => rulesOf(o).find((r) => r.alert === name)!;

const schemaErrors = (o: K8sObject): string[] => {
  try {
    new PrometheusRule(o as ConstructorParameters<typeof PrometheusRule>[0]).validate();
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
};

describe('SLO rules: valid for the operator, for Prometheus and for its PromQL grammar', () => {
  it('validate against the PrometheusRule schema (prometheus-operator CRD model), dev and prod', () => {
    expect(schemaErrors(rendered)).toEqual([]);
    expect(schemaErrors(devRule)).toEqual([]);
  });

  it('pass the rule-file checks Prometheus loads them with, and every expression parses', () => {
    expect(ruleFileProblems([...withEvaluatedAlerts('prod'), devRule])).toEqual([]);
    // The cluster records only: no alert is evaluated twice.
    expect(rulesOf(recordedInCluster).filter((r) => r.alert)).toEqual([]);
    for (const r of [...rulesOf(rendered), ...rulesOf(devRule)]) expect(parsePromql(r.expr!).errors).toEqual([]);
  });

  it('fail on a wrong type, a bad record name, a bad duration, a repeated group and a syntax error', () => {
    const broken = structuredClone(rendered);
    const groups = (broken.spec as { groups: { name: string; rules: Record<string, unknown>[] }[] }).groups;
    groups[0]!.rules[0]!.record = 'job:slo errors:ratio_rate5m';
    groups[1]!.rules[0]!.for = '2 minutes';
    groups[1]!.rules[1]!.expr = 'job:slo_errors:ratio_rate3d > (0.001';
    groups.push({ ...groups[1]!, rules: [groups[1]!.rules[2]!] });
    expect(ruleFileProblems([broken])).toEqual([
      'PrometheusRule/tripgen-slos tripgen.slo-recording/job:slo errors:ratio_rate5m: record is not a valid metric name',
      'PrometheusRule/tripgen-slos tripgen.slo-alerts/TripGenAvailabilityBudgetBurnFast: for 2 minutes is not a duration',
      expect.stringMatching(/^PrometheusRule\/tripgen-slos tripgen.slo-alerts\/TripGenAvailabilityBudgetBurnSlow: syntax error/),
      'PrometheusRule/tripgen-slos: group tripgen.slo-alerts repeated (rulefmt: groupname must be unique)',
    ]);
    (groups[1]!.rules[0] as { labels: unknown }).labels = { severity: 2 };
    expect(schemaErrors(broken).join('\n')).toMatch(/severity/);
  });
});

describe('SLO rules: what they measure', () => {
  it('alert only on series a recording rule produces, by labels it keeps', () => {
    const kit = new Map([
      ['http_request_duration_seconds_count', null],
      ['http_request_duration_seconds_bucket', null],
      // Prometheus's own series of each scrape, with the target's labels (promql-delivery.test.ts TARGET_LABELS).
      ['up', new Set(['namespace', 'job', 'service', 'pod', 'container', 'endpoint', 'instance'])],
    ]);
    expect(promqlProblems([rendered], kit)).toEqual([]);
    const broken = structuredClone(rendered);
    const alerts = (broken.spec as { groups: { rules: { expr: string }[] }[] }).groups[1]!.rules;
    alerts[0]!.expr = alerts[0]!.expr.replace('ratio_rate1h >', 'ratio_rate2h >');
    alerts[1]!.expr = 'job:slo_errors:ratio_rate3d{route="/x"} > 0.001';
    expect(promqlProblems([broken], kit)).toEqual([
      'PrometheusRule/tripgen-slos TripGenAvailabilityBudgetBurnFast: metric job:slo_errors:ratio_rate2h is not exported by anything we scrape',
      'PrometheusRule/tripgen-slos TripGenAvailabilityBudgetBurnSlow: job:slo_errors:ratio_rate3d has no label route',
    ]);
  });

  it('record both SLIs for every catalog service over every window the alerts read', () => {
    for (const o of [rendered, devRule]) {
      const recorded = rulesOf(o).filter((r) => r.record);
      for (const s of serviceList()) {
        const job = `job="${metricsServiceName(s)}"`;
        for (const w of SLO_WINDOWS) {
          for (const sli of ['availability', 'latency'] as const) {
            expect(recorded.filter((r) => r.record === sliRecord(sli, w) && r.expr!.includes(job) && r.expr!.includes(`[${w}]`)), `${s.name} ${sli} ${w}`).toHaveLength(1);
          }
        }
      }
      // And, per service, the minutes the replica scraped it (the alerts' coverage).
      for (const s of serviceList()) expect(recorded.filter((r) => r.record === SLO_SCRAPED_RECORD && r.expr!.includes(`job="${metricsServiceName(s)}"`)), s.name).toHaveLength(1);
      // And its request rate over each long window (the failed requests the alerts count).
      for (const s of serviceList()) {
        for (const w of ['1h', '6h', '3d']) {
          expect(recorded.filter((r) => r.record === `job:slo_requests:rate${w}` && r.expr!.includes(`job="${metricsServiceName(s)}"`) && r.expr!.includes(`[${w}]`)), `${s.name} ${w}`).toHaveLength(1);
        }
      }
      expect(recorded).toHaveLength(serviceList().length * (SLO_WINDOWS.length * 2 + 1 + 3));
    }
  });

  it('hold each service to its latency budget at a bucket bound the kit exports (200 ms, the AI service 5 s)', async () => {
    const m = createMetrics('probe');
    m.httpDuration.observe({ method: 'GET', route: '/x', status_code: '200' }, 1);
    const bounds = new Set([...(await m.registry.metrics()).matchAll(/http_request_duration_seconds_bucket\{[^}]*le="([^"]+)"/g)].map((x) => storedBound(x[1]!)));
    const latency = rulesOf(rendered).filter((r) => r.record?.startsWith('job:slo_slow_requests'));
    const budgetOf = (job: string) => new Set(latency.filter((r) => r.expr!.includes(`job="${job}"`)).map((r) => /le="([^"]+)"/.exec(r.expr!)![1]));
    expect(budgetOf(metricsServiceName(SERVICES.ai))).toEqual(new Set(['5.0']));
    for (const s of serviceList().filter((x) => x.name !== 'ai')) expect(budgetOf(metricsServiceName(s))).toEqual(new Set(['0.2']));
    expect(latency.map((r) => /le="([^"]+)"/.exec(r.expr!)![1]!).filter((le) => !bounds.has(le))).toEqual([]);
  });

  it('alert at the workbook burn rates on the environment\'s objective: 99.9% prod, 95% dev; latency 95%', () => {
    expect(AVAILABILITY_OBJECTIVE).toEqual({ dev: 0.95, prod: 0.999 });
    expect(LATENCY_OBJECTIVE).toBe(0.95);
    // 14.4x and 6x of the budget page, 1x opens a ticket: budget 0.1% in prod, 5% in dev.
    // Each long window's threshold over the share of it the replica holds (sloCoverage: the minutes
    // it scraped the job, one sample a minute, out of the window's); promtool's slo-alerts.test.yaml
    // and slo-replica-gap.test.yaml run them. The latency ratios' budget label is not the coverage's.
    // Then the failed requests the long window holds, against the 3-day request rate over the share
    // of the 3 days held (budgetShareThreshold; promtool's slo-low-traffic.test.yaml).
    const held = (window: string, samples: number) => `clamp_max(count_over_time(job:slo_scraped:up[${window}]) / ${samples}, 1)`;
    const spent = (t: string, w: string) => `${t} * job:slo_requests:rate3d / ${held('3d', 4320)} / job:slo_requests:rate${w}`;
    const long = (ratio: string, t: string, w: string, samples: number, m = '') => `((${ratio}${w} >${m} ${t} / ${held(w, samples)}) >${m} ${spent(t, w)}`;
    expect(alert(rendered, 'TripGenAvailabilityBudgetBurnFast').expr).toBe(
      `${long('job:slo_errors:ratio_rate', '0.0144', '1h', 60)} and job:slo_errors:ratio_rate5m > 0.0144) or ${long('job:slo_errors:ratio_rate', '0.006', '6h', 360)} and job:slo_errors:ratio_rate30m > 0.006)`,
    );
    expect(alert(rendered, 'TripGenAvailabilityBudgetBurnSlow').expr).toBe(`${long('job:slo_errors:ratio_rate', '0.001', '3d', 4320)} and job:slo_errors:ratio_rate6h > 0.001)`);
    expect(alert(devRule, 'TripGenAvailabilityBudgetBurnFast').expr).toBe(
      `${long('job:slo_errors:ratio_rate', '0.72', '1h', 60)} and job:slo_errors:ratio_rate5m > 0.72) or ${long('job:slo_errors:ratio_rate', '0.3', '6h', 360)} and job:slo_errors:ratio_rate30m > 0.3)`,
    );
    expect(alert(rendered, 'TripGenLatencyBudgetBurnSlow').expr).toBe(
      `${long('job:slo_slow_requests:ratio_rate', '0.05', '3d', 4320, ' ignoring (slo_latency_budget_ms) group_left')} and job:slo_slow_requests:ratio_rate6h > 0.05)`,
    );
    // The samples counted are the cluster's, one per SLO_RECORDING_INTERVAL: the group says so.
    expect(ruleGroupsOf(recordedInCluster).find((g) => g.name === 'tripgen.slo-recording')?.interval).toBe(SLO_RECORDING_INTERVAL);
    // Every short window is 1/12 of its long one (the workbook's reset-time rule).
    const secs = (d: string) => Number(d.slice(0, -1)) * { m: 60, h: 3600, d: 86400 }[d.slice(-1) as 'm' | 'h' | 'd'];
    for (const w of BURN_RATE_ALERTS.flatMap((a) => a.windows)) expect(secs(w.long) / secs(w.short)).toBe(12);
  });

  it('page on fast burn, ticket on slow burn, with a runbook link', () => {
    for (const sli of ['availability', 'latency'] as const) {
      expect(alert(rendered, sloAlertName(sli, 'fast')).labels?.severity).toBe('critical');
      expect(alert(rendered, sloAlertName(sli, 'slow')).labels?.severity).toBe('warning');
      for (const speed of ['fast', 'slow'] as const) expect(alert(rendered, sloAlertName(sli, speed)).annotations?.runbook_url).toMatch(new RegExp(`docs/runbooks\\.md#slo-${sli}-burn$`));
    }
  });
});
