/**
 * The trip events analytics reads (catalog TRIP_EVENT_TYPES, docs/events.md), recorded in the
 * transaction of the change they describe: the outbox sends them to Event Hubs at least once, with
 * the event id for deduplication. Without Event Hubs (dev) nothing is recorded.
 */
import { EVENT_STREAMS, TRIP_EVENT_SOURCE, type TripEventData, type TripEventType } from '@tripgen/catalog';
import { enqueueEvent, type SqlExecutor } from '@tripgen/service-kit/messaging';

const HUB = EVENT_STREAMS.find((e) => e.producer === 'trip')!.hub;

export interface TripEvents {
  /**
   * Records an event about a trip in `tx`. `id`: a stable id where the fact happens once (a
   * schedule's outcome), so that recording it twice is one event; default a new UUID.
   */
  record<T extends TripEventType>(tx: SqlExecutor, type: T, data: TripEventData[T], id?: string): Promise<void>;
}

export const tripEvents = (enabled: boolean): TripEvents => ({
  async record(tx, type, data, id) {
    if (!enabled) return;
    await enqueueEvent(tx, HUB, { source: TRIP_EVENT_SOURCE, type, subject: `trips/${data.tripId}`, data, ...(id ? { id } : {}) });
  },
});
