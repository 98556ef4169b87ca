import { relative, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchmarkDir, listBenchmarkInstances, loadReferences } from '../bench/toptw/files.ts';

const packageDir = fileURLToPath(new URL('../', import.meta.url));

// That no file of the repository reads or links outside it is checked repository-wide (with a
// broken copy) by scripts/test/stands-alone.test.ts, which also runs these tests in a copy of the
// repository alone.
describe('the planner stands on its own', () => {
  it('reads the benchmark from its own bench/data unless TOPTW_BENCH_DIR says otherwise', () => {
    if (process.env.TOPTW_BENCH_DIR) return;
    expect(relative(packageDir, benchmarkDir())).toBe(join('bench', 'data'));
    expect(listBenchmarkInstances('pr01_10')).toHaveLength(10);
    expect(loadReferences().filter((r) => r.kind === 'bks_table')).toHaveLength(40);
  });
});
