// Azure Monitor alerts for the seed's alert list (§12.1.2) where Azure has the signal:
//   critical: pod restarts > 5/hour (log alert: no platform metric counts restarts),
//             AI service response > 5 s, memory > 90%
//   warning:  response > 200 ms, CPU > 80%, disk > 85%
// Severity 1 is critical, 2 is warning.
// The two response-time alerts are log alerts over the workspace's AppRequests (the request
// records the services' Azure Monitor exporter sends to the workspace-based Application Insights):
// a p95, as the catalog's objectives and the in-cluster rules mean it, over what a traveller waits
// for. A metric alert aggregates requests/duration by average, minimum, maximum or total, never a
// percentile (the metric alerts averaged it), and the AI service's own requests are
// mostly probes and scrapes: a schedule is made off a queue, and its record (the service kit's,
// timed from when it was asked) is what the 5-second promise is about. A request's time is the
// server's own: its record's DurationMs less what its route held it for the client (a long poll's
// wait, the catalog's held-time attribute in Properties), as the services' histogram counts it.

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

@description('The catalog\'s services (catalog.json): each one\'s workload (its cloud role name) and response-time objective.')
param services array

@description('The catalog\'s response-time objectives (RESPONSE_TIME_SLO): p95 bound in ms and severity, by objective.')
param responseTimeSlo object

@description('Name of the request record of a finished schedule (the catalog\'s asyncRequestName).')
param scheduleRequestName string

@description('Paths every service serves for probes, scrapes and docs (the catalog\'s): not a traveller\'s wait.')
param operationalPaths array

@description('Span attribute (Properties key) of the milliseconds a route held a request for its client, a long poll\'s wait (the catalog\'s HELD_TIME_ATTRIBUTE).')
param heldTimeAttribute string

@description('docs/runbooks.md as on-call opens it (the revision Argo CD syncs): each alert\'s notification links its section (custom property `runbook`).')
param runbooksUrl string

@description('Service Bus namespace resource id (the primary: its queues\' metrics).')
param serviceBusId string

@description('Each queue\'s consumer (the catalog\'s queueConsumers for this environment): its workload, the most deliveries all the pods it runs here hold at once, and its objective\'s severity.')
param queueConsumers array

// The seed's thresholds are a node's: each node (and each of its disks) is evaluated on its own. A
// criterion that filters no dimension is evaluated over the metric aggregated across all its values,
// the cluster's average, under which one full node among healthy ones never fires.
var eachNode = { name: 'node', operator: 'Include', values: ['*'] }
var eachDevice = { name: 'device', operator: 'Include', values: ['*'] }
var aks = [
  { key: 'aks-node-memory', severity: 1, scope: aksId, ns: 'Microsoft.ContainerService/managedClusters', metric: 'node_memory_working_set_percentage', threshold: 90, agg: 'Average', dims: [eachNode] }
  { key: 'aks-node-cpu', severity: 2, scope: aksId, ns: 'Microsoft.ContainerService/managedClusters', metric: 'node_cpu_usage_percentage', threshold: 80, agg: 'Average', dims: [eachNode] }
  { key: 'aks-node-disk', severity: 2, scope: aksId, ns: 'Microsoft.ContainerService/managedClusters', metric: 'node_disk_usage_percentage', threshold: 85, agg: 'Average', dims: [eachNode, eachDevice] }
]

var postgres = empty(postgresId) ? [] : [
  { key: 'psql-memory', severity: 1, scope: postgresId, ns: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'memory_percent', threshold: 90, agg: 'Average', dims: [] }
  { key: 'psql-cpu', severity: 2, scope: postgresId, ns: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'cpu_percent', threshold: 80, agg: 'Average', dims: [] }
  { key: 'psql-storage', severity: 2, scope: postgresId, ns: 'Microsoft.DBforPostgreSQL/flexibleServers', metric: 'storage_percent', threshold: 85, agg: 'Average', dims: [] }
]

