/**
 * GET /api/v1/trips a page at a time (docs/api.md), against the real trip service: every trip is
 * reached, once, newest first, while trips come and go between two reads; a cursor is the caller's
 * own and any other text is a 400. Before, the list answered the newest 200 and nothing led further:
 * a traveller with 250 trips could not reach the 50 oldest.
 */
import { TRIP_LIST_PAGE } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { tripListCursor } from '../src/domain/list-cursor.ts';
import { call, tripBody } from './harness.ts';
import { expectRefused, fuzzCursors, listStack, readAll, refusedQueries, withCursor, type Page } from './list-pages.ts';

const ctx = listStack();

/**
 * `n` trips of the traveller stored at once (the API's rate limit would take minutes), older than
 * any made through the API here, three to a millisecond: trips created in the same instant are ordered by id.
 */
const storeTrips = async (userId: string, n: number) => {
  await ctx.db.query(
    `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid, 'Trip ' || s, 'Seoul', 37.56, 126.97, '2026-10-01', '2026-10-03', '09:00', '19:00', '{}', '{}',
            date_trunc('milliseconds', now()) - interval '1 day' - (s / 3) * interval '1 millisecond', now()
     FROM generate_series(1, $2::int) AS s`,
    [userId, n],
  );
};

/** The traveller's trip ids as the list must give them: newest first, then by id. */
const stored = async (userId: string): Promise<string[]> =>
  (await ctx.db.query<{ id: string }>('SELECT id FROM trips WHERE user_id = $1 ORDER BY created_at DESC, id DESC', [userId])).rows.map((r) => r.id);

const page = async (authorization: string, query = ''): Promise<Page> => {
  const res = await call(ctx.base, 'GET', `/api/v1/trips${query}`, { headers: { authorization } });
  expect(res.status, `${query}: ${JSON.stringify(res.json)}`).toBe(200);
  return res.json as Page;
};

describe('the trip list, a page at a time', () => {
  it('reaches each of 250 trips exactly once, newest first, by default pages and by the largest', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    await storeTrips(userId, 250);
    const expected = await stored(userId);
    expect(new Set(expected).size).toBe(250);
    for (const limit of [undefined, TRIP_LIST_PAGE.maxLimit, 7]) {
      expect(await readAll((q) => page(authorization, q), 250, TRIP_LIST_PAGE.defaultLimit, limit), `limit ${limit}`).toEqual(expected);
    }
  });

  it('answers the page after the cursor whatever was created or deleted since, the cursor\'s own trip included', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    await storeTrips(userId, 120);
    const before = await stored(userId);
    const first = await page(authorization, '?limit=40');
    expect(first.items.map((t) => t.id)).toEqual(before.slice(0, 40));
    // Between the two reads: a new trip (the newest of all), the first page's trips deleted, its
    // last one (the cursor's position) among them, and one of the third page.
    const created = await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } });
    expect(created.status).toBe(201);
    for (const id of [before[0]!, before[39]!, before[100]!]) expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${id}`, { headers: { authorization } })).status).toBe(204);
    const second = await page(authorization, withCursor(first.nextCursor!, 40));
    expect(second.items.map((t) => t.id)).toEqual(before.slice(40, 80));
    const third = await page(authorization, withCursor(second.nextCursor!, 40));
    expect(third.items.map((t) => t.id)).toEqual(before.slice(80, 120).filter((id) => id !== before[100]));
    expect(third.nextCursor).toBeNull();
    // The new trip is on a first page read now.
    expect((await page(authorization, '?limit=1')).items[0]!.id).toBe(created.json.id);
  });

  it('says there is no next page when the last page is exactly full, and answers an empty list', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    expect(await page(authorization)).toEqual({ items: [], nextCursor: null });
    await storeTrips(userId, 6);
    const full = await page(authorization, '?limit=6');
    expect(full.items).toHaveLength(6);
    expect(full.nextCursor).toBeNull();
    const three = await page(authorization, '?limit=3');
    expect((await page(authorization, withCursor(three.nextCursor!, 3))).nextCursor).toBeNull();
  });

  it('refuses a bad limit or a cursor it did not give, 400 problem+json naming the parameter', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    await storeTrips(userId, 3);
    const good = (await page(authorization, '?limit=1')).nextCursor!;
    await expectRefused(ctx.base, '/api/v1/trips', authorization, refusedQueries(good, TRIP_LIST_PAGE.maxLimit));
  });

  it("refuses another traveller's cursor and, whatever a cursor says, shows only the caller's trips", async () => {
    const owner = await ctx.stack.traveller();
    const other = await ctx.stack.traveller();
    await storeTrips(owner.userId, 5);
    await storeTrips(other.userId, 5);
    const ownerTrips = await stored(owner.userId);
    const otherTrips = new Set(await stored(other.userId));
    const ownersCursor = (await page(owner.authorization, '?limit=2')).nextCursor!;
    const refused = await call(ctx.base, 'GET', `/api/v1/trips${withCursor(ownersCursor)}`, { headers: { authorization: other.authorization } });
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toMatch(/another traveller's/);
    for (const id of ownerTrips) expect(JSON.stringify(refused.json)).not.toContain(id);
    // A cursor forged for the other traveller at the owner's position: the other's own trips, none of the owner's.
    const [createdAt] = (await ctx.db.query<{ created_at: Date }>('SELECT created_at FROM trips WHERE id = $1', [ownerTrips[1]])).rows.map((r) => r.created_at);
    const forged = tripListCursor.encode([other.userId], { createdAt: new Date(createdAt!.getTime() + 86_400_000), id: ownerTrips[1]! });
    const shown = await page(other.authorization, withCursor(forged));
    expect(shown.items.map((t) => t.id).every((id) => otherTrips.has(id))).toBe(true);
    expect(shown.items).toHaveLength(5);
  });

  it('answers 500 generated cursors and limits (garbled, re-spelt, mutated real ones) with 200 or 400, and a 200 with the caller\'s trips only', async () => {
    const me = await ctx.stack.traveller();
    const other = await ctx.stack.traveller();
    await storeTrips(me.userId, 8);
    await storeTrips(other.userId, 8);
    const mine = new Set(await stored(me.userId));
    const real = [(await page(me.authorization, '?limit=3')).nextCursor!, (await page(other.authorization, '?limit=3')).nextCursor!];
    const statuses = await fuzzCursors(real, mine, async (query) => {
      const res = await ctx.stack.trip.app!.inject({ method: 'GET', url: `/api/v1/trips?${query}`, headers: { authorization: me.authorization } });
      return { status: res.statusCode, type: String(res.headers['content-type']), page: () => res.json<Page>() };
    });
    console.log('trip list cursor fuzz status histogram', statuses);
  });
});
