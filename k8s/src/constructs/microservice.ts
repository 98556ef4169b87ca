/**
 * Everything one TripGen service needs in one environment, from its catalog entry and the
 * environment profile: ServiceAccount, ConfigMap, Service(s), the workload (Deployment, or an
 * Argo Rollout under progressive delivery), autoscaling, disruption budget, NetworkPolicy,
 * migration hook, and, where the profile turns them on, the mesh, secret-store and monitoring
 * objects. Environment differences arrive as profile data; nothing here asks for an env name.
 * One method per object; the optional concerns are constructs of their own.
 */
import { Construct } from 'constructs';
import type { ApiObject } from '../lib/cdk8s.ts';
import { HEALTH_PATHS, PROBE_TIMING, SHUTDOWN_TIMING, imageRepository, serviceAccountName, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { EnvironmentProfile } from '../config/profile.ts';
import { podEnvironment, type PodEnvironment } from '../config/environment.ts';
import { secretName } from '../config/secrets.ts';
import { CONFIG_DIGEST_ANNOTATION, configDigest } from '../lib/config-digest.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, selectorLabels } from '../lib/labels.ts';
import { DISRUPTION_MAX_UNAVAILABLE, tolerationsOf, zoneSpread } from '../lib/scheduling.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';
import { MigrationJob } from './migration-job.ts';
import { ServiceNetworkPolicy } from './network-policies.ts';
import { ProgressiveDelivery } from './progressive-delivery.ts';
import { SecretStore, secretStoreMount, secretStoreVolume } from './secret-store.ts';
import { NATIVE_SIDECAR_ANNOTATION, ServiceMesh } from './service-mesh.ts';
import { ServiceMonitoring } from './service-monitoring.ts';
import { memoryTargetUtilization } from '../observability/slo.ts';

export interface MicroserviceProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
}

/** Where the service listens: the catalog port, named so probes and Services refer to it by name. */
const HTTP_PORT_NAME = 'http';

/** The VPA CRD ships no TypeScript model; this local interface covers the fields we render and
 * the tests check it against the upstream schema subset (k8s/test/support/vpa-schema.ts). */
export interface IVerticalPodAutoscaler {
  apiVersion: 'autoscaling.k8s.io/v1';
  kind: 'VerticalPodAutoscaler';
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: {
    targetRef: { apiVersion: string; kind: string; name: string };
    updatePolicy: { updateMode: 'Off' | 'Initial' | 'Recreate' | 'Auto' };
    resourcePolicy?: { containerPolicies: Array<{ containerName: string; mode?: 'Auto' | 'Off'; controlledResources?: Array<'cpu' | 'memory'> }> };
  };
}

export const imageOf = (spec: ServiceSpec, profile: EnvironmentProfile): string =>
  `${profile.image.registry}/${imageRepository(spec.name)}:${profile.image.tag}`;

const httpProbe = (kind: keyof typeof HEALTH_PATHS): IProbe => ({
  httpGet: { path: HEALTH_PATHS[kind], port: HTTP_PORT_NAME, scheme: 'HTTP' },
  periodSeconds: PROBE_TIMING.periodSeconds,
  timeoutSeconds: PROBE_TIMING.timeoutSeconds,
  failureThreshold: PROBE_TIMING.failureThreshold[kind],
});

export class Microservice extends Construct {
  readonly name: string;
  readonly workload: ApiObject;
  private readonly labels: Record<string, string>;
  private readonly selector: Record<string, string>;
  private readonly configName: string;
  private readonly environment: PodEnvironment;
  private readonly servicePorts: IService['spec'];

  constructor(scope: Construct, id: string, private readonly props: MicroserviceProps) {
    super(scope, id);
    const { spec, profile } = props;
    this.name = workloadName(spec.name);
    this.labels = componentLabels(profile, this.name, 'api');
    this.selector = selectorLabels(this.name);
    this.configName = `${this.name}-config`;
    this.environment = podEnvironment(spec, profile);
    this.servicePorts = {
      type: 'ClusterIP',
      selector: this.selector,
      ports: [{ name: HTTP_PORT_NAME, port: spec.port, targetPort: HTTP_PORT_NAME, protocol: 'TCP', appProtocol: 'http' }],
    };

    this.serviceAccount();
    this.configMap();
    this.service();
    const template = this.podTemplate();
    const autoscaled = profile.scaling.horizontal;
    this.workload =
      profile.delivery === 'progressive'
        ? new ProgressiveDelivery(this, 'delivery', { spec, profile, template, servicePorts: this.servicePorts, autoscaled }).rollout
        : this.deployment(template);
    if (autoscaled) this.horizontalAutoscaler();
    if (profile.scaling.disruptionBudgets) this.disruptionBudget();
    if (profile.scaling.verticalRecommendations) this.verticalAutoscaler();

    new ServiceNetworkPolicy(this, 'network', { spec, profile });
    if (profile.secrets.kind === 'key-vault') new SecretStore(this, 'secrets', { spec, profile });
    if (profile.mesh) new ServiceMesh(this, 'mesh', { spec, profile, mesh: profile.mesh });
    if (profile.monitoring) new ServiceMonitoring(this, 'monitoring', { spec, profile, monitoring: profile.monitoring, port: spec.port, portName: HTTP_PORT_NAME });
    // Schema migrations run before the new version starts (Argo CD Sync hook, wave 0), once per content of the Job.
    new MigrationJob(this, 'migration', { spec, profile, template });
  }

