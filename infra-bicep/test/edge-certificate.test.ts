/**
 * The Istio ingress gateway's certificate: the AKS Key Vault secrets provider add-on syncs the
 * Key Vault certificate into aks-istio-ingress with its own managed identity (Microsoft's
 * "secure ingress gateway for the Istio add-on"). Bicep grants that identity the least role that
 * can read a certificate with its private key, on the certificate's backing secret only (Key Vault
 * RBAC accepts a secret as scope: learn.microsoft.com/azure/key-vault/general/rbac-guide), once the
 * operator has written it (phase 2), and nowhere without an edge (dev mounts nothing with it); and
 * hands its client id over.
 */
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
