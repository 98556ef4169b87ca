/**
 * Estimated monthly cost of an environment from its evaluated snapshot (the resources the
 * parameter file produces), priced with prices.ts. Every resource type of the snapshot is either
 * priced here or listed as free of its own charge, so a new resource type forces a decision.
 */
import type { Snapshot, SnapshotResource } from '../lib/bicep.ts';
import { asArray, prop } from '../lib/props.ts';
import { DAYS_PER_MONTH, HOURS_PER_MONTH, PRICES, USAGE_ASSUMPTIONS } from './prices.ts';

/** In the order reports list them. */
export const CATEGORIES = ['AKS', 'PostgreSQL', 'Redis', 'Service Bus', 'Network', 'Monitoring', 'Security and registry'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CostLine {
  readonly category: Category;
  readonly item: string;
  readonly monthly: number;
}

/** Billed through another resource (diagnostics, roles, child resources) or free. */
export const FREE_TYPES = [
  'Microsoft.Resources/resourceGroups',
  'Microsoft.Insights/diagnosticSettings',
  'Microsoft.Insights/actionGroups',
  'Microsoft.Insights/components',
  'Microsoft.Authorization/roleAssignments',
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
  'Microsoft.ContainerService/managedClusters/maintenanceConfigurations',
  'Microsoft.ServiceBus/namespaces/queues',
  'Microsoft.ServiceBus/namespaces/networkRuleSets',
  'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs',
  'Microsoft.EventHub/namespaces/eventhubs',
  'Microsoft.DBforPostgreSQL/flexibleServers/databases',
  'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
  'Microsoft.DBforPostgreSQL/flexibleServers/administrators',
  'Microsoft.Cache/redisEnterprise/databases',
  'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments',
  'Microsoft.KeyVault/vaults/keys',
  'Microsoft.KeyVault/vaults/secrets',
  'Microsoft.Network/networkSecurityGroups',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
  // Container Insights' rule: what it collects is priced as the workspace's ingestion.
  'Microsoft.Insights/dataCollectionRules',
  'Microsoft.Insights/dataCollectionRuleAssociations',
] as const;

const hourly = (perHour: number) => perHour * HOURS_PER_MONTH;
const num = (v: unknown, fallback = 0) => (typeof v === 'number' ? v : fallback);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const priceOf = <T>(table: Readonly<Record<string, T>>, key: string, what: string): T => {
  const found = table[key];
  if (found === undefined) throw new Error(`no price for ${what} ${key}: add it to infra-bicep/cost/prices.ts`);
  return found;
};

type Pricer = (r: SnapshotResource, env: 'dev' | 'prod') => CostLine[];

const aks: Pricer = (r) => {
  const lines: CostLine[] = [];
  if (str(prop(r, 'sku.tier')).toLowerCase() === 'standard') lines.push({ category: 'AKS', item: `${r.name} Standard tier`, monthly: hourly(PRICES.aksStandardTierPerHour) });
  let vcpus = 0;
  for (const pool of asArray(prop(r, 'properties.agentPoolProfiles'))) {
    const size = str(prop(pool, 'vmSize'));
    const vm = priceOf(PRICES.vm, size, 'VM size');
    // The autoscaler's floor is what runs most of the time.
    const nodes = prop(pool, 'enableAutoScaling') === true ? num(prop(pool, 'minCount')) : num(prop(pool, 'count'));
    const spot = str(prop(pool, 'scaleSetPriority')).toLowerCase() === 'spot';
    lines.push({ category: 'AKS', item: `pool ${str(prop(pool, 'name'))}: ${nodes} x ${size}${spot ? ' spot' : ''}`, monthly: nodes * hourly(vm.perHour) * (spot ? PRICES.spotFactor : 1) });
    lines.push({ category: 'AKS', item: `pool ${str(prop(pool, 'name'))}: ${nodes} OS disks`, monthly: nodes * PRICES.osDiskPerMonth });
    vcpus += nodes * vm.vcpus;
  }
  // The cluster's own Standard load balancer (in the node resource group, not in the template).
  lines.push({ category: 'Network', item: `${r.name} load balancer`, monthly: hourly(PRICES.loadBalancerStandardPerHour) });
  if (str(prop(r, 'properties.networkProfile.outboundType')).toLowerCase() === 'loadbalancer') {
    lines.push({ category: 'Network', item: `${r.name} outbound public IP`, monthly: hourly(PRICES.publicIpStandardPerHour) });
  }
  if (prop(r, 'properties.securityProfile.defender.securityMonitoring.enabled') === true) {
    lines.push({ category: 'Security and registry', item: `Defender for Containers, ${vcpus} vCPUs`, monthly: vcpus * PRICES.defenderPerVcpuMonth });
  }
  return lines;
};

const postgres: Pricer = (r) => {
  const compute = hourly(priceOf(PRICES.postgres.computePerHour, str(prop(r, 'sku.name')), 'PostgreSQL SKU'));
  const storageGb = num(prop(r, 'properties.storage.storageSizeGB'), 32);
  const ha = str(prop(r, 'properties.highAvailability.mode')).toLowerCase() === 'zoneredundant' ? 2 : 1;
  const lines: CostLine[] = [
    { category: 'PostgreSQL', item: `${r.name} compute${ha === 2 ? ' + HA standby' : ''}`, monthly: compute * ha },
    { category: 'PostgreSQL', item: `${r.name} ${storageGb} GiB storage${ha === 2 ? ' x 2' : ''}`, monthly: storageGb * PRICES.postgres.storagePerGbMonth * ha },
  ];
  if (str(prop(r, 'properties.backup.geoRedundantBackup')).toLowerCase() === 'enabled') {
    // 35 days of daily backups are roughly the provisioned size again, geo-replicated.
    lines.push({ category: 'PostgreSQL', item: `${r.name} geo-redundant backup`, monthly: storageGb * PRICES.postgres.geoBackupPerGbMonth });
  }
  return lines;
};

const serviceBus: Pricer = (r) => {
  const sku = str(prop(r, 'sku.name'));
  const monthly =
    sku === 'Premium'
      ? num(prop(r, 'sku.capacity'), 1) * hourly(PRICES.serviceBus.premiumPerMessagingUnitHour)
      : sku === 'Standard'
        ? PRICES.serviceBus.standardPerMonth
        : PRICES.serviceBus.basicPerMonth;
  return [{ category: 'Service Bus', item: `${r.name} ${sku}${sku === 'Premium' ? ` ${num(prop(r, 'sku.capacity'))} MU` : ''}`, monthly }];
};

const PRICERS: Readonly<Record<string, Pricer>> = {
  'microsoft.containerservice/managedclusters': aks,
  'microsoft.dbforpostgresql/flexibleservers': postgres,
  'microsoft.cache/redisenterprise': (r) => [
    { category: 'Redis', item: `${r.name} ${str(prop(r, 'sku.name'))}`, monthly: hourly(priceOf(PRICES.redisPerHour, str(prop(r, 'sku.name')), 'Redis SKU')) },
  ],
  'microsoft.servicebus/namespaces': serviceBus,
  'microsoft.eventhub/namespaces': (r) => [
    { category: 'Service Bus', item: `${r.name} Event Hubs ${num(prop(r, 'sku.capacity'), 1)} TU`, monthly: num(prop(r, 'sku.capacity'), 1) * hourly(PRICES.eventHubsStandardPerThroughputUnitHour) },
  ],
  'microsoft.network/applicationgateways': (r) => {
    const instances = num(prop(r, 'properties.autoscaleConfiguration.minCapacity'), 2);
    const cu = instances * PRICES.appGateway.capacityUnitsPerInstance;
    return [
      { category: 'Network', item: `${r.name} WAF_v2 fixed`, monthly: hourly(PRICES.appGateway.wafV2FixedPerHour) },
      { category: 'Network', item: `${r.name} ${cu} capacity units (${instances} instances)`, monthly: cu * hourly(PRICES.appGateway.capacityUnitPerHour) },
    ];
  },
  'microsoft.network/publicipaddresses': (r) => [
    { category: 'Network', item: `${r.name}`, monthly: hourly(PRICES.publicIpStandardPerHour) },
    ...(str(prop(r, 'properties.ddosSettings.protectionMode')).toLowerCase() === 'enabled'
      ? [{ category: 'Network' as const, item: `${r.name} DDoS IP Protection`, monthly: PRICES.ddosIpProtectionPerIpMonth }]
      : []),
  ],
  'microsoft.network/natgateways': (r) => [
    { category: 'Network', item: `${r.name} + ${USAGE_ASSUMPTIONS.natGatewayGbPerMonth} GB`, monthly: hourly(PRICES.natGatewayPerHour) + USAGE_ASSUMPTIONS.natGatewayGbPerMonth * USAGE_ASSUMPTIONS.natGatewayPerGb },
  ],
  'microsoft.network/ddosprotectionplans': (r) => [{ category: 'Network', item: `${r.name} DDoS Network Protection`, monthly: PRICES.ddosPlanPerMonth }],
  'microsoft.network/privateendpoints': (r) => [{ category: 'Network', item: `${r.name}`, monthly: hourly(PRICES.privateEndpointPerHour) }],
  'microsoft.network/privatednszones': (r) => [{ category: 'Network', item: `${r.name}`, monthly: PRICES.privateDnsZonePerMonth }],
  'microsoft.keyvault/vaults': (r) => [{ category: 'Security and registry', item: `${r.name} operations`, monthly: PRICES.keyVaultPerMonth }],
  'microsoft.containerregistry/registries': (r) => [
    { category: 'Security and registry', item: `${r.name} ${str(prop(r, 'sku.name'))}`, monthly: DAYS_PER_MONTH * priceOf(PRICES.acrPerDay, str(prop(r, 'sku.name')), 'ACR SKU') },
  ],
  'microsoft.operationalinsights/workspaces': (r, env) => {
    const perDay = r.name.endsWith('-defender') ? USAGE_ASSUMPTIONS.defenderLogIngestionGbPerDay : USAGE_ASSUMPTIONS.logIngestionGbPerDay;
    const gbPerMonth = perDay[env] * DAYS_PER_MONTH;
    const retention = num(prop(r, 'properties.retentionInDays'), 30);
    const extraMonths = Math.max(0, retention - PRICES.logAnalytics.freeRetentionDays) / DAYS_PER_MONTH;
    return [
      { category: 'Monitoring', item: `${r.name} ingestion ${gbPerMonth.toFixed(0)} GB`, monthly: gbPerMonth * PRICES.logAnalytics.ingestionPerGb },
      { category: 'Monitoring', item: `${r.name} retention to ${retention} days`, monthly: gbPerMonth * extraMonths * PRICES.logAnalytics.retentionPerGbMonth },
    ];
  },
  'microsoft.insights/metricalerts': (r) => [{ category: 'Monitoring', item: r.name, monthly: PRICES.metricAlertPerMonth }],
  'microsoft.insights/scheduledqueryrules': (r) => [{ category: 'Monitoring', item: r.name, monthly: PRICES.logAlertPerMonth }],
};

const FREE = new Set(FREE_TYPES.map((t) => t.toLowerCase()));

/** Resource types of the snapshot that are neither priced nor known to be free. */
export const unpricedTypes = (s: Snapshot): string[] =>
  [...new Set(s.predictedResources.map((r) => r.type))].filter((t) => !FREE.has(t.toLowerCase()) && PRICERS[t.toLowerCase()] === undefined).sort();

export const estimate = (s: Snapshot, env: 'dev' | 'prod'): CostLine[] => {
  const missing = unpricedTypes(s);
  if (missing.length > 0) throw new Error(`no price model for ${missing.join(', ')}: add it to infra-bicep/cost/estimate.ts`);
  return s.predictedResources.flatMap((r) => PRICERS[r.type.toLowerCase()]?.(r, env) ?? []);
};

export const totalsByCategory = (lines: readonly CostLine[]): Map<Category, number> => {
  const totals = new Map<Category, number>();
  for (const l of lines) totals.set(l.category, (totals.get(l.category) ?? 0) + l.monthly);
  return totals;
};
