/**
 * Every request the trip service's peer client sends is one of its catalog peerRoutes: in prod the
 * mesh admits the trip service to exactly those (callee, method, exact path; Istio matches the path
 * without its query), so a call the catalog does not list passes every test without the mesh and
 * is refused with 403 in prod.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICES, USER_INTERNAL_PATHS, internalPrefix, type ServiceName } from '@tripgen/catalog';
import { peers } from '../src/clients/peers.ts';

const seen: string[] = [];
const servers: Server[] = [];
/**
 * A stand-in for one peer that records each request and answers what every peer call reads (empty
 * lists, no preferences); 404 on `lacking`, a route its previous release does not serve.
 */
const fakePeer = async (service: ServiceName, lacking?: string): Promise<string> => {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    seen.push(`${service} ${req.method} ${path}`);
    req.resume().on('end', () =>
      path === lacking
        ? res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 404, title: 'Not Found' }))
        : res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ missing: [], deleted: [], unknown: [], next: null, items: [], preferences: null, erased: 0, forgotten: 0, running: [] })),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

describe('the trip service calls its peers only on its catalog peerRoutes (what the prod mesh admits)', () => {
  it('sends each peer request to a listed callee, method and path, and uses every listed route', async () => {
    const client = peers({ user: await fakePeer('user'), location: await fakePeer('location'), ai: await fakePeer('ai') });
    await client.unknownPlaces(['seoul-gyeongbokgung']);
    await client.scheduleStates(['s1']);
    await client.expireSchedules([{ id: 's1', tripId: 't1', userId: 'u1' }]);
    await client.withdrawSchedules([{ id: 's1', tripId: 't1', userId: 'u1', error: 'changed', notify: true }]);
    await client.preferences('Bearer x');
    await client.deletedAccounts(['u1']);
    await client.eraseGenerations(['u1']);
    await client.forgetGenerations(['s1']);
    await client.deletionRecords(undefined);
    // A user service of the previous release, without the internal route: the fallback's route.
    await peers({ user: await fakePeer('user', `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`), location: '', ai: '' }).preferences('Bearer x');
    const listed = SERVICES.trip.peerRoutes.map((r) => `${r.service} ${r.method} ${r.path}`).sort();
    expect([...new Set(seen)].sort()).toEqual(listed);
  });
});
