/**
 * Production rules (manifest-rules 22-23 and issue 3): STRICT mTLS, an AuthorizationPolicy per
 * service behind allow-nothing, JWT verification, DestinationRules, Rollouts that abort on
 * their own, and Argo CD leaving controller-owned fields alone.
 */
import { dirname } from 'node:path';
import { JWT_ISSUER } from '@tripgen/catalog';
import { id, podTemplateOf, selects, type K8sObject, type Located } from './objects.ts';

const ofKind = (objects: readonly K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const spec = <T>(o: K8sObject): T => (o.spec ?? {}) as T;
const longRunning = (objects: readonly K8sObject[]) =>
  objects.flatMap((o) => {
    const pod = o.kind === 'Job' ? null : podTemplateOf(o);
    return pod ? [{ o, pod }] : [];
  });

/** 22: every namespace with workloads has a namespace-wide PeerAuthentication in STRICT mode. */
export const strictMtls = (objects: readonly K8sObject[]): string[] => {
  const namespaces = new Set(longRunning(objects).map(({ o }) => o.metadata.namespace));
  const strict = new Set(
    ofKind(objects, 'PeerAuthentication')
      .filter((p) => !spec<{ selector?: unknown }>(p).selector && spec<{ mtls?: { mode?: string } }>(p).mtls?.mode === 'STRICT')
      .map((p) => p.metadata.namespace),
  );
  return [...namespaces].filter((ns) => !strict.has(ns)).map((ns) => `namespace ${ns}: no namespace-wide STRICT PeerAuthentication`);
};

interface AuthzSpec {
  selector?: { matchLabels?: Record<string, string> };
  action?: string;
  rules?: unknown[];
}

/** 22: deny by default (an allow-nothing policy) and one ALLOW policy selecting each service's pods. */
export const authorizationPerService = (objects: readonly K8sObject[]): string[] => {
  const policies = ofKind(objects, 'AuthorizationPolicy');
  const v: string[] = [];
  const namespaces = new Set(longRunning(objects).map(({ o }) => o.metadata.namespace));
  for (const ns of namespaces) {
    const allowNothing = policies.some((p) => p.metadata.namespace === ns && Object.keys(p.spec ?? {}).length === 0);
    if (!allowNothing) v.push(`namespace ${ns}: no allow-nothing AuthorizationPolicy (deny by default)`);
  }
  for (const { o, pod } of longRunning(objects)) {
    const allows = policies.filter((p) => {
      const s = spec<AuthzSpec>(p);
      return p.metadata.namespace === o.metadata.namespace && (s.action ?? 'ALLOW') === 'ALLOW' && s.selector && selects(s.selector, pod.labels) && (s.rules?.length ?? 0) > 0;
    });
    if (allows.length !== 1) v.push(`${id(o)}: ${allows.length} ALLOW AuthorizationPolicies select it (want 1)`);
  }
  return v;
};

/** 22: a RequestAuthentication verifies tokens of our issuer in every namespace with workloads. */
export const requestAuthentication = (objects: readonly K8sObject[]): string[] => {
  const namespaces = new Set(longRunning(objects).map(({ o }) => o.metadata.namespace));
  return [...namespaces]
    .filter(
      (ns) =>
        !ofKind(objects, 'RequestAuthentication').some(
          (r) => r.metadata.namespace === ns && (spec<{ jwtRules?: { issuer?: string; jwksUri?: string }[] }>(r).jwtRules ?? []).some((j) => j.issuer === JWT_ISSUER && !!j.jwksUri),
        ),
    )
    .map((ns) => `namespace ${ns}: no RequestAuthentication for ${JWT_ISSUER}`);
};

/** Every Service host has a DestinationRule with ISTIO_MUTUAL and outlier detection. */
export const destinationRules = (objects: readonly K8sObject[]): string[] =>
  ofKind(objects, 'AuthorizationPolicy')
    .filter((p) => spec<AuthzSpec>(p).selector)
    .flatMap((p) => {
      const host = `${p.metadata.name}.${p.metadata.namespace}.svc.cluster.local`;
      const dr = ofKind(objects, 'DestinationRule').find((d) => spec<{ host?: string }>(d).host === host);
      const tp = dr && spec<{ trafficPolicy?: { tls?: { mode?: string }; outlierDetection?: unknown } }>(dr).trafficPolicy;
      if (!dr) return [`${host}: no DestinationRule`];
      const v: string[] = [];
      if (tp?.tls?.mode !== 'ISTIO_MUTUAL') v.push('tls mode is not ISTIO_MUTUAL');
      if (!tp?.outlierDetection) v.push('no outlierDetection');
      return v.map((x) => `${id(dr)}: ${x}`);
    });

interface RolloutStrategy {
  canary?: { analysis?: { templates?: { templateName: string }[] }; steps?: { analysis?: { templates?: { templateName: string }[] } }[]; trafficRouting?: { istio?: { virtualService?: { name: string } } } };
  blueGreen?: { prePromotionAnalysis?: { templates?: { templateName: string }[] }; postPromotionAnalysis?: { templates?: { templateName: string }[] } };
}

/** Every Rollout runs an analysis whose failure aborts it (rollback without a human). */
export const rolloutsAbortAutomatically = (objects: readonly K8sObject[]): string[] =>
  ofKind(objects, 'Rollout').flatMap((r) => {
    const s = spec<{ strategy?: RolloutStrategy }>(r).strategy ?? {};
    const templates = s.canary
      ? [...(s.canary.analysis?.templates ?? []), ...(s.canary.steps ?? []).flatMap((st) => st.analysis?.templates ?? [])]
      : (s.blueGreen?.prePromotionAnalysis?.templates ?? []);
    if (templates.length === 0) return [`${id(r)}: no ${s.canary ? 'canary' : 'pre-promotion'} analysis, so nothing aborts a bad version`];
    return templates.flatMap((t) => {
      const at = objects.find((o) => o.kind === 'AnalysisTemplate' && o.metadata.name === t.templateName && o.metadata.namespace === r.metadata.namespace);
      if (!at) return [`${id(r)}: AnalysisTemplate ${t.templateName} not rendered`];
      const metrics = spec<{ metrics?: { name: string; failureLimit?: number; successCondition?: string; failureCondition?: string }[] }>(at).metrics ?? [];
      if (metrics.length === 0) return [`${id(at)}: no metrics`];
      return metrics
        .filter((m) => typeof m.failureLimit !== 'number' || !(m.successCondition || m.failureCondition))
        .map((m) => `${id(at)}: metric ${m.name} has no explicit failureLimit and condition`);
    });
  });

/** 23: the Application syncing a Rollout ignores what the controllers rewrite, with RespectIgnoreDifferences. */
export const argoIgnoresControllerFields = (located: readonly Located[]): string[] => {
  const apps = located.filter((l) => l.object.kind === 'Application');
  const v: string[] = [];
  const appFor = (l: Located) =>
    apps.find((a) => a.env === l.env && spec<{ source?: { path?: string } }>(a.object).source?.path === `gitops/${dirname(l.path)}`);
  for (const l of located) {
    const o = l.object;
    const wanted: { group: string; kind: string; name: string; field: string }[] = [];
    if (o.kind === 'Rollout') {
      const vs = spec<{ strategy?: RolloutStrategy }>(o).strategy?.canary?.trafficRouting?.istio?.virtualService?.name;
      if (vs) wanted.push({ group: 'networking.istio.io', kind: 'VirtualService', name: vs, field: 'weight' });
    }
    if (o.kind === 'HorizontalPodAutoscaler') {
      const ref = spec<{ scaleTargetRef: { apiVersion: string; kind: string; name: string } }>(o).scaleTargetRef;
      wanted.push({ group: ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : '', kind: ref.kind, name: ref.name, field: '/spec/replicas' });
    }
    if (wanted.length === 0) continue;
    const app = appFor(l);
    if (!app) {
      v.push(`${l.path}: no Argo CD Application syncs it`);
      continue;
    }
    const as = spec<{ ignoreDifferences?: { group?: string; kind: string; name?: string; jsonPointers?: string[]; jqPathExpressions?: string[] }[]; syncPolicy?: { syncOptions?: string[] } }>(app.object);
    for (const w of wanted) {
      const hit = (as.ignoreDifferences ?? []).some(
        (d) => (d.group ?? '') === w.group && d.kind === w.kind && (!d.name || d.name === w.name) && [...(d.jsonPointers ?? []), ...(d.jqPathExpressions ?? [])].some((p) => p.includes(w.field)),
      );
      if (!hit) v.push(`${id(app.object)}: does not ignore ${w.field} of ${w.kind}/${w.name}`);
      if (!as.syncPolicy?.syncOptions?.includes('RespectIgnoreDifferences=true')) v.push(`${id(app.object)}: no RespectIgnoreDifferences=true`);
    }
  }
  return [...new Set(v)];
};
