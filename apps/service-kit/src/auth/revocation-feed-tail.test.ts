/**
 * Property: whatever pages the issuer fails to answer, a pod cut off from Redis learns every revocation of
 * the record in the end (revocation-feed.ts: the newest rows each period and, beside them, the tail an
 * earlier read left). The issuer is a stand-in speaking the route's wire format (docs/api.md, internal
 * routes: `since`, `limit`, `after`, `next`; newest first by instant, kind, id; the user service's
 * revocationsPage), with small pages, a seeded share of its answers 503, and a few new sign-outs coming
 * on meanwhile. Redis: real clients that never connect (no server).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_REVOCATIONS } from '@tripgen/catalog';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { waitFor } from '@tripgen/testing';
import { afterEach, expect, it } from 'vitest';
import { createTokenRevocations } from './revocations.ts';
import { revocationFeed } from './revocation-feed.ts';

interface Row {
  readonly at: number;
  readonly kind: 'a' | 's';
  readonly id: string;
}
/** Newest first: instant, kind, id, all descending (the user service's keyset order). */
const newerFirst = (x: Row, y: Row): number => y.at - x.at || (x.kind === y.kind ? 0 : x.kind < y.kind ? 1 : -1) || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0);
const cursorOf = (r: Row): string => `${r.at}.${r.kind}.${r.id}`;
/** mulberry32: a seeded draw, so a failing seed can be run again. */
const draws = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const PAGE = 3;
const closing: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

const run = async (seed: number, failShare: number): Promise<void> => {
  const draw = draws(seed);
  const now = Date.now();
  const lifetime = TOKEN_REVOCATIONS.lifetimeMs;
  // Spread over the token lifetime, the newest 2 min back and the others at least 4 min back: older than
  // learnOverlapMs, so after the first read only the tail brings them, and the newest rows (the top) fit a page,
  // as they do in production (feedPageSize, 10,000, against a minute's sign-outs). Some share an instant.
  const rows: Row[] = Array.from({ length: 59 }, (_, i) => ({ at: Math.round(now - lifetime + 60_000 + draw() * (lifetime - 300_000)), kind: draw() < 0.5 ? 'a' : 's', id: `r${seed}-${i}` }));
  rows.push({ at: now - 120_000, kind: 'a', id: `r${seed}-newest` });
  for (let i = 0; i < 6; i += 1) rows.push({ ...rows[i]!, id: `${rows[i]!.id}-same-instant` });
  let added = 0;
  const issuer: Server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    if (draw() < failShare) return void res.writeHead(503).end();
    // New sign-outs meanwhile, at the top.
    if (added < 2 && draw() < 0.05 && (added += 1)) rows.push({ at: Date.now(), kind: draw() < 0.5 ? 'a' : 's', id: `r${seed}-new-${rows.length}` });
    const since = Number(q.get('since'));
    const after = q.get('after');
    const sorted = rows.filter((r) => r.at > since).sort(newerFirst);
    const start = after === null ? 0 : sorted.findIndex((r) => cursorOf(r) === after) + 1;
    if (after !== null && start === 0) return void res.writeHead(400).end();
    const page = sorted.slice(start, start + PAGE);
    const next = sorted.length > start + PAGE ? cursorOf(page[page.length - 1]!) : undefined;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        accounts: page.filter((r) => r.kind === 'a').map((r) => ({ userId: r.id, at: r.at })),
        sessions: page.filter((r) => r.kind === 's').map((r) => ({ sessionId: r.id, at: r.at })),
        ...(next === undefined ? {} : { next }),
      }),
    );
  });
  await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
  closing.push(() => new Promise<void>((resolve) => (issuer.closeAllConnections(), issuer.close(() => resolve()))));
  const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const subscriber = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
  const revocations = createTokenRevocations({ redis, subscriber, waitMs: 0, onError: () => undefined });
  closing.push(() => (revocations.close(), redis.disconnect(), subscriber.disconnect()));
  const { port } = issuer.address() as AddressInfo;
  const feed = revocationFeed({ jwksUrl: `http://127.0.0.1:${port}/api/v1/auth/jwks.json`, revocations, redis, subscriber, log: pino({ level: 'silent' }), everyMs: 15 });
  closing.push(() => feed.close());
  const learnt = (r: Row): boolean => (r.kind === 'a' ? revocations.revokedBefore(r.id) : revocations.sessionRevokedAt(r.id)) === r.at;
  const missing = () => rows.filter((r) => !learnt(r)).map(cursorOf);
  await feed.learn();
  // Given up waiting, the rows still missing (none: every row learnt) are the failure's message.
  await waitFor(() => missing().length === 0, 'every row learnt', 8_000, 20).catch(() => undefined);
  expect(missing(), `seed ${seed}: rows never learnt`).toEqual([]);
};

it('learns every row of the record in the end whatever pages fail (seeded: 12 runs, a third to a half of the answers 503, new rows meanwhile)', { timeout: 120_000 }, async () => {
  for (let seed = 1; seed <= 12; seed += 1) {
    await run(seed, 0.33 + (seed % 3) * 0.08);
    for (const close of closing.splice(0).reverse()) await close();
  }
});
