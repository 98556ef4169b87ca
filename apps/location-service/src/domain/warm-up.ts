/**
 * location-search-queue: the trip service announces a destination (centre, radius, interests,
 * dates) when a trip is created or moved; the location service computes that area's candidates
 * with their real opening on the trip's dates, which fills its cache before the AI service asks
 * (`POST /internal/v1/location/candidates` with the same centre, radius, categories and dates).
 * The kit's idempotent consumer records the message id, so a redelivery does nothing; a body
 * that is not a LocationSearchMessage is dead-lettered at once. A tolerant reader (catalog
 * queues.ts, message rules): fields it does not know are ignored, and a category it does not know
 * (a newer release's) is a filter no place here matches, as on the candidates route: the area is
 * warmed with exactly what this version will answer the AI service.
 */
import { CONSUMER_CONCURRENCY, QUEUES, type LocationSearchMessage } from '@tripgen/catalog';
import { PermanentMessageError, consumeIdempotently, type ConsumeEvent, type MessageBroker, type MessagingLogger, type Subscription, type TransactionalSql } from '@tripgen/service-kit/messaging';
import { isCalendarDate } from './opening-hours.ts';
import type { PlaceRepository } from './places.ts';
import { CATEGORY_NAME_PATTERN, LIMITS } from './schemas.ts';

const invalid = (why: string) => new PermanentMessageError('InvalidBody', why);
const CATEGORY_NAME = new RegExp(CATEGORY_NAME_PATTERN);

export const parseLocationSearch = (body: unknown): LocationSearchMessage => {
  const b = body as Partial<LocationSearchMessage> | null;
  if (!b || typeof b !== 'object') throw invalid('the body is not an object');
  if (typeof b.tripId !== 'string' || !b.tripId || b.tripId.length > 100) throw invalid('tripId must be a short string');
  const { lat, lng } = (b.center ?? {}) as { lat?: unknown; lng?: unknown };
  if (typeof lat !== 'number' || typeof lng !== 'number' || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) throw invalid('center must be {lat, lng} in range');
  if (typeof b.radiusKm !== 'number' || !(b.radiusKm > 0 && b.radiusKm <= LIMITS.maxRadiusKm)) throw invalid(`radiusKm must be in (0, ${LIMITS.maxRadiusKm}]`);
  const categories = b.categories ?? [];
  if (!Array.isArray(categories) || categories.length > LIMITS.categories || categories.some((c) => typeof c !== 'string' || !CATEGORY_NAME.test(c))) throw invalid('categories must be place category names');
  const dates = b.dates ?? [];
  if (!Array.isArray(dates) || dates.length > LIMITS.maxDays || dates.some((d) => typeof d !== 'string' || !isCalendarDate(d))) {
    throw invalid(`dates must be at most ${LIMITS.maxDays} YYYY-MM-DD dates`);
  }
  return { tripId: b.tripId, center: { lat, lng }, radiusKm: b.radiusKm, categories: categories as string[], dates };
};

export const consumeLocationSearches = (
  broker: MessageBroker,
  db: TransactionalSql,
  places: PlaceRepository,
  logger: MessagingLogger,
  onOutcome?: (event: ConsumeEvent) => void,
): Promise<Subscription> =>
  consumeIdempotently(
    broker,
    db,
    QUEUES.locationSearch,
    async (message) => {
      const m = parseLocationSearch(message.body);
      await places.candidates({ center: m.center, radiusKm: m.radiusKm, categories: m.categories, dates: m.dates, limit: LIMITS.candidates });
    },
    { consumer: 'location-service.warm-up', logger, concurrency: CONSUMER_CONCURRENCY[QUEUES.locationSearch], onOutcome },
  );
