// Service Bus: the catalog's queues with the seed's limits (1 GB, 14-day TTL), Entra ID only
// (local SAS auth off), TLS 1.2, partitioned. Premium (prod) adds 2 messaging units, the private endpoint and
// geo-disaster recovery pairing with a secondary namespace in the paired region, both behind
// private endpoints, clients on the alias (the name that survives a failover).

import { privateAccess, serviceBusProfile } from '../types.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Name of the resource (6-44 characters: the alias appends -alias to it, and Service Bus names are 6-50).')
@minLength(6)
@maxLength(44)
param name string


@description('Name of the geo-DR secondary namespace (used when the profile has a DR region).')
param secondaryName string

@description('Resource group of the secondary, created in the DR region (used when the profile has a DR region).')
param secondaryResourceGroup string

@description('Tier, capacity and geo-DR region.')
param profile serviceBusProfile

@description('Queue names (from the catalog, apps/catalog/src/queues.ts).')
param queueNames string[]

@description('Queue limits (from the catalog QUEUE_LIMITS).')
param queueLimits {
  @description('Maximum queue size in megabytes.')
  maxSizeInMegabytes: int
  @description('Message time to live, ISO 8601.')
  defaultMessageTimeToLive: string
  @description('Deliveries before a message is dead-lettered.')
  maxDeliveryCount: int
  @description('Peek-lock duration, ISO 8601 (the consumers back off within it before abandoning).')
  lockDuration: string
}

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('Private endpoint placement; null keeps the public endpoint (dev: Basic has no private endpoints).')
param private privateAccess?

@description('Whether the geo-DR pair exists (every run after the first): the secondary namespace and the alias are then left as they are.')
param drPairExists bool

var premium = profile.sku == 'Premium'
var geoDr = premium && profile.?drLocation != null

// Partitioning (seed §11.2.1: scale the queues out by partitions) where the tier allows it, always
// at creation: Premium partitions the namespace (every queue in it), Basic and Standard partition
// each queue (16 partitions). A geo-DR pair must be partitioned alike.
// learn.microsoft.com/azure/service-bus-messaging/enable-partitions-premium, -basic-standard
var namespaceProperties = union(
  {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: private == null ? 'Enabled' : 'Disabled'
    zoneRedundant: premium
  },
  premium ? { premiumMessagingPartitions: profile.?partitions ?? 1 } : {}
)

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: profile.sku, tier: profile.sku, capacity: premium ? profile.capacity : null }
  properties: namespaceProperties
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' = [
  for q in queueNames: {
    parent: namespace
    name: q
    properties: {
      maxSizeInMegabytes: queueLimits.maxSizeInMegabytes
      defaultMessageTimeToLive: queueLimits.defaultMessageTimeToLive
      maxDeliveryCount: queueLimits.maxDeliveryCount
      lockDuration: queueLimits.lockDuration
      // Premium namespaces partition themselves; the entity flag is for Basic and Standard.
      enablePartitioning: !premium
      // Basic has no dead-lettering on expiry; in Standard/Premium expired messages stay inspectable.
      deadLetteringOnMessageExpiration: profile.sku != 'Basic'
    }
  }
]

// Public access is already off through publicNetworkAccess; the rule set makes the intent explicit.
resource networkRules 'Microsoft.ServiceBus/namespaces/networkRuleSets@2026-01-01' = if (premium) {
  parent: namespace
  name: 'default'
  properties: {
    defaultAction: 'Deny'
    publicNetworkAccess: private == null ? 'Enabled' : 'Disabled'
    trustedServiceAccessEnabled: true
    ipRules: []
    virtualNetworkRules: []
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// Geo-DR (decided over Geo-Replication, see README "Service Bus"): metadata (queues, rules)
// replicates to the secondary; clients connect to the alias, which points at whichever namespace is
// primary. Azure refuses to pair a namespace that has private endpoints with one that has none,
// and a secondary without one would be unreachable after a failover: the secondary gets its own
// private endpoint in the same VNet and private DNS zone (a private endpoint may target a
// resource in another region). https://learn.microsoft.com/azure/service-bus-messaging/service-bus-geo-dr#private-endpoints
// In its own region's resource group: the fail-over must not need the lost region's metadata.
// Its id is computed from its names, as every other id here: the module's output would be a
// runtime value (reference()) that What-If cannot evaluate for the alias and the endpoint below.
var secondaryId = resourceId(secondaryResourceGroup, 'Microsoft.ServiceBus/namespaces', secondaryName)
// Created and paired on the first run only: once paired, Service Bus refuses every update of the
// secondary ("Cannot update a namespace which is secondary", so a redeployment that sends its PUT
// again fails, and with it everything that depends on this module: Azure/bicep-registry-modules#5981,
// Azure/azure-cli#10762), and the pairing's own PUT is not idempotent either (Azure/bicep#4442, Event
// Hubs' same API). Its private endpoint and grants refer to its id and are deployed on every run.
module secondary 'servicebus-secondary.bicep' = if (geoDr && !drPairExists) {
  name: 'sb-dr-${envName}'
  scope: resourceGroup(secondaryResourceGroup)
  params: {
    location: profile.?drLocation ?? location
    tags: tags
    name: secondaryName
    capacity: profile.capacity
    // Zone redundancy needs availability zones in the DR region (Korea South has none).
    properties: union(namespaceProperties, { zoneRedundant: profile.?drZoneRedundant ?? false })
    workspaceId: workspaceId
  }
}

module secondaryEndpoint 'private-endpoint.bicep' = if (geoDr && private != null) {
  name: 'pe-sb-dr-${envName}'
  params: {
    location: location
    tags: tags
    name: 'pe-sb-dr-tripgen-${envName}'
    targetId: secondaryId
    groupId: 'namespace'
    subnetId: private!.endpointSubnetId
    dnsZoneId: private!.dnsZoneIds.serviceBus
  }
  dependsOn: [secondary]
}

resource alias 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs@2026-01-01' = if (geoDr && !drPairExists) {
  parent: namespace
  name: '${name}-alias'
  properties: {
    partnerNamespace: secondaryId
  }
  dependsOn: [queues, endpoint, secondary, secondaryEndpoint]
}

module endpoint 'private-endpoint.bicep' = if (private != null) {
  name: 'pe-sb-${envName}'
  params: {
    location: location
    tags: tags
    name: 'pe-sb-tripgen-${envName}'
    targetId: namespace.id
    groupId: 'namespace'
    subnetId: private!.endpointSubnetId
    dnsZoneId: private!.dnsZoneIds.serviceBus
  }
}

@description('Name of the namespace.')
output name string = namespace.name

@description('Resource id of the namespace.')
output id string = namespace.id

@description('Fully qualified name clients use: the geo-DR alias where there is one (it follows a failover), else the namespace.')
output fqdn string = geoDr ? '${name}-alias.servicebus.windows.net' : '${namespace.name}.servicebus.windows.net'

@description('Geo-DR alias name (empty without geo-DR).')
output aliasName string = geoDr ? '${name}-alias' : ''

