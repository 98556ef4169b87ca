import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '../bench/toptw/args.ts';
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

  it('refuses a bad command line or instance file with a message and exit code 2, printing no result', () => {
    const file = join(benchmarkDir(), 'instances', 'pr01_10', 'pr01.txt');
    const cases: [string[], RegExp][] = [
      [['--instance', file, '--tours', 'abc'], /--tours must be an integer >= 1, got "abc"/],
      [['--instance', file, '--bogus'], /Unknown option '--bogus'/],
      [['--instance', join(repoRoot, 'no-such-file.txt')], /cannot use .*no-such-file\.txt: ENOENT/],
      [['--instance', join(benchmarkDir(), 'README.md')], /cannot use .*README\.md: .*line \d+ is not a node line/],
    ];
    for (const [args, message] of cases) {
      const run = spawnSync('node', ['apps/planner/bench/toptw/cli-launch.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    const help = spawnSync('node', ['apps/planner/bench/toptw/cli-launch.mjs', '--help'], { cwd: repoRoot, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run -s planner:toptw -- --instance <file>/);
  });
});

describe('planner:toptw command line', () => {
  const parse = (...args: string[]) => parseCliArgs(['--instance', 'x.txt', ...args]);

  it('reads the options, with the documented defaults', () => {
    expect(parse()).toEqual({ help: false, options: { instance: 'x.txt', tours: 1, timeLimitMs: 1000, seed: 1, stats: false } });
    expect(parse('--tours', '3', '--time-limit-ms', '250', '--seed', '0', '--iterations', '1500', '--stats')).toEqual({
      help: false,
      options: { instance: 'x.txt', tours: 3, timeLimitMs: 250, seed: 0, iterations: 1500, stats: true },
    });
    // 0 iterations: the first plan only (the start-up benchmark times runs like this).
    expect(parse('--iterations', '0')).toMatchObject({ options: { iterations: 0 } });
    expect(parseCliArgs(['-h'])).toEqual({ help: true });
  });

  it.each([
    [['--tours', '0']],
    [['--tours', '2.5']],
    [['--tours', '1e3']],
    [['--tours', '']],
    [['--time-limit-ms', '0']],
    [['--time-limit-ms', '-5']],
    [['--seed', 'x']],
    [['--seed', '-1']],
    [['--iterations', '-1']],
    [['--iterations', '99999999999999999999']],
    [['--unknown']],
    [['extra-positional']],
  ])('refuses %j', (args) => {
    expect(() => parse(...args)).toThrow(UsageError);
  });

  it('requires --instance', () => {
    expect(() => parseCliArgs([])).toThrow(/--instance <file> is required/);
  });
});
