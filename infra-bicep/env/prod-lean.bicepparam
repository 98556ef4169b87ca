// prod-lean: prod with the cheaper choices that keep its guarantees (npm run cost prices both).
// - DDoS IP Protection on the one inbound public IP (the Application Gateway's) instead of a DDoS
//   Network Protection plan: the same mitigation, telemetry and alerting for that IP, without the
//   plan's cost protection, DDoS Rapid Response and WAF discount.
using '../main.bicep'

import { prodProfile } from 'prod-profile.bicep'

param edgeCertificateInVault = bool(readEnvironmentVariable('TRIPGEN_EDGE_CERTIFICATE_IN_VAULT', 'true'))
param serviceBusDrPaired = bool(readEnvironmentVariable('TRIPGEN_SERVICEBUS_DR_PAIRED', 'false'))

param publicHostName = 'api.tripgen.example'

param profile = {
  ...prodProfile
  network: { ...prodProfile.network!, ddosProtection: 'IpProtection' }
}
