// The geo-DR secondary Service Bus namespace, deployed into a resource group of its own region.
// A fail-over is an update of this namespace, and Azure keeps a resource group's metadata in the
// group's region: in the primary's group, the namespace would become effectively read-only for the
// very outage it is there for (Azure Proactive Resiliency Library, resource groups, RG-1:
// https://azure.github.io/Azure-Proactive-Resiliency-Library/services/management/resource-group).

@description('Region of the secondary (the primary\'s paired region).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the secondary namespace.')
param name string

@description('Messaging units, as the primary\'s.')
param capacity int

@description('The primary\'s namespace properties; the secondary is partitioned alike (a geo-DR pair must be).')
param properties object

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

resource secondary 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Premium', tier: 'Premium', capacity: capacity }
  properties: properties
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: secondary
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource id of the secondary namespace.')
output id string = secondary.id
