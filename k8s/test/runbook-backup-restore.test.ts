/**
 * docs/runbooks.md #backup-restore gives on-call the command that restores dev's latest dump: it
 * pipes restore.sh out of the backup's ConfigMap into the PostgreSQL pod with the databases to
 * restore (BACKUP_DATABASES), then scales the services back up. That block is read back and held to
 * the stack: its database list is the catalog's DATABASES (what the CronJob dumps), a database added
 * or renamed fails here until the page restores it; the ConfigMap and key it reads are rendered;
 * every variable restore.sh requires is given; and the replicas it scales back to are dev's.
 * Shown failing on broken copies of the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATABASES } from '@tripgen/catalog';
import { POSTGRES_BACKUP } from '../src/constructs/postgres-backup.ts';
import { repoPath } from '../src/lib/paths.ts';
import { find, objectsOf } from './support/gitops.ts';

const RUNBOOKS = readFileSync(repoPath('docs', 'runbooks.md'), 'utf8');

/** The bash block of #backup-restore that runs restore.sh, its continued lines joined. */
const restoreBlock = (md: string): string => {
  const section = /^## backup-restore\n([\s\S]*?)(?=^## )/m.exec(md)?.[1] ?? '';
  const block = [...section.matchAll(/^```bash\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '').find((b) => b.includes('restore\\.sh')) ?? '';
  return block.replace(/\\\n\s*/g, ' ');
};

interface Stack {
  readonly databases: readonly string[];
  /** The rendered scripts ConfigMap's name and its data. */
  readonly scripts: { readonly name: string; readonly data: Record<string, string> };
  /** Each dev Deployment's replicas. */
  readonly devReplicas: Readonly<Record<string, number>>;
}

function restoreBlockProblems(md: string, stack: Stack): string[] {
  const block = restoreBlock(md);
  if (block === '') return ['#backup-restore has no bash block running restore.sh'];
  const problems: string[] = [];
  const listed = /\bBACKUP_DATABASES="([^"]*)"/.exec(block)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  for (const db of stack.databases.filter((d) => !listed.includes(d))) problems.push(`#backup-restore's restore command does not restore ${db}`);
  for (const db of listed.filter((d) => !stack.databases.includes(d))) problems.push(`#backup-restore's restore command restores ${db}, which is no catalog database`);
  const [, configMap, key] = /get configmap (\S+) -o jsonpath='\{\.data\.([\w\\.-]+)\}'/.exec(block) ?? [];
  if (configMap !== stack.scripts.name) problems.push(`#backup-restore reads the scripts from ConfigMap ${String(configMap)}, rendered as ${stack.scripts.name}`);
  const script = stack.scripts.data[(key ?? '').replaceAll('\\.', '.')];
  if (script === undefined) problems.push(`#backup-restore pipes ${String(key)}, which ${stack.scripts.name} does not hold`);
  const command = block.split('\n').find((l) => l.includes('exec -i')) ?? '';
  for (const required of [...(script ?? '').matchAll(/\$\{(\w+):\?\}/g)].map((m) => m[1] ?? '')) {
    if (!new RegExp(`\\b${required}=`).test(command)) problems.push(`#backup-restore's restore command does not set ${required}, which restore.sh requires`);
  }
  const upTo = Number(/scale deployment --all --replicas=([1-9]\d*)/.exec(block)?.[1]);
  for (const [name, replicas] of Object.entries(stack.devReplicas)) {
    if (replicas !== upTo) problems.push(`#backup-restore scales ${name} back to ${upTo}, dev runs ${replicas}`);
  }
  return problems;
}

const rendered = (): Stack => ({
  databases: DATABASES,
  scripts: { name: POSTGRES_BACKUP.scripts, data: find('dev', 'ConfigMap', POSTGRES_BACKUP.scripts).data as Record<string, string> },
  devReplicas: Object.fromEntries(objectsOf('dev').filter((o) => o.kind === 'Deployment').map((o) => [o.metadata.name, (o.spec as { replicas: number }).replicas] as const).sort(([a], [b]) => a.localeCompare(b))),
});

describe("docs/runbooks.md #backup-restore's dev restore command restores the stack's databases", () => {
  it('lists the catalog databases, reads the rendered restore.sh, sets what it requires and scales back to dev replicas', () => {
    expect(restoreBlockProblems(RUNBOOKS, rendered())).toEqual([]);
  });

  it('fails on a database left out or unknown, another ConfigMap, a variable not set, another replica count', () => {
    const page = RUNBOOKS.replace('BACKUP_DATABASES="user_db trip_db ai_db location_db"', 'BACKUP_DATABASES="user_db trip_db ai_db places_db"')
      .replace("get configmap postgres-backup-scripts -o jsonpath='{.data.restore\\.sh}'", "get configmap postgres-backup -o jsonpath='{.data.restore\\.sh}'")
      .replace('env BACKUP_DIR=/tmp/restore ', 'env ')
      .replace('scale deployment --all --replicas=1 ', 'scale deployment --all --replicas=2 ');
    expect(restoreBlockProblems(page, rendered())).toEqual([
      "#backup-restore's restore command does not restore location_db",
      "#backup-restore's restore command restores places_db, which is no catalog database",
      '#backup-restore reads the scripts from ConfigMap postgres-backup, rendered as postgres-backup-scripts',
      "#backup-restore's restore command does not set BACKUP_DIR, which restore.sh requires",
      ...['ai-service', 'location-service', 'trip-service', 'user-service'].map((s) => `#backup-restore scales ${s} back to 2, dev runs 1`),
    ]);
    // A database the stack gains (a catalog change) that the page does not restore.
    expect(restoreBlockProblems(RUNBOOKS, { ...rendered(), databases: [...DATABASES, 'notes_db'] })).toEqual(["#backup-restore's restore command does not restore notes_db"]);
  });
});
