/**
 * The checks of k8s/docs/manifest-rules.md over every rendered workload, named by the
 * tools' own check ids, per environment; and each rule shown failing on a deliberately broken
 * copy of a rendered object, so a passing suite means the rules were able to fail.
 */
import { describe, expect, it } from 'vitest';
import { loadProfiles } from '../src/config/profile.ts';
import { GATEWAY_CERT_COMPONENT } from '../src/constructs/gateway-certificate.ts';
import { podTemplateOf, type K8sObject } from './policy/objects.ts';
import * as rules from './policy/rules.ts';
import { gitopsFiles, objectsOf } from './support/gitops.ts';

const profiles = loadProfiles();
const httpServices = (objects: K8sObject[]) =>
  objects.filter((o) => o.metadata.labels?.['app.kubernetes.io/component'] === 'api' || !rules.isWorkload(o));

describe.each(profiles.map((p) => [p.name, p] as const))('%s: Pod Security "restricted" and kube-score/kube-linter/Polaris checks', (env, profile) => {
  const objects = objectsOf(env);
  // Rules that apply only where the profile turns a feature on are registered only there.
  const itWhen = (applies: boolean) => (applies ? it : () => undefined);

  it('checks every workload kind the environment renders (no rule below passes on an empty set)', () => {
    const kinds: Record<string, number> = {};
    for (const o of objects.filter(rules.isWorkload)) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
    // dev: 4 services, 4 migration Jobs, PostgreSQL and Redis, PostgreSQL's backup CronJob; prod: 4 Rollouts, 4 migration Jobs and the database-roles Job, the edge certificate sync.
    expect(kinds).toEqual(env === 'dev' ? { CronJob: 1, Deployment: 4, Job: 4, StatefulSet: 2 } : { Deployment: 1, Job: 5, Rollout: 4 });
  });
  it('[1: kube-score container-resources; kube-linter unset-cpu-requirements, unset-memory-requirements; Polaris cpuRequestsMissing, memoryRequestsMissing, memoryLimitsMissing]', () => {
    expect(rules.containerResources(objects)).toEqual([]);
  });
  it('[2: Polaris readinessProbeMissing, livenessProbeMissing; kube-linter no-readiness-probe, no-liveness-probe] plus startup probes', () => {
    expect(rules.probesPresent(objects)).toEqual([]);
  });
  it('[3: kube-score pod-probes-identical]', () => {
    expect(rules.probesDiffer(objects)).toEqual([]);
  });
  it('[4: kube-linter liveness-port, readiness-port, startup-port] service probes are httpGet on a declared port, Istio rewrite kept', () => {
    expect(rules.probePortsDeclared(httpServices(objects))).toEqual([]);
  });
  it('[5: PSS allowPrivilegeEscalation; kube-linter privilege-escalation-container]', () => {
    expect(rules.noPrivilegeEscalation(objects)).toEqual([]);
  });
  it('[6: kube-score container-security-context-privileged, container-security-context-readonlyrootfilesystem; kube-linter no-read-only-root-fs]', () => {
    expect(rules.notPrivilegedReadOnlyRoot(objects)).toEqual([]);
  });
  it('[7: PSS runAsNonRoot; kube-score container-security-context-user-group-id; kube-linter run-as-non-root]', () => {
    expect(rules.nonRootHighIds(objects)).toEqual([]);
  });
  it('[8: PSS capabilities; Polaris dangerousCapabilities]', () => {
    expect(rules.capabilitiesDropped(objects)).toEqual([]);
  });
  it('[9: PSS seccompProfile; kube-score container-seccomp-profile]', () => {
    expect(rules.seccompProfile(objects)).toEqual([]);
  });
  it('[10: PSS restrictedVolumes; kube-linter host-network, host-pid, host-ipc]', () => {
    expect(rules.restrictedVolumesNoHostNamespaces(objects)).toEqual([]);
  });
  it('[11: kube-score container-image-tag; kube-linter latest-tag]', () => {
    expect(rules.imageTagPinned(objects)).toEqual([]);
  });
  it('[12: kube-linter default-service-account, non-existent-service-account]', () => {
    expect(rules.dedicatedServiceAccount(objects)).toEqual([]);
  });
  itWhen(profile.workloadIdentity !== null)('[12: workload identity] ServiceAccounts carry the client id, pods the use label', () => {
    // The services and their migration Jobs carry identities; the dev data stores need none, and the
    // prod edge certificate sync reads Key Vault as the Key Vault CSI add-on (Microsoft's pattern for
    // the Istio add-on's gateway; prod-security.test.ts checks that class).
    const withoutIdentity = ['datastore', GATEWAY_CERT_COMPONENT];
    expect(rules.workloadIdentity(objects.filter((o) => !withoutIdentity.includes(o.metadata.labels?.['app.kubernetes.io/component'] ?? '')))).toEqual([]);
  });
  it('[13: kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured]', () => {
    expect(rules.hpaTargetHasNoReplicas(objects)).toEqual([]);
  });
  itWhen(profile.scaling.horizontal)('[14: Polaris hpaMinAvailability; kube-score horizontalpodautoscaler-has-target]', () => {
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toHaveLength(4);
    expect(rules.hpaSane(objects)).toEqual([]);
  });
  itWhen(profile.scaling.disruptionBudgets)('[15: kube-score deployment-has-poddisruptionbudget; kube-linter pdb-max-unavailable, pdb-min-available, pdb-unhealthy-pod-eviction-policy]', () => {
    expect(rules.disruptionBudgets(objects)).toEqual([]);
  });
  itWhen(profile.scaling.zoneSpread)('[16: kube-score pod-topology-spread-constraints; kube-linter no-anti-affinity]', () => {
    expect(rules.zoneSpread(objects)).toEqual([]);
  });
  it('[17: kube-score pod-networkpolicy, networkpolicy-targets-pod; kube-linter non-isolated-pod, dangling-networkpolicy]', () => {
    expect(rules.networkPolicyCoverage(objects)).toEqual([]);
  });
  it('[18: kube-linter mismatching-selector, dangling-service] and no cdk8s.io/metadata.addr selector', () => {
    expect(rules.selectorsMatch(objects)).toEqual([]);
  });
  it('[19: kube-score service-type] Service ports named http* or with appProtocol, no NodePort', () => {
    expect(rules.servicePorts(objects)).toEqual([]);
  });
  it('[20: kube-linter env-var-secret; Polaris sensitiveContainerEnvVar] and no literal secret anywhere', () => {
    expect(rules.noSecretLiteralsInEnv(objects)).toEqual([]);
    expect(rules.noLiteralSecrets(objects)).toEqual([]);
  });
  it('[24: kube-linter job-ttl-seconds-after-finished] hook Jobs are Argo CD hooks with their delete policy (HookSucceeded for a migration Job) and a TTL', () => {
    // Four migration Jobs; prod also has the database-roles Job.
    expect(objects.filter((o) => o.kind === 'Job')).toHaveLength(env === 'prod' ? 5 : 4);
    expect(rules.hookJobs(objects)).toEqual([]);
  });
});

