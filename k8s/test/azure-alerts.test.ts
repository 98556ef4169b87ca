/**
 * Every alert reaches the on-call through Azure Monitor: the alerting rules of k8s/src/observability
 * are handed over to Bicep (infra-bicep/prometheus-alerts.json), deployed as Azure Monitor managed
 * service for Prometheus rule groups that notify the action group (Microsoft Learn, "Azure Monitor
 * managed service for Prometheus rule groups"), and evaluated on what the in-cluster Prometheus
 * remote-writes with its workload identity (Microsoft Learn, "Send Prometheus data to Azure Monitor
 * using remote write with Microsoft Entra Workload ID"). Read from what the generators wrote: the
 * hand-over, the Bicep snapshots, gitops/ and the Bicep outputs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RemoteWriteSpec } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/RemoteWriteSpec';
import { loadAzureOutputs } from '../src/config/azure-outputs.ts';
import { parser } from '@prometheus-io/lezer-promql';
import { AZURE_ALERTS_JSON_PATH, AZURE_SEVERITY, REPLICA_LABEL, acrossReplicas, alertingGroups, asWritten, azureRule, isoDuration, perReplica, renderAzureAlertsJson } from '../src/observability/azure-alerts.ts';
import { loadProfiles } from '../src/config/profile.ts';
import { REPO_ROOT, repoPath } from '../src/lib/paths.ts';
import { matches, parsePromql } from './policy/promql.ts';
import { alertingRules } from './policy/prometheus-rules.ts';
import { find, objectsOf } from './support/gitops.ts';
import { CHART_RULES_VERSION, CHART_RULE_TEMPLATES, chartRules } from './support/chart-rules.ts';
import { ADDON_CHARTS } from '../src/config/addons.ts';
import { promqlOf } from './policy/promql.ts';
import { serviceList } from '@tripgen/catalog';
import { metricsServiceName } from '../src/constructs/service-monitoring.ts';
import { ANY_REPLICA, EXPORTER_JOBS, PROMETHEUS_JOB, anyReplica, overAnyReplica } from '../src/observability/scrape-jobs.ts';

interface HandoverRule {
  rule: { alert: string; expression: string; for?: string; severity: number; labels: Record<string, string>; annotations: Record<string, string> };
  runbook: string;
}
interface Handover {
  environments: Record<string, { prometheusServiceAccount: { namespace: string; name: string }; clusterPlaceholder: string; groups: { name: string; rules: HandoverRule[] }[] }>;
}
interface SnapshotResource {
  type: string;
  name: string;
  properties?: Record<string, unknown>;
}

const handover = JSON.parse(readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8')) as Handover;
const snapshot = (file: string) =>
  (JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', `${file}.snapshot.json`), 'utf8')) as { predictedResources: SnapshotResource[] }).predictedResources;
const ofType = (resources: SnapshotResource[], type: string) => resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());

type Values = { prometheus: { serviceAccount: { name: string; annotations: Record<string, string> }; prometheusSpec: Record<string, unknown> } } & Record<string, unknown>;
const stackSource = () => (find('prod', 'Application', 'tripgen-prod-platform-kube-prometheus-stack').spec as { source: { helm: { releaseName: string; valuesObject: Values } } }).source.helm;
const prometheusValues = (): Values => stackSource().valuesObject;

/** Chart recording rules a query reads that these chart rule files do not record (the series would never exist). */
export function unrecordedChartSeries(queries: readonly { where: string; query: string }[], files: ReturnType<typeof chartRules>): string[] {
  const chartRecords = new Set(CHART_RULE_TEMPLATES.flatMap((t) => t.records));
  const recorded = new Set(files.filter((f) => f.selected).flatMap((f) => f.records));
  return queries.flatMap(({ where, query }) =>
    parsePromql(query)
      .selectors.filter((s) => chartRecords.has(s.metric) && !recorded.has(s.metric))
      .map((s) => `${where}: ${s.metric} is a recording rule of the chart that is not evaluated`),
  );
}

/**
 * Metric names an alert expression selects (Prometheus's own grammar) that the remote write's keep
 * regex drops: Prometheus anchors a relabel regex at both ends.
 */
export function unkeptSeries(rules: readonly { alert: string; expression: string }[], keep: string): string[] {
  const kept = new RegExp(`^(?:${keep})$`);
  return rules.flatMap((r) => {
    const { errors, selectors } = parsePromql(r.expression);
    return [...errors.map((e) => `${r.alert}: ${e}`), ...selectors.filter((s) => !kept.test(s.metric)).map((s) => `${r.alert}: ${s.metric} is not remote-written`)];
  });
}

