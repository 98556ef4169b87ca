/**
 * Everything one TripGen service needs in one environment, from its catalog entry and the
 * environment profile: ServiceAccount, ConfigMap, Service(s), the workload (Deployment, or an
 * Argo Rollout under progressive delivery), autoscaling, disruption budget, NetworkPolicy,
 * migration hook, and, where the profile turns them on, the mesh, secret-store and monitoring
 * objects. Environment differences arrive as profile data; nothing here asks for an env name.
 */
import { Construct } from 'constructs';
import type { ApiObject } from '../lib/cdk8s.ts';
import {
  HEALTH_PATHS,
  JWKS_PATH,
  JWT_AUDIENCE,
  JWT_ISSUER,
  PROBE_TIMING,
  EVENT_STREAMS,
  SERVICES,
  TRACE_SAMPLING_RATIO,
  serviceUrlVariable,
  imageRepository,
  migrationCommand,
  nodeOptions,
  serviceAccountName,
  workloadName,
  type ServiceSpec,
} from '@tripgen/catalog';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { EnvironmentProfile } from '../config/profile.ts';
import { SECRETS_MOUNT_PATH, secretName, serviceSecrets } from '../config/secrets.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, migrationJobName, selectorLabels } from '../lib/labels.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';
import { serviceNetworkPolicy, migrationNetworkPolicy } from './network-policies.ts';
import { ProgressiveDelivery } from './progressive-delivery.ts';
import { ServiceMesh } from './service-mesh.ts';
import { SecretStore, secretStoreVolume } from './secret-store.ts';
import { ServiceMonitoring } from './service-monitoring.ts';
import { dataStoreEndpoints } from './data-stores.ts';

export interface MicroserviceProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
}

/** Where the service listens: the catalog port, named so probes and Services refer to it by name. */
const HTTP_PORT_NAME = 'http';

export class Microservice extends Construct {
  readonly name: string;
  readonly workload: ApiObject;

