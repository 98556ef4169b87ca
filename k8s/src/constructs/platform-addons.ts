/**
 * The platform add-ons as Argo CD Applications of their upstream Helm charts, pinned to exact
 * versions (config/addons.ts), with their values written here from the profile, so that a fresh
 * cluster syncs: Argo CD itself (after a one-time install, k8s/README.md), Argo Rollouts and the
 * Prometheus stack in prod, the NGINX Ingress Controller in dev. The VPA, the Istio mesh and the
 * Key Vault CSI driver are AKS managed features enabled in infra-bicep (CLUSTER_PROVIDED_APIS).
 *
 * Sync waves: every add-on syncs in ADDON_WAVE, before the TripGen charts (platform 0 onwards)
 * whose objects use the add-ons' CRDs; the root Application waits for each wave to be Healthy
 * because Argo CD's values restore the Application health check (APPLICATION_HEALTH_LUA).
 */
import { Construct } from 'constructs';
import { EDGE_STRIPPED_REQUEST_HEADERS } from '@tripgen/catalog';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { ADDON_CHARTS, APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA, type HelmChartSource } from '../config/addons.ts';
import { addOnNamespaces } from '../config/platform-namespaces.ts';
import type { EnvironmentProfile, MonitoringProfile } from '../config/profile.ts';
import { ARGO_SYNC_RETRY } from '../lib/argo-sync.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE } from '../lib/labels.ts';
import { PROM_CERTS_DIR } from './service-monitoring.ts';
import { PROMETHEUS_SERVICE_ACCOUNT, REPLICA_LABEL, alertedSeries } from '../observability/azure-alerts.ts';
import { CLUSTER_LABEL, PROMETHEUS_RELEASE } from '../observability/scrape-jobs.ts';

/** Before the platform chart (wave 0), whose PrometheusRule and AnalysisTemplates need the CRDs. */
export const ADDON_WAVE = -2;
/** Argo CD manages itself first: the Application health check must be in place for the waves after it. */
export const ARGOCD_SELF_WAVE = -3;
/**
 * The AppProjects sync before every Application of the root app: an Application whose project does
 * not exist yet has health Unknown (Argo CD v3.4.4 controller/appcontroller.go, "Application
 * referencing project … which does not exist"), and a wave waits until each resource is Healthy
 * or Degraded (gitops-engine/pkg/sync/sync_context.go), so a project in a later wave never comes.
 */
export const PROJECT_WAVE = ARGOCD_SELF_WAVE - 1;

const IN_CLUSTER = 'https://kubernetes.default.svc';

export interface PlatformAddOn {
  readonly name: keyof typeof ADDON_CHARTS;
  readonly chart: HelmChartSource;
  readonly releaseName: string;
  readonly namespace: string;
  readonly wave: number;
  /** Pod Security level of the add-on's namespace (Argo CD creates it with these labels). */
  readonly podSecurity: 'restricted' | 'baseline' | 'privileged';
  readonly namespaceLabels: Readonly<Record<string, string>>;
  readonly values: Record<string, unknown>;
  /** Server-side apply: CRDs too large for the last-applied annotation (prometheus-community/helm-charts#3345). */
  readonly serverSideApply: boolean;
}

