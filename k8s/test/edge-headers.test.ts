/**
 * A client's correlation headers and the Envoy headers the mesh ingress gateway would take from it
 * (catalog EDGE_STRIPPED_REQUEST_HEADERS) stop at the edge, and every copy of the list is the catalog's: prod's
 * Application Gateway rewrite rule set (the Bicep snapshot), the mesh ingress gateway's route of
 * every VirtualService, and dev's NGINX Ingress Controller. Read from what the generators wrote.
 *
 * Istio: a route's `headers.request.remove` drops the named headers from the request it forwards
 * (istio.io, "Virtual Service", Headers / HeaderOperations). NGINX: a proxy_set_header whose value
 * is the empty string is not passed to the upstream (nginx.org, ngx_http_proxy_module).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EDGE_STRIPPED_REQUEST_HEADERS } from '@tripgen/catalog';
import { repoPath } from '../src/lib/paths.ts';
import { objectsOf, renderedObjects } from './support/gitops.ts';

const wanted = [...EDGE_STRIPPED_REQUEST_HEADERS].sort();
const lower = (names: readonly unknown[]): string[] => names.map((n) => String(n).toLowerCase()).sort();

interface HttpRoute {
  name?: string;
  match?: { gateways?: string[] }[];
  headers?: { request?: { remove?: string[] } };
}

describe('prod: the mesh ingress gateway', () => {
  const services = objectsOf('prod').filter((o) => o.kind === 'VirtualService');

  it('removes the catalog headers on every route from the edge gateway, and only there', () => {
    expect(services.length).toBeGreaterThan(0);
    for (const vs of services) {
      const routes = (vs.spec as { http: HttpRoute[] }).http;
      const fromEdge = routes.filter((r) => r.match?.some((m) => m.gateways?.includes('tripgen-gateway')));
      expect(fromEdge.length, vs.metadata.name).toBeGreaterThan(0);
      for (const r of fromEdge) expect(lower(r.headers?.request?.remove ?? []), `${vs.metadata.name} ${r.name}`).toEqual(wanted);
      // A call between services continues its caller's trace: the mesh route passes traceparent on.
      for (const r of routes.filter((x) => !fromEdge.includes(x))) expect(r.headers?.request?.remove ?? [], `${vs.metadata.name} ${r.name}`).toEqual([]);
    }
  });
});

type RewriteRuleSet = { properties: { rewriteRules: { actionSet: { requestHeaderConfigurations: { headerName: string; headerValue?: string }[] } }[] } };
/** The rewrite rule sets of prod's Application Gateway, as Bicep's snapshot (infra-bicep/snapshots/prod.snapshot.json) has them. */
function appGatewayRewriteRuleSets(): RewriteRuleSet[] {
  type Resource = { type: string; properties?: { rewriteRuleSets?: RewriteRuleSet[] } };
  const { predictedResources } = JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', 'prod.snapshot.json'), 'utf8')) as { predictedResources: Resource[] };
  const gateway = predictedResources.find((r) => r.type.toLowerCase() === 'microsoft.network/applicationgateways');
  return gateway?.properties?.rewriteRuleSets ?? [];
}
const headerConfigurations = (set: RewriteRuleSet) => set.properties.rewriteRules.flatMap((r) => r.actionSet.requestHeaderConfigurations);
const appGatewayRemoved = (): string[] =>
  lower(appGatewayRewriteRuleSets().flatMap(headerConfigurations).filter((h) => h.headerValue === undefined).map((h) => h.headerName));
/** The headers the gateway route of each VirtualService removes, by VirtualService and route. */
function gatewayRouteRemovals(): { where: string; removed: string[] }[] {
  return objectsOf('prod')
    .filter((o) => o.kind === 'VirtualService')
    .flatMap((vs) =>
      (vs.spec as { http: HttpRoute[] }).http
        .filter((r) => r.match?.some((m) => m.gateways?.includes('tripgen-gateway')))
        .map((r) => ({ where: `${vs.metadata.name} ${r.name}`, removed: lower(r.headers?.request?.remove ?? []) })),
    );
}

