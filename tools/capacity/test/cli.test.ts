/**
 * What `npm run capacity` prints, read from its output: the figures with their provenance, the
 * table for 1x and 10x for every service, the nodes, and the closing verdict; its usage on help and
 * on an argument it does not take (run through npm, as typed); plus the plan's
 * edges (no sidecars, a VM size or core count it does not know) and the figures file's round trip.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVICE_NAMES } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { capacityCommand } from '../src/command.ts';
import { FIGURES_FILE, readFigures, writeFigure } from '../src/figures.ts';
import { GROWTH } from '../src/load.ts';
import { capacityPlan, nodeAllocatable, nodesAtHpaMaxima, workloadPool } from '../src/plan.ts';

describe('npm run capacity', () => {
  it('prints the figures with their source, every service at 1x and 10x, the nodes, and that 10x is carried', () => {
    const lines: string[] = [];
    const errors: string[] = [];
    expect(capacityCommand([], { out: (l) => void lines.push(l), err: (l) => void errors.push(l) })).toBe(0);
    expect(errors).toEqual([]);
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

describe('capacityCommand with arguments', () => {
  const run = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = capacityCommand(args, { out: (l) => void out.push(l), err: (l) => void err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints its usage alone for each help form, and a usage error for anything else, one help form among others too', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const help = run([flag]);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/^usage: npm run capacity\n/);
      expect(help.err).toBe('');
    }
    for (const args of [['--growth', '20'], ['--help', 'extra'], ['']]) {
      const wrong = run(args);
      expect(wrong.code).toBe(2);
      expect(wrong.out).toBe('');
      expect(wrong.err).toContain(`npm run capacity takes no arguments (got ${args.join(' ')})`);
    }
  });
});

describe('npm run capacity -- <argument>, as a reader types it', () => {
  // Through npm, as the READMEs give it: the root script once handed `--help` to a second npm, which
  // answered with its own help, and an argument it did not know was ignored.
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const capacity = (...args: string[]) => spawnSync('npm', ['run', '-s', 'capacity', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('answers --help, -h and help with its usage (exit 0), no plan', { timeout: 120_000 }, () => {
    for (const flag of ['--help', '-h', 'help']) {
      const help = capacity(flag);
      expect(help.stdout).toMatch(/^usage: npm run capacity\n/);
      expect(help.stdout).not.toContain('TripGen capacity plan');
      expect(help.status).toBe(0);
    }
  });

  it('answers an argument it does not take with a message and its usage (exit 2), no plan', { timeout: 120_000 }, () => {
    const wrong = capacity('--growth', '20');
    expect(wrong.stderr).toContain('npm run capacity takes no arguments (got --growth 20)');
    expect(wrong.stderr).toContain('usage: npm run capacity');
    expect(wrong.stdout).toBe('');
    expect(wrong.status).toBe(2);
  });
});