/** The add-ons one environment needs, derived from what its profile renders. */
export function platformAddOns(profile: EnvironmentProfile): PlatformAddOn[] {
  // Where each add-on runs, and whether it runs at all: written once (the crash-loop alert watches the same).
  const where = addOnNamespaces(profile);
  const addOns: PlatformAddOn[] = [
    {
      name: 'argoCd',
      chart: ADDON_CHARTS.argoCd,
      releaseName: 'argocd',
      namespace: where.argoCd,
      wave: ARGOCD_SELF_WAVE,
      podSecurity: 'baseline',
      namespaceLabels: {},
      values: argoCdValues(profile),
      serverSideApply: true,
    },
  ];
  if (where.argoRollouts) {
    addOns.push({
      name: 'argoRollouts',
      chart: ADDON_CHARTS.argoRollouts,
      releaseName: 'argo-rollouts',
      namespace: where.argoRollouts,
      wave: ADDON_WAVE,
      podSecurity: 'restricted',
      // The controller runs in the mesh: its blue-green smoke check reaches the preview Service over mTLS.
      namespaceLabels: profile.mesh ? { 'istio.io/rev': profile.mesh.revision } : {},
      values: {
        serviceAccount: { create: true, name: profile.argo.rolloutsController.serviceAccount },
        controller: { replicas: 2 },
        dashboard: { enabled: false },
        // Pod level, so the injected istio-proxy (which sets no seccomp profile) passes `restricted`
        // too; the chart's default (2.41.0 values.yaml) is runAsNonRoot alone, its RuntimeDefault
        // only on the controller container.
        podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      },
      serverSideApply: true,
    });
  }
  if (profile.monitoring && where.kubePrometheusStack) {
    const m = profile.monitoring;
    const selector = { matchLabels: { ...m.ruleSelectorLabels } };
    addOns.push({
      name: 'kubePrometheusStack',
      chart: ADDON_CHARTS.kubePrometheusStack,
      releaseName: PROMETHEUS_RELEASE,
      namespace: where.kubePrometheusStack,
      wave: ADDON_WAVE,
      // node-exporter reads the host (hostNetwork, hostPID, hostPath /proc and /sys).
      podSecurity: 'privileged',
      namespaceLabels: {},
      values: {
        crds: { enabled: true },
        // Nothing in the cluster routes alerts: Azure Monitor evaluates them on what Prometheus
        // remote-writes and notifies the action group (observability/azure-alerts.ts). The chart's
        // Alertmanager, left on, would run with a config whose only receiver is `null`.
        alertmanager: { enabled: false },
        // The chart's own rules go too (defaultRules, labelled release: kube-prometheus-stack, which
        // the ruleSelector selects): 88.5.3 renders 15 alerting files (Watchdog, TargetDown,
        // KubePodCrashLooping, PrometheusRemoteStorageFailures...) that would fire to no receiver, and
        // recording files whose only readers are the chart's Grafana dashboards (not rendered: Grafana is
        // off) and its own alerts. What of its checks matters here is a TripGen alert in Azure Monitor
        // (observability/alerts.ts, monitoringAlerts: the remote write failing or behind, a scrape target
        // the alerts read down); k8s/test/azure-alerts.test.ts reads what the chart would render from
        // these values.
        defaultRules: { create: false },
        // Dashboards are Azure Monitor's (Application Insights, Container Insights workbooks).
        grafana: { enabled: false },
        // AKS runs the control plane: there is no controller-manager, scheduler, etcd or kube-proxy
        // endpoint to scrape, and their scrape jobs would only fire TargetDown.
        kubeControllerManager: { enabled: false },
        kubeScheduler: { enabled: false },
        kubeEtcd: { enabled: false },
        kubeProxy: { enabled: false },
        // Its headless Service is rendered into kube-system (templates/exporters/core-dns/service.yaml),
        // outside the add-ons' project: Argo CD would refuse the whole sync ("namespace kube-system is
        // not permitted in project", controller/sync.go). CoreDNS is an AKS-managed component.
        coreDns: { enabled: false },
        // kube-state-metrics 8.4.0 collects Secrets by default, and its ClusterRole then lists and
        // watches every Secret in the cluster, which returns their contents (Kubernetes RBAC good
        // practices, "Listing secrets"): no rule, analysis or alert of ours reads a kube_secret_*
        // series. Excluding the collector drops both the rule and the --resources entry
        // (templates/role.yaml and deployment.yaml share the "kube-state-metrics.collectors" helper).
        'kube-state-metrics': { collectorsExclude: ['secrets'] },
        prometheus: {
          // The identity the remote write signs in as (Microsoft Entra Workload ID), named so that its
          // federated credential (infra-bicep modules/prometheus.bicep) names the same service account.
          serviceAccount: { create: true, name: PROMETHEUS_SERVICE_ACCOUNT, annotations: { [WORKLOAD_IDENTITY_CLIENT_ID]: m.azureMonitor.clientId } },
          prometheusSpec: {
            replicas: 2,
            ...azureMonitorRemoteWrite(profile, m),
            retention: '15d',
            // Only what TripGen labels for this Prometheus (profile.monitoring.ruleSelectorLabels).
            ruleSelectorNilUsesHelmValues: false,
            ruleSelector: selector,
            ruleNamespaceSelector: {},
            serviceMonitorSelectorNilUsesHelmValues: false,
            serviceMonitorSelector: selector,
            serviceMonitorNamespaceSelector: {},
            storageSpec: {
              volumeClaimTemplate: { spec: { storageClassName: 'managed-csi', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } } },
            },
            ...(profile.mesh ? istioCertificates() : {}),
            podMetadata: podMetadata(profile),
          },
        },
      },
      serverSideApply: true,
    });
  }
  if (profile.ingress.kind === 'nginx' && where.nginxIngress) {
    addOns.push({
      name: 'nginxIngress',
      chart: ADDON_CHARTS.nginxIngress,
      releaseName: 'nginx-ingress',
      namespace: where.nginxIngress,
      wave: ADDON_WAVE,
      podSecurity: 'baseline',
      namespaceLabels: {},
      values: {
        controller: {
          ingressClass: { name: profile.ingress.className, create: true, setAsDefaultIngress: false },
          // The public LoadBalancer keeps the client's address (the services' anonymous rate limit).
          service: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' },
          // dev's workloads run on the spot pool.
          tolerations: profile.tolerations.map((t) => ({ ...t })),
          // A client's correlation and Envoy headers stop at the edge (catalog EDGE_STRIPPED_REQUEST_HEADERS):
          // NGINX passes every request header on unless told otherwise, and an empty value is not
          // passed (nginx.org, ngx_http_proxy_module, proxy_set_header). The ConfigMap's
          // location-snippets go into every location the controller writes (F5 NGINX Ingress
          // Controller, ConfigMap resource; internal/configs/configmaps.go reads the key with no
          // -enable-snippets gate, which governs the annotations), so no Ingress needs a snippet.
          config: { entries: { 'location-snippets': nginxRemovedHeaders() } },
        },
      },
      serverSideApply: false,
    });
  }
  return addOns;
}

