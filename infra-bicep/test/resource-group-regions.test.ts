/**
 * Azure keeps a resource group's metadata in the group's region; while that region is down,
 * "updates to this data could fail, making the resource effectively read-only" (Azure Proactive
 * Resiliency Library, resource groups, RG-1:
 * https://azure.github.io/Azure-Proactive-Resiliency-Library/services/management/resource-group).
 * docs/dr.md's region-loss drill fails the Service Bus alias over by updating the secondary
 * namespace in Korea South: in a group of Korea Central, the outage it is for could block it. So
 * every regional resource of every snapshot lives in a group of its own region. Shown failing on the
 * layout before the fix (the secondary in the primary's group).
 */
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType } from '../lib/props.ts';

const ENVS = ['dev', 'prod', 'prod-lean'] as const;

function regionProblems(s: Snapshot): string[] {
  const groups = new Map(ofType(s.predictedResources, 'Microsoft.Resources/resourceGroups').map((g) => [g.name.toLowerCase(), g.location]));
  const v: string[] = [];
  for (const r of s.predictedResources) {
    const group = /\/resourceGroups\/([^/]+)\/providers\//i.exec(r.id)?.[1]?.toLowerCase();
    const location = typeof r.location === 'string' ? r.location : undefined;
    if (!group || !location || location === 'global' || !groups.has(group)) continue;
    if (groups.get(group) !== location) v.push(`${r.type} ${r.name} (${location}) is in ${group} (${String(groups.get(group))})`);
  }
  return v;
}

describe('every regional resource is in a resource group of its region (APRL RG-1)', () => {
  for (const env of ENVS) {
    it(env, () => expect(regionProblems(loadSnapshot(env))).toEqual([]));
  }

  it('flags the geo-DR secondary placed in the primary region\'s group', () => {
    const s = loadSnapshot('prod');
    const secondary = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces').find((n) => n.location === 'koreasouth')!;
    secondary.id = secondary.id.replace('/resourceGroups/rg-tripgen-prod-dr/', '/resourceGroups/rg-tripgen-prod/');
    expect(regionProblems(s)).toEqual([expect.stringContaining('Microsoft.ServiceBus/namespaces sb-tripgen-prod-')]);
  });
});
