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
import { objectsOf } from './support/gitops.ts';

interface JobSpec { backoffLimit: number; activeDeadlineSeconds: number; podFailurePolicy?: unknown; template: { spec: { containers: { name: string }[] } } }

describe('the migration Jobs leave every pod room for its lock waits', () => {
  const jobs = ['dev', 'prod'].flatMap((env) =>
    objectsOf(env)
      .filter((o) => o.kind === 'Job' && o.metadata.name.endsWith('-migrate'))
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
