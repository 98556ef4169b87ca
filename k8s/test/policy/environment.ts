/**
 * A pod's environment against its service's environment contract (@tripgen/catalog
 * `serviceEnvironment`): the manifests may set only variables the service reads and that pods are
 * meant to get, secrets only by reference, and must set every variable the service requires in
 * production (for a oneOf group: exactly one of it).
 */
import { isRequired, oneOfGroups, type EnvContract } from '@tripgen/catalog';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { K8sObject } from './objects.ts';

/** One variable as a rendered container gets it. */
export interface RenderedVariable {
  readonly name: string;
  /** From a Secret (secretKeyRef), as opposed to a literal value or a ConfigMap. */
  readonly fromSecret: boolean;
  /** The value, when it is in the manifests (a ConfigMap's or a literal). */
  readonly value?: string;
}

/** The variables of a container: its ConfigMaps' keys (envFrom) and its own env entries. */
export function renderedVariables(container: IContainer, objects: readonly K8sObject[]): RenderedVariable[] {
  const out: RenderedVariable[] = [];
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name);
    if (!cm) throw new Error(`envFrom refers to ConfigMap ${String(name)}, which is not rendered`);
    for (const [key, value] of Object.entries((cm.data as Record<string, string> | undefined) ?? {})) out.push({ name: key, fromSecret: false, value });
  }
  for (const e of container.env ?? []) out.push({ name: e.name, fromSecret: e.valueFrom?.secretKeyRef !== undefined, ...(e.value !== undefined ? { value: e.value } : {}) });
  return out;
}

/** What is wrong with a rendered environment under a contract (production pods). */
export function environmentProblems(contract: EnvContract, rendered: readonly RenderedVariable[]): string[] {
  const problems: string[] = [];
  const set = new Map(rendered.map((r) => [r.name, r]));
  for (const r of rendered) {
    const v = contract[r.name];
    if (!v) problems.push(`sets ${r.name}, which the service does not read`);
    else if (v.setBy !== 'manifest') problems.push(`sets ${r.name}, which ${v.setBy === 'local' ? 'only local runs set' : 'the platform injects'}`);
    else if (v.secret && !r.fromSecret && !(v.plainWhen && set.get(v.plainWhen.variable)?.value === v.plainWhen.value)) {
      problems.push(`sets the secret ${r.name} as a plain value instead of a Secret reference${v.plainWhen ? ` (plain only with ${v.plainWhen.variable}=${v.plainWhen.value})` : ''}`);
    }
    else if (!v.secret && r.fromSecret) problems.push(`takes ${r.name} from a Secret, but it is not a secret`);
  }
  if (set.size !== rendered.length) problems.push(`sets a variable twice: ${rendered.map((r) => r.name).filter((n, i, all) => all.indexOf(n) !== i).join(', ')}`);
  for (const [name, v] of Object.entries(contract)) {
    if (!v.oneOf && isRequired(v, 'production') && !set.has(name)) problems.push(`misses ${name}, which the service requires`);
  }
  for (const [group, names] of oneOfGroups(contract)) {
    const given = names.filter((n) => set.has(n));
    if (given.length > 1) problems.push(`sets ${given.join(' and ')}: one of the ${group} group only`);
    if (given.length === 0 && names.some((n) => isRequired(contract[n]!, 'production'))) problems.push(`misses ${names.join(' or ')}, one of which the service requires`);
  }
  return problems;
}
