/** Namespace-wide objects: the namespace itself, the network baseline, and (where the profile
 * turns them on) mesh policies, rollout analysis templates and the SLO recording rules (the alerts
 * are evaluated by Azure Monitor: observability/azure-alerts.ts). */
import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { EnvironmentProfile } from '../config/profile.ts';
import { AnalysisTemplates } from '../constructs/progressive-delivery.ts';
import { MeshNamespacePolicies } from '../constructs/service-mesh.ts';
import { NamespaceNetworkBaseline } from '../constructs/network-policies.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, componentLabels } from '../lib/labels.ts';
import { SloRules } from '../observability/slo-rules.ts';

export interface PlatformChartProps {
  readonly profile: EnvironmentProfile;
}

export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, private readonly props: PlatformChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { profile } = props;
    this.namespaceObject();
    new NamespaceNetworkBaseline(this, 'network', { profile });
    if (profile.mesh) new MeshNamespacePolicies(this, 'mesh', { profile });
    if (profile.monitoring) {
      new SloRules(this, 'slos', { profile, monitoring: profile.monitoring });
      if (profile.delivery === 'progressive') new AnalysisTemplates(this, 'analysis', { profile, monitoring: profile.monitoring });
    }
  }

  private namespaceObject(): void {
    const { profile } = this.props;
    emit(this, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: profile.namespace,
        labels: {
          ...componentLabels(profile, profile.namespace, 'namespace'),
          // The API server itself rejects any pod that is not PSS "restricted".
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'latest',
          // The AKS Istio add-on injects sidecars by revision label.
          ...(profile.mesh ? { 'istio.io/rev': profile.mesh.revision } : {}),
        },
        annotations: { [ARGO_SYNC_WAVE]: '-1' },
      },
    } satisfies INamespace);
  }
}
