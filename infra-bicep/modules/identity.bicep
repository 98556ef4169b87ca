// One user-assigned managed identity per TripGen service, federated with the service's Kubernetes
// service account (workload identity), and only the data-plane roles that service needs:
// - Key Vault Secrets User on exactly the secrets its pods mount (catalog keyVaultSecrets), never on
//   the vault: a vault-wide grant let every service read the user service's token-signing key and
//   the edge certificate's private key;
// - Service Bus Data Sender / Receiver on exactly the queues the catalog says it produces / consumes;
// - the Redis `default` data access policy on the cache database, where a managed cache exists;
// - Monitoring Metrics Publisher on Application Insights, where it exists (local auth is off there,
//   so telemetry is sent with the workload identity).
// PostgreSQL access is granted inside the server, not by Azure RBAC: the database-roles Job runs as
// its own identity (a PostgreSQL Entra administrator, postgres-entra-admin.bicep) and maps each
// service identity to a role with pgaadauth_create_principal_with_oid (k8s/README.md "Database roles").

import { catalogService } from '../types.bicep'
import { builtInRoles as roles } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Services from the catalog (generated catalog.json).')
param services catalogService[]

@description('Kubernetes namespace of the service accounts.')
param k8sNamespace string

@description('OIDC issuer URL of the AKS cluster.')
param oidcIssuerUrl string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Key Vault secrets this deployment writes, by name: whether it writes it here (the Application Insights connection string where Application Insights exists).')
param deploymentWrites object

@description('Whether the secrets an operator writes into the vault (README step 5: the edge certificate and the user service\'s signing key) are there: a role assignment needs its scope, the secret, to exist.')
param operatorWritesInVault bool

@description('Name of the Service Bus namespace.')
param serviceBusName string

@description('Name of the geo-DR secondary Service Bus namespace; empty without geo-DR.')
param serviceBusSecondaryName string

@description('Resource group of the geo-DR secondary namespace (in the DR region); empty without geo-DR.')
param serviceBusSecondaryResourceGroup string = ''

@description('Name of the Azure Managed Redis cluster; empty when Redis runs in-cluster.')
param redisName string

@description('Name of Application Insights; empty when it is not created.')
param appInsightsName string

@description('Name of the identity that maps the services\' identities to PostgreSQL roles (a PostgreSQL Entra administrator); empty without a managed PostgreSQL.')
param postgresRolesIdentityName string

@description('Kubernetes service account of the database-roles Job.')
param postgresRolesServiceAccount string

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = [
  for s in services: {
    name: 'id-tripgen-${s.name}-${envName}'
    location: location
    tags: tags
  }
]

resource federations 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = [
  for (s, i) in services: {
    parent: identities[i]
    name: 'k8s-${k8sNamespace}-${s.serviceAccount}'
    properties: {
      issuer: oidcIssuerUrl
      subject: 'system:serviceaccount:${k8sNamespace}:${s.serviceAccount}'
      audiences: ['api://AzureADTokenExchange']
    }
  }
]

resource postgresRoles 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = if (!empty(postgresRolesIdentityName)) {
  name: empty(postgresRolesIdentityName) ? 'none' : postgresRolesIdentityName
  location: location
  tags: tags
}

resource postgresRolesFederation 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = if (!empty(postgresRolesIdentityName)) {
  parent: postgresRoles
  name: 'k8s-${k8sNamespace}-${postgresRolesServiceAccount}'
  properties: {
    issuer: oidcIssuerUrl
    subject: 'system:serviceaccount:${k8sNamespace}:${postgresRolesServiceAccount}'
    audiences: ['api://AzureADTokenExchange']
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

// One row per (service, secret) whose secret exists in this deployment: one it writes itself, or an
// operator's once they are in the vault. Key Vault RBAC accepts a secret as the scope of a role
// assignment (learn.microsoft.com/azure/key-vault/general/rbac-guide, "Secret scope role assignment").
var secretGrants = flatten(map(range(0, length(services)), i => map(
  filter(services[i].keyVaultSecrets, n => contains(deploymentWrites, n) ? bool(deploymentWrites[n]) : operatorWritesInVault),
  n => { index: i, secret: n }
)))

resource secrets 'Microsoft.KeyVault/vaults/secrets@2026-05-15' existing = [
  for g in secretGrants: {
    parent: vault
    name: g.secret
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (g, j) in secretGrants: {
    name: guid(secrets[j].id, identities[g.index].id, roles.keyVaultSecretsUser)
    scope: secrets[j]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
      principalId: identities[g.index].properties.principalId
      principalType: 'ServicePrincipal'
      description: '${services[g.index].name} service reads ${g.secret}'
    }
  }
]

// One row per (service, queue, role): Bicep loops are flat, so the grants are flattened first.
var queueGrants = flatten(map(range(0, length(services)), i => concat(
  map(services[i].produces, q => { index: i, queue: q, role: roles.serviceBusDataSender, verb: 'sends to' }),
  map(services[i].consumes, q => { index: i, queue: q, role: roles.serviceBusDataReceiver, verb: 'receives from' })
)))

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusName
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2026-01-01' existing = [
  for g in queueGrants: {
    parent: namespace
    name: g.queue
  }
]

resource queueRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (g, j) in queueGrants: {
    name: guid(queues[j].id, identities[g.index].id, g.role)
    scope: queues[j]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', g.role)
      principalId: identities[g.index].properties.principalId
      principalType: 'ServicePrincipal'
      description: '${services[g.index].name} service ${g.verb} ${g.queue}'
    }
  }
]

