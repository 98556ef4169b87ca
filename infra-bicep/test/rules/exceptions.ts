/**
 * The one list of rules dev is allowed to fail although they are not prod-only, each with its
 * reason. The dev test also proves every entry still fails in dev, so the list cannot go stale.
 */
const BASIC_REGISTRY =
  'dev uses the Basic registry (about $5/month against $50 for Premium) within the seed\'s $280 dev budget, and retention, ' +
  'export policy and private endpoints are Premium features; prod uses Premium with a private endpoint, retention and no export.';

export const DEV_EXCEPTIONS: Readonly<Record<string, string>> = {
  'Azure.KeyVault.Firewall':
    'dev has no private network: the cluster reaches the vault from an outbound IP Azure assigns at creation, ' +
    'so a deny-by-default firewall would lock it out; access is guarded by Azure RBAC only (prod: private endpoint, firewall Deny).',
  'Azure.ACR.MinSku': BASIC_REGISTRY,
  // The three below are Premium-only features of the registry: Basic cannot have them.
  'Azure.ACR.Retention': BASIC_REGISTRY,
  'Azure.ACR.ExportPolicy': BASIC_REGISTRY,
  'TripGen.ACR.PrivateAccess': BASIC_REGISTRY,
};

const POSTGRES_IN_CLUSTER = 'dev runs PostgreSQL in the cluster (seed §2.2.1): no Flexible Server to check';
const REDIS_IN_CLUSTER = 'dev runs Redis in the cluster (seed §2.2.1): no Azure Managed Redis to check';
const NO_EVENT_HUBS = 'Event Hubs is in the seed\'s production column only';
const NGINX_EDGE = 'dev\'s edge is the in-cluster NGINX ingress (seed §2.1.1): no Application Gateway, WAF policy or public IP';
const NO_APP_INSIGHTS = 'dev has Log Analytics only (the seed\'s dev monitoring is basic Kubernetes monitoring): no Application Insights';
const AKS_MANAGED_NETWORK = 'dev uses the network AKS creates (seed §3.1.1, single subnet): no VNet, NSG or NAT gateway of ours';

/**
 * Rules that are not prod-only but have nothing to check in dev, because dev does not have the
 * resource at all. Every other non-prod-only rule must apply to at least one dev resource, and
 * every rule listed here must apply to none (a test checks both), so a rule cannot pass in dev
 * vacuously by a filter that matches nothing.
 */
export const NOT_IN_DEV: Readonly<Record<string, string>> = {
  'TripGen.PostgreSQL.PrivateAccess': POSTGRES_IN_CLUSTER,
  'Azure.PostgreSQL.AAD': POSTGRES_IN_CLUSTER,
  'Azure.PostgreSQL.AADOnly': POSTGRES_IN_CLUSTER,
  'TripGen.PostgreSQL.StorageSize': POSTGRES_IN_CLUSTER,
  'Azure.PostgreSQL.ZoneRedundantHA': POSTGRES_IN_CLUSTER,
  'Azure.PostgreSQL.GeoRedundantBackup': POSTGRES_IN_CLUSTER,
  'TripGen.PostgreSQL.BackupRetention35': POSTGRES_IN_CLUSTER,
  'Azure.RedisEnterprise.MinTLS': REDIS_IN_CLUSTER,
  'Azure.RedisEnterprise.Zones': REDIS_IN_CLUSTER,
  'TripGen.RedisEnterprise.ManagedRedisSku': REDIS_IN_CLUSTER,
  'TripGen.RedisEnterprise.OnePersistenceMode': REDIS_IN_CLUSTER,
  'Azure.Redis.MigrateAMR': REDIS_IN_CLUSTER,
  'TripGen.RedisEnterprise.PrivateEntraOnly': REDIS_IN_CLUSTER,
  'Azure.EventHub.DisableLocalAuth': NO_EVENT_HUBS,
  'Azure.EventHub.MinTLS': NO_EVENT_HUBS,
  'TripGen.EventHub.PrivateAccess': NO_EVENT_HUBS,
  'Azure.AppGw.UseWAF': NGINX_EDGE,
  'Azure.AppGw.SSLPolicy': NGINX_EDGE,
  'Azure.AppGw.MinInstance': NGINX_EDGE,
  'Azure.AppGw.UseHTTPS': NGINX_EDGE,
  'Azure.AppGwWAF.Enabled': NGINX_EDGE,
  'Azure.AppGwWAF.PreventionMode': NGINX_EDGE,
  'Azure.AppGwWAF.RuleGroups': NGINX_EDGE,
  'Azure.AppGwWAF.Exclusions': NGINX_EDGE,
  'TripGen.AppGwWAF.RateLimitPerClient': NGINX_EDGE,
  'Azure.PublicIP.StandardSKU': NGINX_EDGE,
  'Azure.PublicIP.AvailabilityZone': NGINX_EDGE,
  'Azure.AppGw.AvailabilityZone': NGINX_EDGE,
  'TripGen.AppGw.PublicIPZones': NGINX_EDGE,
  'Azure.AppInsights.Workspace': NO_APP_INSIGHTS,
  'Azure.AppInsights.LocalAuth': NO_APP_INSIGHTS,
  'Azure.VNET.UseNSGs': AKS_MANAGED_NETWORK,
  'Azure.VNET.PrivateSubnet': AKS_MANAGED_NETWORK,
  'TripGen.NATGateway.ZoneRedundant': AKS_MANAGED_NETWORK,
  'TripGen.NSG.DocumentedFlows': AKS_MANAGED_NETWORK,
  'TripGen.PostgreSQL.RolesAdministrator': POSTGRES_IN_CLUSTER,
  'TripGen.AppGw.TLS13': NGINX_EDGE,
};
