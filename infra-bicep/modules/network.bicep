// Prod network: the seed's three subnets (application, database, cache) plus the two Azure
// requires (a dedicated Application Gateway subnet and a private endpoint subnet), one NSG per
// subnet carrying the seed's rules (§3.2.1) plus what each service documents as required, NAT
// gateway egress for the nodes (§3.2.2), a subnet for the AKS API server (VNet integration) and
// DDoS protection (§6.1.2; the plan or IP Protection, a profile choice).
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

@description('Pod address range of Azure CNI Overlay: pod-to-pod traffic between nodes carries these addresses, not encapsulated.')
param podCidr string

@description('Private IP of the Istio internal ingress gateway (the Application Gateway\'s backend) in the app subnet.')
param ingressPrivateIp string

@description('Subnet names keyed by role (app, database, cache, appGateway, privateEndpoints, apiServer).')
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
  @description('AKS API server (VNet integration, delegated).')
  apiServer: string
}

resource ddosPlan 'Microsoft.Network/ddosProtectionPlans@2026-03-01' = if (network.ddosProtection == 'NetworkProtectionPlan') {
  name: 'ddos-tripgen-${envName}'
  location: location
  tags: tags
}

// StandardV2: zone redundant (it survives the loss of a zone; a Standard NAT gateway lives in one),
// at the same price. It needs a StandardV2 public IP, zone redundant by default.
// https://learn.microsoft.com/azure/nat-gateway/nat-sku, https://learn.microsoft.com/azure/nat-gateway/nat-availability-zones
resource natPublicIp 'Microsoft.Network/publicIPAddresses@2026-03-01' = {
  name: 'pip-ng-tripgen-${envName}'
  location: location
  tags: tags
  sku: { name: 'StandardV2', tier: 'Regional' }
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
  sku: { name: 'StandardV2' }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [{ id: natPublicIp.id }]
  }
}

// One rule object per line of the tables below; priorities are unique per direction and NSG.
func allow(name string, priority int, direction string, protocol string, sources string[], destinations string[], ports string[]) object => {
  name: name
  properties: {
    priority: priority
    direction: direction
    access: 'Allow'
    protocol: protocol
    sourceAddressPrefixes: sources
    sourcePortRange: '*'
    destinationAddressPrefixes: destinations
    destinationPortRanges: ports
  }
}

func tagRule(name string, priority int, direction string, access string, protocol string, source string, destination string, ports string[]) object => {
  name: name
  properties: {
    priority: priority
    direction: direction
    access: access
    protocol: protocol
    sourceAddressPrefix: source
    sourcePortRange: '*'
    destinationAddressPrefix: destination
    destinationPortRanges: ports
  }
}

var allowLoadBalancerInbound = tagRule('AllowAzureLoadBalancerInbound', 4000, 'Inbound', 'Allow', '*', 'AzureLoadBalancer', '*', ['0-65535'])
var denyAllInbound = tagRule('DenyAllInbound', 4096, 'Inbound', 'Deny', '*', '*', '*', ['0-65535'])
var denyInternetOutbound = tagRule('DenyInternetOutbound', 4096, 'Outbound', 'Deny', '*', '*', 'Internet', ['0-65535'])

var app = network.app.addressPrefix
var database = network.database.addressPrefix
var cache = network.cache.addressPrefix
var gateway = network.appGateway.addressPrefix
var endpoints = network.privateEndpoints.addressPrefix
var apiServer = network.apiServer.addressPrefix

// Seed: the gateway accepts 443 and 80 (80 only to redirect to 443) and talks only to AKS. The v2
// SKU needs GatewayManager on 65200-65535 and the Azure load balancer, and must keep its outbound
// Internet access (no outbound deny here).
// https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups
var appGatewayRules = [
  tagRule('AllowHttpsHttpInbound', 100, 'Inbound', 'Allow', 'Tcp', 'Internet', gateway, ['443', '80'])
  tagRule('AllowGatewayManagerInbound', 110, 'Inbound', 'Allow', 'Tcp', 'GatewayManager', '*', ['65200-65535'])
  allowLoadBalancerInbound
  denyAllInbound
  // The backend is the Istio internal ingress gateway's load balancer IP, HTTPS only.
  allow('AllowIstioIngressOutbound', 100, 'Outbound', 'Tcp', [gateway], ['${ingressPrivateIp}/32'], ['443'])
  // The listener's certificate comes from Key Vault through its private endpoint.
  allow('AllowKeyVaultOutbound', 110, 'Outbound', 'Tcp', [gateway], [endpoints], ['443'])
]

