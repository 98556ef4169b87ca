/**
 * What `npm run capacity` prints, read from its output: the figures with their provenance, the
 * table for 1x and 10x for every service, the nodes, and the closing verdict; plus the plan's
 * edges (no sidecars, a VM size or core count it does not know) and the figures file's round trip.
 */
import { readFileSync } from 'node:fs';
import { SERVICE_NAMES } from '@tripgen/catalog';
import { describe, expect, it, vi } from 'vitest';
import { FIGURES_FILE, readFigures, writeFigure } from '../src/figures.ts';
import { GROWTH } from '../src/load.ts';
import { capacityPlan, nodeAllocatable, nodesAtHpaMaxima, workloadPool } from '../src/plan.ts';

describe('npm run capacity', () => {
  it('prints the figures with their source, every service at 1x and 10x, the nodes, and that 10x is carried', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: unknown) => void lines.push(String(m)));
    try {
      await import('../src/cli.ts');
    } finally {
      log.mockRestore();
    }
    const out = lines.join('\n');
    const figures = readFigures();
    expect(out).toMatch(/^TripGen capacity plan \(prod workload pool\)/);
    expect(out).toContain(`${(figures.api.cpuSecondsPerRequest * 1000).toFixed(3)} ms CPU`);
    expect(out).toContain(`commit ${figures.api.commit}`);
    for (const g of GROWTH) expect(out).toContain(`pods ${g}x`);
    for (const s of SERVICE_NAMES) expect(out).toMatch(new RegExp(`^${s}\\s+\\d`, 'm'));
    expect(out).toMatch(/^nodes\s+/m);
    expect(out).toMatch(/every HPA at its maximum at once: \d+ nodes \(pool maximum 10\)/);
    expect(out).toMatch(/carry 10x the expected load$/);
  });
});

describe('the plan at its edges', () => {
  const inputs = { figures: readFigures(), pool: workloadPool('prod'), sidecars: true };

  it('needs no more nodes without sidecars than with them', () => {
    for (const g of GROWTH) expect(capacityPlan(g, { ...inputs, sidecars: false }).nodes.nodesNeeded).toBeLessThanOrEqual(capacityPlan(g, inputs).nodes.nodesNeeded);
    expect(nodesAtHpaMaxima({ ...inputs, sidecars: false }).nodesNeeded).toBeLessThanOrEqual(nodesAtHpaMaxima(inputs).nodesNeeded);
  });

  it('refuses a VM size or a core count it has no figures for, instead of guessing', () => {
    const pool = { ...inputs.pool, vmSize: 'Standard_Unknown_v9' };
    expect(() => capacityPlan(1, { ...inputs, pool })).toThrow(/no size known for Standard_Unknown_v9/);
    expect(() => nodesAtHpaMaxima({ ...inputs, pool })).toThrow(/no size known for Standard_Unknown_v9/);
    expect(() => nodeAllocatable(3, 12, 30)).toThrow(/no AKS CPU reservation known for 3 cores/);
  });
});

describe('figures.json', () => {
  it('keeps the other entries when one benchmark writes its own (written back unchanged here)', () => {
    const before = readFileSync(FIGURES_FILE, 'utf8');
    writeFigure('api', readFigures().api);
    expect(readFileSync(FIGURES_FILE, 'utf8')).toBe(before);
  });
});
