/**
 * dev: PostgreSQL (with PostGIS) and Redis as StatefulSets beside the services (seed §2 dev
 * column), on maintained upstream images pinned by tag, under the same restricted profile as the
 * services. prod reaches the managed Azure services instead; `dataStoreEndpoints` is the one
 * place that turns either into what the services connect to.
 */
import { Construct } from 'constructs';
import { CACHE_POLICY, DATABASES, serviceList, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { EnvironmentProfile, InClusterDataStores } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels, migrationJobName, selectorLabels } from '../lib/labels.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';

export const POSTGRES = { name: 'postgres', port: 5432, adminSecret: 'postgres-admin' } as const;
export const REDIS = { name: 'redis', port: 6379 } as const;

export interface DataStoreEndpoints {
  readonly redisUrl: string;
  /** Managed PostgreSQL: the service's URL without a password (Entra token sign-in); in-cluster: a secret. */
  readonly databaseUrl?: (s: ServiceSpec) => string;
}

/** `postgresql://<role>@<host>:5432/<database>?sslmode=require`: what an Entra sign-in needs, nothing secret. */
export const entraDatabaseUrl = (role: string, host: string, database: string): string =>
  `postgresql://${encodeURIComponent(role)}@${host}:${POSTGRES.port}/${database}?sslmode=require`;

export function dataStoreEndpoints(profile: EnvironmentProfile): DataStoreEndpoints {
  const stores = profile.dataStores;
  if (stores.kind === 'in-cluster') {
    return { redisUrl: `redis://${REDIS.name}.${profile.namespace}.svc.cluster.local:${REDIS.port}` };
  }
  return {
    redisUrl: `rediss://${stores.redis.host}:${stores.redis.port}`,
    databaseUrl: (s) => entraDatabaseUrl(stores.postgresEntra.serviceRoles[s.name].role, stores.postgresHost, s.database),
  };
}

/** Pods that talk to PostgreSQL: the services and their migration Jobs. */
export const databaseClients = (): string[] => serviceList().flatMap((s) => [workloadName(s.name), migrationJobName(s.name)]);

/** First-start script: one database per service, plus the extensions the catalog asks for. */
export function postgresInitSql(): string {
  const lines = DATABASES.map((db) => `CREATE DATABASE ${db};`);
  for (const s of serviceList()) {
    if (s.databaseExtensions.length === 0) continue;
    lines.push(`\\connect ${s.database}`);
    for (const ext of s.databaseExtensions) lines.push(`CREATE EXTENSION IF NOT EXISTS ${ext};`);
  }
  return `${lines.join('\n')}\n`;
}

const execProbe = (command: string[], periodSeconds: number, failureThreshold: number) => ({
  exec: { command },
  periodSeconds,
  timeoutSeconds: 5,
  failureThreshold,
});

