// The environment profile: every difference between dev and prod is data of this shape, written
// once per environment in env/<env>.bicepparam. Modules never test the environment name; they
// read the part of the profile they own (a null section means "not provisioned here").

@export()
@description('Environments TripGen deploys to.')
type environmentName = 'dev' | 'prod'

@export()
@description('One AKS node pool.')
type aksNodePool = {
  @description('Pool name (lowercase letters and digits, at most 12 characters).')
  name: string

  @description('System pools run the cluster add-ons; User pools run workloads.')
  mode: 'System' | 'User'

  @description('VM size of every node of the pool.')
  vmSize: string

  @description('Node count at creation (and the fixed count when autoscaling is off).')
  count: int

  @description('Autoscaler bounds; null keeps the pool at a fixed size.')
  autoscale: {
    @description('Lowest node count the autoscaler keeps.')
    min: int
    @description('Highest node count the autoscaler may reach.')
    max: int
  }?

  @description('Spot VMs (evictable, about 70% cheaper). AKS does not allow spot system pools.')
  spot: bool

  @description('Maximum pods per node.')
  maxPods: int

  @description('Availability zones the pool spreads over; empty for a regional (non-zonal) pool.')
  zones: string[]

  @description('Taint the pool with CriticalAddonsOnly so that only system pods land on it.')
  onlyCriticalAddons: bool
}

@export()
@description('AKS cluster settings.')
type aksProfile = {
  @description('SKU tier: Free for dev, Standard (financially backed uptime SLA) for prod.')
  tier: 'Free' | 'Standard'

  @description('Kubernetes minor version; must be an AKS-supported version (az aks get-versions).')
  kubernetesVersion: string

  @description('Istio add-on revision; must be compatible with kubernetesVersion (az aks mesh get-revisions).')
  istioRevision: string

  @description('Cluster auto-upgrade channel.')
  upgradeChannel: 'none' | 'patch' | 'stable' | 'rapid' | 'node-image'

  @description('Entra ID groups that get cluster-admin through Azure RBAC.')
  adminGroupObjectIds: string[]

  @description('Node pools; the first System pool is the default pool.')
  nodePools: aksNodePool[]

  @description('Day of week for the auto-upgrade and node OS upgrade maintenance windows.')
  maintenanceDay: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday'

  @description('Start of the maintenance windows, HH:mm in the utcOffset time zone.')
  maintenanceStartTime: string

  @description('UTC offset of maintenanceStartTime, e.g. +09:00 for Korea.')
  maintenanceUtcOffset: string

  @description('Address ranges allowed to reach the API server\'s public endpoint (operators, the CI/CD egress). The nodes reach it privately (API server VNet integration, prod) or through the outbound IPs AKS allows itself (dev, load balancer egress).')
  apiServerAuthorizedRanges: string[]
  @description('Off-hours shutdown: the cluster is started and stopped on this schedule (every pool at zero outside it); null keeps it running.')
  workingHours: {
    @description('Windows time zone id of the hours, e.g. Korea Standard Time.')
    timeZone: string
    @description('Days the cluster runs.')
    days: ('Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday')[]
    @description('Hour the cluster starts (0-23).')
    start: int
    @description('Hour the cluster stops (0-23), after start.')
    stop: int
  }?
}

@export()
@description('A subnet of the prod virtual network.')
type subnetProfile = {
  @description('Subnet address prefix.')
  addressPrefix: string
}

