// Log Analytics (every diagnostic setting lands here), workspace-based Application Insights and
// the action group that every alert notifies.

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Log retention in days.')
param retentionDays int

@description('Create Application Insights.')
param applicationInsights bool

@description('Name of Application Insights.')
param appInsightsName string

@description('E-mail address of the on-call receiver.')
param alertEmail string

@description('Create the workspace the Defender sensor reports to.')
param defender bool

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: 'log-tripgen-${envName}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
    features: {
      // Access through Azure RBAC on the workspace or the resources, never shared keys.
      enableLogAccessUsingOnlyResourcePermissions: true
      disableLocalAuth: true
    }
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource workspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: workspace
  properties: {
    workspaceId: workspace.id
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The Defender for Containers sensor authenticates to its workspace with the workspace key only
// (its publisher pods still use the legacy agent's shared-key auth and crash against a workspace with
// local auth disabled: known open issue https://github.com/Azure/Microsoft-Defender-for-Cloud/issues/1010).
// So it gets a workspace of its own that accepts the key, holding only Defender's security data,
// while everything else keeps the Entra-only workspace above. Reading it still needs Azure RBAC.
resource defenderWorkspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = if (defender) {
  name: 'log-tripgen-${envName}-defender'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
      disableLocalAuth: false
    }
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource defenderWorkspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (defender) {
  name: 'to-log-analytics'
  scope: defenderWorkspace
  properties: {
    workspaceId: workspace.id
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = if (applicationInsights) {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    // Telemetry is sent with Entra ID (the services' workload identities), not the instrumentation key.
    DisableLocalAuth: true
    RetentionInDays: retentionDays
    // Seed §7.2.1: 10% sampling is done by the SDKs (catalog TRACE_SAMPLING_RATIO), not here.
    SamplingPercentage: 100
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource appInsightsDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (applicationInsights) {
  name: 'to-log-analytics'
  scope: appInsights
  properties: {
    workspaceId: workspace.id
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-tripgen-${envName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'tripgen-${envName}'
    enabled: true
    emailReceivers: [
      {
        name: 'on-call'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id

@description('Name of the Log Analytics workspace.')
output workspaceName string = workspace.name

@description('Resource id of the Defender sensor\'s workspace (empty without Defender).')
output defenderWorkspaceId string = defender ? defenderWorkspace.id : ''

@description('Resource id of Application Insights (empty when not created).')
output appInsightsId string = applicationInsights ? appInsights.id : ''

@description('Resource id of the action group alerts notify.')
output actionGroupId string = actionGroup.id