describe('[25] gitops/ layout', () => {
  it('holds no .json file (Argo CD would load it) and only <env>/<chart>/<Kind>.<name>.yaml', () => {
    const files = gitopsFiles();
    expect(files.filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(files.filter((f) => !/^(dev|prod)\/[a-z0-9-]+\/[A-Za-z]+\.[a-z0-9.-]+\.yaml$/.test(f))).toEqual([]);
  });
});

/** A rendered prod workload, deep-copied so each case breaks its own copy. */
const prodRollout = (): K8sObject => structuredClone(objectsOf('prod').find((o) => o.kind === 'Rollout')!);
const container = (o: K8sObject): Record<string, unknown> => podTemplateOf(o)!.spec.containers[0] as unknown as Record<string, unknown>;
const securityContext = (o: K8sObject): Record<string, unknown> => container(o).securityContext as Record<string, unknown>;
const withSupport = (o: K8sObject): K8sObject[] => [...objectsOf('prod').filter((x) => x.kind !== o.kind || x.metadata.name !== o.metadata.name), o];

type Breaker = (o: K8sObject) => unknown;
type RuleFn = (objects: readonly K8sObject[]) => string[];

describe('each rule fails on a deliberately broken object', () => {
  const cases: [string, Breaker, RuleFn][] = [
    ['container-resources', (o) => delete (container(o).resources as { limits?: unknown }).limits, rules.containerResources],
    ['no-readiness-probe', (o) => delete container(o).readinessProbe, rules.probesPresent],
    ['pod-probes-identical', (o) => (container(o).readinessProbe = container(o).livenessProbe), rules.probesDiffer],
    ['readiness-port', (o) => ((container(o).readinessProbe as { httpGet: { port: string } }).httpGet.port = 'metrics'), (objects) => rules.probePortsDeclared(httpServices([...objects]))],
    ['privilege-escalation-container', (o) => (securityContext(o).allowPrivilegeEscalation = true), rules.noPrivilegeEscalation],
    ['no-read-only-root-fs', (o) => (securityContext(o).readOnlyRootFilesystem = false), rules.notPrivilegedReadOnlyRoot],
    ['container-security-context-user-group-id', (o) => (securityContext(o).runAsUser = 1000), rules.nonRootHighIds],
    ['dangerousCapabilities', (o) => (securityContext(o).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] }), rules.capabilitiesDropped],
    ['container-seccomp-profile', (o) => (securityContext(o).seccompProfile = { type: 'Unconfined' }), rules.seccompProfile],
    ['host-network', (o) => ((o.spec as { template: { spec: Record<string, unknown> } }).template.spec.hostNetwork = true), rules.restrictedVolumesNoHostNamespaces],
    ['latest-tag', (o) => (container(o).image = 'acr.example/tripgen/user-service:latest'), rules.imageTagPinned],
    ['default-service-account', (o) => ((o.spec as { template: { spec: Record<string, unknown> } }).template.spec.serviceAccountName = 'default'), rules.dedicatedServiceAccount],
    // Issue 12: ScheduleAnyway lets both replicas land in one zone (AKS availability zones guidance).
    ['zone-spread-schedule-anyway', (o) => ((o.spec as { template: { spec: { topologySpreadConstraints: { topologyKey: string; whenUnsatisfiable: string }[] } } }).template.spec.topologySpreadConstraints.find((t) => t.topologyKey === 'topology.kubernetes.io/zone')!.whenUnsatisfiable = 'ScheduleAnyway'), rules.zoneSpread],
    // KEP-3243: spread counted over old and new revisions packs the new pods into one zone after an update.
    ['zone-spread-across-revisions', (o) => delete (o.spec as { template: { spec: { topologySpreadConstraints: { topologyKey: string; matchLabelKeys?: string[] }[] } } }).template.spec.topologySpreadConstraints.find((t) => t.topologyKey === 'topology.kubernetes.io/zone')!.matchLabelKeys, rules.zoneSpread],
    ['env-var-secret', (o) => (container(o).env = [{ name: 'DATABASE_URL', value: 'postgresql://app:hunter2@db:5432/user_db' }]), rules.noSecretLiteralsInEnv],
  ];
  it.each(cases)('[%s] flags the broken copy', (_id, breakIt, rule) => {
    const o = prodRollout();
    expect(rule(withSupport(o))).toEqual([]);
    breakIt(o);
    expect(rule(withSupport(o)).length).toBeGreaterThan(0);
  });

  // The rules read every kind's pod template, not only the Rollout's: break one of each kind.
  const otherKinds = [
    ['dev', 'Deployment'],
    ['dev', 'StatefulSet'],
    ['dev', 'Job'],
    ['dev', 'CronJob'],
    ['prod', 'Deployment'],
    ['prod', 'Job'],
  ] as const;
  it.each(otherKinds)('[privilege-escalation-container, run-as-non-root, latest-tag, no-liveness-probe] flag a broken %s %s', (env, kind) => {
    const all = objectsOf(env);
    const o = structuredClone(all.find((x) => x.kind === kind)!);
    const objects = () => [...all.filter((x) => !(x.kind === o.kind && x.metadata.name === o.metadata.name)), o];
    const checks: RuleFn[] = [rules.noPrivilegeEscalation, rules.nonRootHighIds, rules.imageTagPinned, rules.probesPresent];
    for (const rule of checks) expect(rule(objects())).toEqual([]);
    securityContext(o).allowPrivilegeEscalation = true;
    securityContext(o).runAsUser = 0;
    container(o).image = 'docker.io/library/busybox';
    delete container(o).livenessProbe;
    const found = checks.map((rule) => rule(objects()).length);
    expect(found).toEqual([1, 1, 1, kind === 'Job' || kind === 'CronJob' ? 0 : 1]);
  });

  it('[deployment-targeted-by-hpa-does-not-have-replicas-configured] flags replicas on an HPA target', () => {
    const o = prodRollout();
    (o.spec as Record<string, unknown>).replicas = 2;
    expect(rules.hpaTargetHasNoReplicas(withSupport(o))).toHaveLength(1);
  });

  it('[hpaMinAvailability; horizontalpodautoscaler-has-target] flags min 1, no scale-down behaviour and a metric on a container the target lacks', () => {
    const hpa = structuredClone(objectsOf('prod').find((x) => x.kind === 'HorizontalPodAutoscaler')!);
    const s = hpa.spec as { minReplicas: number; behavior?: unknown; metrics: { containerResource: { container: string } }[] };
    s.minReplicas = 1;
    delete s.behavior;
    s.metrics[0]!.containerResource.container = 'istio-proxy';
    const objects = [...objectsOf('prod').filter((x) => !(x.kind === 'HorizontalPodAutoscaler' && x.metadata.name === hpa.metadata.name)), hpa];
    expect(rules.hpaSane(objects).map((x) => x.replace(/^[^:]+: /, ''))).toEqual([
      'minReplicas 1 < 2',
      'no explicit scaleDown behavior',
      'metric on container istio-proxy, which the target does not run',
    ]);
  });

  it('[pod-networkpolicy] flags a pod no NetworkPolicy covers', () => {
    const o = prodRollout();
    (o.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels = { 'app.kubernetes.io/name': 'stray' };
    (o.spec as { selector: unknown }).selector = { matchLabels: { 'app.kubernetes.io/name': 'stray' } };
    const withoutBaseline = withSupport(o).filter((x) => !(x.kind === 'NetworkPolicy' && x.metadata.name.startsWith('default-deny')) && !(x.kind === 'NetworkPolicy' && x.metadata.name === 'allow-dns-egress'));
    expect(rules.networkPolicyCoverage(withoutBaseline).join('\n')).toMatch(/Rollout\/tripgen\/[a-z]+-service: no Ingress NetworkPolicy/);
  });

  it('[mismatching-selector] flags a selector on the cdk8s path hash', () => {
    const o = prodRollout();
    (o.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels['cdk8s.io/metadata.addr'] = 'abc123';
    expect(rules.selectorsMatch(withSupport(o)).join('\n')).toMatch(/cdk8s\.io\/metadata\.addr/);
  });

  it('[pdb-unhealthy-pod-eviction-policy] flags a PDB that blocks every eviction', () => {
    const pdb = structuredClone(objectsOf('prod').find((x) => x.kind === 'PodDisruptionBudget')!);
    (pdb.spec as Record<string, unknown>).maxUnavailable = 0;
    delete (pdb.spec as Record<string, unknown>).unhealthyPodEvictionPolicy;
    const objects = [...objectsOf('prod').filter((x) => !(x.kind === 'PodDisruptionBudget' && x.metadata.name === pdb.metadata.name)), pdb];
    expect(rules.disruptionBudgets(objects).join('\n')).toMatch(/blocks every eviction[\s\S]*unhealthyPodEvictionPolicy/);
  });

  it('[job-ttl-seconds-after-finished] flags a hook Job without TTL and delete policy', () => {
    const job = structuredClone(objectsOf('prod').find((x) => x.kind === 'Job')!);
    delete (job.spec as Record<string, unknown>).ttlSecondsAfterFinished;
    job.metadata.annotations = {};
    expect(rules.hookJobs([job])).toHaveLength(3);
  });

  it('[stable-version] flags a deprecated apiVersion', () => {
    expect(rules.stableApiVersions([{ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'x' } }])).toHaveLength(1);
  });

  it('flags a Secret object and a credential URL anywhere', () => {
    const secret: K8sObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'tripgen' }, stringData: { url: 'postgresql://u:p4ss@db/x' } };
    expect(rules.noLiteralSecrets([secret])).toHaveLength(2);
  });
});
