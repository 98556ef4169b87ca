/**
 * Writes infra-bicep/prometheus-alerts.json, the alerting rules of k8s/src/observability that
 * main.bicep deploys as Azure Monitor Prometheus rule groups. Run by scripts/bicep-snapshot.sh;
 * `--check` exits 1 when the committed file differs from what the rules render.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadProfiles } from '@tripgen/k8s/src/config/profile.ts';
import { AZURE_ALERTS_JSON_PATH, renderAzureAlertsJson } from '@tripgen/k8s/src/observability/azure-alerts.ts';

const wanted = renderAzureAlertsJson(loadProfiles());
const current = (() => {
  try {
    return readFileSync(AZURE_ALERTS_JSON_PATH, 'utf8');
  } catch {
    return '';
  }
})();

if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error('infra-bicep/prometheus-alerts.json is stale: run `npm run bicep:snapshot`');
    process.exit(1);
  }
} else if (current !== wanted) {
  writeFileSync(AZURE_ALERTS_JSON_PATH, wanted);
  console.log('wrote infra-bicep/prometheus-alerts.json');
}
