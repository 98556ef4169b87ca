// Azure Managed Redis (Microsoft.Cache/redisEnterprise, Balanced SKU): Azure Cache for Redis
// Premium (the seed's P1) can no longer be created. OSS cluster mode (the seed's cluster mode),
// high availability (replicas across availability zones: AMR places them itself, the `zones`
// property is for the Enterprise SKUs only), TLS 1.2, Entra ID only (access keys off), no public
// access, allkeys-lru eviction (catalog CACHE_POLICY), and ONE persistence mode: the API accepts
// AOF or RDB, not both (the seed asked for RDB + AOF).

import { privateAccess, redisProfile } from '../types.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Name of the resource.')
param name string

@description('SKU and persistence mode.')
param profile redisProfile

@description('Eviction policy in Redis terms (catalog CACHE_POLICY.l2.evictionPolicy), e.g. allkeys-lru.')
param evictionPolicy string

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('Private endpoint placement (the cache subnet).')
param private privateAccess

@description('Subnet of the private endpoint (the seed\'s cache subnet).')
param subnetId string

// 'allkeys-lru' -> 'AllKeysLRU', the API's spelling.
var evictionPolicyApi = {
  'allkeys-lru': 'AllKeysLRU'
  'allkeys-lfu': 'AllKeysLFU'
  'allkeys-random': 'AllKeysRandom'
  'volatile-lru': 'VolatileLRU'
  'volatile-lfu': 'VolatileLFU'
  'volatile-ttl': 'VolatileTTL'
  'volatile-random': 'VolatileRandom'
  noeviction: 'NoEviction'
}[evictionPolicy]

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: profile.skuName }
  properties: {
    highAvailability: 'Enabled'
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  name: 'default'
  properties: {
    clientProtocol: 'Encrypted'
    port: 10000
    // Sharded across the cluster's nodes (the seed's cluster mode) behind one endpoint: Enterprise
    // clustering proxies keys to their shard, so the services' single-endpoint ioredis clients work.
    // OSSCluster would need cluster-aware clients that follow MOVED redirects.
    clusteringPolicy: 'EnterpriseCluster'
    evictionPolicy: evictionPolicyApi
    accessKeysAuthentication: 'Disabled'
    persistence: profile.persistence == 'aof'
      ? { aofEnabled: true, aofFrequency: '1s', rdbEnabled: false }
      : { aofEnabled: false, rdbEnabled: true, rdbFrequency: '1h' }
  }
}

// The cluster has metrics only; connection events are logs of the database.
#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource clusterDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: cluster
  properties: {
    workspaceId: workspaceId
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource databaseDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: database
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
}

module endpoint 'private-endpoint.bicep' = {
  name: 'pe-redis-${envName}'
  params: {
    location: location
    tags: tags
    name: 'pe-redis-tripgen-${envName}'
    targetId: cluster.id
    groupId: 'redisEnterprise'
    subnetId: subnetId
    dnsZoneId: private.dnsZoneIds.redis
  }
}

@description('Name of the cluster.')
output name string = cluster.name

@description('Resource id of the cluster.')
output id string = cluster.id

@description('Host name clients connect to.')
output host string = cluster.properties.hostName

@description('TLS port of the database.')
output port int = database.properties.port
