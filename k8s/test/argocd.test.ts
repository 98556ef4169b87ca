/**
 * Argo CD admits every rendered object (project, repository, destination, resource kinds), and
 * only the root app's project may write into Argo CD's namespace. Shown failing on broken copies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../src/lib/paths.ts';
import { bootstrapProjectName } from '../src/charts/argocd.ts';
import { loadProfiles } from '../src/config/profile.ts';
import { argoProjectsAdmit, projectsBeforeApplications, scaleTargetsFirst } from './policy/argocd.ts';
import type { Located } from './policy/objects.ts';
import { renderedObjects } from './support/gitops.ts';

const ARGO_NS = 'argocd';

describe.each(['dev', 'prod'])('%s: Argo CD projects', (env) => {
  const located = renderedObjects().filter((l) => l.env === env);
  const edit = (kind: string, name: string, change: (spec: Record<string, unknown>) => void): Located[] =>
    located.map((l) => {
      if (l.object.kind !== kind || l.object.metadata.name !== name) return l;
      const object = structuredClone(l.object);
      change(object.spec as Record<string, unknown>);
      return { ...l, object };
    });

  it('admit every Application and every object it syncs, and keep the charts out of Argo CD\'s namespace', () => {
    expect(located.filter((l) => l.object.kind === 'Application').length).toBeGreaterThanOrEqual(6);
    expect(argoProjectsAdmit(located, ARGO_NS)).toEqual([]);
  });

  it('fail when a chart\'s project reaches Argo CD\'s namespace, or a project no longer allows what its app syncs', () => {
    const wide = edit('AppProject', `tripgen-${env}`, (s) => (s.destinations as { namespace: string }[]).push({ namespace: ARGO_NS }));
    expect(argoProjectsAdmit(wide, ARGO_NS)).toEqual([expect.stringMatching(new RegExp(`AppProject/argocd/tripgen-${env}: reaches Argo CD's namespace`))]);
    const narrow = edit('AppProject', `tripgen-${env}`, (s) => (s.clusterResourceWhitelist = []));
    expect(argoProjectsAdmit(narrow, ARGO_NS)).toEqual([expect.stringMatching(/does not allow cluster-scoped Namespace \(.*platform\/Namespace\.tripgen\.yaml\)/)]);
    const noApps = edit('AppProject', `tripgen-${env}-bootstrap`, (s) => (s.namespaceResourceWhitelist = [{ group: 'argoproj.io', kind: 'AppProject' }]));
    expect(argoProjectsAdmit(noApps, ARGO_NS).join('\n')).toMatch(/does not allow Application/);
  });

  // The README's bootstrap applies only the root app and its project by hand (k8s/README.md).
  const handApplied = [bootstrapProjectName(loadProfiles().find((p) => p.name === env)!)];
  it('create every project before the Applications that name it, so the root sync can leave each wave', () => {
    expect(projectsBeforeApplications(located, handApplied)).toEqual([]);
  });
  it('fail when a project syncs in the same wave as, or after, an Application of it', () => {
    const late = located.map((l) => {
      if (l.object.kind !== 'AppProject' || l.object.metadata.name !== `tripgen-${env}-platform`) return l;
      const object = structuredClone(l.object);
      object.metadata.annotations = { ...object.metadata.annotations, 'argocd.argoproj.io/sync-wave': '-3' };
      return { ...l, object };
    });
    expect(projectsBeforeApplications(late, handApplied).join('\n')).toMatch(new RegExp(`tripgen-${env}-platform-argocd \\(wave -3\\): its project tripgen-${env}-platform syncs in wave -3`));
    const gone = located.filter((l) => !(l.object.kind === 'AppProject' && l.object.metadata.name === `tripgen-${env}`));
    expect(projectsBeforeApplications(gone, handApplied).join('\n')).toMatch(new RegExp(`Application/argocd/tripgen-${env}-platform: project tripgen-${env} is neither applied by hand`));
  });
});

describe('prod: the README\'s first sync', () => {
  // The root app's sync waits for each wave's Applications to be Healthy (the Application health
  // check), and a prod Application is Healthy only once an operator synced it: the README's loop
  // must name every Application the root creates, wave by wave, in the order of their waves.
  const located = renderedObjects().filter((l) => l.env === 'prod');
  const root = bootstrapProjectName(loadProfiles().find((p) => p.name === 'prod')!);
  const documented = (): string[][] => {
    const readme = readFileSync(repoPath('k8s', 'README.md'), 'utf8');
    const block = readme.split('### First sync of prod')[1]?.split('```bash')[1]?.split('```')[0] ?? '';
    return [...block.matchAll(/^\s*"([^"]+)"/gm)].map((m) => m[1]!.split(' ').sort());
  };

  it('lists every Application of the root app, grouped and ordered by sync wave', () => {
    const apps = located.filter((l) => l.object.kind === 'Application' && (l.object.spec as { project?: string }).project !== root);
    const wave = (l: (typeof apps)[number]) => Number(l.object.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
    const waves = [...new Set(apps.map(wave))].sort((a, b) => a - b);
    expect(documented()).toEqual(waves.map((w) => apps.filter((l) => wave(l) === w).map((l) => l.object.metadata.name).sort()));
    expect(apps.every((l) => !(l.object.spec as { syncPolicy?: { automated?: unknown } }).syncPolicy?.automated)).toBe(true);
  });
});

describe('prod: first sync of a service', () => {
  const located = renderedObjects().filter((l) => l.env === 'prod');
  it('applies each HorizontalPodAutoscaler no earlier than the workload it scales', () => {
    expect(located.filter((l) => l.object.kind === 'HorizontalPodAutoscaler').length).toBeGreaterThan(0);
    expect(scaleTargetsFirst(located)).toEqual([]);
  });
  it('fails when an HPA syncs in a wave before its target', () => {
    const early = located.map((l) => {
      if (l.object.kind !== 'HorizontalPodAutoscaler' || l.object.metadata.name !== 'ai-service') return l;
      const object = structuredClone(l.object);
      object.metadata.annotations = { ...object.metadata.annotations, 'argocd.argoproj.io/sync-wave': '0' };
      return { ...l, object };
    });
    expect(scaleTargetsFirst(early)).toEqual([expect.stringMatching(/HorizontalPodAutoscaler\/tripgen\/ai-service \(wave 0\) syncs before its target Rollout\/tripgen\/ai-service \(wave 1\)/)]);
  });
});
