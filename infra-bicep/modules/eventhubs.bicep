// Event Hubs (prod): Entra ID only, TLS 1.2, private endpoint, zone redundant.

import { eventHubsProfile, privateAccess } from '../types.bicep'
import { builtInRoles as roles } from '../roles.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Name of the namespace (globally unique).')
param name string

@description('Tier, capacity and hubs.')
param profile eventHubsProfile

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('Private endpoint placement; null keeps the public endpoint.')
param private privateAccess?

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: profile.sku, tier: profile.sku, capacity: profile.capacity }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: private == null ? 'Enabled' : 'Disabled'
    zoneRedundant: true
    isAutoInflateEnabled: false
  }
}

@description('Who may send to which hub: the producer service\'s identity per catalog stream ({hub, producer, principalId}).')
param senders array

resource hubs 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = [
  for h in profile.hubs: {
    parent: namespace
    name: h
    properties: {
      partitionCount: profile.partitionCount
      retentionDescription: { cleanupPolicy: 'Delete', retentionTimeInHours: 24 }
    }
  }
]

// Azure Event Hubs Data Sender, on the hub only: the producer sends trip events, nothing else may.
resource senderRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (s, i) in senders: {
    // Named from deterministic inputs (the producer's catalog name), so the snapshot evaluates it.
    name: guid(namespace.id, s.hub, s.producer, 'eventhubs-data-sender')
    scope: hubs[indexOf(profile.hubs, s.hub)]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventHubsDataSender)
      principalId: s.principalId
      principalType: 'ServicePrincipal'
      description: 'produces ${s.hub}'
    }
  }
]

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

module endpoint 'private-endpoint.bicep' = if (private != null) {
  name: 'pe-evh-${envName}'
  params: {
    location: location
    tags: tags
    name: 'pe-evh-tripgen-${envName}'
    targetId: namespace.id
    groupId: 'namespace'
    subnetId: private!.endpointSubnetId
    dnsZoneId: private!.dnsZoneIds.serviceBus
  }
}

@description('Name of the namespace.')
output name string = namespace.name

@description('Fully qualified name of the namespace.')
output fqdn string = '${namespace.name}.servicebus.windows.net'

