/**
 * Production rules (manifest-rules 22-23 and issue 3): STRICT mTLS, an AuthorizationPolicy per
 * service behind allow-nothing, JWT verification, DestinationRules, Rollouts that abort on
 * their own, and Argo CD leaving controller-owned fields alone.
 */
import { dirname } from 'node:path';
import { JWT_ISSUER } from '@tripgen/catalog';
import { id, ownNamespaces, podTemplateOf, selects, type K8sObject, type Located } from './objects.ts';

const ofKind = (objects: readonly K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const spec = <T>(o: K8sObject): T => (o.spec ?? {}) as T;
/**
 * Long-running workloads in the namespaces we own, which are the ones we enrol in the mesh. The
 * add-on's ingress namespace is the add-on's: the few pods we render there (the edge certificate
 * sync) stay out of the mesh and are checked by gatewayTlsSynced.
 */
const longRunning = (objects: readonly K8sObject[]) => {
  const own = ownNamespaces(objects);
  return objects.flatMap((o) => {
    const pod = o.kind === 'Job' || !own.has(o.metadata.namespace ?? '') ? null : podTemplateOf(o);
    return pod ? [{ o, pod }] : [];
  });
};

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

/** Every service host, and each Rollout's canary/preview host, has a DestinationRule with ISTIO_MUTUAL and outlier detection. */
export const destinationRules = (objects: readonly K8sObject[]): string[] =>
  [
    ...ofKind(objects, 'AuthorizationPolicy')
      .filter((p) => spec<AuthzSpec>(p).selector)
      .map((p) => `${p.metadata.name}.${p.metadata.namespace}.svc.cluster.local`),
    ...ofKind(objects, 'Rollout').flatMap((r) => rolloutServices(r).map((svc) => `${svc}.${r.metadata.namespace}.svc.cluster.local`)),
  ]
    .filter((host, i, all) => all.indexOf(host) === i)
    .flatMap((host) => {
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

/**
 * A node drain never empties one side of a traffic-routed canary. kubectl drain evicts through the
 * eviction API, which honours PodDisruptionBudgets (Kubernetes, "Safely Drain a Node"); the one PDB of
 * a service counts the canary's and the stable's pods together, so with a single canary pod it lets
 * that pod go while the VirtualService still sends the canary its weight, and Envoy answers a
 * weighted destination without a ready endpoint with 503 (no healthy upstream). Argo Rollouts'
 * `minPodsPerReplicaSet` (v1alpha1 CanaryStrategy: "make sure it is at least MinPodsPerReplicaSet
 * for High Availability. Only applicable for TrafficRoutedCanary") keeps each side above what one
 * disruption may take.
 */
export const canarySurvivesDisruption = (objects: readonly K8sObject[]): string[] =>
  ofKind(objects, 'Rollout').flatMap((r) => {
    const canary = spec<{ strategy?: { canary?: { trafficRouting?: unknown; minPodsPerReplicaSet?: number } } }>(r).strategy?.canary;
    if (!canary?.trafficRouting) return [];
    const labels = podTemplateOf(r)?.labels ?? {};
    const pdbs = ofKind(objects, 'PodDisruptionBudget').filter((p) => p.metadata.namespace === r.metadata.namespace && selects(spec<{ selector?: never }>(p).selector, labels));
    if (pdbs.length !== 1) return [`${id(r)}: ${pdbs.length} PodDisruptionBudgets select its pods (want 1)`];
    const maxUnavailable = spec<{ maxUnavailable?: unknown }>(pdbs[0]!).maxUnavailable;
    if (typeof maxUnavailable !== 'number') return [`${id(pdbs[0]!)}: maxUnavailable is not a pod count (${String(maxUnavailable)})`];
    const min = canary.minPodsPerReplicaSet ?? 1;
    return min > maxUnavailable ? [] : [`${id(r)}: minPodsPerReplicaSet ${min} <= its PDB's maxUnavailable ${maxUnavailable}: a drain may evict every canary pod while the canary has traffic`];
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

interface GatewaySpec {
  servers?: { tls?: { mode?: string; credentialName?: string } }[];
}
interface SpcSpec {
  parameters?: Record<string, string>;
  secretObjects?: { secretName: string; type?: string; data?: { objectName: string; key: string }[] }[];
}

/** Names the provider's `objects` parameter makes available (the alias if given, else the object name). */
const providedObjects = (objectsParameter: string): Set<string> =>
  new Set(
    objectsParameter
      .split(/^\s*- \|/m)
      .slice(1)
      .map((entry) => /objectAlias:\s*"?([^"\s]+)/.exec(entry)?.[1] ?? /objectName:\s*"?([^"\s]+)/.exec(entry)?.[1] ?? '')
      .filter(Boolean),
  );

/**
 * 22: every certificate Secret an Istio Gateway serves (credentialName, read in the namespace of
 * the gateway's pods) exists: a SecretProviderClass there syncs it as a kubernetes.io/tls Secret
 * with tls.key and tls.crt from objects it fetches, and a long-running workload there mounts that
 * class with at least two replicas (the CSI driver syncs a Secret only while a pod mounts its
 * class, and deletes it with the last one).
 */
export const gatewayTlsSynced = (objects: readonly K8sObject[], gatewayNamespace: string): string[] => {
  const v: string[] = [];
  const classes = ofKind(objects, 'SecretProviderClass').filter((o) => o.metadata.namespace === gatewayNamespace);
  const mounting = (spc: string) =>
    objects.filter((o) => {
      const pod = o.kind === 'Job' || o.metadata.namespace !== gatewayNamespace ? null : podTemplateOf(o);
      return (pod?.spec.volumes ?? []).some((vol) => vol.csi?.driver === 'secrets-store.csi.k8s.io' && vol.csi.volumeAttributes?.secretProviderClass === spc);
    });
  for (const gw of ofKind(objects, 'Gateway')) {
    for (const server of spec<GatewaySpec>(gw).servers ?? []) {
      const secret = server.tls?.credentialName;
      if (!secret) continue;
      const syncing = classes.filter((c) => (spec<SpcSpec>(c).secretObjects ?? []).some((so) => so.secretName === secret));
      if (syncing.length !== 1) {
        v.push(`${id(gw)}: TLS secret ${gatewayNamespace}/${secret} is synced by ${syncing.length} SecretProviderClasses (want 1)`);
        continue;
      }
      const spc = syncing[0]!;
      const s = spec<SpcSpec>(spc);
      const so = s.secretObjects!.find((x) => x.secretName === secret)!;
      if (so.type !== 'kubernetes.io/tls') v.push(`${id(spc)}: syncs ${secret} as ${String(so.type)}, not kubernetes.io/tls`);
      const keys = (so.data ?? []).map((d) => d.key).sort();
      if (JSON.stringify(keys) !== JSON.stringify(['tls.crt', 'tls.key'])) v.push(`${id(spc)}: ${secret} has keys ${keys.join(', ') || 'none'}, not tls.crt and tls.key`);
      const provided = providedObjects(s.parameters?.objects ?? '');
      for (const d of so.data ?? []) if (!provided.has(d.objectName)) v.push(`${id(spc)}: ${secret}.${d.key} comes from ${d.objectName}, which the class does not fetch`);
      const pods = mounting(spc.metadata.name);
      if (pods.length === 0) v.push(`${id(spc)}: no long-running pod mounts it, so ${secret} is never synced`);
      for (const o of pods) {
        const replicas = spec<{ replicas?: number }>(o).replicas ?? 1;
        if (replicas < 2) v.push(`${id(o)}: ${replicas} replica(s): a drain of its node would delete ${secret}`);
      }
    }
  }
  return v;
};

interface RolloutWiringSpec {
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string> } };
  strategy?: {
    canary?: { stableService?: string; canaryService?: string; trafficRouting?: { istio?: { virtualService?: { name: string; routes?: string[] } } } };
    blueGreen?: { activeService?: string; previewService?: string };
  };
}
interface VsSpec {
  http?: { name?: string; route?: { destination?: { host?: string } }[] }[];
}

