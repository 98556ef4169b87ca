/** Reads what `npm run synth` wrote: the tests check the committed YAML, not the constructs. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { K8sObject, Located } from '../policy/objects.ts';
import { GITOPS_DIR } from '../../src/lib/paths.ts';

export function gitopsFiles(): string[] {
  return readdirSync(GITOPS_DIR, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(GITOPS_DIR, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

let cache: Located[] | undefined;
export function renderedObjects(): Located[] {
  cache ??= gitopsFiles()
    .filter((p) => p.endsWith('.yaml'))
    .map((path) => ({ env: path.split('/')[0]!, path, object: parse(readFileSync(join(GITOPS_DIR, path), 'utf8')) as K8sObject }));
  return cache;
}

export const objectsOf = (env: string): K8sObject[] => renderedObjects().filter((l) => l.env === env).map((l) => l.object);

export function find(env: string, kind: string, name: string): K8sObject {
  const o = objectsOf(env).find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`${env}: ${kind}/${name} not rendered`);
  return o;
}
