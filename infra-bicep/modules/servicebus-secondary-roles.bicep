// The services' Service Bus data roles on the geo-DR secondary namespace, in the secondary's own
// resource group (servicebus-secondary.bicep): a role assignment is deployed at its scope's group.

@description('Name of the secondary namespace (in this deployment\'s resource group).')
param namespaceName string

@description('One grant per service and role: identity (its resource id names the assignment deterministically), principal, role definition id, description.')
param grants {
  identityId: string
  principalId: string
  role: string
  description: string
}[]

resource secondaryNamespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: namespaceName
}

resource secondaryRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for g in grants: {
    name: guid(secondaryNamespace.id, g.identityId, g.role)
    scope: secondaryNamespace
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', g.role)
      principalId: g.principalId
      principalType: 'ServicePrincipal'
      description: g.description
    }
  }
]
