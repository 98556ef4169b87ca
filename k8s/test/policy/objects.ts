/** Reading rendered objects generically (the policy rules work on the YAML, not on constructs). */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // Rendered YAML is untyped data: the rules look into it defensively.
  spec?: Record<string, unknown> & { [k: string]: unknown };
  [k: string]: unknown;
}

/** One rendered object with where it came from. */
export interface Located {
  readonly env: string;
  readonly path: string;
  readonly object: K8sObject;
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'Rollout', 'Job', 'DaemonSet'] as const;

export const isWorkload = (o: K8sObject): boolean => (WORKLOAD_KINDS as readonly string[]).includes(o.kind);

export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: IPodSpec;
}

export function podTemplateOf(o: K8sObject): PodTemplate | null {
  if (!isWorkload(o)) return null;
  const t = (o.spec as { template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: IPodSpec } } | undefined)?.template;
  if (!t?.spec) return null;
  return { labels: t.metadata?.labels ?? {}, annotations: t.metadata?.annotations ?? {}, spec: t.spec };
}

export const containersOf = (p: PodTemplate): IContainer[] => [...(p.spec.initContainers ?? []), ...p.spec.containers];

/** Namespaces this repo renders (a Namespace object): it owns every pod in them. Others, such as the
 * AKS Istio add-on's ingress namespace, hold pods an add-on runs beside the few we render there. */
export const ownNamespaces = (objects: readonly K8sObject[]): Set<string> => new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name));

export const id = (o: K8sObject): string => `${o.kind}/${o.metadata.namespace ?? '-'}/${o.metadata.name}`;

/** Does a matchLabels/matchExpressions selector select these labels? */
export function selects(
  selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = e.key in labels;
    const value = labels[e.key];
    if (e.operator === 'In' && !(has && e.values?.includes(value!))) return false;
    if (e.operator === 'NotIn' && has && e.values?.includes(value!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
