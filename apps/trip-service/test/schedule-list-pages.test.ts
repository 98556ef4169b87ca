/**
 * GET /api/v1/trips/{id}/schedules a page at a time (docs/api.md), against the real trip service:
 * every schedule is reached, once, newest first, while schedules are requested between two reads; a
 * cursor is the traveller's and the trip's own, and any other text is a 400. Before, the list
 * answered the newest 100 and nothing led further: a trip re-planned 250 times could not show its
 * 150 oldest schedules.
 */
import { SCHEDULE_LIST_PAGE } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { scheduleListCursor, tripListCursor } from '../src/domain/list-cursor.ts';
import { call, tripBody } from './harness.ts';
import { expectRefused, fuzzCursors, listStack, readAll, refusedQueries, withCursor, type Page } from './list-pages.ts';

const ctx = listStack();

interface Traveller {
  authorization: string;
  userId: string;
}

/** A trip of the traveller, made through the API. */
const newTrip = async ({ authorization }: Traveller): Promise<string> => {
  const res = await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } });
  expect(res.status).toBe(201);
  return res.json.id as string;
};

/**
 * `n` finished schedules of the trip stored at once (the API's 10 a minute would take half an hour),
 * older than any requested through the API here, three to a millisecond: schedules created in the
 * same instant are ordered by id.
 */
const storeSchedules = async (tripId: string, n: number) => {
  await ctx.db.query(
    `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, error, created_at, updated_at, finished_at)
     SELECT gen_random_uuid(), t.id, t.user_id, CASE WHEN s % 4 = 0 THEN 'failed' ELSE 'completed' END::"ScheduleStatus", '{}', md5(s::text), '{}', now(),
            CASE WHEN s % 4 = 0 THEN 'no place fits' END,
            date_trunc('milliseconds', now()) - interval '1 day' - (s / 3) * interval '1 millisecond', now(), now()
       FROM trips t, generate_series(1, $2::int) AS s
      WHERE t.id = $1::uuid`,
    [tripId, n],
  );
};

/** The trip's schedule ids as the list must give them: newest first, then by id. */
const stored = async (tripId: string): Promise<string[]> =>
  (await ctx.db.query<{ id: string }>('SELECT id FROM schedules WHERE trip_id = $1 ORDER BY created_at DESC, id DESC', [tripId])).rows.map((r) => r.id);

const page = async ({ authorization }: Traveller, tripId: string, query = ''): Promise<Page> => {
  const res = await call(ctx.base, 'GET', `/api/v1/trips/${tripId}/schedules${query}`, { headers: { authorization } });
  expect(res.status, `${query}: ${JSON.stringify(res.json)}`).toBe(200);
  return res.json as Page;
};

