/**
 * Argo CD for one environment: two AppProjects (source = this repo; the root app's reaches only
 * Argo CD's namespace, the charts' only our namespaces) and an app-of-apps: the root Application syncs gitops/<env>/argocd, which holds
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
import { platformAddOnApplications, type PlatformAddOn } from '../constructs/platform-addons.ts';

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
/** The project of the root Application, which manages the Argo CD objects themselves. */
export const bootstrapProjectName = (profile: EnvironmentProfile): string => `tripgen-${profile.name}-bootstrap`;

export class ArgoCdChart extends Chart {
  /** The add-ons this environment syncs (the synth summary lists them). */
  readonly addOns: readonly PlatformAddOn[];
  constructor(scope: Construct, id: string, profile: EnvironmentProfile, apps: readonly ChartApplication[]) {
    super(scope, id, { disableResourceNameHashes: true });
    const ns = profile.argo.namespace;
    const labels = componentLabels(profile, 'tripgen-argocd', 'gitops');
    const project = projectName(profile);
    const bootstrap = bootstrapProjectName(profile);
    // Two projects, so that nothing a workload chart renders can land in Argo CD's own namespace
    // (an Application written there may name any project: a privilege escalation). The root app's
    // project reaches only Argo CD's namespace and only Applications and AppProjects; the charts'
    // project reaches only the namespaces the charts deploy to.
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: bootstrap, namespace: ns, labels },
      spec: {
        description: `TripGen ${profile.name}: the Argo CD objects in gitops/${profile.name}/${ARGOCD_CHART}`,
        sourceRepos: [GITOPS_REPO_URL],
        destinations: [{ server: IN_CLUSTER, namespace: ns }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [
          { group: 'argoproj.io', kind: 'AppProject' },
          { group: 'argoproj.io', kind: 'Application' },
        ],
      },
    } satisfies IAppProject);
    const destinations = [...new Set(apps.map((a) => a.namespace))].sort();
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: project, namespace: ns, labels },
      spec: {
        description: `TripGen ${profile.name}: the charts rendered into gitops/${profile.name}`,
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
    const application = (name: string, appProject: string, path: string, namespace: string, wave: number, ignore: readonly IgnoreDifference[]) =>
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
          project: appProject,
          source: { repoURL: GITOPS_REPO_URL, targetRevision: GITOPS_REVISION, path, directory: { recurse: false } },
          destination: { server: IN_CLUSTER, namespace },
          ...(ignore.length > 0 ? { ignoreDifferences: ignore.map((i) => ({ ...i })) } : {}),
          syncPolicy: syncPolicy(ignore.length > 0 ? ['RespectIgnoreDifferences=true'] : []),
        },
      } satisfies IApplication);

    // The platform add-ons (Argo CD itself, controllers, CRDs) sync before every chart of ours.
    this.addOns = platformAddOnApplications(this, profile, labels);

    // The root app manages this folder, itself included (bootstrap: kubectl apply it once).
    application(project, bootstrap, `gitops/${profile.name}/${ARGOCD_CHART}`, ns, 0, []);
    for (const app of apps) {
      application(`${project}-${app.chart}`, project, `gitops/${profile.name}/${app.chart}`, app.namespace, app.wave, app.ignoreDifferences);
    }
  }
}
