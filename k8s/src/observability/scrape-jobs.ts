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
