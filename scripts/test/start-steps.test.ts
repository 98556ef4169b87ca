/**
 * A service's start work is a named start step (`kit.onStart`, `kit.startStep`: service-kit
 * start-watch.ts), never an onReady hook of its own: such a hook is logged by nothing, a warning of a
 * step stuck in it names nothing, and the line of a start that outlasts its budget cannot say what it
 * waited on. Fails on an `addHook('onReady'` in a service's production code (the kit's own file
 * registers its steps through the same watch; its tests may use hooks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

const SERVICE_SOURCE = /^apps\/[\w-]+-service\/src\/.*\.ts$/;
const OWN_READY_HOOK = /\.addHook\(\s*['"`]onReady['"`]/;

/** `file:line: text` of each onReady hook of its own among `files` (paths from the root). */
export const ownReadyHooks = (files: readonly string[], read: (file: string) => string): string[] =>
  files
    .filter((f) => SERVICE_SOURCE.test(f) && !f.endsWith('.test.ts'))
    .flatMap((f) =>
      read(f)
        .split('\n')
        .flatMap((line, i) => (OWN_READY_HOOK.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );

it("finds no service start work outside the kit's named start steps", () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'apps'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  expect(ownReadyHooks(files, (f) => readFileSync(path.join(REPO_ROOT, f), 'utf8'))).toEqual([]);
});

it('names a hook of its own in a service, not one in the kit or a test (the check bites)', () => {
  const sources: Record<string, string> = {
    'apps/ai-service/src/app.ts': "const x = 1;\n      app.addHook('onReady', async () => {",
    'apps/ai-service/src/app.test.ts': "app.addHook('onReady', async () => {",
    'apps/service-kit/src/app.ts': "app.addHook('onReady', async () => {",
  };
  expect(ownReadyHooks(Object.keys(sources), (f) => sources[f]!)).toEqual(["apps/ai-service/src/app.ts:2: app.addHook('onReady', async () => {"]);
});