// AKS nodes and pods (Azure CNI Overlay). Pod-to-pod traffic between nodes keeps the pod CIDR
// addresses and is not encapsulated, so the NSG must allow node CIDR <-> node CIDR, node CIDR ->
// pod CIDR and pod CIDR -> pod CIDR on all ports and protocols (CoreDNS, sidecars to istiod,
// kubelet, the internal load balancer's backends).
// https://learn.microsoft.com/azure/aks/azure-cni-overlay#network-security-groups
// The API server (VNet integration) calls webhooks and kubelets from its delegated subnet.
// Seed: from outside the cluster only the gateway, and only to the Istio ingress gateway.
var appRules = [
  allow('AllowAppGatewayInbound', 100, 'Inbound', 'Tcp', [gateway], ['${ingressPrivateIp}/32'], ['443'])
  allow('AllowClusterInbound', 110, 'Inbound', '*', [app, podCidr], [app, podCidr], ['0-65535'])
  allow('AllowApiServerInbound', 120, 'Inbound', 'Tcp', [apiServer], [app, podCidr], ['0-65535'])
  allowLoadBalancerInbound
  denyAllInbound
  allow('AllowClusterOutbound', 100, 'Outbound', '*', [app, podCidr], [app, podCidr], ['0-65535'])
  // PostgreSQL (5432) and its built-in PgBouncer (6432).
  allow('AllowPostgresOutbound', 110, 'Outbound', 'Tcp', [app], [database], ['5432', '6432'])
  allow('AllowRedisOutbound', 120, 'Outbound', 'Tcp', [app], [cache], ['10000'])
  // Service Bus and Event Hubs (AMQP 5671, AMQP over WebSockets 443), Key Vault and ACR (443).
  allow('AllowPrivateEndpointsOutbound', 130, 'Outbound', 'Tcp', [app], [endpoints], ['443', '5671'])
  allow('AllowApiServerOutbound', 140, 'Outbound', 'Tcp', [app, podCidr], [apiServer], ['443'])
]

// Seed: the database tier accepts only AKS and has no Internet access. Flexible Server with
// private access: clients on 5432 and on 6432 (the built-in PgBouncer), replication between the
// primary, the HA standby and the replicas inside the delegated subnet, Azure Storage for WAL and
// backups, Entra ID to validate tokens.
// https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private
var databaseRules = [
  allow('AllowAksPostgresInbound', 100, 'Inbound', 'Tcp', [app], [database], ['5432', '6432'])
  allow('AllowReplicationInbound', 110, 'Inbound', 'Tcp', [database], [database], ['5432', '6432'])
  allowLoadBalancerInbound
  denyAllInbound
  allow('AllowReplicationOutbound', 100, 'Outbound', 'Tcp', [database], [database], ['5432', '6432'])
  tagRule('AllowStorageOutbound', 110, 'Outbound', 'Allow', 'Tcp', database, 'Storage', ['443'])
  tagRule('AllowEntraIdOutbound', 120, 'Outbound', 'Allow', 'Tcp', database, 'AzureActiveDirectory', ['443'])
  denyInternetOutbound
]

// Azure Managed Redis private endpoint: TLS on 10000 (Enterprise clustering, one endpoint).
var cacheRules = [
  allow('AllowAksRedisInbound', 100, 'Inbound', 'Tcp', [app], [cache], ['10000'])
  denyAllInbound
  denyInternetOutbound
]

var privateEndpointRules = [
  // AKS reaches every endpoint; the gateway reads its TLS certificate from Key Vault.
  allow('AllowAksAndGatewayPrivateEndpointsInbound', 100, 'Inbound', 'Tcp', [app, gateway], [endpoints], ['443', '5671'])
  denyAllInbound
]

// API server VNet integration: the nodes (and pods) reach the API server subnet on 443 and 4443
// (the doc's NSG table: both required between nodes and the API server); the API server reaches
// kubelets and webhook pods.
// https://learn.microsoft.com/azure/aks/api-server-vnet-integration
var apiServerRules = [
  allow('AllowClusterApiServerInbound', 100, 'Inbound', 'Tcp', [app, podCidr], [apiServer], ['443', '4443'])
  allowLoadBalancerInbound
  denyAllInbound
  allow('AllowApiServerToClusterOutbound', 100, 'Outbound', 'Tcp', [apiServer], [app, podCidr], ['0-65535'])
]

var subnets = [
  { key: 'app', subnet: subnetNames.app, prefix: app, rules: appRules, nat: true, delegation: '', pePolicies: 'Enabled' }
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
    key: 'apiserver'
    subnet: subnetNames.apiServer
    prefix: apiServer
    rules: apiServerRules
    nat: false
    delegation: 'Microsoft.ContainerService/managedClusters'
    pePolicies: 'Enabled'
  }
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
    enableDdosProtection: network.ddosProtection == 'NetworkProtectionPlan'
    ddosProtectionPlan: network.ddosProtection == 'NetworkProtectionPlan' ? { id: ddosPlan.id } : null
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
