/**
 * Schedules asked for and never taken off the queue (the outbox relay, the broker or the AI
 * consumer stalled while its pods stay ready): no outcome is recorded, so the latency alerts, which
 * read outcomes, stay silent. The rendered rules must alert on the trip service's accepted requests
 * (202 on the catalog's SCHEDULES_ROUTE) against the consumer's deliveries of their queue, with a
 * runbook. promql-scraped.test.ts checks that both selectors select what the running services export.
 * Shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { QUEUES, SCHEDULES_ROUTE, serviceList } from '@tripgen/catalog';
import { alertingRules } from './policy/prometheus-rules.ts';
import { runbookAnchor } from './policy/alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import type { K8sObject } from './policy/objects.ts';
import { withEvaluatedAlerts } from './support/evaluated-alerts.ts';

const queue = QUEUES.aiScheduleGeneration;
const asker = serviceList().find((s) => s.queues.produces.includes(queue) && !s.queues.consumes.includes(queue))!;
const taker = serviceList().find((s) => s.queues.consumes.includes(queue))!;

/** The critical alerts with a runbook that select both an accepted schedule request and a delivery of its queue. */
function watching(objects: readonly K8sObject[], namespace: string): string[] {
  const accepted = { namespace, job: `${asker.name}-service-metrics`, route: SCHEDULES_ROUTE, method: 'POST', status_code: '202' };
  const taken = { namespace, job: `${taker.name}-service-metrics`, queue, outcome: 'processed' };
  return alertingRules(objects)
    .filter(({ rule }) => rule.labels?.severity === 'critical' && runbookAnchor(rule.annotations?.runbook_url) !== undefined)
    .filter(({ rule }) => {
      const selectors = parsePromql(rule.expr ?? '').selectors;
      const selects = (metric: string, labels: Record<string, string>) => selectors.some((s) => s.metric === metric && s.matchers.every((m) => matches(m, labels)));
      return selects('http_request_duration_seconds_count', accepted) && selects('messages_consumed_total', taken) && /\bunless\b/.test(rule.expr ?? '');
    })
    .map(({ rule }) => rule.alert ?? '');
}

describe('schedules asked and never taken', () => {
  it('prod: a critical alert with a runbook compares the accepted schedule requests with the deliveries of their queue', () => {
    expect(watching(withEvaluatedAlerts('prod'), 'tripgen')).toEqual(['TripGenSchedulesNotTaken']);
  });

  it('fails when the alert reads another route', () => {
    const prod = structuredClone(withEvaluatedAlerts('prod'));
    for (const { rule } of alertingRules(prod)) (rule as { expr?: string }).expr = rule.expr?.replaceAll(`route="${SCHEDULES_ROUTE}"`, 'route="/api/v1/trips"');
    expect(watching(prod, 'tripgen')).toEqual([]);
  });
});
