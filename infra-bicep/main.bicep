// TripGen on Azure: one deployment per environment at subscription scope.
//   az deployment sub create -l <region> -n tripgen-<env> -f main.bicep -p env/<env>.bicepparam
// It creates the resource group and calls one module per concern; every difference between dev
// and prod is in the environment profile (types.bicep, env/<env>.bicepparam). Service, queue and
// database facts come from the service catalog through catalog.json (generated from apps/catalog).

targetScope = 'subscription'

import { environmentProfile, privateAccess } from 'types.bicep'

@description('The environment profile: sizes, tiers and switches of this environment.')
param profile environmentProfile

@description('Public host name of the API (Application Gateway listener, Istio gateway host).')
param publicHostName string

@description('Key Vault certificate served by the Application Gateway and the Istio ingress gateway.')
param tlsCertificateName string = 'tripgen-tls'

@description('Whether the edge certificate is in the vault. The vault is created by this deployment with public access off, so on the first run the certificate cannot exist yet and a gateway referring to it would end Failed: phase 1 (false) deploys everything but the Application Gateway, an operator imports the certificate from inside the VNet, phase 2 (true) adds the gateway (README "From an empty subscription to a serving prod").')
param edgeCertificateInVault bool

@description('Whether the Service Bus geo-DR pair exists (true from the second run on, README "From an empty subscription to a serving prod"): once paired, Service Bus refuses every update of the secondary namespace, so a run after the first leaves it and the pairing as they are.')
param serviceBusDrPaired bool = false

@description('Generation of the globally unique names: Key Vault names stay reserved for the 90-day soft-delete retention (purge protection forbids purging), and DNS names (registry, Service Bus, Event Hubs, PostgreSQL, Redis, the gateway\'s label) can be taken meanwhile; bump it to recreate an environment that was deleted, instead of recovering the old vault.')
@minValue(1)
param nameGeneration int = 1

@description('GitHub repository (owner/name) whose workflows deliver images; the one Argo CD syncs (k8s GITOPS_REPO_URL, a test keeps them equal).')
param githubRepository string = 'tripgen/tripgen'

// Facts of the service catalog (apps/catalog), generated; a test proves it is current.
var catalog = loadJsonContent('catalog.json')
// The in-cluster alerting rules (k8s/src/observability), generated for each environment whose
// cluster runs Prometheus (prod); a test proves it is current. They are evaluated by Azure Monitor.
var prometheusAlerts = loadJsonContent('prometheus-alerts.json').environments
var hasPrometheus = contains(prometheusAlerts, envName)
// docs/runbooks.md as on-call opens it: every alert's notification links its section.
var runbooksUrl = 'https://github.com/${githubRepository}/blob/main/docs/runbooks.md'

var envName = profile.name
var location = profile.location
var tags = {
  project: 'tripgen'
  environment: envName
  managedBy: 'bicep'
}

// Every resource name and every id another module needs is decided here, from the profile alone:
// deterministic names make the snapshot reviewable and let modules refer to each other without
// runtime values (What-If can then predict every change). Names that are global (DNS names, Key
// Vault) carry a suffix that is stable for a subscription, environment and nameGeneration, so a
// redeployment finds the same resources and another subscription or a recreated environment gets
// its own names. Key Vault allows 24 characters: kv-tripgen-prod- + 6.
// The resource group, suffix and registry names are functions of the environment, because the
// environment this one promotes from (same subscription) is named the same way.
func rgNameOf(env string) string => 'rg-tripgen-${env}'
func globalSuffixOf(subscriptionId string, env string, generation int) string => take(uniqueString(subscriptionId, env, string(generation)), 6)
// Registry names allow letters and digits only.
func acrNameOf(env string, suffix string) string => 'acrtripgen${env}${suffix}'

