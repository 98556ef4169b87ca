import { describe, expect, it } from 'vitest';
import { KIT_ENVIRONMENT, QUEUE_ENVIRONMENT, SERVICE_ENVIRONMENT, TOKEN_VERIFIER_ENVIRONMENT, serviceEnvironment } from './environment.ts';
import { SERVICE_NAMES, SERVICES, serviceUrlVariable } from './services.ts';

const peerVariables = (s: (typeof SERVICE_NAMES)[number]) =>
  Object.entries(serviceEnvironment(s)).flatMap(([name, v]) => (v.peer ? [{ name, peer: v.peer }] : []));

describe('peer URLs: a service reads where the services it calls answer', () => {
  it.each(SERVICE_NAMES)('%s service: each peer variable is named for its peer, which is in its catalog calls', (s) => {
    for (const { name, peer } of peerVariables(s)) {
      expect(name).toBe(serviceUrlVariable(peer));
      expect(SERVICES[s].calls, `${s} reads ${name}`).toContain(peer);
    }
  });

  it.each(SERVICE_NAMES)('%s service: each service in its catalog calls has its peer variable (a call with no URL is never made)', (s) => {
    // The mesh lets a caller reach the whole public and internal API of its callee (service-mesh.ts);
    // an edge no variable addresses gave that to the AI and location services on the user service,
    // which they only read the public keys of (JWKS_URL; a traced run of the flow: s21 audit).
    expect(peerVariables(s).map((v) => v.peer).sort(), s).toEqual([...SERVICES[s].calls].sort());
  });

  it('the trip service reads the user, location and AI services\' URLs, the AI service the location service\'s', () => {
    expect(peerVariables('trip').map((v) => v.name)).toEqual(['USER_SERVICE_URL', 'LOCATION_SERVICE_URL', 'AI_SERVICE_URL']);
    expect(peerVariables('ai').map((v) => v.name)).toEqual(['LOCATION_SERVICE_URL']);
    // Both reach the user service only for its public keys (JWKS_URL), the user service no one.
    expect(peerVariables('location')).toEqual([]);
    expect(peerVariables('user')).toEqual([]);
  });

  it('a service\'s own variables do not redefine the kit\'s, queue or token ones', () => {
    const shared = Object.keys({ ...KIT_ENVIRONMENT, ...QUEUE_ENVIRONMENT, ...TOKEN_VERIFIER_ENVIRONMENT });
    for (const s of SERVICE_NAMES) expect(Object.keys(SERVICE_ENVIRONMENT[s]).filter((n) => shared.includes(n)), s).toEqual([]);
  });
});
