/**
 * A service's start work is a named start step (`kit.onStart`, `kit.startStep`: service-kit
 * start-watch.ts), never an onReady hook of its own: such a hook is logged by nothing, a warning of a
 * step stuck in it names nothing, and the line of a start that outlasts its budget cannot say what it
 * waited on. Fails on an `addHook('onReady', ...)` call in a service's production code, however it
 * is written (the kit's own file registers its steps through the same watch; its tests may use
 * hooks). onListen hooks are not start work: Fastify runs them after listen, which they never hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { committableFiles, REPO_ROOT } from './support/repo-copy.ts';

const SERVICE_SOURCE = /^apps\/[\w-]+-service\/src\/.*\.ts$/;

/**
 * The calls `<anything>.addHook('onReady', ...)` of a source, read as TypeScript: a line-by-line
 * pattern missed a call written over lines (`app.addHook(` and `'onReady',` on the next) and named
 * one in a comment.
 */
const readyHookCalls = (file: string, text: string): number[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'addHook') {
      const [hook] = node.arguments;
      if (hook && ts.isStringLiteralLike(hook) && hook.text === 'onReady') lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
};

/** `file:line: text` of each onReady hook of its own among `files` (paths from the root). */
export const ownReadyHooks = (files: readonly string[], read: (file: string) => string): string[] =>
  files
    .filter((f) => SERVICE_SOURCE.test(f) && !f.endsWith('.test.ts'))
    .flatMap((f) => {
      const text = read(f);
      const lines = text.split('\n');
      return readyHookCalls(f, text).map((i) => `${f}:${i + 1}: ${lines[i]!.trim()}`);
    });

it("finds no service start work outside the kit's named start steps", () => {
  expect(ownReadyHooks(committableFiles(), (f) => readFileSync(path.join(REPO_ROOT, f), 'utf8'))).toEqual([]);
});

it('names a hook of its own in a service, not one in the kit or a test (the check bites)', () => {
  const sources: Record<string, string> = {
    'apps/ai-service/src/app.ts': "const x = 1;\n      app.addHook('onReady', async () => {",
    'apps/ai-service/src/app.test.ts': "app.addHook('onReady', async () => {",
    'apps/service-kit/src/app.ts': "app.addHook('onReady', async () => {",
    // Written over lines, as a long call is; and in double quotes, on a plugin's own instance.
    'apps/trip-service/src/app.ts': 'const y = 2;\n  fastify.addHook(\n    "onReady",\n    async () => undefined,\n  );',
    // Named in a comment only: no hook.
    'apps/user-service/src/app.ts': "// a consumer started in app.addHook('onReady', ...) would be named by nothing",
  };
  expect(ownReadyHooks(Object.keys(sources), (f) => sources[f]!)).toEqual(["apps/ai-service/src/app.ts:2: app.addHook('onReady', async () => {", 'apps/trip-service/src/app.ts:2: fastify.addHook(']);
});
