// AKS in the spirit of mspnp/aks-baseline: Entra ID + Azure RBAC with local accounts off,
// workload identity and OIDC issuer, Azure CNI Overlay with Cilium network policy, Key Vault CSI
// driver with rotation, Azure Policy, Container Insights, Defender, the Istio add-on with an
// internal ingress gateway (the Application Gateway's backend), auto-upgrade with maintenance
// windows, and every control-plane log category in Log Analytics.

import { aksProfile } from '../types.bicep'
import { builtInRoles as roles } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Environment name used in resource names.')
param envName string

@description('Tags applied to every resource.')
param tags object

@description('Cluster settings.')
param profile aksProfile

@description('Virtual network of the nodes; empty lets AKS create its own network (dev).')
param vnetName string

@description('Subnet of the nodes in vnetName.')
param nodeSubnetName string

@description('Subnet delegated to the API server (VNet integration) in vnetName.')
param apiServerSubnetName string

@description('Pod CIDR of the overlay network.')
param podCidr string

@description('Service CIDR.')
param serviceCidr string

@description('Cluster DNS service IP.')
param dnsServiceIp string

@description('Log Analytics workspace of Container Insights and diagnostics (Entra ID access only).')
param workspaceId string

@description('Log Analytics workspace of the Defender sensor (see monitoring.bicep: the sensor cannot use Entra ID); empty without Defender.')
param defenderWorkspaceId string

@description('Name of the registry the kubelet pulls from (AcrPull).')
param acrName string

@description('Name of the Key Vault the Key Vault secrets provider add-on reads the edge certificate from (Key Vault Secrets User).')
param keyVaultName string

@description('The edge certificate the add-on syncs for the Istio ingress gateway, once it is in the vault (README step 5); empty where there is none yet, or no edge (dev).')
param edgeCertificateName string

var name = 'aks-tripgen-${envName}'
var customVnet = !empty(vnetName)
var defender = !empty(defenderWorkspaceId)

// The control plane gets a user-assigned identity so that its subnet permission exists before
// the cluster does (a system-assigned identity would race the role assignment).
resource controlPlaneIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${name}'
  location: location
  tags: tags
}

resource vnet 'Microsoft.Network/virtualNetworks@2026-03-01' existing = if (customVnet) {
  name: vnetName

  resource nodeSubnet 'subnets' existing = {
    name: nodeSubnetName
  }

  resource apiServerSubnet 'subnets' existing = {
    name: apiServerSubnetName
  }
}

resource subnetRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (customVnet) {
  name: guid(vnet::nodeSubnet.id, controlPlaneIdentity.id, roles.networkContributor)
  scope: vnet::nodeSubnet
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.networkContributor)
    principalId: controlPlaneIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// API server VNet integration: the control plane identity joins the API server's internal load
