/**
 * location-search-queue warms a destination's candidates: after the trip service's message, the
 * AI service's candidates call for the same area and dates is a cache hit. A redelivered message
 * id does nothing more; a malformed body is dead-lettered.
 */
import { METRICS_PATH, QUEUES, internalPrefix, type LocationSearchMessage } from '@tripgen/catalog';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocationService, type RunningLocationService } from './harness.ts';

let service: RunningLocationService;
beforeAll(async () => {
  service = await startLocationService();
});
afterAll(async () => service?.close());

const consumed = async (outcome: string): Promise<number> => {
  const metrics = await (await fetch(`${service.url}${METRICS_PATH}`)).text();
  const m = new RegExp(`messages_consumed_total\\{[^}]*queue="${QUEUES.locationSearch}"[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(metrics);
  return m ? Number(m[1]) : 0;
};

it('fills the cache with the candidates the AI service will ask for, once per message id; dead-letters a bad body', async () => {
  const message: LocationSearchMessage = { tripId: 'trip-1', center: { lat: 33.38, lng: 126.55 }, radiusKm: 60, categories: ['nature', 'beach'], dates: ['2026-09-26', '2026-09-25'] };
  const broker = await createServiceBusBroker({ connectionString: service.bus.connectionString });
  try {
    const misses = service.app.kit.cache.stats.misses;
    await broker.publish(QUEUES.locationSearch, [{ messageId: 'trip-1-created', body: message }]);
    await broker.publish(QUEUES.locationSearch, [{ messageId: 'trip-1-created', body: message }]);
    await broker.publish(QUEUES.locationSearch, [{ messageId: 'trip-1-bad', body: { tripId: 'trip-1', center: 'Jeju' } }]);
    await waitFor(async () => (await consumed('processed')) === 1 && (await consumed('duplicate')) === 1 && (await consumed('deadLettered')) === 1 &&
      // The consumer counts a dead-letter when it asks for it; the broker files it a moment later.
      service.bus.count(`${QUEUES.locationSearch}/$deadletterqueue`) === 1, 'the three deliveries', 30_000, 100);
    // One computation for the two deliveries of the same id.
    expect(service.app.kit.cache.stats.misses - misses).toBe(1);
    expect(service.bus.count(`${QUEUES.locationSearch}/$deadletterqueue`)).toBe(1);

    // The AI service's call for the trip (dates in any order, must-visits and its own limit): no recomputation.
    const hits = service.app.kit.cache.stats.l1Hits;
    const res = await service.app.inject({
      method: 'POST',
      url: `${internalPrefix('location')}/candidates`,
      payload: { center: message.center, radiusKm: 60, categories: ['beach', 'nature'], dates: ['2026-09-25', '2026-09-26'], limit: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(service.app.kit.cache.stats.l1Hits - hits).toBe(1);
    expect(service.app.kit.cache.stats.misses - misses).toBe(1);
    const items = res.json<{ items: { id: string; category: string; opening: unknown[] }[] }>().items;
    expect(items).toHaveLength(3);
    expect(items.every((i) => ['nature', 'beach'].includes(i.category) && i.opening.length === 2)).toBe(true);
  } finally {
    await broker.close();
  }
});

it('takes a message of a newer trip service: a field it does not know is ignored, a category it does not know is one no place here has (as on the candidates route), never a dead letter', async () => {
  const broker = await createServiceBusBroker({ connectionString: service.bus.connectionString });
  try {
    const base: LocationSearchMessage = { tripId: 'trip-2', center: { lat: 37.57, lng: 126.98 }, radiusKm: 10, categories: ['museum'], dates: ['2026-09-25'] };
    const before = { processed: await consumed('processed'), deadLettered: await consumed('deadLettered') };
    await broker.publish(QUEUES.locationSearch, [{ messageId: 'trip-2-newer-field', body: { ...base, budget: 'low', center: { ...base.center, accuracyM: 20 } } }]);
    await broker.publish(QUEUES.locationSearch, [{ messageId: 'trip-2-newer-category', body: { ...base, categories: ['museum', 'hot-spring'] } }]);
    await waitFor(async () => (await consumed('processed')) === before.processed + 2, 'both deliveries', 30_000, 100);
    expect(await consumed('deadLettered')).toBe(before.deadLettered);
    // Warmed with what this version answers the AI service for that area: a cache hit, no computation.
    const misses = service.app.kit.cache.stats.misses;
    const res = await service.app.inject({ method: 'POST', url: `${internalPrefix('location')}/candidates`, payload: { center: base.center, radiusKm: 10, categories: ['hot-spring', 'museum'], dates: base.dates, limit: 5 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(service.app.kit.cache.stats.misses).toBe(misses);
  } finally {
    await broker.close();
  }
});
