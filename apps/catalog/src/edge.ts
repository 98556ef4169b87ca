/**
 * The correlation headers name a request and its trace. A client's are not to be trusted (W3C
 * Trace Context, "Security considerations": a public API continuing any trace it is sent lets a
 * client pick its sampling and join others' traces; an x-request-id of its choosing files its log
 * lines under another's request), and every hop from the edge to the service (the mesh ingress
 * gateway, the sidecars, their access logs) would act on them or log them as sent. Without them a
 * request reaches the service as the start of its own trace with an id the service gives it
 * (the kit does so for a request with X-Forwarded-For in any case, apps/service-kit
 * src/http/edge-request.ts). In-cluster calls (service-client.ts) still send traceparent and
 * tracestate to each other: they do not pass the edge.
 */
const CLIENT_CORRELATION_HEADERS = ['x-request-id', 'traceparent', 'tracestate', 'baggage'] as const;

/**
 * Envoy's own request headers that prod's mesh ingress gateway (AKS Istio add-on asm-1-29, Istio
 * 1.29's Envoy) acts on or logs when a client sends them, and does not remove itself.
 *
 * Envoy removes the other x-envoy-* control headers from every request it takes as external (envoyproxy.io,
 * "HTTP header sanitizing": x-envoy-retry-on, -retry-grpc-on, -max-retries, -retriable-status-codes,
 * -retriable-header-names, -upstream-rq-timeout-ms, -upstream-rq-per-try-timeout-ms,
 * -upstream-rq-timeout-alt-response, -expected-rq-timeout-ms, -hedge-on-per-try-timeout,
 * -force-trace, -ip-tags, -upstream-alt-stat-name, -original-url, -decorator-operation,
 * -downstream-service-cluster/-node; x-envoy-internal always). The ingress gateway takes every
 * request from Application Gateway as external twice over: Istio gives a gateway use_remote_address
 * and, without meshNetworks (the add-on blocks that MeshConfig field, Microsoft Learn "Configure
 * Istio-based service mesh add-on": fields not listed are blocked), no internal_address_config, and
 * since Envoy 1.33 no address is internal by default (Istio release note 53402, Envoy
 * GHSA-ffhv-fvxq-r6mf / CVE-2024-45806); and Application Gateway adds X-Forwarded-For to every
 * request (Microsoft Learn, "How an application gateway works", Modifications to the request),
 * while Envoy with use_remote_address calls a request internal only when it arrives without one
 * (envoyproxy.io, "HTTP header manipulation", x-forwarded-for).
 * numTrustedProxies (gatewayTopology) would change neither. So listing those here would add nothing.
 *
 * These three Envoy does not sanitize (the last is named in Envoy's sanitizing list only from its
 * v1.40 docs; whether asm-1-29's Envoy removes it is not settled here, so it is listed):
 * - x-client-trace-id: "If an external client sets this header, Envoy will join the provided
 *   trace ID with the internally generated x-request-id" and forces the trace (envoyproxy.io,
 *   "HTTP header manipulation"): a client's pick, as traceparent is.
 * - x-envoy-original-path: passed on as sent when the route does not rewrite the path, and Istio's
 *   access log prints it in place of the path (%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%, Istio's default
 *   format): a client would choose the path its log lines show.
 * - x-envoy-upstream-stream-duration-ms: the router sets the request's stream duration from it
 *   (Router, "x-envoy-upstream-stream-duration-ms") before the route's header removal runs.
 * A VirtualService's headers.request.remove is no defence for the router's own headers: Envoy's
 * router reads the timeout headers before it applies the route's request_headers_to_remove
 * (router.cc decodeHeaders: finalTimeout, then finalizeRequestHeaders), so Application Gateway's
 * rewrite rule set is where these stop. Never list a header the gateway's Istio filters set for the
 * sidecars before the route (x-envoy-peer-metadata, x-envoy-peer-metadata-id: the route would
 * remove the gateway's own and the services' telemetry would lose its source).
 */
const ENVOY_UNSANITIZED_REQUEST_HEADERS = ['x-client-trace-id', 'x-envoy-original-path', 'x-envoy-upstream-stream-duration-ms'] as const;

/**
 * Request headers the edge removes from every client request before it goes further: prod's
 * Application Gateway (a rewrite rule set, infra-bicep/modules/appgw.bicep, through catalog.json),
 * the mesh ingress gateway's route (the services' VirtualServices), dev's NGINX Ingress Controller
 * and the local dev gateway. Written here once; k8s/test and infra-bicep/test fail when a copy differs.
 * Application Gateway takes at most 40 header configurations per rewrite rule set (Microsoft Learn,
 * "Application Gateway limits"); k8s/test/edge-headers.test.ts counts them.
 *
 * A header the services send each other and act on (an internal caller or identity header) must be
 * added here, so that no client can send it from outside. There is none today: a call between
 * services carries the correlation headers above, the traveller's own Authorization (catalog
 * peerRoutes withToken, checked like any client's) and a user-agent naming the caller, read by
 * nothing but the logs.
 */
export const EDGE_STRIPPED_REQUEST_HEADERS = [...CLIENT_CORRELATION_HEADERS, ...ENVOY_UNSANITIZED_REQUEST_HEADERS] as const;