var rgName = rgNameOf(envName)
var globalSuffix = globalSuffixOf(subscription().subscriptionId, envName, nameGeneration)
var names = {
  keyVault: 'kv-tripgen-${envName}-${globalSuffix}'
  acr: acrNameOf(envName, globalSuffix)
  serviceBus: 'sb-tripgen-${envName}-${globalSuffix}'
  serviceBusDr: 'sb-tripgen-${envName}-${globalSuffix}-dr'
  eventHubs: 'evhns-tripgen-${envName}-${globalSuffix}'
  postgres: 'psql-tripgen-${envName}-${globalSuffix}'
  redis: 'redis-tripgen-${envName}-${globalSuffix}'
  gatewayDnsLabel: 'tripgen-${envName}-${globalSuffix}'
  appGatewayIdentity: 'id-agw-tripgen-${envName}'
  appInsights: 'appi-tripgen-${envName}'
  vnet: 'vnet-tripgen-${envName}'
  postgresRolesIdentity: 'id-tripgen-dbroles-${envName}'
  aks: 'aks-tripgen-${envName}'
  // Storage account names: letters and digits only, 24 at most (sttripgenbakprod + 6).
  backupStorage: 'sttripgenbak${envName}${globalSuffix}'
}
var hasServiceBusDr = profile.serviceBus.sku == 'Premium' && profile.serviceBus.?drLocation != null
var subnetNames = {
  app: 'snet-app'
  database: 'snet-database'
  cache: 'snet-cache'
  appGateway: 'snet-appgw'
  privateEndpoints: 'snet-pe'
  apiServer: 'snet-apiserver'
}
// Zone names are fixed by Azure for each service (Azure public cloud).
var privateDnsZoneNames = {
  keyVault: 'privatelink.vaultcore.azure.net'
  acr: 'privatelink.azurecr.io'
  serviceBus: 'privatelink.servicebus.windows.net'
  redis: 'privatelink.redis.azure.net'
  postgres: 'private.postgres.database.azure.com'
}
var isPrivate = profile.?network != null
var subnetIds = toObject(
  items(subnetNames),
  s => s.key,
  s => resourceId(subscription().subscriptionId, rgName, 'Microsoft.Network/virtualNetworks/subnets', names.vnet, s.value)
)
var dnsZoneIds = toObject(
  items(privateDnsZoneNames),
  z => z.key,
  z => resourceId(subscription().subscriptionId, rgName, 'Microsoft.Network/privateDnsZones', z.value)
)
var private privateAccess? = isPrivate
  ? {
      endpointSubnetId: subnetIds.privateEndpoints
      dnsZoneIds: {
        keyVault: dnsZoneIds.keyVault
        acr: dnsZoneIds.acr
        serviceBus: dnsZoneIds.serviceBus
        redis: dnsZoneIds.redis
        postgres: dnsZoneIds.postgres
      }
    }
  : null

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: rgName
  location: location
  tags: tags
}

// What must stay manageable when the primary region is lost (the geo-DR secondary namespace) lives
// in a group created in the DR region: a group's metadata is kept in its own region.
var drRgName = '${rgName}-dr'
resource drRg 'Microsoft.Resources/resourceGroups@2025-04-01' = if (hasServiceBusDr) {
  name: drRgName
  location: profile.serviceBus.?drLocation ?? location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  name: 'monitoring'
  params: {
    location: location
    envName: envName
    tags: tags
    retentionDays: profile.logRetentionDays
    applicationInsights: profile.applicationInsights
    appInsightsName: names.appInsights
    alertEmail: profile.alertEmail
    defender: profile.defender
  }
}

module network 'modules/network.bicep' = if (isPrivate) {
  scope: rg
  name: 'network'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.vnet
    subnetNames: subnetNames
    network: profile.network!
    podCidr: profile.?network.?podCidr ?? ''
    ingressPrivateIp: profile.?appGateway.?backendIp ?? ''
    workspaceId: monitoring.outputs.workspaceId
  }
}

module privateDns 'modules/private-dns.bicep' = if (isPrivate) {
  scope: rg
  name: 'private-dns'
  params: {
    envName: envName
    tags: tags
    zones: privateDnsZoneNames
    vnetId: resourceId(subscription().subscriptionId, rgName, 'Microsoft.Network/virtualNetworks', names.vnet)
  }
  dependsOn: [network]
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  name: 'keyvault'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.keyVault
    workspaceId: monitoring.outputs.workspaceId
    private: private
  }
  dependsOn: [privateDns]
}

module acr 'modules/acr.bicep' = {
  scope: rg
  name: 'acr'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.acr
    sku: profile.acrSku
    workspaceId: monitoring.outputs.workspaceId
    private: private
  }
  dependsOn: [privateDns]
}

