/**
 * Whether a request came in through the edge (a client outside the cluster) or from another
 * TripGen service. Every edge hop appends X-Forwarded-For (prod: Application Gateway and the mesh
 * ingress gateway; dev: NGINX; the profile's edgeChain, TRUST_PROXY_HOPS), and a call between
 * services (service-client.ts) sends none, nor do the Istio sidecars on its way add one (Envoy
 * appends to XFF only with use_remote_address, which Istio sets on sidecars only under
 * PILOT_SIDECAR_USE_REMOTE_ADDRESS, default false), so its presence marks the request as a client's.
 *
 * The edge removes a client's x-request-id, traceparent, tracestate and baggage, with the Envoy
 * headers prod's mesh gateway would take from it (catalog EDGE_STRIPPED_REQUEST_HEADERS: Application Gateway, the mesh ingress gateway's route, dev's NGINX);
 * what follows is the defence behind it, for a request that got past the edge some other way. Left
 * alone, every hop would pass a client's traceparent on as sent (Envoy, the mesh ingress gateway,
 * only adds its own tracing when configured to), NGINX a client's x-request-id, and Envoy replaces
 * that only on a request it takes for external
 * (preserve_external_request_id false; its x-forwarded-for docs decide "external" from XFF and the
 * peer's address, here Application Gateway's private one, istio/istio#10875; no MeshConfig field
 * sets it, only an EnvoyFilter patch of the gateway). Trusted as sent, they let a client file its
 * log lines under another request's id, or force its request into the sampled share or into
 * someone else's trace (W3C Trace Context, https://www.w3.org/TR/trace-context/
 * "Security considerations", "Denial of service": a public API that "naively continues any trace
 * with the recorded flag set" lets an attacker forge trace-id collisions and run up the tracing
 * bill). An edge request therefore gets an id of the service's own (the client's, when
 * well-formed, is logged as `clientRequestId`) and a trace of its own, sampled by the service; the
 * client's context is kept as a span link. In-cluster calls keep both.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const isEdgeRequest = (headers: IncomingHttpHeaders): boolean => headers['x-forwarded-for'] !== undefined;

/** A request id as the kit accepts it from a caller: a plain token that cannot break a log line or a header. */
export const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's x-request-id when it is well-formed, else undefined. */
export const givenRequestId = (headers: IncomingHttpHeaders): string | undefined => {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : undefined;
};
