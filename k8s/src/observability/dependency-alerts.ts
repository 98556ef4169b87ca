/**
 * Alerts on the services' own view of their data stores (the kit's `dependency_up` gauge, set by
 * every readiness check): the seed's troubleshooting guide (§12.2.1) names database connection
 * failures, and a pod that cannot reach PostgreSQL leaves the Service without any other alert
 * saying why. Redis is a soft dependency (the kit falls back to its in-process cache), so it warns.
 * So does a pod's Entra token for Redis failing for long (the kit's gauge, catalog REDIS_ENTRA_OUTAGE),
 * which comes before Redis drops the connections and says why.
 */
import { REDIS_ENTRA_OUTAGE } from '@tripgen/catalog';
import type { AlertSpec } from './alerts.ts';

/** How long a pod's Redis token may fail for an outage before the ticket (catalog REDIS_ENTRA_OUTAGE), in seconds. */
const ENTRA_FAILING_SECONDS = REDIS_ENTRA_OUTAGE.alertAfterMs / 1000;

export function dependencyAlerts(namespace: string): AlertSpec[] {
  const down = (dependency: string) => `min by (job, pod) (dependency_up{namespace="${namespace}",dependency="${dependency}"}) == 0`;
  return [
    {
      alert: 'TripGenDatabaseUnreachable',
      severity: 'critical',
      expr: down('postgresql'),
      for: '2m',
      summary: 'A pod cannot reach PostgreSQL',
      description: 'Pod {{ $labels.pod }} ({{ $labels.job }}) has failed its PostgreSQL check for 2 minutes; it is out of its Service until the check passes.',
      runbook: 'database-connection',
    },
    {
      alert: 'TripGenRedisUnreachable',
      severity: 'warning',
      expr: down('redis'),
      for: '5m',
      summary: 'A pod cannot reach Redis',
      description: 'Pod {{ $labels.pod }} ({{ $labels.job }}) has failed its Redis check for 5 minutes; it serves from its in-process cache and counts rate limits per instance.',
      runbook: 'redis-connection',
    },
    {
      // Before the impact where it can be: the pods' credential asks Entra only in a token's last
      // minutes (MSAL's cache), so a blocked egress first fails about 4 minutes before the expiry
      // (catalog REDIS_ENTRA_OUTAGE); the gauge counts the outage's length itself, so no `for`. It
      // names the cause TripGenRedisUnreachable fires for once Redis drops the connections.
      alert: 'TripGenRedisEntraTokenFailing',
      severity: 'warning',
      expr: `max by (job, pod) (${REDIS_ENTRA_OUTAGE.failingMetric}{namespace="${namespace}"}) > ${ENTRA_FAILING_SECONDS}`,
      for: '0m',
      summary: `A pod has had no new Entra token for Redis for over ${ENTRA_FAILING_SECONDS / 60} minutes`,
      description: `Pod {{ $labels.pod }} ({{ $labels.job }}) has failed to renew its Microsoft Entra token for Redis for {{ printf "%.0f" $value }} seconds (Entra out of reach: a blocked egress, a proxy, or Entra's own outage): when the token in hand expires (minutes after the first failure), Redis drops its connections and it serves from its in-process cache.`,
      runbook: 'redis-connection',
    },
  ];
}
