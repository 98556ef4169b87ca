/**
 * The kubectl commands docs/runbooks.md gives on-call name objects of the `tripgen` namespace by
 * kind and name (`deploy/<service>-service`, `describe secretproviderclass …`, `-l
 * app.kubernetes.io/name=…`, `-c <container>`). A name the render does not have answers "NotFound"
 * in the middle of an incident, so each is checked against the rendered objects of the environment
 * the command is for: the environment the line names before it (`dev:`, `prod:`), else every
 * environment the section's alerts exist in.
 */
import { markdownSections } from './alerts.ts';
import { podTemplateOf, type K8sObject } from './objects.ts';

export type Env = 'dev' | 'prod';

/** One kubectl command of a runbook section, with the environment its line names before it (null: none). */
export interface RunbookCommand {
  readonly section: string;
  readonly env: Env | null;
  readonly command: string;
}

/** Every `kubectl …` code span and fenced line, by section. */
export function runbookCommands(md: string): RunbookCommand[] {
  const found: RunbookCommand[] = [];
  for (const [section, text] of markdownSections(md)) {
    let fenced = false;
    for (const line of text.split('\n')) {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        continue;
      }
      const spans = fenced ? [{ index: 0, text: line.replace(/\s#\s.*$/, '') }] : [...line.matchAll(/`([^`]+)`/g)].map((m) => ({ index: m.index, text: m[1]! }));
      for (const span of spans) {
        if (!/^\s*kubectl\s/.test(span.text)) continue;
        const envWords = [...line.slice(0, span.index).matchAll(/\b(dev|prod)\b/g)];
        found.push({ section, env: (envWords.at(-1)?.[1] as Env | undefined) ?? null, command: span.text.trim() });
      }
    }
  }
  return found;
}

/** What a command asks the cluster for: an object by kind and name, pods by label, a container of either. */
interface ObjectRef {
  readonly kind: string;
  readonly name?: string;
  readonly label?: readonly [string, string];
  readonly container?: string;
}

const KINDS: Record<string, string> = {
  deploy: 'Deployment',
  deployment: 'Deployment',
  rollout: 'Rollout',
  svc: 'Service',
  service: 'Service',
  hpa: 'HorizontalPodAutoscaler',
  vpa: 'VerticalPodAutoscaler',
  secretproviderclass: 'SecretProviderClass',
  networkpolicy: 'NetworkPolicy',
  configmap: 'ConfigMap',
  statefulset: 'StatefulSet',
  cronjob: 'CronJob',
  pod: 'Pod',
};

/** The references of one command in the `tripgen` namespace; a placeholder other than `<service>` is not checked. */
function objectRefs(command: string): ObjectRef[] {
  const words = command.split(/\s+/);
  const inTripgen = /(?:-n|--namespace)[ =]tripgen\b/.test(command);
  if (!inTripgen) return [];
  const container = /\s-c\s+(\S+)/.exec(command)?.[1];
  const refs: ObjectRef[] = [];
  // `kubectl argo rollouts <verb> [rollout] <name>`: the plugin's commands take a Rollout's name.
  if (words[1] === 'argo' && words[2] === 'rollouts') {
    const args = words.slice(4).filter((w, i, all) => !w.startsWith('-') && !['-n', '--namespace'].includes(all[i - 1] ?? ''));
    const name = args[0] === 'rollout' ? args[1] : args[0];
    if (name) refs.push({ kind: 'Rollout', name });
    return refs;
  }
  for (const m of command.matchAll(/\b([a-z]+)\/([\w<>.-]+)/g)) {
    const kind = KINDS[m[1]!];
    if (kind) refs.push({ kind, name: m[2]!, ...(container ? { container } : {}) });
  }
  const verb = /kubectl\s+(?:(?:-n|--namespace)\s+\S+\s+)?(get|describe)\s+([a-z]+)\s+([^\s-][\w<>.-]*)/.exec(command);
  if (verb && KINDS[verb[2]!]) refs.push({ kind: KINDS[verb[2]!]!, name: verb[3]! });
  const label = /-l\s+([\w./-]+)=([\w<>.-]+)/.exec(command);
  if (label) refs.push({ kind: 'Pod', label: [label[1]!, label[2]!], ...(container ? { container } : {}) });
  return refs;
}

/** A reference with `<service>` replaced by each service's name; other placeholders make it unchecked. */
function expand(ref: ObjectRef, services: readonly string[]): ObjectRef[] {
  const text = [ref.name, ref.label?.[1], ref.container].join(' ');
  if (/<(?!service>)[^>]+>/.test(text)) return [];
  if (!text.includes('<service>')) return [ref];
  const put = (s: string | undefined, service: string) => s?.replaceAll('<service>', service);
  return services.map((service) => ({
    kind: ref.kind,
    ...(ref.name ? { name: put(ref.name, service)! } : {}),
    ...(ref.label ? { label: [ref.label[0], put(ref.label[1], service)!] as const } : {}),
    ...(ref.container ? { container: put(ref.container, service)! } : {}),
  }));
}

/** The pod templates a reference reaches: a workload's, a StatefulSet's pod (`postgres-0`), or those a label selects. */
function podTemplates(ref: ObjectRef, objects: readonly K8sObject[]) {
  const inNamespace = objects.filter((o) => (o.metadata.namespace ?? 'tripgen') === 'tripgen');
  if (ref.label) {
    const [key, value] = ref.label;
    return inNamespace.flatMap((o) => podTemplateOf(o) ?? []).filter((t) => t.labels[key] === value);
  }
  if (ref.kind === 'Pod') {
    const owner = /^(.+)-\d+$/.exec(ref.name ?? '')?.[1];
    return inNamespace.filter((o) => o.kind === 'StatefulSet' && o.metadata.name === owner).flatMap((o) => podTemplateOf(o) ?? []);
  }
  return inNamespace.filter((o) => o.kind === ref.kind && o.metadata.name === ref.name).flatMap((o) => podTemplateOf(o) ?? []);
}

/** Why a reference does not hold in an environment's render, or null. */
function refProblem(ref: ObjectRef, objects: readonly K8sObject[], env: Env): string | null {
  const what = ref.label ? `pods -l ${ref.label.join('=')}` : `${ref.kind} ${ref.name}`;
  const isPodKind = ref.kind === 'Pod' || ref.label;
  const exists = isPodKind
    ? podTemplates(ref, objects).length > 0
    : objects.some((o) => o.kind === ref.kind && o.metadata.name === ref.name && (o.metadata.namespace ?? 'tripgen') === 'tripgen');
  if (!exists) return `${what}: not rendered in ${env}`;
  if (ref.container) {
    const names = new Set(podTemplates(ref, objects).flatMap((t) => [...(t.spec.containers ?? []), ...(t.spec.initContainers ?? [])].map((c) => c.name)));
    // The mesh's sidecar is injected at admission, not rendered: prod's pods carry it.
    if (env === 'prod') names.add('istio-proxy');
    if (names.size > 0 && !names.has(ref.container)) return `${what}: no container ${ref.container} in ${env} (${[...names].sort().join(', ')})`;
  }
  return null;
}

/**
 * Every reference that does not hold, as `#<section>: <command>: <why>`. `sectionEnvs` gives the
 * environments a section's alerts exist in; a section with none (a checklist, a recovery) is checked
 * against any environment that renders the object.
 */
export function runbookCommandProblems(md: string, objects: Record<Env, readonly K8sObject[]>, sectionEnvs: ReadonlyMap<string, ReadonlySet<Env>>, services: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { section, env, command } of runbookCommands(md)) {
    const envs: Env[] = env ? [env] : [...(sectionEnvs.get(section) ?? [])];
    for (const ref of objectRefs(command).flatMap((r) => expand(r, services))) {
      const perEnv = (envs.length ? envs : (['dev', 'prod'] as const)).map((e) => refProblem(ref, objects[e], e));
      // Without an environment, one that renders the object as written is enough.
      const why = envs.length ? perEnv.filter((p) => p !== null) : perEnv.every((p) => p !== null) ? perEnv : [];
      for (const p of why) problems.push(`#${section}: \`${command}\`: ${p}`);
    }
  }
  return [...new Set(problems)];
}

/**
 * The Applications the `argocd app <verb> <name>` commands of a document name, with `<env>` and
 * `<service>` put in for each environment and service; a shell variable, a `-l` selector or another
 * placeholder is no name. Argo CD answers a name no Application has with "permission denied", as for
 * one the caller may not touch (argo-cd server/application/application.go: it does not tell which),
 * so a misnamed sync in a runbook reads as a missing right, mid-incident.
 */
export function argocdAppProblems(md: string, applications: ReadonlySet<string>, services: readonly string[], envs: readonly Env[] = ['dev', 'prod']): string[] {
  const problems: string[] = [];
  // A code span may wrap onto the next line of the paragraph.
  for (const m of md.matchAll(/\bargocd\s+app\s+([a-z-]+)\s+([^\s`]+)/g)) {
    const [command, verb, name] = [m[0], m[1]!, m[2]!];
    if (['list', 'create'].includes(verb) || /^[-$"']/.test(name) || /<(?!env>|service>)[^>]+>/.test(name)) continue;
    const names = envs.flatMap((env) => (name.includes('<service>') ? services.map((s) => name.replaceAll('<service>', s)) : [name]).map((n) => n.replaceAll('<env>', env)));
    for (const n of new Set(names)) if (!applications.has(n)) problems.push(`\`${command.replace(/\s+/g, ' ')}\`: no Application ${n}`);
  }
  return [...new Set(problems)];
}
