/**
 * Rules asserted on the evaluated `bicep snapshot` of each environment, named after the PSRule for
 * Azure rules they mirror (https://azure.github.io/PSRule.Rules.Azure/en/rules/). Rules with no
 * PSRule counterpart carry a `TripGen.` prefix. Properties are matched case-insensitively.
 * A rule applies to the resources of its type; `applicable` counts them, so that a rule which
 * silently matched nothing is visible (the prod test requires every rule to apply).
 */
import type { Snapshot, SnapshotResource } from '../../lib/bicep.ts';
import { asArray, ofType, prop, sameText } from '../../lib/props.ts';

export interface RuleResult {
  readonly applicable: number;
  readonly failures: readonly string[];
}

export interface Rule {
  readonly id: string;
  /** Only prod must pass it: what bicep-rules.md marks "prod" (AKS SLA, zones, scaling, upgrades; Service Bus Premium + geo-DR; DDoS). */
  readonly prodOnly: boolean;
  readonly check: (s: Snapshot) => RuleResult;
}

/** A failure message, or null when the resource passes. */
type Test = (r: SnapshotResource, s: Snapshot) => string | null;

const each =
  (type: string, test: Test, where: (r: SnapshotResource) => boolean = () => true) =>
  (s: Snapshot): RuleResult => {
    const resources = ofType(s.predictedResources, type).filter(where);
    const failures = resources.flatMap((r) => {
      const failure = test(r, s);
      return failure === null ? [] : [`${r.name}: ${failure}`];
    });
    return { applicable: resources.length, failures };
  };

const expect = (actual: unknown, wanted: unknown, what: string): string | null =>
  (typeof wanted === 'string' ? sameText(actual, wanted) : actual === wanted)
    ? null
    : `${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`;

const firstFailure = (...results: (string | null)[]): string | null => results.find((r) => r !== null) ?? null;

const DIAGNOSTIC_SETTINGS = 'Microsoft.Insights/diagnosticSettings';
const DIAG_SEPARATOR = '/providers/microsoft.insights/diagnosticsettings/';

/** Diagnostic settings whose scope is the resource. */
export const diagnosticsOf = (s: Snapshot, r: SnapshotResource): SnapshotResource[] =>
  ofType(s.predictedResources, DIAGNOSTIC_SETTINGS).filter((d) => {
    const id = d.id.toLowerCase();
    const at = id.lastIndexOf(DIAG_SEPARATOR);
    return at > 0 && id.slice(0, at) === r.id.toLowerCase();
  });

const logCategories = (d: SnapshotResource): string[] =>
  asArray(prop(d, 'properties.logs'))
    .filter((l) => prop(l, 'enabled') === true)
    .map((l) => String(prop(l, 'category') ?? `group:${String(prop(l, 'categoryGroup'))}`).toLowerCase());

const metricCategories = (d: SnapshotResource): string[] =>
  asArray(prop(d, 'properties.metrics'))
    .filter((m) => prop(m, 'enabled') === true)
    .map((m) => String(prop(m, 'category')).toLowerCase());

/** A diagnostic setting of the resource that sends to Log Analytics and covers every wanted log category. */
const hasLogs =
  (wanted: readonly string[], metrics = false): Test =>
  (r, s) => {
    const settings = diagnosticsOf(s, r).filter((d) => typeof prop(d, 'properties.workspaceId') === 'string');
    const covered = (d: SnapshotResource) => {
      const logs = logCategories(d);
      // The allLogs group covers every category and the audit group.
      const all = logs.includes('group:alllogs');
      return wanted.every((c) => all || logs.includes(c.toLowerCase())) && (!metrics || metricCategories(d).includes('allmetrics'));
    };
    return settings.some(covered) ? null : `no diagnostic setting to Log Analytics with ${wanted.join(', ')}${metrics ? ' + AllMetrics' : ''}`;
  };

const AKS = 'Microsoft.ContainerService/managedClusters';
const POSTGRES = 'Microsoft.DBforPostgreSQL/flexibleServers';
const isReplica = (r: SnapshotResource) => sameText(prop(r, 'properties.createMode'), 'Replica');
const pools = (r: SnapshotResource) => asArray(prop(r, 'properties.agentPoolProfiles'));
/** Storage sizes (GiB) a Flexible Server can have (Premium SSD); anything else is rejected. */
const POSTGRES_STORAGE_SIZES_GB: readonly number[] = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767];

