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
import { inClusterHost } from '../lib/network.ts';
import { tolerationsOf } from '../lib/scheduling.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';
import { POSTGRES_BACKUP, PostgresBackup } from './postgres-backup.ts';

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
    return { redisUrl: `redis://${inClusterHost(REDIS.name, profile.namespace)}:${REDIS.port}` };
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

const POSTGRES_INIT = `${POSTGRES.name}-init`;

const execProbe = (command: string[], periodSeconds: number, failureThreshold: number) => ({
  exec: { command },
  periodSeconds,
  timeoutSeconds: 5,
  failureThreshold,
});

export interface InClusterDataStoresProps {
  readonly profile: EnvironmentProfile;
  readonly stores: InClusterDataStores;
}

/** A data store pod's identity, its headless Service and who may reach it, then its StatefulSet. */
export class InClusterStores extends Construct {
  constructor(scope: Construct, id: string, private readonly props: InClusterDataStoresProps) {
    super(scope, id);
    const serviceNames = serviceList().map((s) => workloadName(s.name));
    for (const [store, clients] of [
      [POSTGRES, [...databaseClients(), POSTGRES_BACKUP.name]],
      [REDIS, serviceNames],
    ] as const) {
      this.serviceAccount(store.name);
      this.headlessService(store.name, store.port);
      this.networkPolicy(store.name, store.port, clients);
    }
    this.postgresInit();
    this.postgres();
    this.redis();
  }

  private labels(name: string): Record<string, string> {
    return componentLabels(this.props.profile, name, 'datastore');
  }

  private get namespace(): string {
    return this.props.profile.namespace;
  }

  private serviceAccount(name: string): void {
    emit(this, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: this.namespace, labels: this.labels(name) }, automountServiceAccountToken: false } satisfies IServiceAccount);
  }

  /** Headless: the StatefulSet's governing Service; clients resolve the one pod directly. */
  private headlessService(name: string, port: number): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: this.namespace, labels: this.labels(name) },
      spec: { clusterIP: 'None', selector: selectorLabels(name), ports: [{ name: 'tcp', port, targetPort: port, protocol: 'TCP', appProtocol: 'tcp' }] },
    } satisfies IService);
  }

  private networkPolicy(name: string, port: number, clients: readonly string[]): void {
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: this.namespace, labels: this.labels(name) },
      spec: {
        podSelector: { matchLabels: selectorLabels(name) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [{ podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [...clients] }] } }],
            ports: [{ protocol: 'TCP', port }],
          },
        ],
        // No egress beyond DNS (namespace-wide policy): a data store calls nobody.
        egress: [],
      },
    } satisfies INetworkPolicy);
  }

  private postgresInit(): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: POSTGRES_INIT, namespace: this.namespace, labels: this.labels(POSTGRES.name) },
      data: { '01-databases.sql': postgresInitSql() },
    } satisfies IConfigMap);
  }

  private postgres(): void {
    const { profile, stores } = this.props;
    const pg = stores.postgres;
    const labels = this.labels(POSTGRES.name);
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
      metadata: { name: POSTGRES.name, namespace: this.namespace, labels },
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
            ...tolerationsOf(profile),
            containers: [container],
            volumes: [
              { name: 'run', emptyDir: {} },
              { name: 'tmp', emptyDir: {} },
              { name: 'init', configMap: { name: POSTGRES_INIT } },
            ],
          },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data', labels }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: pg.storage } } } },
        ],
      },
    } satisfies IStatefulSet);
    new PostgresBackup(this, 'backup', {
      profile,
      stores,
      postgres: { name: POSTGRES.name, host: inClusterHost(POSTGRES.name, this.namespace), port: POSTGRES.port, adminSecret: POSTGRES.adminSecret },
    });
  }

  private redis(): void {
    const { profile, stores } = this.props;
    const r = stores.redis;
    const labels = this.labels(REDIS.name);
    const ping = ['redis-cli', 'ping'];
    emit(this, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: REDIS.name, namespace: this.namespace, labels },
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
            ...tolerationsOf(profile),
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