// Where Application Insights exists, its connection string as a Key Vault secret for the services.
var appInsightsSecretName = 'appinsights-connection-string'
// The secrets an operator writes from inside the VNet (README step 5: the edge certificate and the
// user service's signing key) are there from phase 2 on, in an environment with an edge (prod).
var operatorWritesInVault = profile.?appGateway != null && edgeCertificateInVault
module appInsightsSecret 'modules/appinsights-secret.bicep' = if (profile.applicationInsights) {
  scope: rg
  name: 'appinsights-secret'
  params: {
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    secretName: appInsightsSecretName
  }
  dependsOn: [keyVault, monitoring]
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: rg
  name: 'servicebus'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.serviceBus
    secondaryName: names.serviceBusDr
    secondaryResourceGroup: drRgName
    profile: profile.serviceBus
    queueNames: catalog.queues
    // The tier's size (Basic 1 GB in dev; Premium 80 GB in prod), the catalog's TTL and delivery count.
    queueLimits: union(catalog.queueLimits, { maxSizeInMegabytes: profile.serviceBus.queueMaxSizeInMegabytes })
    workspaceId: monitoring.outputs.workspaceId
    private: private
    drPairExists: serviceBusDrPaired
  }
  dependsOn: [privateDns, drRg]
}

module eventHubs 'modules/eventhubs.bicep' = if (profile.?eventHubs != null) {
  scope: rg
  name: 'eventhubs'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.eventHubs
    profile: profile.eventHubs!
    // Each catalog stream's producer (its service identity) may send to its hub, and nobody else.
    senders: [
      for e in catalog.eventStreams: {
        hub: e.hub
        producer: e.producer
        principalId: filter(identities.outputs.principals, p => p.service == e.producer)[0].principalId
      }
    ]
    workspaceId: monitoring.outputs.workspaceId
    private: private
  }
  dependsOn: [privateDns]
}

module postgres 'modules/postgres.bicep' = if (profile.?postgres != null) {
  scope: rg
  name: 'postgres'
  params: {
    location: location
    tags: tags
    name: names.postgres
    profile: profile.postgres!
    databases: catalog.databases
    extensions: catalog.postgresExtensions
    subnetId: subnetIds.database
    dnsZoneId: dnsZoneIds.postgres
    workspaceId: monitoring.outputs.workspaceId
  }
  dependsOn: [privateDns]
}

module redis 'modules/redis.bicep' = if (profile.?redis != null) {
  scope: rg
  name: 'redis'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.redis
    profile: profile.redis!
    evictionPolicy: catalog.cacheEvictionPolicy
    workspaceId: monitoring.outputs.workspaceId
    private: private!
    subnetId: subnetIds.cache
  }
  dependsOn: [privateDns]
}

module aks 'modules/aks.bicep' = {
  scope: rg
  name: 'aks'
  params: {
    location: location
    envName: envName
    tags: tags
    profile: profile.aks
    vnetName: isPrivate ? names.vnet : ''
    nodeSubnetName: subnetNames.app
    apiServerSubnetName: subnetNames.apiServer
    podCidr: profile.?network.?podCidr ?? '192.168.0.0/16'
    serviceCidr: profile.?network.?serviceCidr ?? '172.16.0.0/16'
    dnsServiceIp: profile.?network.?dnsServiceIp ?? '172.16.0.10'
    workspaceId: monitoring.outputs.workspaceId
    defenderWorkspaceId: monitoring.outputs.defenderWorkspaceId
    acrName: names.acr
    keyVaultName: names.keyVault
    edgeCertificateName: operatorWritesInVault ? tlsCertificateName : ''
  }
  dependsOn: [network, acr, keyVault]
}

module clusterSchedule 'modules/cluster-schedule.bicep' = if (profile.aks.?workingHours != null) {
  scope: rg
  name: 'cluster-schedule'
  params: {
    location: location
    envName: envName
    tags: tags
    clusterName: names.aks
    clusterApiVersion: '2026-08-01'
    workingHours: profile.aks.workingHours!
    workspaceId: monitoring.outputs.workspaceId
  }
  dependsOn: [aks]
}

