/**
 * Monthly list prices used by `npm run cost`, in USD, pay-as-you-go, Linux, no reservations.
 * Entered 2026-11-26 from the public Azure pricing pages below (region Korea Central where the
 * page distinguishes regions, otherwise the page's default region). They were NOT fetched live:
 * this machine has no internet access. Treat them as list-price estimates to be re-checked with
 * the Azure pricing calculator before budgeting; prices change, and this table carries its date.
 */
export const PRICE_TABLE_DATE = '2026-11-26';
export const HOURS_PER_MONTH = 730;
export const DAYS_PER_MONTH = 30.4;

export const SOURCES = {
  aks: 'https://azure.microsoft.com/pricing/details/kubernetes-service/',
  vm: 'https://azure.microsoft.com/pricing/details/virtual-machines/linux/',
  disks: 'https://azure.microsoft.com/pricing/details/managed-disks/',
  postgres: 'https://azure.microsoft.com/pricing/details/postgresql/flexible-server/',
  redis: 'https://azure.microsoft.com/pricing/details/managed-redis/',
  serviceBus: 'https://azure.microsoft.com/pricing/details/service-bus/',
  eventHubs: 'https://azure.microsoft.com/pricing/details/event-hubs/',
  appGateway: 'https://azure.microsoft.com/pricing/details/application-gateway/',
  ip: 'https://azure.microsoft.com/pricing/details/ip-addresses/',
  nat: 'https://azure.microsoft.com/pricing/details/azure-nat-gateway/',
  loadBalancer: 'https://azure.microsoft.com/pricing/details/load-balancer/',
  ddos: 'https://azure.microsoft.com/pricing/details/ddos-protection/',
  privateLink: 'https://azure.microsoft.com/pricing/details/private-link/',
  dns: 'https://azure.microsoft.com/pricing/details/dns/',
  keyVault: 'https://azure.microsoft.com/pricing/details/key-vault/',
  acr: 'https://azure.microsoft.com/pricing/details/container-registry/',
  monitor: 'https://azure.microsoft.com/pricing/details/monitor/',
  defender: 'https://azure.microsoft.com/pricing/details/defender-for-cloud/',
  blob: 'https://azure.microsoft.com/pricing/details/storage/blobs/',
  logicApps: 'https://azure.microsoft.com/pricing/details/logic-apps/',
} as const;

export const PRICES = {
  aksStandardTierPerHour: 0.1,
  /** Per VM-hour, with vCPU count (Defender for Containers bills per vCPU) and memory (npm run capacity packs pods on it). */
  vm: {
    Standard_B2s: { perHour: 0.0416, vcpus: 2, memoryGiB: 4 },
    Standard_D2s_v3: { perHour: 0.096, vcpus: 2, memoryGiB: 8 },
    Standard_D4s_v3: { perHour: 0.192, vcpus: 4, memoryGiB: 16 },
  } as Readonly<Record<string, { perHour: number; vcpus: number; memoryGiB: number }>>,
  /** Spot price as a fraction of on-demand (varies with capacity; the seed assumes 70% savings). */
  spotFactor: 0.3,
  /** Premium SSD P10 (128 GiB), the default AKS OS disk. */
  osDiskPerMonth: 19.71,
  postgres: {
    /** vCore compute per hour by SKU (General Purpose Dsv3). */
    computePerHour: { Standard_D4s_v3: 0.356 } as Readonly<Record<string, number>>,
    storagePerGbMonth: 0.115,
    /** Geo-redundant backup storage per GB-month, charged beyond 100% of provisioned storage. */
    geoBackupPerGbMonth: 0.2,
  },
  redisPerHour: { Balanced_B5: 0.312 } as Readonly<Record<string, number>>,
  serviceBus: { basicPerMonth: 0.05, standardPerMonth: 10, premiumPerMessagingUnitHour: 0.928 },
  eventHubsStandardPerThroughputUnitHour: 0.03,
  appGateway: { wafV2FixedPerHour: 0.443, capacityUnitPerHour: 0.0144, capacityUnitsPerInstance: 10 },
  publicIpStandardPerHour: 0.005,
  natGatewayPerHour: 0.045,
  loadBalancerStandardPerHour: 0.025,
  ddosPlanPerMonth: 2944,
  /** DDoS IP Protection, per protected public IP (learn.microsoft.com ddos-protection-sku-comparison: priced per protected IP). */
  ddosIpProtectionPerIpMonth: 199,
  privateEndpointPerHour: 0.01,
  privateDnsZonePerMonth: 0.5,
  keyVaultPerMonth: 1,
  acrPerDay: { Basic: 0.167, Standard: 0.667, Premium: 1.667 } as Readonly<Record<string, number>>,
  logAnalytics: { ingestionPerGb: 2.3, retentionPerGbMonth: 0.1, freeRetentionDays: 31 },
  /** Azure Monitor managed service for Prometheus: metrics ingestion per 10 million samples (monitor page, "Metrics"). */
  prometheusIngestionPer10MSamples: 0.16,
  metricAlertPerMonth: 0.1,
  logAlertPerMonth: 0.5,
  defenderPerVcpuMonth: 6.87,
  /** Block blob storage, LRS, Cool tier, per GB-month (the backup dumps). */
  blobCoolLrsPerGbMonth: 0.01,
  /** Logic Apps Consumption, per built-in trigger or action execution. */
  logicAppExecution: 0.000025,
} as const;

/** Usage the price of some services depends on (not in the templates). */
export const USAGE_ASSUMPTIONS = {
  logIngestionGbPerDay: { dev: 1, prod: 5 },
  /** What the Defender sensor writes to its own workspace (security events and inventory only). */
  defenderLogIngestionGbPerDay: { dev: 0.1, prod: 0.5 },
  natGatewayGbPerMonth: 100,
  natGatewayPerGb: 0.045,
  /**
   * Series the in-cluster Prometheus remote-writes to the Azure Monitor workspace: only those the
   * Azure Prometheus alerts read (k8s keep list), mostly the request histograms' buckets per job,
   * route, status and pod. Each is scraped every 30 s (kube-prometheus-stack's default interval) and
   * written by both Prometheus replicas (k8s platform-addons.ts). dev runs no Prometheus.
   */
  prometheusRemoteWrite: { series: { dev: 0, prod: 5000 }, scrapeIntervalSeconds: 30, writers: 2 },
  /** dev: a week of daily dumps of the in-cluster PostgreSQL (about 1 GB each at most). */
  backupGbStored: 7,
} as const;

/** The seed's estimate (§9.2.1), USD per month, by its categories. */
export const SEED_ESTIMATE = {
  dev: { AKS: 150, PostgreSQL: 50, Redis: 20, 'Service Bus': 10, Network: 30, Monitoring: 20 },
  prod: { AKS: 800, PostgreSQL: 300, Redis: 200, 'Service Bus': 100, Network: 150, Monitoring: 100 },
} as const;
