/**
 * The one list of rules dev is allowed to fail although they are not prod-only, each with its
 * reason. The dev test also proves every entry still fails in dev, so the list cannot go stale.
 */
export const DEV_EXCEPTIONS: Readonly<Record<string, string>> = {
  'Azure.KeyVault.Firewall':
    'dev has no private network: the cluster reaches the vault from an outbound IP Azure assigns at creation, ' +
    'so a deny-by-default firewall would lock it out; access is guarded by Azure RBAC only (prod: private endpoint, firewall Deny).',
  'Azure.ACR.MinSku':
    'dev uses the Basic registry (about $5/month against $50 for Premium) within the seed\'s $280 dev budget; ' +
    'prod uses Premium with a private endpoint and retention.',
};
