/**
 * Alerts on the services' own count of the deliveries they gave up on (the kit's
 * `messages_consumed_total`, outcome deadLettered): a dead-lettered message is work that will never
 * be done (a schedule never made, a notification never in the inbox) unless someone replays it,
 * and nothing else says so (the consumer logs it; the trip service later expires the schedule as
 * if it had merely been slow). Every dead letter alerts: in normal running there are none.
 */
import { QUEUES, SCHEDULES_ROUTE, serviceList, type ConsumeOutcome, type ServiceSpec } from '@tripgen/catalog';
import { metricsServiceName } from '../constructs/service-monitoring.ts';
import type { AlertSpec } from './alerts.ts';
import { REPLICA_LABEL } from './scrape-jobs.ts';

/** The catalog's outcome (CONSUME_OUTCOMES) of a delivery given up on. */
const DEAD_LETTERED: ConsumeOutcome = 'deadLettered';

/** How far back a dead letter keeps the alert firing: longer than a scrape and a rule evaluation, short enough to resolve. */
const WINDOW = '15m';

/**
 * Schedules asked but never taken: the trip service accepted schedule requests (202) between 15 and 5
 * minutes ago, and the consumer of their queue finished no delivery at all in the last 15 minutes.
 * A request is taken within seconds (its deadline is minutes), so this is a stalled path: the outbox
 * relay, the broker, or a consumer that stopped taking messages while its pods stay ready (readiness
 * checks PostgreSQL only). Nothing else fires then: the schedules' own latency alert reads outcomes,
 * and there are none. The 5 minutes' offset leaves a request just accepted the time to be taken.
 */
const NOT_TAKEN_ASKED = '10m';
const NOT_TAKEN_OFFSET = '5m';
const NOT_TAKEN_TAKEN = '15m';

const serviceOf = (pred: (s: ServiceSpec) => boolean): ServiceSpec => {
  const found = serviceList().find(pred);
  if (!found) throw new Error('queue-alerts: the catalog has no such service');
  return found;
};

export function queueAlerts(namespace: string): AlertSpec[] {
  return [
    {
      alert: 'TripGenMessagesDeadLettered',
      severity: 'warning',
      expr: `sum by (job, queue) (increase(messages_consumed_total{namespace="${namespace}",outcome="${DEAD_LETTERED}"}[${WINDOW}])) > 0`,
      for: '0m',
      summary: 'Messages of {{ $labels.queue }} were dead-lettered',
      description: `{{ $labels.job }} dead-lettered about {{ printf "%.0f" $value }} deliveries of {{ $labels.queue }} in the last ${WINDOW}: they stay in the queue's dead-letter queue, never processed, until replayed.`,
      runbook: 'dead-letters',
    },
    {
      alert: 'TripGenOutboxMessageSetAside',
      severity: 'warning',
      expr: `sum by (job, destination) (increase(outbox_messages_set_aside_total{namespace="${namespace}"}[${WINDOW}])) > 0`,
      for: '0m',
      summary: 'A message for {{ $labels.destination }} was set aside unsent',
      description: `{{ $labels.job }}'s outbox set aside about {{ printf "%.0f" $value }} messages for {{ $labels.destination }} in the last ${WINDOW}: larger than it accepts, they stay unsent in the service's outbox_messages until someone acts.`,
      runbook: 'outbox-set-aside',
    },
    schedulesNotTaken(namespace),
  ];
}

function schedulesNotTaken(namespace: string): AlertSpec {
  const queue = QUEUES.aiScheduleGeneration;
  // The service that asks (the AI service sends its own late requests back to the queue it takes).
  const asker = serviceOf((s) => s.queues.produces.includes(queue) && !s.queues.consumes.includes(queue));
  const taker = serviceOf((s) => s.queues.consumes.includes(queue));
  const asked = `sum(increase(http_request_duration_seconds_count{namespace="${namespace}",job="${metricsServiceName(asker)}",route="${SCHEDULES_ROUTE}",method="POST",status_code="202"}[${NOT_TAKEN_ASKED}] offset ${NOT_TAKEN_OFFSET})) > 0`;
  // Every outcome: a delivery processed, a duplicate, handed back or dead-lettered was taken (the kit exports them from 0).
  const taken = `sum(increase(messages_consumed_total{namespace="${namespace}",job="${metricsServiceName(taker)}",queue="${queue}"}[${NOT_TAKEN_TAKEN}])) > 0`;
  return {
    alert: 'TripGenSchedulesNotTaken',
    severity: 'critical',
    // A delivery taken is taken whichever Prometheus replica saw it: Azure evaluates per replica, and
    // one replica that cannot scrape the taker (its series absent there) would page for a queue the
    // other sees drained. In the cluster (one Prometheus, no replica label) the ignoring is a no-op.
    expr: `(${asked}) unless ignoring (${REPLICA_LABEL}) (${taken})`,
    for: '0m',
    summary: 'Schedules were asked for and none was taken off the queue',
    description: `The ${asker.name} service accepted about {{ printf "%.0f" $value }} schedule requests in the ${NOT_TAKEN_ASKED} before the last ${NOT_TAKEN_OFFSET}, and the ${taker.name} service took no delivery of ${queue} in the last ${NOT_TAKEN_TAKEN}: travellers wait for schedules that will fail at their deadline.`,
    runbook: 'schedules-not-taken',
  };
}
