/**
 * Every request the AI service's location client sends is one of its catalog peerRoutes: in prod
 * the mesh admits the AI service to exactly those (callee, method, exact path; Istio matches the
 * path without its query), so a call the catalog does not list passes every test without the mesh
 * and is refused with 403 in prod.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from '@tripgen/catalog';
import { locationDirectory } from '../src/clients/location.ts';

const seen: string[] = [];
const server = createServer((req, res) => {
  seen.push(`location ${req.method} ${(req.url ?? '').split('?')[0]}`);
  req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the AI service calls the location service only on its catalog peerRoutes (what the prod mesh admits)', () => {
  it('sends each request on a listed method and path, and uses every listed route', async () => {
    const directory = locationDirectory(url);
    await directory.candidates({ center: { lat: 37.58, lng: 126.98 }, radiusKm: 5, dates: ['2026-09-24'], limit: 10 });
    await directory.places({ ids: ['seoul-gyeongbokgung'] });
    const listed = SERVICES.ai.peerRoutes.map((r) => `${r.service} ${r.method} ${r.path}`).sort();
    expect([...new Set(seen)].sort()).toEqual(listed);
  });
});