// Azure Managed Redis documents its used-memory percentage with the maximum only, every 5 minutes.
var redis = empty(redisId) ? [] : [
  { key: 'redis-memory', severity: 1, scope: redisId, ns: 'Microsoft.Cache/redisEnterprise', metric: 'usedmemorypercentage', threshold: 90, agg: 'Maximum', dims: [] }
]

var metricAlerts = concat(aks, postgres, redis)

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
      actions: [{ actionGroupId: actionGroupId, webHookProperties: { runbook: '${runbooksUrl}#${a.key}' } }]
    }
  }
]

// Queues, read at the broker, where the in-cluster queue alerts (which read the consumers' own
// counters) cannot see and do not reach on-call. Service Bus's ActiveMessages and
// DeadletteredMessages are point-in-time counts per queue (dimension EntityName), sampled each minute
// (learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-servicebus-namespaces-metrics).
// A backlog: more messages than all the pods the consumer runs in this environment (its HPA's
// maxReplicas in prod, its fixed replicas in dev) can hold at once (a message being handled is
// still active) at every minute of a quarter of an hour, so the queue never came down to what its
// consumer was working on: a consumer slower than its traffic, or stalled, even at full scale.
var queueBacklog = map(queueConsumers, c => {
  key: 'queue-backlog-${c.queue}'
  runbook: 'queue-backlog'
  severity: severities[c.severity]
  description: '${c.queue}: more than ${c.inFlightMax} active messages (what ${c.workload} holds at once at the most pods it runs here) at every minute of 15 minutes: its consumer does not keep up'
  metric: 'ActiveMessages'
  agg: 'Minimum'
  threshold: c.inFlightMax
  window: 'PT15M'
  frequency: 'PT5M'
  entities: [c.queue]
})
// A message in a dead-letter queue will never be processed unless someone replays it, whether a
// consumer gave up on it or the broker expired it; the alert stays until the queue is emptied.
var deadLetters = {
  key: 'dead-letters'
  runbook: 'dead-letters'
  severity: 2
  description: 'A queue has messages in its dead-letter queue: work that will never be done unless it is replayed'
  metric: 'DeadletteredMessages'
  agg: 'Maximum'
  threshold: 0
  window: 'PT5M'
  frequency: 'PT1M'
  entities: ['*']
}

resource queueAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for a in concat(queueBacklog, [deadLetters]): {
    name: 'alert-${a.key}-tripgen-${envName}'
    location: 'global'
    tags: tags
    properties: {
      description: a.description
      severity: a.severity
      enabled: true
      scopes: [serviceBusId]
      evaluationFrequency: a.frequency
      windowSize: a.window
      autoMitigate: true
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: a.metric
            metricNamespace: 'Microsoft.ServiceBus/namespaces'
            metricName: a.metric
            operator: 'GreaterThan'
            threshold: a.threshold
            timeAggregation: a.agg
            dimensions: [{ name: 'EntityName', operator: 'Include', values: a.entities }]
          }
        ]
      }
      actions: [{ actionGroupId: actionGroupId, webHookProperties: { runbook: '${runbooksUrl}#${a.runbook}' } }]
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
    // The workspace is created by this deployment: KubePodInventory exists only once Container
    // Insights has sent its first records, and validating the query would fail the first run
    // (rule TripGen.Monitor.LogAlertSkipsValidation; the queries are checked offline by the tests).
    skipQueryValidation: true
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
    actions: { actionGroups: [actionGroupId], customProperties: { runbook: '${runbooksUrl}#pod-restarts' } }
    autoMitigate: true
  }
}

var severities = { critical: 1, warning: 2 }
var rolesOf = {
  itinerary: map(filter(services, s => s.responseTime == 'itinerary'), s => s.workload)
  request: map(filter(services, s => s.responseTime == 'request'), s => s.workload)
}
// A request record's name is `METHOD /route` (the exporter's operation name for a server span).
var path = 'tostring(split(Name, " ")[1])'
var notOperational = '${path} !in (dynamic(${string(operationalPaths)}))'
// The server's own time: a long poll's wait for what it was asked (the trip service's schedule read
// with ?wait=) is the client's, not latency; the service kit's span says how long it held the request
// (absent on every other record: 0). A schedule's record holds nothing.
var ownTime = '| extend OwnMs = DurationMs - coalesce(todouble(Properties["${heldTimeAttribute}"]), 0.0)'
var p95 = 'percentilew(OwnMs, ItemCount, 95)'

