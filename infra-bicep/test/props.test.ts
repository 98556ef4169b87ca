/**
 * Case-insensitive property access on ARM bodies (lib/props.ts), the base of every rule and
 * breaker: reading and setting through differently cased keys, and failing loudly where a path
 * cannot be set or a resource is missing instead of breaking nothing.
 */
import { expect, it } from 'vitest';
import type { Snapshot } from '../lib/bicep.ts';
import { asArray, firstOfType, prop, setProp } from '../lib/props.ts';

it('reads and sets through keys cased differently, creating a missing last key', () => {
  const body: Record<string, unknown> = { Properties: { addonProfiles: { omsAgent: { enabled: true } } } };
  expect(prop(body, 'properties.AddonProfiles.omsagent.enabled')).toBe(true);
  expect(prop(body, 'properties.addonProfiles.azurepolicy.enabled')).toBeUndefined();
  expect(prop(body, 'properties.addonProfiles.omsAgent.enabled.deeper')).toBeUndefined();
  setProp(body, 'properties.addonprofiles.OMSAGENT.enabled', false);
  setProp(body, 'properties.disableLocalAccounts', true);
  expect(body).toEqual({ Properties: { addonProfiles: { omsAgent: { enabled: false } }, disableLocalAccounts: true } });
});

it('refuses to set below a value that is not an object, naming the path', () => {
  expect(() => setProp({ properties: { sku: 'Premium' } }, 'properties.sku.name', 'Basic')).toThrow('cannot set properties.sku.name: properties.sku is not an object');
  expect(() => setProp({}, 'properties.x', 1)).toThrow('cannot set properties.x: properties is not an object');
});

it('finds the first resource of a type (case-insensitively) that a filter accepts, or fails', () => {
  const s = { predictedResources: [{ id: 'a', name: 'a', type: 'Microsoft.KeyVault/vaults' }, { id: 'b', name: 'b', type: 'microsoft.keyvault/VAULTS' }] } as unknown as Snapshot;
  expect(firstOfType(s, 'Microsoft.KeyVault/vaults').id).toBe('a');
  expect(firstOfType(s, 'Microsoft.KeyVault/vaults', (r) => r.name === 'b').id).toBe('b');
  expect(() => firstOfType(s, 'Microsoft.Cache/redis')).toThrow('no Microsoft.Cache/redis in the snapshot');
  expect(asArray('x')).toEqual([]);
});
