// Monitoring Metrics Publisher for the Prometheus identity on the Azure Monitor workspace's data
// collection rule, in the workspace's managed resource group (prometheus-ingestion.bicep).

import { builtInRoles as roles } from 'roles.bicep'

@description('Name of the data collection rule.')
param dataCollectionRuleName string

@description('Object id of the identity that publishes.')
param principalId string


resource dcr 'Microsoft.Insights/dataCollectionRules@2024-03-11' existing = {
  name: dataCollectionRuleName
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dcr.id, principalId, roles.monitoringMetricsPublisher)
  scope: dcr
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'The in-cluster Prometheus remote-writes the series the Azure Monitor Prometheus alerts read'
  }
}
