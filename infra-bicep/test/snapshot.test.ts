import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bicepBin, ENVIRONMENTS, INFRA_DIR, run, SNAPSHOT_CONTEXT, snapshotPath } from './support/bicep.ts';

// `bicep snapshot --mode validate` reads <param file>.snapshot.json next to the param file; the
// committed snapshots live in snapshots/, so the sources are copied to a scratch directory with
// the committed snapshot where the CLI looks for it (the working tree is never written).
const scratch = mkdtempSync(path.join(tmpdir(), 'tripgen-bicep-'));
for (const entry of ['main.bicep', 'types.bicep', 'catalog.json', 'bicepconfig.json', 'modules', 'env']) {
  cpSync(path.join(INFRA_DIR, entry), path.join(scratch, entry), { recursive: true });
}
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('committed snapshots are current (bicep snapshot --mode validate)', () => {
  it.each(ENVIRONMENTS)('%s', async (env) => {
    const bicep = bicepBin();
    cpSync(snapshotPath(env), path.join(scratch, 'env', `${env}.snapshot.json`));
    const result = await run(
      bicep,
      [
        'snapshot', `env/${env}.bicepparam`, '--mode', 'validate',
        '--tenant-id', SNAPSHOT_CONTEXT.tenantId,
        '--subscription-id', SNAPSHOT_CONTEXT.subscriptionId,
        '--location', SNAPSHOT_CONTEXT.location,
        '--deployment-name', SNAPSHOT_CONTEXT.deploymentName(env),
      ],
      scratch,
    );
    // On failure the CLI prints the resource-level diff: show it, and how to refresh.
    expect(result.code, `${result.stdout}${result.stderr}\nstale snapshot: run \`npm run bicep:snapshot\` and commit it`).toBe(0);
  });
});
