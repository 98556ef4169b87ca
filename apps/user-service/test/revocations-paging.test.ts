/**
 * The revocations route's pages (catalog RevocationsQuery `limit`/`after`, TOKEN_REVOCATIONS.feedPageSize)
 * at the design figure (100,000 accounts and 100,000 sessions revoked within a token's lifetime: the
 * user service's own, catalog TOKEN_REVOCATIONS): the whole record was one 14.7 MB answer, 2.07 s to send
 * alone, past the 2 s a verifier's pod started during a Redis outage waits for it. Paged, each answer is
 * a page, newest first, in one keyset order, none lost nor repeated, ties of one millisecond across a page's edge
 * included; a verifier of the release before (no `limit`) still gets the whole record at once.
 */
import { REVOCATIONS_PATH, TOKEN_REVOCATIONS, type RevocationsResponse } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

const DESIGN = 100_000;
let service: RunningUserService;
beforeAll(async () => {
  service = await startUserService();
  // Spread over the last 14 minutes, as sign-outs and other revocations come.
  await queryRows(service.db.url, `INSERT INTO token_revocations (user_id, revoked_at)
    SELECT gen_random_uuid(), date_trunc('milliseconds', now() - random() * interval '14 minutes') FROM generate_series(1, ${DESIGN})`);
  await queryRows(service.db.url, `INSERT INTO session_revocations (session_id, user_id, revoked_at)
    SELECT replace(gen_random_uuid()::text, '-', ''), gen_random_uuid(), date_trunc('milliseconds', now() - random() * interval '14 minutes') FROM generate_series(1, ${DESIGN})`);
}, 120_000);
afterAll(async () => service?.close());

const get = async (query: string): Promise<{ status: number; bytes: number; body: RevocationsResponse }> => {
  const res = await fetch(`${service.url}${REVOCATIONS_PATH}?${query}`);
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as RevocationsResponse };
};

/** Reads every page from `since`: the rows in order, the pages, bytes and the slowest page. */
const readPages = async (since: number, limit: number) => {
  const rows: string[] = [];
  const kinds: string[] = [];
  let after: string | undefined;
  let pages = 0;
  let bytes = 0;
  let slowestMs = 0;
  do {
    const started = performance.now();
    const { status, bytes: size, body } = await get(`since=${since}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    expect(status).toBe(200);
    expect(body.accounts.length + body.sessions.length).toBeLessThanOrEqual(limit);
    rows.push(...body.accounts.map((a) => `a ${a.userId}`), ...body.sessions.map((s) => `s ${s.sessionId}`));
    kinds.push(`${body.sessions.length}s${body.accounts.length}a`);
    pages += 1;
    bytes += size;
    after = body.next;
  } while (after);
  return { rows, kinds, pages, bytes, slowestMs };
};

it('pages the design figure in feedPageSize answers, each a fraction of the whole, every row once', { timeout: 120_000 }, async () => {
  const since = Date.now() - TOKEN_REVOCATIONS.lifetimeMs;
  let started = performance.now();
  const whole = await get(`since=${since}`);
  const wholeMs = performance.now() - started;
  // A verifier of the release before asks no `limit`: the whole record, as before.
  expect(whole.body.accounts.length + whole.body.sessions.length).toBe(2 * DESIGN);
  expect(whole.body.next).toBeUndefined();

  started = performance.now();
  const paged = await readPages(since, TOKEN_REVOCATIONS.feedPageSize);
  const pagedMs = performance.now() - started;
  console.log(
    `design figure (${DESIGN} accounts + ${DESIGN} sessions): unpaged ${(whole.bytes / 1e6).toFixed(1)} MB in ${wholeMs.toFixed(0)} ms; ` +
      `paged ${paged.pages} pages of ${TOKEN_REVOCATIONS.feedPageSize}, ${(paged.bytes / 1e6).toFixed(1)} MB in ${pagedMs.toFixed(0)} ms, slowest page ${paged.slowestMs.toFixed(0)} ms`,
  );
  expect(paged.rows.length).toBe(2 * DESIGN);
  expect(new Set(paged.rows).size).toBe(2 * DESIGN);
  expect(paged.pages).toBe(Math.ceil((2 * DESIGN) / TOKEN_REVOCATIONS.feedPageSize));
  // A page costs its share, not the record's (an OFFSET or a sort of the whole union per page would not).
  expect(paged.slowestMs).toBeLessThan(wholeMs / 4);
});

it('a page edge inside one millisecond loses and repeats no row (keyset on instant, kind, id, descending)', async () => {
  const at = Date.now() - 1_000;
  await queryRows(service.db.url, `INSERT INTO token_revocations (user_id, revoked_at) SELECT gen_random_uuid(), to_timestamp($1::float8 / 1000) FROM generate_series(1, 7)`, [at]);
  await queryRows(service.db.url, `INSERT INTO session_revocations (session_id, user_id, revoked_at) SELECT 'tie-' || g || '.x', gen_random_uuid(), to_timestamp($1::float8 / 1000) FROM generate_series(1, 7) g`, [at]);
  const { rows, kinds, pages } = await readPages(at - 1, 3);
  expect(pages).toBe(5);
  expect(rows.length).toBe(14);
  expect(new Set(rows).size).toBe(14);
  // At one instant sessions before accounts (kind descending).
  expect(kinds).toEqual(['3s0a', '3s0a', '1s2a', '0s3a', '0s2a']);
});

it('refuses a limit past feedPageSize and a cursor it did not give with a 400 problem', async () => {
  // A cursor's instant past a Date's range (8.64e15 ms) was an Invalid Date the query failed on: 500.
  const pastDates = ['limit=5&after=8640000000000001.a.x', 'limit=5&after=9999999999999999.s.x'];
  for (const query of [`limit=${TOKEN_REVOCATIONS.feedPageSize + 1}`, 'limit=0', 'limit=-1', 'limit=abc', 'limit=5&after=yesterday', 'limit=5&after=1.x.y', ...pastDates]) {
    const res = await fetch(`${service.url}${REVOCATIONS_PATH}?${query}`);
    expect([res.status, res.headers.get('content-type')], query).toEqual([400, expect.stringContaining('application/problem+json')]);
  }
});
