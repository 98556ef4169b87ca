/**
 * The edge. dev: NGINX Ingress straight to each service prefix. prod: Application Gateway
 * (WAF_v2, configured by infra-bicep, no AGIC) terminates the client's TLS and opens TLS again
 * to the AKS Istio add-on's internal ingress gateway; here we pin that gateway's internal load
 * balancer to the address Bicep points Application Gateway at, and declare the Istio Gateway
 * (HTTPS only) the services' VirtualServices bind their prefixes to, so the mesh's JWT and
 * authorization rules apply to all outside traffic. The gateway's certificate Secret is synced
 * from Key Vault into the gateway's namespace (constructs/gateway-certificate.ts).
 */
import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import { REQUEST_BODY_LIMIT_BYTES, serviceList, workloadName } from '@tripgen/catalog';
import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import type { EnvironmentProfile, IngressProfile, MeshProfile } from '../config/profile.ts';
import { GatewayCertificate } from '../constructs/gateway-certificate.ts';
import { GATEWAY_NAME } from '../constructs/service-mesh.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels } from '../lib/labels.ts';

type NginxIngress = Extract<IngressProfile, { kind: 'nginx' }>;
type AppGatewayIngress = Extract<IngressProfile, { kind: 'app-gateway' }>;

/**
 * The highest TLS version Application Gateway's backend connections speak: "The connections to
 * backend servers are always with minimum protocol TLS v1.0 and up to TLS v1.2"
 * (learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview,
 * "Limitations"). The Istio Gateway behind it must accept it (k8s/test/policy/edge-tls.ts).
 */
export const APPGW_BACKEND_MAX_TLS = 'TLSV1_2';

/** Container port of the add-on gateway's HTTPS listener (the istio/gateway chart binds 443 unprivileged). */
const GATEWAY_HTTPS_PORT = 443;

export interface IngressChartProps {
  readonly profile: EnvironmentProfile;
}

export class IngressChart extends Chart {
  private readonly edgeLabels: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: IngressChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { profile } = props;
    this.edgeLabels = componentLabels(profile, 'tripgen-edge', 'ingress');
    const ingress = profile.ingress;
    if (ingress.kind === 'nginx') {
      this.nginxIngress(ingress);
      return;
    }
    const mesh = profile.mesh;
    if (!mesh) throw new Error('the Application Gateway edge sends traffic to the mesh ingress gateway: the profile needs a mesh');
    this.edgeService(ingress, mesh);
    this.gateway(ingress, mesh);
    new GatewayCertificate(this, 'gateway-certificate', { profile, mesh, secretName: ingress.gatewayTlsSecret, source: ingress.gatewayCertificate });
  }

  /** dev: NGINX straight to each service prefix. */
  private nginxIngress(ingress: NginxIngress): void {
    const { profile } = this.props;
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'tripgen',
        namespace: profile.namespace,
        labels: this.edgeLabels,
        // NGINX answers 413 itself past the limit every layer enforces (its default, 1m, would let
        // through bodies the services refuse); the dev gateway does the same locally.
        // F5 NGINX Ingress Controller's own key (it reads nginx.org/ annotations only, not
        // ingress-nginx's nginx.ingress.kubernetes.io/proxy-body-size, which it ignored: NGINX's 1m).
        annotations: { 'nginx.org/client-max-body-size': `${REQUEST_BODY_LIMIT_BYTES / 1024}k` },
      },
      spec: {
        ingressClassName: ingress.className,
        rules: [
          {
            host: ingress.host,
            http: {
              paths: serviceList().flatMap((s) =>
                s.routes.map((r) => ({ path: r.prefix, pathType: 'Prefix', backend: { service: { name: workloadName(s.name), port: { number: s.port } } } })),
              ),
            },
          },
        ],
      },
    } satisfies IIngress);
  }

  /** prod: the mesh ingress gateway's internal load balancer, pinned where Application Gateway sends traffic. */
  private edgeService(ingress: AppGatewayIngress, mesh: MeshProfile): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'tripgen-edge',
        namespace: mesh.ingressNamespace,
        labels: this.edgeLabels,
        annotations: {
          'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
          // Application Gateway's backend pool holds exactly this address (Bicep output ingressPrivateIp).
          'service.beta.kubernetes.io/azure-load-balancer-ipv4': ingress.backendIp,
          // An HTTPS probe on "/" would get the mesh's 404/403 and drain the frontend: probe TCP.
          'service.beta.kubernetes.io/port_443_health-probe_protocol': 'tcp',
        },
      },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        selector: { ...mesh.ingressGatewayLabels },
        ports: [{ name: 'https', port: 443, targetPort: GATEWAY_HTTPS_PORT, protocol: 'TCP', appProtocol: 'https' }],
      },
    } satisfies IService);
  }

  /** The HTTPS-only Istio Gateway every service's VirtualService binds its prefixes to. */
  private gateway(ingress: AppGatewayIngress, mesh: MeshProfile): void {
    emit(this, {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: GATEWAY_NAME, namespace: this.props.profile.namespace, labels: this.edgeLabels },
      spec: {
        selector: { ...mesh.ingressGatewayLabels },
        servers: [
          {
            port: { number: GATEWAY_HTTPS_PORT, name: 'https', protocol: 'HTTPS' },
            hosts: [ingress.host],
            // The certificate Secret lives in the gateway's namespace, synced from Key Vault.
            // TLS 1.3 for clients is Application Gateway's listener policy; this hop is Application
            // Gateway's backend connection, which speaks at most TLS 1.2 (APPGW_BACKEND_MAX_TLS).
            tls: { mode: 'SIMPLE', credentialName: ingress.gatewayTlsSecret, minProtocolVersion: APPGW_BACKEND_MAX_TLS, maxProtocolVersion: 'TLSV1_3' },
          },
        ],
      },
    } satisfies IGateway);
  }
}