module identities 'modules/identity.bicep' = {
  scope: rg
  name: 'identity'
  params: {
    location: location
    envName: envName
    tags: tags
    services: catalog.services
    k8sNamespace: catalog.namespace
    oidcIssuerUrl: aks.outputs.oidcIssuerUrl
    keyVaultName: names.keyVault
    serviceBusName: names.serviceBus
    serviceBusSecondaryName: hasServiceBusDr ? names.serviceBusDr : ''
    serviceBusSecondaryResourceGroup: hasServiceBusDr ? drRgName : ''
    redisName: profile.?redis == null ? '' : names.redis
    appInsightsName: profile.applicationInsights ? names.appInsights : ''
    deploymentWrites: { '${appInsightsSecretName}': profile.applicationInsights }
    operatorWritesInVault: operatorWritesInVault
    postgresRolesIdentityName: profile.?postgres == null ? '' : names.postgresRolesIdentity
    postgresRolesServiceAccount: catalog.postgresRolesServiceAccount
  }
  dependsOn: [keyVault, serviceBus, redis, appInsightsSecret]
}

module backupStorage 'modules/backup-storage.bicep' = if (profile.?backup != null) {
  scope: rg
  name: 'backup-storage'
  params: {
    location: location
    envName: envName
    tags: tags
    name: names.backupStorage
    containerName: profile.backup!.containerName
    retentionDays: profile.backup!.retentionDays
    oidcIssuerUrl: aks.outputs.oidcIssuerUrl
    k8sNamespace: catalog.namespace
    serviceAccount: catalog.postgresBackupServiceAccount
    workspaceId: monitoring.outputs.workspaceId
  }
}

// What CI signs in as for this environment, and the registry role it needs (push here, or import
// from the environment this one promotes from).
module ciIdentity 'modules/ci-identity.bicep' = {
  scope: rg
  name: 'ci-identity'
  params: {
    location: location
    envName: envName
    tags: tags
    githubRepository: githubRepository
    githubEnvironment: profile.delivery.githubEnvironment
    acrName: names.acr
    source: profile.delivery.?promotesFrom == null
      ? null
      : {
          resourceGroup: rgNameOf(profile.delivery.promotesFrom!.environment)
          acrName: acrNameOf(
            profile.delivery.promotesFrom!.environment,
            globalSuffixOf(subscription().subscriptionId, profile.delivery.promotesFrom!.environment, profile.delivery.promotesFrom!.nameGeneration)
          )
        }
  }
  dependsOn: [acr]
}

module postgresRolesAdmin 'modules/postgres-entra-admin.bicep' = if (profile.?postgres != null) {
  scope: rg
  name: 'postgres-roles-admin'
  params: {
    serverName: names.postgres
    #disable-next-line what-if-short-circuiting // an administrator is named by its object id, which exists only once the identity does: What-If cannot predict this one child
    principalId: identities.outputs.postgresRolesPrincipalId
    principalName: names.postgresRolesIdentity
  }
  dependsOn: [postgres]
}

// The gateway's identity and its vault grant come in phase 1 already: by phase 2 the grant is in
// force when the gateway first reads its certificate (modules/appgw-identity.bicep).
module appGatewayIdentity 'modules/appgw-identity.bicep' = if (profile.?appGateway != null) {
  scope: rg
  name: 'appgw-identity'
  params: {
    location: location
    tags: tags
    name: names.appGatewayIdentity
    keyVaultName: names.keyVault
  }
  dependsOn: [keyVault]
}

module appGateway 'modules/appgw.bicep' = if (profile.?appGateway != null && edgeCertificateInVault) {
  scope: rg
  name: 'appgw'
  params: {
    location: location
    envName: envName
    tags: tags
    profile: profile.appGateway!
    hostName: publicHostName
    dnsLabel: names.gatewayDnsLabel
    ddosProtection: profile.?network.?ddosProtection ?? 'NetworkProtectionPlan'
    subnetId: subnetIds.appGateway
    keyVaultName: names.keyVault
    certificateName: tlsCertificateName
    probePath: catalog.edgeProbePath
    maxRequestBodySizeInKb: catalog.requestBodyLimitKb
    rateLimit: catalog.edgeRateLimit
    strippedRequestHeaders: catalog.edgeStrippedRequestHeaders
    workspaceId: monitoring.outputs.workspaceId
    identityId: appGatewayIdentity!.outputs.id
  }
  dependsOn: [network, keyVault]
}

