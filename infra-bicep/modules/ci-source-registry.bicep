// One role on the registry another environment's CI copies images from (deployed into that
// registry's resource group; see ci-identity.bicep).

@description('Name of the source registry.')
param acrName string

@description('Resource id of the CI identity (names the role assignment deterministically).')
param identityId string

@description('Principal (object) id of the CI identity that reads it.')
param principalId string

@description('Role definition id (GUID) to grant.')
param roleId string

@description('Why the role is granted (role assignment description).')
param purpose string

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = {
  name: acrName
}

resource read 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identityId, roleId)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: purpose
  }
}
