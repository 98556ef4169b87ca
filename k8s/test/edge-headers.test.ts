/**
 * A client's correlation headers (catalog EDGE_STRIPPED_REQUEST_HEADERS: x-request-id, traceparent,
 * tracestate, baggage) stop at the edge, and every copy of the list is the catalog's: prod's
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

describe('prod: Application Gateway', () => {
  it('removes the same headers the mesh removes (infra-bicep/snapshots/prod.snapshot.json)', () => {
    type Resource = { type: string; properties?: { rewriteRuleSets?: { properties: { rewriteRules: { actionSet: { requestHeaderConfigurations: { headerName: string; headerValue?: string }[] } }[] } }[] } };
    const { predictedResources } = JSON.parse(readFileSync(repoPath('infra-bicep', 'snapshots', 'prod.snapshot.json'), 'utf8')) as { predictedResources: Resource[] };
    const gateway = predictedResources.find((r) => r.type.toLowerCase() === 'microsoft.network/applicationgateways');
    const removed = (gateway?.properties?.rewriteRuleSets ?? [])
      .flatMap((s) => s.properties.rewriteRules)
      .flatMap((r) => r.actionSet.requestHeaderConfigurations)
      .filter((h) => h.headerValue === undefined)
      .map((h) => h.headerName);
    expect(lower(removed)).toEqual(wanted);
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
