/** Prometheus scraping of one service (prometheus-operator ServiceMonitor). */
import { Construct } from 'constructs';
import { METRICS_PATH, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { EnvironmentProfile, MonitoringProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels, selectorLabels } from '../lib/labels.ts';

export interface ServiceMonitoringProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
  readonly monitoring: MonitoringProfile;
}

export class ServiceMonitoring extends Construct {
  constructor(scope: Construct, id: string, props: ServiceMonitoringProps) {
    super(scope, id);
    const { spec, profile, monitoring } = props;
    const name = workloadName(spec.name);
    // Under STRICT mTLS Prometheus scrapes with the Istio-issued certificates it mounts
    // (Istio's documented "Prometheus with mTLS" set-up); without a mesh, plain HTTP.
    const tls = profile.mesh
      ? {
          scheme: 'https' as const,
          tlsConfig: {
            caFile: '/etc/prom-certs/root-cert.pem',
            certFile: '/etc/prom-certs/cert-chain.pem',
            keyFile: '/etc/prom-certs/key.pem',
            insecureSkipVerify: true,
          },
        }
      : {};
    emit(this, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name, namespace: profile.namespace, labels: { ...componentLabels(profile, name, 'api'), ...monitoring.ruleSelectorLabels } },
      spec: {
        selector: { matchLabels: selectorLabels(name) },
        namespaceSelector: { matchNames: [profile.namespace] },
        endpoints: [{ port: 'http', path: METRICS_PATH, interval: '30s', ...tls }],
      },
    } satisfies IServiceMonitor);
  }
}
