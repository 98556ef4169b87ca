/**
 * What the tests of the lists read in pages (list-cursor.ts: the trip list, a trip's schedules)
 * share: reading every page, the queries each list must refuse, and the fuzzing of its cursor and limit.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { call, fileStack } from './harness.ts';

/**
 * The stack of a test file (no AI service), with a client of the trip database to store rows in
 * bulk; filled in beforeAll. The per-user rate limit (tested elsewhere) is lifted: it would answer
 * most of the generated requests with 429.
 */
export const listStack = () => {
  const ctx = fileStack({ ai: false, tripEnv: { RATE_LIMIT_MAX: '100000' } }) as ReturnType<typeof fileStack> & { db: pg.Client };
  beforeAll(async () => {
    ctx.db = new pg.Client({ connectionString: ctx.stack.trip.db.url });
    await ctx.db.connect();
  });
  // Registered after the stack's: run before its close (vitest runs afterAll hooks in reverse).
  afterAll(async () => ctx.db?.end());
  return ctx;
};

export interface Page {
  items: { id: string; createdAt: string }[];
  nextCursor: string | null;
}

export const withCursor = (cursor: string, limit?: number) => `?cursor=${encodeURIComponent(cursor)}${limit === undefined ? '' : `&limit=${limit}`}`;

/**
 * The ids of every page from the first on, `limit` at a time (none: the list's default), each page
 * checked full but the last; `read` answers the 200 of one query string.
 */
export const readAll = async (read: (query: string) => Promise<Page>, total: number, defaultLimit: number, limit?: number): Promise<string[]> => {
  const seen: string[] = [];
  let next = await read(limit === undefined ? '' : `?limit=${limit}`);
  for (;;) {
    expect(next.items.length, `limit ${limit}`).toBe(Math.min(limit ?? defaultLimit, total - seen.length));
    seen.push(...next.items.map((t) => t.id));
    if (next.nextCursor === null) return seen;
    next = await read(withCursor(next.nextCursor, limit));
  }
};

/** Query strings a list must refuse with a 400 naming the parameter (second): bad limits, and cursors it did not give, made from `good`, one it gave. */
export const refusedQueries = (good: string, maxLimit: number): [string, string][] => {
  const decoded = Buffer.from(good, 'base64url').toString('utf8');
  const spelt = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const [version, ms, id, tag] = decoded.split('.') as [string, string, string, string];
  return [
    // A number written otherwise than JSON writes an integer (hex, spaces, a sign +, a leading zero, an exponent, a
    // fraction): before, Ajv's coercion read '0x10' as 16, ' 1' as 1, '1e1' as 10, '1.0' as 1.
    ...['0', String(maxLimit + 1), '-1', '1.5', 'ten', '', '1e400', 'Infinity', '0x10', ' 1', '1 ', '1e1', '1.0', '+1', '01', '0b1', '0o7'].map((l): [string, string] => [`?limit=${encodeURIComponent(l)}`, 'querystring/limit']),
    ['?limit=1&limit=2', 'querystring/limit'],
    ...[
      '',
      '!!!',
      'abc',
      'null',
      good.slice(0, -2),
      `${good}A`,
      good.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      `${good}=`,
      'x'.repeat(201),
      spelt(`2.${ms}.${id}.${tag}`),
      spelt(`${version}.99999999999999999.${id}.${tag}`),
      spelt(`${version}.9999999999999999.${id}.${tag}`),
      spelt(`${version}.0${ms}.${id}.${tag}`),
      spelt(`${version}.-5.${id}.${tag}`),
      spelt(`${version}.${ms}.${id.toUpperCase()}.${tag}`),
      spelt(`${version}.${ms}.not-a-uuid.${tag}`),
      spelt(`${version}.${ms}.${id}`),
      spelt(`${version}.${ms}.${id}.${tag}.more`),
      spelt(`${version}.${ms}.${id}.${tag}\u0000`),
      spelt('{"createdAt":"2026-01-01T00:00:00Z","id":"00000000-0000-4000-8000-000000000000"}'),
    ].map((c): [string, string] => [withCursor(c), 'querystring/cursor']),
    [`?cursor=${good}&cursor=${good}`, 'querystring/cursor'],
  ];
};

/** Every query of `cases` (refusedQueries) sent to `path`: 400 problem+json naming the parameter. */
export const expectRefused = async (base: string, path: string, authorization: string, cases: [string, string][]) => {
  for (const [query, param] of cases) {
    const res = await call(base, 'GET', `${path}${query}`, { headers: { authorization } });
    expect(res.status, query).toBe(400);
    expect(res.type, query).toContain('application/problem+json');
    expect(res.json.errors.map((e: { path: string }) => e.path), query).toContain(param);
  }
};

/**
 * 500 generated cursors and limits (any text, base64, `real` cursors mutated as sent and as decoded)
 * sent by `send` (a query string: its status, content type and, for a 200, the page): only 200 or
 * 400 problem+json, a 200 with ids of `mine` only. Answers the histogram of statuses.
 */
export const fuzzCursors = async (real: string[], mine: ReadonlySet<string>, send: (query: string) => Promise<{ status: number; type: string; page: () => Page }>) => {
  const asText = (c: string) => Buffer.from(c, 'base64url').toString('latin1');
  const mutated = fc
    .tuple(fc.constantFrom(...real), fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([c, at, s, decoded]) => {
      const text = decoded ? asText(c) : c;
      const i = at % text.length;
      const out = text.slice(0, i) + s + text.slice(i + 1);
      return decoded ? Buffer.from(out, 'latin1').toString('base64url') : out;
    });
  const cursor = fc.option(fc.oneof(fc.string({ maxLength: 220 }), fc.base64String({ maxLength: 120 }), mutated, fc.constantFrom(...real)), { nil: undefined });
  const limit = fc.option(fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), fc.string({ maxLength: 6 })), { nil: undefined });
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(cursor, limit, async (c, l) => {
      const res = await send(new URLSearchParams({ ...(c === undefined ? {} : { cursor: c }), ...(l === undefined ? {} : { limit: l }) }).toString());
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 400) return res.type.startsWith('application/problem+json');
      return res.status === 200 && res.page().items.every((t) => mine.has(t.id));
    }),
    { numRuns: 500, seed: 20261204 },
  );
  // Both answers came up: the generated text is not all refused before the cursor is read.
  expect(statuses.get(200)).toBeGreaterThan(20);
  expect(statuses.get(400)).toBeGreaterThan(20);
  return Object.fromEntries(statuses);
};
