/**
 * prod: the Job that maps each service's managed identity to its PostgreSQL role before any
 * migration runs: a service image's entry point with the catalog's `databaseRolesArgs` (the kit's
 * `database-roles` command), given exactly the variables of DATABASE_ROLES_JOB_ENVIRONMENT. It signs in as the database-roles identity, a
 * PostgreSQL Entra administrator (infra-bicep), through workload identity with the service account
 * `tripgen-db-roles`; the roles, object ids and databases come from the Bicep hand-over and the
 * catalog. A Sync hook of the `data` Application (wave 1), which Argo CD finishes before the
 * services' Applications (wave 2) and their migration Jobs start.
 */
import { Construct } from 'constructs';
import { DATABASE_ROLES_IMAGE, DATABASE_ROLES_JOB_ENVIRONMENT, databaseRolesArgs, POSTGRES_ROLES_SERVICE_ACCOUNT, serviceList, SERVICES } from '@tripgen/catalog';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { EnvironmentProfile, ManagedDataStores } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, selectorLabels } from '../lib/labels.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';
import { AZURE_HTTPS_PORT, tcpPorts } from '../lib/network.ts';
import { dataStoreEgress } from './network-policies.ts';
import { entraDatabaseUrl } from './data-stores.ts';
import { imageOf } from './microservice.ts';

export const DATABASE_ROLES_JOB = 'tripgen-db-roles';

export interface DatabaseRolesProps {
  readonly profile: EnvironmentProfile;
  readonly stores: ManagedDataStores;
}

export class DatabaseRoles extends Construct {
  constructor(scope: Construct, id: string, props: DatabaseRolesProps) {
    super(scope, id);
    const { profile, stores } = props;
    const ns = profile.namespace;
    const labels = componentLabels(profile, DATABASE_ROLES_JOB, 'database-roles');
    const entra = stores.postgresEntra;
    emit(this, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: POSTGRES_ROLES_SERVICE_ACCOUNT,
        namespace: ns,
        labels,
        annotations: { [ARGO_SYNC_WAVE]: WAVES.config, 'azure.workload.identity/client-id': entra.administratorClientId },
      },
      automountServiceAccountToken: false,
    } satisfies IServiceAccount);
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: DATABASE_ROLES_JOB, namespace: ns, labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.config } },
      // The server, and Entra ID for the token.
      spec: { podSelector: { matchLabels: selectorLabels(DATABASE_ROLES_JOB) }, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [...dataStoreEgress(profile, false), { ports: tcpPorts(AZURE_HTTPS_PORT) }] },
    } satisfies INetworkPolicy);
    const roles = serviceList().map((s) => ({ role: entra.serviceRoles[s.name].role, objectId: entra.serviceRoles[s.name].objectId, database: s.database, extensions: [...s.databaseExtensions] }));
    // Keyed by the Job's environment contract: a name it does not declare does not compile.
    const env: Partial<Record<keyof typeof DATABASE_ROLES_JOB_ENVIRONMENT, string>> = {
      DATABASE_URL: entraDatabaseUrl(entra.administratorRole, stores.postgresHost, 'postgres'),
      DATABASE_AUTH: 'entra',
      DATABASE_ROLES: JSON.stringify(roles),
      HOME: '/tmp',
    };
    emit(this, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: DATABASE_ROLES_JOB,
        namespace: ns,
        labels,
        annotations: { 'argocd.argoproj.io/hook': 'Sync', [ARGO_SYNC_WAVE]: WAVES.migration, 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' },
      },
      spec: {
        backoffLimit: 3,
        activeDeadlineSeconds: 600,
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels: { ...labels, 'azure.workload.identity/use': 'true', ...(profile.mesh ? { 'sidecar.istio.io/inject': 'false' } : {}) } },
          spec: {
            serviceAccountName: POSTGRES_ROLES_SERVICE_ACCOUNT,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            restartPolicy: 'Never',
            securityContext: podSecurityContext(),
            containers: [
              {
                name: 'db-roles',
                // A service image's own entry point with its database-roles command; no other image to keep up.
                image: imageOf(SERVICES[DATABASE_ROLES_IMAGE], profile),
                imagePullPolicy: 'IfNotPresent',
                args: [...databaseRolesArgs],
                env: Object.entries(env).map(([name, value]) => ({ name, value })),
                resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
                securityContext: containerSecurityContext(),
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
          },
        },
      },
    } satisfies IJob);
  }
}
