import type { Construct } from 'constructs';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { EnvironmentProfile, MonitoringProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels } from '../lib/labels.ts';

export interface PrometheusRuleProps {
  readonly profile: EnvironmentProfile;
  readonly monitoring: MonitoringProfile;
}

/** One PrometheusRule in the app namespace, labelled so the Prometheus operator's rule selector picks it up. */
export function emitPrometheusRule(scope: Construct, name: string, { profile, monitoring }: PrometheusRuleProps, groups: IPrometheusRule['spec']['groups']): void {
  emit(scope, {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name,
      namespace: profile.namespace,
      labels: { ...componentLabels(profile, name, 'monitoring'), ...monitoring.ruleSelectorLabels },
    },
    spec: { groups },
  } satisfies IPrometheusRule);
}
