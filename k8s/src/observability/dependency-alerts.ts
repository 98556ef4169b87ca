/**
 * Alerts on the services' own view of their data stores (the kit's `dependency_up` gauge, set by
 * every readiness check): the seed's troubleshooting guide (§12.2.1) names database connection
 * failures, and a pod that cannot reach PostgreSQL leaves the Service without any other alert
 * saying why. Redis is a soft dependency (the kit falls back to its in-process cache), so it warns.
 * So does a pod's Entra token for PostgreSQL, Redis, Service Bus, Event Hubs or Azure OpenAI failing for
 * long (the kit's gauge, catalog ENTRA_TOKEN_OUTAGE), which comes before the dependency cuts the pod off
 * and says why.
 */
import { ENTRA_TOKEN_OUTAGE, type EntraDependency } from '@tripgen/catalog';
import type { AlertSpec } from './alerts.ts';

/** How long a pod's Entra token may fail for an outage before the ticket (catalog ENTRA_TOKEN_OUTAGE), in seconds. */
const ENTRA_FAILING_SECONDS = ENTRA_TOKEN_OUTAGE.alertAfterMs / 1000;

export function dependencyAlerts(namespace: string): AlertSpec[] {
  return [...storeAlerts(namespace), ...ENTRA_TOKEN_OUTAGE.dependencies.map((d) => entraTokenAlert(namespace, d))];
}

function storeAlerts(namespace: string): AlertSpec[] {
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

/**
 * Before the impact: the kit asks Entra past MSAL's cache at half of each token's life, so a blocked
 * egress first fails about 30 minutes before a 60-minute token's expiry (catalog ENTRA_TOKEN_OUTAGE);
 * the gauge counts the outage's length itself, so no `for`. One rule per dependency, each with what
 * that dependency does at the expiry and its severity from the catalog (ENTRA_TOKEN_IMPACT): Azure
 * Monitor's templates have no `if`/`eq` to pick the text by the `dependency` label (alert-templates
 * test), and one text for all five told an Azure OpenAI ticket that PostgreSQL refuses connections.
 * All share the alert name, so the runbook, silences and routes keep one name; the label tells which.
 */
function entraTokenAlert(namespace: string, dependency: EntraDependency): AlertSpec {
  const { name, atExpiry, severity } = ENTRA_TOKEN_OUTAGE.impact[dependency];
  return {
    alert: 'TripGenEntraTokenFailing',
    severity,
    expr: `max by (job, pod, dependency) (${ENTRA_TOKEN_OUTAGE.failingMetric}{namespace="${namespace}",dependency="${dependency}"}) > ${ENTRA_FAILING_SECONDS}`,
    for: '0m',
    summary: `A pod has had no new Entra token for ${name} for over ${ENTRA_FAILING_SECONDS / 60} minutes`,
    description: `Pod {{ $labels.pod }} ({{ $labels.job }}) has failed to renew its Microsoft Entra token for ${name} ({{ $labels.dependency }}) for {{ printf "%.0f" $value }} seconds (Entra out of reach: a blocked egress, a proxy, or Entra's own outage): when the token in hand expires (up to half an hour after the first failure), ${atExpiry}.`,
    runbook: 'entra-token',
    // The series' own `dependency`, the same value: it tells the five rules apart.
    labels: { dependency },
  };
}