  constructor(scope: Construct, id: string, props: MicroserviceProps) {
    super(scope, id);
    const { spec, profile } = props;
    this.name = workloadName(spec.name);
    const ns = profile.namespace;
    const labels = componentLabels(profile, this.name, 'api');
    const selector = selectorLabels(this.name);

    emit(this, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: serviceAccountName(spec.name),
        namespace: ns,
        labels,
        annotations: {
          [ARGO_SYNC_WAVE]: WAVES.config,
          ...(profile.workloadIdentity ? { 'azure.workload.identity/client-id': profile.workloadIdentity[spec.name] } : {}),
        },
      },
      // The app never calls the Kubernetes API; the workload-identity webhook projects its own token.
      automountServiceAccountToken: false,
    } satisfies IServiceAccount);

    const configName = `${this.name}-config`;
    emit(this, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: configName, namespace: ns, labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.config } },
      data: containerConfig(spec, profile),
    } satisfies IConfigMap);

    const servicePorts: IService['spec'] = {
      type: 'ClusterIP',
      selector,
      ports: [{ name: HTTP_PORT_NAME, port: spec.port, targetPort: HTTP_PORT_NAME, protocol: 'TCP', appProtocol: 'http' }],
    };
    emit(this, { apiVersion: 'v1', kind: 'Service', metadata: { name: this.name, namespace: ns, labels }, spec: servicePorts } satisfies IService);

    const template = podTemplate(spec, profile, configName);
    const autoscaled = profile.scaling.horizontal;
    const progressive = profile.delivery === 'progressive';

    if (progressive) {
      const delivery = new ProgressiveDelivery(this, 'delivery', { spec, profile, template, servicePorts, autoscaled });
      this.workload = delivery.rollout;
    } else {
      this.workload = emit(this, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: this.name, namespace: ns, labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.workload } },
        spec: {
          // An HPA owns the replica count where there is one (kube-score deployment-targeted-by-hpa-...).
          ...(autoscaled ? {} : { replicas: spec.replicas[profile.name] }),
          revisionHistoryLimit: 5,
          selector: { matchLabels: selector },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          template,
        },
      } satisfies IDeployment);
    }
    const targetRef = { apiVersion: this.workload.apiVersion, kind: this.workload.kind, name: this.name };

    if (autoscaled) {
      const min = spec.replicas[profile.name];
      emit(this, {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: this.name, namespace: ns, labels },
        spec: {
          scaleTargetRef: targetRef,
          minReplicas: min,
          maxReplicas: spec.autoscaling.maxReplicas,
          // The service container's own CPU: pod-level utilization would average in the Istio
          // sidecar's request and usage, so the seed's target would not mean what it says.
          metrics: [
            {
              type: 'ContainerResource',
              containerResource: { name: 'cpu', container: spec.name, target: { type: 'Utilization', averageUtilization: spec.autoscaling.targetCpuUtilization } },
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
        validate: () =>
          spec.autoscaling.maxReplicas > min ? [] : [`${this.name}: HPA maxReplicas ${spec.autoscaling.maxReplicas} must exceed minReplicas ${min}`],
      });
    }

    if (profile.scaling.disruptionBudgets) {
      this.node.addValidation({
        validate: () =>
          spec.replicas[profile.name] >= 2 ? [] : [`${this.name}: a PDB with maxUnavailable 1 over ${spec.replicas[profile.name]} replica(s) would block or be void`],
      });
      emit(this, {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: this.name, namespace: ns, labels },
        spec: { maxUnavailable: 1, selector: { matchLabels: selector }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
      } satisfies IPodDisruptionBudget);
    }

    if (profile.scaling.verticalRecommendations) {
      emit(this, {
        apiVersion: 'autoscaling.k8s.io/v1',
        kind: 'VerticalPodAutoscaler',
        metadata: { name: this.name, namespace: ns, labels },
        // "Off": recommendations only, so the VPA never fights the HPA that scales on CPU.
        // Recommendations for the service container only: the Istio sidecar's resources are the
        // mesh add-on's to set (its injector would overwrite any change).
        spec: {
          targetRef,
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

    serviceNetworkPolicy(this, spec, profile);
    if (profile.secrets.kind === 'key-vault') new SecretStore(this, 'secrets', { spec, profile });
    if (profile.mesh) new ServiceMesh(this, 'mesh', { spec, profile, mesh: profile.mesh });
    if (profile.monitoring) new ServiceMonitoring(this, 'monitoring', { spec, profile, monitoring: profile.monitoring, port: spec.port, portName: HTTP_PORT_NAME });

    // Schema migrations run once per sync, before the new version starts (Argo CD Sync hook, wave 0).
    migrationJob(this, spec, profile, template);
    migrationNetworkPolicy(this, spec, profile);
  }
}

/** The VPA CRD ships no TypeScript model; this local interface covers the fields we render and
 * the tests check it against the upstream schema subset (k8s/test/schemas). */
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

/** The env var naming a hub the service produces to: `trip-events` -> TRIP_EVENTS_HUB. */
export const eventHubEnvVar = (hub: string): string => `${hub.toUpperCase().replace(/-/g, '_')}_HUB`;

export const imageOf = (spec: ServiceSpec, profile: EnvironmentProfile): string =>
  `${profile.image.registry}/${imageRepository(spec.name)}:${profile.image.tag}`;

/** Non-secret settings, by the env var names the service kit reads. */
function containerConfig(spec: ServiceSpec, profile: EnvironmentProfile): Record<string, string> {
  const user = SERVICES.user;
  const stores = dataStoreEndpoints(profile);
  return {
    SERVICE_NAME: spec.name,
    PORT: String(spec.port),
    NODE_ENV: 'production',
    // V8 sizes its heap from the node, not the container limit: cap it below the limit.
    NODE_OPTIONS: nodeOptions(spec),
    LOG_LEVEL: profile.logLevel,
    // The anonymous rate limit keys on the client: trust exactly the proxies that append to X-Forwarded-For.
    TRUST_PROXY_HOPS: String(profile.edgeChain.filter((h) => h.appendsForwardedFor).length),
    REDIS_URL: stores.redisUrl,
    // prod: no password anywhere; the URL names the service's Entra role (its managed identity).
    ...(stores.databaseUrl ? { DATABASE_URL: stores.databaseUrl(spec), DATABASE_AUTH: 'entra' } : {}),
    SERVICEBUS_FQDN: profile.serviceBusFqdn,
    // The Event Hubs streams this service produces (prod: trip events for analytics), where the namespace exists.
    ...(profile.azure.eventHubsNamespaceFqdn && EVENT_STREAMS.some((e) => e.producer === spec.name)
      ? {
          EVENTHUBS_FQDN: profile.azure.eventHubsNamespaceFqdn,
          ...Object.fromEntries(EVENT_STREAMS.filter((e) => e.producer === spec.name).map((e) => [eventHubEnvVar(e.hub), e.hub])),
        }
      : {}),
    JWKS_URL: `http://${workloadName(user.name)}.${profile.namespace}.svc.cluster.local:${user.port}${JWKS_PATH}`,
    // Where each service it calls answers (the call graph; the network and mesh policies admit exactly these).
    ...Object.fromEntries(spec.calls.map((c) => [serviceUrlVariable(c), `http://${workloadName(c)}.${profile.namespace}.svc.cluster.local:${SERVICES[c].port}`])),
    JWT_ISSUER,
    JWT_AUDIENCE,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: String(TRACE_SAMPLING_RATIO),
    ...(profile.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: profile.otlpEndpoint } : {}),
    ...(profile.workloadIdentity ? { AZURE_CLIENT_ID: profile.workloadIdentity[spec.name] } : {}),
  };
}

const httpProbe = (path: string, failureThreshold: number): IProbe => ({
  httpGet: { path, port: HTTP_PORT_NAME, scheme: 'HTTP' },
  periodSeconds: PROBE_TIMING.periodSeconds,
  timeoutSeconds: PROBE_TIMING.timeoutSeconds,
  failureThreshold,
});

function secretEnv(spec: ServiceSpec, profile: EnvironmentProfile): IEnvVar[] {
  return serviceSecrets(spec, profile).map((item) => ({
    name: item.envVar,
    valueFrom: { secretKeyRef: { name: secretName(spec), key: item.envVar } },
  }));
}

/** Pod template shared by the Deployment/Rollout and (with another command) the migration Job. */
function podTemplate(spec: ServiceSpec, profile: EnvironmentProfile, configName: string): IPodTemplateSpec {
  const name = workloadName(spec.name);
  const volumes: IVolume[] = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }];
  const mounts: IVolumeMount[] = [{ name: 'tmp', mountPath: '/tmp' }];
  if (profile.secrets.kind === 'key-vault' && serviceSecrets(spec, profile).length > 0) {
    // The CSI volume must be mounted for the driver to sync the Kubernetes Secret the env reads.
    volumes.push(secretStoreVolume(spec));
    mounts.push({ name: 'secrets-store', mountPath: SECRETS_MOUNT_PATH, readOnly: true });
  }
  const container: IContainer = {
    name: spec.name,
    image: imageOf(spec, profile),
    imagePullPolicy: 'IfNotPresent',
    ports: [{ name: HTTP_PORT_NAME, containerPort: spec.port, protocol: 'TCP' }],
    envFrom: [{ configMapRef: { name: configName } }],
    env: secretEnv(spec, profile),
    resources: {
      requests: { cpu: spec.resources.requests.cpu, memory: spec.resources.requests.memory },
      limits: { memory: spec.resources.limits.memory },
    },
    // Startup gives a cold start up to 5 minutes; liveness restarts a hung process;
    // readiness (a different endpoint that also checks dependencies) only takes it out of rotation.
    startupProbe: httpProbe(HEALTH_PATHS.startup, 10),
    livenessProbe: httpProbe(HEALTH_PATHS.liveness, 3),
    readinessProbe: httpProbe(HEALTH_PATHS.readiness, 2),
    securityContext: containerSecurityContext(),
    volumeMounts: mounts,
  };
  // Hard across zones where there are two or more replicas: ScheduleAnyway lets them all land in
  // one zone, and a zone outage then takes the service down (issue 12; AKS availability zones:
  // "use whenUnsatisfiable: DoNotSchedule"). Soft across nodes (fewer nodes than replicas is normal).
  const zoneSpread: ITopologySpreadConstraint[] | undefined = profile.scaling.zoneSpread
    ? [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: spec.replicas[profile.name] >= 2 ? 'DoNotSchedule' : 'ScheduleAnyway',
          labelSelector: { matchLabels: selectorLabels(name) },
        },
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selectorLabels(name) } },
      ]
    : undefined;
  return {
    metadata: {
      labels: {
        ...componentLabels(profile, name, 'api'),
        'app.kubernetes.io/version': profile.image.tag,
        ...(profile.workloadIdentity ? { 'azure.workload.identity/use': 'true' } : {}),
      },
    },
    spec: {
      serviceAccountName: serviceAccountName(spec.name),
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: 30,
      securityContext: podSecurityContext(),
      containers: [container],
      volumes,
      ...(profile.tolerations.length > 0 ? { tolerations: profile.tolerations.map((t) => ({ ...t })) } : {}),
      ...(zoneSpread ? { topologySpreadConstraints: zoneSpread } : {}),
    },
  };
}

