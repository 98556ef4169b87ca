/**
 * Alerts on the services' own view of their data stores (the kit's `dependency_up` gauge, set by
 * every readiness check): the seed's troubleshooting guide (§12.2.1) names database connection
 * failures, and a pod that cannot reach PostgreSQL leaves the Service without any other alert
 * saying why. Redis is a soft dependency (the kit falls back to its in-process cache), so it warns.
 * So does a pod's Entra token for PostgreSQL, Redis, Service Bus, Event Hubs or Azure OpenAI failing for
 * long (the kit's gauge, catalog ENTRA_TOKEN_OUTAGE), which comes before the dependency cuts the pod off
 * and says why.
 */
import { ENTRA_TOKEN_OUTAGE } from '@tripgen/catalog';
import type { AlertSpec } from './alerts.ts';

/** How long a pod's Entra token may fail for an outage before the ticket (catalog ENTRA_TOKEN_OUTAGE), in seconds. */
const ENTRA_FAILING_SECONDS = ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000;

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
      // Before the impact: the kit asks Entra past MSAL's cache at half of each token's life, so a
      // blocked egress first fails about 30 minutes before a 60-minute token's expiry (catalog
      // ENTRA_TOKEN_OUTAGE); the gauge counts the outage's length itself, so no `for`. One
      // rule for every dependency signed in to with the token, the series' `dependency` saying which;
      // it names the cause TripGenDatabaseUnreachable or TripGenRedisUnreachable fires for afterwards.
      alert: 'TripGenEntraTokenFailing',
      severity: 'warning',
      expr: `max by (job, pod, dependency) (${ENTRA_TOKEN_OUTAGE.failingMetric}{namespace="${namespace}"}) > ${ENTRA_FAILING_SECONDS}`,
      for: '0m',
      summary: `A pod has had no new Entra token for a dependency for over ${ENTRA_FAILING_SECONDS / 60} minutes`,
      description: `Pod {{ $labels.pod }} ({{ $labels.job }}) has failed to renew its Microsoft Entra token for {{ $labels.dependency }} for {{ printf "%.0f" $value }} seconds (Entra out of reach: a blocked egress, a proxy, or Entra's own outage): when the token in hand expires (up to half an hour after the first failure), PostgreSQL refuses its new connections (unready), Redis drops its connections (it serves from its in-process cache), Service Bus or Event Hubs closes its links (messages and events wait in the outbox) or Azure OpenAI refuses its calls (interest readings fall back to the keywords).`,
      runbook: 'entra-token',
    },
  ];
}
