/**
 * `npm run diff [base-ref]` as the READMEs give it: a ref git does not know (a typo, or origin/main
 * missing from a shallow clone) or an option is a message and the usage (exit 2), `--help` the usage
 * (exit 0), never git's error with a Node stack trace; a good ref still renders the Markdown diff.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { repoPath } from '../src/lib/paths.ts';

const diff = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', repoPath('k8s', 'src', 'review', 'diff.ts'), ...args], { cwd: repoPath(), encoding: 'utf8', timeout: 60_000 });

it('answers --help, an unknown ref and an option with the usage, and diffs against a ref it knows', { timeout: 120_000 }, () => {
  const help = diff('--help');
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^usage: npm run diff \[base-ref\]/);
  for (const [args, message] of [
    [['no-such-ref'], 'npm run diff: no-such-ref is not a commit of this repository'],
    [['--base', 'HEAD'], "npm run diff: unknown option '--base'"],
  ] as const) {
    const wrong = diff(...args);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(message);
    expect(wrong.stderr).toContain('usage: npm run diff');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  }
  const head = diff('HEAD');
  expect(head.status).toBe(0);
  expect(head.stdout).toContain('## Rendered manifests: `HEAD` → working tree');
});