/** Resource types in this template that support diagnostic settings. */
export const DIAGNOSABLE_TYPES = [
  AKS,
  'Microsoft.KeyVault/vaults',
  'Microsoft.ContainerRegistry/registries',
  'Microsoft.ServiceBus/namespaces',
  'Microsoft.EventHub/namespaces',
  POSTGRES,
  'Microsoft.Cache/redisEnterprise',
  'Microsoft.Cache/redisEnterprise/databases',
  'Microsoft.Network/applicationGateways',
  'Microsoft.Network/publicIPAddresses',
  'Microsoft.Network/networkSecurityGroups',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.Insights/components',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Storage/storageAccounts/blobServices',
  'Microsoft.Logic/workflows',
] as const;

/**
 * Every other resource type of the snapshots, with why it has no diagnostic setting of its own. A
 * test requires each type of both snapshots to be in one of the two lists, so a new resource type
 * cannot slip past TripGen.Monitor.DiagnosticsEverywhere unclassified.
 */
export const NOT_DIAGNOSABLE_TYPES: Readonly<Record<string, string>> = {
  'Microsoft.Resources/resourceGroups': 'control-plane operations are in the subscription activity log',
  'Microsoft.Insights/diagnosticSettings': 'is the diagnostic setting',
  'Microsoft.Insights/actionGroups': 'no resource logs or exportable metrics',
  'Microsoft.Insights/metricAlerts': 'no resource logs; alert history is in the activity log',
  'Microsoft.Insights/scheduledQueryRules': 'no GA resource log category; alert history is in the activity log',
  'Microsoft.Network/ddosProtectionPlans': 'DDoS logs and metrics are diagnostic settings of the protected public IPs',
  'Microsoft.Network/natGateways':
    'its metrics are not exportable through diagnostic settings (Azure Monitor: DS Export No); flow logs (NatGatewayFlowlogsV1) belong to the StandardV2 SKU',
  'Microsoft.Network/privateEndpoints': 'no resource logs; traffic shows in the target resource\'s logs',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': 'child configuration of a private endpoint',
  'Microsoft.Network/privateDnsZones': 'no resource logs (query metrics only in Azure Monitor metrics)',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': 'child configuration of a private DNS zone',
  'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies': 'WAF logs are the Application Gateway\'s diagnostic setting',
  'Microsoft.KeyVault/vaults/keys': 'key operations are logged by the vault\'s AuditEvent category',
  'Microsoft.ServiceBus/namespaces/queues': 'logged by the namespace\'s diagnostic setting',
  'Microsoft.ServiceBus/namespaces/networkRuleSets': 'child configuration of the namespace',
  'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs': 'child configuration of the namespace',
  'Microsoft.EventHub/namespaces/eventhubs': 'logged by the namespace\'s diagnostic setting',
  'Microsoft.DBforPostgreSQL/flexibleServers/administrators': 'child configuration of the server',
  'Microsoft.DBforPostgreSQL/flexibleServers/configurations': 'child configuration of the server',
  'Microsoft.DBforPostgreSQL/flexibleServers/databases': 'logged by the server\'s diagnostic setting',
  'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments': 'child configuration of the database',
  'Microsoft.ManagedIdentity/userAssignedIdentities': 'no resource logs; sign-ins are in Entra ID logs',
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': 'child configuration of the identity',
  'Microsoft.Authorization/roleAssignments': 'changes are in the activity log',
  'Microsoft.ContainerService/managedClusters/maintenanceConfigurations': 'child configuration of the cluster',
  'Microsoft.Storage/storageAccounts/blobServices/containers': 'logged by the blob service\'s diagnostic setting',
  'Microsoft.Storage/storageAccounts/managementPolicies': 'child configuration of the account; its deletions are blob service logs',
};

const rule = (id: string, check: Rule['check'], prodOnly = false): Rule => ({ id, prodOnly, check });