/**
 * Aggregations below an Azure rule's outer `max without (prometheus_replica)` that drop the replica
 * label (Prometheus's grammar): each adds up what both replicas wrote of one series.
 */
export function replicaDroppingAggregations(rules: readonly { alert: string; expression: string }[]): string[] {
  return rules.flatMap((r) => {
    const found: string[] = [];
    const cursor = parser.parse(r.expression).cursor();
    let outer = true;
    do {
      if (cursor.name !== 'AggregateExpr') continue;
      const node = cursor.node;
      const text = r.expression.slice(node.from, node.to);
      const modifier = node.getChild('AggregateModifier');
      const labels = (modifier?.getChild('GroupingLabels')?.getChildren('LabelName') ?? []).map((l) => r.expression.slice(l.from, l.to));
      const without = modifier?.getChild('Without') != null;
      if (outer) outer = false;
      // anyReplica's maximum drops the replica on purpose, and adds up nothing.
      else if (text.startsWith(`${ANY_REPLICA} (`)) continue;
      else if (without ? labels.includes(REPLICA_LABEL) : !labels.includes(REPLICA_LABEL)) found.push(`${r.alert}: ${text} drops ${REPLICA_LABEL}`);
    } while (cursor.next());
    return found;
  });
}

describe('the alerting rules reach the on-call through Azure Monitor', () => {
  const prodRules = handover.environments.prod!.groups.flatMap((g) => g.rules);

  it('hand over exactly what k8s/src/observability defines (else: npm run bicep:snapshot), for the environments that run Prometheus', () => {
    expect(readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8')).toBe(renderAzureAlertsJson(loadProfiles()));
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bicep-prometheus-alerts.ts', '--check'], { cwd: REPO_ROOT, stdio: 'pipe' })).not.toThrow();
    // dev runs no Prometheus (profile monitoring: null): nothing to evaluate there.
    expect(Object.keys(handover.environments)).toEqual(['prod']);
    const inCluster = alertingGroups(loadProfiles().find((p) => p.name === 'prod')!).flatMap((g) => g.rules);
    const names = inCluster.map((r) => r.alert);
    expect(prodRules.map((r) => r.rule.alert)).toEqual(names);
    // Each expression as written, taken at its maximum over the replicas that all remote-write it.
    expect(prodRules.map((r) => r.rule.expression)).toEqual(inCluster.map((r) => `max without (prometheus_replica) (${perReplica(r.expr)})`));
    expect((prometheusValues().prometheus.prometheusSpec as { replicaExternalLabelName: string }).replicaExternalLabelName).toBe(REPLICA_LABEL);
    expect(names).toEqual(expect.arrayContaining(['TripGenPodRestartsHigh', 'TripGenAvailabilityBudgetBurnFast', 'TripGenDatabaseUnreachable', 'TripGenSchedulesNotTaken']));
  });

  it('evaluate each rule per replica before the maximum: no inner aggregation adds up both replicas\' copies of a series', () => {
    // Both replicas remote-write every kept series; an inner `sum by (job, queue)` that drops the
    // replica label counts each dead-lettered delivery twice ({{ $value }}, any threshold but 0).
    expect(replicaDroppingAggregations(prodRules.map((r) => ({ alert: r.rule.alert, expression: r.rule.expression })))).toEqual([]);
    expect(replicaDroppingAggregations([{ alert: 'A', expression: acrossReplicas('sum by (job) (increase(x[15m])) > 0 unless sum(y)') }])).toEqual([]);
    expect(replicaDroppingAggregations([{ alert: 'B', expression: 'max without (prometheus_replica) (sum by (job) (increase(x[15m])) > 0)' }])).toEqual(['B: sum by (job) (increase(x[15m])) drops prometheus_replica']);
    expect(() => perReplica('sum(rate(x[5m])) by (job)')).toThrow(/before/);
    // A side read from another job, taken from any replica: its maximum kept, a sum across replicas still found.
    expect(replicaDroppingAggregations([{ alert: 'C', expression: acrossReplicas(overAnyReplica('sum by (pod) (a)', 'sum by (pod) (b)')) }])).toEqual([]);
    const summedAcross = `${ANY_REPLICA} (sum by (pod, ${REPLICA_LABEL}) (a) / ignoring (${REPLICA_LABEL}) group_left () sum without (${REPLICA_LABEL}) (sum by (pod, ${REPLICA_LABEL}) (b)))`;
    expect(replicaDroppingAggregations([{ alert: 'D', expression: summedAcross }])).toEqual([
      `D: sum without (${REPLICA_LABEL}) (sum by (pod, ${REPLICA_LABEL}) (b)) drops ${REPLICA_LABEL}`,
    ]);
  });

  it('rewrites each aggregation form per replica and back, and refuses the forms it cannot rewrite', () => {
    const written = 'sum(rate(a[5m])) / sum by (job) (rate(b[5m])) > 0 or topk(3, c)';
    const azure = perReplica(written);
    expect(azure).toBe(`sum by (${REPLICA_LABEL})(rate(a[5m])) / sum by (job, ${REPLICA_LABEL}) (rate(b[5m])) > 0 or topk by (${REPLICA_LABEL})(3, c)`);
    expect(asWritten(azure)).toBe(written);
    expect(perReplica('count by () (a)')).toBe(`count by (${REPLICA_LABEL}) (a)`);
    expect(() => perReplica('sum(rate(a[5m])) by (job)')).toThrow(/after its argument/);
    expect(() => perReplica(`sum without (${REPLICA_LABEL}) (a)`)).toThrow(/drops prometheus_replica/);
    expect(perReplica(anyReplica('sum(a)'))).toBe(`${ANY_REPLICA} (sum by (${REPLICA_LABEL})(a))`);
  });

  it('writes `for` in ISO 8601 (none for zero) and refuses a rule Azure could not notify with', () => {
    expect(['10m', '30s', '1h', '3d', '0m'].map(isoDuration)).toEqual(['PT10M', 'PT30S', 'PT1H', 'P3D', undefined]);
    expect(() => isoDuration('1h30m')).toThrow(/unsupported duration/);
    const rule = { alert: 'A', expr: 'up == 0', for: '0m', labels: { severity: 'critical' }, annotations: { runbook_url: 'https://x/docs/runbooks.md#a' } };
    expect(azureRule(rule).rule).not.toHaveProperty('for');
    expect(() => azureRule({ ...rule, labels: { severity: 'info' } })).toThrow(/severity info has no Azure Monitor severity/);
    expect(() => azureRule({ ...rule, labels: {} })).toThrow(/severity undefined/);
    expect(() => azureRule({ ...rule, annotations: {} })).toThrow(/no runbook_url/);
  });

  it('map each severity and carry its labels, annotations and runbook', () => {
    for (const { rule, runbook } of prodRules) {
      expect(rule.severity, rule.alert).toBe(AZURE_SEVERITY[rule.labels.severity!]);
      expect(runbook, rule.alert).toBe(rule.annotations.runbook_url);
      expect(Object.keys(rule.annotations).sort(), rule.alert).toEqual(['description', 'runbook_url', 'summary']);
    }
  });

  describe.each(['prod', 'prod-lean'])('Bicep snapshot %s', (file) => {
    const resources = snapshot(file);
    const groups = ofType(resources, 'Microsoft.AlertsManagement/prometheusRuleGroups');
    const actionGroup = ofType(resources, 'Microsoft.Insights/actionGroups')[0]!;
    const workspace = ofType(resources, 'Microsoft.Monitor/accounts');
    const cluster = ofType(resources, 'Microsoft.ContainerService/managedClusters')[0]!;

    it('deploys a rule group per hand-over group with every alert, the action group attached with its runbook', () => {
      expect(workspace.map((w) => w.name)).toEqual(['amw-tripgen-prod']);
      expect(groups.map((g) => (g.properties as { description: string }).description.split(': ')[1]!.split(' ')[0])).toEqual(handover.environments.prod!.groups.map((g) => g.name));
      const deployed = groups.flatMap((g) => (g.properties as { rules: { alert: string; expression: string; severity: number; actions: { actionGroupId: string; actionProperties: Record<string, string> }[] }[] }).rules);
      expect(deployed.map((r) => r.alert)).toEqual(prodRules.map((r) => r.rule.alert));
      for (const [i, r] of deployed.entries()) {
        const handed = prodRules[i]!;
        // The cluster's name in place of the hand-over's placeholder (Bicep's: the cluster is named there).
        expect(r.expression).toBe(handed.rule.expression.replaceAll(handover.environments.prod!.clusterPlaceholder, cluster.name));
        expect(r.severity).toBe(handed.rule.severity);
        expect(r.actions).toHaveLength(1);
        expect(r.actions[0]!.actionGroupId).toContain(`/providers/Microsoft.Insights/actionGroups/${actionGroup.name}`);
        expect(r.actions[0]!.actionProperties).toEqual({ runbook: handed.runbook });
      }
    });

    it('scopes each rule group to the workspace and the cluster, and names the cluster (the `cluster` label Prometheus writes)', () => {
      const external = (prometheusValues().prometheus.prometheusSpec as { externalLabels: Record<string, string> }).externalLabels;
      for (const g of groups) {
        const p = g.properties as { scopes: string[]; clusterName: string };
        expect(p.scopes).toHaveLength(2);
        expect(p.scopes[0]).toContain('/providers/Microsoft.Monitor/accounts/amw-tripgen-prod');
        expect(p.scopes[1]).toContain(`/providers/Microsoft.ContainerService/managedClusters/${cluster.name}`);
        expect(p.clusterName).toBe(cluster.name);
        expect(external.cluster).toBe(p.clusterName);
      }
    });

    it('names the cluster in an absent() selector, so that its result carries the `cluster` label the rule group is scoped by', () => {
      // Microsoft Learn, "Azure Monitor managed service for Prometheus rule groups"
      // (learn.microsoft.com/azure/azure-monitor/metrics/prometheus-rule-groups, "Limit rules to a
      // specific cluster"): clusterName limits the rules "to query data originating from a single specific
      // cluster" and "must match the `cluster` label"; it does not say whether that label is added to each
      // selector or the results are filtered by it. absent() returns only its selector's equality labels,
      // so a filter on `cluster` would drop its result and the alert would never fire: the selector names it.
      const deployed = groups.flatMap((g) => (g.properties as { clusterName: string; rules: { alert: string; expression: string }[] }).rules.map((r) => ({ ...r, clusterName: (g.properties as { clusterName: string }).clusterName })));
      const absent = deployed.filter((r) => /\babsent(?:_over_time)?\(/.test(r.expression));
      expect(absent.map((r) => r.alert)).toEqual(['TripGenAlertSeriesMissing']);
      for (const r of absent) {
        for (const s of parsePromql(r.expression).selectors) expect(s.matchers, r.alert).toContainEqual({ name: 'cluster', op: '=', value: r.clusterName });
      }
      // The hand-over leaves the name to Bicep (the cluster is Bicep's): nothing of the placeholder is deployed.
      expect(deployed.filter((r) => r.expression.includes(handover.environments.prod!.clusterPlaceholder))).toEqual([]);
      expect(handover.environments.prod!.groups.flatMap((g) => g.rules).filter((r) => r.rule.expression.includes(handover.environments.prod!.clusterPlaceholder)).map((r) => r.rule.alert)).toEqual(['TripGenAlertSeriesMissing']);
    });

    it('federates the remote-write identity with the service account Prometheus runs as, and lets it publish to the workspace\'s rule', () => {
      const { namespace, name } = handover.environments.prod!.prometheusServiceAccount;
      expect(prometheusValues().prometheus.serviceAccount.name).toBe(name);
      const federation = ofType(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials').filter((f) => f.name.startsWith('id-tripgen-prometheus-prod/'));
      expect(federation.map((f) => (f.properties as { subject: string }).subject)).toEqual([`system:serviceaccount:${namespace}:${name}`]);
      // Monitoring Metrics Publisher on the rule the workspace created (known only at deployment: an expression here).
      const publisher = ofType(resources, 'Microsoft.Authorization/roleAssignments').filter(
        (a) => JSON.stringify(a.properties).includes('3913510d-42f4-4e42-8a64-420c390055eb') && a.name.includes('amw-tripgen-prod') && a.name.includes('dataCollectionRuleResourceId'),
      );
      expect(publisher).toHaveLength(1);
    });
  });

  it('leaves no alert to the cluster: its PrometheusRules record only (no alert evaluated twice), and no Alertmanager runs', () => {
    for (const env of ['dev', 'prod']) expect(alertingRules(objectsOf(env)).map((r) => r.where), env).toEqual([]);
    expect(objectsOf('prod').filter((o) => o.kind === 'PrometheusRule').map((o) => o.metadata.name)).toEqual(['tripgen-slos']);
    expect(prometheusValues().alertmanager).toEqual({ enabled: false });
  });

  it('leaves none of the chart\'s default rules alerting in the cluster (with no Alertmanager, nobody receives them), and drops its recording rules, which nothing reads', () => {
    const { releaseName, valuesObject } = stackSource();
    // The transcription is of the chart version Argo CD installs.
    expect(ADDON_CHARTS.kubePrometheusStack.version).toBe(CHART_RULES_VERSION);
    const rendered = chartRules(valuesObject, releaseName);
    expect(rendered.filter((f) => f.selected && f.alerts.length > 0).map((f) => `${f.file}: ${f.alerts.join(', ')}`)).toEqual([]);
    // Grafana is off (no dashboard ConfigMaps: templates/grafana/dashboards-1.14 need grafana.enabled or
    // forceDeployDashboards), so the only readers of the chart's records would be our own queries.
    expect(valuesObject.grafana).toEqual({ enabled: false });
    const queries = [...promqlOf(objectsOf('prod')), ...handover.environments.prod!.groups.flatMap((g) => g.rules.map((r) => ({ where: r.rule.alert, query: r.rule.expression })))];
    expect(unrecordedChartSeries(queries, rendered)).toEqual([]);
    expect(rendered.flatMap((f) => f.records)).toEqual([]);
  });

  it('reads what the chart renders of its default rules: its defaults alert in the cluster, toggles and selectors apply', () => {
    const { releaseName, valuesObject } = stackSource();
    const { defaultRules: _ours, ...rest } = valuesObject;
    const unrouted = (v: typeof rest) => chartRules(v, releaseName).filter((f) => f.selected).flatMap((f) => f.alerts);
    // The chart's defaults, as before: Watchdog and TargetDown, the crash loops and the remote write's own, all to no receiver.
    expect(unrouted(rest)).toEqual(expect.arrayContaining(['Watchdog', 'TargetDown', 'KubePodCrashLooping', 'PrometheusRemoteStorageFailures', 'KubeNodeNotReady']));
    // Templates whose component is off render nothing (etcd and the scheduler are AKS's).
    expect(unrouted(rest)).not.toContain('etcdMembersDown');
    expect(unrouted({ ...rest, defaultRules: { rules: { general: false }, disabled: { KubePodCrashLooping: true } } })).not.toEqual(expect.arrayContaining(['Watchdog']));
    expect(unrouted({ ...rest, defaultRules: { disabled: { KubePodCrashLooping: true } } })).not.toContain('KubePodCrashLooping');
    expect(unrouted({ ...rest, additionalPrometheusRulesMap: { extra: {} } })).toContain('(unread)');
    // A rule the Prometheus does not select is evaluated by none.
    expect(chartRules({ ...rest, defaultRules: { labels: { release: 'other' } } }, releaseName).every((f) => !f.selected)).toBe(true);
    // A query that reads a chart record no longer evaluated.
    const files = chartRules({ ...rest, defaultRules: { create: false } }, releaseName);
    expect(unrecordedChartSeries([{ where: 'A', query: 'sum(node_namespace_pod_container:container_memory_working_set_bytes) > 0' }], files)).toEqual([
      'A: node_namespace_pod_container:container_memory_working_set_bytes is a recording rule of the chart that is not evaluated',
    ]);
    expect(unrecordedChartSeries([{ where: 'A', query: 'sum(node_namespace_pod_container:container_memory_working_set_bytes) > 0' }], chartRules(rest, releaseName))).toEqual([]);
  });

  it('deploys no workspace or rule group in dev (no Prometheus there to write to it)', () => {
    const dev = snapshot('dev');
    expect(ofType(dev, 'Microsoft.Monitor/accounts')).toEqual([]);
    expect(ofType(dev, 'Microsoft.AlertsManagement/prometheusRuleGroups')).toEqual([]);
  });
});

/** The exporter whose scrape job writes a metric no job matcher names (the services write the rest). */
const EXPORTER_OF: readonly [RegExp, string][] = [
  [/^kube_/, EXPORTER_JOBS.kubeStateMetrics],
  [/^container_/, EXPORTER_JOBS.kubelet],
  [/^node_/, EXPORTER_JOBS.nodeExporter],
  [/^prometheus_/, PROMETHEUS_JOB],
];

/**
 * The scrape jobs whose series the rules read (Prometheus's grammar): a selector's `job` matcher, else
 * the exporter of its metric, else every service's metrics job. Recorded series (a `:` in the name)
 * are the in-cluster recording rules' over the services' series, and `up` is the scrape's own.
 */
export function jobsRead(rules: readonly { expression: string }[]): string[] {
  const services = serviceList().map(metricsServiceName);
  const jobs = rules.flatMap((r) =>
    parsePromql(r.expression).selectors.flatMap((s) => {
      if (s.metric.includes(':') || s.metric === 'up') return [];
      const job = s.matchers.find((m) => m.name === 'job');
      if (job?.op === '=') return [job.value];
      if (job?.op === '=~') return job.value.split('|');
      return EXPORTER_OF.find(([prefix]) => prefix.test(s.metric))?.[1] ?? services;
    }),
  );
  return [...new Set(jobs)].sort();
}

/**
 * Whether an Azure rule on `up == 0` holds for a target only when no replica scrapes it (Prometheus's
 * grammar): its `up{…} == 0` is taken `unless ignoring (prometheus_replica)` the same `up{…} == 1`,
 * so one replica's failed scrape of a target the other still scrapes (its series whole in Azure)
 * drops out. Every label but the replica's is matched: the kubelet's /metrics and /metrics/cadvisor
 * share a job and an instance and differ by metrics_path.
 */
export function downOnEveryReplica(expression: string): boolean {
  const cursor = parser.parse(expression).cursor();
  const text = (n: { from: number; to: number } | null | undefined) => (n ? expression.slice(n.from, n.to) : '');
  /** The selector of `up{…} == <value>`, or none. */
  const upEquals = (n: ReturnType<typeof cursor.node.getChild> | undefined, value: string) =>
    n?.name === 'BinaryExpr' && n.getChild('Eql') && text(n.getChild('NumberDurationLiteral')) === value && text(n.getChild('VectorSelector')?.getChild('Identifier')) === 'up' ? text(n.getChild('VectorSelector')) : undefined;
  do {
    if (cursor.name !== 'BinaryExpr' || !cursor.node.getChild('Unless')) continue;
    const [left, right] = cursor.node.getChildren('BinaryExpr');
    const modifier = cursor.node.getChild('MatchingModifierClause');
    const ignored = (modifier?.getChild('GroupingLabels')?.getChildren('LabelName') ?? []).map(text);
    const down = upEquals(left, '0');
    if (down && down === upEquals(right, '1') && modifier?.getChild('Ignoring') && ignored.join() === REPLICA_LABEL) return true;
  } while (cursor.next());
  return false;
}

/**
 * How the node alert treats a cordoned node: whether NotReady is excepted for a node whose cordon
 * series is 1 (matched on the node), and after how long NotReady fires anyway (the range of a
 * max_over_time of the Ready series compared to 0, joined on the node).
 */
export function nodeNotReadyShape(expression: string, ready: string, cordon: string): { cordonedExcepted: boolean; limit: string | null } {
  const inner = asWritten(expression);
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cordonedExcepted = new RegExp(`${esc(ready)} == 0 unless on \\(node\\) ${esc(cordon)} == 1`).test(inner);
  const limit = new RegExp(`or on \\(node\\) max_over_time\\(${esc(ready)}\\[(\\w+)\\]\\) == 0`).exec(inner)?.[1] ?? null;
  return { cordonedExcepted, limit };
}

describe('the checks of the monitoring itself reach the on-call too (the chart\'s own rules are off)', () => {
  const prodRules = handover.environments.prod!.groups.flatMap((g) => g.rules.map((r) => r.rule));
  /** The jobs an alert on `up == 0` watches (its job matcher, anchored as Prometheus anchors it). */
  const watchedDown = (rules: readonly { alert: string; expression: string }[], job: string) =>
    rules.filter((r) => /\bup\{[^}]*\}\s*== 0/.test(r.expression)).some((r) => parsePromql(r.expression).selectors.some((s) => s.metric === 'up' && s.matchers.every((m) => matches(m, { job }))));

  it('a scrape target of every job whose series an alert reads is watched for being down', () => {
    const read = jobsRead(prodRules);
    expect(read).toEqual(expect.arrayContaining([EXPORTER_JOBS.kubeStateMetrics, EXPORTER_JOBS.kubelet, EXPORTER_JOBS.nodeExporter, PROMETHEUS_JOB, ...serviceList().map(metricsServiceName)]));
    expect(read.filter((job) => !watchedDown(prodRules, job))).toEqual([]);
    // A job no alert watches fails.
    expect(watchedDown([{ alert: 'A', expression: 'up{job=~"kubelet|node-exporter"} == 0' }], EXPORTER_JOBS.kubeStateMetrics)).toBe(false);
    expect(jobsRead([{ expression: 'sum(rate(x_total{job!="a"}[5m])) + node_load1 + job:y:rate5m + up' }])).toEqual([EXPORTER_JOBS.nodeExporter, ...serviceList().map(metricsServiceName)].sort());
  });

  it('a target is down only when no replica scrapes it: one replica\'s failed scrape leaves its series whole in Azure', () => {
    const down = prodRules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === 'up'));
    expect(down.map((r) => r.alert)).toEqual(['TripGenScrapeTargetDown']);
    // Azure's max across replicas of `up == 0` holds when either replica fails: the alert would say
    // "the alerts over its series see nothing of it" while the other replica's series still arrive.
    for (const r of down) expect(downOnEveryReplica(r.expression), r.alert).toBe(true);
    expect(downOnEveryReplica(acrossReplicas('up{job=~"a|b"} == 0'))).toBe(false);
    expect(downOnEveryReplica(acrossReplicas(`up{job=~"a|b"} == 0 unless ignoring (${REPLICA_LABEL}) up{job=~"a|b"} == 1`))).toBe(true);
    // Matched on job and instance only, the kubelet's cAdvisor target down is hidden by its /metrics target up.
    expect(downOnEveryReplica(acrossReplicas('up{job=~"a|b"} == 0 unless on (job, instance) up{job=~"a|b"} == 1'))).toBe(false);
    expect(downOnEveryReplica(acrossReplicas(`up{job=~"a|b"} == 0 unless ignoring (${REPLICA_LABEL}) up{job="a"} == 1`))).toBe(false);
    expect(downOnEveryReplica(acrossReplicas(`up{job=~"a|b"} == 0 unless ignoring (${REPLICA_LABEL}) up{job=~"a|b"} == 0`))).toBe(false);
    expect(downOnEveryReplica(acrossReplicas(`up{job=~"a|b"} == 0 and ignoring (${REPLICA_LABEL}) up{job=~"a|b"} == 1`))).toBe(false);
  });

  it('a node not Ready raises a ticket of its own, not only as its kubelet and node-exporter targets going down', () => {
    // kube-state-metrics, docs/metrics/cluster/node-metrics.md: kube_node_status_condition{node, condition,
    // status="true|false|unknown"}, 1 for the status the node reports. Not Ready is its Ready condition
    // false or unknown (the kubelet silent), so the `true` series is 0. AKS node auto-repair (Microsoft
    // Learn, "Azure Kubernetes Service (AKS) node auto-repair") is best effort: the ticket says so meanwhile.
    const notReady = prodRules.filter((r) =>
      parsePromql(r.expression).selectors.some((s) => s.metric === 'kube_node_status_condition' && s.matchers.some((m) => m.name === 'condition' && matches(m, { condition: 'Ready' })) && s.matchers.some((m) => m.name === 'status' && m.op === '=' && m.value === 'true')),
    );
    expect(notReady.map((r) => [r.alert, r.severity, r.for])).toEqual([['TripGenNodeNotReady', AZURE_SEVERITY.warning, 'PT10M']]);
    expect(notReady[0]!.annotations.description).toContain('{{ $labels.node }}');
  });

  it('a node cordoned for an AKS upgrade (cordoned, drained, reimaged: NotReady for minutes) raises nothing, unless still NotReady after an hour', () => {
    // Microsoft Learn, "How Azure Kubernetes Service (AKS) cluster upgrades work": AKS cordons a node,
    // drains it, then reimages it. kube-state-metrics, docs/metrics/cluster/node-metrics.md:
    // kube_node_spec_unschedulable{node}, 1 while the node is cordoned.
    const rule = prodRules.find((r) => r.alert === 'TripGenNodeNotReady')!;
    const ksm = `job="${EXPORTER_JOBS.kubeStateMetrics}"`;
    const ready = `kube_node_status_condition{${ksm},condition="Ready",status="true"}`;
    expect(nodeNotReadyShape(rule.expression, ready, `kube_node_spec_unschedulable{${ksm}}`)).toEqual({ cordonedExcepted: true, limit: '1h' });
    // The cordon series reaches Azure.
    const keep = new RegExp(`^(?:${(prometheusValues().prometheus.prometheusSpec as { remoteWrite: { writeRelabelConfigs: { regex: string }[] }[] }).remoteWrite[0]!.writeRelabelConfigs[0]!.regex})$`);
    expect(keep.test('kube_node_spec_unschedulable')).toBe(true);
    // The shape check bites: the rule as it was, an `unless` not matched on the node, no time limit.
    expect(nodeNotReadyShape(acrossReplicas(`${ready} == 0`), ready, `kube_node_spec_unschedulable{${ksm}}`)).toEqual({ cordonedExcepted: false, limit: null });
    expect(nodeNotReadyShape(acrossReplicas(`${ready} == 0 unless kube_node_spec_unschedulable{${ksm}} == 1`), ready, `kube_node_spec_unschedulable{${ksm}}`)).toEqual({ cordonedExcepted: false, limit: null });
  });

  it('a replica failing to write or falling behind raises a ticket (the loss of both pages: TripGenAlertSeriesMissing)', () => {
    const reading = (metric: string) => prodRules.filter((r) => parsePromql(r.expression).selectors.some((s) => s.metric === metric && s.matchers.some((m) => m.name === 'job' && m.value === PROMETHEUS_JOB)));
    expect(reading('prometheus_remote_storage_samples_failed_total').map((r) => [r.alert, r.severity])).toEqual([['TripGenRemoteWriteFailing', AZURE_SEVERITY.warning]]);
    expect(reading('prometheus_remote_storage_queue_highest_sent_timestamp_seconds').map((r) => [r.alert, r.severity])).toEqual([['TripGenRemoteWriteBehind', AZURE_SEVERITY.warning]]);
    // The job is the one the chart's ServiceMonitor gives the Prometheus it installs (its self-monitor, on by default).
    expect(PROMETHEUS_JOB).toBe(`${stackSource().releaseName}-prometheus`);
    expect((prometheusValues().prometheus as { serviceMonitor?: { selfMonitor?: boolean } }).serviceMonitor?.selfMonitor ?? true).toBe(true);
  });
});

