// Key Vault: RBAC only, soft delete + purge protection (90 days), firewall deny by default. The
// secrets are written by the deployment or by hand (README, first deployment step 5).

import { privateAccess } from '../types.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Name of the resource.')
param name string

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('Private endpoint placement; null keeps the public endpoint (dev).')
param private privateAccess?

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: private == null ? 'Enabled' : 'Disabled'
    networkAcls: {
      // Private: nothing but the private endpoint and trusted Azure services. Without a private
      // network (dev) the cluster reaches the vault from an outbound IP Azure picks at creation,
      // so the firewall cannot name it: RBAC alone guards the dev vault (a listed rule exception).
      defaultAction: private == null ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
  }
}


#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

module endpoint 'private-endpoint.bicep' = if (private != null) {
  name: 'pe-kv-${envName}'
  params: {
    location: location
    tags: tags
    name: 'pe-kv-tripgen-${envName}'
    targetId: vault.id
    groupId: 'vault'
    subnetId: private!.endpointSubnetId
    dnsZoneId: private!.dnsZoneIds.keyVault
  }
}

@description('Name of the vault.')
output name string = vault.name

// Built from the name (https://<name>.vault.azure.net/) rather than read from the deployed vault.
@description('URI of the vault.')
output uri string = 'https://${vault.name}${environment().suffixes.keyvaultDns}/'

