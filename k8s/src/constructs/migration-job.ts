/**
 * A service's schema migration: a Job in the service's own image (its entry point's migrate
 * command) that Argo CD runs before the new version starts, once per content of the Job (a release,
 * a config change), and the NetworkPolicy that lets it reach its database and nothing else.
 */
import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { MIGRATION_JOB, migrationArgs, migrationJobDeadlineSeconds, type ServiceSpec } from '@tripgen/catalog';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { stringify } from 'yaml';
import type { EnvironmentProfile } from '../config/profile.ts';
import { CONFIG_DIGEST_ANNOTATION } from '../lib/config-digest.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, migrationJobName, selectorLabels } from '../lib/labels.ts';
import { AZURE_HTTPS_PORT, tcpPorts } from '../lib/network.ts';
import { dataStoreEgress } from './network-policies.ts';

export interface MigrationJobProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
  /** The service's pod template: the Job reuses its identity, config, secrets and security. */
  readonly template: IPodTemplateSpec;
}

/**
 * The suffix of a migration Job's name: the first 10 hex digits of the SHA-256 of its spec, written
 * as YAML with its keys sorted (so the rendered manifest gives the same digest back).
 */
export const migrationJobDigest = (spec: IJobSpec): string =>
  createHash('sha256').update(stringify(spec, { sortMapEntries: true })).digest('hex').slice(0, 10);

export class MigrationJob extends Construct {
  private readonly name: string;

  constructor(scope: Construct, id: string, private readonly props: MigrationJobProps) {
    super(scope, id);
    this.name = migrationJobName(props.spec.name);
    this.job();
    this.networkPolicy();
  }

  private job(): void {
    const { profile, template } = this.props;
    // The Job reuses the service's pod (identity, config, secrets, security) without its spread rules.
    const { topologySpreadConstraints: _spread, containers, ...base } = template.spec!;
    const app = containers[0]!;
    const labels = componentLabels(profile, this.name, 'migration');
    const configDigest = template.metadata?.annotations?.[CONFIG_DIGEST_ANNOTATION];
    const spec: IJobSpec = {
      backoffLimit: MIGRATION_JOB.backoffLimit,
      // Every pod's worst lock waits and start, with Kubernetes' backoff between them (catalog).
      activeDeadlineSeconds: migrationJobDeadlineSeconds(),
      // A migration that failed for itself is marked rolled back: another pod would only run it
      // again (a statement_timeout one holding its table's locks once more). The Job fails at once.
      podFailurePolicy: {
        rules: [
          { action: 'FailJob', onExitCodes: { containerName: 'migrate', operator: 'In', values: [MIGRATION_JOB.failJobExitCode] } },
          // A pod evicted or preempted (a node drained by an AKS upgrade) is not the migration's
          // failure: it does not count toward backoffLimit (Kubernetes "Pod failure policy", its
          // example pairs FailJob with this rule). Its transaction rolled back with its connection.
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
        ],
      },
      // A failed Job must outlive Argo CD's sync retries (ARGO_SYNC_RETRY, 310 s of backoff): one
      // gone before a retry is created and run again (k8s/test/migration-job.test.ts).
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: {
          labels: {
            ...labels,
            ...(profile.workloadIdentity ? { 'azure.workload.identity/use': 'true' } : {}),
            // A sidecar would keep the Job from completing; the Job only talks to PostgreSQL. The
            // label (not the deprecated annotation) is what the revision webhook's objectSelector skips.
            ...(profile.mesh ? { 'sidecar.istio.io/inject': 'false' } : {}),
          },
          // The service's config digest: a config change alone is a new Job (its name's digest).
          ...(configDigest ? { annotations: { [CONFIG_DIGEST_ANNOTATION]: configDigest } } : {}),
        },
        spec: {
          ...base,
          restartPolicy: 'Never',
          containers: [
            {
              name: 'migrate',
              image: app.image,
              imagePullPolicy: app.imagePullPolicy,
              // The image's own entry point with its migrate command: the committed migrations it
              // ships, applied to DATABASE_URL by the offline WebAssembly schema engine.
              args: [...migrationArgs],
              envFrom: app.envFrom,
              env: app.env,
              resources: app.resources,
              securityContext: app.securityContext,
              volumeMounts: app.volumeMounts,
            },
          ],
        },
      },
    };
    emit(this, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        // Named by its content: a named hook already there that is not BeforeHookCreation is applied
        // unchanged and its outcome read from the live Job (gitops-engine pkg/sync), so a sync retry
        // finds the failed Job and fails again without running the migration again. A new release
        // (its image) or config is a new name, a new run.
        name: `${this.name}-${migrationJobDigest(spec)}`,
        namespace: profile.namespace,
        labels,
        annotations: {
          // A Sync hook in its own wave: after the ServiceAccount, config and secret wiring of this
          // sync exist (a PreSync hook would run before them on the first sync), before the workload.
          'argocd.argoproj.io/hook': 'Sync',
          [ARGO_SYNC_WAVE]: WAVES.migration,
          // Not BeforeHookCreation (which Argo CD also assumes when none is given): that deletes and
          // re-creates the Job on each of the sync's retries, running a migration that failed for
          // itself up to 1 + ARGO_SYNC_RETRY.limit times. A succeeded Job goes with the sync's success.
          'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded',
        },
      },
      spec,
    } satisfies IJob);
  }

  /** In place before the Job (wave 0) starts: under default-deny it could not reach its database. */
  private networkPolicy(): void {
    const { profile } = this.props;
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: this.name, namespace: profile.namespace, labels: componentLabels(profile, this.name, 'migration'), annotations: { [ARGO_SYNC_WAVE]: WAVES.config } },
      spec: {
        podSelector: { matchLabels: selectorLabels(this.name) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        // A managed PostgreSQL is signed in to with an Entra token: the Job asks Entra ID for it.
        egress: [...dataStoreEgress(profile, false), ...(profile.dataStores.kind === 'managed' ? [{ ports: tcpPorts(AZURE_HTTPS_PORT) }] : [])],
      },
    } satisfies INetworkPolicy);
  }
}
