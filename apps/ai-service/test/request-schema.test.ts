import { TRIP_LIMITS, TRIP_LIMITS_READER_FACTOR } from '@tripgen/catalog';
import { isPermanentMessageError } from '@tripgen/service-kit/messaging';
import { describe, expect, it } from 'vitest';
import { parseScheduleRequest, salvageIds } from '../src/domain/request-schema.ts';
import { request } from './fixtures/places.ts';

describe('schedule request messages', () => {
  it('accept what the trip service sends', () => {
    const m = request({ mustVisit: ['a'] }, { replan: { baseScheduleId: '44444444-4444-4444-8444-444444444444', date: '2026-09-25', locked: ['a'] } });
    expect(parseScheduleRequest(JSON.parse(JSON.stringify(m)))).toEqual(m);
  });

  it('refuse anything else as a permanent (poison) error, naming what is wrong', () => {
    const good = request();
    const bad: [unknown, RegExp][] = [
      [null, /not a schedule request/],
      ['text', /not a schedule request/],
      [{ ...good, scheduleId: 'x' }, /scheduleId/],
      [{ ...good, trip: { ...good.trip, dates: [] } }, /dates/],
      [{ ...good, trip: { ...good.trip, dayStart: '19:00', dayEnd: '09:00' } }, /dayStart must be before dayEnd/],
      [{ ...good, trip: { ...good.trip, dates: ['2026-09-24', '2026-09-26'] } }, /consecutive/],
      [{ ...good, trip: { ...good.trip, travelMode: 42 } }, /travelMode/],
      [{ ...good, trip: { ...good.trip, pace: '' } }, /pace/],
      [{ ...good, replan: { baseScheduleId: good.scheduleId, date: '2027-01-01', locked: [] } }, /not a day of the trip/],
      // RFC 3339 allows a leap second, which Date cannot read: the deadline would never apply, and
      // the time since the request (metrics, the schedule's request record) would be NaN.
      [{ ...good, requestedAt: '2026-12-31T23:59:60Z' }, /requestedAt/],
      [{ ...good, notAfter: '2026-12-31T23:59:60Z' }, /notAfter/],
      // Poison whatever its travel mode: no newer release can plan it either, so it is not handed back.
      [{ ...good, trip: { ...good.trip, travelMode: 'bicycle', dayStart: '19:00', dayEnd: '09:00' } }, /dayStart must be before dayEnd/],
    ];
    for (const [body, message] of bad) {
      let error: unknown;
      try {
        parseScheduleRequest(body);
      } catch (err) {
        error = err;
      }
      expect(isPermanentMessageError(error), JSON.stringify(body)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('accept up to TRIP_LIMITS_READER_FACTOR times the trip limits (what a release that raises one sends while this one still reads), and refuse more as poison', () => {
    const f = TRIP_LIMITS_READER_FACTOR;
    const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10));
    const words = (n: number, length: number) => Array.from({ length: n }, (_, i) => `${i}`.padStart(length, 'x'));
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `place-${i}`);
    const widest = (extra = 0) => ({
      dates: days(TRIP_LIMITS.days * f + extra),
      interests: words(TRIP_LIMITS.interests * f + extra, TRIP_LIMITS.interestLength * f + extra),
      mustVisit: ids(TRIP_LIMITS.mustVisits * f + extra),
    });
    const m = request(widest(), { replan: { baseScheduleId: '44444444-4444-4444-8444-444444444444', date: '2026-09-02', locked: ids(TRIP_LIMITS.mustVisits * f) } });
    expect(parseScheduleRequest(JSON.parse(JSON.stringify(m)))).toEqual(m);
    const over = widest(1);
    for (const [field, value] of Object.entries(over)) {
      const body = request({ [field]: value });
      expect(() => parseScheduleRequest(body), field).toThrow(new RegExp(field));
    }
    const locked = request({}, { replan: { baseScheduleId: '44444444-4444-4444-8444-444444444444', date: '2026-09-24', locked: ids(TRIP_LIMITS.mustVisits * f + 1) } });
    expect(() => parseScheduleRequest(locked)).toThrow(/locked/);
  });

  it('accept a request with fields this version does not know (a newer trip service sends them), and ignore them', () => {
    const m = request();
    const newer = { ...m, priority: 'high', trip: { ...m.trip, budget: { currency: 'KRW', perDay: 100_000 } } };
    expect(parseScheduleRequest(JSON.parse(JSON.stringify(newer)))).toMatchObject(m);
  });

  it('take a travel mode or pace this version does not know for a newer release’s, not for poison: a newer consumer can plan it', () => {
    const good = request();
    for (const body of [{ ...good, trip: { ...good.trip, travelMode: 'bicycle' } }, { ...good, trip: { ...good.trip, pace: 'intense' } }]) {
      let error: unknown;
      try {
        parseScheduleRequest(body);
      } catch (err) {
        error = err;
      }
      expect(isPermanentMessageError(error), JSON.stringify(body.trip)).toBe(false);
      expect((error as Error).message).toMatch(/this version of the planner does not know (travelMode "bicycle"|pace "intense")/);
    }
  });

  it('salvage the ids of a broken request, so that its schedule can be failed instead of left queued', () => {
    const good = request();
    expect(salvageIds({ scheduleId: good.scheduleId, tripId: good.tripId, userId: good.userId, trip: 'garbage' })).toEqual({ scheduleId: good.scheduleId, tripId: good.tripId, userId: good.userId });
    expect(salvageIds({ scheduleId: 'nope' })).toBeUndefined();
    expect(salvageIds(42)).toBeUndefined();
  });
});
