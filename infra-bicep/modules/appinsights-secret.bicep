// The Application Insights connection string as a Key Vault secret: the services read it through
// their SecretProviderClass (APPLICATIONINSIGHTS_CONNECTION_STRING) and export traces and request
// metrics to it with their own Entra tokens (local auth is off on the component; the identities
// have Monitoring Metrics Publisher on it). Kept out of the deployment outputs (the hand-over
// holds no secrets, and a test forbids connection-string outputs).

@description('Key Vault the services read their secrets from.')
param keyVaultName string

@description('Application Insights component.')
param appInsightsName string

@description('Secret name (k8s/src/config/secrets.ts reads the same name).')
param secretName string

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: secretName
  properties: {
    value: appInsights.properties.ConnectionString
    contentType: 'text/plain'
  }
}

@description('Name of the secret.')
output name string = secret.name
