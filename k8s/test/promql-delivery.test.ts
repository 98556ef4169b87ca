/**
 * The queries behind automatic rollback and the seed alerts: valid PromQL (Prometheus's own
 * grammar) over series that exist, by labels they carry — the service kit's histogram as the kit
 * really exports it, kube-state-metrics, cAdvisor and node-exporter as their documentation labels
 * them — and Argo Rollouts wiring the controller accepts: Services and VirtualService routes that match, analyses that judge the new pods only
 * and can neither pass on no data nor run forever. Each guard is shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ERASURE } from '@tripgen/catalog';
import { createMetrics } from '../../apps/service-kit/src/telemetry/metrics.ts';
import * as mesh from './policy/mesh-delivery.ts';
import type { K8sObject } from './policy/objects.ts';
import { histogramQuantileProblems, promqlOf, promqlProblems } from './policy/promql.ts';
import { find } from './support/gitops.ts';
import { withEvaluatedAlerts } from './support/evaluated-alerts.ts';
import { storedBound } from './support/prometheus-ingest.ts';

// The alerting rules are Azure Monitor's (the cluster keeps the recording rules): read beside gitops/.
const prod = withEvaluatedAlerts('prod');
const replaced = (o: K8sObject) => [...prod.filter((x) => !(x.kind === o.kind && x.metadata.name === o.metadata.name)), o];
const copy = (kind: string, name: string) => structuredClone(prod.find((o) => o.kind === kind && o.metadata.name === name) ?? find('prod', kind, name));

/** Labels Prometheus attaches to every series it scrapes through a ServiceMonitor (target labels). */
const TARGET_LABELS = ['namespace', 'job', 'service', 'pod', 'container', 'endpoint', 'instance', 'rollouts_pod_template_hash'];

