/**
 * Argo Rollouts for one service (seed §8: blue-green with smoke tests for the user-facing
 * services, canary 10% → 50% → 100% for the others, automatic rollback). Every Rollout carries
 * an analysis whose failure aborts it: that is how a bad version rolls back without a human.
 */
import { Construct } from 'constructs';
import type { ApiObject } from '../lib/cdk8s.ts';
import { HEALTH_PATHS, OPERATIONAL_PATHS, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { IAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IService } from 'kubernetes-models/v1/Service';
import type { EnvironmentProfile, MonitoringProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, selectorLabels } from '../lib/labels.ts';
import { inClusterHost } from '../lib/network.ts';
import { DISRUPTION_MAX_UNAVAILABLE } from '../lib/scheduling.ts';
import { latencyBudgetMs, SLO_OUTCOME_MATCHER, THRESHOLDS } from '../observability/slo.ts';
import { metricsServiceName, POD_TEMPLATE_HASH_METRIC_LABEL } from './service-monitoring.ts';

export const previewServiceName = (s: ServiceSpec): string => `${workloadName(s.name)}-preview`;
export const canaryServiceName = (s: ServiceSpec): string => `${workloadName(s.name)}-canary`;
/** VirtualService routes the canary shifts weights on (see ServiceMesh). */
export const MESH_ROUTES = ['gateway', 'mesh'] as const;

export const SMOKE_TEMPLATE = 'smoke';
/** Watches a canary for as long as it runs (background analysis; ends with the rollout). */
export const SLO_TEMPLATE = 'success-rate-latency';
/** The same checks, five measurements long: a blue-green update completes only when its post-promotion analysis does. */
export const SLO_BOUNDED_TEMPLATE = 'success-rate-latency-5m';
/**
 * The p95 of the asynchronous requests the new pods give an outcome to (a schedule, from the
 * traveller's request to completed or failed: the kit's async histogram), for the services held to
 * the itinerary objective, as TripGenAiResponseSlow reads them. Their HTTP requests are a side
 * door (the AI service's interests route): a version that makes every schedule slow passes the
 * HTTP checks, while its pods take their share of the queue whatever the canary weight.
 */
export const ASYNC_TEMPLATE = 'async-request-latency';
export const ASYNC_BOUNDED_TEMPLATE = 'async-request-latency-5m';
/** Whether a service's Rollout is also judged on its asynchronous requests. */
export const judgedOnAsyncRequests = (s: ServiceSpec): boolean => s.responseTime === 'itinerary';
const BOUNDED_MEASUREMENTS = 5;

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

/** The Rollout of one service, and its second Service (preview for blue-green, canary otherwise). */
export class ProgressiveDelivery extends Construct {
  readonly rollout: ApiObject;
  private readonly name: string;
  private readonly second: string;

  constructor(scope: Construct, id: string, private readonly props: ProgressiveDeliveryProps) {
    super(scope, id);
    this.name = workloadName(props.spec.name);
    this.second = props.spec.delivery === 'blue-green' ? previewServiceName(props.spec) : canaryServiceName(props.spec);
    this.secondService();
    this.rollout = this.rolloutObject();
  }

  /** The controller adds the pod-template-hash to this Service's selector while a rollout runs. */
  private secondService(): void {
    const { profile, servicePorts } = this.props;
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      // Labelled by its own name so the ServiceMonitor (which selects the stable Service) skips it.
      metadata: { name: this.second, namespace: profile.namespace, labels: componentLabels(profile, this.second, 'api') },
      spec: servicePorts,
    } satisfies IService);
  }

  private strategy(): NonNullable<IRollout['spec']>['strategy'] {
    const { spec, profile } = this.props;
    // The analysis judges the new ReplicaSet's own pods (its pod-template hash), as scraped
    // through the metrics Service: the stable pods' figures would hide a bad canary.
    const sloArgs = [
      { name: 'job', value: metricsServiceName(spec) },
      { name: 'pod-hash', valueFrom: { podTemplateHashValue: 'Latest' } },
      { name: 'latency-threshold-ms', value: String(latencyBudgetMs(spec)) },
    ];
    if (spec.delivery === 'blue-green') {
      return {
        blueGreen: {
          activeService: this.name,
          previewService: this.second,
          // Promotion is gated by the smoke analysis, not by a person; a failure aborts.
          autoPromotionEnabled: true,
          prePromotionAnalysis: {
            templates: [{ templateName: SMOKE_TEMPLATE }],
            args: [{ name: 'base-url', value: `http://${inClusterHost(this.second, profile.namespace)}:${spec.port}` }],
          },
          postPromotionAnalysis: { templates: [SLO_BOUNDED_TEMPLATE, ...(judgedOnAsyncRequests(spec) ? [ASYNC_BOUNDED_TEMPLATE] : [])].map((templateName) => ({ templateName })), args: sloArgs },
          scaleDownDelaySeconds: 60,
          abortScaleDownDelaySeconds: 30,
        },
      };
    }
    return {
      canary: {
        stableService: this.name,
        canaryService: this.second,
        trafficRouting: { istio: { virtualService: { name: this.name, routes: [...MESH_ROUTES] } } },
        maxSurge: '25%',
        maxUnavailable: 0,
        analysis: { templates: [SLO_TEMPLATE, ...(judgedOnAsyncRequests(spec) ? [ASYNC_TEMPLATE] : [])].map((templateName) => ({ templateName })), startingStep: 1, args: sloArgs },
        steps: CANARY_STEPS.map((step) => ({ ...step })),
        abortScaleDownDelaySeconds: 30,
        // The canary's own pods get the VirtualService's 10 % and 50 %, yet the one PDB counts the
        // canary's and the stable's pods together: with one canary pod a node drain could evict it
        // and the mesh would answer that share with 503 (no healthy upstream) until a new one is
        // ready. One more canary (and stable) pod than a disruption may take keeps each side up.
        minPodsPerReplicaSet: DISRUPTION_MAX_UNAVAILABLE + 1,
      },
    };
  }

  private rolloutObject(): ApiObject {
    const { spec, profile, template, autoscaled } = this.props;
    return emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: this.name, namespace: profile.namespace, labels: componentLabels(profile, this.name, 'api'), annotations: { [ARGO_SYNC_WAVE]: WAVES.workload } },
      spec: {
        // The HPA owns the replica count (kube-score deployment-targeted-by-hpa-...).
        ...(autoscaled ? {} : { replicas: spec.replicas[profile.name] }),
        revisionHistoryLimit: 5,
        progressDeadlineSeconds: 600,
        progressDeadlineAbort: true,
        selector: { matchLabels: selectorLabels(this.name) },
        template,
        strategy: this.strategy(),
      },
    } satisfies IRollout);
  }
}

