/**
 * Seed §11.2.1 scales the queues out by Service Bus partitions. Where each tier allows it
 * (learn.microsoft.com/azure/service-bus-messaging/enable-partitions-basic-standard and
 * enable-partitions-premium): Basic and Standard partition each queue at creation; Premium
 * partitions the whole namespace at creation (no entity flag), with the messaging units a multiple
 * of the partitions, and a geo-DR pair must be partitioned alike. Shown failing on broken copies.
 */
import { describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '@tripgen/catalog';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

function partitioningProblems(s: Snapshot): string[] {
  const v: string[] = [];
  const namespaces = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces');
  for (const ns of namespaces) {
    const premium = prop(ns, 'sku.name') === 'Premium';
    const partitions = prop(ns, 'properties.premiumMessagingPartitions');
    const queues = ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/queues').filter((q) => q.name.startsWith(`${ns.name}/`));
    if (premium) {
      if (typeof partitions !== 'number' || ![2, 4].includes(partitions)) v.push(`${ns.name}: Premium namespace not partitioned (premiumMessagingPartitions ${String(partitions)})`);
      else if (Number(prop(ns, 'sku.capacity')) % partitions !== 0) v.push(`${ns.name}: ${String(prop(ns, 'sku.capacity'))} messaging units are not a multiple of ${partitions} partitions`);
      for (const q of queues) if (prop(q, 'properties.enablePartitioning') === true) v.push(`${q.name}: Premium queues take the namespace's partitions, not their own`);
    } else {
      for (const q of queues) if (prop(q, 'properties.enablePartitioning') !== true) v.push(`${q.name}: not partitioned (Basic and Standard partition each queue)`);
    }
  }
  const primaryPartitions = new Set(namespaces.filter((n) => prop(n, 'sku.name') === 'Premium').map((n) => prop(n, 'properties.premiumMessagingPartitions')));
  if (primaryPartitions.size > 1) v.push(`geo-DR pair partitioned differently: ${[...primaryPartitions].join(' vs ')}`);
  return v;
}

describe('Service Bus partitioning where the tier allows it', () => {
  it.each(['dev', 'prod'] as const)('%s', (env) => {
    const s = loadSnapshot(env);
    expect(partitioningProblems(s)).toEqual([]);
    expect(ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/queues').map((q) => q.name.split('/')[1]).sort()).toEqual([...QUEUE_NAMES].sort());
  });

  it('prod: two partitions of one messaging unit each, on the primary and its DR namespace', () => {
    const ns = ofType(loadSnapshot('prod').predictedResources, 'Microsoft.ServiceBus/namespaces');
    expect(ns.map((n) => [n.name.endsWith('-dr') ? 'dr' : 'primary', prop(n, 'sku.capacity'), prop(n, 'properties.premiumMessagingPartitions')])).toEqual([
      ['primary', 2, 2],
      ['dr', 2, 2],
    ]);
  });

  it('fails on an unpartitioned Basic queue, a Premium queue flag, a Premium namespace without partitions, units that do not divide, a mismatched DR pair', () => {
    const dev = structuredClone(loadSnapshot('dev'));
    setProp(ofType(dev.predictedResources, 'Microsoft.ServiceBus/namespaces/queues')[0], 'properties.enablePartitioning', false);
    expect(partitioningProblems(dev)).toEqual([expect.stringMatching(/^sb-tripgen-dev-\w+\/ai-schedule-generation-queue: not partitioned \(Basic and Standard partition each queue\)$/)]);
    const prod = structuredClone(loadSnapshot('prod'));
    const [primary, dr] = ofType(prod.predictedResources, 'Microsoft.ServiceBus/namespaces');
    setProp(ofType(prod.predictedResources, 'Microsoft.ServiceBus/namespaces/queues')[0], 'properties.enablePartitioning', true);
    setProp(primary, 'sku.capacity', 3);
    setProp(dr, 'properties.premiumMessagingPartitions', 1);
    expect(partitioningProblems(prod)).toEqual([
      `${primary!.name}: 3 messaging units are not a multiple of 2 partitions`,
      `${primary!.name}/ai-schedule-generation-queue: Premium queues take the namespace's partitions, not their own`,
      `${dr!.name}: Premium namespace not partitioned (premiumMessagingPartitions 1)`,
      'geo-DR pair partitioned differently: 2 vs 1',
    ]);
  });
});