// Schedules (a schedule withdrawn by its trip's change or deletion leaves no record, an expired one
// does: catalog ASYNC_OUTCOMES), and the AI service's own requests besides probes, scrapes and docs, each with its own
// p95 (as the in-cluster TripGenAiResponseSlow). A schedule's record is stamped with when it was
// asked (its start) and arrives at its outcome, so the query reads 20 minutes back (the default
// deadline is 2) and keeps what finished in the last 10 (LOOKBACK below).
var aiResponseQuery = join([
  'AppRequests'
  '| where AppRoleName in (dynamic(${string(rolesOf.itinerary)}))'
  '| where TimeGenerated + DurationMs * 1ms > ago(10m)'
  '| extend Kind = iff(Name == "${scheduleRequestName}", "schedule", "request")'
  '| where Kind == "schedule" or ${notOperational}'
  ownTime
  '| summarize P95Ms = ${p95}, Records = count() by Kind'
  '| where P95Ms > ${responseTimeSlo.itinerary.p95Ms}'
], ' ')

// Every other service's requests besides probes, scrapes and docs, by service.
var responseQuery = join([
  'AppRequests'
  '| where AppRoleName in (dynamic(${string(rolesOf.request)}))'
  '| where Name != "${scheduleRequestName}" and ${notOperational}'
  ownTime
  '| summarize P95Ms = ${p95}, Records = count() by AppRoleName'
  '| where P95Ms > ${responseTimeSlo.request.p95Ms}'
], ' ')

// Evaluated every 5 minutes over the last 10: a record that reaches the workspace up to 5 minutes
// late (ingestion delay) is still read by the next evaluation, which a 5-minute look-back would
// miss for good (learn.microsoft.com/azure/sentinel/ingestion-delay: look back the run interval plus
// the delay). Fires after two failing evaluations in a row, as the in-cluster rules wait `for: 5m`:
// one slow record in a quiet night does not page.
var responseAlerts = empty(appInsightsId) ? [] : [
  {
    key: 'ai-response-time'
    severity: severities[responseTimeSlo.itinerary.severity]
    description: 'p95 of schedules (from the request to their outcome), or of the AI service\'s own requests, above ${responseTimeSlo.itinerary.p95Ms} ms over 10 minutes, in two evaluations 5 minutes apart (seed §12.1.2, ${responseTimeSlo.itinerary.severity})'
    window: 'PT20M'
    query: aiResponseQuery
  }
  {
    key: 'response-time'
    severity: severities[responseTimeSlo.request.severity]
    description: 'A service\'s request p95 above ${responseTimeSlo.request.p95Ms} ms over 10 minutes in two evaluations 5 minutes apart, probes, scrapes and docs aside (seed §12.1.2, ${responseTimeSlo.request.severity})'
    window: 'PT10M'
    query: responseQuery
  }
]

resource responseTime 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for a in responseAlerts: {
    name: 'alert-${a.key}-tripgen-${envName}'
    location: location
    tags: tags
    properties: {
      description: a.description
      severity: a.severity
      enabled: true
      // Workspace-based Application Insights keeps its records in the workspace (AppRequests).
      scopes: [workspaceId]
      // AppRequests exists only once a service has sent telemetry (see the pod-restart alert).
      skipQueryValidation: true
      evaluationFrequency: 'PT5M'
      windowSize: a.window
      criteria: {
        allOf: [
          {
            query: a.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 2, minFailingPeriodsToAlert: 2 }
          }
        ]
      }
      actions: { actionGroups: [actionGroupId], customProperties: { runbook: '${runbooksUrl}#${a.key}' } }
      autoMitigate: true
    }
  }
]
