/**
 * Argo CD's retry of a failed sync, the same on every Application: the whole operation again, its
 * hooks included, after 10 s, 20 s, 40 s, 80 s and 160 s ("Automatic Retry with a limit",
 * https://argo-cd.readthedocs.io/en/stable/user-guide/auto_sync/). A hook that must not run again on
 * a retry stays in place through it (the migration Job: constructs/migration-job.ts).
 */
export const ARGO_SYNC_RETRY = { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } } as const;
