// Prod network: the seed's three subnets (application, database, cache) plus the two Azure
// requires (a dedicated Application Gateway subnet and a private endpoint subnet), one NSG per
// subnet carrying the seed's rules (§3.2.1), NAT gateway egress for the nodes (§3.2.2) and a
// DDoS Protection plan (§6.1.2).
//
// Node/pod addressing: Azure CNI Overlay. Nodes take addresses from the application /24 (251
// usable, so 10 nodes of the user pool plus 3 system nodes and surge nodes fit with room), pods
// take addresses from a private overlay range outside the VNet. Flat Azure CNI would need
// (maxPods + 1) addresses per node: 10 user nodes x 111 > a /24, which is why we do not use it.

import { networkProfile } from '../types.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Network layout.')
param network networkProfile

@description('Log Analytics workspace receiving diagnostics.')
param workspaceId string

@description('Name of the virtual network.')
param name string

@description('Subnet names keyed by role (app, database, cache, appGateway, privateEndpoints).')
param subnetNames {
  @description('AKS nodes.')
  app: string
  @description('PostgreSQL (delegated).')
  database: string
  @description('Redis private endpoint.')
  cache: string
  @description('Application Gateway.')
  appGateway: string
  @description('Other private endpoints.')
  privateEndpoints: string
}

resource ddosPlan 'Microsoft.Network/ddosProtectionPlans@2026-03-01' = if (network.ddosProtection) {
  name: 'ddos-tripgen-${envName}'
  location: location
  tags: tags
}

resource natPublicIp 'Microsoft.Network/publicIPAddresses@2026-03-01' = {
  name: 'pip-ng-tripgen-${envName}'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Regional' }
  // A NAT gateway is a zonal resource; its public IP must be in the same zone.
  zones: ['1']
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
    idleTimeoutInMinutes: 4
  }
}

resource natGateway 'Microsoft.Network/natGateways@2026-03-01' = {
  name: 'ng-tripgen-${envName}'
  location: location
  tags: tags
  sku: { name: 'Standard' }
  zones: ['1']
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [{ id: natPublicIp.id }]
  }
}

var allowLoadBalancerInbound = {
  name: 'AllowAzureLoadBalancerInbound'
  properties: {
    priority: 4000
    direction: 'Inbound'
    access: 'Allow'
    protocol: '*'
    sourceAddressPrefix: 'AzureLoadBalancer'
    sourcePortRange: '*'
    destinationAddressPrefix: '*'
    destinationPortRange: '*'
  }
}

var denyAllInbound = {
  name: 'DenyAllInbound'
  properties: {
    priority: 4096
    direction: 'Inbound'
    access: 'Deny'
    protocol: '*'
    sourceAddressPrefix: '*'
    sourcePortRange: '*'
    destinationAddressPrefix: '*'
    destinationPortRange: '*'
  }
}

// Seed: the gateway accepts 443 and 80 (80 only to redirect to 443) and talks only to AKS.
var appGatewayRules = [
  {
    name: 'AllowHttpsHttpInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'Internet'
      sourcePortRange: '*'
      destinationAddressPrefix: network.appGateway.addressPrefix
      destinationPortRanges: ['443', '80']
    }
  }
  {
    // Required by the v2 SKU for its health and management traffic.
    name: 'AllowGatewayManagerInbound'
    properties: {
      priority: 110
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'GatewayManager'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '65200-65535'
    }
  }
  allowLoadBalancerInbound
  denyAllInbound
  {
    name: 'AllowAksOutbound'
    properties: {
      priority: 100
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: network.app.addressPrefix
      destinationPortRanges: ['80', '443']
    }
  }
]

// Seed: AKS nodes accept only the gateway; they reach PostgreSQL, Redis and Service Bus.
var appRules = [
  {
    name: 'AllowAppGatewayInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.appGateway.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.app.addressPrefix
      destinationPortRanges: ['80', '443']
    }
  }
  {
    // Node-to-node traffic (kubelet, overlay-encapsulated pod traffic, Istio).
    name: 'AllowIntraSubnetInbound'
    properties: {
      priority: 110
      direction: 'Inbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: network.app.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.app.addressPrefix
      destinationPortRange: '*'
    }
  }
  allowLoadBalancerInbound
  denyAllInbound
  {
    name: 'AllowPostgresOutbound'
    properties: {
      priority: 100
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.app.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.database.addressPrefix
      destinationPortRange: '5432'
    }
  }
  {
    name: 'AllowRedisOutbound'
    properties: {
      priority: 110
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.app.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.cache.addressPrefix
      destinationPortRange: '10000'
    }
  }
  {
    // Service Bus and Event Hubs (AMQP 5671, HTTPS 443), Key Vault and ACR (443).
    name: 'AllowPrivateEndpointsOutbound'
    properties: {
      priority: 120
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.app.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.privateEndpoints.addressPrefix
      destinationPortRanges: ['443', '5671']
    }
  }
]

