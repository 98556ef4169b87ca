/**
 * A message a consumer gave up on (dead-lettered: a schedule request, a notification, a location
 * search) is work that will never be done, and the kit counts each one (messages_consumed_total,
 * outcome deadLettered). The rendered rules must alert on it for every queue a catalog service
 * consumes, on the series the services really export: a counter series that first appears at 1
 * (the first dead letter after a pod starts) has no earlier sample for increase() to compare with,
 * so the kit exports every queue's outcomes from 0. The same holds on the sending side: an outbox row
 * no send can deliver (larger than its queue or hub accepts) is set aside, never sent, and counted
 * (outbox_messages_set_aside_total) for every destination a service sends to. Shown failing on a
 * broken copy.
 */
import { describe, expect, it } from 'vitest';
import { CONSUME_OUTCOMES, EVENT_STREAMS, serviceList, type ConsumeOutcome } from '@tripgen/catalog';
import { createMetrics } from '../../apps/service-kit/src/telemetry/metrics.ts';
import { alertingRules } from './policy/prometheus-rules.ts';
import { runbookAnchor } from './policy/alerts.ts';
import { matches, parsePromql } from './policy/promql.ts';
import type { K8sObject } from './policy/objects.ts';
import { withEvaluatedAlerts } from './support/evaluated-alerts.ts';

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
    expect(unwatchedQueues(withEvaluatedAlerts('prod'), 'tripgen')).toEqual([]);
  });

  it('fails when the alert selects another outcome', () => {
    const prod = structuredClone(withEvaluatedAlerts('prod'));
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

/** Every queue and hub a catalog service sends to through its outbox. */
const destinations = serviceList().flatMap((s) => [...s.queues.produces, ...EVENT_STREAMS.filter((e) => e.producer === s.name).map((e) => e.hub)].map((destination) => ({ service: s.name, destination })));

/** Destinations whose set-aside rows no alert of `objects` with the outbox-set-aside runbook selects. */
function unwatchedDestinations(objects: readonly K8sObject[], namespace: string): string[] {
  const watching = alertingRules(objects).filter(({ rule }) => rule.labels?.severity && runbookAnchor(rule.annotations?.runbook_url) === 'outbox-set-aside');
  const selectors = watching.flatMap(({ rule }) => parsePromql(rule.expr ?? '').selectors.filter((s) => s.metric === 'outbox_messages_set_aside_total'));
  return destinations
    .filter(({ service, destination }) => !selectors.some((sel) => sel.matchers.every((m) => matches(m, { namespace, destination, job: `${service}-service-metrics` }))))
    .map(({ service, destination }) => `${service}: ${destination}`);
}

describe('outbox messages set aside alert', () => {
  it('prod: an alert with a runbook selects the rows set aside for every queue and hub a service sends to', () => {
    expect(destinations.map((d) => d.destination)).toContain(EVENT_STREAMS[0].hub);
    expect(unwatchedDestinations(withEvaluatedAlerts('prod'), 'tripgen')).toEqual([]);
  });

  it('fails when the alert watches another namespace', () => {
    const prod = structuredClone(withEvaluatedAlerts('prod'));
    for (const { rule } of alertingRules(prod)) (rule as { expr?: string }).expr = rule.expr?.replace('outbox_messages_set_aside_total{namespace="tripgen"', 'outbox_messages_set_aside_total{namespace="other"');
    expect(unwatchedDestinations(prod, 'tripgen')).toEqual(destinations.map((d) => `${d.service}: ${d.destination}`));
  });

  it('each sending service exports its destinations\' set-aside count from 0, before any send', async () => {
    for (const { service, destination } of destinations) {
      expect(await createMetrics(service).registry.metrics()).toContain(`outbox_messages_set_aside_total{destination="${destination}",service="${service}-service"} 0`);
    }
  });
});
