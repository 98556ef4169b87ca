/**
 * The Bicep hand-over: `infra-bicep/outputs/<env>.outputs.json` (ARM deployment outputs,
 * `{ key: { type, value } }`) is the ONE place Azure facts enter the manifests. Another engineer
 * maintains those files; this loader checks their shape so a renamed or mistyped output fails
 * the synth with a message instead of rendering `undefined` into gitops/.
 */
import { readFileSync } from 'node:fs';
import { SERVICE_NAMES, type EnvironmentName, type ServiceName } from '@tripgen/catalog';
import { repoPath } from '../lib/paths.ts';

export interface AzureOutputs {
  readonly tenantId: string;
  readonly resourceGroupName: string;
  readonly aksClusterName: string;
  readonly aksOidcIssuerUrl: string;
  readonly keyVaultName: string;
  readonly keyVaultUri: string;
  readonly acrLoginServer: string;
  readonly serviceBusNamespaceFqdn: string;
  readonly eventHubsNamespaceFqdn: string;
  readonly postgresHost: string;
  readonly redisHost: string;
  readonly redisPort: number;
  readonly logAnalyticsWorkspaceId: string;
  /** The public host name of the edge (dev: NGINX ingress; prod: Application Gateway listener). */
  readonly publicHostName: string;
  /** prod: the private IP Application Gateway sends traffic to (empty in dev). */
  readonly ingressPrivateIp: string;
  readonly serviceIdentityClientIds: Readonly<Record<ServiceName, string>>;
  /** Client id of the AKS Key Vault secrets provider add-on's managed identity (Key Vault Secrets
   * User on the vault): the identity the edge certificate is synced with. */
  readonly keyVaultCsiAddonClientId: string;
  /** Key Vault certificate the edge serves (Application Gateway and the Istio ingress gateway); empty in dev. */
  readonly tlsCertificateName: string;
  /** dev: storage account and container the in-cluster PostgreSQL's logical backups go to (empty in prod). */
  readonly backupStorageAccountName: string;
  readonly backupContainerName: string;
  /** dev: client id of the backup job's managed identity (Storage Blob Data Contributor on the container). */
  readonly backupIdentityClientId: string;
}

const STRING_KEYS = [
  'tenantId',
  'resourceGroupName',
  'aksClusterName',
  'aksOidcIssuerUrl',
  'keyVaultName',
  'keyVaultUri',
  'acrLoginServer',
  'serviceBusNamespaceFqdn',
  'eventHubsNamespaceFqdn',
  'postgresHost',
  'redisHost',
  'logAnalyticsWorkspaceId',
  'publicHostName',
  'ingressPrivateIp',
  'keyVaultCsiAddonClientId',
  'tlsCertificateName',
  'backupStorageAccountName',
  'backupContainerName',
  'backupIdentityClientId',
] as const satisfies readonly (keyof AzureOutputs)[];

export const outputsFile = (env: EnvironmentName): string => repoPath('infra-bicep', 'outputs', `${env}.outputs.json`);

/** Parses and checks one ARM outputs document; throws naming the file and every bad key. */
export function parseAzureOutputs(raw: unknown, source: string): AzureOutputs {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${source}: not a JSON object`);
  const doc = raw as Record<string, unknown>;
  const valueOf = (key: string, type: string): unknown => {
    const entry = doc[key];
    if (typeof entry !== 'object' || entry === null || !('value' in entry)) {
      problems.push(`${key}: missing (expected {type: "${type}", value})`);
      return undefined;
    }
    const t = (entry as { type?: unknown }).type;
    // ARM writes output types in any case ("String", "string").
    if (typeof t !== 'string' || t.toLowerCase() !== type.toLowerCase()) problems.push(`${key}: type ${String(t)}, expected ${type}`);
    return (entry as { value: unknown }).value;
  };
  const strings = Object.fromEntries(
    STRING_KEYS.map((k) => {
      const v = valueOf(k, 'String');
      if (typeof v !== 'string') problems.push(`${k}: value is not a string`);
      return [k, typeof v === 'string' ? v : ''];
    }),
  ) as Record<(typeof STRING_KEYS)[number], string>;
  const port = valueOf('redisPort', 'Int');
  if (typeof port !== 'number' || !Number.isInteger(port)) problems.push('redisPort: value is not an integer');
  const ids = valueOf('serviceIdentityClientIds', 'Object');
  const clientIds = {} as Record<ServiceName, string>;
  for (const s of SERVICE_NAMES) {
    const id = typeof ids === 'object' && ids !== null ? (ids as Record<string, unknown>)[s] : undefined;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) problems.push(`serviceIdentityClientIds.${s}: not a client id (GUID)`);
    clientIds[s] = typeof id === 'string' ? id : '';
  }
  for (const k of ['tenantId', 'keyVaultCsiAddonClientId', 'backupIdentityClientId'] as const) {
    if (strings[k] && !/^[0-9a-f-]{36}$/i.test(strings[k])) problems.push(`${k}: not a GUID`);
  }
  if (problems.length > 0) throw new Error(`${source}: Bicep outputs do not have the expected shape:\n  ${problems.join('\n  ')}`);
  return { ...strings, redisPort: port as number, serviceIdentityClientIds: clientIds };
}

export function loadAzureOutputs(env: EnvironmentName): AzureOutputs {
  const file = outputsFile(env);
  return parseAzureOutputs(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
}
