/**
 * The checks of k8s/docs/manifest-rules.md (kube-score, kube-linter, Polaris, Pod Security
 * Standards "restricted") as pure functions over the rendered objects of one environment. Each
 * returns its violations as readable strings; an empty list is a pass. The tests run them over
 * gitops/ and over deliberately broken objects.
 */
import { isDeepStrictEqual } from 'node:util';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { REVISION_LABEL, type RevisionedKind } from '../../src/lib/scheduling.ts';
import { containersOf, id, isWorkload, ownNamespaces, podTemplateOf, selects, type K8sObject, type PodTemplate } from './objects.ts';

type Rule = (objects: readonly K8sObject[]) => string[];

const workloads = (objects: readonly K8sObject[]) =>
  objects.flatMap((o) => {
    const pod = podTemplateOf(o);
    return pod ? [{ o, pod }] : [];
  });
const eachContainer = (objects: readonly K8sObject[], check: (c: IContainer, pod: PodTemplate, o: K8sObject) => string[]): string[] =>
  workloads(objects).flatMap(({ o, pod }) => containersOf(pod).flatMap((c) => check(c, pod, o).map((v) => `${id(o)} container ${c.name}: ${v}`)));
const ofKind = (objects: readonly K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const spec = <T>(o: K8sObject): T => (o.spec ?? {}) as T;

/** 1 [kube-score container-resources; kube-linter unset-cpu/memory-requirements; Polaris *RequestsMissing, memoryLimitsMissing] */
export const containerResources: Rule = (objects) =>
  eachContainer(objects, (c) => {
    const v: string[] = [];
    if (!c.resources?.requests?.cpu) v.push('no CPU request');
    if (!c.resources?.requests?.memory) v.push('no memory request');
    if (!c.resources?.limits?.memory) v.push('no memory limit');
    return v;
  });

/** Pods that run to completion (Jobs, and the Jobs a CronJob starts): no probes, no Service, no disruption budget. */
const runsToCompletion = (o: K8sObject): boolean => o.kind === 'Job' || o.kind === 'CronJob';

/** 2 [Polaris readinessProbeMissing, livenessProbeMissing; kube-linter no-readiness-probe, no-liveness-probe] (long-running pods) */
export const probesPresent: Rule = (objects) =>
  eachContainer(
    objects.filter((o) => !runsToCompletion(o)),
    (c) => (['readinessProbe', 'livenessProbe', 'startupProbe'] as const).filter((p) => !c[p]).map((p) => `no ${p}`),
  );

/** 3 [kube-score pod-probes-identical] */
export const probesDiffer: Rule = (objects) =>
  eachContainer(objects, (c) => (c.readinessProbe && c.livenessProbe && isDeepStrictEqual(c.readinessProbe, c.livenessProbe) ? ['readiness and liveness probes are identical'] : []));

/** 4 [kube-linter liveness-port, readiness-port, startup-port] and Istio probe rewriting kept on. Applies to HTTP services. */
export const probePortsDeclared: Rule = (objects) =>
  eachContainer(objects, (c, pod) => {
    const v: string[] = [];
    const ports = c.ports ?? [];
    for (const kind of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
      const probe: IProbe | undefined = c[kind];
      if (!probe) continue;
      if (!probe.httpGet) {
        v.push(`${kind} is not httpGet`);
        continue;
      }
      const port = probe.httpGet.port;
      if (!ports.some((p) => p.name === port || p.containerPort === port)) v.push(`${kind} port ${String(port)} is not a declared container port`);
    }
    if (pod.annotations['sidecar.istio.io/rewriteAppHTTPProbers'] === 'false') v.push('Istio probe rewriting disabled');
    return v;
  });

const effective = <K extends 'runAsNonRoot' | 'runAsUser' | 'runAsGroup'>(c: IContainer, pod: PodTemplate, key: K) =>
  c.securityContext?.[key] ?? pod.spec.securityContext?.[key];

/** 5 [PSS allowPrivilegeEscalation; kube-linter privilege-escalation-container] */
export const noPrivilegeEscalation: Rule = (objects) =>
  eachContainer(objects, (c) => (c.securityContext?.allowPrivilegeEscalation === false ? [] : ['allowPrivilegeEscalation is not false']));

/** 6 [kube-score container-security-context-privileged, -readonlyrootfilesystem; kube-linter no-read-only-root-fs] */
export const notPrivilegedReadOnlyRoot: Rule = (objects) =>
  eachContainer(objects, (c) => {
    const v: string[] = [];
    if (c.securityContext?.privileged !== false) v.push('privileged is not false');
    if (c.securityContext?.readOnlyRootFilesystem !== true) v.push('readOnlyRootFilesystem is not true');
    return v;
  });

/** 7 [PSS runAsNonRoot; kube-score container-security-context-user-group-id; kube-linter run-as-non-root] */
export const nonRootHighIds: Rule = (objects) =>
  eachContainer(objects, (c, pod) => {
    const v: string[] = [];
    if (effective(c, pod, 'runAsNonRoot') !== true) v.push('runAsNonRoot is not true');
    const uid = effective(c, pod, 'runAsUser');
    const gid = effective(c, pod, 'runAsGroup');
    if (typeof uid !== 'number' || uid < 10000) v.push(`runAsUser ${String(uid)} < 10000`);
    if (typeof gid !== 'number' || gid < 10000) v.push(`runAsGroup ${String(gid)} < 10000`);
    return v;
  });

/** 8 [PSS capabilities; Polaris dangerousCapabilities] */
export const capabilitiesDropped: Rule = (objects) =>
  eachContainer(objects, (c) => {
    const v: string[] = [];
    if (!c.securityContext?.capabilities?.drop?.includes('ALL')) v.push('capabilities do not drop ALL');
    const extra = (c.securityContext?.capabilities?.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (extra.length > 0) v.push(`adds capabilities ${extra.join(', ')}`);
    return v;
  });

/** 9 [PSS seccompProfile; kube-score container-seccomp-profile] */
export const seccompProfile: Rule = (objects) =>
  eachContainer(objects, (c, pod) => {
    const type = c.securityContext?.seccompProfile?.type ?? pod.spec.securityContext?.seccompProfile?.type;
    return type === 'RuntimeDefault' || type === 'Localhost' ? [] : [`seccompProfile ${String(type)}`];
  });

const ALLOWED_VOLUMES = ['configMap', 'secret', 'emptyDir', 'projected', 'downwardAPI', 'csi', 'persistentVolumeClaim', 'ephemeral'];

/** 10 [PSS restrictedVolumes; kube-linter host-network, host-pid, host-ipc] */
export const restrictedVolumesNoHostNamespaces: Rule = (objects) =>
  workloads(objects).flatMap(({ o, pod }) => {
    const v: string[] = [];
    for (const vol of pod.spec.volumes ?? []) {
      const types = Object.keys(vol).filter((k) => k !== 'name');
      for (const t of types) if (!ALLOWED_VOLUMES.includes(t)) v.push(`volume ${vol.name} of type ${t}`);
    }
    for (const ns of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (pod.spec[ns]) v.push(`${ns} is on`);
    return v.map((x) => `${id(o)}: ${x}`);
  });

/** 11 [kube-score container-image-tag; kube-linter latest-tag] */
export const imageTagPinned: Rule = (objects) =>
  eachContainer(objects, (c) => {
    const image = c.image ?? '';
    if (image.includes('@sha256:')) return [];
    const tag = /:([^/:]+)$/.exec(image)?.[1];
    return !tag ? [`image ${image} has no tag`] : tag === 'latest' ? [`image ${image} uses latest`] : [];
  });

/** 12 [kube-linter default-service-account, non-existent-service-account] */
export const dedicatedServiceAccount: Rule = (objects) => {
  const accounts = new Set(ofKind(objects, 'ServiceAccount').map((sa) => `${sa.metadata.namespace}/${sa.metadata.name}`));
  return workloads(objects).flatMap(({ o, pod }) => {
    const sa = pod.spec.serviceAccountName;
    if (!sa || sa === 'default') return [`${id(o)}: runs as the default ServiceAccount`];
    return accounts.has(`${o.metadata.namespace}/${sa}`) ? [] : [`${id(o)}: ServiceAccount ${sa} is not rendered in this environment`];
  });
};

/** 12 (prod) workload identity: annotated ServiceAccount and labelled pods. */
export const workloadIdentity: Rule = (objects) => {
  const accounts = new Map(ofKind(objects, 'ServiceAccount').map((sa) => [`${sa.metadata.namespace}/${sa.metadata.name}`, sa]));
  return workloads(objects).flatMap(({ o, pod }) => {
    const v: string[] = [];
    const sa = accounts.get(`${o.metadata.namespace}/${pod.spec.serviceAccountName}`);
    if (!/^[0-9a-f-]{36}$/.test(sa?.metadata.annotations?.['azure.workload.identity/client-id'] ?? '')) v.push('ServiceAccount lacks azure.workload.identity/client-id');
    if (pod.labels['azure.workload.identity/use'] !== 'true') v.push('pod lacks label azure.workload.identity/use: "true"');
    return v.map((x) => `${id(o)}: ${x}`);
  });
};

const hpaTargets = (objects: readonly K8sObject[]) =>
  ofKind(objects, 'HorizontalPodAutoscaler').map((h) => ({ h, ref: spec<{ scaleTargetRef: { kind: string; name: string } }>(h).scaleTargetRef }));

/** 13 [kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured] */
export const hpaTargetHasNoReplicas: Rule = (objects) =>
  hpaTargets(objects).flatMap(({ h, ref }) => {
    const target = objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name && o.metadata.namespace === h.metadata.namespace);
    return target && spec<{ replicas?: number }>(target).replicas !== undefined ? [`${id(target)}: sets replicas although ${id(h)} scales it`] : [];
  });

/** 14 [Polaris hpaMinAvailability; kube-score horizontalpodautoscaler-has-target] */
export const hpaSane: Rule = (objects) =>
  hpaTargets(objects).flatMap(({ h, ref }) => {
    const s = spec<{ minReplicas?: number; maxReplicas: number; behavior?: { scaleDown?: unknown }; metrics?: { type: string; containerResource?: { container: string } }[] }>(h);
    const v: string[] = [];
    if ((s.minReplicas ?? 1) < 2) v.push(`minReplicas ${String(s.minReplicas)} < 2`);
    if (!(s.maxReplicas > (s.minReplicas ?? 1))) v.push('maxReplicas does not exceed minReplicas');
    const target = objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name && o.metadata.namespace === h.metadata.namespace);
    if (!target) v.push(`target ${ref.kind}/${ref.name} does not exist`);
    if (!s.behavior?.scaleDown) v.push('no explicit scaleDown behavior');
    // A ContainerResource metric on a container the pods do not run leaves the HPA without a metric.
    const containers = (target && podTemplateOf(target)?.spec.containers.map((c) => c.name)) ?? [];
    for (const m of s.metrics ?? []) if (m.containerResource && !containers.includes(m.containerResource.container)) v.push(`metric on container ${m.containerResource.container}, which the target does not run`);
    return v.map((x) => `${id(h)}: ${x}`);
  });

const longRunning = (objects: readonly K8sObject[]) => workloads(objects).filter(({ o }) => !runsToCompletion(o));

/** 15 [kube-score deployment-has-poddisruptionbudget; kube-linter pdb-max-unavailable, pdb-min-available, pdb-unhealthy-pod-eviction-policy] */
export const disruptionBudgets: Rule = (objects) => {
  const pdbs = ofKind(objects, 'PodDisruptionBudget');
  const hpaMin = new Map(hpaTargets(objects).map(({ h, ref }) => [`${ref.kind}/${ref.name}`, spec<{ minReplicas?: number }>(h).minReplicas ?? 1]));
  return longRunning(objects).flatMap(({ o, pod }) => {
    const matching = pdbs.filter((p) => p.metadata.namespace === o.metadata.namespace && selects(spec<{ selector?: never }>(p).selector, pod.labels));
    if (matching.length !== 1) return [`${id(o)}: ${matching.length} PodDisruptionBudgets select it (want 1)`];
    const p = spec<{ minAvailable?: number | string; maxUnavailable?: number | string; unhealthyPodEvictionPolicy?: string }>(matching[0]!);
    const v: string[] = [];
    if ((p.minAvailable === undefined) === (p.maxUnavailable === undefined)) v.push('needs exactly one of minAvailable/maxUnavailable');
    const replicas = spec<{ replicas?: number }>(o).replicas ?? hpaMin.get(`${o.kind}/${o.metadata.name}`) ?? 1;
    if (p.maxUnavailable === 0 || p.maxUnavailable === '0%') v.push('maxUnavailable 0 blocks every eviction');
    if (typeof p.minAvailable === 'number' && p.minAvailable >= replicas) v.push(`minAvailable ${p.minAvailable} >= replicas ${replicas} blocks every eviction`);
    if (p.minAvailable === '100%') v.push('minAvailable 100% blocks every eviction');
    if (!p.unhealthyPodEvictionPolicy) v.push('unhealthyPodEvictionPolicy not set');
    return v.map((x) => `${id(matching[0]!)}: ${x}`);
  });
};

/**
 * 16 [kube-score pod-topology-spread-constraints; kube-linter no-anti-affinity], hardened by issue 12:
 * a workload with two or more replicas (its own, or its HPA's minimum) must spread over zones with
 * `DoNotSchedule`; `ScheduleAnyway` (or a preferred anti-affinity) lets every replica land in one zone.
 */
export const zoneSpread: Rule = (objects) => {
  const hpaMin = new Map(hpaTargets(objects).map(({ h, ref }) => [`${ref.kind}/${ref.name}`, spec<{ minReplicas?: number }>(h).minReplicas ?? 1]));
  return longRunning(objects).flatMap(({ o, pod }) => {
    const replicas = spec<{ replicas?: number }>(o).replicas ?? hpaMin.get(`${o.kind}/${o.metadata.name}`) ?? 1;
    const zone = (pod.spec.topologySpreadConstraints ?? []).filter((t) => t.topologyKey === 'topology.kubernetes.io/zone' && selects(t.labelSelector as never, pod.labels));
    if (replicas >= 2) {
      const hard = zone.filter((t) => t.whenUnsatisfiable === 'DoNotSchedule');
      if (hard.length === 0) return [`${id(o)}: ${replicas} replicas without a DoNotSchedule zone spread (ScheduleAnyway lets them share one zone)`];
      // Kubernetes, "Pod Topology Spread Constraints" (matchLabelKeys) and KEP-3243 "Respect
      // PodTopologySpread after rolling upgrades": without the revision label the old revision's
      // pods are counted while the new ones are placed, and an update can leave every replica in
      // one zone. The label is the one each controller puts on its ReplicaSets' pods.
      const revision = REVISION_LABEL[o.kind as RevisionedKind] as string | undefined;
      if (revision && !hard.every((t) => (t as { matchLabelKeys?: string[] }).matchLabelKeys?.includes(revision)))
        return [`${id(o)}: its DoNotSchedule zone spread counts every revision (matchLabelKeys lacks ${revision}): an update can leave all ${replicas} replicas in one zone`];
      return [];
    }
    const anti = (pod.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
    return zone.length > 0 || anti ? [] : [`${id(o)}: no zone topology spread or preferred anti-affinity`];
  });
};

interface NetPolSpec {
  podSelector: never;
  policyTypes?: string[];
  egress?: { to?: { namespaceSelector?: { matchLabels?: Record<string, string> }; podSelector?: { matchLabels?: Record<string, string> } }[]; ports?: { protocol?: string; port?: number | string }[] }[];
}

/** 17 [kube-score pod-networkpolicy, networkpolicy-targets-pod; kube-linter non-isolated-pod, dangling-networkpolicy] */
export const networkPolicyCoverage: Rule = (objects) => {
  const policies = ofKind(objects, 'NetworkPolicy');
  const pods = workloads(objects);
  const v: string[] = [];
  for (const { o, pod } of pods) {
    const mine = policies.filter((p) => p.metadata.namespace === o.metadata.namespace && selects(spec<NetPolSpec>(p).podSelector, pod.labels));
    for (const type of ['Ingress', 'Egress']) if (!mine.some((p) => spec<NetPolSpec>(p).policyTypes?.includes(type))) v.push(`${id(o)}: no ${type} NetworkPolicy`);
    const dns = mine.some((p) =>
      (spec<NetPolSpec>(p).egress ?? []).some((e) => (e.ports ?? []).some((port) => port.port === 53 && port.protocol === 'UDP') && (e.to ?? []).some((t) => t.podSelector?.matchLabels?.['k8s-app'] === 'kube-dns')),
    );
    if (!dns) v.push(`${id(o)}: egress does not allow DNS`);
  }
  for (const p of policies) {
    const sel = spec<NetPolSpec>(p).podSelector as { matchLabels?: Record<string, string> } | undefined;
    const empty = !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && !(sel as { matchExpressions?: unknown[] }).matchExpressions?.length);
    if (!empty && !pods.some(({ o, pod }) => o.metadata.namespace === p.metadata.namespace && selects(sel as never, pod.labels))) v.push(`${id(p)}: selects no pod (dangling)`);
  }
  return v;
};

const HASH_LABEL = 'cdk8s.io/metadata.addr';

/** 18 [kube-linter mismatching-selector, dangling-service] and no cdk8s path-hash selector */
export const selectorsMatch: Rule = (objects) => {
  const v: string[] = [];
  const pods = workloads(objects);
  for (const { o, pod } of pods) {
    const sel = spec<{ selector?: { matchLabels?: Record<string, string> } }>(o).selector;
    if (!runsToCompletion(o) && !selects(sel as never, pod.labels)) v.push(`${id(o)}: selector does not match its template labels`);
    if (JSON.stringify(sel ?? {}).includes(HASH_LABEL)) v.push(`${id(o)}: selects on ${HASH_LABEL}`);
  }
  // Dangling is decidable only in the namespaces we own: a Service in a platform namespace (the
  // mesh ingress gateway's) selects pods an AKS add-on runs.
  const own = ownNamespaces(objects);
  for (const s of ofKind(objects, 'Service')) {
    const sel = spec<{ selector?: Record<string, string> }>(s).selector ?? {};
    if (HASH_LABEL in sel) v.push(`${id(s)}: selects on ${HASH_LABEL}`);
    if (own.has(s.metadata.namespace ?? '') && !pods.some(({ o, pod }) => o.metadata.namespace === s.metadata.namespace && !runsToCompletion(o) && selects({ matchLabels: sel }, pod.labels))) v.push(`${id(s)}: selects no pod (dangling)`);
  }
  return v;
};

/** 19 [kube-score service-type] Istio protocol selection needs named or appProtocol ports. */
export const servicePorts: Rule = (objects) =>
  ofKind(objects, 'Service').flatMap((s) => {
    const sp = spec<{ type?: string; ports?: { name?: string; appProtocol?: string; port: number }[] }>(s);
    const v: string[] = [];
    if (sp.type === 'NodePort') v.push('type NodePort');
    for (const p of sp.ports ?? []) if (!p.name?.startsWith('http') && !p.appProtocol) v.push(`port ${p.port} neither named http* nor with appProtocol`);
    return v.map((x) => `${id(s)}: ${x}`);
  });

// DATABASE_URL is not here: prod's names a role and a host and carries no password (Entra sign-in);
// one that does carry a password is caught by CREDENTIAL_URL below.
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|SIGNING_?KEY|CREDENTIAL|CONNECTION_?STRING)/i;
/** A URL with credentials in it (scheme://user:password@host). */
const CREDENTIAL_URL = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i;

