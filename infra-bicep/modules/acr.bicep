// Azure Container Registry: admin user off, no anonymous pull; Premium (prod) adds the private
// endpoint, zone redundancy, no public access and the untagged-manifest retention policy.

import { privateAccess } from '../types.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Name of the resource.')
param name string

@description('Registry tier.')
param sku 'Basic' | 'Standard' | 'Premium'

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('Private endpoint placement; null keeps the public endpoint (dev).')
param private privateAccess?

@description('Days untagged manifests are kept (Premium only).')
param retentionDays int = 30

var premium = sku == 'Premium'

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: sku }
  properties: {
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: private == null ? 'Enabled' : 'Disabled'
    networkRuleBypassOptions: 'AzureServices'
    zoneRedundancy: premium ? 'Enabled' : 'Disabled'
    dataEndpointEnabled: false
    policies: premium
      ? {
          retentionPolicy: { status: 'enabled', days: retentionDays }
          exportPolicy: { status: private == null ? 'enabled' : 'disabled' }
          quarantinePolicy: { status: 'disabled' }
          trustPolicy: { status: 'disabled', type: 'Notary' }
        }
      : null
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: registry
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

module endpoint 'private-endpoint.bicep' = if (private != null) {
  name: 'pe-acr-${envName}'
  params: {
    location: location
    tags: tags
    name: 'pe-acr-tripgen-${envName}'
    targetId: registry.id
    groupId: 'registry'
    subnetId: private!.endpointSubnetId
    dnsZoneId: private!.dnsZoneIds.acr
  }
}

@description('Name of the registry.')
output name string = registry.name

// Built from the name (<name>.azurecr.io) rather than read from the deployed registry.
@description('Login server of the registry.')
output loginServer string = '${registry.name}${environment().suffixes.acrLoginServer}'