// Seed: the database tier accepts only AKS and has no internet access.
var databaseRules = [
  {
    name: 'AllowAksPostgresInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.app.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.database.addressPrefix
      destinationPortRange: '5432'
    }
  }
  {
    // HA standby and read replicas replicate inside the delegated subnet.
    name: 'AllowReplicationInbound'
    properties: {
      priority: 110
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.database.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.database.addressPrefix
      destinationPortRange: '5432'
    }
  }
  allowLoadBalancerInbound
  denyAllInbound
  {
    // The flexible server ships WAL and backups to Azure Storage.
    name: 'AllowStorageOutbound'
    properties: {
      priority: 100
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.database.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: 'Storage'
      destinationPortRange: '443'
    }
  }
  {
    // Entra ID authentication: the server validates tokens against Microsoft Entra ID.
    name: 'AllowEntraIdOutbound'
    properties: {
      priority: 110
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.database.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureActiveDirectory'
      destinationPortRange: '443'
    }
  }
  {
    name: 'DenyInternetOutbound'
    properties: {
      priority: 4096
      direction: 'Outbound'
      access: 'Deny'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Internet'
      destinationPortRange: '*'
    }
  }
]

var cacheRules = [
  {
    name: 'AllowAksRedisInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: network.app.addressPrefix
      sourcePortRange: '*'
      destinationAddressPrefix: network.cache.addressPrefix
      destinationPortRange: '10000'
    }
  }
  denyAllInbound
  {
    name: 'DenyInternetOutbound'
    properties: {
      priority: 4096
      direction: 'Outbound'
      access: 'Deny'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Internet'
      destinationPortRange: '*'
    }
  }
]

var privateEndpointRules = [
  {
    // AKS reaches every endpoint; the gateway reads its TLS certificate from Key Vault.
    name: 'AllowAksAndGatewayPrivateEndpointsInbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefixes: [network.app.addressPrefix, network.appGateway.addressPrefix]
      sourcePortRange: '*'
      destinationAddressPrefix: network.privateEndpoints.addressPrefix
      destinationPortRanges: ['443', '5671']
    }
  }
  denyAllInbound
]

var subnets = [
  { key: 'app', subnet: subnetNames.app, prefix: network.app.addressPrefix, rules: appRules, nat: true, delegation: '', pePolicies: 'Enabled' }
  {
    key: 'database'
    subnet: subnetNames.database
    prefix: network.database.addressPrefix
    rules: databaseRules
    nat: false
    delegation: 'Microsoft.DBforPostgreSQL/flexibleServers'
    pePolicies: 'Enabled'
  }
  { key: 'cache', subnet: subnetNames.cache, prefix: network.cache.addressPrefix, rules: cacheRules, nat: false, delegation: '', pePolicies: 'NetworkSecurityGroupEnabled' }
  { key: 'appgw', subnet: subnetNames.appGateway, prefix: network.appGateway.addressPrefix, rules: appGatewayRules, nat: false, delegation: '', pePolicies: 'Enabled' }
  {
    key: 'pe'
    subnet: subnetNames.privateEndpoints
    prefix: network.privateEndpoints.addressPrefix
    rules: privateEndpointRules
    nat: false
    delegation: ''
    pePolicies: 'NetworkSecurityGroupEnabled'
  }
]

resource nsgs 'Microsoft.Network/networkSecurityGroups@2026-03-01' = [
  for s in subnets: {
    name: 'nsg-${s.key}-tripgen-${envName}'
    location: location
    tags: tags
    properties: {
      securityRules: s.rules
    }
  }
]

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource nsgDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (s, i) in subnets: {
    name: 'to-log-analytics'
    scope: nsgs[i]
    properties: {
      workspaceId: workspaceId
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
    }
  }
]

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [network.addressSpace] }
    enableDdosProtection: network.ddosProtection
    ddosProtectionPlan: network.ddosProtection ? { id: ddosPlan.id } : null
    subnets: [
      for (s, i) in subnets: {
        name: s.subnet
        properties: {
          addressPrefix: s.prefix
          networkSecurityGroup: { id: nsgs[i].id }
          natGateway: s.nat ? { id: natGateway.id } : null
          // No implicit outbound: egress is the NAT gateway or nothing.
          defaultOutboundAccess: false
          privateEndpointNetworkPolicies: s.pePolicies
          delegations: empty(s.delegation)
            ? []
            : [{ name: 'delegation', properties: { serviceName: s.delegation } }]
        }
      }
    ]
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource vnetDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vnet
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource natPublicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: natPublicIp
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}
