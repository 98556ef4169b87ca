/**
 * dev bootstrap, run once per dev cluster, and again before syncing a release that adds a secret
 * variable, by an operator with kubectl access (never by Argo CD):
 *   node --import tsx k8s/src/bootstrap/dev-secrets.ts [--context <kube-context>]
 * Creates, only where missing, the Secrets the dev manifests refer to (and adds to an existing one
 * the keys it lacks, keeping those it has), with fresh random values
 * that exist nowhere else: `postgres-admin` (the in-cluster PostgreSQL password) and one
 * `<service>-service-secrets` per service (DATABASE_URL into its own database, the address hash key
 * every service shares, plus the user service's JWT signing key). gitops/ holds only the references. prod needs none of this: its
 * values come from Key Vault through the SecretProviderClass of each service.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { K8S_NAMESPACE, serviceList } from '@tripgen/catalog';
import { secretVariables } from '../config/environment.ts';
import { secretName } from '../config/secrets.ts';
import { POSTGRES } from '../constructs/data-stores.ts';
import { loadAzureOutputs } from '../config/azure-outputs.ts';
import { buildProfile } from '../config/profile.ts';
import { inClusterHost } from '../lib/network.ts';

const USAGE = 'usage: node --import tsx k8s/src/bootstrap/dev-secrets.ts [--context <kube-context>]';
// Strict: an option it does not know (`--help`, a misspelt `--contxt`) would otherwise be ignored and
// the Secrets created in whatever cluster kubectl's current context is, prod's included.
let args: { context?: string | undefined; help?: boolean | undefined };
try {
  args = parseArgs({ options: { context: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
// Given but empty (`--context "$CTX"` with CTX unset): kubectl would take its current context, whichever cluster that is.
if (args.context === '') {
  console.error(`--context needs a kube context name\n${USAGE}`);
  process.exit(2);
}

const profile = buildProfile('dev', loadAzureOutputs('dev'));
const context = args.context ? ['--context', args.context] : [];
const kubectl = (args: string[], input?: string) =>
  execFileSync('kubectl', [...context, '--namespace', K8S_NAMESPACE, ...args], { encoding: 'utf8', stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });

function exists(name: string): boolean {
  try {
    kubectl(['get', 'secret', name, '--output', 'name']);
    return true;
  } catch {
    return false;
  }
}

/** Reads a key of an existing Secret, so service URLs reuse the password PostgreSQL already has. */
const readKey = (name: string, key: string): string => Buffer.from(kubectl(['get', 'secret', name, '--output', `jsonpath={.data.${key}}`]), 'base64').toString('utf8');

function create(name: string, data: Record<string, string>): void {
  if (exists(name)) {
    // A Secret of a cluster bootstrapped before a variable was added lacks its key, and a pod whose
    // secretKeyRef names a missing key never starts (CreateContainerConfigError): the keys it lacks are
    // added, the values it holds kept (a new DATABASE_URL password or signing key would break them).
    const missing = Object.fromEntries(Object.entries(data).filter(([key]) => readKey(name, key) === ''));
    if (Object.keys(missing).length === 0) {
      console.log(`secret/${name}: exists, left as is`);
      return;
    }
    kubectl(['patch', 'secret', name, '--type', 'merge', '--patch-file', '/dev/stdin'], JSON.stringify({ stringData: missing }));
    console.log(`secret/${name}: exists, added ${Object.keys(missing).sort().join(', ')}`);
    return;
  }
  const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: K8S_NAMESPACE }, type: 'Opaque', stringData: data };
  // Through stdin, so no value appears in a process list or a shell history.
  kubectl(['apply', '--filename', '-'], JSON.stringify(manifest));
  console.log(`secret/${name}: created`);
}

create(POSTGRES.adminSecret, { password: randomBytes(24).toString('base64url') });
const password = encodeURIComponent(readKey(POSTGRES.adminSecret, 'password'));
// One address hash key for every service (their rate limits and refused-token counts are shared in
// Redis, so their hashes of an address must agree): the one a Secret created before holds, else a fresh one.
const addressHashKey =
  serviceList()
    .filter((s) => exists(secretName(s)))
    .map((s) => readKey(secretName(s), 'ADDRESS_HASH_KEY'))
    .find((value) => value !== '') ?? randomBytes(32).toString('base64url');
for (const s of serviceList()) {
  const values: Record<string, string> = {};
  for (const item of secretVariables(s, profile)) {
    if (item.envVar === 'DATABASE_URL') values[item.envVar] = `postgresql://postgres:${password}@${inClusterHost(POSTGRES.name, K8S_NAMESPACE)}:${POSTGRES.port}/${s.database}`;
    // The user service signs with EdDSA: an Ed25519 private key, PKCS#8 PEM.
    else if (item.envVar === 'ADDRESS_HASH_KEY') values[item.envVar] = addressHashKey;
    else if (item.envVar === 'JWT_SIGNING_KEY') values[item.envVar] = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    else throw new Error(`no dev bootstrap for ${item.envVar}`);
  }
  create(secretName(s), values);
}
