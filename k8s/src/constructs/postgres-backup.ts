/**
 * dev: the in-cluster PostgreSQL's scheduled logical backup. A CronJob dumps every catalog
 * database with pg_dump (init container, the PostgreSQL image itself so the client matches the
 * server) into a scratch volume, then uploads the dumps with the job's workload identity to the
 * backup storage account (Bicep: lifecycle rule = the dev profile's retention). The scripts are
 * rendered into a ConfigMap; k8s/test/postgres-backup.test.ts runs exactly these scripts against
 * a real PostgreSQL: back up, drop, restore, compare every table.
 */
import { Construct } from 'constructs';
import { DATABASES, POSTGRES_BACKUP_JOB } from '@tripgen/catalog';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { EnvironmentProfile, InClusterDataStores } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels, selectorLabels } from '../lib/labels.ts';
import { AZURE_HTTPS_PORT, podPeer, tcpPorts } from '../lib/network.ts';
import { tolerationsOf } from '../lib/scheduling.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';

export const POSTGRES_BACKUP = {
  name: POSTGRES_BACKUP_JOB,
  scripts: 'postgres-backup-scripts',
  /** Where the scripts and the dumps are mounted in the job's containers. */
  scriptsPath: '/scripts',
  backupPath: '/backup',
} as const;

/**
 * One custom-format dump per database (compressed; pg_restore restores it whole or table by
 * table), each read back once, the cluster's roles (dumps do not carry them; passwords left out:
 * they are the bootstrap secrets'), and a checksum list the restore verifies first.
 */
const BACKUP_SH = `#!/bin/sh
# Logical backup of the TripGen databases (postgres-backup CronJob). Connection: libpq PG* variables.
set -eu
: "\${BACKUP_DIR:?}" "\${BACKUP_DATABASES:?}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$BACKUP_DIR/$stamp"
mkdir -p "$out"
for db in $BACKUP_DATABASES; do
  pg_dump --format=custom --compress=6 --dbname="$db" --file="$out/$db.dump"
  pg_restore --list "$out/$db.dump" > /dev/null
done
pg_dumpall --roles-only --no-role-passwords --file="$out/roles.sql"
(cd "$out" && sha256sum -- *.dump roles.sql > SHA256SUMS)
printf '%s\\n' "$stamp" > "$BACKUP_DIR/LATEST"
echo "backup $stamp: $BACKUP_DATABASES"
`;

/** Upload with the workload identity the webhook projects (no key, no SAS anywhere). */
const UPLOAD_SH = `#!/bin/sh
# Upload the newest backup to the storage account (postgres-backup CronJob, workload identity).
set -eu
: "\${BACKUP_DIR:?}" "\${BACKUP_STORAGE_ACCOUNT:?}" "\${BACKUP_CONTAINER:?}"
stamp=$(cat "$BACKUP_DIR/LATEST")
az login --service-principal --username "$AZURE_CLIENT_ID" --tenant "$AZURE_TENANT_ID" \\
  --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")" --allow-no-subscriptions --output none
az storage blob upload-batch --auth-mode login --account-name "$BACKUP_STORAGE_ACCOUNT" \\
  --destination "$BACKUP_CONTAINER" --destination-path "$stamp" --source "$BACKUP_DIR/$stamp" --output none
echo "uploaded $stamp to $BACKUP_STORAGE_ACCOUNT/$BACKUP_CONTAINER"
`;

/**
 * Restore a backup (LATEST, or BACKUP_STAMP): checksums first, the roles when restoring into an
 * empty server (RESTORE_ROLES=1; errors for roles that exist are expected), then each database
 * dropped if present and recreated from its dump, stopping at the first error.
 */
const RESTORE_SH = `#!/bin/sh
# Restore the TripGen databases from a postgres-backup dump (docs/runbooks.md#backup-restore).
set -eu
: "\${BACKUP_DIR:?}" "\${BACKUP_DATABASES:?}"
stamp=\${BACKUP_STAMP:-$(cat "$BACKUP_DIR/LATEST")}
in="$BACKUP_DIR/$stamp"
(cd "$in" && sha256sum -c --quiet SHA256SUMS)
if [ "\${RESTORE_ROLES:-0}" = 1 ]; then psql -X -q --dbname=postgres --file="$in/roles.sql" || true; fi
for db in $BACKUP_DATABASES; do
  pg_restore --clean --if-exists --create --exit-on-error --dbname=postgres "$in/$db.dump"
done
echo "restored $stamp: $BACKUP_DATABASES"
`;

export const BACKUP_SCRIPTS = { 'backup.sh': BACKUP_SH, 'upload.sh': UPLOAD_SH, 'restore.sh': RESTORE_SH } as const;

export interface PostgresBackupProps {
  readonly profile: EnvironmentProfile;
  readonly stores: InClusterDataStores;
  /** The in-cluster PostgreSQL: its Service, host name, port and admin Secret. */
  readonly postgres: { readonly name: string; readonly host: string; readonly port: number; readonly adminSecret: string };
}