@export()
@description('Virtual network layout (prod). The first three subnets are the seed\'s; the others are required by Azure.')
type networkProfile = {
  @description('Address space of the virtual network.')
  addressSpace: string

  @description('AKS nodes (seed: application subnet 10.0.1.0/24). Pods use the CNI overlay podCidr.')
  app: subnetProfile

  @description('PostgreSQL Flexible Server, delegated (seed: database subnet 10.0.2.0/24).')
  database: subnetProfile

  @description('Private endpoint of Azure Managed Redis (seed: cache subnet 10.0.3.0/24).')
  cache: subnetProfile

  @description('Application Gateway; Azure requires a dedicated subnet.')
  appGateway: subnetProfile

  @description('Private endpoints of Key Vault, ACR, Service Bus and Event Hubs.')
  privateEndpoints: subnetProfile

  @description('AKS API server VNet integration: a subnet (at least /28) delegated to the cluster\'s API server internal load balancer.')
  apiServer: subnetProfile

  @description('Pod address range of Azure CNI Overlay (not routable in the VNet).')
  podCidr: string

  @description('Kubernetes service address range.')
  serviceCidr: string

  @description('Cluster DNS service IP, inside serviceCidr.')
  dnsServiceIp: string

  @description('DDoS protection of the public IPs: NetworkProtectionPlan (a DDoS Protection plan on the VNet, the seed\'s "DDoS Protection Standard": covers every public IP, with cost protection and DDoS Rapid Response) or IpProtection (DDoS IP Protection on the one inbound public IP, the Application Gateway\'s: the same mitigation and telemetry, without cost protection, Rapid Response or the WAF discount).')
  ddosProtection: 'NetworkProtectionPlan' | 'IpProtection'
}

@export()
@description('Azure Database for PostgreSQL Flexible Server (prod); dev runs PostgreSQL in-cluster.')
type postgresProfile = {
  @description('Compute SKU name.')
  skuName: string

  @description('Compute tier of skuName.')
  tier: 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized'

  @description('PostgreSQL major version.')
  version: '14' | '15' | '16' | '17'

  @description('Storage size in GiB (Azure allows 32, 64, 128, 256, 512, ...).')
  storageSizeGB: int

  @description('Backup retention in days (7-35).')
  backupRetentionDays: int

  @description('Geo-redundant backup (paired region).')
  geoRedundantBackup: bool

  @description('Zone-redundant high availability (standby in another zone).')
  zoneRedundantHa: bool

  @description('Zone of the primary.')
  primaryZone: string

  @description('Zone of the HA standby.')
  standbyZone: string

  @description('Zones of the read replicas, one replica per entry.')
  replicaZones: string[]

  @description('The Entra ID principal that administers the server (no password authentication).')
  entraAdmin: {
    @description('Object id of the group or principal.')
    objectId: string
    @description('Display name of the principal.')
    principalName: string
    @description('Kind of principal.')
    principalType: 'Group' | 'User' | 'ServicePrincipal'
  }
}

@export()
@description('Azure Managed Redis (prod); dev runs Redis in-cluster.')
type redisProfile = {
  @description('Azure Managed Redis SKU, e.g. Balanced_B5 (6 GB, the seed\'s P1 size).')
  skuName: string

  @description('Persistence: exactly one mode, the API allows one. AOF every second or RDB snapshots.')
  persistence: 'aof' | 'rdb'
}

@export()
@description('Azure Service Bus namespace.')
type serviceBusProfile = {
  @description('Tier: Basic in dev, Premium in prod.')
  sku: 'Basic' | 'Standard' | 'Premium'

  @description('Messaging units (Premium only; 0 otherwise).')
  capacity: int

  @description('Premium only: partitions of the namespace (1, 2 or 4; set at creation, each gets capacity / partitions units). Basic and Standard partition each queue instead.')
  partitions: int?
  @description('Maximum size of each queue in MB: Basic and Standard allow 1024-5120, Premium up to 81920 (80 GB per queue).')
  queueMaxSizeInMegabytes: int

  @description('Region of the geo-DR secondary namespace (Premium only); null for none.')
  drLocation: string?

  @description('Whether the geo-DR region has availability zones (zone-redundant secondary); null means no. Korea South, the pair of Korea Central, has none.')
  drZoneRedundant: bool?
}

@export()
@description('Azure Event Hubs namespace (prod).')
type eventHubsProfile = {
  @description('Tier of the namespace.')
  sku: 'Standard' | 'Premium'

  @description('Throughput units.')
  capacity: int

  @description('Event hubs to create.')
  hubs: string[]

  @description('Partitions of each event hub.')
  partitionCount: int
}

@export()
@description('Application Gateway WAF_v2 in front of the Istio internal ingress gateway (prod).')
type appGatewayProfile = {
  @description('Autoscale lower bound (at least 2 for the SLA).')
  minCapacity: int

  @description('Autoscale upper bound.')
  maxCapacity: int

  @description('Private IP of the Istio internal ingress gateway load balancer, in the app subnet.')
  backendIp: string

  @description('Zones of the gateway and its public IP.')
  zones: string[]
}

