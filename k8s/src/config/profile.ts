/**
 * Environment profiles: every difference between dev and prod is data here, built from the
 * Bicep hand-over (azure-outputs.ts). Constructs read a profile; none of them asks which
 * environment it is in.
 */
import { AUTOSCALED, K8S_NAMESPACE, SERVICE_NAMES, type EnvironmentName, type ServiceName } from '@tripgen/catalog';
import { loadAzureOutputs, type AzureOutputs } from './azure-outputs.ts';
import { inClusterHost } from '../lib/network.ts';
import { DEFAULT_UID } from '../lib/security.ts';
import { IMAGE_TAGS } from './releases.ts';

export interface ResourceSpec {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu?: string; readonly memory: string };
}

/**
 * Scheduled logical backup of the in-cluster PostgreSQL (a CronJob): pg_dump of every database,
 * uploaded with the job's workload identity to a storage account whose lifecycle rule (Bicep, the
 * dev profile's retention) deletes old dumps.
 */
export interface PostgresBackup {
  /** Cron schedule, read in `timeZone` (CronJob spec.timeZone). */
  readonly schedule: string;
  readonly timeZone: string;
  readonly storageAccount: string;
  readonly container: string;
  /** Client id of the managed identity federated with the backup job's ServiceAccount. */
  readonly identityClientId: string;
  /** Runs the upload (`az storage blob upload-batch` after `az login --federated-token`); pinned. */
  readonly uploaderImage: string;
  readonly resources: ResourceSpec;
}

/** dev: PostgreSQL and Redis run as pods next to the services (seed §2, dev column). */
export interface InClusterDataStores {
  readonly kind: 'in-cluster';
  readonly postgres: {
    readonly image: string;
    readonly resources: ResourceSpec;
    readonly storage: string;
    readonly uid: number;
    readonly backup: PostgresBackup;
  };
  readonly redis: { readonly image: string; readonly resources: ResourceSpec; readonly maxMemory: string; readonly uid: number };
}

/** prod: Azure Database for PostgreSQL and Azure Cache for Redis, reached through private endpoints. */
export interface ManagedDataStores {
  readonly kind: 'managed';
  readonly postgresHost: string;
  readonly redis: { readonly host: string; readonly port: number };
  /** Subnets the pods may reach (architecture: database and cache subnets), from the Bicep hand-over. */
  readonly postgresCidr: string;
  readonly redisCidr: string;
  /**
   * Entra ID sign-in (the server accepts nothing else): each service signs in as its managed
   * identity's role; the database-roles Job creates those roles as a PostgreSQL Entra administrator.
   */
  readonly postgresEntra: {
    readonly administratorRole: string;
    readonly administratorClientId: string;
    readonly serviceRoles: Readonly<Record<ServiceName, { readonly role: string; readonly objectId: string }>>;
  };
}

/** Where DATABASE_URL (and other secrets) come from; a value never appears in gitops/. */
export type SecretSource =
  | { readonly kind: 'bootstrap'; readonly script: string }
  | { readonly kind: 'key-vault'; readonly keyVaultName: string; readonly tenantId: string };

/** The AKS Istio add-on (infra-bicep enables it with an internal ingress gateway). */
export interface MeshProfile {
  /** Add-on revision: namespaces opt in with `istio.io/rev` (the add-on ignores `istio-injection`).
   * Must equal `istioRevision` in infra-bicep/env/<env>.bicepparam (a test checks it). */
  readonly revision: string;
  readonly systemNamespace: string;
  readonly ingressNamespace: string;
  /** Pod labels of the internal ingress gateway (Application Gateway's backend). */
  readonly ingressGatewayLabels: Readonly<Record<string, string>>;
  /** Its ServiceAccount: the mTLS principal the AuthorizationPolicies allow. */
  readonly ingressGatewayServiceAccount: string;
}

export type IngressProfile =
  | { readonly kind: 'nginx'; readonly className: string; readonly controllerNamespace: string; readonly host: string }
  | {
      /** Application Gateway WAF_v2, configured by Bicep (no AGIC): TLS from the client, TLS again to
       * the mesh ingress gateway behind an internal load balancer pinned at `backendIp`. */
      readonly kind: 'app-gateway';
      readonly host: string;
      readonly backendIp: string;
      /** Secret (in the ingress gateway's namespace) holding the certificate the Istio gateway serves. */
      readonly gatewayTlsSecret: string;
      /** Where that Secret comes from: the Key Vault certificate Application Gateway serves too. */
      readonly gatewayCertificate: GatewayCertificateSource;
    };

