/**
 * A message a consumer gave up on (dead-lettered: a schedule request, a notification, a location
 * search) is work that will never be done, and the kit counts each one (messages_consumed_total,
 * outcome deadLettered). The rendered rules must alert on it for every queue a catalog service
 * consumes, on the series the services really export: a counter series that first appears at 1
 * (the first dead letter after a pod starts) has no earlier sample for increase() to compare with,
 * so the kit exports every queue's outcomes from 0. Shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { CONSUME_OUTCOMES, serviceList, type ConsumeOutcome } from '@tripgen/catalog';
import { createMetrics } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { alertingRules } from './policy/prometheus-rules.ts';
import { runbookAnchor } from './policy/alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import type { K8sObject } from './policy/objects.ts';
import { objectsOf } from './support/gitops.ts';

const DEAD_LETTERED: ConsumeOutcome = 'deadLettered';
const consumers = serviceList().filter((s) => s.queues.consumes.length > 0);

/** Queues a catalog service consumes whose dead letters no alert of `objects` selects. */
function unwatchedQueues(objects: readonly K8sObject[], namespace: string): string[] {
  const watching = alertingRules(objects).filter(({ rule }) => rule.labels?.severity && runbookAnchor(rule.annotations?.runbook_url) === 'dead-letters');
  const selectors = watching.flatMap(({ rule }) => parsePromql(rule.expr ?? '').selectors.filter((s) => s.metric === 'messages_consumed_total'));
  return consumers.flatMap((s) =>
    s.queues.consumes
      .filter((queue) => !selectors.some((sel) => sel.matchers.every((m) => matches(m, { namespace, queue, outcome: DEAD_LETTERED, job: `${s.name}-service-metrics` }))))
      .map((queue) => `${s.name}: ${queue}`),
  );
}

describe('dead-lettered messages alert', () => {
  it('prod: an alert with a runbook selects the dead letters of every queue a service consumes', () => {
    expect(consumers.length).toBeGreaterThan(0);
    expect(unwatchedQueues(objectsOf('prod'), 'tripgen')).toEqual([]);
  });

  it('fails when the alert selects another outcome', () => {
    const prod = structuredClone(objectsOf('prod'));
    for (const { rule } of alertingRules(prod)) (rule as { expr?: string }).expr = rule.expr?.replace(`outcome="${DEAD_LETTERED}"`, 'outcome="abandoned"');
    expect(unwatchedQueues(prod, 'tripgen')).toEqual(consumers.flatMap((s) => s.queues.consumes.map((q) => `${s.name}: ${q}`)));
  });

  it('each consuming service exports its queues\' dead-letter count from 0, before any delivery', async () => {
    for (const s of consumers) {
      const text = await createMetrics(s.name).registry.metrics();
      for (const queue of s.queues.consumes) {
        for (const outcome of CONSUME_OUTCOMES) expect(text).toContain(`messages_consumed_total{queue="${queue}",outcome="${outcome}",service="${s.name}-service"} 0`);
      }
    }
  });
});
