/**
 * The queues are watched at the broker, where on-call hears of them: the in-cluster queue alerts
 * read the consumers' own counters (blind to a consumer that takes little, and routed to no one).
 * For each catalog queue, a backlog alert fires when more messages than its consumer can hold at
 * once at full scale in its environment (maxPods times CONSUMER_CONCURRENCY) stay active for a quarter of an
 * hour; one alert fires on any dead-lettered message (the metrics as Azure documents them:
 * platform-metric-alerts.test.ts). Shown failing on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { CONSUMER_CONCURRENCY, QUEUE_NAMES, RESPONSE_TIME_SLO, maxPods, serviceList } from '@tripgen/catalog';
import { environmentOf, loadSnapshot, type Env, type ParamFile, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, sameText } from '../lib/props.ts';

interface Criterion {
  metricNamespace: string;
  metricName: string;
  timeAggregation: string;
  operator: string;
  threshold: number;
  dimensions?: { name: string; operator: string; values: string[] }[];
}

const criteriaOf = (a: unknown): Criterion[] => (prop(a, 'properties.criteria.allOf') as Criterion[] | undefined) ?? [];

function queueAlertProblems(s: Snapshot, env: Env): string[] {
  const problems: string[] = [];
  const alerts = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts');
  // The primary namespace: the one the services' hand-over names (the secondary's name ends in -dr).
  const primary = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces').find((n) => !n.name.endsWith('-dr'))!;
  for (const a of alerts) {
    for (const c of criteriaOf(a)) {
      if (!sameText(c.metricNamespace, 'Microsoft.ServiceBus/namespaces')) continue;
      if (JSON.stringify(prop(a, 'properties.scopes')) !== JSON.stringify([primary.id])) problems.push(`${a.name}: not scoped to the primary namespace ${primary.name}`);
    }
  }
  const named = (name: string) => alerts.find((a) => a.name === name);
  for (const queue of QUEUE_NAMES) {
    const name = `alert-queue-backlog-${queue}-tripgen-${env}`;
    const alert = named(name);
    if (!alert) {
      problems.push(`${name}: missing`);
      continue;
    }
    const consumer = serviceList().find((x) => x.queues.consumes.includes(queue))!;
    const pods = maxPods(consumer, env);
    const inFlightMax = pods * CONSUMER_CONCURRENCY[queue];
    const [c, ...more] = criteriaOf(alert);
    const want = { metricName: 'ActiveMessages', timeAggregation: 'Minimum', operator: 'GreaterThan', threshold: inFlightMax, dimensions: [{ name: 'EntityName', operator: 'Include', values: [queue] }] };
    const got = c && { metricName: c.metricName, timeAggregation: c.timeAggregation, operator: c.operator, threshold: c.threshold, dimensions: c.dimensions };
    if (more.length > 0 || JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${name}: is not ActiveMessages' minimum above ${inFlightMax} (the consumer's ${pods} pods x ${CONSUMER_CONCURRENCY[queue]}) on ${queue} alone`);
    if (prop(alert, 'properties.windowSize') !== 'PT15M') problems.push(`${name}: does not look at a quarter of an hour`);
    if (prop(alert, 'properties.severity') !== { critical: 1, warning: 2 }[RESPONSE_TIME_SLO[consumer.responseTime].severity]) problems.push(`${name}: severity is not that of ${consumer.name}'s objective`);
  }
  const dead = named(`alert-dead-letters-tripgen-${env}`);
  const d = dead ? criteriaOf(dead)[0] : undefined;
  if (!d || d.metricName !== 'DeadletteredMessages' || d.threshold !== 0 || d.operator !== 'GreaterThan' || JSON.stringify(d.dimensions?.[0]?.values) !== '["*"]') {
    problems.push(`alert-dead-letters-tripgen-${env}: is not DeadletteredMessages above 0 on each queue`);
  }
  return problems;
}

describe('Azure alerts on the queues', () => {
  it.each(['dev', 'prod', 'prod-lean'] as const)('%s: a backlog alert per catalog queue at what its consumer holds at full scale, and one on dead letters', (env) => {
    expect(queueAlertProblems(loadSnapshot(env), environmentOf(env))).toEqual([]);
  });

  // Each environment's own most pods: dev runs its fixed replicas (1 each, no HPA), so a backlog of
  // 9 schedule requests already waits on its one AI pod (8 at once); prod-lean runs prod's manifests.
  it.each([
    ['prod', [144, 12, 24]],
    ['prod-lean', [144, 12, 24]],
    ['dev', [8, 2, 4]],
  ] as const)('sets the thresholds from the most pods each environment runs (%s: %j; prod: the AI service 18 x 8, critical; the location service 6 x 2; the user service 6 x 4; dev: 1 pod each)', (file: ParamFile, want) => {
    const s = loadSnapshot(file);
    const env = environmentOf(file);
    const threshold = (queue: string) => criteriaOf(ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts').find((a) => a.name === `alert-queue-backlog-${queue}-tripgen-${env}`))[0]?.threshold;
    expect(QUEUE_NAMES.map(threshold)).toEqual(want);
  });

  it('fails on a wrong metric, aggregation, threshold, queue or scope, and a missing alert', () => {
    const s = structuredClone(loadSnapshot('prod'));
    const alerts = ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts');
    const ai = alerts.find((a) => a.name === 'alert-queue-backlog-ai-schedule-generation-queue-tripgen-prod')!;
    const c = criteriaOf(ai)[0]!;
    c.threshold = 100;
    c.timeAggregation = 'Total';
    const location = alerts.find((a) => a.name === 'alert-queue-backlog-location-search-queue-tripgen-prod')!;
    criteriaOf(location)[0]!.dimensions = [{ name: 'EntityName', operator: 'Include', values: ['*'] }];
    const dead = alerts.find((a) => a.name === 'alert-dead-letters-tripgen-prod')!;
    criteriaOf(dead)[0]!.metricName = 'DeadLetterMessages';
    (location.properties as { scopes: string[] }).scopes = [`${ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces').find((n) => n.name.endsWith('-dr'))!.id}`];
    s.predictedResources = s.predictedResources.filter((r) => r.name !== 'alert-queue-backlog-notification-queue-tripgen-prod');
    expect(queueAlertProblems(s, 'prod')).toEqual([
      'alert-queue-backlog-location-search-queue-tripgen-prod: not scoped to the primary namespace sb-tripgen-prod-j2b7jc',
      'alert-queue-backlog-ai-schedule-generation-queue-tripgen-prod: is not ActiveMessages\' minimum above 144 (the consumer\'s 18 pods x 8) on ai-schedule-generation-queue alone',
      'alert-queue-backlog-location-search-queue-tripgen-prod: is not ActiveMessages\' minimum above 12 (the consumer\'s 6 pods x 2) on location-search-queue alone',
      'alert-queue-backlog-notification-queue-tripgen-prod: missing',
      'alert-dead-letters-tripgen-prod: is not DeadletteredMessages above 0 on each queue',
    ]);
  });
});
