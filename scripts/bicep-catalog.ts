/**
 * Writes infra-bicep/catalog.json, the service-catalog facts main.bicep loads (queues, databases,
 * services and their service accounts). Run by scripts/bicep-snapshot.sh; `--check` exits 1 when
 * the committed file differs from the catalog.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CATALOG_JSON_PATH, renderCatalogJson } from '@tripgen/infra-bicep/catalog-facts';

const wanted = renderCatalogJson();
const current = (() => {
  try {
    return readFileSync(CATALOG_JSON_PATH, 'utf8');
  } catch {
    return '';
  }
})();

if (process.argv.includes('--check')) {
  if (current !== wanted) {
    console.error('infra-bicep/catalog.json is stale: run `npm run bicep:snapshot`');
    process.exit(1);
  }
} else if (current !== wanted) {
  writeFileSync(CATALOG_JSON_PATH, wanted);
  console.log('wrote infra-bicep/catalog.json');
}
