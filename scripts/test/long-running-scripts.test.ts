/**
 * npm runs a package script through `sh -c`, and passes a SIGTERM it gets (an editor's stop button,
 * `kill <npm pid>`) to that shell alone, which dies of it without passing it on: the program it
 * started is orphaned, still holding its port. The scripts that start something that runs until told
 * to stop (npm's `start`, and `dev`) therefore `exec` it, so that the signal reaches it
 * (dev-runner.test.ts and the emulator's cli.test.ts show it for `npm run dev` and the emulator).
 * The services have no such script: they run as their bundle (image ENTRYPOINT, `npm run dev`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const LONG_RUNNING = ['start', 'dev'];

/** The folders of the root package and every workspace (package.json "workspaces"). */
const packageDirs = (): string[] => {
  const { workspaces } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  const dirs = workspaces.flatMap((w) => (w.endsWith('/*') ? readdirSync(path.join(REPO_ROOT, w.slice(0, -2))).map((d) => `${w.slice(0, -2)}/${d}`) : [w]));
  return ['.', ...dirs.filter((d) => existsSync(path.join(REPO_ROOT, d, 'package.json')))];
};

it('every script that starts a long-running program execs it, so that npm\'s SIGTERM reaches it', () => {
  const found: string[] = [];
  const withoutExec: string[] = [];
  for (const dir of packageDirs()) {
    const { scripts = {} } = JSON.parse(readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const name of LONG_RUNNING.filter((n) => n in scripts)) {
      found.push(`${dir} ${name}`);
      if (!/^exec /.test(scripts[name]!)) withoutExec.push(`${dir} ${name}: ${scripts[name]}`);
    }
  }
  expect(found, 'npm run dev and the emulator\'s start (the check is not vacuous)').toEqual(expect.arrayContaining(['. dev', 'tools/servicebus-emulator start']));
  expect(withoutExec).toEqual([]);
});
