/**
 * The scrape jobs of the series the alerts read, as the in-cluster Prometheus labels them: the Helm
 * release of kube-prometheus-stack (constructs/platform-addons.ts), whose ServiceMonitors name the
 * Prometheus's own job `<release>-prometheus` and the exporters' jobs by their job labels (chart
 * 88.5.3: the `job` its own rules select: kube-state-metrics, kubelet for cAdvisor, node-exporter).
 * The services' jobs are their metrics Services (constructs/service-monitoring.ts).
 */
export const PROMETHEUS_RELEASE = 'kube-prometheus-stack';

export const PROMETHEUS_JOB = `${PROMETHEUS_RELEASE}-prometheus`;

export const EXPORTER_JOBS = { kubeStateMetrics: 'kube-state-metrics', kubelet: 'kubelet', nodeExporter: 'node-exporter' } as const;

/**
 * The external label that names the cluster on every remote-written series (prometheusSpec.externalLabels),
 * the label a rule group's clusterName must match (Microsoft Learn, "Azure Monitor managed service for
 * Prometheus rule groups", "Limit rules to a specific cluster").
 */
export const CLUSTER_LABEL = 'cluster';

/**
 * The cluster's name in a handed-over expression, replaced by Bicep with the rule group's clusterName
 * (infra-bicep/modules/prometheus.bicep): the name is Bicep's, not derived from its outputs here.
 */
export const CLUSTER_PLACEHOLDER = '__CLUSTER_NAME__';

/**
 * The external label that tells the Prometheus replicas apart (prometheusSpec.replicaExternalLabelName;
 * this is the operator's default name, set explicitly so the two agree). Every replica remote-writes
 * every kept series, so each Azure rule takes the maximum across replicas: one alert per condition,
 * as the in-cluster rule raised it, not one per replica (two notifications for one restart loop).
 */
export const REPLICA_LABEL = 'prometheus_replica';

/**
 * The maximum across replicas: what any replica saw of a series, once (the form azure-alerts.ts's
 * perReplica lets through, the only one that drops the replica label).
 */
export const ANY_REPLICA = `max without (${REPLICA_LABEL})`;
export const anyReplica = (expr: string): string => `${ANY_REPLICA} (${expr})`;

/**
 * `left / right` for a right side read from another scrape job than the left (a container's usage,
 * the kubelet's, over its limit, kube-state-metrics'): each replica's left over what any replica saw
 * of the right. Per replica alone, one replica that cannot scrape kube-state-metrics and the other
 * not the pod's kubelet would each have one side: every series in Azure, no ratio, and no
 * TripGenScrapeTargetDown either (each target is scraped by one). In the cluster (one Prometheus,
 * no replica label) the ignoring and the maximum change nothing.
 */
export const overAnyReplica = (left: string, right: string): string => `${left} / ignoring (${REPLICA_LABEL}) group_left () ${anyReplica(right)}`;