describe("a trip's schedules, a page at a time", () => {
  it('reaches each of 250 schedules exactly once, newest first, by default pages, the largest and small ones; no limit reads the newest 100 as before', async () => {
    const me = await ctx.stack.traveller();
    const tripId = await newTrip(me);
    await storeSchedules(tripId, 250);
    const expected = await stored(tripId);
    expect(new Set(expected).size).toBe(250);
    expect((await page(me, tripId)).items.map((s) => s.id)).toEqual(expected.slice(0, 100));
    for (const limit of [undefined, SCHEDULE_LIST_PAGE.maxLimit, 7, 33]) {
      expect(await readAll((q) => page(me, tripId, q), 250, SCHEDULE_LIST_PAGE.defaultLimit, limit), `limit ${limit}`).toEqual(expected);
    }
  });

  it('answers the page after the cursor whatever was requested since, a schedule of the same millisecond as the cursor included', async () => {
    const me = await ctx.stack.traveller();
    const tripId = await newTrip(me);
    await storeSchedules(tripId, 90);
    const before = await stored(tripId);
    const first = await page(me, tripId, '?limit=30');
    expect(first.items.map((s) => s.id)).toEqual(before.slice(0, 30));
    // Between the two reads: a schedule requested (the newest of all), and one stored in the cursor's
    // own millisecond that sorts before it (a larger id): both belong to the first page, not the next.
    const requested = await call(ctx.base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers: { authorization: me.authorization } });
    expect(requested.status).toBe(202);
    await ctx.db.query(
      `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
       SELECT 'ffffffff-ffff-4fff-bfff-ffffffffffff', trip_id, user_id, 'completed', '{}', 'tie', '{}', now(), created_at, now(), now() FROM schedules WHERE id = $1`,
      [before[29]],
    );
    const second = await page(me, tripId, withCursor(first.nextCursor!, 30));
    expect(second.items.map((s) => s.id)).toEqual(before.slice(30, 60));
    const third = await page(me, tripId, withCursor(second.nextCursor!, 30));
    expect(third.items.map((s) => s.id)).toEqual(before.slice(60, 90));
    expect(third.nextCursor).toBeNull();
    // Both are on a first page read now.
    expect((await page(me, tripId, '?limit=1')).items[0]!.id).toBe(requested.json.id);
    expect((await stored(tripId)).slice(0, 31)).toEqual((await page(me, tripId, '?limit=31')).items.map((s) => s.id));
  });

  it('says there is no next page when the last page is exactly full, and answers a trip without schedules', async () => {
    const me = await ctx.stack.traveller();
    const tripId = await newTrip(me);
    expect(await page(me, tripId)).toEqual({ items: [], nextCursor: null });
    await storeSchedules(tripId, 6);
    const full = await page(me, tripId, '?limit=6');
    expect(full.items).toHaveLength(6);
    expect(full.nextCursor).toBeNull();
    const three = await page(me, tripId, '?limit=3');
    expect((await page(me, tripId, withCursor(three.nextCursor!, 3))).nextCursor).toBeNull();
  });

  it('refuses a bad limit or a cursor it did not give, 400 problem+json naming the parameter', async () => {
    const me = await ctx.stack.traveller();
    const tripId = await newTrip(me);
    await storeSchedules(tripId, 3);
    const good = (await page(me, tripId, '?limit=1')).nextCursor!;
    await expectRefused(ctx.base, `/api/v1/trips/${tripId}/schedules`, me.authorization, refusedQueries(good, SCHEDULE_LIST_PAGE.maxLimit));
  });

  it("refuses a cursor of another trip's schedules, another traveller's or the trip list's; another traveller's trip stays a 404", async () => {
    const me = await ctx.stack.traveller();
    const other = await ctx.stack.traveller();
    const [mine, myOther, theirs] = [await newTrip(me), await newTrip(me), await newTrip(other)];
    for (const tripId of [mine, myOther, theirs]) await storeSchedules(tripId, 5);
    const cursorOf = async (who: Traveller, tripId: string) => (await page(who, tripId, '?limit=2')).nextCursor!;
    const [position] = (await ctx.db.query<{ created_at: Date; id: string }>('SELECT created_at, id FROM schedules WHERE trip_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [mine])).rows;
    const foreign = [
      await cursorOf(me, myOther),
      await cursorOf(other, theirs),
      tripListCursor.encode([me.userId], { createdAt: position!.created_at, id: position!.id }),
      scheduleListCursor.encode([other.userId, mine], { createdAt: position!.created_at, id: position!.id }),
    ];
    for (const cursor of foreign) {
      const refused = await call(ctx.base, 'GET', `/api/v1/trips/${mine}/schedules${withCursor(cursor)}`, { headers: { authorization: me.authorization } });
      expect(refused.status).toBe(400);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.json.errors.map((e: { path: string }) => e.path)).toContain('querystring/cursor');
      expect(refused.json.detail).toMatch(/another trip's schedules or another traveller's/);
    }
    // The owner's own cursor on their trip, sent by another traveller: the trip is not theirs, 404 as on every route.
    const notTheirs = await call(ctx.base, 'GET', `/api/v1/trips/${mine}/schedules${withCursor(await cursorOf(me, mine))}`, { headers: { authorization: other.authorization } });
    expect(notTheirs.status).toBe(404);
  });

  it("answers 500 generated cursors and limits (garbled, re-spelt, mutated real ones) with 200 or 400, and a 200 with the trip's schedules only", async () => {
    const me = await ctx.stack.traveller();
    const [tripId, otherTrip] = [await newTrip(me), await newTrip(me)];
    await storeSchedules(tripId, 8);
    await storeSchedules(otherTrip, 8);
    const mine = new Set(await stored(tripId));
    const real = [(await page(me, tripId, '?limit=3')).nextCursor!, (await page(me, otherTrip, '?limit=3')).nextCursor!];
    const statuses = await fuzzCursors(real, mine, async (query) => {
      const res = await ctx.stack.trip.app!.inject({ method: 'GET', url: `/api/v1/trips/${tripId}/schedules?${query}`, headers: { authorization: me.authorization } });
      return { status: res.statusCode, type: String(res.headers['content-type']), page: () => res.json<Page>() };
    });
    console.log('schedule list cursor fuzz status histogram', statuses);
  });
});