/**
 * The Istio ingress gateway's certificate, synced from Key Vault as Microsoft documents for the AKS
 * Istio add-on's secure gateway: a SecretProviderClass read with the Key Vault secrets provider
 * add-on's own managed identity (Key Vault Secrets User on the vault, granted by infra-bicep), and
 * a pod that mounts it, since the CSI driver syncs a Secret only while a pod mounts its class.
 */
export interface GatewayCertificateSource {
  readonly keyVaultName: string;
  readonly tenantId: string;
  /** The Key Vault certificate, read as a secret: the PEM private key and certificate chain. */
  readonly keyVaultCertificate: string;
  /** Client id of the add-on's identity (Bicep output keyVaultCsiAddonClientId). */
  readonly addonIdentityClientId: string;
  /** The mounting pod runs nothing: a maintained minimal image, pinned. */
  readonly syncImage: string;
  readonly syncResources: ResourceSpec;
}

export interface MonitoringProfile {
  readonly namespace: string;
  /** Pod labels of Prometheus (NetworkPolicy: who may scrape). */
  readonly prometheusLabels: Readonly<Record<string, string>>;
  /** Address the Argo Rollouts analysis queries. */
  readonly prometheusUrl: string;
  /** Label the Prometheus operator selects ServiceMonitors/PrometheusRules by. */
  readonly ruleSelectorLabels: Readonly<Record<string, string>>;
  /**
   * The Azure Monitor workspace Prometheus remote-writes to, where the alerting rules are evaluated
   * (infra-bicep modules/prometheus.bicep): its ingestion URL, the identity it writes as (workload
   * identity), and the `cluster` label the rule groups select (clusterName: the AKS cluster's name).
   */
  readonly azureMonitor: { readonly remoteWriteUrl: string; readonly clientId: string; readonly tenantId: string; readonly cluster: string };
}

/**
 * The proxies between a client and a service's process, outermost first, and whether each
 * appends to X-Forwarded-For. The service trusts exactly the appending ones (TRUST_PROXY_HOPS):
 * the outermost one's entry is the client, every later entry (and the socket peer) a proxy.
 */
export interface ForwardingHop {
  readonly name: string;
  readonly appendsForwardedFor: boolean;
}

export interface EnvironmentProfile {
  readonly name: EnvironmentName;
  readonly namespace: string;
  readonly edgeChain: readonly ForwardingHop[];
  readonly image: { readonly registry: string; readonly tag: string };
  readonly logLevel: 'debug' | 'info';
  readonly ingress: IngressProfile;
  readonly dataStores: InClusterDataStores | ManagedDataStores;
  readonly secrets: SecretSource;
  /** Client IDs of the per-service managed identities, or null without workload identity. */
  readonly workloadIdentity: Readonly<Record<ServiceName, string>> | null;
  readonly serviceBusFqdn: string;
  /**
   * Where the pods speak AMQP over TLS (5671) to Service Bus and Event Hubs: their public endpoints
   * (dev: the Basic namespace has no private endpoint) or the private endpoint subnet (prod: public
   * network access is off on both namespaces, infra-bicep).
   */
  readonly amqpEndpoints: { readonly kind: 'public' } | { readonly kind: 'private'; readonly cidr: string };
  /** An OpenTelemetry collector the pods send OTLP to; none renders today (prod exports to Application Insights itself). */
  readonly otlpEndpoint: string | null;
  /**
   * Where the services' telemetry goes. dev: Container Insights only (the seed's "basic Kubernetes
   * monitoring": node and pod metrics, logs, events). prod: also Application Insights, which the
   * kit's Azure Monitor exporter reaches with each service's workload identity.
   */
  readonly telemetry: { readonly appInsights: boolean };
  readonly scaling: {
    /** HPA from the catalog's per-env replicas (as minimum) to its maxReplicas; otherwise fixed replicas (the catalog's AUTOSCALED). */
    readonly horizontal: boolean;
    readonly disruptionBudgets: boolean;
    readonly zoneSpread: boolean;
    /** VPA in recommendation mode ("Off") beside the HPA. */
    readonly verticalRecommendations: boolean;
  };
  readonly mesh: MeshProfile | null;
  /** Taints the pods tolerate (dev: the spot node pool's). */
  readonly tolerations: readonly { readonly key: string; readonly operator: 'Equal'; readonly value: string; readonly effect: 'NoSchedule' }[];
  /** 'rolling': Deployment; 'progressive': Argo Rollouts with the catalog's delivery strategy. */
  readonly delivery: 'rolling' | 'progressive';
  readonly monitoring: MonitoringProfile | null;
  readonly argo: {
    readonly automatedSync: boolean;
    readonly namespace: string;
    /** The Argo Rollouts controller: its namespace and ServiceAccount (the blue-green smoke check calls the preview pods from it). */
    readonly rolloutsController: { readonly namespace: string; readonly serviceAccount: string };
  };
  readonly azure: AzureOutputs;
}