describe('the in-cluster Prometheus remote-writes what the Azure rules read', () => {
  const values = prometheusValues();
  const spec = values.prometheus.prometheusSpec as { remoteWrite: Record<string, unknown>[]; podMetadata: { labels: Record<string, string> } };
  const outputs = loadAzureOutputs('prod');
  const prodRules = handover.environments.prod!.groups.flatMap((g) => g.rules.map((r) => r.rule));

  it('to the URL and as the identity of the Bicep outputs, with prometheus-operator azureAd workload identity', () => {
    expect(spec.remoteWrite).toHaveLength(1);
    const rw = spec.remoteWrite[0]!;
    new RemoteWriteSpec(rw as unknown as ConstructorParameters<typeof RemoteWriteSpec>[0]).validate();
    expect(rw.url).toBe(outputs.prometheusRemoteWriteUrl);
    expect(rw.azureAd).toEqual({ cloud: 'AzurePublic', workloadIdentity: { clientId: outputs.prometheusIdentityClientId, tenantId: outputs.tenantId } });
    expect(values.prometheus.serviceAccount.annotations['azure.workload.identity/client-id']).toBe(outputs.prometheusIdentityClientId);
    expect(spec.podMetadata.labels['azure.workload.identity/use']).toBe('true');
  });

  it('keeps every series an Azure rule reads (parsed with Prometheus\'s grammar) and drops the rest', () => {
    const keep = (spec.remoteWrite[0]!.writeRelabelConfigs as { sourceLabels: string[]; regex: string; action: string }[])[0]!;
    expect(keep).toMatchObject({ sourceLabels: ['__name__'], action: 'keep' });
    expect(unkeptSeries(prodRules, keep.regex)).toEqual([]);
    // Billed per ingested sample: the scrape's own series and unread exporter series stay home.
    for (const unread of ['scrape_duration_seconds', 'scrape_samples_scraped', 'kube_pod_info', 'node_cpu_seconds_total', 'http_request_duration_seconds_sum']) expect(new RegExp(`^(?:${keep.regex})$`).test(unread), unread).toBe(false);
  });

  it('raise an alert of their own when nothing arrives: with no series written, every other rule stays silent', () => {
    const keep = new RegExp(`^(?:${(spec.remoteWrite[0]!.writeRelabelConfigs as { regex: string }[])[0]!.regex})$`);
    const watch = prodRules.filter((r) => /\babsent(?:_over_time)?\(/.test(r.expression));
    expect(watch.map((r) => [r.alert, r.severity]), 'an absent() alert over a remote-written series').toEqual([['TripGenAlertSeriesMissing', AZURE_SEVERITY.critical]]);
    for (const r of watch) {
      const { errors, selectors } = parsePromql(r.expression);
      expect(errors).toEqual([]);
      expect(selectors.length).toBeGreaterThan(0);
      // A series another rule reads: written as long as the alerts can see anything at all.
      for (const s of selectors) {
        expect(keep.test(s.metric), s.metric).toBe(true);
        expect(prodRules.filter((o) => o !== r && parsePromql(o.expression).selectors.some((x) => x.metric === s.metric)).length, s.metric).toBeGreaterThan(0);
      }
    }
  });

  it('fails for a keep list that misses a metric or a rule that does not parse', () => {
    expect(unkeptSeries([{ alert: 'A', expression: 'min by (job) (dependency_up{namespace="tripgen"}) == 0 and on (job) up' }], 'dependency_up')).toEqual(['A: up is not remote-written']);
    expect(unkeptSeries([{ alert: 'B', expression: 'sum(rate(messages_consumed_total[5m]) > 0' }], 'messages_consumed_total')[0]).toMatch(/^B: syntax error/);
  });
});
