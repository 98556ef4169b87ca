// One private endpoint with its DNS zone group: the pattern every private service repeats.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the private endpoint.')
param name string

@description('Resource the endpoint connects to.')
param targetId string

@description('Sub-resource (group id) of the target, e.g. vault, registry, namespace, redisEnterprise.')
param groupId string

@description('Subnet the endpoint takes its address from.')
param subnetId string

@description('Private DNS zone that receives the endpoint\'s A record.')
param dnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2026-03-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [{ name: 'zone', properties: { privateDnsZoneId: dnsZoneId } }]
  }
}

@description('Resource id of the private endpoint.')
output id string = endpoint.id
