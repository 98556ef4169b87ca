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

/**
 * The object of that kind and name; a Job also by its `app.kubernetes.io/name` label: a migration
 * Job's name carries the digest of its content (k8s/src/constructs/migration-job.ts).
 */
export function find(env: string, kind: string, name: string): K8sObject {
  const named = (x: K8sObject): boolean => x.metadata.name === name || (kind === 'Job' && x.metadata.labels?.['app.kubernetes.io/name'] === name);
  const o = objectsOf(env).find((x) => x.kind === kind && named(x));
  if (!o) throw new Error(`${env}: ${kind}/${name} not rendered`);
  return o;
}