/** NGINX directives that keep the catalog's EDGE_STRIPPED_REQUEST_HEADERS from the upstream, one a line. */
const nginxRemovedHeaders = (): string => EDGE_STRIPPED_REQUEST_HEADERS.map((h) => `proxy_set_header ${h} "";`).join('\n');

/** Workload identity (azure-workload-identity): the service account's client id, the pod's opt-in label. */
const WORKLOAD_IDENTITY_CLIENT_ID = 'azure.workload.identity/client-id';
const WORKLOAD_IDENTITY_USE = 'azure.workload.identity/use';

/**
 * Every alert is evaluated by Azure Monitor managed service for Prometheus on what this Prometheus
 * remote-writes to the environment's Azure Monitor workspace (Microsoft Learn, "Send Prometheus data
 * to Azure Monitor using remote write with Microsoft Entra Workload ID"), and reaches the on-call
 * through the same action group as every Azure alert. Azure Monitor bills per ingested sample, so
 * only the series the alerting rules read leave the cluster: a keep on the metric names of their
 * expressions (recording rules are evaluated here; the recorded series they read are written).
 * `cluster` is the label the rule groups select (their clusterName); the replica label is the one
 * the Azure rules aggregate away (both replicas write). azureAd.workloadIdentity is
 * prometheus-operator 0.93.1's RemoteWriteSpec for a federated token (it needs Prometheus >= 3.7).
 */
function azureMonitorRemoteWrite(profile: EnvironmentProfile, m: MonitoringProfile): Record<string, unknown> {
  const { remoteWriteUrl, clientId, tenantId, cluster } = m.azureMonitor;
  return {
    externalLabels: { [CLUSTER_LABEL]: cluster },
    replicaExternalLabelName: REPLICA_LABEL,
    remoteWrite: [
      {
        url: remoteWriteUrl,
        azureAd: { cloud: 'AzurePublic', workloadIdentity: { clientId, tenantId } },
        writeRelabelConfigs: [{ sourceLabels: ['__name__'], regex: alertedSeries(profile).join('|'), action: 'keep' }],
      },
    ],
  };
}

/** The Prometheus pods' labels and annotations: workload identity's opt-in, and the mesh's where it runs. */
function podMetadata(profile: EnvironmentProfile): { labels: Record<string, string>; annotations?: Record<string, string> } {
  const mesh = profile.mesh ? istioPodMetadata(profile.mesh.revision) : { labels: {} };
  return { ...mesh, labels: { ...mesh.labels, [WORKLOAD_IDENTITY_USE]: 'true' } };
}

/**
 * Prometheus scrapes the meshed services over Istio mTLS with the workload certificate its own
 * sidecar writes to a shared volume (istio.io docs ops/integrations/prometheus, "TLS settings"):
 * the sidecar intercepts nothing, it only provisions the certificate.
 */
function istioCertificates(): Record<string, unknown> {
  return {
    volumes: [{ name: 'istio-certs', emptyDir: { medium: 'Memory' } }],
    volumeMounts: [{ name: 'istio-certs', mountPath: PROM_CERTS_DIR }],
  };
}

