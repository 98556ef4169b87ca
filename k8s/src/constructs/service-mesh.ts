/**
 * Istio objects (prod). Namespace level: STRICT mTLS, JWT verification for our issuer, an
 * allow-nothing AuthorizationPolicy. Per service: one ALLOW policy derived from the call graph
 * and the catalog's routes (token-free paths listed in routes[].anonymous, everything else needs
 * a valid JWT), a DestinationRule (ISTIO_MUTUAL, outlier detection) and the VirtualService the
 * ingress gateway and the canary steps use.
 */
import { Construct } from 'constructs';
import {
  EDGE_STRIPPED_REQUEST_HEADERS,
  HEALTH_PATHS,
  JWKS_PATH,
  JWT_AUDIENCE,
  JWT_ISSUER,
  METRICS_PATH,
  needsJwks,
  VERIFIER_PATHS,
  peerRouteNeedsToken,
  serviceAccountName,
  TOKEN_ISSUER,
  workloadName,
  type ServiceSpec,
} from '@tripgen/catalog';
import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import type { IRequestAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import type { EnvironmentProfile, MeshProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels, selectorLabels } from '../lib/labels.ts';
import { inClusterHost } from '../lib/network.ts';
import { httpClients } from './network-policies.ts';
import { canaryServiceName, MESH_ROUTES, previewServiceName } from './progressive-delivery.ts';

export const GATEWAY_NAME = 'tripgen-gateway';

/** Istio's pod annotation that injects the proxy as a Kubernetes native sidecar (an init container that keeps running). */
export const NATIVE_SIDECAR_ANNOTATION = 'sidecar.istio.io/nativeSidecar';

const principal = (namespace: string, sa: string): string => `cluster.local/ns/${namespace}/sa/${sa}`;
/** A prefix and everything under it, as Istio path patterns. */
const under = (prefix: string): string[] => [prefix, `${prefix}/*`];

export interface MeshNamespacePoliciesProps {
  readonly profile: EnvironmentProfile;
}

/** Namespace level: STRICT mTLS, JWT verification for our issuer, deny by default. */
export class MeshNamespacePolicies extends Construct {
  private readonly labels: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: MeshNamespacePoliciesProps) {
    super(scope, id);
    this.labels = componentLabels(props.profile, 'tripgen-mesh', 'mesh');
    this.peerAuthentication();
    this.requestAuthentication();
    this.allowNothing();
  }

  private peerAuthentication(): void {
    emit(this, {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'default', namespace: this.props.profile.namespace, labels: this.labels },
      spec: { mtls: { mode: 'STRICT' } },
    } satisfies IPeerAuthentication);
  }

  private requestAuthentication(): void {
    const { profile } = this.props;
    emit(this, {
      apiVersion: 'security.istio.io/v1',
      kind: 'RequestAuthentication',
      metadata: { name: 'tripgen-jwt', namespace: profile.namespace, labels: this.labels },
      spec: {
        jwtRules: [
          {
            issuer: JWT_ISSUER,
            audiences: [JWT_AUDIENCE],
            // istiod fetches the keys from outside the mesh, so through the public edge (TLS).
            jwksUri: `https://${profile.ingress.host}${JWKS_PATH}`,
            forwardOriginalToken: true,
          },
        ],
      },
    } satisfies IRequestAuthentication);
  }

  /** Deny by default: an ALLOW policy that matches nothing; each service then allows its callers. */
  private allowNothing(): void {
    emit(this, {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'allow-nothing', namespace: this.props.profile.namespace, labels: this.labels },
      spec: {},
    } satisfies IAuthorizationPolicy);
  }
}

export interface ServiceMeshProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
  readonly mesh: MeshProfile;
}

