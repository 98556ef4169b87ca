/** Request and response schemas of the trip routes (they type the handlers and the OpenAPI document). */
import { InterestList, VISIBLE_TEXT } from '@tripgen/service-kit';
import { Type, type Static, type TSchema } from 'typebox';
import { DAY_CLOCK, PLACE_ID, PLANNABLE_DATE, SCHEDULE_LIST_PAGE, TRAVEL_MODES, TRIP_LIMITS, TRIP_LIST_PAGE } from '@tripgen/catalog';
import { CURSOR_MAX_LENGTH, CURSOR_PATTERN } from './list-cursor.ts';

// No pattern against NUL or lone surrogates (PostgreSQL cannot store them): the kit's validation refuses them in every string.
// A title or destination needs one visible character (VISIBLE_TEXT).

// A date the location service can evaluate the opening of (the catalog's range), else no schedule could be made.
export const IsoDate = Type.String({ pattern: PLANNABLE_DATE.pattern, description: `YYYY-MM-DD, ${PLANNABLE_DATE.first}..${PLANNABLE_DATE.last}` });
export const Clock = Type.String({ pattern: DAY_CLOCK.pattern, description: 'HH:MM' });
const LocationId = Type.String({ ...PLACE_ID, description: 'A place id of the location service' });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
export const TravelMode = Type.Enum(TRAVEL_MODES);

export const MAX_TRIP_DAYS = TRIP_LIMITS.days;
export const MAX_MUST_VISITS = TRIP_LIMITS.mustVisits;

const Destination = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT }), lat: Lat, lng: Lng }, { additionalProperties: false });
// A name of null is no name, as a trip answers it: a client can send back the lodging it read.
const Lodging = Type.Object({ name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])), lat: Lat, lng: Lng }, { additionalProperties: false });
// Unique as the catalog's interestKey reads them (the routes refuse near-duplicates, trip-rules.ts), each with a character that shows.
const Interests = InterestList({ unique: true });
const MustVisit = Type.Array(LocationId, { maxItems: MAX_MUST_VISITS, uniqueItems: true });
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: VISIBLE_TEXT });

export const CreateTripBody = Type.Object(
  {
    title: Title,
    destination: Destination,
    startDate: IsoDate,
    endDate: IsoDate,
    dayStart: Clock,
    dayEnd: Clock,
    interests: Type.Optional(Interests),
    mustVisit: Type.Optional(MustVisit),
    travelMode: Type.Optional(TravelMode),
    lodging: Type.Optional(Lodging),
  },
  { additionalProperties: false },
);
export type CreateTripBody = Static<typeof CreateTripBody>;

export const PatchTripBody = Type.Object(
  {
    title: Type.Optional(Title),
    destination: Type.Optional(Destination),
    startDate: Type.Optional(IsoDate),
    endDate: Type.Optional(IsoDate),
    dayStart: Type.Optional(Clock),
    dayEnd: Type.Optional(Clock),
    interests: Type.Optional(Interests),
    mustVisit: Type.Optional(MustVisit),
    travelMode: Type.Optional(Type.Union([TravelMode, Type.Null()])),
    lodging: Type.Optional(Type.Union([Lodging, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchTripBody = Static<typeof PatchTripBody>;

export const Trip = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  destination: Type.Object({ name: Type.String(), lat: Type.Number(), lng: Type.Number() }),
  startDate: Type.String(),
  endDate: Type.String(),
  dayStart: Type.String(),
  dayEnd: Type.String(),
  interests: Type.Array(Type.String()),
  mustVisit: Type.Array(Type.String()),
  travelMode: Type.Union([TravelMode, Type.Null()]),
  lodging: Type.Union([Type.Object({ name: Type.Union([Type.String(), Type.Null()]), lat: Type.Number(), lng: Type.Number() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Trip = Static<typeof Trip>;

/** The query of a list read in pages (list-cursor.ts): `what` names its items, `page` is its catalog entry. */
const pageQuery = (what: string, page: { readonly defaultLimit: number; readonly maxLimit: number }) =>
  Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: page.maxLimit, description: `${what} on the page (default ${page.defaultLimit}).` })),
      cursor: Type.Optional(Type.String({ minLength: 1, maxLength: CURSOR_MAX_LENGTH, pattern: CURSOR_PATTERN, description: 'The previous page\'s nextCursor, as it came; without it, the first page.' })),
    },
    { additionalProperties: false },
  );
const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'The cursor of the next page; null: this is the last.' }),
  });

export const TripListQuery = pageQuery('Trips', TRIP_LIST_PAGE);
export const TripPage = pageOf(Trip);

export const TripParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ScheduleParams = Type.Object({ id: Type.String({ format: 'uuid' }), scheduleId: Type.String({ format: 'uuid' }) });

/** The longest a read of an unfinished schedule may wait for its outcome, seconds (well inside proxies' 10 s). */
export const MAX_SCHEDULE_WAIT_S = 5;
export const ScheduleQuery = Type.Object(
  { wait: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SCHEDULE_WAIT_S, description: 'Seconds to wait for a queued or running schedule to end before answering (long poll); 0 answers at once.' })) },
  { additionalProperties: false },
);

export const ScheduleRequestBody = Type.Object(
  { replanDate: Type.Optional(IsoDate), locked: Type.Optional(Type.Array(LocationId, { maxItems: MAX_MUST_VISITS, uniqueItems: true })) },
  { additionalProperties: false },
);
export type ScheduleRequestBody = Static<typeof ScheduleRequestBody>;

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' })) });

const Status = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]);
export const ScheduleAccepted = Type.Object({ id: Type.String({ format: 'uuid' }), status: Status });

const Stop = Type.Object({ locationId: Type.String(), name: Type.String(), arrive: Type.String(), start: Type.String(), end: Type.String(), travelMinutes: Type.Integer() });
const Meal = Type.Object({ name: Type.String(), start: Type.String(), end: Type.String(), afterLocationId: Type.Union([Type.String(), Type.Null()]) });
const Day = Type.Object({ date: Type.String(), stops: Type.Array(Stop), meals: Type.Array(Meal), returnTravelMinutes: Type.Integer(), finish: Type.String() });
const Suggestion = Type.Object({ change: Type.String(), detail: Type.String() });
const Miss = Type.Object({
  locationId: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  mustVisit: Type.Boolean(),
  locked: Type.Boolean(),
  reason: Type.String(),
  detail: Type.String(),
  suggestions: Type.Array(Suggestion),
});

export const Schedule = Type.Object({
  id: Type.String({ format: 'uuid' }),
  tripId: Type.String({ format: 'uuid' }),
  status: Status,
  replanDate: Type.Union([Type.String(), Type.Null()]),
  locked: Type.Array(Type.String()),
  days: Type.Array(Day),
  unscheduled: Type.Array(Type.String()),
  reasons: Type.Array(Miss),
  unscheduledMeals: Type.Array(Type.Object({ date: Type.String(), name: Type.String(), detail: Type.String() })),
  travelMode: Type.Union([TravelMode, Type.Null()]),
  pace: Type.Union([Type.String(), Type.Null()]),
  travel: Type.Union([Type.Object({ source: Type.String(), fallback: Type.Boolean() }), Type.Null()]),
  error: Type.Optional(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const ScheduleSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Status,
  replanDate: Type.Union([Type.String(), Type.Null()]),
  error: Type.Optional(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const ScheduleListQuery = pageQuery('Schedules', SCHEDULE_LIST_PAGE);
export const SchedulePage = pageOf(ScheduleSummary);