  private get targetRef() {
    return { apiVersion: this.workload.apiVersion, kind: this.workload.kind, name: this.name };
  }

  private serviceAccount(): void {
    const { spec, profile } = this.props;
    emit(this, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: serviceAccountName(spec.name),
        namespace: profile.namespace,
        labels: this.labels,
        annotations: {
          [ARGO_SYNC_WAVE]: WAVES.config,
          ...(profile.workloadIdentity ? { 'azure.workload.identity/client-id': profile.workloadIdentity[spec.name] } : {}),
        },
      },
      // The app never calls the Kubernetes API; the workload-identity webhook projects its own token.
      automountServiceAccountToken: false,
    } satisfies IServiceAccount);
  }

  /** The non-secret variables of the service's environment contract. */
  private configMap(): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: this.configName, namespace: this.props.profile.namespace, labels: this.labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.config } },
      data: { ...this.environment.config },
    } satisfies IConfigMap);
  }

  private service(): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: this.name, namespace: this.props.profile.namespace, labels: this.labels },
      spec: this.servicePorts,
    } satisfies IService);
  }

  /** Pod template shared by the Deployment/Rollout and (with another command) the migration Job. */
  private podTemplate(): IPodTemplateSpec {
    const { spec, profile } = this.props;
    const volumes: IVolume[] = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }];
    const mounts: IVolumeMount[] = [{ name: 'tmp', mountPath: '/tmp' }];
    if (profile.secrets.kind === 'key-vault' && this.environment.secrets.length > 0) {
      // The CSI volume must be mounted for the driver to sync the Kubernetes Secret the env reads.
      volumes.push(secretStoreVolume(spec));
      mounts.push(secretStoreMount());
    }
    const container: IContainer = {
      name: spec.name,
      image: imageOf(spec, profile),
      imagePullPolicy: 'IfNotPresent',
      ports: [{ name: HTTP_PORT_NAME, containerPort: spec.port, protocol: 'TCP' }],
      envFrom: [{ configMapRef: { name: this.configName } }],
      env: this.environment.secrets.map((item) => ({ name: item.envVar, valueFrom: { secretKeyRef: { name: secretName(spec), key: item.envVar } } })),
      resources: {
        requests: { cpu: spec.resources.requests.cpu, memory: spec.resources.requests.memory },
        limits: { memory: spec.resources.limits.memory },
      },
      // Startup gives a cold start up to 5 minutes; liveness restarts a hung process;
      // readiness (a different endpoint that also checks dependencies) only takes it out of rotation.
      startupProbe: httpProbe('startup'),
      livenessProbe: httpProbe('liveness'),
      readinessProbe: httpProbe('readiness'),
      securityContext: containerSecurityContext(),
      volumeMounts: mounts,
    };
    return {
      metadata: {
        labels: {
          ...this.labels,
          'app.kubernetes.io/version': profile.image.tag,
          ...(profile.workloadIdentity ? { 'azure.workload.identity/use': 'true' } : {}),
        },
        annotations: {
          // A change of the ConfigMap alone is then a new revision of the workload (lib/config-digest.ts).
          [CONFIG_DIGEST_ANNOTATION]: configDigest(this.environment.config),
          // The shutdown (catalog SHUTDOWN_TIMING) drains, settles messages and flushes the outbox
          // through the proxy for up to the grace period: as a native sidecar the proxy stops after
          // the app; as a plain container it would get SIGTERM with it and leave after its own 5 s
          // drain. AKS with asm-1-29 injects native sidecars by default; the annotation (Istio's,
          // Alpha, which takes precedence over the mesh-wide ENABLE_NATIVE_SIDECARS) keeps that true
          // whatever the cluster's default becomes.
          ...(profile.mesh ? { [NATIVE_SIDECAR_ANNOTATION]: 'true' } : {}),
        },
      },
      spec: {
        serviceAccountName: serviceAccountName(spec.name),
        automountServiceAccountToken: false,
        enableServiceLinks: false,
        terminationGracePeriodSeconds: SHUTDOWN_TIMING.terminationGracePeriodSeconds,
        securityContext: podSecurityContext(),
        containers: [container],
        volumes,
        ...tolerationsOf(profile),
        ...(profile.scaling.zoneSpread ? { topologySpreadConstraints: zoneSpread(this.selector, spec.replicas[profile.name], profile.delivery === 'progressive' ? 'Rollout' : 'Deployment') } : {}),
      },
    };
  }

  private deployment(template: IPodTemplateSpec): ApiObject {
    const { spec, profile } = this.props;
    return emit(this, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: this.name, namespace: profile.namespace, labels: this.labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.workload } },
      spec: {
        // An HPA owns the replica count where there is one (kube-score deployment-targeted-by-hpa-...).
        ...(profile.scaling.horizontal ? {} : { replicas: spec.replicas[profile.name] }),
        revisionHistoryLimit: 5,
        selector: { matchLabels: this.selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template,
      },
    } satisfies IDeployment);
  }

  private horizontalAutoscaler(): void {
    const { spec, profile } = this.props;
    const min = spec.replicas[profile.name];
    emit(this, {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      // With its target, never before it: Argo CD rates an HPA that cannot read its target's scale
      // Degraded, which fails a sync with waves before the workload's wave is applied (first sync).
      metadata: { name: this.name, namespace: profile.namespace, labels: this.labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.workload } },
      spec: {
        scaleTargetRef: this.targetRef,
        minReplicas: min,
        maxReplicas: spec.autoscaling.maxReplicas,
        // The service container's own CPU and memory (seed §11.2.1: HPA on CPU and memory):
        // pod-level utilization would average in the Istio sidecar's request and usage, so the
        // targets would not mean what they say. The larger of the two recommendations wins.
        metrics: [
          {
            type: 'ContainerResource',
            containerResource: { name: 'cpu', container: spec.name, target: { type: 'Utilization', averageUtilization: spec.autoscaling.targetCpuUtilization } },
          },
          {
            type: 'ContainerResource',
            containerResource: { name: 'memory', container: spec.name, target: { type: 'Utilization', averageUtilization: memoryTargetUtilization(spec) } },
          },
        ],
        // Written out so a review sees it: scale up at once (up to doubling or +4 pods a minute),
        // scale down after 5 minutes of calm and by at most half a minute, so a traffic dip
        // during a canary's pause does not take away the capacity the next step needs.
        behavior: {
          scaleUp: {
            stabilizationWindowSeconds: 0,
            selectPolicy: 'Max',
            policies: [
              { type: 'Percent', value: 100, periodSeconds: 60 },
              { type: 'Pods', value: 4, periodSeconds: 60 },
            ],
          },
          scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] },
        },
      },
    } satisfies IHorizontalPodAutoscaler);
    this.node.addValidation({
      validate: () => (spec.autoscaling.maxReplicas > min ? [] : [`${this.name}: HPA maxReplicas ${spec.autoscaling.maxReplicas} must exceed minReplicas ${min}`]),
    });
  }

  private disruptionBudget(): void {
    const { spec, profile } = this.props;
    this.node.addValidation({
      validate: () =>
        spec.replicas[profile.name] > DISRUPTION_MAX_UNAVAILABLE ? [] : [`${this.name}: a PDB with maxUnavailable ${DISRUPTION_MAX_UNAVAILABLE} over ${spec.replicas[profile.name]} replica(s) would block or be void`],
    });
    emit(this, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: this.name, namespace: profile.namespace, labels: this.labels },
      spec: { maxUnavailable: DISRUPTION_MAX_UNAVAILABLE, selector: { matchLabels: this.selector }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
    } satisfies IPodDisruptionBudget);
  }

  private verticalAutoscaler(): void {
    const { spec, profile } = this.props;
    emit(this, {
      apiVersion: 'autoscaling.k8s.io/v1',
      kind: 'VerticalPodAutoscaler',
      metadata: { name: this.name, namespace: profile.namespace, labels: this.labels },
      // "Off": recommendations only, so the VPA never fights the HPA that scales on CPU.
      // Recommendations for the service container only: the Istio sidecar's resources are the
      // mesh add-on's to set (its injector would overwrite any change).
      spec: {
        targetRef: this.targetRef,
        updatePolicy: { updateMode: 'Off' },
        resourcePolicy: {
          containerPolicies: [
            { containerName: spec.name, controlledResources: ['cpu', 'memory'] },
            { containerName: '*', mode: 'Off' },
          ],
        },
      },
    } satisfies IVerticalPodAutoscaler);
  }
}