/** The sidecar that writes the certificate (see istioCertificates): it intercepts nothing. */
function istioPodMetadata(revision: string): { labels: Record<string, string>; annotations: Record<string, string> } {
  return {
    labels: { 'istio.io/rev': revision, 'sidecar.istio.io/inject': 'true' },
    annotations: {
      'traffic.sidecar.istio.io/includeInboundPorts': '',
      'traffic.sidecar.istio.io/includeOutboundIPRanges': '',
      'proxy.istio.io/config': 'proxyMetadata:\n  OUTPUT_CERTS: /etc/istio-output-certs\n',
      'sidecar.istio.io/userVolumeMount': '[{"name": "istio-certs", "mountPath": "/etc/istio-output-certs"}]',
    },
  };
}

function argoCdValues(profile: EnvironmentProfile): Record<string, unknown> {
  const oci = Object.values(ADDON_CHARTS).filter((c) => c.oci);
  return {
    configs: {
      cm: { [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA },
      // OCI Helm registries must be declared to Argo CD with enableOCI (public: no credentials).
      ...(profile.ingress.kind === 'nginx' && oci.length > 0
        ? { repositories: Object.fromEntries(oci.map((c) => [c.chart, { url: c.repoURL, name: c.chart, type: 'helm', enableOCI: 'true' }])) }
        : {}),
    },
    // Sign-in goes through Entra ID (OIDC, configured by the operators), not a bundled Dex.
    dex: { enabled: false },
  };
}

export const platformProjectName = (profile: EnvironmentProfile): string => `tripgen-${profile.name}-platform`;

export interface PlatformAddOnsProps {
  readonly profile: EnvironmentProfile;
  /** The labels of the Argo CD objects around them. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * One AppProject for the add-ons: only the pinned upstream chart repositories (never this
 * repository, so nothing a TripGen chart renders can reach Argo CD's namespace), only the
 * add-ons' namespaces, and cluster-scoped objects of any kind (CRDs, ClusterRoles, webhooks,
 * IngressClasses are what these charts are for). Then one Application per add-on.
 */
export class PlatformAddOns extends Construct {
  /** The add-ons this environment syncs (the synth summary lists them). */
  readonly addOns: readonly PlatformAddOn[];

  constructor(scope: Construct, id: string, private readonly props: PlatformAddOnsProps) {
    super(scope, id);
    this.addOns = platformAddOns(props.profile);
    this.project();
    for (const a of this.addOns) this.application(a);
  }

  private project(): void {
    const { profile, labels } = this.props;
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: platformProjectName(profile), namespace: profile.argo.namespace, labels: { ...labels }, annotations: { [ARGO_SYNC_WAVE]: String(PROJECT_WAVE) } },
      spec: {
        description: `TripGen ${profile.name}: platform add-ons (pinned upstream Helm charts)`,
        sourceRepos: [...new Set(this.addOns.map((a) => a.chart.repoURL))].sort(),
        destinations: [...new Set(this.addOns.map((a) => a.namespace))].sort().map((namespace) => ({ server: IN_CLUSTER, namespace })),
        clusterResourceWhitelist: [{ group: '*', kind: '*' }],
      },
    } satisfies IAppProject);
  }

  private application(a: PlatformAddOn): void {
    const { profile, labels } = this.props;
    const project = platformProjectName(profile);
    emit(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: `${project}-${a.releaseName}`,
        namespace: profile.argo.namespace,
        labels: { ...labels, 'app.kubernetes.io/component': 'platform-addon' },
        annotations: { [ARGO_SYNC_WAVE]: String(a.wave) },
        // Argo CD must not delete itself (and every Application) when this Application goes away.
        ...(a.name === 'argoCd' ? {} : { finalizers: ['resources-finalizer.argocd.argoproj.io'] }),
      },
      spec: {
        project,
        source: {
          repoURL: a.chart.repoURL,
          chart: a.chart.chart,
          targetRevision: a.chart.version,
          helm: { releaseName: a.releaseName, valuesObject: a.values },
        },
        destination: { server: IN_CLUSTER, namespace: a.namespace },
        syncPolicy: {
          ...(profile.argo.automatedSync ? { automated: { prune: true, selfHeal: true } } : {}),
          managedNamespaceMetadata: { labels: { 'pod-security.kubernetes.io/enforce': a.podSecurity, ...a.namespaceLabels } },
          syncOptions: ['CreateNamespace=true', ...(a.serverSideApply ? ['ServerSideApply=true'] : [])],
          retry: { ...ARGO_SYNC_RETRY, backoff: { ...ARGO_SYNC_RETRY.backoff } },
        },
      },
    } satisfies IApplication);
  }
}
