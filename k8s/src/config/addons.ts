/**
 * The platform add-ons the rendered objects need and nothing in gitops/ itself installs: which
 * upstream Helm chart, at which exact version, and which CustomResourceDefinitions it brings. The
 * versions and CRD lists were read from each chart's own repository at the tag of that version
 * (written next to each entry); `npm run synth` renders one Argo CD Application per add-on, with
 * its values from the profile (constructs/platform-addons.ts).
 *
 * Where AKS offers the add-on as a managed feature it is enabled in infra-bicep instead, and the
 * CRDs it brings are listed in CLUSTER_PROVIDED_APIS with the AKS property that turns it on
 * (a test checks that property in the environment's Bicep snapshot).
 */

/** A group of custom kinds, as the API server serves them. */
export interface ApiGroupKinds {
  readonly group: string;
  readonly kinds: readonly string[];
}

export interface HelmChartSource {
  /** Helm repository (https) or OCI registry path (no scheme; Argo CD reads it with `enableOCI`). */
  readonly repoURL: string;
  readonly chart: string;
  /** Exact chart version: never a range. */
  readonly version: string;
  readonly oci: boolean;
  /** Where the version and the CRD list were read (repository, path, tag). */
  readonly source: string;
}

export const ADDON_CHARTS = {
  // Argo CD 3.4.4. Installed once by hand (k8s/README.md, "Bootstrap"), then managed by itself.
  argoCd: {
    repoURL: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-cd',
    version: '10.1.1',
    oci: false,
    source: 'github.com/argoproj/argo-helm charts/argo-cd/Chart.yaml, tag argo-cd-10.1.1 (appVersion v3.4.4); CRDs in templates/crds',
  },
  // Argo Rollouts 1.9.0.
  argoRollouts: {
    repoURL: 'https://argoproj.github.io/argo-helm',
    chart: 'argo-rollouts',
    version: '2.41.0',
    oci: false,
    source: 'github.com/argoproj/argo-helm charts/argo-rollouts/Chart.yaml, tag argo-rollouts-2.41.0 (appVersion v1.9.0); CRDs in templates/crds',
  },
  // prometheus-operator 0.93.1 with Prometheus, node-exporter and kube-state-metrics (its Alertmanager is
  // off: Azure Monitor evaluates the alerts, constructs/platform-addons.ts).
  kubePrometheusStack: {
    repoURL: 'https://prometheus-community.github.io/helm-charts',
    chart: 'kube-prometheus-stack',
    version: '88.5.3',
    oci: false,
    source:
      'github.com/prometheus-community/helm-charts charts/kube-prometheus-stack/Chart.yaml, tag kube-prometheus-stack-88.5.3 (appVersion v0.93.1; kube-state-metrics 8.4.0, prometheus-node-exporter 4.56.1); CRDs in charts/crds/crds',
  },
  // F5 NGINX Ingress Controller 5.5.4 (dev). Not kubernetes/ingress-nginx: that project is retired
  // (no fixes of any kind after March 2026), and the AKS application routing add-on's managed
  // NGINX is supported only through November 2026 (learn.microsoft.com/azure/aks/app-routing).
  nginxIngress: {
    repoURL: 'ghcr.io/nginx/charts',
    chart: 'nginx-ingress',
    version: '2.6.4',
    oci: true,
    source: 'github.com/nginx/kubernetes-ingress charts/nginx-ingress/Chart.yaml, tag v5.5.4 (appVersion 5.5.4); published to oci://ghcr.io/nginx/charts',
  },
} as const satisfies Record<string, HelmChartSource>;

/** The custom kinds each chart installs (its CRD files at the pinned version). */
export const CHART_CRDS: Readonly<Record<keyof typeof ADDON_CHARTS, readonly ApiGroupKinds[]>> = {
  argoCd: [{ group: 'argoproj.io', kinds: ['Application', 'ApplicationSet', 'AppProject'] }],
  argoRollouts: [{ group: 'argoproj.io', kinds: ['AnalysisRun', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'Experiment', 'Rollout'] }],
  kubePrometheusStack: [
    {
      group: 'monitoring.coreos.com',
      kinds: ['Alertmanager', 'AlertmanagerConfig', 'PodMonitor', 'Probe', 'Prometheus', 'PrometheusAgent', 'PrometheusRule', 'ScrapeConfig', 'ServiceMonitor', 'ThanosRuler'],
    },
  ],
  // Its own VirtualServer/Policy/TransportServer CRDs; TripGen renders a plain Ingress.
  nginxIngress: [{ group: 'k8s.nginx.org', kinds: ['GlobalConfiguration', 'Policy', 'TransportServer', 'VirtualServer', 'VirtualServerRoute'] }],
};

/**
 * Custom kinds an AKS managed feature installs, and the managed-cluster property (a path into the
 * `Microsoft.ContainerService/managedClusters` resource of the Bicep snapshot) that turns it on.
 */
export interface ClusterProvidedApi extends ApiGroupKinds {
  readonly by: string;
  readonly bicepProperty: string;
  readonly expected: string | boolean;
}

export const CLUSTER_PROVIDED_APIS: readonly ClusterProvidedApi[] = [
  {
    group: 'networking.istio.io',
    kinds: ['DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService'],
    by: 'AKS Istio service mesh add-on',
    bicepProperty: 'properties.serviceMeshProfile.mode',
    expected: 'Istio',
  },
  {
    group: 'security.istio.io',
    kinds: ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication'],
    by: 'AKS Istio service mesh add-on',
    bicepProperty: 'properties.serviceMeshProfile.mode',
    expected: 'Istio',
  },
  {
    group: 'secrets-store.csi.x-k8s.io',
    kinds: ['SecretProviderClass'],
    by: 'AKS Azure Key Vault secrets provider add-on',
    bicepProperty: 'properties.addonProfiles.azureKeyvaultSecretsProvider.enabled',
    expected: true,
  },
  {
    group: 'autoscaling.k8s.io',
    kinds: ['VerticalPodAutoscaler'],
    by: 'AKS vertical pod autoscaler (managed)',
    bicepProperty: 'properties.workloadAutoScalerProfile.verticalPodAutoscaler.enabled',
    expected: true,
  },
];

/** API groups every Kubernetes API server serves itself (no CRD needed). */
export const BUILT_IN_API_GROUPS: readonly string[] = ['', 'apps', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io'];

/**
 * Argo CD removed the health assessment of `argoproj.io/Application` in 1.8, so an app-of-apps
 * applies every sync wave at once unless argocd-cm restores it (argo-cd docs
 * operator-manual/upgrading/1.7-1.8.md; cluster-bootstrapping.md): with this check a child
 * Application is Healthy only when its own resources are, and the root waits wave by wave.
 */
export const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
return hs
`;
export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';
