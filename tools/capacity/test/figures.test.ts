/** The commit a benchmark records next to its figure: the short HEAD, marked dirty when the measured tree had changes. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitCommit } from '../src/figures.ts';

const repo = mkdtempSync(path.join(tmpdir(), 'tripgen-figures-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' }).trim();

describe('gitCommit', () => {
  it('is the short HEAD of a clean tree and says -dirty when the tree has changes', () => {
    git('init', '-q');
    writeFileSync(path.join(repo, 'a.txt'), 'a\n');
    git('add', 'a.txt');
    git('commit', '-qm', 'a');
    const head = git('rev-parse', '--short', 'HEAD');
    expect(gitCommit(repo)).toBe(head);
    writeFileSync(path.join(repo, 'a.txt'), 'b\n');
    expect(gitCommit(repo)).toBe(`${head}-dirty`);
  });
});