module alerts 'modules/alerts.bicep' = {
  scope: rg
  name: 'alerts'
  params: {
    envName: envName
    location: location
    tags: tags
    actionGroupId: monitoring.outputs.actionGroupId
    aksId: aks.outputs.id
    workspaceId: monitoring.outputs.workspaceId
    k8sNamespace: catalog.namespace
    postgresId: profile.?postgres == null ? '' : postgres!.outputs.id
    redisId: profile.?redis == null ? '' : redis!.outputs.id
    appInsightsId: monitoring.outputs.appInsightsId
    services: catalog.services
    responseTimeSlo: catalog.responseTimeSlo
    scheduleRequestName: catalog.scheduleRequestName
    operationalPaths: catalog.operationalPaths
    heldTimeAttribute: catalog.heldTimeAttribute
    runbooksUrl: runbooksUrl
    serviceBusId: serviceBus.outputs.id
    queueConsumers: catalog.queueConsumers[envName]
  }
}

// Where the cluster runs Prometheus: an Azure Monitor workspace that evaluates its alerting rules on
// what it remote-writes, and notifies the action group (modules/prometheus.bicep).
module prometheus 'modules/prometheus.bicep' = if (hasPrometheus) {
  scope: rg
  name: 'prometheus'
  params: {
    location: location
    envName: envName
    tags: tags
    oidcIssuerUrl: aks.outputs.oidcIssuerUrl
    serviceAccount: prometheusAlerts[envName].prometheusServiceAccount
    aksId: aks.outputs.id
    clusterName: aks.outputs.name
    actionGroupId: monitoring.outputs.actionGroupId
    evaluationInterval: prometheusAlerts[envName].evaluationInterval
    clusterPlaceholder: prometheusAlerts[envName].clusterPlaceholder
    workspaceId: monitoring.outputs.workspaceId
    groups: prometheusAlerts[envName].groups
    runbooksUrl: runbooksUrl
  }
}

module prometheusIngestion 'modules/prometheus-ingestion.bicep' = if (hasPrometheus) {
  scope: rg
  name: 'prometheus-ingestion'
  params: {
    dataCollectionEndpointId: prometheus!.outputs.dataCollectionEndpointId
    // The workspace creates its endpoint and rule (and their managed resource group) itself: What-If
    // cannot predict the role assignment on a rule that exists only once the workspace does.
    #disable-next-line what-if-short-circuiting // see above
    dataCollectionRuleId: prometheus!.outputs.dataCollectionRuleId
    #disable-next-line what-if-short-circuiting // an identity's object id exists only once the identity does
    principalId: prometheus!.outputs.principalId
  }
}

// The hand-over to Kubernetes: these keys are what infra-bicep/outputs/<env>.outputs.json holds
// (scripts/bicep-outputs.sh writes it from the deployment). No secrets: names, hosts, ids.

@description('Entra ID tenant of the subscription.')
output tenantId string = tenant().tenantId

@description('Resource group of the environment.')
output resourceGroupName string = rg.name

@description('AKS cluster name.')
output aksClusterName string = aks.outputs.name

@description('OIDC issuer of the cluster (the federated credentials trust it).')
output aksOidcIssuerUrl string = aks.outputs.oidcIssuerUrl

@description('Key Vault name (SecretProviderClass keyvaultName).')
output keyVaultName string = keyVault.outputs.name

@description('Key Vault URI.')
output keyVaultUri string = keyVault.outputs.uri

@description('ACR login server (image registry of the manifests).')
output acrLoginServer string = acr.outputs.loginServer

@description('ACR name (az acr commands of the workflows).')
output acrName string = acr.outputs.name

@description('Subscription of the environment (azure/login subscription-id).')
output subscriptionId string = subscription().subscriptionId

@description('Client id of the identity the workflows sign in as for this environment (OIDC, federated with the GitHub environment).')
output ciIdentityClientId string = ciIdentity.outputs.clientId

@description('Service Bus namespace FQDN (clients authenticate with their workload identity).')
output serviceBusNamespaceFqdn string = serviceBus.outputs.fqdn

@description('Event Hubs namespace FQDN; empty where there is none (dev).')
output eventHubsNamespaceFqdn string = profile.?eventHubs == null ? '' : eventHubs!.outputs.fqdn

@description('PostgreSQL host; empty where PostgreSQL runs in-cluster (dev).')
output postgresHost string = profile.?postgres == null ? '' : postgres!.outputs.host

@description('Redis host; empty where Redis runs in-cluster (dev).')
output redisHost string = profile.?redis == null ? '' : redis!.outputs.host

@description('Redis TLS port; 0 where Redis runs in-cluster (dev).')
output redisPort int = profile.?redis == null ? 0 : redis!.outputs.port