describe('prod: Application Gateway', () => {
  it('removes the same headers the mesh removes (infra-bicep/snapshots/prod.snapshot.json)', () => {
    expect(appGatewayRemoved()).toEqual(wanted);
  });

  it('stays within 40 header configurations per rewrite rule set (Microsoft Learn, "Application Gateway limits": Number of Header or URL configuration per rewrite rule set)', () => {
    const sets = appGatewayRewriteRuleSets();
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) expect(headerConfigurations(set).length).toBeLessThanOrEqual(40);
  });
});

/**
 * Envoy headers the AKS add-on's ingress gateway (asm-1-29) acts on or logs when a client sends
 * them and does not remove itself, although it takes every request from Application Gateway as
 * external (catalog edge.ts says why): Envoy removes only the headers its "HTTP header sanitizing"
 * page lists from an external request.
 * - x-client-trace-id: envoyproxy.io "HTTP header manipulation": "If an external client sets this
 *   header, Envoy will join the provided trace ID with the internally generated x-request-id".
 * - x-envoy-original-path: not in the sanitizing list; Istio's default access log format prints
 *   %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% as the request's path.
 * - x-envoy-upstream-stream-duration-ms: Router "HTTP headers (consumed)"; in the sanitizing list
 *   only from Envoy's v1.40 docs.
 * The router reads its timeout headers before it applies the route's request_headers_to_remove
 * (router.cc, Filter::decodeHeaders), so the VirtualService alone would not keep them from the
 * gateway: Application Gateway must remove them first.
 */
const ENVOY_HEADERS_TAKEN_FROM_A_CLIENT = ['x-client-trace-id', 'x-envoy-original-path', 'x-envoy-upstream-stream-duration-ms'];
/** Set by the gateway's own Istio filter (peer_metadata, upstream propagation) before the route: removing them would drop the gateway's. */
const SET_BY_THE_GATEWAY_BEFORE_THE_ROUTE = ['x-envoy-peer-metadata', 'x-envoy-peer-metadata-id'];

describe('prod: the Envoy headers the mesh ingress gateway would take from a client', () => {
  it('are removed by Application Gateway before the mesh, and by every gateway route', () => {
    expect(appGatewayRemoved()).toEqual(expect.arrayContaining(ENVOY_HEADERS_TAKEN_FROM_A_CLIENT));
    const routes = gatewayRouteRemovals();
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(r.removed, r.where).toEqual(expect.arrayContaining(ENVOY_HEADERS_TAKEN_FROM_A_CLIENT));
  });

  it('leave alone the headers the gateway sets for the sidecars before its route', () => {
    for (const r of [...gatewayRouteRemovals(), { where: 'Application Gateway', removed: appGatewayRemoved() }]) {
      expect(r.removed.filter((h) => SET_BY_THE_GATEWAY_BEFORE_THE_ROUTE.includes(h)), r.where).toEqual([]);
    }
  });

  it('come from a gateway that takes Application Gateway\'s requests as external: nothing rendered configures its internal addresses', () => {
    // Istio gives a gateway use_remote_address; an EnvoyFilter, meshNetworks (internal_address_config)
    // or Envoy's explicit_internal_address_config runtime flag could make the private addresses of
    // Application Gateway internal again, and Envoy would then pass a client's x-envoy-* on.
    for (const { path, object } of renderedObjects()) {
      expect(object.kind, path).not.toBe('EnvoyFilter');
      expect(JSON.stringify(object), path).not.toMatch(/meshNetworks|internal_address_config|internalAddressConfig|ENABLE_HCM_INTERNAL_NETWORKS/);
    }
  });
});

describe('dev: the NGINX Ingress Controller', () => {
  it('passes none of the catalog headers to the services, in every location (its ConfigMap location-snippets)', () => {
    const app = renderedObjects().find((l) => l.env === 'dev' && l.object.kind === 'Application' && l.path.endsWith('nginx-ingress.yaml'));
    expect(app, 'the nginx-ingress Application').toBeDefined();
    const values = (app!.object.spec as { source: { helm: { valuesObject: { controller: { config?: { entries?: Record<string, string> } } } } } }).source.helm.valuesObject;
    const snippets = values.controller.config?.entries?.['location-snippets'] ?? '';
    const cleared = [...snippets.matchAll(/^\s*proxy_set_header\s+(\S+)\s+""\s*;\s*$/gm)].map((m) => m[1]!);
    expect(lower(cleared)).toEqual(wanted);
  });
});
