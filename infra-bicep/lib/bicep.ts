/**
 * Access to the Bicep CLI and to the committed snapshots. The CLI is required: a missing CLI
 * fails the tests (scripts/install-bicep.sh installs it), it never skips them.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import path from 'node:path';

export const INFRA_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = path.resolve(INFRA_DIR, '..');
/** The files `bicep` compiles a parameter file from (the tests copy them to scratch directories). */
export const BICEP_SOURCES = ['main.bicep', 'types.bicep', 'catalog.json', 'prometheus-alerts.json', 'bicepconfig.json', 'modules', 'env'] as const;
export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type Env = (typeof ENVIRONMENTS)[number];
/**
 * Parameter files that deploy an environment differently, each snapshotted next to the
 * environments: prod-lean is prod with the cheaper choices that keep its guarantees (npm run cost).
 */
export const VARIANTS = { 'prod-lean': 'prod' } as const satisfies Record<string, Env>;
export type Variant = keyof typeof VARIANTS;
/** Every parameter file of env/: an environment or a variant of one. */
export type ParamFile = Env | Variant;
export const PARAM_FILES: readonly ParamFile[] = [...ENVIRONMENTS, ...(Object.keys(VARIANTS) as Variant[])];
/** The environment a parameter file deploys. */
export const environmentOf = (p: ParamFile): Env => (p in VARIANTS ? VARIANTS[p as Variant] : (p as Env));

/** The fixed deployment context of the snapshots (same values as scripts/bicep-snapshot.sh). */
export const SNAPSHOT_CONTEXT = {
  tenantId: '00000000-0000-0000-0000-000000000000',
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  location: 'koreacentral',
  deploymentName: (env: ParamFile) => `tripgen-${env}`,
} as const;

export const bicepBin = (): string => {
  const bin = path.resolve(REPO_DIR, process.env.BICEP_BIN ?? '.tools/bicep/bicep');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(`Bicep CLI not found at ${bin}: run \`npm run bicep:install\` (or set BICEP_BIN)`);
  }
  return bin;
};

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const execFileAsync = promisify(execFile);

export const run = async (file: string, args: readonly string[], cwd: string): Promise<RunResult> => {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
};

/** One resource of a snapshot: id, type, name, apiVersion and the evaluated body. */
export interface SnapshotResource {
  id: string;
  type: string;
  name: string;
  [key: string]: unknown;
}

export interface Snapshot {
  predictedResources: SnapshotResource[];
  diagnostics: unknown[];
  outputs: Record<string, unknown>;
}

export const snapshotPath = (env: ParamFile): string => path.join(INFRA_DIR, 'snapshots', `${env}.snapshot.json`);

export const loadSnapshot = (env: ParamFile): Snapshot => JSON.parse(readFileSync(snapshotPath(env), 'utf8')) as Snapshot;
