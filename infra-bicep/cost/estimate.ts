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
  // Their evaluations are billed as the workspace's queried samples (a few minutes of a few series
  // per rule and minute: cents next to the ingestion priced with Microsoft.Monitor/accounts).
  'Microsoft.AlertsManagement/prometheusRuleGroups',
  'Microsoft.Storage/storageAccounts/blobServices',
  'Microsoft.Storage/storageAccounts/blobServices/containers',
  'Microsoft.Storage/storageAccounts/managementPolicies',
] as const;

const hourly = (perHour: number) => perHour * HOURS_PER_MONTH;
const num = (v: unknown, fallback = 0) => (typeof v === 'number' ? v : fallback);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const priceOf = <T>(table: Readonly<Record<string, T>>, key: string, what: string): T => {
  const found = table[key];
  if (found === undefined) throw new Error(`no price for ${what} ${key}: add it to infra-bicep/cost/prices.ts`);
  return found;
};

type Pricer = (r: SnapshotResource, env: 'dev' | 'prod', s: Snapshot) => CostLine[];

const HOURS_PER_WEEK = 168;
const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** When a cluster runs, from the Logic Apps that start and stop it (modules/cluster-schedule.bicep). */
export interface ClusterSchedule {
  readonly cluster: string;
  readonly runningHoursPerWeek: number;
  readonly text: string;
}

/**
 * The start/stop schedules of the snapshot's clusters: every workflow whose HTTP action posts to a
 * managed cluster's `start` or `stop` action, at its weekly recurrence. A cluster is running from
 * each start to the next stop (the week wraps around).
 */
