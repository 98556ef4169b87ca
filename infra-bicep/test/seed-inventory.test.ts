import { describe, expect, it } from 'vitest';
import { loadSnapshot, type SnapshotResource } from '../lib/bicep.ts';
import { asArray, ofType, prop, sameText } from '../lib/props.ts';

/** The seed's alert list (§12.1.2) where Azure has a metric: [what, metric, threshold, severity (1 critical, 2 warning)]. */
const SEED_METRIC_ALERTS: readonly [string, string, number, number][] = [
  ['node memory > 90% (critical)', 'node_memory_working_set_percentage', 90, 1],
  ['PostgreSQL memory > 90% (critical)', 'memory_percent', 90, 1],
  ['Redis memory > 90% (critical)', 'usedmemorypercentage', 90, 1],
  ['node CPU > 80% (warning)', 'node_cpu_usage_percentage', 80, 2],
  ['PostgreSQL CPU > 80% (warning)', 'cpu_percent', 80, 2],
  ['node disk > 85% (warning)', 'node_disk_usage_percentage', 85, 2],
  ['PostgreSQL storage > 85% (warning)', 'storage_percent', 85, 2],
];

const linksTo = (endpoint: SnapshotResource, targetType: string): boolean =>
  asArray(prop(endpoint, 'properties.privateLinkServiceConnections')).some((c) =>
    String(prop(c, 'properties.privateLinkServiceId')).toLowerCase().includes(targetType.toLowerCase()),
  );

/**
 * Every Azure resource of the seed's production column (physical architecture §2.1.2, §2.2.2,
 * §3-§7, §10), and where it is in the prod snapshot.
 */
