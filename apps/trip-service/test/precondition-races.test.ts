/**
 * A conditional PATCH or DELETE of a trip (If-Unmodified-Since) racing another change of it, made
 * deterministic: another transaction (another replica's PATCH) holds the trip's row lock after the
 * request's preconditions were evaluated, changes the trip and commits. RFC 9110 13.1.4: the field
 * exists "to prevent accidental overwrites when multiple user agents might be acting in parallel on
 * a resource"; the condition must hold for the trip as the write finds it, not as it was read before.
 */
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { expect, it } from 'vitest';
import { call, fileStack, tripBody, waitFor } from './harness.ts';

const ctx = fileStack({ ai: false });

/** A trip last modified a minute ago (so that a change now is in a later second, the HTTP-date's resolution), and that date. */
const oldTrip = async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  await queryRows(ctx.stack.trip.db.url, "UPDATE trips SET updated_at = updated_at - interval '1 minute' WHERE id = $1", [id]);
  const updatedAt = (await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers })).json.updatedAt as string;
  return { headers, id, since: new Date(updatedAt).toUTCString() };
};

/** Another transaction holding the trip's row lock, as the trip repository's update takes it. */
const lockTrip = async (id: string) => {
  const client = new pg.Client({ connectionString: ctx.stack.trip.db.url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM trips WHERE id = $1 FOR UPDATE', [id]);
  return client;
};

/** Until the request waits for the trip's row lock (it has passed its preconditions and every check). */
const lockWaited = () =>
  waitFor(async () => {
    const [row] = await queryRows<{ n: number }>(ctx.stack.trip.db.url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'");
    return row!.n > 0;
  }, 'the request waiting for the trip row lock');

it('refuses a PATCH with If-Unmodified-Since (412) when another change of the trip commits after its check and before its write, and keeps that change', async () => {
  const { headers, id, since } = await oldTrip();
  const other = await lockTrip(id);
  try {
    const patched = call(ctx.base, 'PATCH', `/api/v1/trips/${id}`, { body: { title: 'Mine' }, headers: { ...headers, 'if-unmodified-since': since } });
    await lockWaited();
    await other.query("UPDATE trips SET title = 'Theirs', updated_at = clock_timestamp() WHERE id = $1", [id]);
    await other.query('COMMIT');
    const res = await patched;
    expect(res.status).toBe(412);
    expect(res.type).toContain('application/problem+json');
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers })).json.title).toBe('Theirs');
  } finally {
    await other.end();
  }
});

it('refuses a DELETE with If-Unmodified-Since (412) when another change of the trip commits after its check and before its delete, and keeps the trip', async () => {
  const { headers, id, since } = await oldTrip();
  const other = await lockTrip(id);
  try {
    const deleted = call(ctx.base, 'DELETE', `/api/v1/trips/${id}`, { headers: { ...headers, 'if-unmodified-since': since } });
    await lockWaited();
    await other.query("UPDATE trips SET title = 'Theirs', updated_at = clock_timestamp() WHERE id = $1", [id]);
    await other.query('COMMIT');
    const res = await deleted;
    expect(res.status).toBe(412);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers })).json.title).toBe('Theirs');
  } finally {
    await other.end();
  }
});

it('lets exactly one of two PATCHes with the same If-Unmodified-Since win (200), the other 412, and is still carried out when nothing came between', async () => {
  for (let i = 0; i < 5; i++) {
    const { headers, id, since } = await oldTrip();
    const answers = await Promise.all(['A', 'B'].map((title) => call(ctx.base, 'PATCH', `/api/v1/trips/${id}`, { body: { title }, headers: { ...headers, 'if-unmodified-since': since } })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers })).json.title).toBe(answers.find((r) => r.status === 200)!.json.title);
  }
  const { headers, id, since } = await oldTrip();
  expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${id}`, { headers: { ...headers, 'if-unmodified-since': since } })).status).toBe(204);
});

it('refuses the lost update If-Unmodified-Since cannot see: a PATCH with If-Match of the ETag it read, after another change in the same second, is 412 (RFC 9110 13.1.1), and of two PATCHes with the same tag exactly one wins', async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  const url = `/api/v1/trips/${id}`;
  // A reads the trip; B changes it at once (the same second, most times: an HTTP-date cannot tell them apart).
  const read = await call(ctx.base, 'GET', url, { headers });
  const tag = read.headers.get('etag');
  expect(tag).toMatch(/^"[0-9a-z]+"$/);
  expect((await call(ctx.base, 'PATCH', url, { body: { title: 'Theirs' }, headers })).status).toBe(200);
  const mine = await call(ctx.base, 'PATCH', url, { body: { title: 'Mine' }, headers: { ...headers, 'if-match': tag! } });
  expect(mine.status).toBe(412);
  expect((await call(ctx.base, 'GET', url, { headers })).json.title).toBe('Theirs');
  // Two at once with the tag each read: checked again under the row lock, one 200, the other 412.
  for (let i = 0; i < 5; i++) {
    const now = (await call(ctx.base, 'GET', url, { headers })).headers.get('etag')!;
    const answers = await Promise.all(['A', 'B'].map((title) => call(ctx.base, 'PATCH', url, { body: { title }, headers: { ...headers, 'if-match': now } })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await call(ctx.base, 'GET', url, { headers })).json.title).toBe(answers.find((r) => r.status === 200)!.json.title);
  }
});

it('refuses a PATCH with If-Match (412) when another change commits after its check and before its write, even within the same millisecond of updatedAt', async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  const tag = (await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers })).headers.get('etag')!;
  const other = await lockTrip(id);
  try {
    const patched = call(ctx.base, 'PATCH', `/api/v1/trips/${id}`, { body: { title: 'Mine' }, headers: { ...headers, 'if-match': tag } });
    await lockWaited();
    // A change 1 ms later than the tag's: the tag is of updatedAt to the millisecond (its stored
    // precision), so it no longer matches under the lock, where If-Unmodified-Since's second would.
    await other.query("UPDATE trips SET title = 'Theirs', updated_at = updated_at + interval '1 millisecond' WHERE id = $1", [id]);
    await other.query('COMMIT');
    expect((await patched).status).toBe(412);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers })).json.title).toBe('Theirs');
  } finally {
    await other.end();
  }
});

it('moves updatedAt, and so the ETag, forward on every change, also after a change stamped by a clock ahead of this one (another replica\'s)', async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  await queryRows(ctx.stack.trip.db.url, "UPDATE trips SET updated_at = updated_at + interval '1 hour' WHERE id = $1", [id]);
  const read = await call(ctx.base, 'GET', `/api/v1/trips/${id}`, { headers });
  const changed = await call(ctx.base, 'PATCH', `/api/v1/trips/${id}`, { body: { title: 'Later' }, headers: { ...headers, 'if-match': read.headers.get('etag')! } });
  // Without it: stamped with this clock, an hour back, which If-Unmodified-Since and If-Modified-Since would read as older.
  expect(changed.status).toBe(200);
  expect(new Date(changed.json.updatedAt as string).getTime()).toBe(new Date(read.json.updatedAt as string).getTime() + 1);
  expect(changed.headers.get('etag')).not.toBe(read.headers.get('etag'));
});
