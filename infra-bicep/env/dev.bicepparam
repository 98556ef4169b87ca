// dev: the seed's MVP column (§2.1.1, §2.2.1). PostgreSQL and Redis run in the cluster, NGINX is
// the edge, there is no private network. Differences from prod that fail prod-only rules are
// listed with their reasons in test/rules/exceptions.ts.
using '../main.bicep'

// Phase 1 of a first deployment sets TRIPGEN_EDGE_CERTIFICATE_IN_VAULT=false (README: the
// certificate is imported into the vault this deployment creates, then phase 2 runs without it).
param edgeCertificateInVault = bool(readEnvironmentVariable('TRIPGEN_EDGE_CERTIFICATE_IN_VAULT', 'true'))

param publicHostName = 'dev.tripgen.example'

param profile = {
  name: 'dev'
  location: 'koreacentral'
  logRetentionDays: 30
  alertEmail: 'oncall@tripgen.example'
  applicationInsights: false
  defender: true
  acrSku: 'Basic'
  delivery: {
    githubEnvironment: 'dev'
  }
  aks: {
    tier: 'Free'
    kubernetesVersion: '1.35'
    istioRevision: 'asm-1-29'
    upgradeChannel: 'patch'
    adminGroupObjectIds: ['11111111-1111-1111-1111-111111111111']
    // Inside the working hours below: a stopped cluster is not upgraded.
    maintenanceDay: 'Friday'
    maintenanceStartTime: '16:00'
    maintenanceUtcOffset: '+09:00'
    // Placeholder (TEST-NET-3): the operators' and the CI/CD runners' egress ranges.
    apiServerAuthorizedRanges: ['203.0.113.0/24']
    // Seed §9.1.1: off-hours shutdown. Weekdays 08:00-20:00 in Korea; stopped every night and
    // from Friday evening to Monday morning (60 of 168 hours running).
    workingHours: {
      timeZone: 'Korea Standard Time'
      days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
      start: 8
      stop: 20
    }
    nodePools: [
      {
        // AKS refuses spot system pools: the one regular node keeps the add-ons alive when spot
        // nodes are evicted, and runs workloads too (no CriticalAddonsOnly taint).
        name: 'system'
        mode: 'System'
        vmSize: 'Standard_B2s'
        count: 1
        spot: false
        maxPods: 30
        zones: []
        onlyCriticalAddons: false
      }
      {
        // Seed: 2 x Standard_B2s spot, at most 30 pods each.
        name: 'spot'
        mode: 'User'
        vmSize: 'Standard_B2s'
        count: 2
        spot: true
        maxPods: 30
        zones: []
        onlyCriticalAddons: false
      }
    ]
  }
  serviceBus: {
    sku: 'Basic'
    capacity: 0
    // The seed's dev queue: 1 GB (Basic allows at most 5 GB).
    queueMaxSizeInMegabytes: 1024
  }
  // The seed gives dev no retention (manual backups, §5.2.2); a week of daily dumps covers a bad
  // migration found after a weekend. prod keeps the Flexible Server's 35 days.
  backup: {
    retentionDays: 7
    containerName: 'postgres-backups'
  }
}
