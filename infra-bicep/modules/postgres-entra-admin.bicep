// A managed identity as an additional Entra ID administrator of the flexible server: the
// database-roles Job signs in with it to map the service identities to PostgreSQL roles
// (pgaadauth_create_principal_with_oid must run as an Entra administrator, connected to the
// postgres database). A module because the administrator's name is the principal's object id,
// known only once the identity exists. https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-manage-azure-ad-users

@description('Name of the flexible server.')
param serverName string

@description('Object (principal) id of the identity.')
param principalId string

@description('Display name of the identity (its PostgreSQL role name).')
param principalName string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' existing = {
  name: serverName
}

resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2025-08-01' = {
  parent: server
  name: principalId
  properties: {
    principalName: principalName
    principalType: 'ServicePrincipal'
    tenantId: tenant().tenantId
  }
}
