// Off-hours shutdown (seed §9.1.1 "auto_shutdown: 비업무시간 자동 종료"): two Logic Apps
// (Consumption) start the AKS cluster at the beginning of each working day and stop it at the end.
// A stopped cluster has no running nodes in any pool — the user (spot) pool and the system pool
// are both at zero at night and over the weekend — and "does not accrue charges while it is
// stopped" (Stop-AzAksCluster, learn.microsoft.com/powershell/module/az.aks/stop-azakscluster);
// its objects and state are kept. Each workflow calls the cluster's start/stop action with its own
// managed identity, which holds Contributor on this cluster only: start and stop are actions of
// their own (Microsoft.ContainerService/managedClusters/start/action, /stop/action), which Azure
// Kubernetes Service Contributor Role does not have (it has managedClusters read and write and
// Microsoft.Resources/deployments/*: built-in roles reference), so every run of a workflow holding
// it ended AuthorizationFailed. A custom role with the two actions would be narrower, but creating
// one needs roleDefinitions/write, which the documented deploying principal (Contributor with Role
// Based Access Control Administrator, README step 0) does not have.

import { builtInRoles as roles } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Name of the AKS cluster to start and stop.')
param clusterName string

@description('API version of the managed cluster\'s start/stop actions (the cluster resource\'s own).')
param clusterApiVersion string

@description('Working hours: the cluster runs from start to stop on these days, in this Windows time zone.')
param workingHours {
  @description('Windows time zone id, e.g. Korea Standard Time.')
  timeZone: string
  @description('Days the cluster runs (Monday ... Sunday).')
  days: string[]
  @description('Hour the cluster starts (0-23).')
  start: int
  @description('Hour the cluster stops (0-23), after start.')
  stop: int
}

@description('Log Analytics workspace receiving the workflows\' run history.')
param workspaceId string

resource cluster 'Microsoft.ContainerService/managedClusters@2026-08-01' existing = {
  name: clusterName
}

var actions = [
  { verb: 'start', hour: workingHours.start }
  { verb: 'stop', hour: workingHours.stop }
]

resource workflows 'Microsoft.Logic/workflows@2019-05-01' = [
  for a in actions: {
    name: 'logic-aks-${a.verb}-tripgen-${envName}'
    location: location
    tags: tags
    identity: { type: 'SystemAssigned' }
    properties: {
      state: 'Enabled'
      definition: {
        contentVersion: '1.0.0.0'
        triggers: {
          workingHours: {
            type: 'Recurrence'
            recurrence: {
              frequency: 'Week'
              interval: 1
              timeZone: workingHours.timeZone
              schedule: { weekDays: workingHours.days, hours: [a.hour], minutes: [0] }
            }
          }
        }
        actions: {
          '${a.verb}Cluster': {
            type: 'Http'
            inputs: {
              method: 'POST'
              uri: '${environment().resourceManager}${substring(cluster.id, 1)}/${a.verb}?api-version=${clusterApiVersion}'
              authentication: { type: 'ManagedServiceIdentity', audience: environment().resourceManager }
            }
          }
        }
      }
    }
  }
]

resource operators 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (a, i) in actions: {
    name: guid(cluster.id, workflows[i].id, roles.contributor)
    scope: cluster
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.contributor)
      principalId: workflows[i].identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (a, i) in actions: {
    name: 'to-log-analytics'
    scope: workflows[i]
    properties: {
      workspaceId: workspaceId
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
      metrics: [{ category: 'AllMetrics', enabled: true }]
    }
  }
]