// balancer to the delegated subnet (https://learn.microsoft.com/azure/aks/api-server-vnet-integration).
resource apiServerSubnetRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (customVnet) {
  name: guid(vnet::apiServerSubnet.id, controlPlaneIdentity.id, roles.networkContributor)
  scope: vnet::apiServerSubnet
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.networkContributor)
    principalId: controlPlaneIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource cluster 'Microsoft.ContainerService/managedClusters@2026-08-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Base', tier: profile.tier }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${controlPlaneIdentity.id}': {} }
  }
  properties: {
    kubernetesVersion: profile.kubernetesVersion
    dnsPrefix: name
    nodeResourceGroup: 'rg-${name}-nodes'
    disableLocalAccounts: true
    enableRBAC: true
    aadProfile: {
      managed: true
      enableAzureRBAC: true
      tenantID: tenant().tenantId
      adminGroupObjectIDs: profile.adminGroupObjectIds
    }
    oidcIssuerProfile: { enabled: true }
    securityProfile: {
      workloadIdentity: { enabled: true }
      imageCleaner: { enabled: true, intervalHours: 168 }
      defender: defender
        ? { logAnalyticsWorkspaceResourceId: defenderWorkspaceId, securityMonitoring: { enabled: true } }
        : null
    }
    agentPoolProfiles: [
      for p in profile.nodePools: {
        name: p.name
        mode: p.mode
        vmSize: p.vmSize
        count: p.count
        enableAutoScaling: p.?autoscale != null
        minCount: p.?autoscale.?min
        maxCount: p.?autoscale.?max
        maxPods: p.maxPods
        availabilityZones: empty(p.zones) ? null : p.zones
        osType: 'Linux'
        osSKU: 'AzureLinux'
        osDiskType: 'Managed'
        type: 'VirtualMachineScaleSets'
        vnetSubnetID: customVnet ? vnet::nodeSubnet.id : null
        scaleSetPriority: p.spot ? 'Spot' : 'Regular'
        scaleSetEvictionPolicy: p.spot ? 'Delete' : null
        // -1: pay at most the on-demand price, never evicted for price.
        spotMaxPrice: p.spot ? json('-1') : null
        nodeTaints: p.onlyCriticalAddons ? ['CriticalAddonsOnly=true:NoSchedule'] : []
        upgradeSettings: p.spot ? null : { maxSurge: '33%' }
        enableNodePublicIP: false
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      networkDataplane: 'cilium'
      networkPolicy: 'cilium'
      podCidr: podCidr
      serviceCidr: serviceCidr
      dnsServiceIP: dnsServiceIp
      loadBalancerSku: 'standard'
      outboundType: customVnet ? 'userAssignedNATGateway' : 'loadBalancer'
    }
    addonProfiles: {
      azurepolicy: { enabled: true, config: { version: 'v2' } }
      azureKeyvaultSecretsProvider: {
        enabled: true
        config: { enableSecretRotation: 'true', rotationPollInterval: '2m' }
      }
      omsagent: {
        enabled: true
        config: { logAnalyticsWorkspaceResourceID: workspaceId, useAADAuth: 'true' }
      }
    }
    serviceMeshProfile: {
      mode: 'Istio'
      istio: {
        revisions: [profile.istioRevision]
        components: {
          ingressGateways: [{ mode: 'Internal', enabled: true }]
          // Istio CNI instead of the istio-init container, which needs NET_ADMIN/NET_RAW and root:
          // Pod Security "restricted" in the workload namespace would refuse every meshed pod.
          proxyRedirectionMechanism: 'CNIChaining'
        }
      }
    }
    // The managed VPA (recommender, updater, admission controller and its CRD): the k8s side renders
    // VerticalPodAutoscalers in recommendation mode, and this is what serves autoscaling.k8s.io.
    workloadAutoScalerProfile: { verticalPodAutoscaler: { enabled: true } }
    autoUpgradeProfile: {
      upgradeChannel: profile.upgradeChannel
      nodeOSUpgradeChannel: 'NodeImage'
    }
    autoScalerProfile: {
      'balance-similar-node-groups': 'true'
      expander: 'random'
      'skip-nodes-with-system-pods': 'true'
    }
    // The public endpoint answers only the authorized ranges; in prod the nodes (and webhooks back
    // to the pods) use the API server's internal load balancer in its delegated subnet.
    apiServerAccessProfile: {
      enablePrivateCluster: false
      enableVnetIntegration: customVnet
      subnetId: customVnet ? vnet::apiServerSubnet.id : null
      authorizedIPRanges: profile.apiServerAuthorizedRanges
    }
  }
  dependsOn: [subnetRole, apiServerSubnetRole]
}

var maintenanceWindow = {
  schedule: { weekly: { intervalWeeks: 1, dayOfWeek: profile.maintenanceDay } }
  durationHours: 4
  startTime: profile.maintenanceStartTime
  utcOffset: profile.maintenanceUtcOffset
}

resource autoUpgradeWindow 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2026-08-01' = {
  parent: cluster
  name: 'aksManagedAutoUpgradeSchedule'
  properties: { maintenanceWindow: maintenanceWindow }
}

