import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTopTw, type TopTwInstance } from './parse.ts';

/**
 * File access for the CLI, the benchmark and the tests (the engine itself does no I/O, and the
 * package's entry point never imports this). The instances and reference values are committed
 * under apps/planner/bench/data (see its README for their source and version); TOPTW_BENCH_DIR
 * points the benchmark at another folder of the same layout.
 */
export function benchmarkDir(): string {
  const override = process.env.TOPTW_BENCH_DIR;
  if (override) return resolve(override);
  return fileURLToPath(new URL('../data/', import.meta.url));
}

export function loadInstanceFile(file: string): TopTwInstance {
  return parseTopTw(readFileSync(file, 'utf8'), basename(file).replace(/\.txt$/i, ''));
}

export function loadBenchmarkInstance(set: string, name: string): TopTwInstance {
  return loadInstanceFile(join(benchmarkDir(), 'instances', set, `${name}.txt`));
}

export function listBenchmarkInstances(set: string): string[] {
  return readdirSync(join(benchmarkDir(), 'instances', set))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export interface ReferenceRow {
  instance: string;
  set: string;
  m: number;
  value: number;
  kind: string;
}

/** reference.csv rows (only the columns the benchmark needs; later columns may hold quoted commas). */
export function loadReferences(): ReferenceRow[] {
  const text = readFileSync(join(benchmarkDir(), 'reference.csv'), 'utf8');
  const rows: ReferenceRow[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [instance, set, m, value, kind] = line.split(',', 5);
    rows.push({ instance: instance!, set: set!, m: Number(m), value: Number(value), kind: kind! });
  }
  return rows;
}