export class InClusterDataStoresConstruct extends Construct {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile, stores: InClusterDataStores) {
    super(scope, id);
    this.postgres(profile, stores);
    this.redis(profile, stores);
  }

  private common(profile: EnvironmentProfile, name: string, port: number, clients: string[]) {
    const ns = profile.namespace;
    const labels = componentLabels(profile, name, 'datastore');
    emit(this, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, labels }, automountServiceAccountToken: false } satisfies IServiceAccount);
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ns, labels },
      // Headless: the StatefulSet's governing Service; clients resolve the one pod directly.
      spec: { clusterIP: 'None', selector: selectorLabels(name), ports: [{ name: 'tcp', port, targetPort: port, protocol: 'TCP', appProtocol: 'tcp' }] },
    } satisfies IService);
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: ns, labels },
      spec: {
        podSelector: { matchLabels: selectorLabels(name) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: clients }] } }],
            ports: [{ protocol: 'TCP', port }],
          },
        ],
        // No egress beyond DNS (namespace-wide policy): a data store calls nobody.
        egress: [],
      },
    } satisfies INetworkPolicy);
    return labels;
  }

  private postgres(profile: EnvironmentProfile, stores: InClusterDataStores): void {
    const pg = stores.postgres;
    const ns = profile.namespace;
    const labels = this.common(profile, POSTGRES.name, POSTGRES.port, databaseClients());
    const initName = `${POSTGRES.name}-init`;
    emit(this, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: initName, namespace: ns, labels }, data: { '01-databases.sql': postgresInitSql() } } satisfies IConfigMap);
    const ready = ['pg_isready', '--host', '127.0.0.1', '--username', 'postgres'];
    const container: IContainer = {
      name: POSTGRES.name,
      image: pg.image,
      imagePullPolicy: 'IfNotPresent',
      ports: [{ name: 'tcp', containerPort: POSTGRES.port, protocol: 'TCP' }],
      env: [
        { name: 'POSTGRES_USER', value: 'postgres' },
        // The password exists only in the Secret the bootstrap script creates (k8s/README.md).
        { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: POSTGRES.adminSecret, key: 'password' } } },
        { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
      ],
      resources: { requests: { ...pg.resources.requests }, limits: { ...pg.resources.limits } },
      startupProbe: execProbe(ready, 10, 30),
      livenessProbe: execProbe(['pg_isready', '--host', '127.0.0.1'], 30, 3),
      readinessProbe: execProbe([...ready, '--dbname', DATABASES[0]], 10, 3),
      securityContext: containerSecurityContext(pg.uid),
      volumeMounts: [
        { name: 'data', mountPath: '/var/lib/postgresql/data' },
        // Read-only root fs: the socket dir and the entrypoint's nss_wrapper files need writing.
        { name: 'run', mountPath: '/var/run/postgresql' },
        { name: 'tmp', mountPath: '/tmp' },
        { name: 'init', mountPath: '/docker-entrypoint-initdb.d', readOnly: true },
      ],
    };
    emit(this, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: POSTGRES.name, namespace: ns, labels },
      spec: {
        serviceName: POSTGRES.name,
        replicas: 1,
        selector: { matchLabels: selectorLabels(POSTGRES.name) },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: POSTGRES.name,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: podSecurityContext(pg.uid),
            ...(profile.tolerations.length > 0 ? { tolerations: profile.tolerations.map((t) => ({ ...t })) } : {}),
            containers: [container],
            volumes: [
              { name: 'run', emptyDir: {} },
              { name: 'tmp', emptyDir: {} },
              { name: 'init', configMap: { name: initName } },
            ],
          },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data', labels }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: pg.storage } } } },
        ],
      },
    } satisfies IStatefulSet);
  }

  private redis(profile: EnvironmentProfile, stores: InClusterDataStores): void {
    const r = stores.redis;
    const ns = profile.namespace;
    const labels = this.common(profile, REDIS.name, REDIS.port, serviceList().map((s) => workloadName(s.name)));
    const ping = ['redis-cli', 'ping'];
    emit(this, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: REDIS.name, namespace: ns, labels },
      spec: {
        serviceName: REDIS.name,
        replicas: 1,
        selector: { matchLabels: selectorLabels(REDIS.name) },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: REDIS.name,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: podSecurityContext(r.uid),
            ...(profile.tolerations.length > 0 ? { tolerations: profile.tolerations.map((t) => ({ ...t })) } : {}),
            containers: [
              {
                name: REDIS.name,
                image: r.image,
                imagePullPolicy: 'IfNotPresent',
                // A cache, not a store: no RDB snapshots, no AOF (seed: no persistence).
                command: ['redis-server'],
                args: ['--save', '', '--appendonly', 'no', '--maxmemory', r.maxMemory, '--maxmemory-policy', CACHE_POLICY.l2.evictionPolicy],
                ports: [{ name: 'tcp', containerPort: REDIS.port, protocol: 'TCP' }],
                resources: { requests: { ...r.resources.requests }, limits: { ...r.resources.limits } },
                startupProbe: execProbe(ping, 5, 12),
                livenessProbe: execProbe(ping, 30, 3),
                readinessProbe: execProbe(['redis-cli', '-h', '127.0.0.1', 'ping'], 10, 3),
                securityContext: containerSecurityContext(r.uid),
                volumeMounts: [{ name: 'data', mountPath: '/data' }],
              },
            ],
            volumes: [{ name: 'data', emptyDir: { sizeLimit: '64Mi' } }],
          },
        },
      },
    } satisfies IStatefulSet);
  }
}
