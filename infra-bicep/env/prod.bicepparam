// prod: the seed's production column (§2.1.2, §2.2.2, §3-§6, §10). Placeholders: the Entra ID
// object ids below must be replaced with the real groups before a deployment.
using '../main.bicep'

import { prodProfile } from 'prod-profile.bicep'

// Phase 1 of a first deployment sets TRIPGEN_EDGE_CERTIFICATE_IN_VAULT=false (README: the
// certificate is imported into the vault this deployment creates, then phase 2 runs without it).
param edgeCertificateInVault = bool(readEnvironmentVariable('TRIPGEN_EDGE_CERTIFICATE_IN_VAULT', 'true'))
param serviceBusDrPaired = bool(readEnvironmentVariable('TRIPGEN_SERVICEBUS_DR_PAIRED', 'false'))

param publicHostName = 'api.tripgen.example'

param profile = prodProfile
