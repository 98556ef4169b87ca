/**
 * The AI service sends a waiting duplicate of a schedule request back to its own queue as a
 * scheduled copy with the same message id (apps/ai-service, "One schedule"; the kit's
 * RescheduleMessage). With duplicate detection on, Service Bus silently drops a message whose id
 * it saw within the detection window (learn.microsoft.com/azure/service-bus-messaging/
 * duplicate-detection): the copy, and so the request, would be lost after its delivery was
 * completed. Our idempotency is the consumers' (catalog DUPLICATE_WINDOW_MS), so no queue may
 * turn the broker's on. Shown failing on a broken copy.
 */
import { describe, expect, it } from 'vitest';
import { loadSnapshot, type Snapshot } from '../lib/bicep.ts';
import { ofType, prop, setProp } from '../lib/props.ts';

const detectingQueues = (s: Snapshot): string[] =>
  ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/queues')
    .filter((q) => prop(q, 'properties.requiresDuplicateDetection') === true)
    .map((q) => q.name);

describe('Service Bus duplicate detection stays off', () => {
  it.each(['dev', 'prod'] as const)('%s: no queue drops a resent message id', (env) => {
    const s = loadSnapshot(env);
    expect(ofType(s.predictedResources, 'Microsoft.ServiceBus/namespaces/queues').length).toBeGreaterThan(0);
    expect(detectingQueues(s)).toEqual([]);
  });

  it('fails on a queue that turns it on', () => {
    const prod = structuredClone(loadSnapshot('prod'));
    const queue = ofType(prod.predictedResources, 'Microsoft.ServiceBus/namespaces/queues')[0]!;
    setProp(queue, 'properties.requiresDuplicateDetection', true);
    expect(detectingQueues(prod)).toEqual([queue.name]);
  });
});
