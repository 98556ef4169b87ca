/**
 * Alerts on the services' own view of their data stores (the kit's `dependency_up` gauge, set by
 * every readiness check): the seed's troubleshooting guide (§12.2.1) names database connection
 * failures, and a pod that cannot reach PostgreSQL leaves the Service without any other alert
 * saying why. Redis is a soft dependency (the kit falls back to its in-process cache), so it warns.
 */
import type { AlertSpec } from './alerts.ts';

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
  ];
}
