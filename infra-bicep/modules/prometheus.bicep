// Azure Monitor managed service for Prometheus as the in-cluster Prometheus's alert evaluator: the
// in-cluster alerting rules (k8s/src/observability, handed over as prometheus-alerts.json) run here,
// on what that Prometheus remote-writes, and notify the environment's action group like every
// other Azure Monitor alert. kube-prometheus-stack's Alertmanager is not deployed (nothing in the
// cluster routes alerts). Microsoft Learn:
// - "Send Prometheus data to Azure Monitor using remote write with Microsoft Entra Workload ID":
//   a user-assigned identity federated with Prometheus's service account, Monitoring Metrics
//   Publisher on the workspace's data collection rule (prometheus-ingestion.bicep);
// - "Azure Monitor managed service for Prometheus rule groups": Microsoft.AlertsManagement/
//   prometheusRuleGroups scoped to the workspace and the cluster (clusterName: only the series whose
//   `cluster` label is the cluster's, the external label the Prometheus values set).

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('OIDC issuer URL of the AKS cluster.')
param oidcIssuerUrl string

@description('Namespace and name of the in-cluster Prometheus\'s service account (the hand-over\'s prometheusServiceAccount).')
param serviceAccount { namespace: string, name: string }

@description('AKS cluster resource id (a rule group scope).')
param aksId string

@description('AKS cluster name: the `cluster` label of the remote-written series the rules read.')
param clusterName string

@description('What stands for the cluster\'s name in a handed-over expression (the hand-over\'s clusterPlaceholder): replaced by clusterName.')
param clusterPlaceholder string

@description('Action group every alert notifies.')
param actionGroupId string

@description('How often each rule group is evaluated (ISO 8601).')
param evaluationInterval string

@description('Log Analytics workspace the workspace\'s diagnostic setting sends to.')
param workspaceId string

@description('The alerting rule groups of the hand-over: each rule in the resource\'s shape, and its runbook link.')
param groups array

@description('docs/runbooks.md as on-call opens it: the workspace\'s own alerts link their section (custom property `runbook`).')
param runbooksUrl string

resource workspace 'Microsoft.Monitor/accounts@2025-10-03' = {
  name: 'amw-tripgen-${envName}'
  location: location
  tags: tags
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource workspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: workspace
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-tripgen-prometheus-${envName}'
  location: location
  tags: tags
}

resource federation 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = {
  parent: identity
  name: 'k8s-${serviceAccount.namespace}-${serviceAccount.name}'
  properties: {
    issuer: oidcIssuerUrl
    subject: 'system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}'
    audiences: ['api://AzureADTokenExchange']
  }
}

// One rule group per in-cluster group; each alert notifies the action group with its runbook
// (actionProperties, a map of strings: the common alert schema's custom properties, as the other
// Azure Monitor alerts carry `runbook`).
resource ruleGroups 'Microsoft.AlertsManagement/prometheusRuleGroups@2023-03-01' = [
  for g in groups: {
    name: 'prg-${replace(g.name, '.', '-')}-${envName}'
    location: location
    tags: tags
    properties: {
      description: 'TripGen ${envName}: ${g.name} (k8s/src/observability, remote-written by the in-cluster Prometheus)'
      enabled: true
      clusterName: clusterName
      scopes: [workspace.id, aksId]
      interval: evaluationInterval
      rules: [
        for r in g.rules: union(r.rule, {
          expression: replace(r.rule.expression, clusterPlaceholder, clusterName)
          enabled: true
          actions: [{ actionGroupId: actionGroupId, actionProperties: { runbook: r.runbook } }]
        })
      ]
    }
  }
]

// The workspace's ingestion limits: events (samples) per minute and active time series. Past one,
// ingestion is throttled and the series every rule group reads arrive late or not at all (the remote
// write retries, then drops: TripGenRemoteWriteBehind / TripGenAlertSeriesMissing, too late).
// Microsoft Learn, "Supported metrics for Microsoft.Monitor/accounts": the share of each limit in use
// (Percent, Average; the events limit is the most "which can be received before the events become
// throttled"); "Best practices for scaling Azure Monitor workspaces": alert past 80 % of a limit and
// ask for an increase. A ticket: nothing is lost yet.
var ingestionLimits = [
  { key: 'amw-events-limit', metric: 'EventsPerMinuteIngestedPercentUtilization' }
  { key: 'amw-series-limit', metric: 'ActiveTimeSeriesPercentUtilization' }
]

resource ingestionAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for l in ingestionLimits: {
    name: 'alert-${l.key}-tripgen-${envName}'
    location: 'global'
    tags: tags
    properties: {
      description: '${l.metric} Average > 80: the workspace nears its ingestion limit, past which it throttles what Prometheus remote-writes'
      severity: 2
      enabled: true
      scopes: [workspace.id]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      autoMitigate: true
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: l.key
            metricNamespace: 'Microsoft.Monitor/accounts'
            metricName: l.metric
            operator: 'GreaterThan'
            threshold: 80
            timeAggregation: 'Average'
          }
        ]
      }
      actions: [{ actionGroupId: actionGroupId, webHookProperties: { runbook: '${runbooksUrl}#amw-ingestion-limit' } }]
    }
  }
]

@description('Client id of the identity Prometheus remote-writes as (its service account\'s azure.workload.identity/client-id).')
output clientId string = identity.properties.clientId

@description('Object id of that identity (Monitoring Metrics Publisher on the data collection rule).')
output principalId string = identity.properties.principalId

@description('The workspace\'s default data collection endpoint (created with it).')
output dataCollectionEndpointId string = workspace.properties.defaultIngestionSettings.dataCollectionEndpointResourceId

@description('The workspace\'s default data collection rule (created with it).')
output dataCollectionRuleId string = workspace.properties.defaultIngestionSettings.dataCollectionRuleResourceId