// Role assignments on the primary's queues are not replicated by geo-DR (it copies entities, not
// RBAC), and the secondary's queues only exist once the pairing has copied them: each service
// gets the data roles it has on the primary on the secondary namespace as a whole, so it can still
// send and receive after a failover. The passive secondary takes no traffic before that.
// https://learn.microsoft.com/azure/service-bus-messaging/service-bus-geo-dr
var secondaryGrants = empty(serviceBusSecondaryName) ? [] : flatten(map(range(0, length(services)), i => concat(
  empty(services[i].produces) ? [] : [{ index: i, role: roles.serviceBusDataSender, verb: 'sends' }],
  empty(services[i].consumes) ? [] : [{ index: i, role: roles.serviceBusDataReceiver, verb: 'receives' }]
)))

// The secondary lives in the DR region's resource group (servicebus-secondary.bicep).
module secondaryRoles 'servicebus-secondary-roles.bicep' = if (!empty(serviceBusSecondaryName)) {
  name: 'sb-dr-roles-${envName}'
  scope: resourceGroup(empty(serviceBusSecondaryResourceGroup) ? resourceGroup().name : serviceBusSecondaryResourceGroup)
  params: {
    namespaceName: empty(serviceBusSecondaryName) ? 'none' : serviceBusSecondaryName
    grants: [
      for g in secondaryGrants: {
        identityId: identities[g.index].id
        principalId: identities[g.index].properties.principalId
        role: g.role
        description: '${services[g.index].name} service ${g.verb} after a geo-DR failover'
      }
    ]
  }
}

resource redis 'Microsoft.Cache/redisEnterprise@2025-07-01' existing = if (!empty(redisName)) {
  name: empty(redisName) ? 'none' : redisName

  resource database 'databases' existing = {
    name: 'default'
  }
}

// The cache accepts one access-policy change at a time.
@batchSize(1)
resource redisAccess 'Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments@2025-07-01' = [
  for (s, i) in services: if (!empty(redisName)) {
    parent: redis::database
    // Names allow letters and digits only.
    name: 'tripgen${s.name}'
    properties: {
      accessPolicyName: 'default'
      user: { objectId: identities[i].properties.principalId }
    }
  }
]

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = if (!empty(appInsightsName)) {
  name: empty(appInsightsName) ? 'none' : appInsightsName
}

resource telemetryPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (s, i) in services: if (!empty(appInsightsName)) {
    name: guid(appInsights.id, identities[i].id, roles.monitoringMetricsPublisher)
    scope: appInsights
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
      principalId: identities[i].properties.principalId
      principalType: 'ServicePrincipal'
      description: '${s.name} service sends telemetry'
    }
  }
]

@description('Client id of each service\'s identity (for its service account\'s azure.workload.identity/client-id).')
output clientIds array = [for (s, i) in services: { service: s.name, clientId: identities[i].properties.clientId }]

@description('Object (principal) id and name of each service\'s identity: the PostgreSQL role of the service is the identity\'s name, mapped to its object id.')
output principals array = [for (s, i) in services: { service: s.name, name: identities[i].name, principalId: identities[i].properties.principalId }]

@description('Client id of the database-roles identity (empty without a managed PostgreSQL).')
output postgresRolesClientId string = empty(postgresRolesIdentityName) ? '' : postgresRoles!.properties.clientId

@description('Object id of the database-roles identity (empty without a managed PostgreSQL).')
output postgresRolesPrincipalId string = empty(postgresRolesIdentityName) ? '' : postgresRoles!.properties.principalId