interface AnalysisMetric {
  readonly name: string;
  readonly successCondition: string;
  readonly query: string;
}

export interface AnalysisTemplatesProps {
  readonly profile: EnvironmentProfile;
  readonly monitoring: MonitoringProfile;
}

/** The analysis templates every Rollout of a namespace refers to. */
export class AnalysisTemplates extends Construct {
  private readonly labels: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: AnalysisTemplatesProps) {
    super(scope, id);
    this.labels = componentLabels(props.profile, 'tripgen-delivery', 'analysis');
    this.smoke();
    this.slo(SLO_TEMPLATE, false);
    this.slo(SLO_BOUNDED_TEMPLATE, true);
    this.asyncLatency(ASYNC_TEMPLATE, false);
    this.asyncLatency(ASYNC_BOUNDED_TEMPLATE, true);
  }

  /** The preview answers its readiness endpoint (2xx) three times in a row, or the rollout aborts. */
  private smoke(): void {
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: { name: SMOKE_TEMPLATE, namespace: this.props.profile.namespace, labels: this.labels },
      spec: {
        args: [{ name: 'base-url' }],
        metrics: [
          {
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
  }

  /** The new pods' series: the Rollout's metrics job and the latest ReplicaSet's pod-template hash. */
  private pods(): string {
    return `namespace="${this.props.profile.namespace}",job="{{args.job}}",${POD_TEMPLATE_HASH_METRIC_LABEL}="{{args.pod-hash}}"`;
  }

  /** Prometheus scrapes the new pods: without this, no data (NaN) would pass a template's other checks. */
  private scraped(name: string): AnalysisMetric {
    return { name, successCondition: 'result >= 1', query: `scalar(count(up{${this.pods()}} == 1))` };
  }

  /** Success rate and p95 latency of the new pods; `bounded`: five measurements, then done. */
  private slo(name: string, bounded: boolean): void {
    // The service kit's histogram (apps/service-kit/src/telemetry/metrics.ts), without the probe
    // and scrape requests (a draining pod's 503 readiness answer is not a failed user request). It
    // is the server's own time: a long poll's wait (the trip service's schedule read with ?wait=) is
    // left out by the kit (markHeld), or every release of the trip service would fail its p95, as is a
    // login's wait for its turn among its account's checks (an attacker's burst would fail it at will).
    const ownRoutes = OPERATIONAL_PATHS.join('|');
    const requests = `${this.pods()},route!~"${ownRoutes}"`;
    this.template(name, bounded, [
      this.scraped('scraped'),
      {
        // No request yet is not a failure (NaN); two bad minutes are.
        name: 'success-rate',
        successCondition: `isNaN(result) || result >= ${THRESHOLDS.successRate}`,
        query: `scalar(sum(rate(http_request_duration_seconds_count{${requests},status_code!~"5.."}[2m])) / sum(rate(http_request_duration_seconds_count{${requests}}[2m])))`,
      },
      {
        // Strictly below the budget: histogram_quantile reports a p95 beyond the top bucket (5 s)
        // as that bucket's bound, which must fail the AI service's 5 s budget.
        name: 'latency-p95',
        successCondition: 'isNaN(result) || result < {{args.latency-threshold-ms}}',
        query: `scalar(histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${requests}}[2m]))) * 1000)`,
      },
    ]);
  }

  /**
   * The p95 of the asynchronous requests the new pods gave an outcome to (ASYNC_TEMPLATE), against
   * the same budget; its buckets reach minutes, so a p95 past the budget is measured, not capped.
   * Metric names differ from the SLO template's: one analysis run holds both templates' metrics.
   */
  private asyncLatency(name: string, bounded: boolean): void {
    this.template(name, bounded, [
      this.scraped('async-scraped'),
      {
        // No outcome yet is not a failure (NaN); two slow minutes are.
        name: 'async-latency-p95',
        successCondition: 'isNaN(result) || result < {{args.latency-threshold-ms}}',
        // Only the outcomes the objective counts (catalog ASYNC_OUTCOMES): not the travellers' withdrawals.
        query: `scalar(histogram_quantile(0.95, sum by (le) (rate(async_request_duration_seconds_bucket{${this.pods()},${SLO_OUTCOME_MATCHER}}[2m]))) * 1000)`,
      },
    ]);
  }

  private template(name: string, bounded: boolean, checks: readonly AnalysisMetric[]): void {
    const metrics = checks.map((m) => ({
      name: m.name,
      // New pods need a scrape or two before they show up, and a rate window to fill.
      initialDelay: '1m',
      interval: '1m',
      ...(bounded ? { count: BOUNDED_MEASUREMENTS } : {}),
      failureLimit: 1,
      consecutiveErrorLimit: 3,
      successCondition: m.successCondition,
      provider: { prometheus: { address: this.props.monitoring.prometheusUrl, query: m.query } },
    }));
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: { name, namespace: this.props.profile.namespace, labels: this.labels },
      spec: { args: [{ name: 'job' }, { name: 'pod-hash' }, { name: 'latency-threshold-ms' }], metrics },
    } satisfies IAnalysisTemplate);
  }
}
