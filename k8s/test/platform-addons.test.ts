/**
 * The platform add-ons over the committed gitops/ and the Bicep snapshots (issue 12): pinned chart
 * versions, every custom kind served by an add-on of an earlier sync wave or by an AKS feature
 * the snapshot enables, Argo CD's Application health check, server-side apply for the
 * prometheus-operator CRDs, and Prometheus mounting the certificates the ServiceMonitors name.
 * Each check is shown failing on a broken copy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDON_CHARTS, APPLICATION_HEALTH_KEY } from '../src/config/addons.ts';
import { PROM_CERTS_DIR } from '../src/constructs/service-monitoring.ts';
import { repoPath } from '../src/lib/paths.ts';
import { applicationHealthCheck, chartObjectsInProjectNamespaces, customKindsProvided, meshedRestrictedPodsSetSeccomp, pinnedAddOns, serverSideApplyForLargeCrds } from './policy/addons.ts';
import type { K8sObject, Located } from './policy/objects.ts';
import { summarizeAddOns } from '../src/render.ts';
import { renderedObjects } from './support/gitops.ts';

type Resource = { type: string; properties: Record<string, unknown> };
const managedCluster = (env: string): Resource => {
  const snapshot = JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', `${env}.snapshot.json`), 'utf8')) as { predictedResources: Resource[] };
  return snapshot.predictedResources.find((r) => r.type === 'Microsoft.ContainerService/managedClusters')!;
};
const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

const edit = (located: readonly Located[], kind: string, name: string, change: (o: K8sObject) => void): Located[] =>
  located.map((l) => {
    if (l.object.kind !== kind || l.object.metadata.name !== name) return l;
    const object = structuredClone(l.object);
    change(object);
    return { ...l, object };
  });

describe.each(['dev', 'prod'])('%s: platform add-ons', (env) => {
  const located = renderedObjects().filter((l) => l.env === env);
  const aks = managedCluster(env);
  const aksProperty = (path: string) => at(aks, path);
  const appName = (release: string) => `tripgen-${env}-platform-${release}`;

  it('pin every chart to its exact version, and the synth summary lists them', () => {
    expect(pinnedAddOns(located)).toEqual([]);
    const listed = summarizeAddOns(located.map((l) => ({ env, chart: '', path: l.path, object: l.object as never })))[env] ?? [];
    const expected = env === 'dev' ? ['argoCd', 'nginxIngress'] : ['argoCd', 'argoRollouts', 'kubePrometheusStack'];
    expect(listed).toEqual(expected.map((k) => `${ADDON_CHARTS[k as keyof typeof ADDON_CHARTS].chart} ${ADDON_CHARTS[k as keyof typeof ADDON_CHARTS].version}`).sort());
  });
  it('fail on a version range or an unknown chart', () => {
    const ranged = edit(located, 'Application', appName('argocd'), (o) => ((o.spec as { source: { targetRevision: string } }).source.targetRevision = '10.1.*'));
    expect(pinnedAddOns(ranged)).toEqual([expect.stringMatching(/argo-cd at "10\.1\.\*", not the exact version 10\.1\.1/)]);
    const foreign = edit(located, 'Application', appName('argocd'), (o) => ((o.spec as { source: { chart: string } }).source.chart = 'argocd-apps'));
    expect(pinnedAddOns(foreign)).toEqual([expect.stringMatching(/argocd-apps .* is not a pinned add-on/)]);
  });

  it('serve every custom kind gitops/ uses: an add-on of an earlier wave, an AKS feature the Bicep snapshot enables, or Kubernetes', () => {
    expect(customKindsProvided(located, env, aksProperty)).toEqual([]);
  });
  it('fail without the VPA add-on in the snapshot (prod), or when the platform chart syncs before the add-ons (prod)', () => {
    if (env !== 'prod') return;
    const noVpa = (path: string) => (path.includes('verticalPodAutoscaler') ? false : aksProperty(path));
    expect(customKindsProvided(located, env, noVpa).join('\n')).toMatch(/VerticalPodAutoscaler \(autoscaling\.k8s\.io\) .* no add-on, AKS feature or built-in API serves it/);
    const early = edit(located, 'Application', `tripgen-${env}-platform`, (o) => (o.metadata.annotations!['argocd.argoproj.io/sync-wave'] = '-2'));
    expect(customKindsProvided(early, env, aksProperty).join('\n')).toMatch(/PrometheusRule in prod\/platform\/.* syncs in wave -2 .* not after tripgen-prod-platform-kube-prometheus-stack \(wave -2\)/);
    const withoutStack = located.filter((l) => l.object.metadata.name !== appName('kube-prometheus-stack'));
    expect(customKindsProvided(withoutStack, env, aksProperty).join('\n')).toMatch(/ServiceMonitor \(monitoring\.coreos\.com\) .* no add-on/);
  });

  it('restore the Application health check in Argo CD\'s own values, so waves between Applications wait', () => {
    expect(applicationHealthCheck(located)).toEqual([]);
    const broken = edit(located, 'Application', appName('argocd'), (o) => {
      delete ((o.spec as { source: { helm: { valuesObject: { configs: { cm: Record<string, string> } } } } }).source.helm.valuesObject.configs.cm[APPLICATION_HEALTH_KEY]);
    });
    expect(applicationHealthCheck(broken)).toEqual([expect.stringMatching(/no resource\.customizations\.health\.argoproj\.io_Application/)]);
  });

  it('give every meshed add-on under restricted Pod Security a pod-level seccomp profile (the injected sidecar has none)', () => {
    expect(meshedRestrictedPodsSetSeccomp(located)).toEqual([]);
    if (env !== 'prod') return;
    const bare = edit(located, 'Application', appName('argo-rollouts'), (o) => {
      delete (o.spec as { source: { helm: { valuesObject: Record<string, unknown> } } }).source.helm.valuesObject.podSecurityContext;
    });
    expect(meshedRestrictedPodsSetSeccomp(bare)).toEqual([expect.stringMatching(/argo-rollouts: values\.podSecurityContext\.seccompProfile is not RuntimeDefault/)]);
  });

  it('render nothing into a namespace the add-ons\' project does not allow', () => {
    expect(chartObjectsInProjectNamespaces(located)).toEqual([]);
    if (env !== 'prod') return;
    const withCoreDns = edit(located, 'Application', appName('kube-prometheus-stack'), (o) => {
      delete (o.spec as { source: { helm: { valuesObject: Record<string, unknown> } } }).source.helm.valuesObject.coreDns;
    });
    expect(chartObjectsInProjectNamespaces(withCoreDns)).toEqual([expect.stringMatching(/renders exporters\/core-dns\/service\.yaml into kube-system, which project tripgen-prod-platform does not allow/)]);
  });

  it('keep the add-ons in their own project: upstream chart repositories only, never this repository', () => {
    const project = located.find((l) => l.object.kind === 'AppProject' && l.object.metadata.name === `tripgen-${env}-platform`)!.object;
    const repos = (project.spec as { sourceRepos: string[] }).sourceRepos;
    expect(repos.every((r) => Object.values(ADDON_CHARTS).some((c) => c.repoURL === r))).toBe(true);
  });
});

describe('prod: Prometheus stack', () => {
  const located = renderedObjects().filter((l) => l.env === 'prod');
  const stack = located.find((l) => l.object.metadata.name === 'tripgen-prod-platform-kube-prometheus-stack')!;

  it('syncs the prometheus-operator CRDs server-side (too large for client-side apply)', () => {
    expect(serverSideApplyForLargeCrds(located)).toEqual([]);
    const broken = edit(located, 'Application', stack.object.metadata.name, (o) => {
      const p = (o.spec as { syncPolicy: { syncOptions: string[] } }).syncPolicy;
      p.syncOptions = p.syncOptions.filter((s) => s !== 'ServerSideApply=true');
    });
    expect(serverSideApplyForLargeCrds(broken)).toEqual([expect.stringMatching(/helm-charts#3345/)]);
  });

  it('keeps kube-state-metrics from listing Secrets, which nothing of ours reads as metrics', () => {
    // kube-state-metrics 8.4.0 (the stack's pinned subchart) collects Secrets by default and its
    // ClusterRole then lists and watches every Secret, and a list returns their contents
    // (kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets). Excluding the
    // collector removes the rule and the --resources entry (templates/role.yaml, deployment.yaml).
    expect(at(stack.object, 'spec.source.helm.valuesObject.kube-state-metrics.collectorsExclude')).toContain('secrets');
    expect(JSON.stringify(located.map((l) => l.object))).not.toMatch(/kube_secret_/);
  });

  it('mounts the Istio workload certificate where every ServiceMonitor reads it (istio.io ops/integrations/prometheus, TLS settings)', () => {
    const spec = at(stack.object, 'spec.source.helm.valuesObject.prometheus.prometheusSpec') as { volumeMounts: { mountPath: string }[]; podMetadata: { annotations: Record<string, string> } };
    expect(spec.volumeMounts.map((m) => m.mountPath)).toContain(PROM_CERTS_DIR);
    expect(spec.podMetadata.annotations['proxy.istio.io/config']).toContain('OUTPUT_CERTS');
    const monitors = located.filter((l) => l.object.kind === 'ServiceMonitor');
    expect(monitors.length).toBeGreaterThan(0);
    for (const m of monitors) {
      const tls = at(m.object, 'spec.endpoints') as { tlsConfig: { caFile: string } }[];
      expect(tls[0]!.tlsConfig.caFile.startsWith(`${PROM_CERTS_DIR}/`), m.path).toBe(true);
    }
  });
});
