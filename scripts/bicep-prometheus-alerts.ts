/**
 * Writes infra-bicep/prometheus-alerts.json, the alerting rules of k8s/src/observability that
 * main.bicep deploys as Azure Monitor Prometheus rule groups. Run by scripts/bicep-snapshot.sh;
 * `--check` exits 1 when the committed file differs from what the rules render.
 */
import { loadProfiles } from '@tripgen/k8s/src/config/profile.ts';
import { AZURE_ALERTS_JSON_PATH, renderAzureAlertsJson } from '@tripgen/k8s/src/observability/azure-alerts.ts';
import { writeOrCheck } from './lib/generated-file.ts';

writeOrCheck(AZURE_ALERTS_JSON_PATH, renderAzureAlertsJson(loadProfiles()), 'infra-bicep/prometheus-alerts.json', 'npm run bicep:snapshot');
