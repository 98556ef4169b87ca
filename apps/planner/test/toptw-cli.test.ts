import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTopTwSolution } from '../bench/toptw/checker.ts';
import { benchmarkDir, loadInstanceFile } from '../bench/toptw/files.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('planner:toptw CLI', () => {
  it('prints one JSON object {score, tours} whose tours pass the checker', () => {
    const file = join(benchmarkDir(), 'instances', 'pr01_10', 'pr01.txt');
    // Run as a user does (README): through the root npm script.
    const out = execFileSync(
      'npm',
      ['run', '-s', 'planner:toptw', '--', '--instance', file, '--tours', '2', '--time-limit-ms', '5000', '--seed', '3', '--iterations', '200'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!) as { score: number; tours: number[][] };
    expect(Object.keys(parsed).sort()).toEqual(['score', 'tours']);
    expect(parsed.tours).toHaveLength(2);
    const check = checkTopTwSolution(loadInstanceFile(file), parsed.tours, 2);
    expect(check.errors).toEqual([]);
    expect(parsed.score).toBe(check.score);
  });
});
