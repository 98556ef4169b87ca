// Azure Database for PostgreSQL Flexible Server (prod): private access (VNet integration in the
// seed's database subnet), Entra ID authentication only, zone-redundant HA, 35-day geo-redundant
// backup, the catalog's databases and extensions, and read replicas. Azure allows neither HA nor
// geo-redundant backup on a replica, so replicas have both off and sit in other zones instead.

import { postgresProfile } from '../types.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the primary server (globally unique: it is its DNS name); replicas append -replica-<n>.')
param name string

@description('Server sizing and availability.')
param profile postgresProfile

@description('Databases to create (from the catalog DATABASES).')
param databases string[]

@description('Extensions to allow-list (from the catalog databaseExtensions).')
param extensions string[]

@description('Delegated subnet of the servers.')
param subnetId string

@description('Private DNS zone private.postgres.database.azure.com.')
param dnsZoneId string

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string


var network = {
  delegatedSubnetResourceId: subnetId
  privateDnsZoneArmResourceId: dnsZoneId
  publicNetworkAccess: 'Disabled'
}

var sku = { name: profile.skuName, tier: profile.tier }

var storage = {
  storageSizeGB: profile.storageSizeGB
  autoGrow: 'Enabled'
}

resource primary 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: name
  location: location
  tags: tags
  sku: sku
  properties: {
    version: profile.version
    createMode: 'Create'
    availabilityZone: profile.primaryZone
    storage: storage
    network: network
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    backup: {
      backupRetentionDays: profile.backupRetentionDays
      geoRedundantBackup: profile.geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: profile.zoneRedundantHa
      ? { mode: 'ZoneRedundant', standbyAvailabilityZone: profile.standbyZone }
      : { mode: 'Disabled' }
    maintenanceWindow: { customWindow: 'Enabled', dayOfWeek: 0, startHour: 2, startMinute: 0 }
  }
}

resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2025-08-01' = {
  parent: primary
  name: profile.entraAdmin.objectId
  properties: {
    principalName: profile.entraAdmin.principalName
    principalType: profile.entraAdmin.principalType
    tenantId: tenant().tenantId
  }
}

resource allowedExtensions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: primary
  name: 'azure.extensions'
  properties: {
    value: toUpper(join(extensions, ','))
    source: 'user-override'
  }
  dependsOn: [admin]
}

resource dbs 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = [
  for db in databases: {
    parent: primary
    name: db
    properties: { charset: 'UTF8', collation: 'en_US.utf8' }
    dependsOn: [allowedExtensions]
  }
]

resource replicas 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = [
  for (zone, i) in profile.replicaZones: {
    name: '${name}-replica-${i + 1}'
    location: location
    tags: tags
    sku: sku
    properties: {
      createMode: 'Replica'
      sourceServerResourceId: primary.id
      availabilityZone: zone
      storage: storage
      network: network
      // Not allowed on replicas; the primary carries both.
      highAvailability: { mode: 'Disabled' }
      backup: { backupRetentionDays: profile.backupRetentionDays, geoRedundantBackup: 'Disabled' }
    }
    dependsOn: [dbs]
  }
]

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: primary
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource replicaDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (zone, i) in profile.replicaZones: {
    name: 'to-log-analytics'
    scope: replicas[i]
    properties: {
      workspaceId: workspaceId
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
      metrics: [{ category: 'AllMetrics', enabled: true }]
    }
  }
]

@description('Resource id of the primary server.')
output id string = primary.id

@description('Host name of the primary server.')
output host string = primary.properties.fullyQualifiedDomainName