/** The backup job's identity, its scripts, the CronJob that runs them, and where it may connect. */
export class PostgresBackup extends Construct {
  private readonly name = POSTGRES_BACKUP.name;

  constructor(scope: Construct, id: string, private readonly props: PostgresBackupProps) {
    super(scope, id);
    this.serviceAccount();
    this.scripts();
    this.cronJob();
    this.networkPolicy();
  }

  private get labels(): Record<string, string> {
    return componentLabels(this.props.profile, this.name, 'backup');
  }

  private get namespace(): string {
    return this.props.profile.namespace;
  }

  private serviceAccount(): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      // Federated with the backup identity: system:serviceaccount:<ns>:postgres-backup (Bicep).
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: this.labels,
        annotations: { 'azure.workload.identity/client-id': this.props.stores.postgres.backup.identityClientId },
      },
      automountServiceAccountToken: false,
    } satisfies IServiceAccount);
  }

  private scripts(): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: POSTGRES_BACKUP.scripts, namespace: this.namespace, labels: this.labels },
      data: { ...BACKUP_SCRIPTS },
    } satisfies IConfigMap);
  }

  private cronJob(): void {
    const { profile, stores, postgres } = this.props;
    const pg = stores.postgres;
    const backup = pg.backup;
    const labels = this.labels;
    const mounts = [
      { name: 'backup', mountPath: POSTGRES_BACKUP.backupPath },
      { name: 'scripts', mountPath: POSTGRES_BACKUP.scriptsPath, readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ];
    const shared = [{ name: 'BACKUP_DIR', value: POSTGRES_BACKUP.backupPath }];
    emit(this, {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: this.name, namespace: this.namespace, labels },
      spec: {
        schedule: backup.schedule,
        timeZone: backup.timeZone,
        concurrencyPolicy: 'Forbid',
        // A run missed because the cluster was stopped early still happens when it is back within
        // half a day (the controller starts the latest missed schedule).
        startingDeadlineSeconds: 12 * 3600,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels },
          spec: {
            backoffLimit: 2,
            activeDeadlineSeconds: 3600,
            template: {
              metadata: { labels: { ...labels, 'azure.workload.identity/use': 'true' } },
              spec: {
                serviceAccountName: this.name,
                automountServiceAccountToken: false,
                enableServiceLinks: false,
                restartPolicy: 'Never',
                securityContext: podSecurityContext(pg.uid),
                ...tolerationsOf(profile),
                initContainers: [
                  {
                    name: 'dump',
                    // The server's own image: pg_dump must not be older than the server.
                    image: pg.image,
                    imagePullPolicy: 'IfNotPresent',
                    command: ['sh', `${POSTGRES_BACKUP.scriptsPath}/backup.sh`],
                    env: [
                      ...shared,
                      { name: 'BACKUP_DATABASES', value: DATABASES.join(' ') },
                      { name: 'PGHOST', value: postgres.host },
                      { name: 'PGPORT', value: String(postgres.port) },
                      { name: 'PGUSER', value: 'postgres' },
                      { name: 'PGPASSWORD', valueFrom: { secretKeyRef: { name: postgres.adminSecret, key: 'password' } } },
                    ],
                    resources: { requests: { ...backup.resources.requests }, limits: { ...backup.resources.limits } },
                    securityContext: containerSecurityContext(pg.uid),
                    volumeMounts: mounts,
                  },
                ],
                containers: [
                  {
                    name: 'upload',
                    image: backup.uploaderImage,
                    imagePullPolicy: 'IfNotPresent',
                    command: ['sh', `${POSTGRES_BACKUP.scriptsPath}/upload.sh`],
                    env: [
                      ...shared,
                      { name: 'BACKUP_STORAGE_ACCOUNT', value: backup.storageAccount },
                      { name: 'BACKUP_CONTAINER', value: backup.container },
                      // The CLI keeps its login under HOME; the root filesystem is read-only.
                      { name: 'HOME', value: '/tmp' },
                      { name: 'AZURE_CONFIG_DIR', value: '/tmp/.azure' },
                    ],
                    resources: { requests: { ...backup.resources.requests }, limits: { ...backup.resources.limits } },
                    securityContext: containerSecurityContext(pg.uid),
                    volumeMounts: mounts,
                  },
                ],
                volumes: [
                  // The dumps never exceed the database volume they come from.
                  { name: 'backup', emptyDir: { sizeLimit: pg.storage } },
                  { name: 'scripts', configMap: { name: POSTGRES_BACKUP.scripts, defaultMode: 0o555 } },
                  { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
                ],
              },
            },
          },
        },
      },
    } satisfies ICronJob);
  }

  private networkPolicy(): void {
    const { postgres } = this.props;
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: this.name, namespace: this.namespace, labels: this.labels },
      spec: {
        podSelector: { matchLabels: selectorLabels(this.name) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [
          { to: [podPeer(postgres.name)], ports: tcpPorts(postgres.port) },
          // Microsoft Entra ID (token exchange) and the storage account's blob endpoint.
          { ports: tcpPorts(AZURE_HTTPS_PORT) },
        ],
      },
    } satisfies INetworkPolicy);
  }
}
