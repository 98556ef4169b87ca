import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate, unpricedTypes } from '../cost/estimate.ts';
import { environmentOf, loadSnapshot, PARAM_FILES } from '../lib/bicep.ts';

const total = (p: (typeof PARAM_FILES)[number]) => estimate(loadSnapshot(p), environmentOf(p)).reduce((sum, l) => sum + l.monthly, 0);

describe('npm run cost prices every resource of the snapshots', () => {
  it.each(PARAM_FILES)('%s: every resource type is priced or known to be free', (env) => {
    expect(unpricedTypes(loadSnapshot(env))).toEqual([]);
  });

  it.each(PARAM_FILES)('%s: every line is a finite, non-negative monthly amount', (env) => {
    const lines = estimate(loadSnapshot(env), environmentOf(env));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(Number.isFinite(l.monthly) && l.monthly >= 0, l.item).toBe(true);
  });

  it('prices the lean variant below the seed-faithful prod, by the DDoS plan less IP Protection', () => {
    const lean = estimate(loadSnapshot('prod-lean'), 'prod');
    expect(lean.some((l) => l.item.endsWith('DDoS IP Protection'))).toBe(true);
    expect(lean.some((l) => l.item.includes('DDoS Network Protection'))).toBe(false);
    expect(total('prod') - total('prod-lean')).toBeGreaterThanOrEqual(2944 - 199 - 1);
  });

  it('refuses to guess: a resource type without a price model, or a SKU without a price, stops the estimate', () => {
    const prod = loadSnapshot('prod');
    const unknownType = { ...prod, predictedResources: [...prod.predictedResources, { id: '/x/y', type: 'Microsoft.Example/widgets', name: 'w' }] };
    expect(() => estimate(unknownType, 'prod')).toThrow(/no price model for Microsoft\.Example\/widgets/);
    const redis = prod.predictedResources.find((r) => r.type.toLowerCase().startsWith('microsoft.cache/'));
    expect(redis, 'prod has a Redis resource').toBeDefined();
    const unknownSku = { ...prod, predictedResources: prod.predictedResources.map((r) => (r === redis ? { ...r, sku: { name: 'Imaginary_X1' } } : r)) };
    expect(() => estimate(unknownSku, 'prod')).toThrow(/no price for Redis SKU Imaginary_X1/);
  });
});

/**
 * infra-bicep/README.md "Cost" gives each parameter file's estimate in a table (`| dev | ≈ $159 ...`,
 * `| prod (seed-faithful) | ≈ $8,552`, `| prod-lean (...) | ≈ $5,807`): the figure `npm run cost`
 * prints (to the dollar), so a resource added to the snapshots moves the README's figure with it.
 */
const README = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

function readmeCostProblems(readme: string, totals: Readonly<Record<string, number>>): string[] {
  const section = /^## Cost[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';
  return Object.entries(totals).flatMap(([file, monthly]) => {
    const row = section.split('\n').find((l) => new RegExp(`^\\| ${file}\\b(?!-)`).test(l));
    const stated = row && /≈ (\$[\d,]+)/.exec(row)?.[1];
    return stated === usd(monthly) ? [] : [`${file}: README states ${stated ?? 'nothing'}, npm run cost ${usd(monthly)}`];
  });
}

describe('infra-bicep/README.md states the estimates npm run cost prints', () => {
  const totals = Object.fromEntries(PARAM_FILES.map((p) => [p, total(p)]));

  it('has each parameter file\'s total, to the dollar', () => {
    expect(readmeCostProblems(README, totals)).toEqual([]);
  });

  it('fails on a figure that no longer matches', () => {
    expect(readmeCostProblems(README, { ...totals, prod: totals.prod! + 15 })).toEqual([`prod: README states ${usd(totals.prod!)}, npm run cost ${usd(totals.prod! + 15)}`]);
  });
});