const SEED_PROD: readonly [string, string, (r: SnapshotResource) => boolean][] = [
  ['AKS Standard tier, multi-zone', 'Microsoft.ContainerService/managedClusters', (r) => sameText(prop(r, 'sku.tier'), 'Standard')],
  ['AKS node pool Standard_D4s_v3, 3-10 nodes', 'Microsoft.ContainerService/managedClusters', (r) =>
    asArray(prop(r, 'properties.agentPoolProfiles')).some((p) => prop(p, 'vmSize') === 'Standard_D4s_v3' && prop(p, 'minCount') === 3 && prop(p, 'maxCount') === 10)],
  ['AKS system pool 3 x Standard_D2s_v3', 'Microsoft.ContainerService/managedClusters', (r) =>
    asArray(prop(r, 'properties.agentPoolProfiles')).some((p) => prop(p, 'vmSize') === 'Standard_D2s_v3' && prop(p, 'count') === 3)],
  ['Istio service mesh', 'Microsoft.ContainerService/managedClusters', (r) => sameText(prop(r, 'properties.serviceMeshProfile.mode'), 'Istio')],
  ['Application Gateway (2 instances, zone redundant)', 'Microsoft.Network/applicationGateways', (r) => Number(prop(r, 'properties.autoscaleConfiguration.minCapacity')) >= 2],
  ['WAF (OWASP)', 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', () => true],
  ['Private Link (private endpoints)', 'Microsoft.Network/privateEndpoints', () => true],
  ['PostgreSQL Flexible Server GP Standard_D4s_v3', 'Microsoft.DBforPostgreSQL/flexibleServers', (r) => prop(r, 'sku.name') === 'Standard_D4s_v3' && sameText(prop(r, 'sku.tier'), 'GeneralPurpose')],
  // The seed's 2 read replicas are dropped (issue 12: no service reads one; README "Read replicas"),
  // and its 90-day key rotation is the user service's signing-key ring (30 days), not a Key Vault
  // key nothing used (README "Token-signing keys").
  ['Redis (Azure Managed Redis, cluster mode)', 'Microsoft.Cache/redisEnterprise/databases', (r) => sameText(prop(r, 'properties.clusteringPolicy'), 'EnterpriseCluster')],
  ['Service Bus Premium, 2 messaging units', 'Microsoft.ServiceBus/namespaces', (r) => sameText(prop(r, 'sku.name'), 'Premium') && prop(r, 'sku.capacity') === 2],
  ['Service Bus geo-DR', 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs', () => true],
  ['Service Bus queue ai-schedule-generation-queue', 'Microsoft.ServiceBus/namespaces/queues', (r) => r.name.endsWith('/ai-schedule-generation-queue')],
  ['Service Bus queue location-search-queue', 'Microsoft.ServiceBus/namespaces/queues', (r) => r.name.endsWith('/location-search-queue')],
  ['Service Bus queue notification-queue', 'Microsoft.ServiceBus/namespaces/queues', (r) => r.name.endsWith('/notification-queue')],
  ['Event Hubs', 'Microsoft.EventHub/namespaces', () => true],
  ['Key Vault', 'Microsoft.KeyVault/vaults', () => true],
  ['Azure AD workload identity (managed identities)', 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials', () => true],
  ['Private endpoints DNS', 'Microsoft.Network/privateDnsZones', () => true],
  ['VNet with application/database/cache subnets', 'Microsoft.Network/virtualNetworks', (r) =>
    ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'].every((p) => asArray(prop(r, 'properties.subnets')).some((s) => prop(s, 'properties.addressPrefix') === p))],
  ['NSGs', 'Microsoft.Network/networkSecurityGroups', () => true],
  ['NAT Gateway', 'Microsoft.Network/natGateways', () => true],
  ['DDoS Protection Standard', 'Microsoft.Network/ddosProtectionPlans', () => true],
  ['Azure Container Registry', 'Microsoft.ContainerRegistry/registries', () => true],
  ['Log Analytics (90 days)', 'Microsoft.OperationalInsights/workspaces', (r) => prop(r, 'properties.retentionInDays') === 90],
  ['Application Insights', 'Microsoft.Insights/components', () => true],
  ['AKS Entra ID (Azure AD) integration with Azure RBAC', 'Microsoft.ContainerService/managedClusters', (r) =>
    prop(r, 'properties.aadProfile.managed') === true && prop(r, 'properties.aadProfile.enableAzureRBAC') === true],
  ['Key Vault CSI Secret Store with rotation', 'Microsoft.ContainerService/managedClusters', (r) =>
    sameText(prop(r, 'properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation'), 'true')],
  ['Container Insights', 'Microsoft.ContainerService/managedClusters', (r) => prop(r, 'properties.addonProfiles.omsagent.enabled') === true],
  ['PostgreSQL zone-redundant HA, 35-day geo-redundant backup', 'Microsoft.DBforPostgreSQL/flexibleServers', (r) =>
    sameText(prop(r, 'properties.highAvailability.mode'), 'ZoneRedundant') &&
    sameText(prop(r, 'properties.backup.geoRedundantBackup'), 'Enabled') &&
    prop(r, 'properties.backup.backupRetentionDays') === 35],
  ['Redis zone redundant (high availability)', 'Microsoft.Cache/redisEnterprise', (r) => sameText(prop(r, 'properties.highAvailability'), 'Enabled')],
  ['Service Bus private endpoint', 'Microsoft.Network/privateEndpoints', (r) => linksTo(r, '/Microsoft.ServiceBus/namespaces/')],
  ['Key Vault private endpoint', 'Microsoft.Network/privateEndpoints', (r) => linksTo(r, '/Microsoft.KeyVault/vaults/')],
  ['NAT gateway on the application subnet', 'Microsoft.Network/virtualNetworks', (r) =>
    asArray(prop(r, 'properties.subnets')).some((s) => prop(s, 'properties.addressPrefix') === '10.0.1.0/24' && typeof prop(s, 'properties.natGateway.id') === 'string')],
  ['Application Gateway WAF_v2, zone redundant', 'Microsoft.Network/applicationGateways', (r) =>
    sameText(prop(r, 'properties.sku.tier'), 'WAF_v2') && asArray(prop(r, 'zones')).length === 3],
  ['Azure Monitor alerts', 'Microsoft.Insights/metricAlerts', () => true],
  // Seed §12.1.2, critical: pod restarts > 5 per hour (a log alert: no platform metric counts restarts).
  ['Alert: pod restarts > 5 per hour (critical)', 'Microsoft.Insights/scheduledQueryRules', (r) =>
    prop(r, 'properties.severity') === 1 &&
    asArray(prop(r, 'properties.criteria.allOf')).some((c) => /Restarts > 5$/.test(String(prop(c, 'query'))))],
  // Seed §12.1.2, response times: p95s over the request records (log alerts: a metric alert only
  // averages; test/alert-signals.test.ts checks what they select against the catalog).
  ['Alert: AI service response time > 5 s (critical)', 'Microsoft.Insights/scheduledQueryRules', (r) =>
    prop(r, 'properties.severity') === 1 &&
    asArray(prop(r, 'properties.criteria.allOf')).some((c) => /^AppRequests .*\| where P95Ms > 5000$/.test(String(prop(c, 'query'))))],
  ['Alert: response time > 200 ms (warning)', 'Microsoft.Insights/scheduledQueryRules', (r) =>
    prop(r, 'properties.severity') === 2 &&
    asArray(prop(r, 'properties.criteria.allOf')).some((c) => /^AppRequests .*\| where P95Ms > 200$/.test(String(prop(c, 'query'))))],
  ...SEED_METRIC_ALERTS.map(([what, metric, threshold, severity]): [string, string, (r: SnapshotResource) => boolean] => [
    `Alert: ${what}`,
    'Microsoft.Insights/metricAlerts',
    (r) =>
      prop(r, 'properties.severity') === severity &&
      asArray(prop(r, 'properties.criteria.allOf')).some(
        (c) => prop(c, 'metricName') === metric && prop(c, 'threshold') === threshold && sameText(prop(c, 'operator'), 'GreaterThan'),
      ),
  ]),
  ['Azure Monitor action group', 'Microsoft.Insights/actionGroups', () => true],
];

describe('every resource of the seed\'s prod column is in the prod snapshot', () => {
  const resources = loadSnapshot('prod').predictedResources;
  it.each(SEED_PROD)('%s (%s)', (_what, type, matches) => {
    expect(ofType(resources, type).filter(matches).length).toBeGreaterThan(0);
  });
});
