/**
 * The migration Job's deadline leaves each of its pods the migrate command's worst time (catalog
 * migrationPodBudgetMs: its start, and per attempt the engine's advisory-lock wait, the statements
 * before the blocked one and lock_timeout, tried again after a growing wait), with Kubernetes'
 * backoff between pods. Kubernetes kills a pod still running at activeDeadlineSeconds: a pod killed
 * mid-attempt leaves its ALTER running on the server with no one to hear it fail, where one that
 * gives up on its own is rolled back and marked so (apps/service-kit/src/data/schema-engine.ts).
 */
import { describe, expect, it } from 'vitest';
import { MIGRATION_JOB, migrationJobDeadlineSeconds, migrationPodBudgetMs } from '@tripgen/catalog';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import { migrationJobDigest } from '../src/constructs/migration-job.ts';
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
 * drops the sync's results and runs every hook again. Its hooks: "Named hooks (i.e. ones with
 * /metadata/name) will only be created once. If you want a hook to be re-created each time either use
 * BeforeHookCreation policy or /metadata/generateName" (Resource Hooks, "Generate Name",
 * user-guide/resource_hooks.md), and "if no deletion policy is specified, Argo CD will automatically
 * assume BeforeHookCreation" (Sync Phases and Waves, "Hook lifecycle and cleanup",
 * user-guide/sync-waves.md). Argo CD has no retry limit of a hook's own and cannot tell a migration
 * that failed for itself from a lock wait; the Job can (its podFailurePolicy). So the Job is a named
 * hook that is not BeforeHookCreation: a retry finds the failed Job and fails again without running
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
