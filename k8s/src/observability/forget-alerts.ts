/**
 * An alert on the deleted schedules the AI service has still to forget (catalog FORGOTTEN_BACKLOG:
 * trip_db forgotten_schedules, walked by the trip service's sweep). A row waits by design for its
 * schedule's deadline, a plan under way or a re-plan built on it (an hour at most); one older than
 * `staleAfterMs` means the forget route does not answer (the AI service down, of the release before,
 * refusing the calls): the deleted trips' and schedules' itineraries (the requests with the
 * traveller's preferences, the plans) are kept in ai_db, against what docs/api.md promises. The
 * largest of every trip pod's gauge (the lease holder reports it, the others 0) over two minutes: a
 * rollout replacing the holder does not restart the wait.
 */
import { FORGOTTEN_BACKLOG, SERVICES } from '@tripgen/catalog';
import { metricsServiceName } from '../constructs/service-monitoring.ts';
import type { AlertSpec } from './alerts.ts';

const STALE_SECONDS = FORGOTTEN_BACKLOG.staleAfterMs / 1000;

export function forgetAlerts(namespace: string): AlertSpec[] {
  const job = metricsServiceName(SERVICES[FORGOTTEN_BACKLOG.service]);
  return [
    {
      alert: 'TripGenDeletedSchedulesNotForgotten',
      severity: 'warning',
      expr: `max by (job) (max_over_time(${FORGOTTEN_BACKLOG.oldestMetric}{namespace="${namespace}",job="${job}"}[2m])) > ${STALE_SECONDS}`,
      for: '15m',
      summary: 'Deleted trips\' and schedules\' plans are kept at the AI service',
      description: `The oldest schedule {{ $labels.job }} deleted and has not had the AI service forget is {{ printf "%.0f" $value }} seconds old, over ${STALE_SECONDS / 3600} hours: its request (the trip, the traveller's preferences) and its plan are kept in ai_db, past what docs/api.md promises.`,
      runbook: 'forgotten-schedules',
    },
  ];
}
