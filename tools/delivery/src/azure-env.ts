/**
 * What a workflow needs to reach one environment's Azure: the CI identity's client id, tenant,
 * subscription and registry, read from the Bicep hand-over (infra-bicep/outputs/<env>.outputs.json,
 * written by scripts/bicep-outputs.sh after a deployment). One set per environment; no secret: the
 * workflow signs in with OIDC against the identity's federated credential.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentName } from '@tripgen/catalog';
import { REPO_ROOT } from './repo.ts';

export interface AzureTarget {
  readonly 'client-id': string;
  readonly 'tenant-id': string;
  readonly 'subscription-id': string;
  readonly 'resource-group': string;
  readonly registry: string;
  readonly 'login-server': string;
  readonly 'registry-id': string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The committed files hold all-zero ids (and ...000N client ids) until the first deployment. */
const PLACEHOLDER = /^00000000-0000-0000-0000-0000000000\d\d$/;

export const outputsPath = (env: EnvironmentName, root = REPO_ROOT): string => join(root, 'infra-bicep', 'outputs', `${env}.outputs.json`);

export function azureTarget(env: EnvironmentName, root = REPO_ROOT): AzureTarget {
  const file = outputsPath(env, root);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { value?: unknown } | undefined>;
  const text = (key: string): string => {
    const v = doc[key]?.value;
    if (typeof v !== 'string' || v === '') throw new Error(`${file}: output ${key} is missing or empty`);
    return v;
  };
  const ids = { 'client-id': text('ciIdentityClientId'), 'tenant-id': text('tenantId'), 'subscription-id': text('subscriptionId') };
  for (const [k, v] of Object.entries(ids)) {
    if (!GUID.test(v)) throw new Error(`${file}: ${k} ${v} is not a GUID`);
    if (PLACEHOLDER.test(v)) {
      throw new Error(`${file}: ${k} is still the placeholder ${v}: deploy ${env} (infra-bicep/README.md), run scripts/bicep-outputs.sh ${env} and commit the file`);
    }
  }
  const registry = text('acrName');
  const resourceGroup = text('resourceGroupName');
  return {
    ...ids,
    'resource-group': resourceGroup,
    registry,
    'login-server': text('acrLoginServer'),
    'registry-id': `/subscriptions/${ids['subscription-id']}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerRegistry/registries/${registry}`,
  };
}

/** `key=value` lines, the format of $GITHUB_OUTPUT. */
export const asStepOutputs = (target: AzureTarget): string =>
  Object.entries(target)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