/** The Services a Rollout's strategy names (the controller rewrites their selectors). */
const rolloutServices = (r: K8sObject): string[] => {
  const s = spec<RolloutWiringSpec>(r).strategy ?? {};
  return [s.canary?.stableService, s.canary?.canaryService, s.blueGreen?.activeService, s.blueGreen?.previewService].filter((x): x is string => !!x);
};

/**
 * What the Argo Rollouts controller refuses or silently mishandles: the stable/canary or
 * active/preview Services exist and select the Rollout's pods; a canary's Istio VirtualService
 * exists, has every route the Rollout names, and each of those routes sends to exactly the stable
 * and the canary Service (the controller matches hosts by their first DNS label).
 */
export const rolloutTrafficWiring = (objects: readonly K8sObject[]): string[] =>
  ofKind(objects, 'Rollout').flatMap((r) => {
    const v: string[] = [];
    const ns = r.metadata.namespace;
    const rs = spec<RolloutWiringSpec>(r);
    const podLabels = rs.template?.metadata?.labels ?? {};
    if (rolloutServices(r).length < 2) v.push('names fewer than two Services (stable/canary or active/preview)');
    for (const name of rolloutServices(r)) {
      const svc = objects.find((o) => o.kind === 'Service' && o.metadata.name === name && o.metadata.namespace === ns);
      if (!svc) v.push(`Service ${name} is not rendered`);
      else if (!selects({ matchLabels: spec<{ selector?: Record<string, string> }>(svc).selector ?? {} }, podLabels) || !spec<{ selector?: Record<string, string> }>(svc).selector)
        v.push(`Service ${name} does not select the Rollout's pods`);
    }
    const canary = rs.strategy?.canary;
    const istio = canary?.trafficRouting?.istio?.virtualService;
    if (canary && istio) {
      const vs = objects.find((o) => o.kind === 'VirtualService' && o.metadata.name === istio.name && o.metadata.namespace === ns);
      if (!vs) v.push(`VirtualService ${istio.name} is not rendered`);
      const routes = spec<VsSpec>(vs ?? ({} as K8sObject)).http ?? [];
      if (!istio.routes?.length) v.push('names no VirtualService route (the controller would need exactly one unnamed route)');
      for (const name of istio.routes ?? []) {
        const route = routes.find((h) => h.name === name);
        if (!route) {
          if (vs) v.push(`VirtualService ${istio.name} has no route named ${name}`);
          continue;
        }
        const hosts = (route.route ?? []).map((d) => (d.destination?.host ?? '').split('.')[0]).sort();
        const want = [canary.stableService, canary.canaryService].sort();
        if (JSON.stringify(hosts) !== JSON.stringify(want)) v.push(`route ${name} sends to ${hosts.join(', ')}, not exactly ${want.join(', ')}`);
      }
    }
    return v.map((x) => `${id(r)}: ${x}`);
  });