export class ServiceMesh extends Construct {
  private readonly name: string;
  private readonly labels: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: ServiceMeshProps) {
    super(scope, id);
    const { spec, profile } = props;
    this.name = workloadName(spec.name);
    this.labels = componentLabels(profile, this.name, 'api');
    this.authorizationPolicy();
    // The Rollout's second Service (canary or preview) is a host of its own: without its own
    // DestinationRule the canary's share of traffic would get no outlier detection.
    const second = profile.delivery === 'progressive' ? (spec.delivery === 'canary' ? canaryServiceName(spec) : previewServiceName(spec)) : null;
    for (const host of second ? [this.name, second] : [this.name]) this.destinationRule(host);
    this.virtualService();
  }

  private authorizationPolicy(): void {
    const { spec, profile, mesh } = this.props;
    emit(this, {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: this.name, namespace: profile.namespace, labels: this.labels },
      spec: { selector: { matchLabels: selectorLabels(this.name) }, action: 'ALLOW', rules: authorizationRules(spec, profile, mesh) },
    } satisfies IAuthorizationPolicy);
  }

  private destinationRule(service: string): void {
    const { profile } = this.props;
    emit(this, {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: service, namespace: profile.namespace, labels: this.labels },
      spec: {
        host: inClusterHost(service, profile.namespace),
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          outlierDetection: { consecutive5xxErrors: 5, interval: '30s', baseEjectionTime: '30s', maxEjectionPercent: 50 },
        },
      },
    } satisfies IDestinationRule);
  }

  /** Canary: the Rollout shifts these weights (Argo CD ignores them, see the argocd chart). */
  private virtualService(): void {
    const { spec, profile } = this.props;
    const host = inClusterHost(this.name, profile.namespace);
    const canary = profile.delivery === 'progressive' && spec.delivery === 'canary';
    const destinations = canary
      ? [
          { destination: { host, port: { number: spec.port } }, weight: 100 },
          { destination: { host: inClusterHost(canaryServiceName(spec), profile.namespace), port: { number: spec.port } }, weight: 0 },
        ]
      : [{ destination: { host, port: { number: spec.port } } }];
    const [gatewayRoute, meshRoute] = MESH_ROUTES;
    emit(this, {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: this.name, namespace: profile.namespace, labels: this.labels },
      spec: {
        hosts: [host, profile.ingress.host],
        gateways: [GATEWAY_NAME, 'mesh'],
        http: [
          {
            name: gatewayRoute,
            match: spec.routes.map((r) => ({ gateways: [GATEWAY_NAME], uri: { prefix: r.prefix } })),
            // A client's correlation headers and the Envoy headers the gateway would take from it stop
            // at the edge (catalog EDGE_STRIPPED_REQUEST_HEADERS): Application Gateway removes them
            // already; the ingress gateway's route removes them again for any request reaching it
            // another way, before its sidecar hop and the service (the router reads its own timeout
            // headers before this removal runs: catalog edge.ts). The mesh route keeps them: that is
            // how one service's call continues its caller's trace.
            // https://istio.io/latest/docs/reference/config/networking/virtual-service/#Headers
            headers: { request: { remove: [...EDGE_STRIPPED_REQUEST_HEADERS] } },
            route: destinations,
          },
          { name: meshRoute, match: [{ gateways: ['mesh'] }], route: destinations },
        ],
      },
    } satisfies IVirtualService);
  }
}

type Rule = NonNullable<NonNullable<IAuthorizationPolicy['spec']>['rules']>[number];

/** Who may call what on one service. */
function authorizationRules(spec: ServiceSpec, profile: EnvironmentProfile, mesh: MeshProfile): Rule[] {
  const ns = profile.namespace;
  const gateway = principal(mesh.ingressNamespace, mesh.ingressGatewayServiceAccount);
  const rules: Rule[] = [];
  const anonymous = spec.routes.flatMap((r) => r.anonymous);
  if (anonymous.length > 0) rules.push({ from: [{ source: { principals: [gateway] } }], to: [{ operation: { paths: anonymous } }] });
  const guarded = spec.routes.flatMap((r) => under(r.prefix));
  if (guarded.length > 0) {
    // Through the edge, everything else needs a token our issuer signed.
    rules.push({ from: [{ source: { principals: [gateway], requestPrincipals: [`${JWT_ISSUER}/*`] } }], to: [{ operation: { paths: guarded } }] });
  }
  // Each caller reaches exactly the routes its catalog entry says it requests (peerRoutes), by
  // method: a call-graph edge alone opened the callee's whole internal and public API to it, and the
  // internal prefix of a service that serves none (the user service's). Internal routes without a
  // token (they answer queue messages or sweeps that hold none); public ones only on a traveller's
  // behalf, with the token they sent, as through the edge, and so an internal route called with it
  // (peerRouteNeedsToken: the trip service reads the traveller's preferences so, outside their rate
  // limit): a caller's identity alone opens no account.
  for (const caller of httpClients(spec)) {
    const routes = caller.peerRoutes.filter((r) => r.service === spec.name);
    const onBehalf = routes.filter(peerRouteNeedsToken);
    const internal = routes.filter((r) => !onBehalf.includes(r));
    const source = { principals: [principal(ns, serviceAccountName(caller.name))] };
    const to = (rs: typeof routes) => rs.map((r) => ({ operation: { methods: [r.method], paths: [r.path] } }));
    if (internal.length > 0) rules.push({ from: [{ source }], to: to(internal) });
    if (onBehalf.length > 0) rules.push({ from: [{ source: { ...source, requestPrincipals: [`${JWT_ISSUER}/*`] } }], to: to(onBehalf) });
  }
  // Every verifier reads the keys with no token, its callers' rule above included (the trip service
  // reaches the user service's public routes only with a traveller's token, and fetches the JWKS with none).
  const jwksReaders = spec.name === TOKEN_ISSUER ? httpClients(spec).filter(needsJwks) : [];
  if (jwksReaders.length > 0) {
    rules.push({
      from: [{ source: { principals: jwksReaders.map((c) => principal(ns, serviceAccountName(c.name))) } }],
      to: [{ operation: { methods: ['GET'], paths: [...VERIFIER_PATHS] } }],
    });
  }
  if (profile.monitoring) {
    rules.push({ from: [{ source: { namespaces: [profile.monitoring.namespace] } }], to: [{ operation: { methods: ['GET'], paths: [METRICS_PATH] } }] });
  }
  if (profile.delivery === 'progressive' && spec.delivery === 'blue-green') {
    // The blue-green smoke analysis reads readiness through the preview Service (controller in the
    // mesh); canaries are judged on Prometheus only, so the controller never calls them.
    const controller = profile.argo.rolloutsController;
    rules.push({ from: [{ source: { principals: [principal(controller.namespace, controller.serviceAccount)] } }], to: [{ operation: { methods: ['GET'], paths: [HEALTH_PATHS.readiness] } }] });
  }
  return rules;
}
