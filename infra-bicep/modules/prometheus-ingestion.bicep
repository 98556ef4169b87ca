// The ingestion side of the Azure Monitor workspace (prometheus.bicep): its default data collection
// endpoint and rule live in the workspace's managed resource group, known only once the workspace
// exists, so they are read here, from parameters, where a deployment can resolve them. Microsoft
// Learn, "Send Prometheus data to Azure Monitor using remote write with Microsoft Entra Workload ID":
// Monitoring Metrics Publisher on the data collection rule, and the remote-write URL
// <metrics ingestion endpoint of the DCE>/dataCollectionRules/<DCR immutable id>/streams/Microsoft-PrometheusMetrics/api/v1/write?api-version=2023-04-24.

@description('Resource id of the workspace\'s default data collection endpoint.')
param dataCollectionEndpointId string

@description('Resource id of the workspace\'s default data collection rule.')
param dataCollectionRuleId string

@description('Object id of the identity Prometheus remote-writes as.')
param principalId string

var dcrParts = split(dataCollectionRuleId, '/')

module publisher 'dcr-publisher.bicep' = {
  name: 'dcr-publisher'
  // The workspace's managed resource group, in the workspace's subscription.
  scope: resourceGroup(dcrParts[4])
  params: {
    dataCollectionRuleName: last(dcrParts)
    principalId: principalId
  }
}

var endpoint = reference(dataCollectionEndpointId, '2023-03-11').metricsIngestion.endpoint
var immutableId = reference(dataCollectionRuleId, '2024-03-11').immutableId

@description('Where the in-cluster Prometheus remote-writes (prometheusSpec.remoteWrite url).')
output remoteWriteUrl string = '${endpoint}/dataCollectionRules/${immutableId}/streams/Microsoft-PrometheusMetrics/api/v1/write?api-version=2023-04-24'
