/**
 * The workflows take the CI identity and the registry of an environment from the Bicep hand-over
 * (infra-bicep/outputs/<env>.outputs.json); until a deployment has written real values the files
 * hold placeholders, and the workflows must stop there with a message rather than sign in with them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { asStepOutputs, azureTarget, outputsPath } from '../src/azure-env.ts';
import { REPO_ROOT } from '../src/repo.ts';

const root = mkdtempSync(join(os.tmpdir(), 'tripgen-azure-env-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The committed dev hand-over with the values a deployment would write. */
const deployed = (edit: (doc: Record<string, { type: string; value: unknown }>) => void = () => undefined) => {
  const doc = JSON.parse(readFileSync(outputsPath('dev'), 'utf8')) as Record<string, { type: string; value: unknown }>;
  doc.tenantId!.value = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  doc.subscriptionId!.value = '6b1e4c1a-9f0e-4a8e-9a51-4d1f5a3c2b10';
  doc.ciIdentityClientId!.value = '0f3c9a56-2f8e-4b7a-b1d2-9c8e7f6a5b4c';
  edit(doc);
  mkdirSync(join(root, 'infra-bicep', 'outputs'), { recursive: true });
  writeFileSync(outputsPath('dev', root), JSON.stringify(doc));
};

it('refuses the committed placeholders, naming what to do', () => {
  expect(() => azureTarget('dev', REPO_ROOT)).toThrow(/placeholder .*scripts\/bicep-outputs.sh dev/);
  expect(() => azureTarget('prod', REPO_ROOT)).toThrow(/placeholder/);
});

it('gives the workflow the CI identity, tenant, subscription and registry of one environment, as step outputs', () => {
  deployed();
  const registry = (JSON.parse(readFileSync(outputsPath('dev'), 'utf8')) as Record<string, { value: string }>).acrName!.value;
  expect(registry).toMatch(/^acrtripgendev[a-z0-9]*$/);
  const target = azureTarget('dev', root);
  expect(target).toEqual({
    'client-id': '0f3c9a56-2f8e-4b7a-b1d2-9c8e7f6a5b4c',
    'tenant-id': '72f988bf-86f1-41af-91ab-2d7cd011db47',
    'subscription-id': '6b1e4c1a-9f0e-4a8e-9a51-4d1f5a3c2b10',
    'resource-group': 'rg-tripgen-dev',
    registry,
    'login-server': `${registry}.azurecr.io`,
    'registry-id': `/subscriptions/6b1e4c1a-9f0e-4a8e-9a51-4d1f5a3c2b10/resourceGroups/rg-tripgen-dev/providers/Microsoft.ContainerRegistry/registries/${registry}`,
  });
  expect(asStepOutputs(target).split('\n')).toContain(`registry=${registry}`);
});

it('fails on a missing output or a value that is not a GUID', () => {
  deployed((d) => delete d.ciIdentityClientId);
  expect(() => azureTarget('dev', root)).toThrow(/ciIdentityClientId is missing/);
  deployed((d) => (d.tenantId!.value = 'contoso.onmicrosoft.com'));
  expect(() => azureTarget('dev', root)).toThrow(/tenant-id .* is not a GUID/);
});