@description('Address range of the subnet delegated to PostgreSQL: the prod network policies allow the pods to reach it; empty without a private network (dev).')
output postgresSubnetCidr string = profile.?network.?database.?addressPrefix ?? ''

@description('Address range of the subnet holding the Redis private endpoint: the prod network policies allow the pods to reach it; empty without a private network (dev).')
output redisSubnetCidr string = profile.?network.?cache.?addressPrefix ?? ''

@description('Address range of the private endpoint subnet (Service Bus and Event Hubs, AMQP 5671): the prod network policies let the pods reach AMQP there only; empty without a private network (dev: the public endpoints).')
output privateEndpointSubnetCidr string = profile.?network.?privateEndpoints.?addressPrefix ?? ''

@description('Resource id of the Log Analytics workspace.')
output logAnalyticsWorkspaceId string = monitoring.outputs.workspaceId

@description('Client id of each service\'s managed identity, keyed by service name (azure.workload.identity/client-id).')
output serviceIdentityClientIds object = toObject(identities.outputs.clientIds, c => c.service, c => c.clientId)

@description('Object id of each service\'s managed identity, keyed by service name: the database-roles Job maps it to the PostgreSQL role (pgaadauth_create_principal_with_oid).')
output serviceIdentityPrincipalIds object = toObject(identities.outputs.principals, p => p.service, p => p.principalId)

@description('PostgreSQL role (user name) of each service, keyed by service name: its managed identity\'s name, the user it signs in as with an Entra token.')
output postgresRoleNames object = toObject(identities.outputs.principals, p => p.service, p => p.name)

@description('Client id of the database-roles identity (a PostgreSQL Entra administrator); empty where PostgreSQL runs in-cluster (dev).')
output postgresRolesClientId string = identities.outputs.postgresRolesClientId

@description('PostgreSQL user of the database-roles identity (its name, the Entra administrator it is registered as); empty where PostgreSQL runs in-cluster (dev).')
output postgresRolesRoleName string = profile.?postgres == null ? '' : names.postgresRolesIdentity

@description('AKS Istio add-on revision (istio.io/rev of the meshed namespaces); check it is still installable with az aks mesh get-revisions.')
output istioRevision string = profile.aks.istioRevision

@description('Client id of the AKS Key Vault secrets provider add-on\'s managed identity: the SecretProviderClass that syncs the Istio ingress gateway\'s certificate uses it (useVMManagedIdentity, userAssignedIdentityID).')
output keyVaultCsiAddonClientId string = aks.outputs.keyVaultCsiAddonClientId

@description('Key Vault certificate of the edge (Application Gateway listener and Istio ingress gateway); empty without an Application Gateway (dev).')
output tlsCertificateName string = profile.?appGateway == null ? '' : tlsCertificateName

@description('Public host name of the API (Istio Gateway hosts, certificate subject).')
output publicHostName string = publicHostName

@description('Private IP the Application Gateway sends traffic to: the Istio internal ingress gateway service must be pinned to it (service.beta.kubernetes.io/azure-load-balancer-ipv4); empty without a gateway (dev).')
output ingressPrivateIp string = profile.?appGateway.?backendIp ?? ''

@description('Storage account of the in-cluster PostgreSQL\'s logical backups; empty where PostgreSQL is managed (prod).')
output backupStorageAccountName string = profile.?backup == null ? '' : backupStorage!.outputs.name

@description('Blob container of those backups; empty in prod.')
output backupContainerName string = profile.?backup == null ? '' : backupStorage!.outputs.containerName

@description('Client id of the backup job\'s managed identity (azure.workload.identity/client-id of its ServiceAccount); empty in prod.')
output backupIdentityClientId string = profile.?backup == null ? '' : backupStorage!.outputs.identityClientId

@description('Where the in-cluster Prometheus remote-writes the series the Azure Monitor Prometheus alerts read (the workspace\'s default data collection endpoint and rule); empty where the cluster runs no Prometheus (dev).')
output prometheusRemoteWriteUrl string = hasPrometheus ? prometheusIngestion!.outputs.remoteWriteUrl : ''

@description('Client id of the identity Prometheus remote-writes as (azure.workload.identity/client-id of its service account); empty where the cluster runs no Prometheus (dev).')
output prometheusIdentityClientId string = hasPrometheus ? prometheus!.outputs.clientId : ''
