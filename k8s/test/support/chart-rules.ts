/**
 * What kube-prometheus-stack renders of its own rules (values `defaultRules`), read from the pinned
 * chart: one entry per template of charts/kube-prometheus-stack/templates/prometheus/rules-1.14 at
 * tag kube-prometheus-stack-88.5.3 (k8s/src/config/addons.ts), with the value that turns it on
 * (`defaultRules.rules.<key>`, and any component it also needs, e.g. `kubeEtcd.enabled`), its alert
 * and its record names. Each template holds alerts only or records only. The subcharts
 * (kube-state-metrics, prometheus-node-exporter) render no PrometheusRule. Every rule object carries
 * the chart's labels (templates/_helpers.tpl "kube-prometheus-stack.labels": `release: <release>`)
 * and `defaultRules.labels`; a Prometheus whose ruleSelector those labels satisfy evaluates it.
 * Transcribed when the chart was pinned: a chart upgrade re-reads it (azure-alerts.test.ts fails
 * while CHART_RULES_VERSION is not the pinned version).
 */
export const CHART_RULES_VERSION = '88.5.3';

export const CHART_RULE_TEMPLATES: readonly { file: string; key: string; requires?: readonly string[]; alerts: readonly string[]; records: readonly string[] }[] = [
  { file: "alertmanager.rules.yaml", key: "alertmanager", alerts: ["AlertmanagerFailedReload", "AlertmanagerMembersInconsistent", "AlertmanagerFailedToSendAlerts", "AlertmanagerClusterFailedToSendAlerts", "AlertmanagerConfigInconsistent", "AlertmanagerClusterDown", "AlertmanagerClusterCrashlooping", "AlertmanagerClusterFailedPeers"], records: [] },
  { file: "config-reloaders.yaml", key: "configReloaders", alerts: ["ConfigReloaderSidecarErrors"], records: [] },
  { file: "etcd.yaml", key: "etcd", requires: ["kubeEtcd.enabled"], alerts: ["etcdMembersDown", "etcdInsufficientMembers", "etcdNoLeader", "etcdHighNumberOfLeaderChanges", "etcdHighNumberOfFailedGRPCRequests", "etcdGRPCRequestsSlow", "etcdMemberCommunicationSlow", "etcdHighNumberOfFailedProposals", "etcdHighFsyncDurations", "etcdHighCommitDurations", "etcdDatabaseQuotaLowSpace", "etcdExcessiveDatabaseGrowth", "etcdDatabaseHighFragmentationRatio"], records: [] },
  { file: "general.rules.yaml", key: "general", alerts: ["TargetDown", "Watchdog", "InfoInhibitor"], records: [] },
  { file: "k8s.rules.container_cpu_limits.yaml", key: "k8sContainerCpuLimits", alerts: [], records: ["cluster:namespace:pod_cpu:active:kube_pod_container_resource_limits", "namespace_cpu:kube_pod_container_resource_limits:sum"] },
  { file: "k8s.rules.container_cpu_requests.yaml", key: "k8sContainerCpuRequests", alerts: [], records: ["cluster:namespace:pod_cpu:active:kube_pod_container_resource_requests", "namespace_cpu:kube_pod_container_resource_requests:sum"] },
  { file: "k8s.rules.container_cpu_usage_seconds_total.yaml", key: "k8sContainerCpuUsageSecondsTotal", alerts: [], records: ["node_namespace_pod_container:container_cpu_usage_seconds_total:sum_rate5m", "node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate"] },
  { file: "k8s.rules.container_memory_cache.yaml", key: "k8sContainerMemoryCache", alerts: [], records: ["node_namespace_pod_container:container_memory_cache"] },
  { file: "k8s.rules.container_memory_limits.yaml", key: "k8sContainerMemoryLimits", alerts: [], records: ["cluster:namespace:pod_memory:active:kube_pod_container_resource_limits", "namespace_memory:kube_pod_container_resource_limits:sum"] },
  { file: "k8s.rules.container_memory_requests.yaml", key: "k8sContainerMemoryRequests", alerts: [], records: ["cluster:namespace:pod_memory:active:kube_pod_container_resource_requests", "namespace_memory:kube_pod_container_resource_requests:sum"] },
  { file: "k8s.rules.container_memory_rss.yaml", key: "k8sContainerMemoryRss", alerts: [], records: ["node_namespace_pod_container:container_memory_rss"] },
  { file: "k8s.rules.container_memory_swap.yaml", key: "k8sContainerMemorySwap", alerts: [], records: ["node_namespace_pod_container:container_memory_swap"] },
  { file: "k8s.rules.container_memory_working_set_bytes.yaml", key: "k8sContainerMemoryWorkingSetBytes", alerts: [], records: ["node_namespace_pod_container:container_memory_working_set_bytes"] },
  { file: "k8s.rules.container_resource.yaml", key: "k8sContainerResource", alerts: [], records: ["cluster:namespace:pod_memory:active:kube_pod_container_resource_requests", "namespace_memory:kube_pod_container_resource_requests:sum", "cluster:namespace:pod_cpu:active:kube_pod_container_resource_requests", "namespace_cpu:kube_pod_container_resource_requests:sum", "cluster:namespace:pod_memory:active:kube_pod_container_resource_limits", "namespace_memory:kube_pod_container_resource_limits:sum", "cluster:namespace:pod_cpu:active:kube_pod_container_resource_limits", "namespace_cpu:kube_pod_container_resource_limits:sum"] },
  { file: "k8s.rules.pod_owner.yaml", key: "k8sPodOwner", alerts: [], records: ["namespace_workload_pod:kube_pod_owner:relabel"] },
  { file: "kube-apiserver-availability.rules.yaml", key: "kubeApiserverAvailability", requires: ["kubeApiServer.enabled"], alerts: [], records: ["code_verb:apiserver_request_total:increase30d", "code:apiserver_request_total:increase30d", "cluster_verb_scope_le:apiserver_request_sli_duration_seconds_bucket:increase1h", "cluster_verb_scope_le:apiserver_request_sli_duration_seconds_bucket:increase30d", "cluster_verb_scope:apiserver_request_sli_duration_seconds_count:increase1h", "cluster_verb_scope:apiserver_request_sli_duration_seconds_count:increase30d", "apiserver_request:availability30d", "code_resource:apiserver_request_total:rate5m", "code_verb:apiserver_request_total:increase1h"] },
  { file: "kube-apiserver-burnrate.rules.yaml", key: "kubeApiserverBurnrate", requires: ["kubeApiServer.enabled"], alerts: [], records: ["apiserver_request:burnrate1d", "apiserver_request:burnrate1h", "apiserver_request:burnrate2h", "apiserver_request:burnrate30m", "apiserver_request:burnrate3d", "apiserver_request:burnrate5m", "apiserver_request:burnrate6h"] },
  { file: "kube-apiserver-histogram.rules.yaml", key: "kubeApiserverHistogram", requires: ["kubeApiServer.enabled"], alerts: [], records: ["cluster_quantile:apiserver_request_sli_duration_seconds:histogram_quantile"] },
  { file: "kube-apiserver-slos.yaml", key: "kubeApiserverSlos", requires: ["kubeApiServer.enabled"], alerts: ["KubeAPIErrorBudgetBurn"], records: [] },
  { file: "kube-prometheus-general.rules.yaml", key: "kubePrometheusGeneral", alerts: [], records: ["count:up1", "count:up0"] },
  { file: "kube-prometheus-node-recording.rules.yaml", key: "kubePrometheusNodeRecording", alerts: [], records: ["instance:node_cpu:rate:sum", "instance:node_network_receive_bytes:rate:sum", "instance:node_network_transmit_bytes:rate:sum", "instance:node_cpu:ratio", "cluster:node_cpu:sum_rate5m", "cluster:node_cpu:ratio"] },
  { file: "kube-scheduler.rules.yaml", key: "kubeSchedulerRecording", requires: ["kubeScheduler.enabled"], alerts: [], records: ["cluster_quantile:scheduler_scheduling_attempt_duration_seconds:histogram_quantile", "cluster_quantile:scheduler_scheduling_algorithm_duration_seconds:histogram_quantile", "cluster_quantile:scheduler_pod_scheduling_sli_duration_seconds:histogram_quantile"] },
  { file: "kube-state-metrics.yaml", key: "kubeStateMetrics", alerts: ["KubeStateMetricsListErrors", "KubeStateMetricsWatchErrors", "KubeStateMetricsShardingMismatch", "KubeStateMetricsShardsMissing"], records: [] },
  { file: "kubelet.rules.yaml", key: "kubelet", requires: ["kubelet.enabled"], alerts: [], records: ["node_quantile:kubelet_pleg_relist_duration_seconds:histogram_quantile"] },
  { file: "kubernetes-apps.yaml", key: "kubernetesApps", alerts: ["KubePodCrashLooping", "KubePodNotReady", "KubeDeploymentGenerationMismatch", "KubeDeploymentReplicasMismatch", "KubeDeploymentRolloutStuck", "KubeStatefulSetReplicasMismatch", "KubeStatefulSetGenerationMismatch", "KubeStatefulSetUpdateNotRolledOut", "KubeDaemonSetRolloutStuck", "KubeContainerWaiting", "KubeDaemonSetNotScheduled", "KubeDaemonSetMisScheduled", "KubeJobNotCompleted", "KubeJobFailed", "KubeHpaReplicasMismatch", "KubeHpaMaxedOut", "KubePdbNotEnoughHealthyPods"], records: [] },
  { file: "kubernetes-resources.yaml", key: "kubernetesResources", alerts: ["KubeCPUOvercommit", "KubeMemoryOvercommit", "KubeCPUQuotaOvercommit", "KubeMemoryQuotaOvercommit", "KubeQuotaAlmostFull", "KubeQuotaFullyUsed", "KubeQuotaExceeded", "CPUThrottlingHigh"], records: [] },
  { file: "kubernetes-storage.yaml", key: "kubernetesStorage", alerts: ["KubePersistentVolumeFillingUp", "KubePersistentVolumeInodesFillingUp", "KubePersistentVolumeErrors"], records: [] },
  { file: "kubernetes-system-apiserver.yaml", key: "kubernetesSystem", alerts: ["KubeClientCertificateExpiration", "KubeAggregatedAPIErrors", "KubeAggregatedAPIDown", "KubeAPIDown", "KubeAPIInstanceUnreachable", "KubeAPITerminatedRequests"], records: [] },
  { file: "kubernetes-system-controller-manager.yaml", key: "kubeControllerManager", requires: ["kubeControllerManager.enabled"], alerts: ["KubeControllerManagerDown", "KubeControllerManagerInstanceUnreachable"], records: [] },
  { file: "kubernetes-system-kube-proxy.yaml", key: "kubeProxy", requires: ["kubeProxy.enabled"], alerts: ["KubeProxyDown", "KubeProxyInstanceUnreachable"], records: [] },
  { file: "kubernetes-system-kubelet.yaml", key: "kubernetesSystem", alerts: ["KubeNodeNotReady", "KubeNodePressure", "KubeNodeUnreachable", "KubeletTooManyPods", "KubeNodeReadinessFlapping", "KubeNodeEviction", "KubeletPlegDurationHigh", "KubeletPodStartUpLatencyHigh", "KubeletClientCertificateExpiration", "KubeletServerCertificateExpiration", "KubeletClientCertificateRenewalErrors", "KubeletServerCertificateRenewalErrors", "KubeletInstanceUnreachable", "KubeletDown"], records: [] },
  { file: "kubernetes-system-scheduler.yaml", key: "kubeSchedulerAlerting", requires: ["kubeScheduler.enabled"], alerts: ["KubeSchedulerDown", "KubeSchedulerInstanceUnreachable"], records: [] },
  { file: "kubernetes-system.yaml", key: "kubernetesSystem", alerts: ["KubeVersionMismatch", "KubeClientErrors"], records: [] },
  { file: "node-exporter.rules.yaml", key: "nodeExporterRecording", alerts: [], records: ["instance:node_num_cpu:sum", "instance:node_cpu_utilisation:rate5m", "instance:node_load1_per_cpu:ratio", "instance:node_memory_utilisation:ratio", "instance:node_vmstat_pgmajfault:rate5m", "instance_device:node_disk_io_time_seconds:rate5m", "instance_device:node_disk_io_time_weighted_seconds:rate5m", "instance:node_network_receive_bytes_excluding_lo:rate5m", "instance:node_network_transmit_bytes_excluding_lo:rate5m", "instance:node_network_receive_drop_excluding_lo:rate5m", "instance:node_network_transmit_drop_excluding_lo:rate5m", "instance:node_network_receive_bytes_physical:rate5m", "instance:node_network_transmit_bytes_physical:rate5m", "instance:node_network_receive_drop_physical:rate5m", "instance:node_network_transmit_drop_physical:rate5m"] },
  { file: "node-exporter.yaml", key: "nodeExporterAlerting", alerts: ["NodeFilesystemSpaceFillingUp", "NodeFilesystemAlmostOutOfSpace", "NodeFilesystemFilesFillingUp", "NodeFilesystemAlmostOutOfFiles", "NodeNetworkReceiveErrs", "NodeNetworkTransmitErrs", "NodeHighNumberConntrackEntriesUsed", "NodeTextFileCollectorScrapeError", "NodeClockSkewDetected", "NodeClockNotSynchronising", "NodeRAIDDegraded", "NodeRAIDDiskFailure", "NodeFileDescriptorLimit", "NodeCPUHighUsage", "NodeSystemSaturation", "NodeMemoryMajorPagesFaults", "NodeMemoryHighUtilization", "NodeDiskIOSaturation", "NodeSystemdServiceFailed", "NodeSystemdServiceCrashlooping", "NodeBondingDegraded"], records: [] },
  { file: "node-network.yaml", key: "network", alerts: ["NodeNetworkInterfaceFlapping"], records: [] },
  { file: "node.rules.yaml", key: "node", alerts: [], records: ["node_namespace_pod:kube_pod_info:", "node:node_num_cpu:sum", ":node_memory_MemAvailable_bytes:sum", "node:node_cpu_utilization:ratio_rate5m", "cluster:node_cpu:ratio_rate5m"] },
  { file: "prometheus-operator.yaml", key: "prometheusOperator", alerts: ["PrometheusOperatorListErrors", "PrometheusOperatorWatchErrors", "PrometheusOperatorSyncFailed", "PrometheusOperatorReconcileErrors", "PrometheusOperatorStatusUpdateErrors", "PrometheusOperatorNodeLookupErrors", "PrometheusOperatorNotReady", "PrometheusOperatorRejectedResources"], records: [] },
  { file: "prometheus.yaml", key: "prometheus", alerts: ["PrometheusBadConfig", "PrometheusSDRefreshFailure", "PrometheusKubernetesListWatchFailures", "PrometheusNotificationQueueRunningFull", "PrometheusErrorSendingAlertsToSomeAlertmanagers", "PrometheusNotConnectedToAlertmanagers", "PrometheusTSDBReloadsFailing", "PrometheusTSDBCompactionsFailing", "PrometheusNotIngestingSamples", "PrometheusDuplicateTimestamps", "PrometheusOutOfOrderTimestamps", "PrometheusRemoteStorageFailures", "PrometheusRemoteWriteBehind", "PrometheusRemoteWriteDesiredShards", "PrometheusRuleFailures", "PrometheusMissingRuleEvaluations", "PrometheusTargetLimitHit", "PrometheusLabelLimitHit", "PrometheusScrapeBodySizeLimitHit", "PrometheusScrapeSampleLimitHit", "PrometheusTargetSyncFailure", "PrometheusHighQueryLoad", "PrometheusErrorSendingAlertsToAnyAlertmanager"], records: [] },
  { file: "windows.node.rules.yaml", key: "windows", requires: ["windowsMonitoring.enabled"], alerts: [], records: ["node:windows_node:sum", "node:windows_node_num_cpu:sum", ":windows_node_cpu_utilisation:avg1m", "node:windows_node_cpu_utilisation:avg1m", ":windows_node_memory_utilisation:", ":windows_node_memory_MemFreeCached_bytes:sum", "node:windows_node_memory_totalCached_bytes:sum", ":windows_node_memory_MemTotal_bytes:sum", "node:windows_node_memory_bytes_available:sum", "node:windows_node_memory_bytes_total:sum", "node:windows_node_memory_utilisation:ratio", "node:windows_node_memory_utilisation:", "node:windows_node_memory_swap_io_pages:irate", ":windows_node_disk_utilisation:avg_irate", "node:windows_node_disk_utilisation:avg_irate", "node:windows_node_filesystem_usage:", "node:windows_node_filesystem_avail:", ":windows_node_net_utilisation:sum_irate", "node:windows_node_net_utilisation:sum_irate", ":windows_node_net_saturation:sum_irate", "node:windows_node_net_saturation:sum_irate"] },
  { file: "windows.pod.rules.yaml", key: "windows", requires: ["windowsMonitoring.enabled"], alerts: [], records: ["windows_pod_container_available", "windows_container_total_runtime", "windows_container_memory_usage", "windows_container_private_working_set_usage", "windows_container_network_received_bytes_total", "windows_container_network_transmitted_bytes_total", "kube_pod_windows_container_resource_memory_request", "kube_pod_windows_container_resource_memory_limit", "kube_pod_windows_container_resource_cpu_cores_request", "kube_pod_windows_container_resource_cpu_cores_limit", "namespace_pod_container:windows_container_cpu_usage_seconds_total:sum_rate"] },
];

