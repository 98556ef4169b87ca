/**
 * docs/runbooks.md #queue-backlog explains each queue's backlog alert by its threshold's two factors,
 * per environment ("in prod 18 x 8 for the AI service, ...; in dev 1 x 8, ..."): the consumer's most
 * pods (catalog maxPods) times its CONSUMER_CONCURRENCY, and which queue's alert is critical. The
 * figures it states are read back and held to the alerts the snapshots deploy (their thresholds and
 * severities) and to the catalog, so a change of maxReplicas, replicas or concurrency fails here
 * until the page says it. Shown failing on broken copies of the page and of a snapshot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSUMER_CONCURRENCY, QUEUE_NAMES, SERVICE_NAMES, maxPods, serviceList, type ServiceName } from '@tripgen/catalog';
import { ENVIRONMENTS, loadSnapshot, type Env, type Snapshot } from '../lib/bicep.ts';
import { asArray, ofType, prop, setProp } from '../lib/props.ts';

const RUNBOOKS = readFileSync(path.resolve(import.meta.dirname, '../../docs/runbooks.md'), 'utf8');

const section = (md: string, anchor: string): string => (new RegExp(`^## ${anchor}\\n([\\s\\S]*?)(?=^## )`, 'm').exec(md)?.[1] ?? '').replace(/\s+/g, ' ');

interface Stated {
  readonly pods: number;
  readonly concurrency: number;
}

/**
 * Each environment's `in <env> P x C for the <name> service, ...` clause; a clause that names no
 * service (dev's) lists them in the order of the clause before it.
 */
function statedFactors(md: string): Partial<Record<Env, Partial<Record<ServiceName, Stated>>>> {
  const text = section(md, 'queue-backlog');
  const out: Partial<Record<Env, Partial<Record<ServiceName, Stated>>>> = {};
  let order: string[] = [];
  for (const clause of text.matchAll(/\bin (dev|prod) ((?:\d+ x \d+(?: for the [\w-]+ service)?(?:, )?)+)/g)) {
    const items = [...(clause[2] ?? '').matchAll(/(\d+) x (\d+)(?: for the ([\w-]+) service)?/g)];
    const named = items.every((i) => i[3]);
    if (named) order = items.map((i) => (i[3] ?? '').toLowerCase());
    out[clause[1] as Env] = Object.fromEntries(items.map((i, k) => [order[k] ?? `#${k + 1}`, { pods: Number(i[1]), concurrency: Number(i[2]) }]));
  }
  return out;
}

const backlogAlert = (s: Snapshot, env: Env, queue: string) =>
  ofType(s.predictedResources, 'Microsoft.Insights/metricAlerts').find((a) => a.name === `alert-queue-backlog-${queue}-tripgen-${env}`);

