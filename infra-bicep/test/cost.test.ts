import { describe, expect, it } from 'vitest';
import { estimate, unpricedTypes } from '../cost/estimate.ts';
import { ENVIRONMENTS, loadSnapshot } from '../lib/bicep.ts';

describe('npm run cost prices every resource of the snapshots', () => {
  it.each(ENVIRONMENTS)('%s: every resource type is priced or known to be free', (env) => {
    expect(unpricedTypes(loadSnapshot(env))).toEqual([]);
  });

  it.each(ENVIRONMENTS)('%s: every line is a finite, non-negative monthly amount', (env) => {
    const lines = estimate(loadSnapshot(env), env);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(Number.isFinite(l.monthly) && l.monthly >= 0, l.item).toBe(true);
  });
});
