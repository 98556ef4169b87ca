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
import { serviceList, workloadName } from '@tripgen/catalog';
import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import type { EnvironmentProfile } from '../config/profile.ts';
import { GatewayCertificate } from '../constructs/gateway-certificate.ts';
import { GATEWAY_NAME } from '../constructs/service-mesh.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels } from '../lib/labels.ts';
import { APPGW_BACKEND_MAX_TLS } from '../policy/edge-tls.ts';

/** Container port of the add-on gateway's HTTPS listener (the istio/gateway chart binds 443 unprivileged). */
const GATEWAY_HTTPS_PORT = 443;

export class IngressChart extends Chart {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile) {
    super(scope, id, { disableResourceNameHashes: true });
    const ingress = profile.ingress;
    const labels = componentLabels(profile, 'tripgen-edge', 'ingress');

    if (ingress.kind === 'nginx') {
      emit(this, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'tripgen', namespace: profile.namespace, labels },
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
      return;
    }

    const mesh = profile.mesh;
    if (!mesh) throw new Error('the Application Gateway edge sends traffic to the mesh ingress gateway: the profile needs a mesh');
    emit(this, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'tripgen-edge',
        namespace: mesh.ingressNamespace,
        labels,
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
    emit(this, {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: GATEWAY_NAME, namespace: profile.namespace, labels },
      spec: {
        selector: { ...mesh.ingressGatewayLabels },
        servers: [
          {
            port: { number: GATEWAY_HTTPS_PORT, name: 'https', protocol: 'HTTPS' },
            hosts: [ingress.host],
            // The certificate Secret lives in the gateway's namespace, synced from Key Vault below.
            // TLS 1.3 for clients is Application Gateway's listener policy; this hop is Application
            // Gateway's backend connection, which speaks at most TLS 1.2 (policy/edge-tls.ts).
            tls: { mode: 'SIMPLE', credentialName: ingress.gatewayTlsSecret, minProtocolVersion: APPGW_BACKEND_MAX_TLS, maxProtocolVersion: 'TLSV1_3' },
          },
        ],
      },
    } satisfies IGateway);
    new GatewayCertificate(this, 'gateway-certificate', { profile, mesh, secretName: ingress.gatewayTlsSecret, source: ingress.gatewayCertificate });
  }
}
