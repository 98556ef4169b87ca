/**
 * The seed's alerts (§12.1.2): critical — restarts > 5/hour, AI response > 5 s, memory > 90%;
 * warning — response > 200 ms, CPU > 80%, disk > 85%. Each carries a summary, a description and a
 * runbook link into docs/runbooks.md. Evaluated by Azure Monitor, not in the cluster (azure-alerts.ts).
 */
import { OPERATIONAL_PATHS, RESPONSE_TIME_SLO, serviceList, type ResponseTimeObjective } from '@tripgen/catalog';
import { GITOPS_REPO_URL, GITOPS_REVISION } from '../config/releases.ts';
import { metricsServiceName } from '../constructs/service-monitoring.ts';
import { SLO_OUTCOME_MATCHER, THRESHOLDS, bucketBound, spokenMs } from './slo.ts';
import { dependencyAlerts } from './dependency-alerts.ts';
import { erasureAlerts } from './erasure-alerts.ts';
import { forgetAlerts } from './forget-alerts.ts';
import { llmAlerts } from './llm-alerts.ts';
import { queueAlerts } from './queue-alerts.ts';
import { CLUSTER_LABEL, CLUSTER_PLACEHOLDER, EXPORTER_JOBS, PROMETHEUS_JOB, REPLICA_LABEL, overAnyReplica } from './scrape-jobs.ts';