/** The chart's values.yaml defaults the templates' conditions read. */
const CHART_DEFAULTS = {
  create: true,
  rules: new Set(['alertmanager', 'etcd', 'configReloaders', 'general', 'k8sContainerCpuUsageSecondsTotal', 'k8sContainerMemoryCache', 'k8sContainerMemoryRss', 'k8sContainerMemorySwap', 'k8sContainerResource', 'k8sContainerMemoryWorkingSetBytes', 'k8sPodOwner', 'kubeApiserverAvailability', 'kubeApiserverBurnrate', 'kubeApiserverHistogram', 'kubeApiserverSlos', 'kubeControllerManager', 'kubelet', 'kubeProxy', 'kubePrometheusGeneral', 'kubePrometheusNodeRecording', 'kubernetesApps', 'kubernetesResources', 'kubernetesStorage', 'kubernetesSystem', 'kubeSchedulerAlerting', 'kubeSchedulerRecording', 'kubeStateMetrics', 'network', 'node', 'nodeExporterAlerting', 'nodeExporterRecording', 'prometheus', 'prometheusOperator', 'windows']),
  enabled: { kubeEtcd: true, kubeApiServer: true, kubelet: true, kubeControllerManager: true, kubeProxy: true, kubeScheduler: true, windowsMonitoring: false } as Record<string, boolean>,
};

