import type { EnvironmentProfile } from '../config/profile.ts';

export const PART_OF = 'tripgen';

/** The labels a selector uses: explicit app.kubernetes.io names, never a cdk8s path hash. */
export const selectorLabels = (name: string): Record<string, string> => ({
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': PART_OF,
});

/** Labels on every object of a component (selector labels plus the descriptive ones). */
export const componentLabels = (
  profile: EnvironmentProfile,
  name: string,
  component: string,
): Record<string, string> => ({
  ...selectorLabels(name),
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/managed-by': 'cdk8s',
  'tripgen.example/environment': profile.name,
});

/** A service's schema-migration Job; its pods are named (and let through to PostgreSQL) by it. */
export const migrationJobName = (service: string): string => `${service}-migrate`;

export const ARGO_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/**
 * Order inside one service's sync: identity, config and secret wiring first, then the schema
 * migration (a Sync hook Argo CD waits for), then the new version of the workload, with the
 * HorizontalPodAutoscaler that scales it (an HPA applied before its target is Degraded).
 */
export const WAVES = { config: '-1', migration: '0', workload: '1' } as const;