export function clusterSchedules(s: Snapshot): ClusterSchedule[] {
  const events = new Map<string, { minute: number; verb: 'start' | 'stop' }[]>();
  const zones = new Map<string, string>();
  for (const w of s.predictedResources.filter((r) => r.type.toLowerCase() === 'microsoft.logic/workflows')) {
    const recurrence = Object.values((prop(w, 'properties.definition.triggers') ?? {}) as Record<string, unknown>).map((t) => prop(t, 'recurrence')).find(Boolean);
    for (const action of Object.values((prop(w, 'properties.definition.actions') ?? {}) as Record<string, unknown>)) {
      // The URI is `<resource manager><cluster id>/<verb>`, still an ARM format() expression in the snapshot.
      const hit = /managedClusters\/([\w-]+)(?:'\s*,\s*'|\/)(start|stop)\b/i.exec(str(prop(action, 'inputs.uri')));
      if (!hit || str(prop(recurrence, 'frequency')) !== 'Week') continue;
      const list = events.get(hit[1]!) ?? [];
      for (const day of asArray(prop(recurrence, 'schedule.weekDays'))) {
        for (const hour of asArray(prop(recurrence, 'schedule.hours'))) {
          for (const minute of asArray(prop(recurrence, 'schedule.minutes')).length > 0 ? asArray(prop(recurrence, 'schedule.minutes')) : [0]) {
            list.push({ minute: (WEEK_DAYS.indexOf(String(day)) * 24 + num(hour)) * 60 + num(minute), verb: hit[2]!.toLowerCase() as 'start' | 'stop' });
          }
        }
      }
      events.set(hit[1]!, list);
      zones.set(hit[1]!, str(prop(recurrence, 'timeZone')));
    }
  }
  return [...events].map(([cluster, list]) => {
    const sorted = [...list].sort((a, b) => a.minute - b.minute);
    let running = 0;
    for (const [i, e] of sorted.entries()) {
      const next = sorted[(i + 1) % sorted.length]!;
      const span = (next.minute - e.minute + HOURS_PER_WEEK * 60) % (HOURS_PER_WEEK * 60) || HOURS_PER_WEEK * 60;
      if (e.verb === 'start') running += span;
    }
    const starts = sorted.filter((e) => e.verb === 'start');
    const stops = sorted.filter((e) => e.verb === 'stop');
    const hhmm = (m: number) => `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const days = (l: typeof sorted) => [...new Set(l.map((e) => WEEK_DAYS[Math.floor(e.minute / 1440)]!.slice(0, 3)))].join(',');
    return {
      cluster,
      runningHoursPerWeek: running / 60,
      text: `started ${days(starts)} ${[...new Set(starts.map((e) => hhmm(e.minute)))].join('/')}, stopped ${days(stops)} ${[...new Set(stops.map((e) => hhmm(e.minute)))].join('/')} (${zones.get(cluster)})`,
    };
  });
}

/** Share of the week a cluster runs: 1 without a schedule. */
const runningShare = (s: Snapshot, cluster: string): { share: number; schedule?: ClusterSchedule } => {
  const schedule = clusterSchedules(s).find((c) => c.cluster === cluster);
  return schedule ? { share: schedule.runningHoursPerWeek / HOURS_PER_WEEK, schedule } : { share: 1 };
};

const aks: Pricer = (r, _env, s) => {
  const lines: CostLine[] = [];
  // A stopped cluster "does not accrue charges" (Stop-AzAksCluster): its tier, nodes, disks and
  // per-vCPU Defender are billed for the hours it runs; its load balancer and IP keep billing.
  const { share, schedule } = runningShare(s, r.name);
  const hours = schedule ? `, ${schedule.runningHoursPerWeek} of ${HOURS_PER_WEEK} h a week` : '';
  if (str(prop(r, 'sku.tier')).toLowerCase() === 'standard') lines.push({ category: 'AKS', item: `${r.name} Standard tier${hours}`, monthly: hourly(PRICES.aksStandardTierPerHour) * share });
  let vcpus = 0;
  for (const pool of asArray(prop(r, 'properties.agentPoolProfiles'))) {
    const size = str(prop(pool, 'vmSize'));
    const vm = priceOf(PRICES.vm, size, 'VM size');
    // The autoscaler's floor is what runs most of the time.
    const nodes = prop(pool, 'enableAutoScaling') === true ? num(prop(pool, 'minCount')) : num(prop(pool, 'count'));
    const spot = str(prop(pool, 'scaleSetPriority')).toLowerCase() === 'spot';
    lines.push({ category: 'AKS', item: `pool ${str(prop(pool, 'name'))}: ${nodes} x ${size}${spot ? ' spot' : ''}${hours}`, monthly: nodes * hourly(vm.perHour) * (spot ? PRICES.spotFactor : 1) * share });
    lines.push({ category: 'AKS', item: `pool ${str(prop(pool, 'name'))}: ${nodes} OS disks${hours}`, monthly: nodes * PRICES.osDiskPerMonth * share });
    vcpus += nodes * vm.vcpus;
  }
  // The cluster's own Standard load balancer (in the node resource group, not in the template).
  lines.push({ category: 'Network', item: `${r.name} load balancer`, monthly: hourly(PRICES.loadBalancerStandardPerHour) });
  if (str(prop(r, 'properties.networkProfile.outboundType')).toLowerCase() === 'loadbalancer') {
    lines.push({ category: 'Network', item: `${r.name} outbound public IP`, monthly: hourly(PRICES.publicIpStandardPerHour) });
  }
  if (prop(r, 'properties.securityProfile.defender.securityMonitoring.enabled') === true) {
    lines.push({ category: 'Security and registry', item: `Defender for Containers, ${vcpus} vCPUs${hours}`, monthly: vcpus * PRICES.defenderPerVcpuMonth * share });
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
  'microsoft.monitor/accounts': (r, env) => {
    // Azure Monitor bills managed Prometheus per ingested sample: what the cluster remote-writes.
    const { series, scrapeIntervalSeconds, writers } = USAGE_ASSUMPTIONS.prometheusRemoteWrite;
    const samples = series[env] * writers * (HOURS_PER_MONTH * 3600) / scrapeIntervalSeconds;
    return [{ category: 'Monitoring', item: `${r.name} ingestion ${(samples / 1e6).toFixed(0)}M samples`, monthly: (samples / 1e7) * PRICES.prometheusIngestionPer10MSamples }];
  },
  'microsoft.insights/metricalerts': (r) => [{ category: 'Monitoring', item: r.name, monthly: PRICES.metricAlertPerMonth }],
  'microsoft.insights/scheduledqueryrules': (r) => [{ category: 'Monitoring', item: r.name, monthly: PRICES.logAlertPerMonth }],
  'microsoft.logic/workflows': (r) => {
    // Consumption: billed per execution (the trigger and each action), a few runs a week.
    const runsPerMonth = asArray(prop(Object.values((prop(r, 'properties.definition.triggers') ?? {}) as Record<string, unknown>)[0], 'recurrence.schedule.weekDays')).length * (DAYS_PER_MONTH / 7);
    const executions = runsPerMonth * (1 + Object.keys((prop(r, 'properties.definition.actions') ?? {}) as Record<string, unknown>).length);
    return [{ category: 'AKS', item: `${r.name} ${Math.round(executions)} executions`, monthly: executions * PRICES.logicAppExecution }];
  },
  'microsoft.storage/storageaccounts': (r) => [
    { category: 'PostgreSQL', item: `${r.name} backups, ${USAGE_ASSUMPTIONS.backupGbStored} GB cool`, monthly: USAGE_ASSUMPTIONS.backupGbStored * PRICES.blobCoolLrsPerGbMonth },
  ],
};

const FREE = new Set(FREE_TYPES.map((t) => t.toLowerCase()));

/** Resource types of the snapshot that are neither priced nor known to be free. */
export const unpricedTypes = (s: Snapshot): string[] =>
  [...new Set(s.predictedResources.map((r) => r.type))].filter((t) => !FREE.has(t.toLowerCase()) && PRICERS[t.toLowerCase()] === undefined).sort();

export const estimate = (s: Snapshot, env: 'dev' | 'prod'): CostLine[] => {
  const missing = unpricedTypes(s);
  if (missing.length > 0) throw new Error(`no price model for ${missing.join(', ')}: add it to infra-bicep/cost/estimate.ts`);
  return s.predictedResources.flatMap((r) => PRICERS[r.type.toLowerCase()]?.(r, env, s) ?? []);
};

export const totalsByCategory = (lines: readonly CostLine[]): Map<Category, number> => {
  const totals = new Map<Category, number>();
  for (const l of lines) totals.set(l.category, (totals.get(l.category) ?? 0) + l.monthly);
  return totals;
};

export interface Saving {
  readonly what: string;
  readonly monthly: number;
  /** Share of what the same resources would cost without the measure. */
  readonly share: number;
}

const total = (lines: readonly CostLine[]): number => lines.reduce((sum, l) => sum + l.monthly, 0);

/**
 * What the environment's cost measures save, each measured as the estimate without it minus the
 * estimate with it: spot pools (the seed's "Spot Instances (70% 절약)", §9.1.1) and the off-hours
 * shutdown schedule ("auto_shutdown: 비업무시간 자동 종료"). Both are already in `estimate`.
 */
export function savings(s: Snapshot, env: 'dev' | 'prod'): Saving[] {
  const actual = total(estimate(s, env));
  const found: Saving[] = [];
  const onDemand = structuredClone(s);
  const spotPools: string[] = [];
  for (const r of onDemand.predictedResources.filter((x) => x.type.toLowerCase() === 'microsoft.containerservice/managedclusters')) {
    for (const pool of asArray(prop(r, 'properties.agentPoolProfiles'))) {
      if (str(prop(pool, 'scaleSetPriority')).toLowerCase() !== 'spot') continue;
      (pool as Record<string, unknown>).scaleSetPriority = 'Regular';
      spotPools.push(str(prop(pool, 'name')));
    }
  }
  if (spotPools.length > 0) {
    const regular = estimate(onDemand, env);
    const saved = total(regular) - actual;
    // The spot pools' VMs at the on-demand price (their OS disks cost the same either way).
    const vmsOnDemand = total(regular.filter((l) => spotPools.some((p) => l.item.startsWith(`pool ${p}: `)) && / x Standard_/.test(l.item)));
    found.push({ what: `spot pool ${spotPools.join(', ')} (seed §9.1.1: 70% cheaper) against the same nodes on demand`, monthly: saved, share: vmsOnDemand > 0 ? saved / vmsOnDemand : 0 });
  }
  const schedules = clusterSchedules(s);
  if (schedules.length > 0) {
    const alwaysOn = { ...s, predictedResources: s.predictedResources.filter((r) => r.type.toLowerCase() !== 'microsoft.logic/workflows') };
    const saved = total(estimate(alwaysOn, env)) - actual;
    for (const c of schedules) {
      found.push({ what: `off-hours shutdown of ${c.cluster} (${c.text}; ${c.runningHoursPerWeek} of ${HOURS_PER_WEEK} h a week) against running it always`, monthly: saved, share: 1 - c.runningHoursPerWeek / HOURS_PER_WEEK });
    }
  }
  return found;
}
