/**
 * The migration Job's deadline leaves each of its pods the migrate command's worst time (catalog
 * migrationPodBudgetMs: its start, and per attempt the engine's advisory-lock wait, the statements
 * before the blocked one and lock_timeout, tried again after a growing wait), with Kubernetes'
 * backoff between pods. Kubernetes kills a pod still running at activeDeadlineSeconds: a pod killed
 * mid-attempt leaves its ALTER running on the server with no one to hear it fail, where one that
 * gives up on its own is rolled back and marked so (apps/service-kit/src/data/schema-engine.ts).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATION_JOB, SERVICE_NAMES, migrationJobDeadlineSeconds, migrationPodBudgetMs } from '@tripgen/catalog';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import { loadProfiles, type EnvironmentProfile } from '../src/config/profile.ts';
import { migrationJobDigest } from '../src/constructs/migration-job.ts';
import { migrationJobName } from '../src/lib/labels.ts';
import { render } from '../src/render.ts';
import { objectsOf } from './support/gitops.ts';

interface JobSpec { backoffLimit: number; activeDeadlineSeconds: number; ttlSecondsAfterFinished: number; podFailurePolicy?: unknown; template: { spec: { containers: { name: string }[] } } }

describe('the migration Jobs leave every pod room for its lock waits', () => {
  const jobs = ['dev', 'prod'].flatMap((env) =>
    objectsOf(env)
      .filter((o) => o.kind === 'Job' && o.metadata.labels?.['app.kubernetes.io/component'] === 'migration')
      .map((o) => ({ id: `${env}/${o.metadata.name}`, spec: o.spec as unknown as JobSpec })),
  );

  it('finds a Job per service and environment', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(jobs)('$id', ({ spec }) => {
    expect(spec.backoffLimit).toBe(MIGRATION_JOB.backoffLimit);
    // Before: 600 s for 3 pods of 480 s each.
    expect(spec.activeDeadlineSeconds).toBe(migrationJobDeadlineSeconds());
    expect(spec.activeDeadlineSeconds * 1000).toBeGreaterThanOrEqual((spec.backoffLimit + 1) * migrationPodBudgetMs());
  });

  it.each(jobs)('$id fails at once when its migration failed for itself (marked rolled back; another pod would only run it again)', ({ spec }) => {
    // Before: no podFailurePolicy, every pod of backoffLimit ran the migration again.
    expect(spec.podFailurePolicy).toEqual({
      rules: [
        { action: 'FailJob', onExitCodes: { containerName: spec.template.spec.containers[0]!.name, operator: 'In', values: [MIGRATION_JOB.failJobExitCode] } },
        // Before: no such rule, so a pod evicted by a node drain used up one of the Job's pods.
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
      ],
    });
  });
});

/**
 * Argo CD retries a failed sync whole ("Automatic Retry with a limit", user-guide/auto_sync.md): it
 * drops the sync's results (argo-cd controller/appcontroller.go, processRequestedAppOperation:
 * `state.SyncResult = nil`) and runs every hook again. What a hook then does is gitops-engine's
 * pkg/sync (argoproj/gitops-engine, read at 5baed56):
 * - getSyncTasks (sync_context.go) keeps a hook's /metadata/name (only a generateName hook gets a new
 *   name) and gives its task the live object of that name, found among the Application's resources;
 * - runTasks deletes that live object first only when the hook is BeforeHookCreation
 *   (sync_task.go deleteBeforeCreation), which hook.DeletePolicies assumes when no policy is given
 *   (hook/delete_policy.go; "Hook lifecycle and cleanup", user-guide/sync-waves.md);
 * - otherwise it applies the hook onto the live Job (applyObject: kubectl apply, the same spec, so
 *   nothing changes and no pod starts) and on its next pass reads the hook's outcome from the live
 *   Job (getOperationPhase: health_job.go, a Failed condition is Degraded, so the task is Failed;
 *   Complete is Healthy, Succeeded) and fails the sync ("one or more synchronization tasks completed
 *   unsuccessfully") or goes on;
 * - when a sync fails it deletes the hooks whose policy is HookFailed (deleteOnPhaseFailed,
 *   `sc.deleteHooks(hooksPendingDeletionFailed)`), and only when it succeeds those that are
 *   HookSucceeded (deleteOnPhaseSuccessful): a Job that succeeded in a sync failing later stays, and
 *   its retry reads it as succeeded, not run again.
 * Argo CD has no retry limit of a hook's own and cannot tell a migration that failed for itself from
 * a lock wait; the Job can (its podFailurePolicy). So the Job is a named hook that is neither
 * BeforeHookCreation nor HookFailed: a retry finds the failed Job and fails again without running
 * the migration again, while within the Job a lock wait or a drained node still gets another pod.
 */
