/** Namespace-wide objects: the namespace itself, the network baseline, and (where the profile
 * turns them on) mesh policies, rollout analysis templates and alert rules. */
import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { EnvironmentProfile } from '../config/profile.ts';
import { analysisTemplates } from '../constructs/progressive-delivery.ts';
import { meshNamespacePolicies } from '../constructs/service-mesh.ts';
import { namespaceBaselinePolicies } from '../constructs/network-policies.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, componentLabels } from '../lib/labels.ts';
import { alertRules } from '../observability/alerts.ts';
import { sloRules } from '../observability/slo-rules.ts';

export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile) {
    super(scope, id, { disableResourceNameHashes: true });
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
    namespaceBaselinePolicies(this, profile);
    if (profile.mesh) meshNamespacePolicies(this, profile);
    if (profile.monitoring) {
      alertRules(this, profile, profile.monitoring);
      sloRules(this, profile, profile.monitoring);
      if (profile.delivery === 'progressive') analysisTemplates(this, profile, profile.monitoring);
    }
  }
}
