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
