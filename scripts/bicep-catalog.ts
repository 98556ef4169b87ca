/**
 * Writes infra-bicep/catalog.json, the service-catalog facts main.bicep loads (queues, databases,
 * services and their service accounts). Run by scripts/bicep-snapshot.sh; `--check` exits 1 when
 * the committed file differs from the catalog.
 */
import { CATALOG_JSON_PATH, renderCatalogJson } from '@tripgen/infra-bicep/catalog-facts';
import { writeOrCheck } from './lib/generated-file.ts';

writeOrCheck(CATALOG_JSON_PATH, renderCatalogJson(), 'infra-bicep/catalog.json', 'npm run bicep:snapshot');
