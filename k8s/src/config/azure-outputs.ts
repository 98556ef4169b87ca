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
  /** The subnets the prod pods reach PostgreSQL and the Redis private endpoint in (network policy
   * egress); empty without a private network (dev). Bicep owns them (env/<env>.bicepparam). */
  readonly postgresSubnetCidr: string;
  readonly redisSubnetCidr: string;
  /** The private endpoint subnet (prod): the only place the pods speak AMQP to (Service Bus, Event
   * Hubs); empty without a private network (dev: their public endpoints). */
  readonly privateEndpointSubnetCidr: string;
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
  /** AKS Istio add-on revision (`istio.io/rev`): the meshed namespaces follow the cluster's. */
  readonly istioRevision: string;
  /** Object id of each service's managed identity: the database-roles Job maps it to the service's PostgreSQL role. */
  readonly serviceIdentityPrincipalIds: Readonly<Record<ServiceName, string>>;
  /** PostgreSQL user of each service (its managed identity's name, signing in with an Entra token). */
  readonly postgresRoleNames: Readonly<Record<ServiceName, string>>;
  /** Client id of the database-roles identity (a PostgreSQL Entra administrator); empty in dev. */
  readonly postgresRolesClientId: string;
  /** dev: storage account and container the in-cluster PostgreSQL's logical backups go to (empty in prod). */
  readonly backupStorageAccountName: string;
  readonly backupContainerName: string;
  /** dev: client id of the backup job's managed identity (Storage Blob Data Contributor on the container). */
  readonly backupIdentityClientId: string;
  /** Its PostgreSQL user (the identity's name); empty in dev. */
  readonly postgresRolesRoleName: string;
  /** Where the in-cluster Prometheus remote-writes the series Azure Monitor's Prometheus alerts read
   * (the Azure Monitor workspace's default data collection endpoint and rule); empty without Prometheus (dev). */
  readonly prometheusRemoteWriteUrl: string;
  /** Client id of the identity Prometheus remote-writes as (workload identity); empty in dev. */
  readonly prometheusIdentityClientId: string;
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
  'postgresSubnetCidr',
  'redisSubnetCidr',
  'privateEndpointSubnetCidr',
  'logAnalyticsWorkspaceId',
  'publicHostName',
  'ingressPrivateIp',
  'keyVaultCsiAddonClientId',
  'tlsCertificateName',
  'istioRevision',
  'postgresRolesClientId',
  'backupStorageAccountName',
  'backupContainerName',
  'backupIdentityClientId',
  'postgresRolesRoleName',
  'prometheusRemoteWriteUrl',
  'prometheusIdentityClientId',
] as const satisfies readonly (keyof AzureOutputs)[];

const REMOTE_WRITE_URL = /^https:\/\/[^/]+\/dataCollectionRules\/dcr-[0-9a-f]+\/streams\/Microsoft-PrometheusMetrics\/api\/v1\/write\?api-version=[\w-]+$/;

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
  const perService = (key: string, what: string, valid: (v: string) => boolean): Record<ServiceName, string> => {
    const map = valueOf(key, 'Object');
    const out = {} as Record<ServiceName, string>;
    for (const s of SERVICE_NAMES) {
      const v = typeof map === 'object' && map !== null ? (map as Record<string, unknown>)[s] : undefined;
      if (typeof v !== 'string' || !valid(v)) problems.push(`${key}.${s}: not ${what}`);
      out[s] = typeof v === 'string' ? v : '';
    }
    return out;
  };
  const guid = (v: string) => /^[0-9a-f-]{36}$/i.test(v);
  const clientIds = perService('serviceIdentityClientIds', 'a client id (GUID)', guid);
  const principalIds = perService('serviceIdentityPrincipalIds', 'an object id (GUID)', guid);
  const roleNames = perService('postgresRoleNames', 'a role name', (v) => /^[a-z0-9-]{3,63}$/.test(v));
  for (const k of ['tenantId', 'keyVaultCsiAddonClientId', 'postgresRolesClientId', 'backupIdentityClientId', 'prometheusIdentityClientId'] as const) {
    if (strings[k] && !/^[0-9a-f-]{36}$/i.test(strings[k])) problems.push(`${k}: not a GUID`);
  }
  for (const k of ['postgresSubnetCidr', 'redisSubnetCidr', 'privateEndpointSubnetCidr'] as const) {
    if (strings[k] && !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(strings[k])) problems.push(`${k}: not an IPv4 CIDR`);
  }
  // Microsoft Learn, "Send Prometheus data to Azure Monitor using remote write with Microsoft Entra
  // Workload ID": the DCE's metrics ingestion endpoint, the DCR's immutable id, the Prometheus stream.
  if (strings.prometheusRemoteWriteUrl && !REMOTE_WRITE_URL.test(strings.prometheusRemoteWriteUrl)) {
    problems.push('prometheusRemoteWriteUrl: not an Azure Monitor ingestion URL (https://<endpoint>/dataCollectionRules/<dcr-id>/streams/Microsoft-PrometheusMetrics/api/v1/write?api-version=…)');
  }
  if (problems.length > 0) throw new Error(`${source}: Bicep outputs do not have the expected shape:\n  ${problems.join('\n  ')}`);
  return {
    ...strings,
    redisPort: port as number,
    serviceIdentityClientIds: clientIds,
    serviceIdentityPrincipalIds: principalIds,
    postgresRoleNames: roleNames,
  };
}

export function loadAzureOutputs(env: EnvironmentName): AzureOutputs {
  const file = outputsFile(env);
  return parseAzureOutputs(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
}
