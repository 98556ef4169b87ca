import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { asArray, firstOfType as first, prop, setProp } from '../lib/props.ts';
import { BREAKERS } from './rules/breakers.ts';
import { DEV_EXCEPTIONS, NOT_IN_DEV } from './rules/exceptions.ts';
import { DIAGNOSABLE_TYPES, NOT_DIAGNOSABLE_TYPES, RULES, ruleById } from './rules/rules.ts';

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

  describe('every dev rule that is not prod-only applies to at least one dev resource (none passes vacuously)', () => {
    const applying = RULES.filter((r) => !r.prodOnly && !(r.id in NOT_IN_DEV));
    it.each(applying.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
      expect(rule.check(dev).applicable).toBeGreaterThan(0);
    });
  });

  describe('every rule listed as not in dev names a real, non-prod-only rule with nothing to check in dev', () => {
    it.each(Object.entries(NOT_IN_DEV))('%s', (id, reason) => {
      const rule = ruleById(id);
      expect(rule.prodOnly).toBe(false);
      expect(reason.length).toBeGreaterThan(20);
      expect(rule.check(dev).applicable).toBe(0);
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

describe('every resource type of the snapshots is classified for TripGen.Monitor.DiagnosticsEverywhere', () => {
  it.each(['dev', 'prod'] as const)('%s', (env) => {
    const types = [...new Set(loadSnapshot(env).predictedResources.map((r) => r.type.toLowerCase()))];
    const known = [...DIAGNOSABLE_TYPES, ...Object.keys(NOT_DIAGNOSABLE_TYPES)].map((t) => t.toLowerCase());
    expect(types.filter((t) => !known.includes(t))).toEqual([]);
  });

  it('no type is in both lists', () => {
    const diagnosable = DIAGNOSABLE_TYPES.map((t) => t.toLowerCase());
    expect(Object.keys(NOT_DIAGNOSABLE_TYPES).filter((t) => diagnosable.includes(t.toLowerCase()))).toEqual([]);
  });
});

describe('every rule fails on a copy of the prod snapshot broken for it (test/rules/breakers.ts)', () => {
  it('has one breaker per rule and none for a rule that does not exist', () => {
    expect(Object.keys(BREAKERS).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const breaker = BREAKERS[id];
    if (breaker === undefined) throw new Error(`no breaker for ${id}`);
    const copy = structuredClone(prod);
    breaker(copy);
    expect(rule.check(prod).failures).toEqual([]);
    expect(rule.check(copy).failures.length).toBeGreaterThan(0);
  });
});

describe('more ways to break a rule on a copy of the prod snapshot', () => {
  const broken = (mutate: (s: Snapshot) => void): Snapshot => {
    const copy = structuredClone(prod);
    mutate(copy);
    return copy;
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
        s.predictedResources = s.predictedResources.filter((r) => !r.id.toLowerCase().includes('/providers/microsoft.insights/diagnosticsettings/') || !r.id.toLowerCase().includes('/vaults/kv-tripgen-prod-'));
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

describe('the lean prod variant (env/prod-lean.bicepparam) keeps the guarantees: it passes every rule prod passes', () => {
  const lean = loadSnapshot('prod-lean');
  it.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    expect(rule.check(lean).failures).toEqual([]);
  });
});

describe('infra-bicep/README.md "Rules" counts the rules there are', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
  const stated = (text: string) => /`test\/rules\/rules\.ts`: (\d+) rules \((\d+) with PSRule ids/.exec(text)?.slice(1).map(Number);

  it('states how many rules, and how many carry PSRule ids', () => {
    expect(stated(readme)).toEqual([RULES.length, RULES.filter((r) => r.id.startsWith('Azure.')).length]);
  });

  it('reads the counts from the sentence', () => {
    expect(stated('`test/rules/rules.ts`: 7 rules (3 with PSRule ids; ...)')).toEqual([7, 3]);
  });
});
