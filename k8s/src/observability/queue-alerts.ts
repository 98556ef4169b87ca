/**
 * Alerts on the services' own count of the deliveries they gave up on (the kit's
 * `messages_consumed_total`, outcome deadLettered): a dead-lettered message is work that will never
 * be done (a schedule never made, a notification never in the inbox) unless someone replays it,
 * and nothing else says so (the consumer logs it; the trip service later expires the schedule as
 * if it had merely been slow). Every dead letter alerts: in normal running there are none.
 */
import type { ConsumeOutcome } from '@tripgen/catalog';
import type { AlertSpec } from './alerts.ts';

/** The catalog's outcome (CONSUME_OUTCOMES) of a delivery given up on. */
const DEAD_LETTERED: ConsumeOutcome = 'deadLettered';

/** How far back a dead letter keeps the alert firing: longer than a scrape and a rule evaluation, short enough to resolve. */
const WINDOW = '15m';

export function queueAlerts(namespace: string): AlertSpec[] {
  return [
    {
      alert: 'TripGenMessagesDeadLettered',
      severity: 'warning',
      expr: `sum by (job, queue) (increase(messages_consumed_total{namespace="${namespace}",outcome="${DEAD_LETTERED}"}[${WINDOW}])) > 0`,
      for: '0m',
      summary: 'Messages of {{ $labels.queue }} were dead-lettered',
      description: `{{ $labels.job }} dead-lettered about {{ $value | humanize }} deliveries of {{ $labels.queue }} in the last ${WINDOW}: they stay in the queue's dead-letter queue, never processed, until replayed.`,
      runbook: 'dead-letters',
    },
  ];
}
