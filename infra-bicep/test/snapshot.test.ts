import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BICEP_SOURCES, bicepBin, ENVIRONMENTS, INFRA_DIR, loadSnapshot, PARAM_FILES, type ParamFile, run, SNAPSHOT_CONTEXT, snapshotPath } from '../lib/bicep.ts';
import { setProp } from '../lib/props.ts';

// `bicep snapshot --mode validate` reads <param file>.snapshot.json next to the param file; the
// committed snapshots live in snapshots/, so the sources are copied to a scratch directory with
// the committed snapshot where the CLI looks for it (the working tree is never written).
const scratch = mkdtempSync(path.join(tmpdir(), 'tripgen-bicep-'));
for (const entry of BICEP_SOURCES) {
  cpSync(path.join(INFRA_DIR, entry), path.join(scratch, entry), { recursive: true });
}
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const validate = (env: ParamFile) =>
  run(
    bicepBin(),
    [
      'snapshot', `env/${env}.bicepparam`, '--mode', 'validate',
      '--tenant-id', SNAPSHOT_CONTEXT.tenantId,
      '--subscription-id', SNAPSHOT_CONTEXT.subscriptionId,
      '--location', SNAPSHOT_CONTEXT.location,
      '--deployment-name', SNAPSHOT_CONTEXT.deploymentName(env),
    ],
    scratch,
  );

describe('committed snapshots are current (bicep snapshot --mode validate)', () => {
  it.each(PARAM_FILES)('%s', async (env) => {
    cpSync(snapshotPath(env), path.join(scratch, 'env', `${env}.snapshot.json`));
    const result = await validate(env);
    // On failure the CLI prints the resource-level diff: show it, and how to refresh.
    expect(result.code, `${result.stdout}${result.stderr}\nstale snapshot: run \`npm run bicep:snapshot\` and commit it`).toBe(0);
  });

  it('rejects a stale snapshot (one property changed) and names the resource that differs', async () => {
    const stale = loadSnapshot('dev');
    const vault = stale.predictedResources.find((r) => r.type === 'Microsoft.KeyVault/vaults');
    if (vault === undefined) throw new Error('no Key Vault in the dev snapshot');
    setProp(vault, 'properties.enablePurgeProtection', false);
    writeFileSync(path.join(scratch, 'env', 'dev.snapshot.json'), JSON.stringify(stale, null, 2));
    const result = await validate('dev');
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/kv-tripgen-dev/);
  });
});

/**
 * The resources whose names only Azure knows (main.bicep suppresses what-if-short-circuiting there
 * with the same reasons): a PostgreSQL Entra administrator is named by the object id of its
 * principal, and the database-roles identity exists only once it is created; the Prometheus
 * identity's grant is on the data collection rule the Azure Monitor workspace creates itself.
 */
const NAMED_BY_RUNTIME_ID = [
  'Microsoft.DBforPostgreSQL/flexibleServers/administrators id-tripgen-dbroles-',
  'Microsoft.Authorization/roleAssignments defaultIngestionSettings.dataCollectionRuleResourceId',
];

describe('every resource name and id is evaluated in the snapshots (deterministic from the profile)', () => {
  it.each(ENVIRONMENTS)('%s', (env) => {
    const unevaluated = loadSnapshot(env)
      .predictedResources.filter((r) => [r.id, r.name].some((v) => typeof v !== 'string' || v.startsWith('[') || v.includes('uniqueString')))
      .filter((r) => !NAMED_BY_RUNTIME_ID.some((known) => `${r.type} ${r.name}`.startsWith(known.split(' ')[0]!) && r.name.includes(known.split(' ')[1]!)))
      .map((r) => `${r.type} ${r.name}`);
    expect(unevaluated).toEqual([]);
  });
});
