/**
 * infra-bicep/README.md "Hand-over to Kubernetes" lists the keys of outputs/<env>.outputs.json
 * (the renderer's one source of Azure facts; build.test.ts keeps the files in step with main.bicep's
 * outputs). The list is what a reader looks a key up in, so it names exactly the files' keys.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, INFRA_DIR } from '../lib/bicep.ts';

const README = readFileSync(path.join(INFRA_DIR, 'README.md'), 'utf8');

/** The backticked camelCase names of the section's key list, from "Keys (" to "No secrets." (`user`, `trip`: the services a map key holds). */
function listedKeys(readme: string): string[] {
  const section = /^## Hand-over to Kubernetes\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const list = /Keys \(([\s\S]*?)No secrets\./.exec(section)?.[1] ?? '';
  return [...new Set([...list.matchAll(/`([a-z]+[A-Z][A-Za-z]*)`/g)].map((m) => m[1]!))].sort();
}

const handOverKeys = (env: string): string[] => Object.keys(JSON.parse(readFileSync(path.join(INFRA_DIR, 'outputs', `${env}.outputs.json`), 'utf8')) as object).sort();

describe('infra-bicep/README.md names every key of the hand-over files', () => {
  it.each(ENVIRONMENTS)("%s: the listed keys are the hand-over file's keys", (env) => {
    expect(listedKeys(README)).toEqual(handOverKeys(env));
  });

  it('reads the list, and fails on a key left out', () => {
    expect(listedKeys(README)).toContain('postgresHost');
    expect(listedKeys(README.replace('`postgresHost`, ', ''))).not.toContain('postgresHost');
  });
});