interface ChartValues {
  defaultRules?: { create?: boolean; rules?: Record<string, boolean>; disabled?: Record<string, boolean>; labels?: Record<string, string> };
  additionalPrometheusRulesMap?: Record<string, unknown>;
  prometheus?: { prometheusSpec?: { ruleSelector?: { matchLabels?: Record<string, string> } } };
  [component: string]: unknown;
}

export interface ChartRuleFile {
  readonly file: string;
  readonly alerts: readonly string[];
  readonly records: readonly string[];
  /** Whether the Prometheus of these values evaluates it (its ruleSelector matches the rule's labels). */
  readonly selected: boolean;
}

/** The chart's own rule files these values render, as the templates decide (helm merges the values over the defaults). */
export function chartRules(values: ChartValues, releaseName: string): ChartRuleFile[] {
  const d = values.defaultRules ?? {};
  if (!(d.create ?? CHART_DEFAULTS.create)) return additional(values);
  const on = (key: string) => d.rules?.[key] ?? CHART_DEFAULTS.rules.has(key);
  const enabled = (path: string) => {
    const component = path.split('.')[0]!;
    return (values[component] as { enabled?: boolean } | undefined)?.enabled ?? CHART_DEFAULTS.enabled[component] ?? false;
  };
  const labels = { release: releaseName, ...d.labels };
  const selector = values.prometheus?.prometheusSpec?.ruleSelector?.matchLabels ?? {};
  const selected = Object.entries(selector).every(([k, v]) => labels[k as keyof typeof labels] === v);
  return [
    ...CHART_RULE_TEMPLATES.filter((t) => on(t.key) && (t.requires ?? []).every(enabled)).map((t) => ({
      file: t.file,
      alerts: t.alerts.filter((a) => !d.disabled?.[a]),
      records: t.records,
      selected,
    })),
    ...additional(values),
  ];
}

/** additionalPrometheusRulesMap: rule files written into the values, not read here: each counts as alerting. */
const additional = (values: ChartValues): ChartRuleFile[] =>
  Object.keys(values.additionalPrometheusRulesMap ?? {}).map((name) => ({ file: `additionalPrometheusRulesMap.${name}`, alerts: ['(unread)'], records: [], selected: true }));
