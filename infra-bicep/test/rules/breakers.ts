/**
 * One way to break each rule on a copy of the prod snapshot: the rules test applies it and
 * requires the rule to fail, so every rule is proven able to fail on the resources it guards (a
 * rule whose filter matches nothing, or whose property path is wrong, could not). A test requires
 * a breaker for every rule.
 */
import type { Snapshot, SnapshotResource } from '../../lib/bicep.ts';
import { asArray, firstOfType as first, prop, sameText, setProp } from '../../lib/props.ts';

type Breaker = (s: Snapshot) => void;

const AKS = 'Microsoft.ContainerService/managedClusters';
const POSTGRES = 'Microsoft.DBforPostgreSQL/flexibleServers';
const REDIS = 'Microsoft.Cache/redisEnterprise';
const SERVICE_BUS = 'Microsoft.ServiceBus/namespaces';
const EVENT_HUBS = 'Microsoft.EventHub/namespaces';
const APP_GW = 'Microsoft.Network/applicationGateways';
const WAF = 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies';
const VNET = 'Microsoft.Network/virtualNetworks';
const PUBLIC_IP = 'Microsoft.Network/publicIPAddresses';
const KEY_VAULT = 'Microsoft.KeyVault/vaults';
const ACR = 'Microsoft.ContainerRegistry/registries';
const APP_INSIGHTS = 'Microsoft.Insights/components';

const isReplica = (r: SnapshotResource) => sameText(prop(r, 'properties.createMode'), 'Replica');
const primary = (r: SnapshotResource) => !isReplica(r);

/** Sets a property of the first resource of a type (keys matched case-insensitively). */
const set =
  (type: string, path: string, value: unknown, where?: (r: SnapshotResource) => boolean): Breaker =>
  (s) =>
    setProp(first(s, type, where), path, value);

const aksPools = (s: Snapshot) => asArray(prop(first(s, AKS), 'properties.agentPoolProfiles'));
const eachPool =
  (path: string, value: unknown): Breaker =>
  (s) =>
    setProp(aksPools(s)[0], path, value);

/** Removes resources whose id matches. */
const drop =
  (matches: (id: string) => boolean): Breaker =>
  (s) => {
    s.predictedResources = s.predictedResources.filter((r) => !matches(r.id.toLowerCase()));
  };
const diagnosticsOfType = (type: string) => (id: string) =>
  id.includes('/providers/microsoft.insights/diagnosticsettings/') && id.includes(`/providers/${type.toLowerCase()}/`);

/** Replaces the log categories of the AKS diagnostic setting with the given ones. */
const aksLogs =
  (categories: string[]): Breaker =>
  (s) => {
    const aks = first(s, AKS).id.toLowerCase();
    const setting = s.predictedResources.find((r) => r.id.toLowerCase().startsWith(`${aks}/providers/microsoft.insights/diagnosticsettings/`));
    if (setting === undefined) throw new Error('no AKS diagnostic setting');
    setProp(setting, 'properties.logs', categories.map((category) => ({ category, enabled: true })));
  };