function migrationJob(scope: Construct, spec: ServiceSpec, profile: EnvironmentProfile, template: IPodTemplateSpec): void {
  const name = migrationJobName(spec.name);
  // The Job reuses the service's pod (identity, config, secrets, security) without its spread rules.
  const { topologySpreadConstraints: _spread, containers, ...base } = template.spec!;
  const app = containers[0]!;
  const labels = componentLabels(profile, name, 'migration');
  emit(scope, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: profile.namespace,
      labels,
      annotations: {
        // A Sync hook in its own wave: after the ServiceAccount, config and secret wiring of this
        // sync exist (a PreSync hook would run before them on the first sync), before the workload.
        'argocd.argoproj.io/hook': 'Sync',
        [ARGO_SYNC_WAVE]: WAVES.migration,
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      },
    },
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: {
          labels: {
            ...labels,
            ...(profile.workloadIdentity ? { 'azure.workload.identity/use': 'true' } : {}),
            // A sidecar would keep the Job from completing; the Job only talks to PostgreSQL. The
            // label (not the deprecated annotation) is what the revision webhook's objectSelector skips.
            ...(profile.mesh ? { 'sidecar.istio.io/inject': 'false' } : {}),
          },
        },
        spec: {
          ...base,
          restartPolicy: 'Never',
          containers: [
            {
              name: 'migrate',
              image: app.image,
              imagePullPolicy: app.imagePullPolicy,
              // The image's offline runner (WebAssembly schema engine, no native Prisma engine)
              // applies the committed migrations to DATABASE_URL; HOME on the writable /tmp.
              command: migrationCommand(spec.name),
              envFrom: app.envFrom,
              env: [...(app.env ?? []), { name: 'HOME', value: '/tmp' }],
              resources: app.resources,
              securityContext: app.securityContext,
              volumeMounts: app.volumeMounts,
            },
          ],
        },
      },
    },
  } satisfies IJob);
}

