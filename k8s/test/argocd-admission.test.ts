/**
 * argoProjectsAdmit on small hand-made app-of-apps layouts: what an AppProject admits (its source
 * repositories, destinations, cluster and namespaced resource whitelists, `*` wildcards, the core
 * group ""), and the least-privilege rule for Argo CD's own namespace. argocd.test.ts applies it to
 * the rendered gitops/.
 */
import { describe, expect, it } from 'vitest';
import { argoProjectsAdmit } from './policy/argocd.ts';
import type { K8sObject, Located } from './policy/objects.ts';

const REPO = 'https://github.com/tripgen/tripgen.git';
const at = (path: string, object: K8sObject): Located => ({ env: 'dev', path, object });
const project = (name: string, spec: Record<string, unknown>): Located =>
  at(`dev/argocd/AppProject.${name}.yaml`, { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name, namespace: 'argocd' }, spec });
const app = (name: string, projectName: string, path: string, namespace = 'tripgen', repoURL = REPO): Located =>
  at(`dev/argocd/Application.${name}.yaml`, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: { project: projectName, source: { repoURL, path }, destination: { server: 'https://kubernetes.default.svc', namespace } },
  });
const configMap = at('dev/svc/ConfigMap.c.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'tripgen' } });
const rollout = at('dev/svc/Rollout.r.yaml', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r', namespace: 'tripgen' } });
const namespace = at('dev/svc/Namespace.tripgen.yaml', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tripgen' } });
const charts = { sourceRepos: [REPO], destinations: [{ namespace: 'tripgen' }], clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }], namespaceResourceWhitelist: [{ group: '', kind: 'ConfigMap' }, { group: 'argoproj.io', kind: '*' }] };

describe('argoProjectsAdmit', () => {
  it('admits an app whose project lists its repository, destination and every kind it syncs', () => {
    expect(argoProjectsAdmit([project('charts', charts), app('svc', 'charts', 'gitops/dev/svc'), configMap, rollout, namespace], 'argocd')).toEqual([]);
  });

  it('refuses an app whose project is not rendered, or does not list its repository or destination', () => {
    expect(argoProjectsAdmit([app('svc', 'nope', 'gitops/dev/svc')], 'argocd')).toEqual(['Application/argocd/svc: project nope is not rendered']);
    const v = argoProjectsAdmit([project('charts', charts), app('svc', 'charts', 'gitops/dev/svc', 'kube-system', 'https://example.invalid/fork.git')], 'argocd');
    expect(v).toEqual([
      'Application/argocd/svc: repository https://example.invalid/fork.git is not a source of charts',
      'Application/argocd/svc: destination kube-system is not allowed by charts',
    ]);
  });

  it('refuses synced objects the project does not whitelist: a cluster-scoped kind, a namespace, a namespaced kind', () => {
    const stranger = at('dev/svc/Secret.s.yaml', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'tripgen' } });
    const elsewhere = at('dev/svc/ConfigMap.e.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'e', namespace: 'other' } });
    const role = at('dev/svc/ClusterRole.x.yaml', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' } });
    expect(argoProjectsAdmit([project('charts', charts), app('svc', 'charts', 'gitops/dev/svc'), stranger, elsewhere, role], 'argocd')).toEqual([
      'Application/argocd/svc: charts does not allow Secret (dev/svc/Secret.s.yaml)',
      'Application/argocd/svc: charts does not allow namespace other (dev/svc/ConfigMap.e.yaml)',
      'Application/argocd/svc: charts does not allow cluster-scoped ClusterRole (dev/svc/ClusterRole.x.yaml)',
    ]);
  });

  it('lets wildcards admit anything, and a project without a namespaced whitelist admit every namespaced kind', () => {
    const open = { sourceRepos: [REPO], destinations: [{ namespace: '*' }], clusterResourceWhitelist: [{ group: '*', kind: '*' }] };
    const role = at('dev/svc/ClusterRole.x.yaml', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' } });
    const v = argoProjectsAdmit([project('open', open), app('svc', 'open', 'gitops/dev/svc', 'anywhere'), configMap, rollout, role], 'argocd');
    // ...but such a project reaches Argo CD's namespace beside everything else.
    expect(v).toEqual(["AppProject/argocd/open: reaches Argo CD's namespace argocd beside other namespaces or kinds (an Application there may name any project)"]);
  });

  it('allows a project into Argo CD\'s namespace only for Applications and AppProjects there, nothing cluster-wide', () => {
    const bootstrap = { sourceRepos: [REPO], destinations: [{ namespace: 'argocd' }], namespaceResourceWhitelist: [{ group: 'argoproj.io', kind: 'Application' }, { group: 'argoproj.io', kind: 'AppProject' }] };
    expect(argoProjectsAdmit([project('bootstrap', bootstrap)], 'argocd')).toEqual([]);
    for (const wider of [
      { ...bootstrap, destinations: [{ namespace: 'argocd' }, { namespace: 'tripgen' }] },
      { ...bootstrap, namespaceResourceWhitelist: [...bootstrap.namespaceResourceWhitelist, { group: '', kind: 'Secret' }] },
      { ...bootstrap, namespaceResourceWhitelist: [] },
      { ...bootstrap, clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }] },
    ]) {
      expect(argoProjectsAdmit([project('bootstrap', wider)], 'argocd')).toHaveLength(1);
    }
  });
});