export const RULES: readonly Rule[] = [
  // --- AKS ---
  rule('Azure.AKS.ManagedAAD', each(AKS, (r) => expect(prop(r, 'properties.aadProfile.managed'), true, 'aadProfile.managed'))),
  rule('Azure.AKS.AzureRBAC', each(AKS, (r) => expect(prop(r, 'properties.aadProfile.enableAzureRBAC'), true, 'aadProfile.enableAzureRBAC'))),
  rule('Azure.AKS.UseRBAC', each(AKS, (r) => expect(prop(r, 'properties.enableRBAC'), true, 'enableRBAC'))),
  rule('Azure.AKS.LocalAccounts', each(AKS, (r) => expect(prop(r, 'properties.disableLocalAccounts'), true, 'disableLocalAccounts'))),
  rule(
    'Azure.AKS.ManagedIdentity',
    each(AKS, (r) =>
      ['SystemAssigned', 'UserAssigned'].some((t) => sameText(prop(r, 'identity.type'), t)) ? null : 'no managed identity',
    ),
  ),
  rule(
    'TripGen.AKS.WorkloadIdentity',
    each(AKS, (r) =>
      firstFailure(
        expect(prop(r, 'properties.securityProfile.workloadIdentity.enabled'), true, 'securityProfile.workloadIdentity.enabled'),
        expect(prop(r, 'properties.oidcIssuerProfile.enabled'), true, 'oidcIssuerProfile.enabled'),
      ),
    ),
  ),
  rule(
    'Azure.AKS.NetworkPolicy',
    each(AKS, (r) =>
      ['azure', 'calico', 'cilium'].some((p) => sameText(prop(r, 'properties.networkProfile.networkPolicy'), p))
        ? null
        : 'no network policy engine',
    ),
  ),
  rule(
    // The workload namespaces enforce Pod Security "restricted": the mesh must redirect traffic with
    // its chained CNI plugin, not with the istio-init container (NET_ADMIN/NET_RAW, root).
    'TripGen.AKS.IstioCNI',
    each(AKS, (r) =>
      expect(prop(r, 'properties.serviceMeshProfile.istio.components.proxyRedirectionMechanism'), 'CNIChaining', 'Istio proxy redirection'),
    ),
  ),
  rule('Azure.AKS.AzurePolicyAddOn', each(AKS, (r) => expect(prop(r, 'properties.addonProfiles.azurepolicy.enabled'), true, 'azurepolicy add-on'))),
  rule(
    'Azure.AKS.SecretStore',
    each(AKS, (r) => expect(prop(r, 'properties.addonProfiles.azureKeyvaultSecretsProvider.enabled'), true, 'Key Vault CSI add-on')),
  ),
  rule(
    'Azure.AKS.SecretStoreRotation',
    each(AKS, (r) =>
      // A string, not a boolean: the add-on config is a map of strings.
      expect(prop(r, 'properties.addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation'), 'true', 'enableSecretRotation'),
    ),
  ),
  rule('Azure.AKS.ContainerInsights', each(AKS, (r) => expect(prop(r, 'properties.addonProfiles.omsagent.enabled'), true, 'omsagent add-on'))),
  rule(
    'Azure.AKS.DefenderProfile',
    each(AKS, (r) => expect(prop(r, 'properties.securityProfile.defender.securityMonitoring.enabled'), true, 'Defender security monitoring')),
  ),
  rule('Azure.AKS.UptimeSLA', each(AKS, (r) => expect(prop(r, 'sku.tier'), 'Standard', 'sku.tier')), true),
  rule(
    'Azure.AKS.AvailabilityZone',
    each(AKS, (r) => {
      const regional = pools(r).filter((p) => asArray(prop(p, 'availabilityZones')).length < 2);
      return regional.length === 0 ? null : `pools without zones: ${regional.map((p) => String(prop(p, 'name'))).join(', ')}`;
    }),
    true,
  ),
  rule(
    'Azure.AKS.AutoScaling',
    each(AKS, (r) => {
      const fixed = pools(r).filter((p) => prop(p, 'enableAutoScaling') !== true);
      return fixed.length === 0 ? null : `pools without autoscaling: ${fixed.map((p) => String(prop(p, 'name'))).join(', ')}`;
    }),
    true,
  ),
  rule(
    'Azure.AKS.MinNodeCount',
    each(AKS, (r) => {
      const system = pools(r).filter((p) => sameText(prop(p, 'mode'), 'System'));
      const small = system.filter((p) => Number(prop(p, 'count')) < 3 || (prop(p, 'enableAutoScaling') === true && Number(prop(p, 'minCount')) < 3));
      return system.length > 0 && small.length === 0 ? null : 'system pools must keep at least 3 nodes';
    }),
    true,
  ),
  rule(
    'Azure.AKS.AutoUpgrade',
    each(AKS, (r) => {
      const channel = prop(r, 'properties.autoUpgradeProfile.upgradeChannel');
      return typeof channel === 'string' && !sameText(channel, 'none') ? null : 'no auto-upgrade channel';
    }),
    true,
  ),
  rule(
    'Azure.AKS.MaintenanceWindow',
    each(
      AKS,
      (r, s) => {
        const names = ofType(s.predictedResources, `${AKS}/maintenanceConfigurations`)
          .filter((m) => m.id.toLowerCase().startsWith(`${r.id.toLowerCase()}/`))
          .map((m) => m.id.split('/').pop()?.toLowerCase());
        const missing = ['aksManagedAutoUpgradeSchedule', 'aksManagedNodeOSUpgradeSchedule'].filter((n) => !names.includes(n.toLowerCase()));
        return missing.length === 0 ? null : `missing maintenance configurations ${missing.join(', ')}`;
      },
    ),
    true,
  ),
  rule(
    'Azure.AKS.NodeAutoUpgrade',
    each(AKS, (r) => {
      const channel = prop(r, 'properties.autoUpgradeProfile.nodeOSUpgradeChannel');
      return ['NodeImage', 'SecurityPatch'].some((c) => sameText(channel, c)) ? null : `node OS upgrade channel ${String(channel)}`;
    }),
  ),
  rule('Azure.AKS.StandardLB', each(AKS, (r) => expect(prop(r, 'properties.networkProfile.loadBalancerSku'), 'standard', 'loadBalancerSku'))),
  rule(
    'Azure.AKS.PoolScaleSet',
    each(AKS, (r) => (pools(r).every((p) => sameText(prop(p, 'type'), 'VirtualMachineScaleSets')) ? null : 'a pool is not a scale set')),
  ),
  rule('Azure.AKS.AuditLogs', each(AKS, hasLogs(['kube-audit-admin', 'guard']))),
  rule(
    'Azure.AKS.PlatformLogs',
    each(AKS, hasLogs(['cluster-autoscaler', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'], true)),
  ),
  rule(
    'Azure.AKS.AuditAdmin',
    each(AKS, (r, s) =>
      diagnosticsOf(s, r).some((d) => logCategories(d).includes('kube-audit')) ? 'kube-audit (reads included) instead of kube-audit-admin' : null,
    ),
  ),

  // --- PostgreSQL ---
  rule(
    'Azure.PostgreSQL.ZoneRedundantHA',
    each(
      POSTGRES,
      (r) =>
        firstFailure(
          expect(prop(r, 'properties.highAvailability.mode'), 'ZoneRedundant', 'highAvailability.mode'),
          String(prop(r, 'properties.highAvailability.standbyAvailabilityZone')) !== String(prop(r, 'properties.availabilityZone'))
            ? null
            : 'standby in the primary\'s zone',
        ),
      (r) => !isReplica(r),
    ),
  ),
  rule(
    'Azure.PostgreSQL.GeoRedundantBackup',
    each(POSTGRES, (r) => expect(prop(r, 'properties.backup.geoRedundantBackup'), 'Enabled', 'backup.geoRedundantBackup'), (r) => !isReplica(r)),
  ),
  rule(
    'TripGen.PostgreSQL.BackupRetention35',
    each(POSTGRES, (r) => expect(prop(r, 'properties.backup.backupRetentionDays'), 35, 'backup.backupRetentionDays'), (r) => !isReplica(r)),
  ),
  rule(
    'TripGen.PostgreSQL.PrivateAccess',
    each(POSTGRES, (r) => expect(prop(r, 'properties.network.publicNetworkAccess'), 'Disabled', 'network.publicNetworkAccess')),
  ),
  rule(
    'Azure.PostgreSQL.AAD',
    each(
      POSTGRES,
      (r, s) =>
        firstFailure(
          expect(prop(r, 'properties.authConfig.activeDirectoryAuth'), 'Enabled', 'authConfig.activeDirectoryAuth'),
          ofType(s.predictedResources, `${POSTGRES}/administrators`).some((a) => a.id.toLowerCase().startsWith(`${r.id.toLowerCase()}/`))
            ? null
            : 'no Entra ID administrator',
        ),
      (r) => !isReplica(r),
    ),
  ),
  rule(
    'Azure.PostgreSQL.AADOnly',
    each(POSTGRES, (r) => expect(prop(r, 'properties.authConfig.passwordAuth'), 'Disabled', 'authConfig.passwordAuth'), (r) => !isReplica(r)),
  ),
  rule(
    'TripGen.PostgreSQL.ReplicaAsAzureAllows',
    each(
      POSTGRES,
      (r) =>
        firstFailure(
          typeof prop(r, 'properties.sourceServerResourceId') === 'string' ? null : 'no sourceServerResourceId',
          expect(prop(r, 'properties.highAvailability.mode'), 'Disabled', 'highAvailability.mode'),
          expect(prop(r, 'properties.backup.geoRedundantBackup'), 'Disabled', 'backup.geoRedundantBackup'),
        ),
      isReplica,
    ),
  ),

  // --- Azure Managed Redis ---
  rule('Azure.RedisEnterprise.MinTLS', each('Microsoft.Cache/redisEnterprise', (r) => expect(prop(r, 'properties.minimumTlsVersion'), '1.2', 'minimumTlsVersion'))),
  rule(
    'Azure.RedisEnterprise.Zones',
    each('Microsoft.Cache/redisEnterprise', (r) => {
      const sku = String(prop(r, 'sku.name'));
      // Enterprise SKUs take explicit zones; Azure Managed Redis SKUs spread replicas over zones when HA is on.
      return sku.startsWith('Enterprise')
        ? asArray(prop(r, 'zones')).length === 3
          ? null
          : 'not zone redundant'
        : expect(prop(r, 'properties.highAvailability'), 'Enabled', 'highAvailability');
    }),
  ),
  rule(
    'TripGen.RedisEnterprise.OnePersistenceMode',
    each('Microsoft.Cache/redisEnterprise/databases', (r) => {
      const modes = [prop(r, 'properties.persistence.aofEnabled'), prop(r, 'properties.persistence.rdbEnabled')].filter((m) => m === true);
      return modes.length === 1 ? null : `${modes.length} persistence modes enabled`;
    }),
  ),
  rule('Azure.Redis.MigrateAMR', (s) => {
    const classic = ofType(s.predictedResources, 'Microsoft.Cache/redis');
    const managed = ofType(s.predictedResources, 'Microsoft.Cache/redisEnterprise');
    return { applicable: classic.length + managed.length, failures: classic.map((r) => `${r.name}: classic Azure Cache for Redis`) };
  }),

  // --- Service Bus and Event Hubs ---
  rule('Azure.ServiceBus.DisableLocalAuth', each('Microsoft.ServiceBus/namespaces', (r) => expect(prop(r, 'properties.disableLocalAuth'), true, 'disableLocalAuth'))),
  rule('Azure.ServiceBus.MinTLS', each('Microsoft.ServiceBus/namespaces', (r) => expect(prop(r, 'properties.minimumTlsVersion'), '1.2', 'minimumTlsVersion'))),
  rule('Azure.ServiceBus.AuditLogs', each('Microsoft.ServiceBus/namespaces', hasLogs(['group:audit']))),
  rule(
    'TripGen.ServiceBus.PremiumPrivate',
    each(
      'Microsoft.ServiceBus/namespaces',
      (r) =>
        firstFailure(
          expect(prop(r, 'sku.name'), 'Premium', 'sku.name'),
          expect(prop(r, 'sku.capacity'), 2, 'sku.capacity'),
          expect(prop(r, 'properties.publicNetworkAccess'), 'Disabled', 'publicNetworkAccess'),
        ),
    ),
    true,
  ),
  rule(
    'TripGen.ServiceBus.GeoDR',
    (s) => {
      const primaries = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces').filter((n) => !n.name.endsWith('-dr'));
      const pairings = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs');
      const failures = primaries
        .filter((p) => !pairings.some((d) => d.id.toLowerCase().startsWith(`${p.id.toLowerCase()}/`) && typeof prop(d, 'properties.partnerNamespace') === 'string'))
        .map((p) => `${p.name}: no geo-DR pairing`);
      return { applicable: primaries.length, failures };
    },
    true,
  ),
  rule('Azure.EventHub.DisableLocalAuth', each('Microsoft.EventHub/namespaces', (r) => expect(prop(r, 'properties.disableLocalAuth'), true, 'disableLocalAuth'))),
  rule('Azure.EventHub.MinTLS', each('Microsoft.EventHub/namespaces', (r) => expect(prop(r, 'properties.minimumTlsVersion'), '1.2', 'minimumTlsVersion'))),

  // --- Application Gateway and WAF ---
  rule('Azure.AppGw.UseWAF', each('Microsoft.Network/applicationGateways', (r) => expect(prop(r, 'properties.sku.tier'), 'WAF_v2', 'sku.tier'))),
  // bicep-rules.md calls it Azure.AppGw.MinTLS; PSRule's id is Azure.AppGw.SSLPolicy.
  rule(
    'Azure.AppGw.SSLPolicy',
    each('Microsoft.Network/applicationGateways', (r) => {
      const type = prop(r, 'properties.sslPolicy.policyType');
      const name = String(prop(r, 'properties.sslPolicy.policyName') ?? '');
      const min = prop(r, 'properties.sslPolicy.minProtocolVersion');
      const ok = sameText(type, 'Predefined')
        ? ['AppGwSslPolicy20170401S', 'AppGwSslPolicy20220101', 'AppGwSslPolicy20220101S'].some((p) => sameText(name, p))
        : ['TLSv1_2', 'TLSv1_3'].some((v) => sameText(min, v));
      return ok ? null : 'TLS policy allows versions below 1.2';
    }),
  ),
  rule(
    'Azure.AppGw.AvailabilityZone',
    each('Microsoft.Network/applicationGateways', (r) => (asArray(prop(r, 'zones')).length >= 2 ? null : 'not zone redundant')),
  ),
  rule(
    'Azure.AppGw.MinInstance',
    each('Microsoft.Network/applicationGateways', (r) => {
      const min = prop(r, 'properties.autoscaleConfiguration.minCapacity') ?? prop(r, 'properties.sku.capacity');
      return Number(min) >= 2 ? null : `minimum capacity ${String(min)} < 2`;
    }),
  ),
  rule(
    'Azure.AppGw.UseHTTPS',
    each('Microsoft.Network/applicationGateways', (r) => {
      const httpListeners = asArray(prop(r, 'properties.httpListeners'))
        .filter((l) => sameText(prop(l, 'properties.protocol'), 'Http'))
        .map((l) => String(prop(l, 'name')).toLowerCase());
      const rules = asArray(prop(r, 'properties.requestRoutingRules'));
      const servingHttp = httpListeners.filter((listener) =>
        rules.some((rr) => String(prop(rr, 'properties.httpListener.id')).toLowerCase().endsWith(`/${listener}`) && prop(rr, 'properties.redirectConfiguration') === undefined),
      );
      return servingHttp.length === 0 ? null : `HTTP listeners serving content: ${servingHttp.join(', ')}`;
    }),
  ),
  rule(
    'Azure.AppGwWAF.Enabled',
    each('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', (r) => expect(prop(r, 'properties.policySettings.state'), 'Enabled', 'policySettings.state')),
  ),
  rule(
    'Azure.AppGwWAF.PreventionMode',
    each('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', (r) => expect(prop(r, 'properties.policySettings.mode'), 'Prevention', 'policySettings.mode')),
  ),
  rule(
    'Azure.AppGwWAF.RuleGroups',
    each('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', (r) => {
      const sets = asArray(prop(r, 'properties.managedRules.managedRuleSets')).map((m) => String(prop(m, 'ruleSetType')).toLowerCase());
      const missing = ['OWASP', 'Microsoft_BotManagerRuleSet'].filter((t) => !sets.includes(t.toLowerCase()) && !(t === 'OWASP' && sets.includes('microsoft_defaultruleset')));
      return missing.length === 0 ? null : `missing managed rule sets ${missing.join(', ')}`;
    }),
  ),
  rule(
    'Azure.AppGwWAF.Exclusions',
    each('Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies', (r) =>
      asArray(prop(r, 'properties.managedRules.exclusions')).length === 0 ? null : 'WAF exclusions configured',
    ),
  ),

  // --- Network ---
  rule(
    'Azure.VNET.UseNSGs',
    each('Microsoft.Network/virtualNetworks', (r) => {
      const bare = asArray(prop(r, 'properties.subnets')).filter((sn) => typeof prop(sn, 'properties.networkSecurityGroup.id') !== 'string');
      return bare.length === 0 ? null : `subnets without NSG: ${bare.map((sn) => String(prop(sn, 'name'))).join(', ')}`;
    }),
  ),
  rule(
    'Azure.VNET.PrivateSubnet',
    each('Microsoft.Network/virtualNetworks', (r) => {
      const open = asArray(prop(r, 'properties.subnets')).filter((sn) => prop(sn, 'properties.defaultOutboundAccess') !== false);
      return open.length === 0 ? null : `subnets with default outbound access: ${open.map((sn) => String(prop(sn, 'name'))).join(', ')}`;
    }),
  ),
  rule(
    'TripGen.VNET.DDoSProtection',
    each('Microsoft.Network/virtualNetworks', (r) =>
      firstFailure(
        expect(prop(r, 'properties.enableDdosProtection'), true, 'enableDdosProtection'),
        typeof prop(r, 'properties.ddosProtectionPlan.id') === 'string' ? null : 'no DDoS protection plan',
      ),
    ),
    true,
  ),
  rule('Azure.PublicIP.StandardSKU', each('Microsoft.Network/publicIPAddresses', (r) => expect(prop(r, 'sku.name'), 'Standard', 'sku.name'))),
  rule(
    'Azure.PublicIP.AvailabilityZone',
    each('Microsoft.Network/publicIPAddresses', (r) => (asArray(prop(r, 'zones')).length > 0 ? null : 'no availability zone')),
  ),

  // --- Key Vault ---
  rule('Azure.KeyVault.RBAC', each('Microsoft.KeyVault/vaults', (r) => expect(prop(r, 'properties.enableRbacAuthorization'), true, 'enableRbacAuthorization'))),
  rule('Azure.KeyVault.SoftDelete', each('Microsoft.KeyVault/vaults', (r) => expect(prop(r, 'properties.enableSoftDelete'), true, 'enableSoftDelete'))),
  rule('Azure.KeyVault.PurgeProtect', each('Microsoft.KeyVault/vaults', (r) => expect(prop(r, 'properties.enablePurgeProtection'), true, 'enablePurgeProtection'))),
  rule('Azure.KeyVault.Firewall', each('Microsoft.KeyVault/vaults', (r) => expect(prop(r, 'properties.networkAcls.defaultAction'), 'Deny', 'networkAcls.defaultAction'))),
  rule('Azure.KeyVault.Logs', each('Microsoft.KeyVault/vaults', hasLogs(['group:audit']))),
  rule(
    'Azure.KeyVault.AutoRotationPolicy',
    each('Microsoft.KeyVault/vaults/keys', (r) => {
      const actions = asArray(prop(r, 'properties.rotationPolicy.lifetimeActions'));
      const rotate = actions.find((a) => sameText(prop(a, 'action.type'), 'rotate'));
      return rotate !== undefined && sameText(prop(rotate, 'trigger.timeAfterCreate'), 'P90D') ? null : 'no 90-day rotation';
    }),
  ),

  // --- Container registry ---
  rule('Azure.ACR.AdminUser', each('Microsoft.ContainerRegistry/registries', (r) => expect(prop(r, 'properties.adminUserEnabled'), false, 'adminUserEnabled'))),
  rule('Azure.ACR.AnonymousAccess', each('Microsoft.ContainerRegistry/registries', (r) => expect(prop(r, 'properties.anonymousPullEnabled'), false, 'anonymousPullEnabled'))),
  rule('Azure.ACR.MinSku', each('Microsoft.ContainerRegistry/registries', (r) => (['Standard', 'Premium'].some((t) => sameText(prop(r, 'sku.name'), t)) ? null : 'Basic SKU'))),
  rule(
    'Azure.ACR.Retention',
    each('Microsoft.ContainerRegistry/registries', (r) => expect(prop(r, 'properties.policies.retentionPolicy.status'), 'enabled', 'retentionPolicy.status')),
  ),
  rule(
    'Azure.ACR.ExportPolicy',
    each('Microsoft.ContainerRegistry/registries', (r) => expect(prop(r, 'properties.policies.exportPolicy.status'), 'disabled', 'exportPolicy.status')),
  ),
  rule(
    'TripGen.ACR.PrivateAccess',
    each('Microsoft.ContainerRegistry/registries', (r) =>
      firstFailure(expect(prop(r, 'sku.name'), 'Premium', 'sku.name'), expect(prop(r, 'properties.publicNetworkAccess'), 'Disabled', 'publicNetworkAccess')),
    ),
  ),

  // --- Constraints of the Azure APIs (a template that breaks them compiles but fails to deploy) ---
  rule(
    'TripGen.AKS.SpotPoolsAreUserPools',
    each(AKS, (r) => {
      const spotSystem = pools(r).filter((p) => sameText(prop(p, 'scaleSetPriority'), 'Spot') && sameText(prop(p, 'mode'), 'System'));
      return spotSystem.length === 0 ? null : `spot system pools (AKS refuses them): ${spotSystem.map((p) => String(prop(p, 'name'))).join(', ')}`;
    }),
  ),
  rule(
    'TripGen.PostgreSQL.StorageSize',
    each(POSTGRES, (r, s) => {
      const size = Number(prop(r, 'properties.storage.storageSizeGB'));
      if (!POSTGRES_STORAGE_SIZES_GB.includes(size)) return `storage ${size} GiB is not a size Flexible Server offers (${POSTGRES_STORAGE_SIZES_GB.join(', ')})`;
      const source = ofType(s.predictedResources, POSTGRES).find((p) => sameText(prop(r, 'properties.sourceServerResourceId'), p.id));
      return source === undefined || size >= Number(prop(source, 'properties.storage.storageSizeGB')) ? null : 'replica storage smaller than its primary\'s';
    }),
  ),
  rule(
    'TripGen.RedisEnterprise.ManagedRedisSku',
    each('Microsoft.Cache/redisEnterprise', (r) =>
      /^(Balanced|MemoryOptimized|ComputeOptimized|FlashOptimized)_[ABMX]\d+$/.test(String(prop(r, 'sku.name')))
        ? null
        : `sku ${String(prop(r, 'sku.name'))} is not an Azure Managed Redis SKU`,
    ),
  ),
  rule(
    'TripGen.NATGateway.ZonalPublicIPs',
    each('Microsoft.Network/natGateways', (r, s) => {
      const zones = asArray(prop(r, 'zones'));
      if (zones.length !== 1) return `a NAT gateway is zonal: zones ${JSON.stringify(zones)}`;
      const ips = asArray(prop(r, 'properties.publicIpAddresses')).map((ip) => String(prop(ip, 'id')).toLowerCase());
      const astray = ofType(s.predictedResources, 'Microsoft.Network/publicIPAddresses')
        .filter((ip) => ips.includes(ip.id.toLowerCase()))
        .filter((ip) => JSON.stringify(asArray(prop(ip, 'zones'))) !== JSON.stringify(zones));
      return ips.length > 0 && astray.length === 0 ? null : `public IPs outside zone ${String(zones[0])}: ${astray.map((ip) => ip.name).join(', ') || 'none attached'}`;
    }),
  ),

  rule(
    'TripGen.AppGw.PublicIPZones',
    // Azure requires the frontend public IP in every zone of the gateway (a superset of its zones).
    each('Microsoft.Network/applicationGateways', (r, s) => {
      const zones = asArray(prop(r, 'zones')).map(String);
      const ipIds = asArray(prop(r, 'properties.frontendIPConfigurations'))
        .map((f) => prop(f, 'properties.publicIPAddress.id'))
        .filter((id): id is string => typeof id === 'string')
        .map((id) => id.toLowerCase());
      const ips = ofType(s.predictedResources, 'Microsoft.Network/publicIPAddresses').filter((ip) => ipIds.includes(ip.id.toLowerCase()));
      const short = ips.filter((ip) => !zones.every((z) => asArray(prop(ip, 'zones')).map(String).includes(z)));
      return ips.length > 0 && short.length === 0 ? null : `frontend public IPs not in every gateway zone: ${short.map((ip) => ip.name).join(', ') || 'none found'}`;
    }),
  ),
  rule(
    'TripGen.EventHub.PrivateAccess',
    each('Microsoft.EventHub/namespaces', (r) => expect(prop(r, 'properties.publicNetworkAccess'), 'Disabled', 'publicNetworkAccess')),
  ),
  rule(
    'TripGen.RedisEnterprise.PrivateEntraOnly',
    each('Microsoft.Cache/redisEnterprise', (r, s) =>
      firstFailure(
        expect(prop(r, 'properties.publicNetworkAccess'), 'Disabled', 'publicNetworkAccess'),
        ofType(s.predictedResources, 'Microsoft.Cache/redisEnterprise/databases')
          .filter((d) => d.id.toLowerCase().startsWith(`${r.id.toLowerCase()}/`))
          .every((d) => sameText(prop(d, 'properties.accessKeysAuthentication'), 'Disabled'))
          ? null
          : 'a database accepts access keys',
      ),
    ),
  ),

  // --- Monitoring and deployment hygiene ---
  rule('Azure.AppInsights.Workspace', each('Microsoft.Insights/components', (r) => (typeof prop(r, 'properties.WorkspaceResourceId') === 'string' ? null : 'classic (no workspace)'))),
  rule('Azure.AppInsights.LocalAuth', each('Microsoft.Insights/components', (r) => expect(prop(r, 'properties.DisableLocalAuth'), true, 'DisableLocalAuth'))),
  rule('Azure.Alert.MetricAutoMitigate', each('Microsoft.Insights/metricAlerts', (r) => expect(prop(r, 'properties.autoMitigate'), true, 'autoMitigate'))),
  rule('TripGen.Monitor.DiagnosticsEverywhere', (s) => {
    const resources = s.predictedResources.filter((r) => DIAGNOSABLE_TYPES.some((t) => sameText(r.type, t)));
    const failures = resources
      .filter((r) => !diagnosticsOf(s, r).some((d) => typeof prop(d, 'properties.workspaceId') === 'string'))
      .map((r) => `${r.type} ${r.name}: no diagnostic setting to Log Analytics`);
    return { applicable: resources.length, failures };
  }),
  rule('Azure.Deployment.OutputSecretValue', (s) => {
    const names = Object.keys(s.outputs);
    const secretLike = names.filter((n) => /secret|password|connectionstring|accesskey|primarykey|sas/i.test(n));
    return { applicable: names.length, failures: secretLike.map((n) => `output ${n} looks like a secret`) };
  }),
];

export const ruleById = (id: string): Rule => {
  const found = RULES.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};
