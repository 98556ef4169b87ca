/**
 * The Istio ingress gateway's certificate: the AKS Key Vault secrets provider add-on syncs the
 * Key Vault certificate into aks-istio-ingress with its own managed identity (Microsoft's
 * "secure ingress gateway for the Istio add-on"). Bicep grants that identity the least role that
 * can read a certificate with its private key, on the certificate's backing secret only (Key Vault
 * RBAC accepts a secret as scope: learn.microsoft.com/azure/key-vault/general/rbac-guide), once the
 * operator has written it (phase 2), and nowhere without an edge (dev mounts nothing with it); and
 * hands its client id over.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, loadSnapshot } from '../lib/bicep.ts';
import { ofType, prop } from '../lib/props.ts';

const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';
const ADDON_IDENTITY = /managedClusters\/aks-tripgen-\w+'.*\)\.addonProfiles\.azureKeyvaultSecretsProvider\.identity\./;

describe.each(ENVIRONMENTS)('%s: Key Vault secrets provider add-on identity', (env) => {
  const snapshot = loadSnapshot(env);
  const grants = ofType(snapshot.predictedResources, 'Microsoft.Authorization/roleAssignments').filter((a) =>
    ADDON_IDENTITY.test(String(prop(a, 'properties.principalId'))),
  );

  it('holds exactly Key Vault Secrets User on the edge certificate\'s secret in prod, nothing in dev', () => {
    expect(grants).toHaveLength(env === 'prod' ? 1 : 0);
    for (const grant of grants) {
      expect(String(prop(grant, 'properties.roleDefinitionId')).endsWith(`/roleDefinitions/${KEY_VAULT_SECRETS_USER}`)).toBe(true);
      expect(grant.id.split('/providers/Microsoft.Authorization/')[0]).toMatch(new RegExp(`/providers/Microsoft\\.KeyVault/vaults/kv-tripgen-${env}-[a-z0-9]{6}/secrets/${snapshot.outputs.tlsCertificateName}$`));
      expect(String(prop(grant, 'properties.principalId'))).toMatch(/identity\.objectId\]$/);
    }
  });

  it('hands its client id over to Kubernetes (output keyVaultCsiAddonClientId)', () => {
    expect(String(snapshot.outputs.keyVaultCsiAddonClientId)).toMatch(ADDON_IDENTITY);
    expect(String(snapshot.outputs.keyVaultCsiAddonClientId)).toMatch(/identity\.clientId\]$/);
  });

  it('names the edge certificate where there is an edge (prod), nothing in dev', () => {
    expect(snapshot.outputs.tlsCertificateName).toBe(env === 'prod' ? 'tripgen-tls' : '');
  });
});

/**
 * infra-bicep/README.md says where the add-on identity's grant is scoped (the paragraph on
 * identities): the scope of prod's grant in the snapshot, a secret's name with "only", and never
 * "scoped to the vault" while the grant is on one secret.
 */
function readmeScopeProblems(readme: string, grantId: string): string[] {
  const paragraph = /^Identities \(one per catalog service[\s\S]*?\n\n/m.exec(readme)?.[0] ?? '';
  const addon = paragraph.slice(paragraph.indexOf("Key Vault CSI add-on's"));
  const scope = grantId.split('/providers/Microsoft.Authorization/')[0]!;
  const secret = /\/secrets\/([^/]+)$/.exec(scope)?.[1];
  if (!addon) return ['infra-bicep/README.md: no paragraph on the Key Vault CSI add-on identity'];
  if (secret === undefined) return /scoped to the vault/.test(addon) ? [] : [`the grant is on the vault; the README does not say so`];
  return [
    ...(addon.includes(`\`${secret}\` only`) ? [] : [`the grant is on the secret ${secret} alone; the README does not say \`${secret}\` only`]),
    ...(/scoped to the vault/.test(addon) ? [`the README says the grant is scoped to the vault; the snapshot scopes it to the secret ${secret}`] : []),
  ];
}

describe('infra-bicep/README.md states the add-on identity grant as the prod snapshot has it', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
  const grant = ofType(loadSnapshot('prod').predictedResources, 'Microsoft.Authorization/roleAssignments').find((a) => ADDON_IDENTITY.test(String(prop(a, 'properties.principalId'))))!;

  it('names the one secret the grant is scoped to, and no vault-wide scope', () => {
    expect(readmeScopeProblems(readme, grant.id)).toEqual([]);
  });

  it('fails when the grant is widened to the vault, or the README says the vault', () => {
    const vaultWide = grant.id.replace(/\/secrets\/[^/]+\/providers\//, '/providers/');
    expect(readmeScopeProblems(readme, vaultWide)).toEqual(['the grant is on the vault; the README does not say so']);
    const saysVault = readme.replace('which is all this role allows).', 'which is all this role allows). It is scoped to the vault.');
    expect(readmeScopeProblems(saysVault, grant.id)).toEqual([expect.stringContaining('says the grant is scoped to the vault')]);
  });
});
