/**
 * Argo Rollouts for one service (seed §8: blue-green with smoke tests for the user-facing
 * services, canary 10% → 50% → 100% for the others, automatic rollback). Every Rollout carries
 * an analysis whose failure aborts it: that is how a bad version rolls back without a human.
 */
import { Construct } from 'constructs';
import type { ApiObject } from '../lib/cdk8s.ts';
import { HEALTH_PATHS, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { IAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import type { EnvironmentProfile, MonitoringProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, selectorLabels } from '../lib/labels.ts';
import { latencyBudgetMs, THRESHOLDS } from '../observability/slo.ts';

export const previewServiceName = (s: ServiceSpec): string => `${workloadName(s.name)}-preview`;
export const canaryServiceName = (s: ServiceSpec): string => `${workloadName(s.name)}-canary`;
/** VirtualService routes the canary shifts weights on (see ServiceMesh). */
export const MESH_ROUTES = ['gateway', 'mesh'] as const;

export const SMOKE_TEMPLATE = 'smoke';
export const SLO_TEMPLATE = 'success-rate-latency';

/** Canary steps: 10% → 50% → 100%, with pauses the background analysis watches. */
export const CANARY_STEPS = [
  { setWeight: 10 },
  { pause: { duration: '5m' } },
  { setWeight: 50 },
  { pause: { duration: '10m' } },
  { setWeight: 100 },
] as const;

export interface ProgressiveDeliveryProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
  readonly template: IPodTemplateSpec;
  readonly servicePorts: IService['spec'];
  readonly autoscaled: boolean;
}

const fqdn = (name: string, profile: EnvironmentProfile): string => `${name}.${profile.namespace}.svc.cluster.local`;

export class ProgressiveDelivery extends Construct {
  readonly rollout: ApiObject;

  constructor(scope: Construct, id: string, props: ProgressiveDeliveryProps) {
    super(scope, id);
    const { spec, profile, template, servicePorts, autoscaled } = props;
    const name = workloadName(spec.name);
    const ns = profile.namespace;
    const labels = componentLabels(profile, name, 'api');
    const second = spec.delivery === 'blue-green' ? previewServiceName(spec) : canaryServiceName(spec);
    // The controller adds the pod-template-hash to this Service's selector while a rollout runs.
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      // Labelled by its own name so the ServiceMonitor (which selects the stable Service) skips it.
      metadata: { name: second, namespace: ns, labels: componentLabels(profile, second, 'api') },
      spec: servicePorts,
    } satisfies IService);

    const sloArgs = [
      { name: 'service-name', value: fqdn(name, profile) },
      { name: 'latency-threshold-ms', value: String(latencyBudgetMs(spec.name)) },
    ];
    const strategy: NonNullable<IRollout['spec']>['strategy'] =
      spec.delivery === 'blue-green'
        ? {
            blueGreen: {
              activeService: name,
              previewService: second,
              // Promotion is gated by the smoke analysis, not by a person; a failure aborts.
              autoPromotionEnabled: true,
              prePromotionAnalysis: {
                templates: [{ templateName: SMOKE_TEMPLATE }],
                args: [{ name: 'base-url', value: `http://${fqdn(second, profile)}:${spec.port}` }],
              },
              postPromotionAnalysis: { templates: [{ templateName: SLO_TEMPLATE }], args: sloArgs },
              scaleDownDelaySeconds: 60,
              abortScaleDownDelaySeconds: 30,
            },
          }
        : {
            canary: {
              stableService: name,
              canaryService: second,
              trafficRouting: { istio: { virtualService: { name, routes: [...MESH_ROUTES] } } },
              maxSurge: '25%',
              maxUnavailable: 0,
              analysis: { templates: [{ templateName: SLO_TEMPLATE }], startingStep: 1, args: sloArgs },
              steps: CANARY_STEPS.map((step) => ({ ...step })),
              abortScaleDownDelaySeconds: 30,
            },
          };

    this.rollout = emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name, namespace: ns, labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.workload } },
      spec: {
        // The HPA owns the replica count (kube-score deployment-targeted-by-hpa-...).
        ...(autoscaled ? {} : { replicas: spec.replicas[profile.name] }),
        revisionHistoryLimit: 5,
        progressDeadlineSeconds: 600,
        progressDeadlineAbort: true,
        selector: { matchLabels: selectorLabels(name) },
        template,
        strategy,
      },
    } satisfies IRollout);
  }
}

/** The analysis templates every Rollout of a namespace refers to. */
export function analysisTemplates(scope: Construct, profile: EnvironmentProfile, monitoring: MonitoringProfile): void {
  const labels = componentLabels(profile, 'tripgen-delivery', 'analysis');
  const ns = profile.namespace;
  emit(scope, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: SMOKE_TEMPLATE, namespace: ns, labels },
    spec: {
      args: [{ name: 'base-url' }],
      metrics: [
        {
          // The preview answers its readiness endpoint (2xx) three times in a row, or the rollout aborts.
          name: 'preview-ready',
          count: 3,
          interval: '10s',
          failureLimit: 0,
          consecutiveErrorLimit: 0,
          successCondition: 'true',
          provider: { web: { url: `{{args.base-url}}${HEALTH_PATHS.readiness}`, timeoutSeconds: 5 } },
        },
      ],
    },
  } satisfies IAnalysisTemplate);
  const selector = 'reporter="destination",destination_service="{{args.service-name}}"';
  emit(scope, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: SLO_TEMPLATE, namespace: ns, labels },
    spec: {
      args: [{ name: 'service-name' }, { name: 'latency-threshold-ms' }],
      metrics: [
        {
          name: 'success-rate',
          interval: '1m',
          failureLimit: 1,
          consecutiveErrorLimit: 3,
          // No traffic yet is not a failure (NaN); two bad minutes are.
          successCondition: `isNaN(result) || result >= ${THRESHOLDS.successRate}`,
          provider: {
            prometheus: {
              address: monitoring.prometheusUrl,
              query: `scalar(sum(rate(istio_requests_total{${selector},response_code!~"5.."}[2m])) / sum(rate(istio_requests_total{${selector}}[2m])))`,
            },
          },
        },
        {
          name: 'latency-p95',
          interval: '1m',
          failureLimit: 1,
          consecutiveErrorLimit: 3,
          successCondition: 'isNaN(result) || result <= {{args.latency-threshold-ms}}',
          provider: {
            prometheus: {
              address: monitoring.prometheusUrl,
              query: `scalar(histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${selector}}[2m]))))`,
            },
          },
        },
      ],
    },
  } satisfies IAnalysisTemplate);
}