export const BREAKERS: Readonly<Record<string, Breaker>> = {
  // --- AKS ---
  'Azure.AKS.ManagedAAD': set(AKS, 'properties.aadProfile.managed', false),
  'Azure.AKS.AzureRBAC': set(AKS, 'properties.aadProfile.enableAzureRBAC', false),
  'Azure.AKS.UseRBAC': set(AKS, 'properties.enableRBAC', false),
  'Azure.AKS.LocalAccounts': set(AKS, 'properties.disableLocalAccounts', false),
  'Azure.AKS.ManagedIdentity': set(AKS, 'identity', undefined),
  'TripGen.AKS.WorkloadIdentity': set(AKS, 'properties.securityProfile.workloadIdentity.enabled', false),
  'Azure.AKS.NetworkPolicy': set(AKS, 'properties.networkProfile.networkPolicy', 'none'),
  'TripGen.AKS.IstioCNI': set(AKS, 'properties.serviceMeshProfile.istio.components.proxyRedirectionMechanism', 'InitContainers'),
  'Azure.AKS.AzurePolicyAddOn': set(AKS, 'properties.addonProfiles.azurepolicy.enabled', false),
  'Azure.AKS.SecretStore': set(AKS, 'properties.addonProfiles.azureKeyvaultSecretsProvider.enabled', false),
  // A boolean true is not the string the add-on reads; different casing from the template's too.
  'Azure.AKS.SecretStoreRotation': set(AKS, 'PROPERTIES.addonProfiles.AZUREKEYVAULTSECRETSPROVIDER.config.enableSecretRotation', true),
  'Azure.AKS.ContainerInsights': set(AKS, 'properties.addonProfiles.omsAgent.enabled', false),
  'Azure.AKS.DefenderProfile': set(AKS, 'properties.securityProfile.defender', undefined),
  'Azure.AKS.UptimeSLA': set(AKS, 'sku.tier', 'Free'),
  'Azure.AKS.AvailabilityZone': eachPool('availabilityZones', undefined),
  'Azure.AKS.AutoScaling': eachPool('enableAutoScaling', false),
  'Azure.AKS.MinNodeCount': eachPool('minCount', 1),
  'Azure.AKS.AutoUpgrade': set(AKS, 'properties.autoUpgradeProfile.upgradeChannel', 'none'),
  'Azure.AKS.MaintenanceWindow': drop((id) => id.endsWith('/maintenanceconfigurations/aksmanagednodeosupgradeschedule')),
  'Azure.AKS.NodeAutoUpgrade': set(AKS, 'properties.autoUpgradeProfile.nodeOSUpgradeChannel', 'None'),
  'Azure.AKS.StandardLB': set(AKS, 'properties.networkProfile.loadBalancerSku', 'basic'),
  'Azure.AKS.PoolScaleSet': eachPool('type', 'AvailabilitySet'),
  'Azure.AKS.AuditLogs': aksLogs(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler', 'guard']),
  'Azure.AKS.PlatformLogs': aksLogs(['kube-audit-admin', 'guard']),
  'Azure.AKS.AuditAdmin': aksLogs(['kube-audit', 'kube-audit-admin', 'guard', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler']),
  'TripGen.AKS.SpotPoolsAreUserPools': eachPool('scaleSetPriority', 'Spot'),

  // --- PostgreSQL ---
  'Azure.PostgreSQL.ZoneRedundantHA': set(POSTGRES, 'properties.highAvailability.standbyAvailabilityZone', '1', primary),
  'Azure.PostgreSQL.GeoRedundantBackup': set(POSTGRES, 'properties.backup.geoRedundantBackup', 'Disabled', primary),
  'TripGen.PostgreSQL.BackupRetention35': set(POSTGRES, 'properties.backup.backupRetentionDays', 7, primary),
  'TripGen.PostgreSQL.PrivateAccess': set(POSTGRES, 'properties.network.publicNetworkAccess', 'Enabled'),
  'Azure.PostgreSQL.AAD': drop((id) => id.includes('/flexibleservers/') && id.includes('/administrators/')),
  'Azure.PostgreSQL.AADOnly': set(POSTGRES, 'properties.authConfig.passwordAuth', 'Enabled', primary),
  // The seed's 100 GB is not a size Azure offers.
  'TripGen.PostgreSQL.StorageSize': set(POSTGRES, 'properties.storage.storageSizeGB', 100, primary),

  // --- Azure Managed Redis ---
  'Azure.RedisEnterprise.MinTLS': set(REDIS, 'properties.minimumTlsVersion', '1.0'),
  'Azure.RedisEnterprise.Zones': set(REDIS, 'properties.highAvailability', 'Disabled'),
  'TripGen.RedisEnterprise.OnePersistenceMode': set(`${REDIS}/databases`, 'properties.persistence.rdbEnabled', true),
  'TripGen.RedisEnterprise.ManagedRedisSku': set(REDIS, 'sku.name', 'Premium_P1'),
  'Azure.Redis.MigrateAMR': (s) => {
    s.predictedResources.push({ id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Cache/redis/classic', type: 'Microsoft.Cache/redis', name: 'classic' });
  },

  // --- Service Bus and Event Hubs ---
  'Azure.ServiceBus.DisableLocalAuth': set(SERVICE_BUS, 'properties.disableLocalAuth', false),
  'Azure.ServiceBus.MinTLS': set(SERVICE_BUS, 'properties.minimumTlsVersion', '1.0'),
  'Azure.ServiceBus.AuditLogs': drop(diagnosticsOfType(SERVICE_BUS)),
  'TripGen.ServiceBus.PremiumPrivate': set(SERVICE_BUS, 'sku.capacity', 1),
  'TripGen.ServiceBus.GeoDR': drop((id) => id.includes('/disasterrecoveryconfigs/')),
  'TripGen.ServiceBus.QueueSizeForTier': set('Microsoft.ServiceBus/namespaces/queues', 'properties.maxSizeInMegabytes', 1024),
  'Azure.EventHub.DisableLocalAuth': set(EVENT_HUBS, 'properties.disableLocalAuth', false),
  'Azure.EventHub.MinTLS': set(EVENT_HUBS, 'properties.minimumTlsVersion', '1.1'),

  // --- Application Gateway and WAF ---
  'Azure.AppGw.UseWAF': set(APP_GW, 'properties.sku.tier', 'Standard_v2'),
  'Azure.AppGw.SSLPolicy': set(APP_GW, 'properties.sslPolicy', { policyType: 'Predefined', policyName: 'AppGwSslPolicy20150501' }),
  'Azure.AppGw.AvailabilityZone': set(APP_GW, 'zones', ['1']),
  'Azure.AppGw.MinInstance': set(APP_GW, 'properties.autoscaleConfiguration.minCapacity', 1),
  'Azure.AppGw.UseHTTPS': (s) => {
    const rules = asArray(prop(first(s, APP_GW), 'properties.requestRoutingRules'));
    const redirect = rules.find((r) => prop(r, 'properties.redirectConfiguration') !== undefined);
    setProp(redirect, 'properties.redirectConfiguration', undefined);
  },
  'Azure.AppGwWAF.Enabled': set(WAF, 'properties.policySettings.state', 'Disabled'),
  'Azure.AppGwWAF.PreventionMode': set(WAF, 'properties.policySettings.mode', 'Detection'),
  'Azure.AppGwWAF.RuleGroups': set(WAF, 'properties.managedRules.managedRuleSets', [{ ruleSetType: 'OWASP', ruleSetVersion: '3.2' }]),
  'TripGen.AppGwWAF.RateLimitPerClient': set(WAF, 'properties.customRules', []),
  'Azure.AppGwWAF.Exclusions': set(WAF, 'properties.managedRules.exclusions', [{ matchVariable: 'RequestHeaderNames', selectorMatchOperator: 'Equals', selector: 'x' }]),

  // --- Network ---
  'Azure.VNET.UseNSGs': (s) => setProp(asArray(prop(first(s, VNET), 'properties.subnets'))[0], 'properties.networkSecurityGroup', undefined),
  'Azure.VNET.PrivateSubnet': (s) => setProp(asArray(prop(first(s, VNET), 'properties.subnets'))[0], 'properties.defaultOutboundAccess', true),
  'TripGen.VNET.DDoSProtection': set(VNET, 'properties.ddosProtectionPlan', undefined),
  'Azure.PublicIP.StandardSKU': set(PUBLIC_IP, 'sku.name', 'Basic'),
  'Azure.PublicIP.AvailabilityZone': set(PUBLIC_IP, 'zones', [], (r) => r.name.startsWith('pip-agw-')),
  // The form before issue 12: a Standard (zonal) NAT gateway.
  'TripGen.NATGateway.ZoneRedundant': set('Microsoft.Network/natGateways', 'sku.name', 'Standard'),

  // --- Key Vault ---
  'Azure.KeyVault.RBAC': set(KEY_VAULT, 'properties.enableRbacAuthorization', false),
  'Azure.KeyVault.SoftDelete': set(KEY_VAULT, 'properties.enableSoftDelete', false),
  'Azure.KeyVault.PurgeProtect': set(KEY_VAULT, 'properties.enablePurgeProtection', false),
  'Azure.KeyVault.Firewall': set(KEY_VAULT, 'properties.networkAcls.defaultAction', 'Allow'),
  'Azure.KeyVault.Logs': drop(diagnosticsOfType(KEY_VAULT)),

  // --- Container registry ---
  'Azure.ACR.AdminUser': set(ACR, 'properties.adminUserEnabled', true),
  'Azure.ACR.AnonymousAccess': set(ACR, 'properties.anonymousPullEnabled', true),
  'Azure.ACR.MinSku': set(ACR, 'sku.name', 'Basic'),
  'Azure.ACR.Retention': set(ACR, 'properties.policies.retentionPolicy.status', 'disabled'),
  'Azure.ACR.ExportPolicy': set(ACR, 'properties.policies.exportPolicy.status', 'enabled'),
  'TripGen.ACR.PrivateAccess': set(ACR, 'properties.publicNetworkAccess', 'Enabled'),

  'TripGen.AppGw.PublicIPZones': set(PUBLIC_IP, 'zones', ['1', '2'], (r) => r.name.startsWith('pip-agw-')),
  'TripGen.EventHub.PrivateAccess': set(EVENT_HUBS, 'properties.publicNetworkAccess', 'Enabled'),
  'TripGen.RedisEnterprise.PrivateEntraOnly': set(`${REDIS}/databases`, 'properties.accessKeysAuthentication', 'Enabled'),

  // --- What a first deployment needs (issue 12): each breaker is the form the issue found ---
  // The node NSG as it was: node-to-node only, then deny (pod CIDR traffic dropped).
  'TripGen.NSG.DocumentedFlows': (s) => {
    const nsg = first(s, 'Microsoft.Network/networkSecurityGroups', (r) => r.name.startsWith('nsg-app-'));
    const rules = asArray(prop(nsg, 'properties.securityRules')).filter((r) => prop(r, 'name') !== 'AllowClusterInbound');
    setProp(nsg, 'properties.securityRules', rules);
  },
  'Azure.AKS.AuthorizedIPs': set(AKS, 'properties.apiServerAccessProfile', { enablePrivateCluster: false }),
  'TripGen.AKS.ApiServerVnetIntegration': set(AKS, 'properties.apiServerAccessProfile.enableVnetIntegration', false),
  // The add-on alone, as ARM deploys it: no rule, no association.
  'TripGen.AKS.ContainerInsightsDCR': drop((id) => id.includes('/providers/microsoft.insights/datacollectionruleassociations/')),
  // Defender on the Entra-only workspace.
  'TripGen.AKS.DefenderSensorWorkspace': (s) => {
    const main = first(s, 'Microsoft.OperationalInsights/workspaces', (r) => !r.name.endsWith('-defender'));
    setProp(first(s, AKS), 'properties.securityProfile.defender.logAnalyticsWorkspaceResourceId', main.id);
  },
  // The secondary without a private endpoint.
  'TripGen.ServiceBus.GeoDRPrivateEndpoints': drop((id) => id.includes('/privateendpoints/pe-sb-dr-')),
  // Clients on the primary namespace's own name.
  'TripGen.ServiceBus.ClientsUseAlias': (s) => {
    const primary = first(s, SERVICE_BUS, (r) => !r.name.endsWith('-dr'));
    s.outputs = { ...s.outputs, serviceBusNamespaceFqdn: `${primary.name}.servicebus.windows.net` };
  },
  // Queue roles on the primary only.
  'TripGen.ServiceBus.SecondaryRoles': drop((id) => /\/namespaces\/[^/]*-dr\/providers\/microsoft\.authorization\/roleassignments\//.test(id)),
  // The vault named after the environment alone.
  'TripGen.Naming.GlobalSuffix': set(KEY_VAULT, 'name', 'kv-tripgen-prod'),
  // Only the group administrator: nobody can create the services' roles unattended.
  'TripGen.PostgreSQL.RolesAdministrator': drop((id) => id.includes('flexibleservers/administrators') && id.includes('id-tripgen-dbroles-')),
  'TripGen.AppGw.TLS13': set(APP_GW, 'properties.sslPolicy', { policyType: 'Predefined', policyName: 'AppGwSslPolicy20220101S' }),

  // The kubelet's AcrPull as it was: a mistyped id that is no role at all.
  'TripGen.RBAC.BuiltInRoleIds': (s) => {
    const kubelet = s.predictedResources.find((r) => sameText(r.type, 'Microsoft.Authorization/roleAssignments') && r.id.toLowerCase().includes('/registries/acrtripgenprod'))!;
    setProp(kubelet, 'properties.roleDefinitionId', '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/7f951dff-4ed0-4a54-8e7a-3e4b2d9c5b87');
  },
  // --- Monitoring and deployment hygiene ---
  'Azure.AppInsights.Workspace': set(APP_INSIGHTS, 'properties.WorkspaceResourceId', undefined),
  'Azure.AppInsights.LocalAuth': set(APP_INSIGHTS, 'properties.DisableLocalAuth', false),
  'Azure.Alert.MetricAutoMitigate': set('Microsoft.Insights/metricAlerts', 'properties.autoMitigate', false),
  'TripGen.Monitor.DiagnosticsEverywhere': drop((id) => id.includes('/vaults/kv-tripgen-prod-') && id.includes('/providers/microsoft.insights/diagnosticsettings/')),
  'TripGen.Monitor.LogAlertSkipsValidation': set('Microsoft.Insights/scheduledQueryRules', 'properties.skipQueryValidation', false),
  'Azure.Deployment.OutputSecretValue': (s) => {
    s.outputs = { ...s.outputs, postgresAdminPassword: '[parameters(\'x\')]' };
  },
};
