import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from './support/bicep.ts';
import { asArray, ofType, prop, setProp } from './support/props.ts';
import { DEV_EXCEPTIONS } from './rules/exceptions.ts';
import { RULES, ruleById } from './rules/rules.ts';

const prod = loadSnapshot('prod');
const dev = loadSnapshot('dev');

describe('rules over the evaluated snapshots', () => {
  it('has at least 25 rules, 25 of them named after PSRule for Azure rules, with unique ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('Azure.')).length).toBeGreaterThanOrEqual(25);
  });

  describe('prod passes every rule, and every rule applies to at least one prod resource', () => {
    it.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
      const result = rule.check(prod);
      expect(result.failures).toEqual([]);
      expect(result.applicable).toBeGreaterThan(0);
    });
  });

  describe('dev passes every rule that is not prod-only, except the listed exceptions', () => {
    const devRules = RULES.filter((r) => !r.prodOnly && !(r.id in DEV_EXCEPTIONS));
    it.each(devRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
      expect(rule.check(dev).failures).toEqual([]);
    });
  });

  describe('every dev exception names a real, non-prod-only rule that dev really fails', () => {
    it.each(Object.entries(DEV_EXCEPTIONS))('%s', (id, reason) => {
      const rule = ruleById(id);
      expect(rule.prodOnly).toBe(false);
      expect(reason.length).toBeGreaterThan(20);
      expect(rule.check(dev).failures.length).toBeGreaterThan(0);
    });
  });
});

describe('a deliberately broken copy of the prod snapshot fails the rule it breaks', () => {
  const broken = (mutate: (s: Snapshot) => void): Snapshot => {
    const copy = structuredClone(prod);
    mutate(copy);
    return copy;
  };
  const first = (s: Snapshot, type: string) => {
    const r = ofType(s.predictedResources, type)[0];
    if (r === undefined) throw new Error(`no ${type} in the snapshot`);
    return r;
  };

  const cases: [string, (s: Snapshot) => void][] = [
    ['Azure.AKS.LocalAccounts', (s) => setProp(first(s, 'Microsoft.ContainerService/managedClusters'), 'properties.disableLocalAccounts', false)],
    // Different casing from the template's: the rule still finds the property.
    ['Azure.AKS.SecretStoreRotation', (s) => setProp(first(s, 'Microsoft.ContainerService/managedClusters'), 'PROPERTIES.addonProfiles.AZUREKEYVAULTSECRETSPROVIDER.config.enableSecretRotation', 'false')],
    ['Azure.KeyVault.PurgeProtect', (s) => setProp(first(s, 'Microsoft.KeyVault/vaults'), 'properties.enablePurgeProtection', false)],
    ['Azure.ServiceBus.DisableLocalAuth', (s) => setProp(first(s, 'Microsoft.ServiceBus/namespaces'), 'properties.disableLocalAuth', false)],
    ['Azure.PostgreSQL.ZoneRedundantHA', (s) => setProp(first(s, 'Microsoft.DBforPostgreSQL/flexibleServers'), 'properties.highAvailability.mode', 'SameZone')],
    ['TripGen.RedisEnterprise.OnePersistenceMode', (s) => setProp(first(s, 'Microsoft.Cache/redisEnterprise/databases'), 'properties.persistence.rdbEnabled', true)],
    ['Azure.AppGwWAF.PreventionMode', (s) => setProp(first(s, 'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies'), 'properties.policySettings.mode', 'Detection')],
    [
      'Azure.VNET.UseNSGs',
      (s) => {
        const subnet = asArray(prop(first(s, 'Microsoft.Network/virtualNetworks'), 'properties.subnets'))[0];
        setProp(subnet, 'properties.networkSecurityGroup', undefined);
      },
    ],
    [
      'TripGen.Monitor.DiagnosticsEverywhere',
      (s) => {
        s.predictedResources = s.predictedResources.filter((r) => !r.id.toLowerCase().includes('/vaults/kv-tripgen-prod/providers/microsoft.insights/diagnosticsettings/'));
      },
    ],
    ['Azure.ACR.AdminUser', (s) => setProp(first(s, 'Microsoft.ContainerRegistry/registries'), 'properties.adminUserEnabled', true)],
  ];

  it.each(cases)('%s', (id, mutate) => {
    const rule = ruleById(id);
    expect(rule.check(prod).failures).toEqual([]);
    expect(rule.check(broken(mutate)).failures.length).toBeGreaterThan(0);
  });
});
