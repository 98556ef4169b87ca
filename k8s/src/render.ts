/**
 * Renders both environments in one process into an in-memory file map
 * `gitops/<env>/<chart>/<Kind>.<name>.yaml` → YAML text. Deterministic: no timestamps, map
 * keys sorted (their order carries no meaning in Kubernetes), list order kept.
 */
import { App, type Chart } from './lib/cdk8s.ts';
import { serviceList, workloadName } from '@tripgen/catalog';
import type { EnvironmentProfile } from './config/profile.ts';
import { ArgoCdChart, ARGOCD_CHART, type ChartApplication } from './charts/argocd.ts';
import { DataChart } from './charts/data.ts';
import { IngressChart } from './charts/ingress.ts';
import { PlatformChart } from './charts/platform.ts';
import { ServiceChart } from './charts/service.ts';
import { toYamlDocument } from './lib/yaml-emit.ts';

export interface RenderedObject {
  readonly env: string;
  readonly chart: string;
  readonly path: string;
  readonly object: Record<string, unknown> & { kind: string; metadata: { name: string; namespace?: string } };
}

export interface Rendering {
  /** Relative to gitops/. */
  readonly files: ReadonlyMap<string, string>;
  readonly objects: readonly RenderedObject[];
}

const HEADER = '# Rendered by `npm run synth` from k8s/src: do not edit by hand.\n';

export const toYaml = (obj: object): string => HEADER + toYamlDocument(obj);

function buildEnvironment(app: App, profile: EnvironmentProfile): { name: string; chart: Chart }[] {
  const charts: { name: string; chart: Chart }[] = [];
  const apps: ChartApplication[] = [];
  const add = (name: string, chart: Chart, app: Omit<ChartApplication, 'chart'>) => {
    charts.push({ name, chart });
    apps.push({ chart: name, ...app });
  };
  const id = (name: string) => `${profile.name}-${name}`;
  const ns = profile.namespace;
  add('platform', new PlatformChart(app, id('platform'), { profile }), { namespace: ns, wave: 0, ignoreDifferences: [] });
  add('data', new DataChart(app, id('data'), { profile, stores: profile.dataStores }), { namespace: ns, wave: 1, ignoreDifferences: [] });
  for (const spec of serviceList()) {
    const name = workloadName(spec.name);
    const chart = new ServiceChart(app, id(name), { profile, spec });
    const ignore: ChartApplication['ignoreDifferences'][number][] = [];
    if (profile.scaling.horizontal) {
      const w = chart.service.workload;
      ignore.push({ group: w.apiVersion.includes('/') ? w.apiVersion.split('/')[0] : '', kind: w.kind, name, jsonPointers: ['/spec/replicas'] });
    }
    if (profile.delivery === 'progressive' && profile.mesh && spec.delivery === 'canary') {
      ignore.push({ group: 'networking.istio.io', kind: 'VirtualService', name, jqPathExpressions: ['.spec.http[].route[].weight'] });
    }
    add(name, chart, { namespace: ns, wave: 2, ignoreDifferences: ignore });
  }
  const edgeNamespace = profile.ingress.kind === 'app-gateway' && profile.mesh ? profile.mesh.ingressNamespace : ns;
  add('ingress', new IngressChart(app, id('ingress'), { profile }), { namespace: edgeNamespace, wave: 3, ignoreDifferences: [] });
  charts.push({ name: ARGOCD_CHART, chart: new ArgoCdChart(app, id(ARGOCD_CHART), { profile, apps }) });
  return charts;
}

/** Runs every construct's validations (what App.synth does before writing), collecting all errors. */
function validate(app: App): void {
  const errors = app.node.findAll().flatMap((c) => c.node.validate().map((e) => `${c.node.path}: ${e}`));
  if (errors.length > 0) throw new Error(`synth validation failed:\n  ${errors.join('\n  ')}`);
}

export function render(profiles: readonly EnvironmentProfile[]): Rendering {
  const app = new App({ outdir: 'unused' });
  const perEnv = profiles.map((p) => ({ env: p.name, charts: buildEnvironment(app, p) }));
  validate(app);
  const files = new Map<string, string>();
  const objects: RenderedObject[] = [];
  for (const { env, charts } of perEnv) {
    for (const { name: chart, chart: c } of charts) {
      for (const raw of c.toJson() as RenderedObject['object'][]) {
        const path = `${env}/${chart}/${raw.kind}.${raw.metadata.name}.yaml`;
        if (files.has(path)) throw new Error(`two objects render to ${path}`);
        files.set(path, toYaml(raw));
        objects.push({ env, chart, path, object: raw });
      }
    }
  }
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), objects };
}

/** Objects per kind, per environment (the synth summary). */
export function summarize(objects: readonly RenderedObject[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const o of objects) {
    const env = (out[o.env] ??= {});
    env[o.object.kind] = (env[o.object.kind] ?? 0) + 1;
  }
  for (const env of Object.keys(out)) out[env] = Object.fromEntries(Object.entries(out[env]!).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}

/** The platform add-ons per environment, read from the rendered Applications of Helm charts. */
export function summarizeAddOns(objects: readonly RenderedObject[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of objects) {
    const source = (o.object.spec as { source?: { chart?: string; targetRevision?: string } } | undefined)?.source;
    if (o.object.kind !== 'Application' || !source?.chart) continue;
    (out[o.env] ??= []).push(`${source.chart} ${String(source.targetRevision)}`);
  }
  for (const env of Object.keys(out)) out[env]!.sort();
  return out;
}
