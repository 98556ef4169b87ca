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
import { ARGO_SYNC_RETRY } from '../lib/argo-sync.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, componentLabels } from '../lib/labels.ts';
import { PROJECT_WAVE, PlatformAddOns, type PlatformAddOn } from '../constructs/platform-addons.ts';

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

export interface ArgoCdChartProps {
  readonly profile: EnvironmentProfile;
  /** Every other chart of the environment: one Application each. */
  readonly apps: readonly ChartApplication[];
}

export class ArgoCdChart extends Chart {
  /** The add-ons this environment syncs (the synth summary lists them). */
  readonly addOns: readonly PlatformAddOn[];
  private readonly appLabels: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: ArgoCdChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { profile, apps } = props;
    this.appLabels = componentLabels(profile, 'tripgen-argocd', 'gitops');
    // Two projects, so that nothing a workload chart renders can land in Argo CD's own namespace
    // (an Application written there may name any project: a privilege escalation). The root app's
    // project reaches only Argo CD's namespace and only Applications and AppProjects; the charts'
    // project reaches only the namespaces the charts deploy to.
    this.bootstrapProject();
    this.chartsProject();
    // The platform add-ons (Argo CD itself, controllers, CRDs) sync before every chart of ours.
    this.addOns = new PlatformAddOns(this, 'addons', { profile, labels: this.appLabels }).addOns;
    // The root app manages this folder, itself included (bootstrap: kubectl apply it once).
    this.application(projectName(profile), bootstrapProjectName(profile), `gitops/${profile.name}/${ARGOCD_CHART}`, profile.argo.namespace, 0, []);
    for (const app of apps) {
      this.application(`${projectName(profile)}-${app.chart}`, projectName(profile), `gitops/${profile.name}/${app.chart}`, app.namespace, app.wave, app.ignoreDifferences);
    }
  }

  private bootstrapProject(): void {
    const { profile } = this.props;
    const ns = profile.argo.namespace;
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: bootstrapProjectName(profile), namespace: ns, labels: this.appLabels, annotations: { [ARGO_SYNC_WAVE]: String(PROJECT_WAVE) } },
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
  }

  private chartsProject(): void {
    const { profile, apps } = this.props;
    const destinations = [...new Set(apps.map((a) => a.namespace))].sort();
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: projectName(profile), namespace: profile.argo.namespace, labels: this.appLabels, annotations: { [ARGO_SYNC_WAVE]: String(PROJECT_WAVE) } },
      spec: {
        description: `TripGen ${profile.name}: the charts rendered into gitops/${profile.name}`,
        sourceRepos: [GITOPS_REPO_URL],
        destinations: destinations.map((namespace) => ({ server: IN_CLUSTER, namespace })),
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      },
    } satisfies IAppProject);
  }

  private application(name: string, appProject: string, path: string, namespace: string, wave: number, ignore: readonly IgnoreDifference[]): void {
    const { profile } = this.props;
    const extraSyncOptions = ignore.length > 0 ? ['RespectIgnoreDifferences=true'] : [];
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name,
        namespace: profile.argo.namespace,
        labels: this.appLabels,
        annotations: { [ARGO_SYNC_WAVE]: String(wave) },
        finalizers: ['resources-finalizer.argocd.argoproj.io'],
      },
      spec: {
        project: appProject,
        source: { repoURL: GITOPS_REPO_URL, targetRevision: GITOPS_REVISION, path, directory: { recurse: false } },
        destination: { server: IN_CLUSTER, namespace },
        ...(ignore.length > 0 ? { ignoreDifferences: ignore.map((i) => ({ ...i })) } : {}),
        syncPolicy: {
          ...(profile.argo.automatedSync ? { automated: { prune: true, selfHeal: true } } : {}),
          syncOptions: ['CreateNamespace=false', 'PruneLast=true', ...extraSyncOptions],
          retry: { ...ARGO_SYNC_RETRY, backoff: { ...ARGO_SYNC_RETRY.backoff } },
        },
      },
    } satisfies IApplication);
  }
}