/** 20 [kube-linter env-var-secret; Polaris sensitiveContainerEnvVar] */
export const noSecretLiteralsInEnv: Rule = (objects) =>
  eachContainer(objects, (c) =>
    (c.env ?? []).flatMap((e) => {
      if (e.value === undefined) return [];
      if (SECRET_NAME.test(e.name)) return [`env ${e.name} holds a literal value`];
      return CREDENTIAL_URL.test(e.value) ? [`env ${e.name} holds a URL with credentials`] : [];
    }),
  );

/** No secret value anywhere: no Secret objects, no secret-named ConfigMap keys, no credential URLs in any field. */
export const noLiteralSecrets: Rule = (objects) =>
  objects.flatMap((o) => {
    const v: string[] = [];
    if (o.kind === 'Secret') v.push('a Secret object is rendered (values belong in Key Vault or the bootstrap script)');
    if (o.kind === 'ConfigMap') {
      for (const key of Object.keys((o.data as Record<string, string> | undefined) ?? {})) if (SECRET_NAME.test(key)) v.push(`ConfigMap key ${key} looks secret`);
    }
    if (CREDENTIAL_URL.test(JSON.stringify(o))) v.push('contains a URL with credentials');
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(JSON.stringify(o))) v.push('contains a private key');
    return v.map((x) => `${id(o)}: ${x}`);
  });

