// The prod environment profile, shared by env/prod.bicepparam (the seed-faithful deployment) and
// env/prod-lean.bicepparam (the cheaper variant with the same guarantees, priced by npm run cost).
import { environmentProfile } from '../types.bicep'

@export()
@description('prod: the seed\'s production column (§2.1.2, §2.2.2, §3-§6, §10).')
var prodProfile environmentProfile = {
  name: 'prod'
  location: 'koreacentral'
  logRetentionDays: 90
  alertEmail: 'oncall@tripgen.example'
  applicationInsights: true
  defender: true
  acrSku: 'Premium'
  delivery: {
    githubEnvironment: 'prod'
    promotesFrom: { environment: 'dev', nameGeneration: 1 }
  }
  aks: {
    tier: 'Standard'
    // Seed: 1.29 and Istio 1.22, both out of support now. See README "Versions".
    kubernetesVersion: '1.35'
    istioRevision: 'asm-1-29'
    upgradeChannel: 'patch'
    adminGroupObjectIds: ['11111111-1111-1111-1111-111111111111']
    maintenanceDay: 'Sunday'
    maintenanceStartTime: '02:00'
    maintenanceUtcOffset: '+09:00'
    // Placeholder (TEST-NET-3): the operators' and the CI/CD runners' egress ranges.
    apiServerAuthorizedRanges: ['203.0.113.0/24']
    nodePools: [
      {
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_D2s_v3'
        count: 3
        autoscale: { min: 3, max: 5 }
        spot: false
        maxPods: 110
        zones: ['1', '2', '3']
        onlyCriticalAddons: true
      }
      {
        name: 'workload'
        mode: 'User'
        vmSize: 'Standard_D4s_v3'
        count: 3
        autoscale: { min: 3, max: 10 }
        spot: false
        maxPods: 110
        zones: ['1', '2', '3']
        onlyCriticalAddons: false
      }
    ]
  }
  network: {
    addressSpace: '10.0.0.0/16'
    app: { addressPrefix: '10.0.1.0/24' }
    database: { addressPrefix: '10.0.2.0/24' }
    cache: { addressPrefix: '10.0.3.0/24' }
    appGateway: { addressPrefix: '10.0.4.0/24' }
    privateEndpoints: { addressPrefix: '10.0.5.0/24' }
    apiServer: { addressPrefix: '10.0.6.0/28' }
    podCidr: '192.168.0.0/16'
    serviceCidr: '172.16.0.0/16'
    dnsServiceIp: '172.16.0.10'
    ddosProtection: 'NetworkProtectionPlan'
  }
  postgres: {
    skuName: 'Standard_D4s_v3'
    tier: 'GeneralPurpose'
    version: '16'
    // Seed: 100 GB. Flexible Server storage comes in fixed sizes; 128 GiB is the smallest >= 100.
    storageSizeGB: 128
    backupRetentionDays: 35
    geoRedundantBackup: true
    zoneRedundantHa: true
    primaryZone: '1'
    standbyZone: '2'
    // The seed's 2 read replicas are dropped (issue 12): no service reads one (every query goes to
    // the primary, and the kit has one DATABASE_URL); zone-redundant HA keeps the database up when a
    // zone fails; geo-redundant backup allows a geo-restore, whose RPO (< 1 h) is above the seed's
    // 15 minutes for a region loss (docs/dr.md). Add zones here with a reader to use them.
    replicaZones: []
    entraAdmin: {
      objectId: '22222222-2222-2222-2222-222222222222'
      principalName: 'tripgen-prod-db-admins'
      principalType: 'Group'
    }
  }
  redis: {
    // 6 GB like the seed's Premium P1.
    skuName: 'Balanced_B5'
    // AOF (fsync every second) is the only mode that meets the seed's 15-minute RPO (§10.2.2):
    // RDB snapshots are at best hourly. The API takes one mode; the seed's "RDB + AOF" is not possible.
    persistence: 'aof'
  }
  serviceBus: {
    sku: 'Premium'
    capacity: 2
    // One messaging unit per partition: more partitions of fewer units outperform one big one.
    partitions: 2
    // Premium's per-queue maximum (80 GB; 1 TB per messaging unit in all): a backlog during an AI
    // outage must not hit dev's 1 GB and refuse sends. The seed gives a size only for dev (Basic).
    queueMaxSizeInMegabytes: 81920
    drLocation: 'koreasouth'
    // Korea South has no availability zones: the secondary is not zone redundant.
    drZoneRedundant: false
  }
  eventHubs: {
    sku: 'Standard'
    capacity: 1
    hubs: ['trip-events']
    partitionCount: 4
  }
  appGateway: {
    minCapacity: 2
    maxCapacity: 10
    backendIp: '10.0.1.250'
    zones: ['1', '2', '3']
  }
}