/** The kit's own series and their labels, read from the kit itself (a renamed metric fails here). */
async function kitSeries(): Promise<Map<string, Set<string>>> {
  // The sweeping service's registry: every kit series, the account erasure's gauge too (the others' lack it).
  const m = createMetrics(ACCOUNT_ERASURE.service);
  m.httpDuration.observe({ method: 'GET', route: '/x', status_code: '200' }, 0.1);
  m.dependencyUp.set({ dependency: 'postgresql' }, 1);
  m.messagesConsumed.inc({ queue: 'q', outcome: 'processed' });
  m.outboxSetAside.inc({ destination: 'q' });
  m.asyncRequestDuration.observe({ queue: 'q', outcome: 'completed' }, 1);
  m.llmCalls.inc({ outcome: 'ok' }); // the AI service's model calls (its adapter on): a series once one is counted
  const series = new Map<string, Set<string>>();
  for (const line of (await m.registry.metrics()).split('\n')) {
    const hit = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? /.exec(line);
    if (!hit) continue;
    const labels = series.get(hit[1]!) ?? new Set(TARGET_LABELS);
    // The kit's default `service` label arrives as exported_service (target labels win).
    for (const [, name] of (hit[2] ?? '').matchAll(/(\w+)="/g)) labels.add(name === 'service' ? 'exported_service' : name!);
    series.set(hit[1]!, labels);
  }
  return series;
}

/** Target labels a kube-prometheus-stack ServiceMonitor attaches (its exporters' own namespace/pod/container win: honorLabels). */
const EXPORTER_TARGET_LABELS = ['job', 'instance', 'endpoint', 'service', 'namespace', 'pod', 'container', 'metrics_path'];
const REMOTE_QUEUE = ['remote_name', 'url'];
const KSM_CONTAINER_RESOURCE = ['resource', 'unit', 'container', 'pod', 'namespace', 'node', 'uid'];
/**
 * Series of the cluster's exporters the alerts use, with the labels their documentation gives them:
 * kube-state-metrics, docs/metrics/workload/pod-metrics.md ("Labels/tags"); cAdvisor through the
 * kubelet and node-exporter, the labels kube-prometheus-stack 88.5.3's own rules select them by
 * (templates/prometheus/rules-1.14/k8s.rules.container_*.yaml: namespace, pod, container, image;
 * node-exporter.yaml: fstype, mountpoint); `up`, the scrape target's labels.
 */
const CLUSTER_SERIES: Record<string, readonly string[]> = {
  up: TARGET_LABELS,
  kube_pod_container_status_restarts_total: ['container', 'namespace', 'pod', 'uid'],
  // The init containers' (a native sidecar is one): the same labels (docs/metrics/workload/pod-metrics.md).
  kube_pod_init_container_status_restarts_total: ['container', 'namespace', 'pod', 'uid'],
  kube_pod_init_container_resource_limits: KSM_CONTAINER_RESOURCE,
  kube_pod_init_container_resource_requests: KSM_CONTAINER_RESOURCE,
  kube_pod_container_resource_limits: KSM_CONTAINER_RESOURCE,
  kube_pod_container_resource_requests: KSM_CONTAINER_RESOURCE,
  // A container's waiting state, with its reason (CrashLoopBackOff, ...): the same labels and reason.
  kube_pod_container_status_waiting_reason: ['container', 'namespace', 'pod', 'reason', 'uid'],
  kube_pod_init_container_status_waiting_reason: ['container', 'namespace', 'pod', 'reason', 'uid'],
  // docs/metrics/cluster/node-metrics.md: node, condition, status (true|false|unknown).
  kube_node_status_condition: ['node', 'condition', 'status'],
  // The same document: 1 while the node is cordoned (spec.unschedulable).
  kube_node_spec_unschedulable: ['node'],
  container_memory_working_set_bytes: ['namespace', 'pod', 'container', 'image'],
  container_cpu_usage_seconds_total: ['namespace', 'pod', 'container', 'image'],
  node_filesystem_avail_bytes: ['device', 'fstype', 'mountpoint'],
  node_filesystem_size_bytes: ['device', 'fstype', 'mountpoint'],
  // Prometheus's own remote write, per queue (storage/remote/queue_manager.go: remote_name, url).
  prometheus_remote_storage_samples_failed_total: REMOTE_QUEUE,
  prometheus_remote_storage_samples_total: REMOTE_QUEUE,
  prometheus_remote_storage_queue_highest_timestamp_seconds: REMOTE_QUEUE,
  prometheus_remote_storage_queue_highest_sent_timestamp_seconds: REMOTE_QUEUE,
};

async function knownSeries(): Promise<Map<string, ReadonlySet<string> | null>> {
  const known = new Map<string, ReadonlySet<string> | null>(await kitSeries());
  for (const [name, labels] of Object.entries(CLUSTER_SERIES)) known.set(name, new Set([...labels, ...(name === 'up' ? [] : EXPORTER_TARGET_LABELS)]));
  return known;
}

describe('prod: PromQL of the alerts and the rollout analyses', () => {
  it('parses every query and selects only series that exist, by labels they carry', async () => {
    const queries = promqlOf(prod);
    expect(queries.length).toBeGreaterThanOrEqual(6 + 2 * 3);
    expect(promqlProblems(prod, await knownSeries())).toEqual([]);
  });

  it('fails on a syntax error, a metric nothing exports and a label the kit does not set', async () => {
    const known = await knownSeries();
    const at = copy('AnalysisTemplate', 'success-rate-latency');
    const metrics = (at.spec as { metrics: { provider: { prometheus: { query: string } } }[] }).metrics;
    metrics[0]!.provider.prometheus.query = 'sum(rate(up{job="x"[2m]))';
    metrics[1]!.provider.prometheus.query = 'sum(rate(istio_requests_total{reporter="destination"}[2m]))';
    metrics[2]!.provider.prometheus.query = 'sum(rate(http_request_duration_seconds_count{destination_service="x"}[2m]))';
    expect(promqlProblems(replaced(at), known)).toEqual([
      expect.stringMatching(/scraped: syntax error/),
      expect.stringMatching(/success-rate: metric istio_requests_total is not exported/),
      expect.stringMatching(/latency-p95: http_request_duration_seconds_count has no label destination_service/),
    ]);
  });

  it('fails on a label the cluster\'s exporters do not give their series', async () => {
    const rule = copy('PrometheusRule', 'azure-monitor');
    const alerts = (rule.spec as { groups: { rules: { alert: string; expr: string }[] }[] }).groups[0]!.rules;
    const memory = alerts.find((a) => a.alert === 'TripGenMemoryHigh')!;
    memory.expr = memory.expr.replace('resource="memory"', 'resource_name="memory"');
    const disk = alerts.find((a) => a.alert === 'TripGenDiskHigh')!;
    disk.expr = disk.expr.replaceAll('mountpoint="/"', 'mount="/"');
    expect(promqlProblems(replaced(rule), await knownSeries())).toEqual([
      'PrometheusRule/azure-monitor TripGenMemoryHigh: kube_pod_container_resource_limits has no label resource_name',
      'PrometheusRule/azure-monitor TripGenDiskHigh: node_filesystem_avail_bytes has no label mount',
      'PrometheusRule/azure-monitor TripGenDiskHigh: node_filesystem_size_bytes has no label mount',
    ]);
  });

  it('every histogram_quantile reads _bucket series and keeps le through its aggregations', () => {
    const quantiles = promqlOf(prod).filter((q) => q.query.includes('histogram_quantile'));
    // The rollout analyses' p95s (HTTP and asynchronous requests, both lengths); the alerts compare at a bucket bound instead.
    expect(quantiles.map((q) => q.where).sort()).toEqual([
      'AnalysisTemplate/async-request-latency async-latency-p95',
      'AnalysisTemplate/async-request-latency-5m async-latency-p95',
      'AnalysisTemplate/success-rate-latency latency-p95',
      'AnalysisTemplate/success-rate-latency-5m latency-p95',
    ]);
    expect(quantiles.flatMap((q) => histogramQuantileProblems(q.query).map((p) => `${q.where}: ${p}`))).toEqual([]);
    expect(histogramQuantileProblems('histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[2m])))')).toEqual(['histogram_quantile aggregates away le: sum']);
    expect(histogramQuantileProblems('histogram_quantile(0.95, sum by (job) (rate(x_bucket[2m])))')).toEqual(['histogram_quantile aggregates away le: sum by (job)']);
    expect(histogramQuantileProblems('histogram_quantile(0.95, sum without (le) (rate(x_bucket[2m])))')).toHaveLength(1);
    expect(histogramQuantileProblems('histogram_quantile(0.95, sum without (pod) (rate(x_bucket[2m])))')).toEqual([]);
    expect(histogramQuantileProblems('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_count[2m])))')).toEqual([
      'histogram_quantile reads http_request_duration_seconds_count, not a _bucket series',
    ]);
  });

  it('every latency threshold a query compares a bucket against (le="…") is a bound the kit\'s histogram exports, as Prometheus stores it', async () => {
    const m = createMetrics('probe');
    m.httpDuration.observe({ method: 'GET', route: '/x', status_code: '200' }, 1);
    m.asyncRequestDuration.observe({ queue: 'q', outcome: 'completed' }, 1);
    // The bounds as Prometheus stores them (v3 writes the kit's le="5" as le="5.0").
    const bounds = new Set([...(await m.registry.metrics()).matchAll(/(\w+)_bucket\{[^}]*le="([^"]+)"/g)].map((x) => `${x[1]} ${storedBound(x[2]!)}`));
    const rules = (copy('PrometheusRule', 'azure-monitor').spec as { groups: { rules: { alert: string; expr: string }[] }[] }).groups[0]!.rules;
    const used = rules.flatMap((r) => [...r.expr.matchAll(/(\w+)_bucket\{[^}]*le="([^"]+)"/g)].map((x) => ({ alert: r.alert, bound: `${x[1]} ${x[2]}` })));
    // Both response-time alerts (AI > 5 s, others > 200 ms) measure at a bucket bound; the AI's on
    // its schedules' time to an outcome as well as on its own requests.
    expect(new Set(used.map((u) => u.alert))).toEqual(new Set(['TripGenAiResponseSlow', 'TripGenResponseSlow']));
    expect(used.filter((u) => u.alert === 'TripGenAiResponseSlow').map((u) => u.bound).sort()).toEqual(['async_request_duration_seconds 5.0', 'http_request_duration_seconds 5.0']);
    expect(used.filter((u) => !bounds.has(u.bound))).toEqual([]);
  });
});

describe('prod: Argo Rollouts wiring the controller accepts', () => {
  it('every Rollout names existing Services that select its pods, and canary routes that send to exactly stable and canary', () => {
    expect(mesh.rolloutTrafficWiring(prod)).toEqual([]);
  });

  it('fails on a missing preview Service, a renamed route and a route to a third host', () => {
    expect(mesh.rolloutTrafficWiring(prod.filter((o) => !(o.kind === 'Service' && o.metadata.name === 'user-service-preview')))).toEqual([
      'Rollout/tripgen/user-service: Service user-service-preview is not rendered',
    ]);
    const vs = copy('VirtualService', 'ai-service');
    const http = (vs.spec as { http: { name: string; route: { destination: { host: string } }[] }[] }).http;
    http[0]!.name = 'edge';
    http[1]!.route[1]!.destination.host = 'other-service.tripgen.svc.cluster.local';
    expect(mesh.rolloutTrafficWiring(replaced(vs))).toEqual([
      'Rollout/tripgen/ai-service: VirtualService ai-service has no route named gateway',
      'Rollout/tripgen/ai-service: route mesh sends to ai-service, other-service, not exactly ai-service, ai-service-canary',
    ]);
  });

  it('analyses judge the new ReplicaSet\'s pods, through a Service no Rollout narrows, and end when a blue-green update must', () => {
    expect(mesh.analysisJudgesNewPods(prod)).toEqual([]);
  });

  it('fails when the analysis watches the stable Service, could run forever, or passes on no data', () => {
    const r = copy('Rollout', 'ai-service');
    const args = (r.spec as { strategy: { canary: { analysis: { args: { name: string; value?: string; valueFrom?: unknown }[] } } } }).strategy.canary.analysis.args;
    args.find((a) => a.name === 'job')!.value = 'ai-service';
    args.find((a) => a.name === 'pod-hash')!.valueFrom = { podTemplateHashValue: 'Stable' };
    expect(mesh.analysisJudgesNewPods(replaced(r))).toEqual([
      "Rollout/tripgen/ai-service: success-rate-latency: arg pod-hash is not the latest ReplicaSet's pod-template hash",
      'Rollout/tripgen/ai-service: success-rate-latency: Service ai-service is narrowed to one ReplicaSet by a Rollout, so it misses pods',
      'Rollout/tripgen/ai-service: success-rate-latency: no ServiceMonitor scrapes ai-service with the rollouts-pod-template-hash label',
      "Rollout/tripgen/ai-service: async-request-latency: arg pod-hash is not the latest ReplicaSet's pod-template hash",
      'Rollout/tripgen/ai-service: async-request-latency: Service ai-service is narrowed to one ReplicaSet by a Rollout, so it misses pods',
      'Rollout/tripgen/ai-service: async-request-latency: no ServiceMonitor scrapes ai-service with the rollouts-pod-template-hash label',
    ]);
    const bounded = copy('AnalysisTemplate', 'success-rate-latency-5m');
    const metrics = (bounded.spec as { metrics: { name: string; count?: number }[] }).metrics;
    delete metrics[1]!.count;
    bounded.spec!.metrics = metrics.filter((m) => m.name !== 'scraped');
    expect(mesh.analysisJudgesNewPods(replaced(bounded)).filter((x) => x.includes('user-service'))).toEqual([
      'Rollout/tripgen/user-service: success-rate-latency-5m.success-rate has no count: the post-promotion analysis, and so the update, would never complete',
      'Rollout/tripgen/user-service: success-rate-latency-5m never checks that the new pods are scraped (no data would pass)',
    ]);
  });

  it('each ServiceMonitor scrapes exactly one Service on a port it names', () => {
    expect(prod.filter((o) => o.kind === 'ServiceMonitor')).toHaveLength(4);
    expect(mesh.serviceMonitorsMatch(prod)).toEqual([]);
    const sm = copy('ServiceMonitor', 'trip-service');
    (sm.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels = { 'app.kubernetes.io/name': 'trip-service' };
    (sm.spec as { endpoints: { port: string }[] }).endpoints[0]!.port = 'metrics';
    expect(mesh.serviceMonitorsMatch(replaced(sm))).toEqual(['ServiceMonitor/tripgen/trip-service: selects 2 Services (want 1: pods scraped twice or not at all)']);
    const wrongPort = copy('ServiceMonitor', 'trip-service');
    (wrongPort.spec as { endpoints: { port: string }[] }).endpoints[0]!.port = 'metrics';
    expect(mesh.serviceMonitorsMatch(replaced(wrongPort))).toEqual(['ServiceMonitor/tripgen/trip-service: port metrics is not a port of Service trip-service-metrics']);
  });
});