/** Outputs a profile cannot do without: an empty value would render a broken URL or port. */
function required(azure: AzureOutputs, env: EnvironmentName, keys: readonly (keyof AzureOutputs)[]): void {
  const missing = keys.filter((k) => azure[k] === '' || azure[k] === 0);
  if (missing.length > 0) {
    throw new Error(`infra-bicep/outputs/${env}.outputs.json: ${missing.join(', ')} empty; the ${env} manifests need them (Bicep hand-over, k8s/README.md)`);
  }
}

/** Hand-over values each environment renders from (prod reaches the managed Redis). */
const REQUIRED_OUTPUTS: Record<EnvironmentName, readonly (keyof AzureOutputs)[]> = {
  dev: [
    'tenantId',
    'keyVaultName',
    'acrLoginServer',
    'serviceBusNamespaceFqdn',
    'publicHostName',
    'backupStorageAccountName',
    'backupContainerName',
    'backupIdentityClientId',
  ],
  prod: [
    'tenantId',
    'keyVaultName',
    'acrLoginServer',
    'serviceBusNamespaceFqdn',
    'publicHostName',
    'ingressPrivateIp',
    'redisHost',
    'redisPort',
    'postgresSubnetCidr',
    'redisSubnetCidr',
    'privateEndpointSubnetCidr',
    'keyVaultCsiAddonClientId',
    'tlsCertificateName',
    'istioRevision',
    'postgresHost',
    'postgresRolesClientId',
    'postgresRolesRoleName',
    'aksClusterName',
    'prometheusRemoteWriteUrl',
    'prometheusIdentityClientId',
  ],
};

/**
 * Where Argo CD and the Argo Rollouts controller run (their Helm releases, constructs/platform-addons.ts),
 * in every environment. Read through the profile (argo), as every add-on's namespace is
 * (config/platform-namespaces.ts), which the platform's crash-loop alert watches (observability/alerts.ts).
 */
export const ARGO_NAMESPACES = { argoCd: 'argocd', rollouts: 'argo-rollouts' } as const;

/** prod's kube-prometheus-stack and OpenTelemetry collector (the network policies, URLs and the platform's crash-loop alert agree on it). */
const MONITORING_NAMESPACE = 'monitoring';

