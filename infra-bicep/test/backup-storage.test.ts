/**
 * dev's PostgreSQL backups land where the backup job can write and nobody else can read: Entra ID
 * only (no shared key, no public blob, HTTPS with TLS 1.2), one private container the job's own
 * identity may write (federated with the CronJob's service account), dumps deleted after the dev
 * profile's retention. prod has no such account (Flexible Server backups). Shown failing on
 * broken copies of the dev snapshot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { K8S_NAMESPACE, POSTGRES_BACKUP_JOB } from '@tripgen/catalog';
import { INFRA_DIR, loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

const STORAGE_BLOB_DATA_CONTRIBUTOR = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe';
const ACCOUNT = 'Microsoft.Storage/storageAccounts';

/** The dev profile's retention, as written in env/dev.bicepparam. */
const retentionDays = Number(/backup:\s*\{[^}]*retentionDays:\s*(\d+)/.exec(readFileSync(path.join(INFRA_DIR, 'env', 'dev.bicepparam'), 'utf8'))?.[1]);

function backupStorageProblems(s: Snapshot): string[] {
  const v: string[] = [];
  const accounts = ofType(s.predictedResources, ACCOUNT);
  if (accounts.length !== 1) return [`${accounts.length} storage accounts (want the backup account only)`];
  const a = accounts[0]!;
  const want: [string, unknown][] = [
    ['properties.supportsHttpsTrafficOnly', true],
    ['properties.minimumTlsVersion', 'TLS1_2'],
    ['properties.allowBlobPublicAccess', false],
    ['properties.allowSharedKeyAccess', false],
    ['properties.defaultToOAuthAuthentication', true],
  ];
  for (const [p, value] of want) if (prop(a, p) !== value) v.push(`${a.name}: ${p} is ${JSON.stringify(prop(a, p))}, want ${JSON.stringify(value)}`);
  const containers = ofType(s.predictedResources, `${ACCOUNT}/blobServices/containers`);
  for (const c of containers) if (prop(c, 'properties.publicAccess') !== 'None') v.push(`${c.name}: public access ${String(prop(c, 'properties.publicAccess'))}`);
  const container = containers[0];
  if (!container) return [...v, 'no container'];
  const containerName = container.name.split('/').at(-1)!;
  const rules = ofType(s.predictedResources, `${ACCOUNT}/managementPolicies`).flatMap((m) => (prop(m, 'properties.policy.rules') as unknown[] | undefined) ?? []);
  const expiry = rules.find((r) => (prop(r, 'definition.filters.prefixMatch') as string[] | undefined)?.includes(`${containerName}/`));
  const days = prop(expiry, 'definition.actions.baseBlob.delete.daysAfterModificationGreaterThan');
  if (prop(expiry, 'enabled') !== true || days !== retentionDays) v.push(`dumps are not deleted after the profile's ${retentionDays} days (rule: ${JSON.stringify(days)})`);
  const writers = ofType(s.predictedResources, 'Microsoft.Authorization/roleAssignments').filter((r) => String(prop(r, 'properties.roleDefinitionId')).endsWith(STORAGE_BLOB_DATA_CONTRIBUTOR));
  if (writers.length !== 1 || !writers[0]!.id.includes(`/containers/${containerName}/`)) v.push(`Storage Blob Data Contributor must be granted once, on the container (${writers.map((w) => w.id).join(', ')})`);
  const principal = String(prop(writers[0], 'properties.principalId'));
  const identity = `id-tripgen-${POSTGRES_BACKUP_JOB}-`;
  if (!principal.includes(`/userAssignedIdentities/${identity}`)) v.push(`the writer is not the backup job's identity: ${principal}`);
  const federation = ofType(s.predictedResources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials').find((f) => f.name.startsWith(identity));
  if (prop(federation, 'properties.subject') !== `system:serviceaccount:${K8S_NAMESPACE}:${POSTGRES_BACKUP_JOB}`) v.push(`the identity is not federated with the backup job's service account: ${String(prop(federation, 'properties.subject'))}`);
  return v;
}

describe('dev PostgreSQL backup storage', () => {
  const dev = loadSnapshot('dev');

  it('is Entra-only, private, written only by the backup job\'s identity, and expires dumps after the profile\'s retention', () => {
    expect(retentionDays).toBeGreaterThan(0);
    expect(backupStorageProblems(dev)).toEqual([]);
    expect(dev.outputs.backupContainerName).toBe('postgres-backups');
  });

  it('does not exist in prod (Flexible Server backups there)', () => {
    expect(ofType(loadSnapshot('prod').predictedResources, ACCOUNT)).toEqual([]);
    expect(loadSnapshot('prod').outputs.backupStorageAccountName).toBe('');
  });

  it('fails on shared keys, a public container, another retention, a grant on the account, another subject', () => {
    const broken = structuredClone(dev);
    const r = (type: string) => ofType(broken.predictedResources, type)[0]!;
    setProp(r(ACCOUNT), 'properties.allowSharedKeyAccess', true);
    setProp(r(`${ACCOUNT}/blobServices/containers`), 'properties.publicAccess', 'Blob');
    const rules = prop(r(`${ACCOUNT}/managementPolicies`), 'properties.policy.rules') as Record<string, unknown>[];
    setProp(rules[0], 'definition.actions.baseBlob.delete.daysAfterModificationGreaterThan', 35);
    const grant = ofType(broken.predictedResources, 'Microsoft.Authorization/roleAssignments').find((x) => String(prop(x, 'properties.roleDefinitionId')).endsWith(STORAGE_BLOB_DATA_CONTRIBUTOR))!;
    grant.id = grant.id.replace(/\/blobServices\/.*\/providers\//, '/providers/');
    const fed = ofType(broken.predictedResources, 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials').find((f) => f.name.startsWith(`id-tripgen-${POSTGRES_BACKUP_JOB}-`))!;
    setProp(fed, 'properties.subject', `system:serviceaccount:${K8S_NAMESPACE}:default`);
    expect(backupStorageProblems(broken)).toEqual([
      expect.stringMatching(/allowSharedKeyAccess is true/),
      expect.stringMatching(/postgres-backups: public access Blob/),
      `dumps are not deleted after the profile's ${retentionDays} days (rule: 35)`,
      expect.stringMatching(/^Storage Blob Data Contributor must be granted once, on the container/),
      expect.stringMatching(/not federated with the backup job's service account/),
    ]);
  });
});
