/**
 * docs/runbooks.md #outbox-set-aside tells on-call how large a message prod's queues accept (the
 * alert is prod's alone: Azure Monitor's Prometheus rule group of the prod snapshot) and whether a
 * setting can raise it. The figure follows from the prod snapshot: the namespace's tier and each
 * queue's `maxMessageSizeInKilobytes`, unset meaning the tier's default (Service Bus quotas,
 * learn.microsoft.com/azure/service-bus-messaging/service-bus-quotas: 256 KB in Basic and Standard;
 * 1,024 KB in Premium, the ARM property "only used in Premium today and default is 1024", raisable
 * to 100 MB).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

const RUNBOOKS = readFileSync(path.resolve(import.meta.dirname, '../../docs/runbooks.md'), 'utf8');

const section = (md: string, anchor: string): string => new RegExp(`^## ${anchor}\\n([\\s\\S]*?)(?=^## )`, 'm').exec(md)?.[1] ?? '';

const sizeText = (kb: number): string => (kb % 1024 === 0 ? `${kb / 1024} MiB` : `${kb} KiB`);

/** What the section must say of prod's queues: `Service Bus <tier>: <size>`, once per distinct size. */
function statedSizeProblems(md: string, s: Snapshot): string[] {
  const namespace = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces').find((n) => !n.name.endsWith('-dr'))!;
  const tier = String(prop(namespace, 'sku.tier'));
  const fallback = tier === 'Premium' ? 1024 : 256;
  const queues = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/queues').filter((q) => q.name.startsWith(`${namespace.name}/`));
  const sizes = new Set(queues.map((q) => Number(prop(q, 'properties.maxMessageSizeInKilobytes') ?? fallback)));
  const text = section(md, 'outbox-set-aside');
  return [...sizes].filter((kb) => !text.includes(`Service Bus ${tier}: ${sizeText(kb)}`)).map((kb) => `#outbox-set-aside does not say prod's queues take ${sizeText(kb)} (Service Bus ${tier}: ${sizeText(kb)})`);
}

describe("docs/runbooks.md states the message size prod's queues accept (prod snapshot)", () => {
  it('#outbox-set-aside names the tier and the limit of the queues prod deploys', () => {
    expect(statedSizeProblems(RUNBOOKS, loadSnapshot('prod'))).toEqual([]);
  });

  it('fails when a queue is given another limit, or the namespace another tier, than the page says', () => {
    const raised = loadSnapshot('prod');
    for (const q of ofType(raised.predictedResources, 'Microsoft.ServiceBus/namespaces/queues')) setProp(q, 'properties.maxMessageSizeInKilobytes', 4096);
    expect(statedSizeProblems(RUNBOOKS, raised)).toEqual(["#outbox-set-aside does not say prod's queues take 4 MiB (Service Bus Premium: 4 MiB)"]);
    const standard = loadSnapshot('prod');
    for (const n of ofType(standard.predictedResources, 'Microsoft.ServiceBus/namespaces')) setProp(n, 'sku.tier', 'Standard');
    expect(statedSizeProblems(RUNBOOKS, standard)).toEqual(["#outbox-set-aside does not say prod's queues take 256 KiB (Service Bus Standard: 256 KiB)"]);
  });
});