export interface AlertSpec {
  readonly alert: string;
  readonly severity: 'critical' | 'warning';
  readonly expr: string;
  readonly for: string;
  /**
   * The texts Azure Monitor expands (Go templates): only `$labels.<name>`, `$value`, `printf` and
   * `humanizePercentage`, what Microsoft's own recommended rule groups use; Microsoft Learn names no
   * template functions (k8s/test/alert-templates.test.ts).
   */
  readonly summary: string;
  readonly description: string;
  /** Anchor of the runbook section in docs/runbooks.md. */
  readonly runbook: string;
  /**
   * Labels of the rule's own, beside `severity`: what tells apart rules sharing an alert name, which
   * promtool's lint (and a reader of the rule group) would otherwise take for one rule written twice.
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/** docs/runbooks.md at the revision Argo CD syncs: every alert links to a section of it. */
export const RUNBOOKS_URL = `${GITOPS_REPO_URL.replace(/\.git$/, '')}/blob/${GITOPS_REVISION}/docs/runbooks.md`;

/** The HPA's tolerance around its target (kube-controller-manager --horizontal-pod-autoscaler-tolerance, default 0.1; AKS keeps it). */
const HPA_TOLERANCE = 0.1;

/**
 * How long a cordoned node may stay NotReady before TripGenNodeNotReady fires anyway: far beyond the
 * minutes an AKS upgrade reimages one, within the hour AKS node auto-repair may take.
 */
const CORDONED_NOT_READY_LIMIT = '1h';

/** A node's root filesystem as node-exporter reports it (not the tmpfs and overlay mounts). */
const NODE_ROOT_FS = 'mountpoint="/",fstype!~"tmpfs|overlay"';

/** The metrics `job`s (metrics Services) of the services held to a response-time objective. */
const jobsOf = (objective: ResponseTimeObjective): string[] => serviceList().filter((s) => s.responseTime === objective).map(metricsServiceName);
/** A label matcher for exactly these jobs (`=`/`=~`), or for every other job (`!=`/`!~`). */
const jobMatcher = (jobs: readonly string[], negate = false): string =>
  jobs.length === 1 ? `job${negate ? '!=' : '='}"${jobs[0]}"` : `job${negate ? '!~' : '=~'}"${jobs.join('|')}"`;

export function seedAlerts(namespace: string): AlertSpec[] {
  const ns = `namespace="${namespace}"`;
  const pct = (r: number) => `${Math.round(r * 100)}%`;
  // Response times from the service kit's histogram (http_request_duration_seconds, scraped
  // through each service's metrics Service, so `job` is that Service), without probe and scrape requests:
  // the server's own time (a long poll's wait for the client, the kit's markHeld, is left out).
  const ownRoutes = OPERATIONAL_PATHS.join('|');
  const requests = (job: string) => `${ns},${job},route!~"${ownRoutes}"`;
  const itinerary = RESPONSE_TIME_SLO.itinerary;
  const request = RESPONSE_TIME_SLO.request;
  const itineraryJobs = jobsOf('itinerary');
  // "p95 above T" is exactly "more than 5% of requests slower than T" when T is a bucket bound
  // (the kit's histogram has a bucket at each threshold); histogram_quantile would interpolate,
  // and above the top bucket (5 s) it could never report more than 5 s.
  const slowerThan = (seconds: number, job: string, by = '') =>
    `(1 - sum${by}(rate(http_request_duration_seconds_bucket{${requests(job)},le="${bucketBound(seconds)}"}[5m])) / sum${by}(rate(http_request_duration_seconds_count{${requests(job)}}[5m]))) > 0.05`;
  // A schedule is asked at the trip service and made off a queue: its time to an outcome is the
  // kit's async histogram (fed by the AI service's consumer), which its HTTP histogram never sees;
  // only the outcomes the objective counts (a withdrawal is the traveller's, an expiry ours).
  const asyncSlowerThan = (seconds: number, job: string) =>
    `(1 - sum(rate(async_request_duration_seconds_bucket{${ns},${job},${SLO_OUTCOME_MATCHER},le="${bucketBound(seconds)}"}[5m])) / sum(rate(async_request_duration_seconds_count{${ns},${job},${SLO_OUTCOME_MATCHER}}[5m]))) > 0.05`;
  // The HPA adds pods only once a container's CPU is past its target by more than the HPA's
  // tolerance (0.1, kube-controller-manager's default: Kubernetes docs, Horizontal Pod Autoscaling,
  // "Algorithm details"); below that it adds nothing by design. A service whose target is at or above
  // the alert's ratio (the AI service's 80 %) would sit above it under steady load with nothing wrong:
  // its CPU alert starts where its HPA scales. The others keep the seed's ratio (last: the seed's check reads it there).
  const scalesPast = (s: ReturnType<typeof serviceList>[number]) => Math.round(s.autoscaling.targetCpuUtilization * (1 + HPA_TOLERANCE)) / 100;
  const raised = serviceList().filter((s) => scalesPast(s) > THRESHOLDS.cpuRatio);
  const special = raised.map((s) => s.name);
  const cpuAbove: { containers: string[] | 'others'; ratio: number }[] = [
    ...[...new Set(raised.map(scalesPast))].map((ratio) => ({ containers: raised.filter((s) => scalesPast(s) === ratio).map((s) => s.name), ratio })),
    { containers: 'others', ratio: THRESHOLDS.cpuRatio },
  ];
  return [
    {
      alert: 'TripGenPodRestartsHigh',
      severity: 'critical',
      // A native sidecar (istio-proxy: an init container with restartPolicy Always, microservice.ts)
      // is counted in kube-state-metrics' init container series, not in the containers'.
      expr: `increase(kube_pod_container_status_restarts_total{${ns}}[1h]) > ${THRESHOLDS.restartsPerHour} or increase(kube_pod_init_container_status_restarts_total{${ns}}[1h]) > ${THRESHOLDS.restartsPerHour}`,
      for: '0m',
      summary: `Pod {{ $labels.pod }} restarted more than ${THRESHOLDS.restartsPerHour} times in an hour`,
      description: 'Container {{ $labels.container }} of {{ $labels.pod }} restarted about {{ printf "%.0f" $value }} times in the last hour.',
      runbook: 'pod-restarts',
    },
    {
      alert: 'TripGenAiResponseSlow',
      severity: itinerary.severity,
      expr: `${asyncSlowerThan(itinerary.p95Ms / 1000, jobMatcher(itineraryJobs))} or ${slowerThan(itinerary.p95Ms / 1000, jobMatcher(itineraryJobs))}`,
      for: '5m',
      summary: `AI service p95 response time above ${spokenMs(itinerary.p95Ms)}`,
      description: `{{ $value | humanizePercentage }} of schedules (from the request to their outcome; one withdrawn by its trip's change or deletion left out, an expiry counted), or else of the AI service's own requests, took longer than ${spokenMs(itinerary.p95Ms)} (p95 above ${spokenMs(itinerary.p95Ms)}); the product promises a schedule within ${spokenMs(itinerary.p95Ms)}.`,
      runbook: 'ai-response-slow',
    },
    {
      alert: 'TripGenMemoryHigh',
      severity: 'critical',
      // The native sidecar's limit is in the init container series (see the restarts above).
      expr: `${overAnyReplica(`sum by (pod, container) (container_memory_working_set_bytes{${ns},container!=""})`, `sum by (pod, container) (kube_pod_container_resource_limits{${ns},resource="memory"} or kube_pod_init_container_resource_limits{${ns},resource="memory"})`)} > ${THRESHOLDS.memoryRatio}`,
      for: '5m',
      summary: `Container memory above ${pct(THRESHOLDS.memoryRatio)} of its limit`,
      description: '{{ $labels.container }} in {{ $labels.pod }} uses {{ $value | humanizePercentage }} of its memory limit; it will be OOM-killed next.',
      runbook: 'memory-high',
    },
    {
      alert: 'TripGenResponseSlow',
      severity: request.severity,
      // Every other job, so that a service added later is watched from its first deployment.
      expr: slowerThan(request.p95Ms / 1000, jobMatcher(itineraryJobs, true), ' by (job)'),
      for: '10m',
      summary: `Service p95 response time above ${spokenMs(request.p95Ms)}`,
      description: `{{ $value | humanizePercentage }} of {{ $labels.job }} requests took longer than ${spokenMs(request.p95Ms)} (p95 above ${spokenMs(request.p95Ms)}).`,
      runbook: 'response-slow',
    },
    {
      alert: 'TripGenCpuHigh',
      severity: 'warning',
      expr: cpuAbove
        .map(({ containers, ratio }) => {
          const which = containers === 'others' ? (special.length ? `,container!~"${special.join('|')}"` : '') : `,container=~"${containers.join('|')}"`;
          // The native sidecar's request is in the init container series (see the restarts above).
          return `${overAnyReplica(`sum by (pod, container) (rate(container_cpu_usage_seconds_total{${ns},container!=""${which}}[5m]))`, `sum by (pod, container) (kube_pod_container_resource_requests{${ns},resource="cpu"${which}} or kube_pod_init_container_resource_requests{${ns},resource="cpu"${which}})`)} > ${ratio}`;
        })
        .join(' or '),
      for: '15m',
      summary: `Container CPU above ${pct(THRESHOLDS.cpuRatio)} of its request${special.length ? ` (${cpuAbove.filter((g) => g.containers !== 'others').map((g) => `${pct(g.ratio)} for ${(g.containers as string[]).join(', ')}`).join('; ')}: its autoscaler scales only past that)` : ''}`,
      description: '{{ $labels.container }} in {{ $labels.pod }} uses {{ $value | humanizePercentage }} of its CPU request.',
      runbook: 'cpu-high',
    },
    {
      // The disks the TripGen pods run on: node root filesystems (node-exporter, an add-on of this
      // stack). The namespace has no volumes in prod (the data lives in Azure), so a volume alert
      // there would watch nothing; the PostgreSQL server's storage has its 85% alert in Azure
      // Monitor (storage_percent, infra-bicep/modules/alerts.bicep).
      alert: 'TripGenDiskHigh',
      severity: 'warning',
      expr: `1 - node_filesystem_avail_bytes{${NODE_ROOT_FS}} / node_filesystem_size_bytes{${NODE_ROOT_FS}} > ${THRESHOLDS.diskRatio}`,
      for: '15m',
      summary: `Node disk usage above ${pct(THRESHOLDS.diskRatio)}`,
      description: 'The root filesystem of node {{ $labels.instance }} is {{ $value | humanizePercentage }} full; pods on it will be evicted next.',
      runbook: 'disk-high',
    },
  ];
}

export const alertingRule = (a: AlertSpec) => ({
  alert: a.alert,
  expr: a.expr,
  for: a.for,
  labels: { ...a.labels, severity: a.severity },
  annotations: { summary: a.summary, description: a.description, runbook_url: `${RUNBOOKS_URL}#${a.runbook}` },
});

/**
 * Every other alert reads what the in-cluster Prometheus remote-writes to Azure Monitor
 * (azure-alerts.ts): with no series arriving (the workload identity refused, the publisher grant or
 * the ingestion URL wrong, both replicas down) none of them can fire, and nothing else would say so.
 * A series that exists while the namespace runs a pod (kube-state-metrics' CPU requests, kept by the
 * remote write for TripGenCpuHigh) is absent there for 10 minutes: the alerts are blind. In the
 * cluster itself the expression never holds; it is Azure Monitor's check of the hand-over.
 * absent() returns only the equality labels of its selector, and the rule group is limited to the
 * series of its cluster (clusterName, the `cluster` label): the selector names the cluster (Bicep puts
 * the name in place of CLUSTER_PLACEHOLDER), so the result carries that label however Azure applies it.
 */
export function remoteWriteAlerts(namespace: string): AlertSpec[] {
  return [
    {
      alert: 'TripGenAlertSeriesMissing',
      severity: 'critical',
      expr: `absent(kube_pod_container_resource_requests{${CLUSTER_LABEL}="${CLUSTER_PLACEHOLDER}",namespace="${namespace}",resource="cpu"})`,
      for: '10m',
      summary: 'Azure Monitor receives no series from the cluster\'s Prometheus: every Prometheus alert is blind',
      description: `No kube_pod_container_resource_requests of ${namespace} reached the Azure Monitor workspace for 10 minutes: the in-cluster Prometheus is not remote-writing (its workload identity, the Monitoring Metrics Publisher grant, the ingestion URL) or not running, and no other Prometheus alert can fire until it does.`,
      runbook: 'prometheus-remote-write',
    },
  ];
}

/**
 * What of kube-prometheus-stack's own checks matters here (its default rules are off: with no
 * Alertmanager they reached nobody, constructs/platform-addons.ts), evaluated with the others in Azure
 * Monitor. Both Prometheus replicas write every kept series, so one replica failing to write, or
 * falling behind, leaves the alerts whole on the other's: a ticket, where TripGenAlertSeriesMissing
 * pages for the loss of both. Each replica scrapes the other, so the one that writes reports the
 * other's queue (prometheus_remote_storage_*: per remote_name and url). A scrape target the alerts
 * read down (an exporter, a service's metrics, a Prometheus replica) blinds the alerts on its series
 * without any of them saying so, until its series go absent; up is 0 while the target exists and its
 * scrape fails (a pod crash-looping, a node's kubelet unreachable, the mesh certificate refused).
 * Only when no replica scrapes it: while one still does, its series reach Azure whole and no alert
 * is blind (the max across replicas of `up == 0` fired on either's failure). The replica label
 * exists only on what is remote-written, so in the cluster (one Prometheus, every series once) the
 * `unless` takes nothing away: a series is not both 0 and 1. Every other label is matched, not just
 * job and instance: the kubelet's /metrics and /metrics/cadvisor share both (metrics_path differs).
 * A node not Ready (the chart's KubeNodeNotReady) showed only as its kubelet and node-exporter targets
 * down: kube-state-metrics reports its Ready condition (docs/metrics/cluster/node-metrics.md:
 * kube_node_status_condition, 1 for the status the node reports, true, false or unknown). AKS node
 * auto-repair acts on a NotReady node on its own, best effort and within up to an hour (Microsoft
 * Learn, "Azure Kubernetes Service (AKS) node auto-repair"): a ticket, the pods having moved meanwhile.
 * An AKS cluster upgrade or node image upgrade cordons a node, drains it and reimages it, NotReady for
 * minutes by design (Microsoft Learn, "How Azure Kubernetes Service (AKS) cluster upgrades work",
 * steps 2-3); the on-call cordons a broken node too (the runbook). A cordoned node (kube-state-metrics'
 * kube_node_spec_unschedulable, 1 while spec.unschedulable) is left alone until it has been NotReady
 * for CORDONED_NOT_READY_LIMIT: an upgrade stuck on it, or a cordoned node nobody brought back.
 */
export function monitoringAlerts(): AlertSpec[] {
  const prometheus = `job="${PROMETHEUS_JOB}"`;
  const rate = (metric: string) => `rate(${metric}{${prometheus}}[5m])`;
  const jobs = [...Object.values(EXPORTER_JOBS), PROMETHEUS_JOB, ...serviceList().map(metricsServiceName)];
  const up = `up{job=~"${jobs.join('|')}"}`;
  const ksm = (metric: string) => `${metric}{job="${EXPORTER_JOBS.kubeStateMetrics}"}`;
  const ready = `kube_node_status_condition{job="${EXPORTER_JOBS.kubeStateMetrics}",condition="Ready",status="true"}`;
  const readyWithinLimit = `max_over_time(${ready}[${CORDONED_NOT_READY_LIMIT}])`;
  return [
    {
      alert: 'TripGenRemoteWriteFailing',
      severity: 'warning',
      expr: `${rate('prometheus_remote_storage_samples_failed_total')} / (${rate('prometheus_remote_storage_samples_failed_total')} + ${rate('prometheus_remote_storage_samples_total')}) > 0.01`,
      for: '15m',
      summary: 'A Prometheus replica fails to send samples to Azure Monitor',
      description: '{{ $labels.pod }} failed to send {{ $value | humanizePercentage }} of its samples to Azure Monitor ({{ $labels.url }}) over 15 minutes; the alerts read what the other replica writes.',
      runbook: 'prometheus-remote-write',
    },
    {
      alert: 'TripGenRemoteWriteBehind',
      severity: 'warning',
      expr: `max_over_time(prometheus_remote_storage_queue_highest_timestamp_seconds{${prometheus}}[5m]) - max_over_time(prometheus_remote_storage_queue_highest_sent_timestamp_seconds{${prometheus}}[5m]) > 120`,
      for: '15m',
      summary: 'A Prometheus replica\'s remote write to Azure Monitor is more than 2 minutes behind',
      description: '{{ $labels.pod }} has sent Azure Monitor nothing newer than {{ printf "%.0f" $value }} seconds ago ({{ $labels.url }}) for 15 minutes.',
      runbook: 'prometheus-remote-write',
    },
    {
      alert: 'TripGenScrapeTargetDown',
      severity: 'warning',
      expr: `${up} == 0 unless ignoring (${REPLICA_LABEL}) ${up} == 1`,
      for: '10m',
      summary: 'A scrape target the alerts read is down',
      description: 'No Prometheus replica has scraped {{ $labels.instance }} of {{ $labels.job }} for 10 minutes: the alerts over its series see nothing of it.',
      runbook: 'scrape-target-down',
    },
    {
      alert: 'TripGenNodeNotReady',
      severity: 'warning',
      // Never Ready over the hour as no Prometheus replica saw it: Azure evaluates per replica, and
      // one that could not scrape kube-state-metrics for most of the hour has seen only the NotReady
      // minutes since (a cordoned node reimaged for 20 minutes would open the ticket). In the cluster
      // (one Prometheus, no replica label) the unless takes nothing away: a series is not both 0 and 1.
      expr: `(${ready} == 0 unless on (node) ${ksm('kube_node_spec_unschedulable')} == 1) or on (node) ${readyWithinLimit} == 0 unless ignoring (${REPLICA_LABEL}) ${readyWithinLimit} == 1`,
      for: '10m',
      summary: 'A node is not Ready',
      description: `Node {{ $labels.node }} has not been Ready (NotReady or Unknown) for 10 minutes, or for ${CORDONED_NOT_READY_LIMIT} and 10 minutes while cordoned (longer than an AKS upgrade reimages a node): its pods are evicted and rescheduled on the other nodes, if they have room, until AKS node auto-repair (best effort) or the on-call brings it back.`,
      runbook: 'node-not-ready',
    },
  ];
}

/**
 * The platform TripGen is delivered and watched by, every add-on in its namespace (config/platform-namespaces.ts):
 * Argo CD (every sync, self-heal and rollback of gitops/), the Argo Rollouts controller (every canary
 * and blue-green step, and the abort of a failing analysis), the kube-prometheus-stack (the
 * prometheus-operator that configures Prometheus from the ServiceMonitors and rules, Prometheus,
 * kube-state-metrics, node-exporter: every alert reads what they collect) and, where it runs, the
 * NGINX Ingress Controller. Their pods crash-looping stops all of it while every TripGen series stays
 * well (the operator has no scrape target an alert reads: nothing else would say so), and the chart's
 * KubePodCrashLooping that would have said so is off. kube-state-metrics reports a container waiting
 * in CrashLoopBackOff between the kubelet's restarts (docs/metrics/workload/pod-metrics.md:
 * kube_pod_container_status_waiting_reason, and its init container twin); the expression is the
 * kubernetes-mixin's KubePodCrashLooping, as in Microsoft's recommended rule groups ("Recommended
 * alert rules for Kubernetes clusters": 15 minutes). A waiting state, not a restart count: at the
 * kubelet's back-off cap (5 minutes) a loop restarts 3 times in 15 minutes, under a `> 3`. TripGen's
 * own pods have the seed's TripGenPodRestartsHigh (12 restarts an hour at the cap, above its 5).
 * kube-state-metrics crash-looping itself reports nothing: TripGenScrapeTargetDown says that one.
 * A ticket: the services keep serving what is deployed.
 */
export function platformAlerts(platformNamespaces: readonly string[]): AlertSpec[] {
  if (platformNamespaces.length === 0) throw new Error('platformAlerts: no platform namespace to watch');
  const namespaces = `namespace=~"${platformNamespaces.join('|')}"`;
  const waiting = (metric: string) => `max_over_time(${metric}{job="${EXPORTER_JOBS.kubeStateMetrics}",${namespaces},reason="CrashLoopBackOff"}[5m]) >= 1`;
  return [
    {
      alert: 'TripGenPlatformPodCrashLooping',
      severity: 'warning',
      expr: `${waiting('kube_pod_container_status_waiting_reason')} or ${waiting('kube_pod_init_container_status_waiting_reason')}`,
      for: '15m',
      summary: 'A container of the platform (Argo CD, Argo Rollouts, the monitoring stack) is crash-looping',
      description: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} has been restarting in CrashLoopBackOff for 15 minutes: while it does, gitops/ changes are not synced (Argo CD), rollouts do not step, promote or abort (Argo Rollouts), or the alerts\' series are not collected or their rules and scrapes not configured (the monitoring stack).',
      runbook: 'platform-crash-loop',
    },
  ];
}

/** The seed alerts, the dependency alerts, the queue alerts, the account erasure's, the forget backlog's, the interest readings', the remote write's own, the monitoring's and the platform's, one rule group each. */
export const alertGroups = (namespace: string, platformNamespaces: readonly string[]) => [
  { name: 'tripgen.seed-alerts', rules: seedAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.dependencies', rules: dependencyAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.queues', rules: queueAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.account-erasure', rules: erasureAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.forgotten-schedules', rules: forgetAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.interest-readings', rules: llmAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.remote-write', rules: remoteWriteAlerts(namespace).map(alertingRule) },
  { name: 'tripgen.monitoring', rules: monitoringAlerts().map(alertingRule) },
  { name: 'tripgen.platform', rules: platformAlerts(platformNamespaces).map(alertingRule) },
];
