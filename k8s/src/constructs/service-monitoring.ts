/** Prometheus scraping of one service (prometheus-operator ServiceMonitor). */
import { Construct } from 'constructs';
import { METRICS_PATH, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { IService } from 'kubernetes-models/v1/Service';
import type { EnvironmentProfile, MonitoringProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels, selectorLabels } from '../lib/labels.ts';
import { REVISION_LABEL } from '../lib/scheduling.ts';

/** The pod label Argo Rollouts stamps on each ReplicaSet's pods, kept on every scraped series. */
export const POD_TEMPLATE_HASH_LABEL = REVISION_LABEL.Rollout;
/** The same label as Prometheus names it (prometheus-operator sanitizes label names). */
export const POD_TEMPLATE_HASH_METRIC_LABEL = POD_TEMPLATE_HASH_LABEL.replace(/-/g, '_');
export const METRICS_COMPONENT = 'metrics';
/** Where Prometheus's Istio sidecar writes the workload certificate it scrapes with (platform-addons.ts mounts it). */
export const PROM_CERTS_DIR = '/etc/prom-certs';
export const metricsServiceName = (s: ServiceSpec): string => `${workloadName(s.name)}-metrics`;

export interface ServiceMonitoringProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
  readonly monitoring: MonitoringProfile;
  readonly port: number;
  readonly portName: string;
}

export class ServiceMonitoring extends Construct {
  private readonly name: string;

  constructor(scope: Construct, id: string, private readonly props: ServiceMonitoringProps) {
    super(scope, id);
    this.name = workloadName(props.spec.name);
    this.metricsService();
    this.serviceMonitor();
  }

  /**
   * Argo Rollouts narrows the stable/active and canary/preview Services to one ReplicaSet each (it
   * adds the pod-template hash to their selectors), so scraping through them would miss the
   * canary's pods or scrape the stable ones twice. This headless Service no controller touches
   * selects every pod of the service exactly once.
   */
  private metricsService(): void {
    const { spec, profile, port, portName } = this.props;
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: metricsServiceName(spec), namespace: profile.namespace, labels: componentLabels(profile, this.name, METRICS_COMPONENT) },
      spec: {
        clusterIP: 'None',
        // Scrape pods that fail readiness too: their dependency_up is what says why they are out.
        publishNotReadyAddresses: true,
        selector: selectorLabels(this.name),
        ports: [{ name: portName, port, targetPort: portName, protocol: 'TCP', appProtocol: 'http' }],
      },
    } satisfies IService);
  }

  private serviceMonitor(): void {
    const { profile, monitoring, portName } = this.props;
    // Under STRICT mTLS Prometheus scrapes with the Istio-issued certificates it mounts
    // (Istio's documented "Prometheus with mTLS" set-up); without a mesh, plain HTTP.
    const tls = profile.mesh
      ? {
          scheme: 'https' as const,
          tlsConfig: {
            caFile: `${PROM_CERTS_DIR}/root-cert.pem`,
            certFile: `${PROM_CERTS_DIR}/cert-chain.pem`,
            keyFile: `${PROM_CERTS_DIR}/key.pem`,
            insecureSkipVerify: true,
          },
        }
      : {};
    emit(this, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: this.name, namespace: profile.namespace, labels: { ...componentLabels(profile, this.name, 'api'), ...monitoring.ruleSelectorLabels } },
      spec: {
        selector: { matchLabels: { ...selectorLabels(this.name), 'app.kubernetes.io/component': METRICS_COMPONENT } },
        namespaceSelector: { matchNames: [profile.namespace] },
        // The pod-template hash tells a canary's series from the stable ones (the Rollout analysis
        // filters on it). Target labels win (`job` = the metrics Service); the kit's own `service`
        // label arrives as `exported_service`.
        podTargetLabels: [POD_TEMPLATE_HASH_LABEL],
        endpoints: [{ port: portName, path: METRICS_PATH, interval: '30s', ...tls }],
      },
    } satisfies IServiceMonitor);
  }
}
