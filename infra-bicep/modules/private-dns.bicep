// Private DNS zones for every private endpoint and the VNet-integrated PostgreSQL server,
// each linked to the prod VNet so that the public names resolve to private addresses.

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Virtual network the zones are linked to.')
param vnetId string

@description('Zone names keyed by service kind.')
param zones object

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for z in items(zones): {
    name: z.value
    location: 'global'
    tags: tags
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (z, i) in items(zones): {
    parent: dnsZones[i]
    name: 'link-vnet-tripgen-${envName}'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: { id: vnetId }
    }
  }
]
