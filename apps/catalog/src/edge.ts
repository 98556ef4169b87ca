/**
 * Request headers the edge removes from every client request before it goes further: prod's
 * Application Gateway (a rewrite rule set, infra-bicep/modules/appgw.bicep, through catalog.json),
 * the mesh ingress gateway's route (the services' VirtualServices), dev's NGINX Ingress Controller
 * and the local dev gateway. Written here once; k8s/test and infra-bicep/test fail when a copy differs.
 *
 * The correlation headers name a request and its trace. A client's are not to be trusted (W3C
 * Trace Context, "Security considerations": a public API continuing any trace it is sent lets a
 * client pick its sampling and join others' traces; an x-request-id of its choosing files its log
 * lines under another's request), and every hop from the edge to the service (the mesh ingress
 * gateway, the sidecars, their access logs) would act on them or log them as sent. Without them a
 * request reaches the service as the start of its own trace with an id the service gives it
 * (the kit does so for a request with X-Forwarded-For in any case, apps/service-kit
 * src/http/edge-request.ts). In-cluster calls (service-client.ts) still send traceparent and
 * tracestate to each other: they do not pass the edge.
 *
 * A header the services send each other and act on (an internal caller or identity header) must be
 * added here, so that no client can send it from outside. There is none today: a call between
 * services carries the correlation headers above, the traveller's own Authorization (catalog
 * peerRoutes withToken, checked like any client's) and a user-agent naming the caller, read by
 * nothing but the logs.
 */
export const EDGE_STRIPPED_REQUEST_HEADERS = ['x-request-id', 'traceparent', 'tracestate', 'baggage'] as const;