const DEPRECATED_API_VERSIONS = [
  'extensions/v1beta1',
  'apps/v1beta1',
  'apps/v1beta2',
  'policy/v1beta1',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'networking.k8s.io/v1beta1',
  'batch/v1beta1',
  'networking.istio.io/v1alpha3',
  'security.istio.io/v1beta1',
];

/** 21 [kube-linter no-extensions-v1beta; kube-score stable-version] */
export const stableApiVersions: Rule = (objects) =>
  objects.filter((o) => DEPRECATED_API_VERSIONS.includes(o.apiVersion)).map((o) => `${id(o)}: deprecated apiVersion ${o.apiVersion}`);

/** 24 [kube-linter job-ttl-seconds-after-finished] Argo CD hook Jobs. */
export const hookJobs: Rule = (objects) =>
  ofKind(objects, 'Job').flatMap((j) => {
    const a = j.metadata.annotations ?? {};
    const v: string[] = [];
    if (!a['argocd.argoproj.io/hook']) v.push('no argocd.argoproj.io/hook annotation');
    // A migration Job must stay through the sync's retries (migration-job.test.ts); another hook Job is re-created by each sync.
    const policy = j.metadata.labels?.['app.kubernetes.io/component'] === 'migration' ? 'HookSucceeded' : 'BeforeHookCreation';
    if (a['argocd.argoproj.io/hook-delete-policy'] !== policy) v.push(`hook-delete-policy is not ${policy}`);
    if (typeof spec<{ ttlSecondsAfterFinished?: number }>(j).ttlSecondsAfterFinished !== 'number') v.push('no ttlSecondsAfterFinished');
    return v.map((x) => `${id(j)}: ${x}`);
  });

export { isWorkload };
