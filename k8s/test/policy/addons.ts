/**
 * The platform add-ons as checks over the rendered objects of one environment: every add-on
 * Application pins an exact chart version; every custom kind gitops/ uses is served by an add-on
 * that syncs in an earlier wave, by the cluster (an AKS managed feature the Bicep snapshot turns
 * on) or by Kubernetes itself; and Argo CD's own values restore the Application health check the
 * waves depend on.
 */
import { dirname } from 'node:path';
import { APPLICATION_HEALTH_KEY, BUILT_IN_API_GROUPS, CHART_CRDS, CLUSTER_PROVIDED_APIS, ADDON_CHARTS } from '../../src/config/addons.ts';
import { id, type K8sObject, type Located } from './objects.ts';

interface AppSource {
  repoURL?: string;
  chart?: string;
  path?: string;
  targetRevision?: string;
  helm?: { valuesObject?: Record<string, unknown> };
}
const sourceOf = (app: K8sObject): AppSource => ((app.spec as { source?: AppSource } | undefined)?.source ?? {});
const waveOf = (app: K8sObject): number => Number(app.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
const groupOf = (o: K8sObject): string => (o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '');
const helmApps = (located: readonly Located[]): K8sObject[] => located.map((l) => l.object).filter((o) => o.kind === 'Application' && sourceOf(o).chart);

const EXACT_SEMVER = /^\d+\.\d+\.\d+$/;

/** Each add-on Application names a known chart at exactly the version config/addons.ts pins. */
export function pinnedAddOns(located: readonly Located[]): string[] {
  const v: string[] = [];
  for (const app of helmApps(located)) {
    const s = sourceOf(app);
    const known = Object.values(ADDON_CHARTS).find((c) => c.chart === s.chart && c.repoURL === s.repoURL);
    if (!known) v.push(`${id(app)}: chart ${String(s.chart)} from ${String(s.repoURL)} is not a pinned add-on of config/addons.ts`);
    else if (!EXACT_SEMVER.test(s.targetRevision ?? '') || s.targetRevision !== known.version)
      v.push(`${id(app)}: ${String(s.chart)} at "${String(s.targetRevision)}", not the exact version ${known.version}`);
  }
  return v;
}

/** What serves a custom kind in this environment: an add-on Application (with its wave) or the cluster. */
type Provider = { by: 'addon'; app: K8sObject; wave: number } | { by: 'cluster'; what: string } | { by: 'bootstrap' };

/**
 * Every object's kind is built in, served by an AKS feature the snapshot enables, or installed by
 * an add-on Application that syncs in an earlier wave than the Application carrying the object.
 * The root folder (gitops/<env>/argocd: Applications, AppProjects) relies on the one-time Argo CD
 * install. `aksProperty(path)` reads the environment's managed cluster in the Bicep snapshot.
 */
export function customKindsProvided(located: readonly Located[], env: string, aksProperty: (path: string) => unknown): string[] {
  const v: string[] = [];
  const apps = located.filter((l) => l.object.kind === 'Application').map((l) => l.object);
  const providers = new Map<string, Provider[]>();
  const add = (group: string, kind: string, p: Provider) => providers.set(`${group}/${kind}`, [...(providers.get(`${group}/${kind}`) ?? []), p]);
  for (const app of helmApps(located)) {
    const name = (Object.keys(ADDON_CHARTS) as (keyof typeof ADDON_CHARTS)[]).find((k) => ADDON_CHARTS[k].chart === sourceOf(app).chart);
    for (const g of name ? CHART_CRDS[name] : []) for (const k of g.kinds) add(g.group, k, { by: 'addon', app, wave: waveOf(app) });
  }
  for (const c of CLUSTER_PROVIDED_APIS) {
    if (aksProperty(c.bicepProperty) === c.expected) for (const k of c.kinds) add(c.group, k, { by: 'cluster', what: c.by });
  }
  add('argoproj.io', 'Application', { by: 'bootstrap' });
  add('argoproj.io', 'AppProject', { by: 'bootstrap' });

  for (const l of located) {
    const o = l.object;
    const group = groupOf(o);
    if (BUILT_IN_API_GROUPS.includes(group)) continue;
    const folder = `gitops/${dirname(l.path)}`;
    const owner = apps.find((a) => sourceOf(a).path === folder);
    const found = providers.get(`${group}/${o.kind}`) ?? [];
    if (found.length === 0) {
      v.push(`${env}: ${o.kind} (${group}) in ${l.path}: no add-on, AKS feature or built-in API serves it`);
      continue;
    }
    if (found.some((p) => p.by !== 'addon')) continue;
    if (!owner) continue; // the root folder: Argo CD's own bootstrap
    const earlier = found.filter((p) => p.by === 'addon' && p.wave < waveOf(owner));
    if (earlier.length === 0) {
      const p = found[0] as Extract<Provider, { by: 'addon' }>;
      v.push(`${env}: ${o.kind} in ${l.path} syncs in wave ${waveOf(owner)} (${owner.metadata.name}), not after ${p.app.metadata.name} (wave ${p.wave}) that installs its CRD`);
    }
  }
  return v;
}

/** Argo CD's values restore the Application health check, or the root app's waves do not wait. */
export function applicationHealthCheck(located: readonly Located[]): string[] {
  const argo = helmApps(located).find((a) => sourceOf(a).chart === ADDON_CHARTS.argoCd.chart);
  if (!argo) return ['no Argo CD Application: Argo CD does not manage itself'];
  const cm = (sourceOf(argo).helm?.valuesObject?.configs as { cm?: Record<string, unknown> } | undefined)?.cm ?? {};
  const lua = cm[APPLICATION_HEALTH_KEY];
  return typeof lua === 'string' && lua.includes('obj.status.health.status')
    ? []
    : [`${id(argo)}: configs.cm has no ${APPLICATION_HEALTH_KEY}: sync waves between Applications would not wait (argo-cd upgrading/1.7-1.8)`];
}

/** CRDs larger than the last-applied annotation allows need server-side apply (prometheus-community/helm-charts#3345). */
export function serverSideApplyForLargeCrds(located: readonly Located[]): string[] {
  return helmApps(located)
    .filter((a) => sourceOf(a).chart === ADDON_CHARTS.kubePrometheusStack.chart)
    .filter((a) => !((a.spec as { syncPolicy?: { syncOptions?: string[] } }).syncPolicy?.syncOptions ?? []).includes('ServerSideApply=true'))
    .map((a) => `${id(a)}: the prometheus-operator CRDs exceed the 256 KiB annotation of client-side apply: ServerSideApply=true (prometheus-community/helm-charts#3345)`);
}

/**
 * Where each add-on chart takes its pods' pod-level securityContext in its values, read from the
 * chart at the pinned version (argo-helm charts/argo-rollouts/values.yaml, tag argo-rollouts-2.41.0:
 * `podSecurityContext`, default `runAsNonRoot: true` only; the seccomp profile is set on the
 * controller container alone).
 */
const POD_SECURITY_CONTEXT_VALUES: Readonly<Record<string, string>> = { [ADDON_CHARTS.argoRollouts.chart]: 'podSecurityContext' };

/**
 * An add-on whose namespace enforces Pod Security `restricted` and carries `istio.io/rev` gets an
 * injected istio-proxy container (and istio-validation with CNI) that sets no seccompProfile of its
 * own (Istio's injection-template.yaml), and `restricted` requires one on the pod or on every
 * container (kubernetes.io Pod Security Standards, "Seccomp"): without a pod-level RuntimeDefault
 * the API server rejects the controller's pods, its Application never becomes Healthy and the
 * root sync stops at its wave.
 */
export function meshedRestrictedPodsSetSeccomp(located: readonly Located[]): string[] {
  const v: string[] = [];
  for (const app of helmApps(located)) {
    const labels = (app.spec as { syncPolicy?: { managedNamespaceMetadata?: { labels?: Record<string, string> } } }).syncPolicy?.managedNamespaceMetadata?.labels ?? {};
    if (labels['pod-security.kubernetes.io/enforce'] !== 'restricted' || !labels['istio.io/rev']) continue;
    const chart = sourceOf(app).chart ?? '';
    const key = POD_SECURITY_CONTEXT_VALUES[chart];
    if (!key) {
      v.push(`${id(app)}: ${chart} runs meshed under restricted, but where its values set the pod securityContext is not known`);
      continue;
    }
    const pod = sourceOf(app).helm?.valuesObject?.[key] as { seccompProfile?: { type?: string } } | undefined;
    if (pod?.seccompProfile?.type !== 'RuntimeDefault')
      v.push(`${id(app)}: values.${key}.seccompProfile is not RuntimeDefault: the injected sidecar sets none, so restricted rejects the pods`);
  }
  return v;
}

/**
 * What an add-on chart renders outside its release namespace at the pinned version: the template,
 * the namespace, and the values that must all be true for it to render (with the chart's
 * defaults). Read from the chart at that tag; the argo-cd, argo-rollouts and nginx-ingress charts
 * render nothing outside their release namespace. kube-prometheus-stack-88.5.3:
 * templates/exporters/<component>/service.yaml (and endpoints.yaml) put the Services of CoreDNS
 * and the control-plane components into kube-system.
 */
const OUTSIDE_RELEASE_NAMESPACE: Readonly<Record<string, readonly { template: string; namespace: string; when: Readonly<Record<string, boolean>> }[]>> = {
  [ADDON_CHARTS.kubePrometheusStack.chart]: [
    { template: 'exporters/core-dns/service.yaml', namespace: 'kube-system', when: { 'coreDns.enabled': true, 'coreDns.service.enabled': true, 'kubernetesServiceMonitors.enabled': true } },
    ...['kubeControllerManager', 'kubeEtcd', 'kubeProxy', 'kubeScheduler'].map((c) => ({
      template: `exporters/${c.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`)}/service.yaml`,
      namespace: 'kube-system',
      when: { [`${c}.enabled`]: true, [`${c}.service.enabled`]: true, 'kubernetesServiceMonitors.enabled': true },
    })),
    { template: 'exporters/kube-dns/service.yaml', namespace: 'kube-system', when: { 'kubeDns.enabled': false, 'kubernetesServiceMonitors.enabled': true } },
  ],
};

/**
 * Every object an add-on chart renders lands in a namespace its project allows: Argo CD refuses to
 * sync a resource whose namespace is not among the project's destinations, failing the add-on's
 * sync and holding the root app at its wave (argo-cd docs, user-guide/projects.md).
 */
export function chartObjectsInProjectNamespaces(located: readonly Located[]): string[] {
  const v: string[] = [];
  for (const app of helmApps(located)) {
    const s = sourceOf(app);
    const project = located.find((l) => l.object.kind === 'AppProject' && l.object.metadata.name === (app.spec as { project?: string }).project)?.object;
    const allowed = ((project?.spec as { destinations?: { namespace?: string }[] } | undefined)?.destinations ?? []).map((d) => d.namespace);
    for (const o of OUTSIDE_RELEASE_NAMESPACE[s.chart ?? ''] ?? []) {
      const value = (path: string, byDefault: boolean): boolean => {
        const set = path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), s.helm?.valuesObject);
        return typeof set === 'boolean' ? set : byDefault;
      };
      const renders = Object.entries(o.when).every(([path, byDefault]) => value(path, byDefault));
      if (renders && !allowed.includes(o.namespace) && !allowed.includes('*'))
        v.push(`${id(app)}: ${s.chart} renders ${o.template} into ${o.namespace}, which project ${String(project?.metadata.name)} does not allow`);
    }
  }
  return v;
}