describe('a migration Job runs once per content, not once per sync retry', () => {
  const jobs = ['dev', 'prod'].flatMap((env) =>
    objectsOf(env)
      .filter((o) => o.kind === 'Job' && o.metadata.labels?.['app.kubernetes.io/component'] === 'migration')
      .map((o) => ({ id: `${env}/${o.metadata.name}`, job: o })),
  );
  interface Retry { limit: number; backoff: { duration: string; factor: number; maxDuration: string } }
  const applications = ['dev', 'prod'].flatMap((env) =>
    objectsOf(env)
      .filter((o) => o.kind === 'Application')
      .map((o) => ({ id: `${env}/${o.metadata.name}`, retry: (o.spec as { syncPolicy?: { retry?: Retry } }).syncPolicy?.retry })),
  );
  const seconds = (d: string): number => {
    const m = /^(\d+)(s|m|h)$/.exec(d);
    if (!m) throw new Error(`unread duration ${d}`);
    return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'];
  };
  /** The backoff before each of a retry's attempts, added up: how long after the first failure the last retry comes. */
  const retryWindowSeconds = (r: Retry): number => {
    let total = 0;
    for (let i = 0; i < r.limit; i += 1) total += Math.min(seconds(r.backoff.duration) * r.backoff.factor ** i, seconds(r.backoff.maxDuration));
    return total;
  };

  it('finds the Jobs and the Applications that retry', () => {
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    expect(applications.filter((a) => a.retry).length).toBeGreaterThan(0);
  });

  it.each(jobs)('$id is not re-created by a retry: its delete policy is not BeforeHookCreation, given or assumed', ({ job }) => {
    const policies = (job.metadata.annotations?.['argocd.argoproj.io/hook-delete-policy'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    // Before: BeforeHookCreation, so each of the sync's 5 retries deleted the failed Job and ran its migration again (6 runs).
    expect(policies).not.toEqual([]);
    expect(policies).not.toContain('BeforeHookCreation');
  });

  it.each(jobs)('$id, failed, is not deleted when the sync fails: not HookFailed either', ({ job }) => {
    const policies = (job.metadata.annotations?.['argocd.argoproj.io/hook-delete-policy'] ?? '').split(',').map((p) => p.trim());
    // HookFailed: the failed sync deletes the Job (sync_context.go, deleteHooks(hooksPendingDeletionFailed)),
    // so its retry finds none, creates it and runs the migration again, as BeforeHookCreation did.
    expect(policies).not.toContain('HookFailed');
    // Deleted when its sync succeeds: a later sync of the same content (an hour on, the TTL gone) runs it again.
    expect(policies).toContain('HookSucceeded');
  });

  it.each(jobs)('$id is a named hook: a generateName hook is a new Job (a new run) on every sync', ({ job }) => {
    expect((job.metadata as { generateName?: string }).generateName).toBeUndefined();
    expect(job.metadata.name).toMatch(/\S/);
  });

  it.each(jobs)('$id is named by the digest of what it runs, so a new release or config runs it again', ({ job }) => {
    // Before: `<service>-migrate` for every release: kept after a failure, a new release's Job could not replace it.
    expect(job.metadata.name).toBe(`${job.metadata.labels!['app.kubernetes.io/name']}-${migrationJobDigest(job.spec as unknown as IJobSpec)}`);
  });

  it.each(jobs)('$id, failed, outlives every retry of the sync (one gone before a retry would be created and run again)', ({ job }) => {
    for (const { id, retry } of applications) {
      if (!retry) continue;
      // An unlimited retry (-1) would outlive any Job.
      expect(retry.limit, id).toBeGreaterThanOrEqual(0);
      expect((job.spec as unknown as JobSpec).ttlSecondsAfterFinished, id).toBeGreaterThan(retryWindowSeconds(retry));
    }
  });
});

/**
 * The name is the Job's content: the same content gives the same name (a retry, another sync of the
 * release, finds the Job), and a change of what it runs gives a new one (a new run): its image (a
 * release), its environment (the ConfigMap it reads through envFrom, recorded as the config digest
 * in its pod template: lib/config-digest.ts), its command. A change elsewhere keeps it. Rendered from
 * changed profiles, not read from gitops/.
 */
describe('a migration Job is named by what it runs, within the 63 characters of a label value', () => {
  const migrationJobNames = (profiles: readonly EnvironmentProfile[]): Map<string, string> =>
    new Map(
      render(profiles)
        .objects.map((o) => ({ env: o.env, kind: o.object.kind, metadata: o.object.metadata as { name: string; labels?: Record<string, string> } }))
        .filter((o) => o.kind === 'Job' && o.metadata.labels?.['app.kubernetes.io/component'] === 'migration')
        .map((o) => [`${o.env}/${o.metadata.labels?.['app.kubernetes.io/name']}`, o.metadata.name]),
    );
  const profiles = loadProfiles();
  const names = migrationJobNames(profiles);
  const changed = (change: (p: EnvironmentProfile) => EnvironmentProfile) => migrationJobNames(profiles.map(change));
  /** The services whose names a change renamed, and those it kept. */
  const compare = (after: Map<string, string>) => ({
    renamed: [...names].filter(([k, v]) => after.get(k) !== v).map(([k]) => k),
    kept: [...names].filter(([k, v]) => after.get(k) === v).map(([k]) => k),
  });
  const every = SERVICE_NAMES.flatMap((s) => ['dev', 'prod'].map((env) => `${env}/${migrationJobName(s)}`)).sort();

  it('renders one per service and environment', () => {
    expect([...names.keys()].sort()).toEqual(every);
  });

  it('gives the same names to the same content, render after render', () => {
    expect(migrationJobNames(loadProfiles())).toEqual(names);
  });

  it('gives every Job a new name for a new release (the image tag)', () => {
    expect(compare(changed((p) => ({ ...p, image: { ...p.image, tag: `${p.image.tag}-next` } }))).kept).toEqual([]);
  });

  it('gives every Job a new name for a change of its ConfigMap alone (LOG_LEVEL)', () => {
    // Only the config digest of the pod template tells this Job from the one before (envFrom names the same ConfigMap).
    expect(compare(changed((p) => ({ ...p, logLevel: p.logLevel === 'debug' ? 'info' : 'debug' }))).kept).toEqual([]);
  });

  it('keeps the names when nothing the Job runs changes (how Argo CD syncs)', () => {
    expect(compare(changed((p) => ({ ...p, argo: { ...p.argo, automatedSync: !p.argo.automatedSync } }))).renamed).toEqual([]);
  });

  it.each([...names])('%s: %s is a DNS label of at most 63 characters (the Job controller labels its pods with the name)', (_, name) => {
    // Kubernetes puts the Job's name in its pods' `job-name` and `batch.kubernetes.io/job-name` labels, values of
    // at most 63 characters ("Labels and Selectors", Syntax and character set): a longer name is refused.
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});
