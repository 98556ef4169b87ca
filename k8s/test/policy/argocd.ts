/**
 * Argo CD admits what we render: every Application's project exists, lists its repository and its
 * destination, and allows every object the Application syncs (namespace in the project's
 * destinations, kind in its resource whitelists). And least privilege: of the projects that read
 * this repository, only the root app's may write into Argo CD's own namespace, and there only
 * Applications and AppProjects (the platform add-ons' project reads pinned upstream charts only).
 */
import { dirname } from 'node:path';
import { id, type K8sObject, type Located } from './objects.ts';

interface GroupKind {
  group: string;
  kind: string;
}
interface ProjectSpec {
  sourceRepos?: string[];
  destinations?: { server?: string; namespace?: string }[];
  clusterResourceWhitelist?: GroupKind[];
  namespaceResourceWhitelist?: GroupKind[];
}
interface AppSpec {
  project?: string;
  source?: { repoURL?: string; path?: string };
  destination?: { server?: string; namespace?: string };
}

const groupOf = (o: K8sObject): string => (o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '');
const listed = (list: GroupKind[] | undefined, o: K8sObject): boolean => (list ?? []).some((g) => (g.group === '*' || g.group === groupOf(o)) && (g.kind === '*' || g.kind === o.kind));
const allowsNamespace = (p: ProjectSpec, ns: string): boolean => (p.destinations ?? []).some((d) => d.namespace === '*' || d.namespace === ns);

export function argoProjectsAdmit(located: readonly Located[], argoNamespace: string): string[] {
  const v: string[] = [];
  const projects = located.filter((l) => l.object.kind === 'AppProject');
  for (const app of located.filter((l) => l.object.kind === 'Application')) {
    const a = app.object.spec as AppSpec;
    const project = projects.find((p) => p.env === app.env && p.object.metadata.name === a.project && p.object.metadata.namespace === app.object.metadata.namespace);
    if (!project) {
      v.push(`${id(app.object)}: project ${String(a.project)} is not rendered`);
      continue;
    }
    const p = project.object.spec as ProjectSpec;
    if (!p.sourceRepos?.includes(a.source?.repoURL ?? '')) v.push(`${id(app.object)}: repository ${String(a.source?.repoURL)} is not a source of ${a.project}`);
    if (!allowsNamespace(p, a.destination?.namespace ?? '')) v.push(`${id(app.object)}: destination ${String(a.destination?.namespace)} is not allowed by ${a.project}`);
    for (const l of located.filter((x) => x.env === app.env && `gitops/${dirname(x.path)}` === a.source?.path)) {
      const o = l.object;
      const ns = o.metadata.namespace;
      if (!ns) {
        if (!listed(p.clusterResourceWhitelist, o)) v.push(`${id(app.object)}: ${a.project} does not allow cluster-scoped ${o.kind} (${l.path})`);
        continue;
      }
      if (!allowsNamespace(p, ns)) v.push(`${id(app.object)}: ${a.project} does not allow namespace ${ns} (${l.path})`);
      if (p.namespaceResourceWhitelist && !listed(p.namespaceResourceWhitelist, o)) v.push(`${id(app.object)}: ${a.project} does not allow ${o.kind} (${l.path})`);
    }
  }
  // Helm chart repositories the Applications install charts from: a project that reads only those
  // (the platform add-ons' pinned upstream charts) cannot carry an Application a folder of ours rendered.
  const chartRepos = new Set(
    located.filter((l) => l.object.kind === 'Application' && (l.object.spec as { source?: { chart?: string } }).source?.chart).map((l) => (l.object.spec as AppSpec).source!.repoURL),
  );
  for (const project of projects) {
    const p = project.object.spec as ProjectSpec;
    if (!allowsNamespace(p, argoNamespace)) continue;
    const repos = p.sourceRepos ?? [];
    if (repos.length > 0 && repos.every((r) => chartRepos.has(r))) continue;
    const onlyArgo = (p.destinations ?? []).every((d) => d.namespace === argoNamespace);
    const onlyApps = !!p.namespaceResourceWhitelist?.length && p.namespaceResourceWhitelist.every((g) => g.group === 'argoproj.io' && ['Application', 'AppProject'].includes(g.kind));
    if (!onlyArgo || !onlyApps || (p.clusterResourceWhitelist ?? []).length > 0)
      v.push(`${id(project.object)}: reaches Argo CD's namespace ${argoNamespace} beside other namespaces or kinds (an Application there may name any project)`);
  }
  return v;
}

const waveOf = (o: K8sObject): number => Number(o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');

/**
 * Every Application the root app syncs names a project that already exists when Argo CD applies
 * it: one applied by hand at bootstrap (`handApplied`), or an AppProject of the same folder in a
 * strictly earlier sync wave. Why strictly earlier (Argo CD v3.4.4): an Application whose project
 * is missing gets the InvalidSpecError "Application referencing project … which does not exist" and
 * health Unknown (controller/appcontroller.go, processAppRefreshQueueItem / projectErrorToCondition),
 * and a sync wave ends only when each of its resources is Healthy or Degraded
 * (gitops-engine/pkg/sync/sync_context.go): with the Application health check restored, the root
 * sync would wait on that Application forever and never reach the wave that creates the project.
 */
export function projectsBeforeApplications(located: readonly Located[], handApplied: readonly string[]): string[] {
  const v: string[] = [];
  for (const app of located.filter((l) => l.object.kind === 'Application')) {
    const project = (app.object.spec as AppSpec).project ?? '';
    if (handApplied.includes(project)) continue;
    const folder = dirname(app.path);
    const p = located.find((l) => l.env === app.env && l.object.kind === 'AppProject' && l.object.metadata.name === project && dirname(l.path) === folder);
    if (!p) v.push(`${id(app.object)}: project ${project} is neither applied by hand nor synced with it`);
    else if (waveOf(p.object) >= waveOf(app.object))
      v.push(`${id(app.object)} (wave ${waveOf(app.object)}): its project ${project} syncs in wave ${waveOf(p.object)}, not before it`);
  }
  return v;
}

/**
 * An object that scales a workload (HorizontalPodAutoscaler, `spec.scaleTargetRef`) syncs in no
 * earlier wave than its target. Argo CD v3.4.4 rates an HPA whose AbleToScale condition has reason
 * FailedGetScale (the target does not exist yet) Degraded (gitops-engine/pkg/health/health_hpa.go),
 * and in a sync with several waves a Degraded resource of a finished wave fails the whole sync
 * before the later waves are applied (gitops-engine/pkg/sync/sync_context.go): on an empty
 * cluster the target would never be created.
 */
export function scaleTargetsFirst(located: readonly Located[]): string[] {
  const v: string[] = [];
  for (const hpa of located.filter((l) => l.object.kind === 'HorizontalPodAutoscaler')) {
    const ref = (hpa.object.spec as { scaleTargetRef?: { kind?: string; name?: string } }).scaleTargetRef ?? {};
    const target = located.find((l) => l.env === hpa.env && dirname(l.path) === dirname(hpa.path) && l.object.kind === ref.kind && l.object.metadata.name === ref.name);
    if (!target) v.push(`${id(hpa.object)}: its target ${String(ref.kind)}/${String(ref.name)} is not synced by the same Application`);
    else if (waveOf(hpa.object) < waveOf(target.object))
      v.push(`${id(hpa.object)} (wave ${waveOf(hpa.object)}) syncs before its target ${id(target.object)} (wave ${waveOf(target.object)})`);
  }
  return v;
}
