import { describe, expect, it } from 'vitest';
import { AUTH_PATHS, HEALTH_PATHS, JWKS_PATH, JWT_ISSUER, PROBE_TIMING, SERVICES, TOKEN_ISSUER, USER_INTERNAL_PATHS, internalPrefix, needsJwks, routeAccess, serviceList, startupBudgetMs, startWatchTiming, workloadName } from './services.ts';

describe('the token issuer, decided once', () => {
  it('serves the auth routes token-free under its own prefixes, and no other service does', () => {
    const issuer = SERVICES[TOKEN_ISSUER];
    const anonymous = issuer.routes.flatMap((r) => r.anonymous);
    expect(anonymous).toEqual(expect.arrayContaining(Object.values(AUTH_PATHS)));
    for (const path of Object.values(AUTH_PATHS)) expect(issuer.routes.some((r) => path.startsWith(`${r.prefix}/`)), path).toBe(true);
    for (const other of serviceList().filter((s) => s.name !== TOKEN_ISSUER)) expect(other.routes.flatMap((r) => r.anonymous), other.name).not.toContain(JWKS_PATH);
  });

  it('is the one service that needs no JWKS, and the one the tokens name as issuer', () => {
    expect(serviceList().filter((s) => !needsJwks(s)).map((s) => s.name)).toEqual([TOKEN_ISSUER]);
    expect(JWT_ISSUER).toBe(`https://tripgen.example/${workloadName(TOKEN_ISSUER)}`);
  });
});

describe('the routes each service calls', () => {
  it('names only services of its call graph, and at least one route of each (a call nothing makes admits nothing)', () => {
    for (const s of serviceList()) {
      expect([...new Set(s.peerRoutes.map((r) => r.service))].sort(), s.name).toEqual([...s.calls].sort());
    }
  });
  it('calls a public route only under the callee\'s own prefixes, any other under its internal prefix', () => {
    for (const s of serviceList()) {
      for (const r of s.peerRoutes) {
        const callee = SERVICES[r.service];
        const ok = r.path.startsWith(`${internalPrefix(r.service)}/`) || callee.routes.some((x) => r.path.startsWith(`${x.prefix}/`));
        expect(ok, `${s.name} -> ${r.service} ${r.path}`).toBe(true);
      }
    }
  });
});

describe('routeAccess: what the catalog asks of a route a service serves', () => {
  it('asks a token of public routes not listed anonymous and of internal routes called withToken, none of the rest', () => {
    expect(routeAccess('user', '/api/v1/users/me')).toBe('token');
    expect(routeAccess('user', AUTH_PATHS.login)).toBe('none');
    expect(routeAccess('user', `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`)).toBe('token');
    expect(routeAccess('location', `${internalPrefix('location')}/places`)).toBe('none');
    expect(routeAccess('trip', HEALTH_PATHS.readiness)).toBe('none');
    expect(routeAccess('trip', '/api/v2/trips')).toBe('outside');
  });

  it('asks a token of every internal route a caller calls withToken, and of no other internal one', () => {
    for (const caller of serviceList()) {
      for (const r of caller.peerRoutes) {
        if (!r.path.startsWith(`${internalPrefix(r.service)}/`)) continue;
        expect(routeAccess(r.service, r.path), `${caller.name} -> ${r.service} ${r.path}`).toBe(r.withToken === true ? 'token' : 'none');
      }
    }
  });
});

describe('startWatchTiming: how a start watches its steps, from the startup probe alone', () => {
  it('warns of a step after one probe period, again every period, and sets no exit: the kubelet alone ends a start', () => {
    const period = PROBE_TIMING.periodSeconds * 1000;
    expect(startWatchTiming()).toEqual({ stuckAfterMs: period, repeatEveryMs: period });
    // Fastify's per-hook limit (pluginTimeout) is the whole startup budget: a step is warned of long before it.
    expect(period).toBeLessThan(startupBudgetMs());
  });

  it("follows a probe timing given to it (a test's shorter period)", () => {
    expect(startWatchTiming({ periodSeconds: 3 })).toEqual({ stuckAfterMs: 3_000, repeatEveryMs: 3_000 });
  });
});
