import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchmarkDir, listBenchmarkInstances, loadReferences } from '../bench/toptw/files.ts';

const packageDir = fileURLToPath(new URL('../', import.meta.url));

/** Text files of the package that a reader or a program follows (the instance files are data). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || path.endsWith(`bench${sep}data${sep}instances`)) continue;
      out.push(...sourceFiles(path));
    } else if (/\.(ts|md|json|txt|csv)$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** A path that climbs out of a checkout into a sibling folder (the steering material), or an absolute one there. */
export const OUTSIDE_REFERENCE = /\.\.\/shared\b|\/work\/shared\b/;

describe('the planner stands on its own', () => {
  it('reads the benchmark from its own bench/data unless TOPTW_BENCH_DIR says otherwise', () => {
    if (process.env.TOPTW_BENCH_DIR) return;
    expect(relative(packageDir, benchmarkDir())).toBe(join('bench', 'data'));
    expect(listBenchmarkInstances('pr01_10')).toHaveLength(10);
    expect(loadReferences().filter((r) => r.kind === 'bks_table')).toHaveLength(40);
  });

  it('no file names a path outside the repository', () => {
    const offenders = sourceFiles(packageDir).filter((f) => OUTSIDE_REFERENCE.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(packageDir, f))).toEqual([]);
  });

  it('the guard catches a file that reads the shared folder (deliberately broken copy)', () => {
    // Built at run time so this file does not trip its own guard.
    const broken = `return fileURLToPath(new URL('../../../../${['..', 'shared'].join('/')}/bench/toptw/', import.meta.url));`;
    expect(OUTSIDE_REFERENCE.test(broken)).toBe(true);
    expect(OUTSIDE_REFERENCE.test("return fileURLToPath(new URL('../data/', import.meta.url));")).toBe(false);
  });
});
