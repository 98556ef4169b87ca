/**
 * Argo CD for one environment: an AppProject (source = this repo, destinations = our
 * namespaces) and an app-of-apps: the root Application syncs gitops/<env>/argocd, which holds
 * one Application per rendered chart, ordered by sync waves (namespace and config, data stores,
 * services, edge). dev syncs automatically (prune, self-heal); prod waits for a manual sync.
 */
import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { EnvironmentProfile } from '../config/profile.ts';
import { GITOPS_REPO_URL, GITOPS_REVISION } from '../config/releases.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, componentLabels } from '../lib/labels.ts';

export const ARGOCD_CHART = 'argocd';
const IN_CLUSTER = 'https://kubernetes.default.svc';

type IgnoreDifference = NonNullable<NonNullable<IApplication['spec']>['ignoreDifferences']>[number];

/** What the argocd chart needs to know about each other chart. */
export interface ChartApplication {
  readonly chart: string;
  readonly namespace: string;
  readonly wave: number;
  /** Fields a controller rewrites at run time (HPA replicas, Rollout mesh weights). */
  readonly ignoreDifferences: readonly IgnoreDifference[];
}

export const projectName = (profile: EnvironmentProfile): string => `tripgen-${profile.name}`;

export class ArgoCdChart extends Chart {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile, apps: readonly ChartApplication[]) {
    super(scope, id, { disableResourceNameHashes: true });
    const ns = profile.argo.namespace;
    const labels = componentLabels(profile, 'tripgen-argocd', 'gitops');
    const project = projectName(profile);
    const destinations = [...new Set([ns, ...apps.map((a) => a.namespace)])].sort();
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: project, namespace: ns, labels },
      spec: {
        description: `TripGen ${profile.name}: everything rendered into gitops/${profile.name}`,
        sourceRepos: [GITOPS_REPO_URL],
        destinations: destinations.map((namespace) => ({ server: IN_CLUSTER, namespace })),
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      },
    } satisfies IAppProject);

    const syncPolicy = (extra: readonly string[]) => ({
      ...(profile.argo.automatedSync ? { automated: { prune: true, selfHeal: true } } : {}),
      syncOptions: ['CreateNamespace=false', 'PruneLast=true', ...extra],
      retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
    });
    const application = (name: string, path: string, namespace: string, wave: number, ignore: readonly IgnoreDifference[]) =>
      emit(this, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name,
          namespace: ns,
          labels,
          annotations: { [ARGO_SYNC_WAVE]: String(wave) },
          finalizers: ['resources-finalizer.argocd.argoproj.io'],
        },
        spec: {
          project,
          source: { repoURL: GITOPS_REPO_URL, targetRevision: GITOPS_REVISION, path, directory: { recurse: false } },
          destination: { server: IN_CLUSTER, namespace },
          ...(ignore.length > 0 ? { ignoreDifferences: ignore.map((i) => ({ ...i })) } : {}),
          syncPolicy: syncPolicy(ignore.length > 0 ? ['RespectIgnoreDifferences=true'] : []),
        },
      } satisfies IApplication);

    // The root app manages this folder, itself included (bootstrap: kubectl apply it once).
    application(project, `gitops/${profile.name}/${ARGOCD_CHART}`, ns, 0, []);
    for (const app of apps) {
      application(`${project}-${app.chart}`, `gitops/${profile.name}/${app.chart}`, app.namespace, app.wave, app.ignoreDifferences);
    }
  }
}
