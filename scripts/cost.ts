/**
 * `npm run cost`: estimated monthly cost of each environment, priced from its committed snapshot
 * (infra-bicep/snapshots, i.e. what the .bicepparam files produce) with the dated price table in
 * infra-bicep/cost/prices.ts, next to the seed's estimate (§9.2.1). `--lines` lists every item.
 */
import { CATEGORIES, estimate, totalsByCategory } from '@tripgen/infra-bicep/cost';
import { PRICE_TABLE_DATE, SEED_ESTIMATE, USAGE_ASSUMPTIONS } from '@tripgen/infra-bicep/prices';
import { environmentOf, loadSnapshot, PARAM_FILES } from '@tripgen/infra-bicep/bicep';

const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

console.log(`TripGen estimated monthly cost, USD, list prices of ${PRICE_TABLE_DATE} (infra-bicep/cost/prices.ts)`);
console.log(`usage assumed: log ingestion ${JSON.stringify(USAGE_ASSUMPTIONS.logIngestionGbPerDay)} GB/day, NAT ${USAGE_ASSUMPTIONS.natGatewayGbPerMonth} GB/month`);

// prod-lean: the same guarantees with the cheaper choices (env/prod-lean.bicepparam says which and why).
for (const file of PARAM_FILES) {
  const env = environmentOf(file);
  const lines = estimate(loadSnapshot(file), env);
  const totals = totalsByCategory(lines);
  const seed: Readonly<Record<string, number>> = SEED_ESTIMATE[env];
  console.log(`\n${file === env ? env : `${file} (variant of ${env})`}`);
  console.log(`  ${pad('category', 24)}${lpad('estimate', 10)}${lpad('seed', 10)}`);
  for (const c of CATEGORIES) {
    console.log(`  ${pad(c, 24)}${lpad(usd(totals.get(c) ?? 0), 10)}${lpad(seed[c] === undefined ? '-' : usd(seed[c]), 10)}`);
  }
  const total = lines.reduce((sum, l) => sum + l.monthly, 0);
  const seedTotal = Object.values(seed).reduce((a, b) => a + b, 0);
  console.log(`  ${pad('total', 24)}${lpad(usd(total), 10)}${lpad(usd(seedTotal), 10)}`);
  if (process.argv.includes('--lines')) {
    for (const l of lines) console.log(`    ${pad(l.category, 22)} ${lpad(usd(l.monthly), 8)}  ${l.item}`);
  }
}
