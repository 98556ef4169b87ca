// Azure Monitor alerts for the seed's alert list (§12.1.2) where Azure has the signal:
//   critical: pod restarts > 5/hour (log alert: no platform metric counts restarts),
//             AI service response > 5 s, memory > 90%
//   warning:  response > 200 ms, CPU > 80%, disk > 85%
// Severity 1 is critical, 2 is warning.

@description('Environment name used in resource names.')
param envName string

@description('Azure region (the log alert is regional).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Action group notified by every alert.')
param actionGroupId string

@description('AKS cluster resource id.')
param aksId string

@description('Log Analytics workspace id (Container Insights tables).')
param workspaceId string

@description('Kubernetes namespace of the TripGen workloads.')
param k8sNamespace string

@description('PostgreSQL primary resource id; empty when PostgreSQL runs in-cluster.')
param postgresId string

@description('Azure Managed Redis resource id; empty when Redis runs in-cluster.')
param redisId string

@description('Application Insights resource id; empty when not created.')
param appInsightsId string

@description('Cloud role name the AI service reports (its workload name).')
param aiRoleName string

var aks = [
  { key: 'aks-node-memory', severity: 1, scope: aksId, ns: 'Microsoft.ContainerService/managedClusters', metric: 'node_memory_working_set_percentage', threshold: 90, agg: 'Average', dims: [] }
  { key: 'aks-node-cpu', severity: 2, scope: aksId, ns: 'Microsoft.ContainerService/managedClusters', metric: 'node_cpu_usage_percentage', threshold: 80, agg: 'Average', dims: [] }
  { key: 'aks-node-disk', severity: 2, scope: aksId, ns: 'Microsoft.ContainerService/managedClusters', metric: 'node_disk_usage_percentage', threshold: 85, agg: 'Average', dims: [] }
]

var postgres = empty(postgresId) ? [] : [
  { key: 'psql-memory', severity: 1, scope: postgresId, ns: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'memory_percent', threshold: 90, agg: 'Average', dims: [] }
  { key: 'psql-cpu', severity: 2, scope: postgresId, ns: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'cpu_percent', threshold: 80, agg: 'Average', dims: [] }
  { key: 'psql-storage', severity: 2, scope: postgresId, ns: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'storage_percent', threshold: 85, agg: 'Average', dims: [] }
]

var redis = empty(redisId) ? [] : [
  { key: 'redis-memory', severity: 1, scope: redisId, ns: 'Microsoft.Cache/redisEnterprise', metric: 'usedmemorypercentage', threshold: 90, agg: 'Average', dims: [] }
]

var apm = empty(appInsightsId) ? [] : [
  {
    key: 'ai-response-time'
    severity: 1
    scope: appInsightsId
    ns: 'microsoft.insights/components'
    metric: 'requests/duration'
    threshold: 5000
    agg: 'Average'
    dims: [{ name: 'cloud/roleName', operator: 'Include', values: [aiRoleName] }]
  }
  { key: 'response-time', severity: 2, scope: appInsightsId, ns: 'microsoft.insights/components', metric: 'requests/duration', threshold: 200, agg: 'Average', dims: [] }
]

var metricAlerts = concat(aks, postgres, redis, apm)

resource alerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for a in metricAlerts: {
    name: 'alert-${a.key}-tripgen-${envName}'
    location: 'global'
    tags: tags
    properties: {
      description: '${a.metric} ${a.agg} > ${a.threshold} (seed §12.1.2)'
      severity: a.severity
      enabled: true
      scopes: [a.scope]
      evaluationFrequency: 'PT1M'
      windowSize: 'PT5M'
      autoMitigate: true
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: a.key
            metricNamespace: a.ns
            metricName: a.metric
            operator: 'GreaterThan'
            threshold: a.threshold
            timeAggregation: a.agg
            dimensions: a.dims
          }
        ]
      }
      actions: [{ actionGroupId: actionGroupId }]
    }
  }
]

resource podRestarts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-pod-restarts-tripgen-${envName}'
  location: location
  tags: tags
  properties: {
    description: 'A TripGen pod restarted more than 5 times in an hour (seed §12.1.2, critical)'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'KubePodInventory | where Namespace == "${k8sNamespace}" | summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Name, ContainerName | where Restarts > 5'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [actionGroupId] }
    autoMitigate: true
  }
}

@description('Number of metric alerts created.')
output metricAlertCount int = length(metricAlerts)