export function buildProfile(name: EnvironmentName, azure: AzureOutputs): EnvironmentProfile {
  required(azure, name, REQUIRED_OUTPUTS[name]);
  const base = {
    name,
    namespace: K8S_NAMESPACE,
    image: { registry: azure.acrLoginServer, tag: IMAGE_TAGS[name] },
    serviceBusFqdn: azure.serviceBusNamespaceFqdn,
    argo: { namespace: ARGO_NAMESPACES.argoCd, rolloutsController: { namespace: ARGO_NAMESPACES.rollouts, serviceAccount: 'argo-rollouts' } },
    azure,
  };
  const profiles: Record<EnvironmentName, () => EnvironmentProfile> = {
    dev: () => ({
      ...base,
      logLevel: 'debug',
      // The LoadBalancer keeps the client's address (externalTrafficPolicy Local); NGINX appends it.
      edgeChain: [{ name: 'NGINX Ingress Controller', appendsForwardedFor: true }],
      ingress: { kind: 'nginx', className: 'nginx', controllerNamespace: 'nginx-ingress', host: azure.publicHostName },
      dataStores: {
        kind: 'in-cluster',
        postgres: {
          // Maintained upstream PostgreSQL 16 with PostGIS 3.4 (location_db needs it).
          image: 'docker.io/postgis/postgis:16-3.4',
          resources: { requests: { cpu: '1000m', memory: '2Gi' }, limits: { cpu: '2000m', memory: '4Gi' } },
          storage: '20Gi',
          uid: DEFAULT_UID,
          // Seed §10.2.1: daily backups. The dev cluster runs only on weekdays 08:00-20:00 (the
          // off-hours shutdown, infra-bicep dev profile), so the dump runs before the evening stop.
          backup: {
            schedule: '30 19 * * 1-5',
            timeZone: 'Asia/Seoul',
            storageAccount: azure.backupStorageAccountName,
            container: azure.backupContainerName,
            identityClientId: azure.backupIdentityClientId,
            uploaderImage: 'mcr.microsoft.com/azure-cli:2.77.0',
            resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
          },
        },
        redis: {
          image: 'docker.io/library/redis:7.2.5',
          resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } },
          maxMemory: '768mb',
          uid: DEFAULT_UID,
        },
      },
      secrets: { kind: 'bootstrap', script: 'k8s/src/bootstrap/dev-secrets.ts' },
      // dev reaches Service Bus with the same per-service identities (federated in dev too).
      workloadIdentity: azure.serviceIdentityClientIds,
      amqpEndpoints: { kind: 'public' },
      otlpEndpoint: null,
      telemetry: { appInsights: false },
      scaling: { horizontal: AUTOSCALED.dev, disruptionBudgets: false, zoneSpread: false, verticalRecommendations: false },
      mesh: null,
      // dev workloads run on the spot pool (infra-bicep README: the pool is tainted).
      tolerations: [{ key: 'kubernetes.azure.com/scalesetpriority', operator: 'Equal', value: 'spot', effect: 'NoSchedule' }],
      delivery: 'rolling',
      monitoring: null,
      argo: { ...base.argo, automatedSync: true },
    }),
    prod: () => ({
      ...base,
      logLevel: 'info',
      edgeChain: [
        // Appends the client as ip:port (Application Gateway, "Modifications to the request").
        { name: 'Application Gateway', appendsForwardedFor: true },
        // Envoy with use_remote_address appends its peer, an Application Gateway instance (istio.io
        // "Configuring Gateway Network Topology").
        { name: 'Istio ingress gateway', appendsForwardedFor: true },
        // Inbound sidecars pass the header on unchanged; the sidecar is the process's socket peer.
        { name: 'Istio sidecar', appendsForwardedFor: false },
      ],
      ingress: {
        kind: 'app-gateway',
        host: azure.publicHostName,
        backendIp: azure.ingressPrivateIp,
        gatewayTlsSecret: 'tripgen-ingress-tls',
        gatewayCertificate: {
          keyVaultName: azure.keyVaultName,
          tenantId: azure.tenantId,
          keyVaultCertificate: azure.tlsCertificateName,
          addonIdentityClientId: azure.keyVaultCsiAddonClientId,
          // The kubeadm default pause image of Kubernetes 1.35 (infra-bicep's version).
          syncImage: 'registry.k8s.io/pause:3.10.1',
          syncResources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '16Mi' } },
        },
      },
      dataStores: {
        kind: 'managed',
        postgresHost: azure.postgresHost,
        redis: { host: azure.redisHost, port: azure.redisPort },
        postgresCidr: azure.postgresSubnetCidr,
        redisCidr: azure.redisSubnetCidr,
        postgresEntra: {
          administratorRole: azure.postgresRolesRoleName,
          administratorClientId: azure.postgresRolesClientId,
          serviceRoles: Object.fromEntries(
            SERVICE_NAMES.map((s) => [s, { role: azure.postgresRoleNames[s], objectId: azure.serviceIdentityPrincipalIds[s] }]),
          ) as Record<ServiceName, { role: string; objectId: string }>,
        },
      },
      secrets: { kind: 'key-vault', keyVaultName: azure.keyVaultName, tenantId: azure.tenantId },
      workloadIdentity: azure.serviceIdentityClientIds,
      amqpEndpoints: { kind: 'private', cidr: azure.privateEndpointSubnetCidr },
      // No collector: the kit exports traces (and the request metrics derived from them) to
      // Application Insights directly, with the pod's workload identity (no shared secret, one hop less).
      otlpEndpoint: null,
      telemetry: { appInsights: true },
      scaling: { horizontal: AUTOSCALED.prod, disruptionBudgets: true, zoneSpread: true, verticalRecommendations: true },
      mesh: {
        // The cluster's revision, from the hand-over (infra-bicep profile aks.istioRevision).
        revision: azure.istioRevision,
        systemNamespace: 'aks-istio-system',
        ingressNamespace: 'aks-istio-ingress',
        ingressGatewayLabels: { istio: 'aks-istio-ingressgateway-internal' },
        ingressGatewayServiceAccount: 'aks-istio-ingressgateway-internal',
      },
      tolerations: [],
      delivery: 'progressive',
      monitoring: {
        namespace: MONITORING_NAMESPACE,
        prometheusLabels: { 'app.kubernetes.io/name': 'prometheus' },
        prometheusUrl: `http://${inClusterHost('prometheus-operated', MONITORING_NAMESPACE)}:9090`,
        ruleSelectorLabels: { release: 'kube-prometheus-stack' },
        azureMonitor: { remoteWriteUrl: azure.prometheusRemoteWriteUrl, clientId: azure.prometheusIdentityClientId, tenantId: azure.tenantId, cluster: azure.aksClusterName },
      },
      argo: { ...base.argo, automatedSync: false },
    }),
  };
  return profiles[name]();
}

export const ENVIRONMENTS: readonly EnvironmentName[] = ['dev', 'prod'];

export const loadProfiles = (): readonly EnvironmentProfile[] => ENVIRONMENTS.map((env) => buildProfile(env, loadAzureOutputs(env)));
