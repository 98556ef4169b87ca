/**
 * Deleting an environment (README) must delete every resource group its deployment creates. prod
 * creates two since the geo-DR secondary namespace moved into `rg-tripgen-prod-dr` (a group of the
 * DR region, APRL RG-1); a teardown that deletes `rg-tripgen-prod` alone leaves that Premium 2 MU
 * namespace (PRICES: $0.928 per MU-hour, about $1,355 a month) and its role assignments behind.
 * A paired namespace is unpaired first (az servicebus georecovery-alias break-pair, Azure CLI
 * reference for `az servicebus georecovery-alias`), before any group is deleted.
 * Shown failing on the README before this paragraph (it named no group).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, INFRA_DIR, loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType } from '../lib/props.ts';

const README = readFileSync(path.join(INFRA_DIR, 'README.md'), 'utf8');

/** The README paragraph that says how an environment is deleted. */
const teardownParagraph = (readme: string): string =>
  readme.split(/\n\s*\n/).find((p) => /^Deleting an environment\b/.test(p.trim())) ?? '';

/** What the paragraph leaves out for one environment's snapshot. */
function teardownProblems(paragraph: string, env: string, s: Snapshot): string[] {
  const v: string[] = [];
  const text = paragraph.replace(/\s+/g, ' ');
  for (const group of ofType(s.predictedResources, 'Microsoft.Resources/resourceGroups').map((g) => g.name)) {
    // Named for this environment or for every environment (`rg-tripgen-<env>...`).
    const generic = group.replace(`rg-tripgen-${env}`, 'rg-tripgen-<env>');
    if (!text.includes(`\`${group}\``) && !text.includes(`\`${generic}\``) && !text.includes(`-n ${group}\``)) v.push(`${env}: ${group} is not named`);
  }
  if (ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/disasterRecoveryConfigs').length > 0) {
    const breakPair = text.indexOf('az servicebus georecovery-alias break-pair');
    const firstDelete = text.indexOf('az group delete');
    if (breakPair < 0 || (firstDelete >= 0 && firstDelete < breakPair)) v.push(`${env}: the geo-DR pairing is not broken before a group is deleted`);
  }
  return v;
}

describe('the README\'s teardown deletes every resource group an environment creates', () => {
  it.each(ENVIRONMENTS)('%s', (env) => {
    const paragraph = teardownParagraph(README);
    expect(paragraph).not.toBe('');
    expect(teardownProblems(paragraph, env, loadSnapshot(env))).toEqual([]);
  });

  it('flags a teardown that names the primary group only', () => {
    const bare = 'Deleting an environment is `az group delete -n rg-tripgen-prod`.';
    expect(teardownProblems(bare, 'prod', loadSnapshot('prod'))).toEqual([
      'prod: rg-tripgen-prod-dr is not named',
      'prod: the geo-DR pairing is not broken before a group is deleted',
    ]);
  });
});