interface AnalysisRef {
  templates?: { templateName: string }[];
  args?: { name: string; value?: string; valueFrom?: { podTemplateHashValue?: string } }[];
}
interface ServiceMonitorSpec {
  selector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchNames?: string[] };
  podTargetLabels?: string[];
  endpoints?: { port?: string }[];
}

/**
 * The Prometheus analyses a Rollout runs judge its new pods and only them: the `pod-hash` argument
 * is the latest ReplicaSet's pod-template hash, the `job` argument is a Service that a ServiceMonitor
 * scrapes with that hash as a label and that no Rollout narrows to one ReplicaSet; the analyses a
 * blue-green update waits for (post-promotion) end after a bounded number of measurements, and
 * each template checks that the new pods are scraped at all (no data must not pass).
 */
export const analysisJudgesNewPods = (objects: readonly K8sObject[]): string[] =>
  ofKind(objects, 'Rollout').flatMap((r) => {
    const ns = r.metadata.namespace;
    const rs = spec<RolloutWiringSpec & { strategy?: { canary?: { analysis?: AnalysisRef }; blueGreen?: { postPromotionAnalysis?: AnalysisRef } } }>(r);
    const refs: { ref: AnalysisRef; bounded: boolean }[] = [];
    if (rs.strategy?.canary?.analysis) refs.push({ ref: rs.strategy.canary.analysis, bounded: false });
    if (rs.strategy?.blueGreen?.postPromotionAnalysis) refs.push({ ref: rs.strategy.blueGreen.postPromotionAnalysis, bounded: true });
    const v: string[] = [];
    const managed = new Set(ofKind(objects, 'Rollout').flatMap(rolloutServices));
    for (const { ref, bounded } of refs) {
      for (const t of ref.templates ?? []) {
        const at = objects.find((o) => o.kind === 'AnalysisTemplate' && o.metadata.name === t.templateName && o.metadata.namespace === ns);
        const metrics = spec<{ metrics?: { name: string; count?: number | string; provider?: { prometheus?: { query?: string } } }[] }>(at ?? ({} as K8sObject)).metrics ?? [];
        const prometheus = metrics.filter((m) => m.provider?.prometheus);
        if (prometheus.length === 0) continue;
        if (bounded) for (const m of metrics) if (m.count === undefined) v.push(`${t.templateName}.${m.name} has no count: the post-promotion analysis, and so the update, would never complete`);
        if (!prometheus.some((m) => /\bup\{/.test(m.provider!.prometheus!.query ?? ''))) v.push(`${t.templateName} never checks that the new pods are scraped (no data would pass)`);
        const hash = ref.args?.find((a) => a.name === 'pod-hash');
        if (hash?.valueFrom?.podTemplateHashValue !== 'Latest') v.push(`${t.templateName}: arg pod-hash is not the latest ReplicaSet's pod-template hash`);
        const job = ref.args?.find((a) => a.name === 'job')?.value;
        const svc = objects.find((o) => o.kind === 'Service' && o.metadata.name === job && o.metadata.namespace === ns);
        if (!svc) {
          v.push(`${t.templateName}: arg job ${String(job)} is not a rendered Service`);
          continue;
        }
        if (managed.has(svc.metadata.name)) v.push(`${t.templateName}: Service ${svc.metadata.name} is narrowed to one ReplicaSet by a Rollout, so it misses pods`);
        if (!selects({ matchLabels: spec<{ selector?: Record<string, string> }>(svc).selector ?? {} }, rs.template?.metadata?.labels ?? {})) v.push(`${t.templateName}: Service ${svc.metadata.name} does not select the Rollout's pods`);
        const monitors = ofKind(objects, 'ServiceMonitor').filter(
          (m) => (spec<ServiceMonitorSpec>(m).namespaceSelector?.matchNames ?? [m.metadata.namespace]).includes(ns) && selects(spec<ServiceMonitorSpec>(m).selector, svc.metadata.labels ?? {}),
        );
        if (!monitors.some((m) => spec<ServiceMonitorSpec>(m).podTargetLabels?.includes('rollouts-pod-template-hash')))
          v.push(`${t.templateName}: no ServiceMonitor scrapes ${svc.metadata.name} with the rollouts-pod-template-hash label`);
      }
    }
    return [...new Set(v)].map((x) => `${id(r)}: ${x}`);
  });

/** Each ServiceMonitor selects exactly one Service, and scrapes ports that Service names. */
export const serviceMonitorsMatch = (objects: readonly K8sObject[]): string[] =>
  ofKind(objects, 'ServiceMonitor').flatMap((m) => {
    const s = spec<ServiceMonitorSpec>(m);
    const namespaces = s.namespaceSelector?.matchNames ?? [m.metadata.namespace];
    const services = ofKind(objects, 'Service').filter((svc) => namespaces.includes(svc.metadata.namespace) && selects(s.selector, svc.metadata.labels ?? {}));
    if (services.length !== 1) return [`${id(m)}: selects ${services.length} Services (want 1: pods scraped twice or not at all)`];
    const ports = (spec<{ ports?: { name?: string }[] }>(services[0]!).ports ?? []).map((p) => p.name);
    return (s.endpoints ?? []).filter((e) => !ports.includes(e.port)).map((e) => `${id(m)}: port ${String(e.port)} is not a port of Service ${services[0]!.metadata.name}`);
  });