@export()
@description('Storage for the logical backups of an in-cluster PostgreSQL (dev); prod relies on the Flexible Server\'s backups.')
type backupProfile = {
  @description('Days a dump is kept (the storage lifecycle rule deletes older ones).')
  retentionDays: int

  @description('Blob container of the dumps.')
  containerName: string
}

@export()
@description('Everything that differs between environments.')
type environmentProfile = {
  @description('Environment name, used in every resource name.')
  name: environmentName

  @description('Azure region of the environment.')
  location: string

  @description('Log Analytics retention in days (seed: 30 dev, 90 prod).')
  logRetentionDays: int

  @description('E-mail address of the on-call receiver of alerts.')
  alertEmail: string

  @description('AKS cluster.')
  aks: aksProfile

  @description('Private virtual network; null lets AKS create its own network (dev).')
  network: networkProfile?

  @description('Managed PostgreSQL; null when PostgreSQL runs in-cluster (dev).')
  postgres: postgresProfile?

  @description('Backup storage of the in-cluster PostgreSQL; null where PostgreSQL is managed (prod).')
  backup: backupProfile?

  @description('Managed Redis; null when Redis runs in-cluster (dev).')
  redis: redisProfile?

  @description('Service Bus.')
  serviceBus: serviceBusProfile

  @description('Event Hubs; null when not provisioned (dev).')
  eventHubs: eventHubsProfile?

  @description('Application Gateway + WAF; null when the NGINX ingress controller is the edge (dev).')
  appGateway: appGatewayProfile?

  @description('Container registry tier (Premium is needed for private endpoints and retention).')
  acrSku: 'Basic' | 'Standard' | 'Premium'

  @description('Create workspace-based Application Insights.')
  applicationInsights: bool

  @description('Enable Microsoft Defender for Containers on the cluster.')
  defender: bool

  @description('Image delivery by CI: the GitHub environment it signs in from and where the images come from.')
  delivery: deliveryProfile
}

@export()
@description('How CI delivers images into this environment (modules/ci-identity.bicep).')
type deliveryProfile = {
  @description('GitHub environment whose jobs sign in as this environment\'s CI identity (federated subject repo:<repository>:environment:<name>); give it required reviewers where a human approves.')
  githubEnvironment: string

  @description('Environment (same subscription) whose registry this one copies its images from (az acr import, by digest); null: CI builds and pushes the images into this environment\'s registry.')
  promotesFrom: {
    @description('Its name.')
    environment: environmentName
    @description('Its nameGeneration (the suffix of its registry name).')
    nameGeneration: int
  }?
}

@export()
@description('A TripGen service as the catalog (apps/catalog) describes it: generated into catalog.json.')
type catalogService = {
  @description('Service name.')
  name: string
  @description('Kubernetes service account of the service.')
  serviceAccount: string
  @description('Workload (Deployment) name, also the cloud role name in telemetry.')
  workload: string
  @description('Queues the service sends to.')
  produces: string[]
  @description('Queues the service receives from.')
  consumes: string[]
  @description('Key Vault secrets its pods mount where secrets come from Key Vault (prod): Key Vault Secrets User on each of these, nothing else of the vault.')
  keyVaultSecrets: string[]
}

@export()
@description('Private DNS zone ids of the private endpoints, keyed by service kind.')
type privateDnsZoneIds = {
  @description('privatelink.vaultcore.azure.net')
  keyVault: string
  @description('privatelink.azurecr.io')
  acr: string
  @description('privatelink.servicebus.windows.net (Service Bus and Event Hubs share it)')
  serviceBus: string
  @description('privatelink.redis.azure.net (Azure Managed Redis)')
  redis: string
  @description('private.postgres.database.azure.com (VNet-integrated flexible server)')
  postgres: string
}

@export()
@description('Where private resources attach; null in an environment without a private network.')
type privateAccess = {
  @description('Subnet of the private endpoints.')
  endpointSubnetId: string
  @description('Private DNS zone ids.')
  dnsZoneIds: privateDnsZoneIds
}