resource nodeOsUpgradeWindow 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations@2026-08-01' = {
  parent: cluster
  name: 'aksManagedNodeOSUpgradeSchedule'
  properties: { maintenanceWindow: maintenanceWindow }
}

#disable-next-line use-recent-api-versions // 2021-05-01-preview is the newest diagnosticSettings API (see bicepconfig.json)
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: cluster
  properties: {
    workspaceId: workspaceId
    // Resource-specific tables (AKSAudit, AKSControlPlane...) instead of AzureDiagnostics.
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      { category: 'kube-apiserver', enabled: true }
      // kube-audit-admin rather than kube-audit: the same writes without the read noise.
      { category: 'kube-audit-admin', enabled: true }
      { category: 'kube-controller-manager', enabled: true }
      { category: 'kube-scheduler', enabled: true }
      { category: 'cluster-autoscaler', enabled: true }
      { category: 'guard', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// Container Insights with managed identity (useAADAuth) collects nothing until a data collection
// rule and its association with the cluster exist; ARM does not create them with the add-on (the
// portal and `az aks enable-addons` do). The default group includes KubePodInventory, which the
// pod-restart alert reads. https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable
var containerInsightsStreams = ['Microsoft-ContainerInsights-Group-Default']

resource containerInsightsRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: 'MSCI-${location}-${name}'
  location: location
  tags: tags
  kind: 'Linux'
  properties: {
    dataSources: {
      extensions: [
        {
          name: 'ContainerInsightsExtension'
          extensionName: 'ContainerInsights'
          streams: containerInsightsStreams
          extensionSettings: {
            dataCollectionSettings: { interval: '1m', namespaceFilteringMode: 'Off', enableContainerLogV2: true }
          }
        }
      ]
    }
    destinations: {
      logAnalytics: [{ name: 'ciworkspace', workspaceResourceId: workspaceId }]
    }
    dataFlows: [{ streams: containerInsightsStreams, destinations: ['ciworkspace'] }]
  }
}

resource containerInsightsAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: 'ContainerInsightsExtension'
  scope: cluster
  properties: {
    description: 'Container Insights: the cluster\'s ama-logs agents send the rule\'s streams to Log Analytics'
    dataCollectionRuleId: containerInsightsRule.id
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' existing = {
  name: acrName
}

resource kubeletAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, cluster.id, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: cluster.properties.identityProfile.kubeletidentity.objectId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

// The Istio ingress gateway's certificate (the Key Vault certificate the Application Gateway also
// serves) is synced into aks-istio-ingress by the Key Vault secrets provider add-on with its own
// managed identity, as Microsoft documents for the Istio add-on's secure gateway: the add-on reads
// the certificate with its private key through the certificate's backing secret, which is what
// Key Vault Secrets User (read secrets, nothing else) allows.
resource edgeCertificateSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' existing = if (!empty(edgeCertificateName)) {
  parent: vault
  name: empty(edgeCertificateName) ? 'none' : edgeCertificateName
}

// On the certificate's backing secret only (Key Vault RBAC accepts a secret as scope: rbac-guide):
// the add-on reads nothing else, and no grant where nothing reads (dev has no SecretProviderClass).
resource secretsProviderVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(edgeCertificateName)) {
  name: guid(edgeCertificateSecret.id, cluster.id, 'azureKeyvaultSecretsProvider', roles.keyVaultSecretsUser)
  scope: edgeCertificateSecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: cluster.properties.addonProfiles.azureKeyvaultSecretsProvider.identity.objectId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the cluster.')
output name string = cluster.name

@description('Resource id of the cluster.')
output id string = cluster.id

@description('OIDC issuer URL the federated credentials trust.')
output oidcIssuerUrl string = cluster.properties.oidcIssuerProfile.issuerURL

@description('Client id of the Key Vault secrets provider add-on\'s managed identity (SecretProviderClass userAssignedIdentityID with useVMManagedIdentity).')
output keyVaultCsiAddonClientId string = cluster.properties.addonProfiles.azureKeyvaultSecretsProvider.identity.clientId
