/**
 * Two alerts on the trip service's account-erasure sweep (catalog ACCOUNT_ERASURE).
 *
 * Sweeps that keep failing (the user service or the AI service not answering, or answering another
 * shape; trip_db unreachable) erase nothing, and each logged only a warning: the gauge
 * `lastSuccessMetric` (when a replica's last complete sweep ended) falls behind, and a ticket follows
 * after `stalledAfterSweeps` sweep periods without one on any replica (one failed sweep is retried at
 * the next). The largest of every pod's over that window: a pod that just started reports 0 until its
 * first complete sweep, and the pods a rollout replaced keep counting within it.
 *
 * The account-erasure sweep keeps the trips of owners user_db does not know (neither an account nor a
 * deletion record: user_db restored to an earlier point than trip_db, a DATABASE_URL pointing at
 * another or an empty database) and counts them in the kit's gauge (catalog ACCOUNT_ERASURE:
 * unknownOwnersMetric, set by each replica of its service at the end of each sweep that walked every
 * owner). Nothing is lost while they are kept, so a ticket; but the accounts they belonged to are
 * missing from user_db (those travellers cannot sign in) until an operator acts
 * (docs/runbooks.md#account-erasure). The largest count of any replica over two sweeps: a pod that
 * just started reports 0 until its first sweep completes, and that must not restart the hour.
 */
import { ACCOUNT_ERASURE, SERVICES } from '@tripgen/catalog';
import { metricsServiceName } from '../constructs/service-monitoring.ts';
import type { AlertSpec } from './alerts.ts';
import { REPLICA_LABEL } from './scrape-jobs.ts';

/** How long owners must stay unknown before the ticket: longer than a restore's or a ConfigMap fix's settling, well inside a working day. */
const UNKNOWN_FOR = '1h';

/** Two sweeps, in minutes: bridges a replica's restart (its gauge is 0 until its first complete sweep). */
const WINDOW_MINUTES = Math.ceil((2 * ACCOUNT_ERASURE.sweepEveryMs) / 60_000);

/** How long without a complete sweep before the ticket, in seconds: `stalledAfterSweeps` sweep periods (one source, the catalog). */
export const STALLED_AFTER_SECONDS = (ACCOUNT_ERASURE.stalledAfterSweeps * ACCOUNT_ERASURE.sweepEveryMs) / 1000;

export function erasureAlerts(namespace: string): AlertSpec[] {
  const job = metricsServiceName(SERVICES[ACCOUNT_ERASURE.service]);
  const stalledMinutes = STALLED_AFTER_SECONDS / 60;
  const sinceLastSweep = `time() - max by (job) (max_over_time(${ACCOUNT_ERASURE.lastSuccessMetric}{namespace="${namespace}",job="${job}"}[${stalledMinutes}m]))`;
  return [
    {
      alert: 'TripGenAccountErasureStalled',
      severity: 'warning',
      // A sweep completed is completed whichever Prometheus replica saw it: Azure evaluates per
      // replica, and one that cannot scrape the pod holding the sweep's lease sees only the others'
      // 0 and would open a ticket for sweeps that run. In the cluster (no replica label) the unless is a no-op.
      expr: `${sinceLastSweep} > ${STALLED_AFTER_SECONDS} unless ignoring (${REPLICA_LABEL}) ${sinceLastSweep} <= ${STALLED_AFTER_SECONDS}`,
      for: '5m',
      summary: 'The account-erasure sweep has not completed: deleted accounts\' trips and plans are kept',
      description: `No replica of {{ $labels.job }} completed an account-erasure sweep for ${stalledMinutes} minutes (${ACCOUNT_ERASURE.stalledAfterSweeps} sweeps): the trips and plans of accounts deleted since are kept, past the ${ACCOUNT_ERASURE.sweepEveryMs / 60_000} minutes docs/api.md promises.`,
      runbook: 'account-erasure',
    },
    {
      alert: 'TripGenTripOwnersUnknown',
      severity: 'warning',
      expr: `max by (job) (max_over_time(${ACCOUNT_ERASURE.unknownOwnersMetric}{namespace="${namespace}",job="${job}"}[${WINDOW_MINUTES}m])) > 0`,
      for: UNKNOWN_FOR,
      summary: 'Trips of owners user_db does not know are kept, not erased',
      description: `The account-erasure sweep of {{ $labels.job }} found {{ printf "%.0f" $value }} owners of trips with neither an account nor a deletion record in user_db, for ${UNKNOWN_FOR}: their trips and plans are kept, and their accounts are missing from the database the user service reads (a restore, a failover, a wrong DATABASE_URL).`,
      runbook: 'account-erasure',
    },
  ];
}