function statedBacklogProblems(md: string, snapshots: Readonly<Record<Env, Snapshot>>): string[] {
  const problems: string[] = [];
  const stated = statedFactors(md);
  for (const env of ENVIRONMENTS) {
    const figures = stated[env];
    if (!figures) {
      problems.push(`#queue-backlog states no figures for ${env}`);
      continue;
    }
    for (const name of Object.keys(figures)) {
      if (!(SERVICE_NAMES as readonly string[]).includes(name)) problems.push(`#queue-backlog names ${name} in ${env}, which is no catalog service`);
    }
    for (const queue of QUEUE_NAMES) {
      const consumer = serviceList().find((x) => x.queues.consumes.includes(queue))!;
      const f = figures[consumer.name];
      const threshold = prop(asArray(prop(backlogAlert(snapshots[env], env, queue), 'properties.criteria.allOf'))[0], 'threshold');
      if (!f) {
        problems.push(`#queue-backlog states no ${env} figures for the ${consumer.name} service (${queue})`);
        continue;
      }
      const said = `${f.pods} x ${f.concurrency} for the ${consumer.name} service in ${env}`;
      if (f.pods !== maxPods(consumer, env)) problems.push(`#queue-backlog says ${said}: the catalog's most pods there is ${maxPods(consumer, env)}`);
      if (f.concurrency !== CONSUMER_CONCURRENCY[queue]) problems.push(`#queue-backlog says ${said}: CONSUMER_CONCURRENCY of ${queue} is ${CONSUMER_CONCURRENCY[queue]}`);
      if (f.pods * f.concurrency !== threshold) problems.push(`#queue-backlog says ${said} (${f.pods * f.concurrency}): the ${env} alert on ${queue} fires above ${String(threshold)}`);
    }
  }
  // "critical for `<queue>`, ..., warning for the others": as the snapshots' severities (1 critical, 2 warning).
  const critical = [...section(md, 'queue-backlog').matchAll(/critical for `([\w-]+)`/g)].map((m) => m[1]);
  for (const env of ENVIRONMENTS) {
    for (const queue of QUEUE_NAMES) {
      const severity = prop(backlogAlert(snapshots[env], env, queue), 'properties.severity');
      const said = critical.includes(queue) ? 1 : 2;
      if (severity !== said) problems.push(`#queue-backlog calls the ${env} alert on ${queue} ${said === 1 ? 'critical' : 'a warning'}: its severity is ${String(severity)}`);
    }
  }
  return problems;
}

const deployed = (): Record<Env, Snapshot> => ({ dev: loadSnapshot('dev'), prod: loadSnapshot('prod') });

describe('docs/runbooks.md #queue-backlog states the thresholds the queue backlog alerts deploy', () => {
  it('reads each environment figures for every consumer of a queue', () => {
    expect(statedFactors(RUNBOOKS)).toEqual({
      prod: { ai: { pods: 18, concurrency: 8 }, location: { pods: 6, concurrency: 2 }, user: { pods: 6, concurrency: 4 } },
      dev: { ai: { pods: 1, concurrency: 8 }, location: { pods: 1, concurrency: 2 }, user: { pods: 1, concurrency: 4 } },
    });
  });

  it('each stated pods x concurrency is the catalog factors and the alert threshold, and the critical queue is the critical alert', () => {
    expect(statedBacklogProblems(RUNBOOKS, deployed())).toEqual([]);
  });

  it('fails when the page or an alert changes alone', () => {
    const page = RUNBOOKS.replace('18 x 8 for the AI service', '12 x 8 for the AI service').replace('in dev 1 x 8, 1 x 2, 1 x 4', 'in dev 1 x 8, 1 x 2, 2 x 4');
    expect(statedBacklogProblems(page, deployed())).toEqual([
      "#queue-backlog says 2 x 4 for the user service in dev: the catalog's most pods there is 1",
      '#queue-backlog says 2 x 4 for the user service in dev (8): the dev alert on notification-queue fires above 4',
      "#queue-backlog says 12 x 8 for the ai service in prod: the catalog's most pods there is 18",
      '#queue-backlog says 12 x 8 for the ai service in prod (96): the prod alert on ai-schedule-generation-queue fires above 144',
    ]);
    const snapshots = deployed();
    const ai = backlogAlert(snapshots.prod, 'prod', 'ai-schedule-generation-queue');
    setProp(asArray(prop(ai, 'properties.criteria.allOf'))[0], 'threshold', 160);
    setProp(ai, 'properties.severity', 2);
    expect(statedBacklogProblems(RUNBOOKS, snapshots)).toEqual([
      '#queue-backlog says 18 x 8 for the ai service in prod (144): the prod alert on ai-schedule-generation-queue fires above 160',
      '#queue-backlog calls the prod alert on ai-schedule-generation-queue critical: its severity is 2',
    ]);
    expect(statedBacklogProblems(RUNBOOKS.replace(/in dev 1 x 8, 1 x 2, 1 x 4/, 'in dev one pod each'), deployed())).toEqual(['#queue-backlog states no figures for dev']);
  });
});
