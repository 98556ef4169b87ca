// The Application Gateway's identity and its read access to the vault that holds the edge
// certificate. Deployed from phase 1 on (wherever the profile has a gateway), a phase before the
// gateway itself: a role assignment can take minutes to take effect, and a gateway created seconds
// after its grant cannot read its certificate and ends Failed. By phase 2 (after the certificate
// import) the grant is long in force. https://learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---role-assignment-changes-are-not-being-detected

import { builtInRoles as roles } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the identity.')
param name string

@description('Name of the Key Vault holding the TLS certificate.')
param keyVaultName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

// The certificate's private key is read through its backing secret, which is what this role allows.
resource certificateReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'Application Gateway reads its TLS certificate'
  }
}

@description('Resource id of the identity.')
output id string = identity.id
