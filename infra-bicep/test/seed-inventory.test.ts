import { describe, expect, it } from 'vitest';
import { loadSnapshot, type SnapshotResource } from './support/bicep.ts';
import { asArray, ofType, prop, sameText } from './support/props.ts';

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
  ['PostgreSQL read replica 1', 'Microsoft.DBforPostgreSQL/flexibleServers', (r) => r.name.endsWith('-replica-1')],
  ['PostgreSQL read replica 2', 'Microsoft.DBforPostgreSQL/flexibleServers', (r) => r.name.endsWith('-replica-2')],
  ['Redis (Azure Managed Redis, cluster mode)', 'Microsoft.Cache/redisEnterprise/databases', (r) => sameText(prop(r, 'properties.clusteringPolicy'), 'OSSCluster')],
  ['Service Bus Premium, 2 messaging units', 'Microsoft.ServiceBus/namespaces', (r) => sameText(prop(r, 'sku.name'), 'Premium') && prop(r, 'sku.capacity') === 2],
  ['Service Bus geo-DR', 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs', () => true],
  ['Service Bus queue ai-schedule-generation-queue', 'Microsoft.ServiceBus/namespaces/queues', (r) => r.name.endsWith('/ai-schedule-generation-queue')],
  ['Service Bus queue location-search-queue', 'Microsoft.ServiceBus/namespaces/queues', (r) => r.name.endsWith('/location-search-queue')],
  ['Service Bus queue notification-queue', 'Microsoft.ServiceBus/namespaces/queues', (r) => r.name.endsWith('/notification-queue')],
  ['Event Hubs', 'Microsoft.EventHub/namespaces', () => true],
  ['Key Vault', 'Microsoft.KeyVault/vaults', () => true],
  ['Key Vault key with 90-day rotation', 'Microsoft.KeyVault/vaults/keys', () => true],
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
  ['Azure Monitor alerts', 'Microsoft.Insights/metricAlerts', () => true],
  ['Azure Monitor action group', 'Microsoft.Insights/actionGroups', () => true],
];

describe('every resource of the seed\'s prod column is in the prod snapshot', () => {
  const resources = loadSnapshot('prod').predictedResources;
  it.each(SEED_PROD)('%s (%s)', (_what, type, matches) => {
    expect(ofType(resources, type).filter(matches).length).toBeGreaterThan(0);
  });
});
