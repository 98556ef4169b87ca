/**
 * The edge. dev: NGINX Ingress straight to each service. prod: Application Gateway (AGIC, the
 * classic Standard_v2 + WAF gateway the seed sizes) terminating TLS (certificate from Key Vault,
 * HTTP redirected to HTTPS) and sending every service prefix to the Istio ingress gateway, so
 * the mesh's JWT and authorization rules apply to all outside traffic.
 */
import { Chart } from '../lib/cdk8s.ts';
import type { Construct } from 'constructs';
import { serviceList, workloadName } from '@tripgen/catalog';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IHTTPIngressPath } from 'kubernetes-models/networking.k8s.io/v1/HTTPIngressPath';
import type { EnvironmentProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels } from '../lib/labels.ts';

export class IngressChart extends Chart {
  constructor(scope: Construct, id: string, profile: EnvironmentProfile) {
    super(scope, id, { disableResourceNameHashes: true });
    const ingress = profile.ingress;
    const labels = componentLabels(profile, 'tripgen-ingress', 'ingress');
    const paths = (backend: (service: string, port: number) => IHTTPIngressPath['backend']): IHTTPIngressPath[] =>
      serviceList().flatMap((s) => s.routes.map((r) => ({ path: r.prefix, pathType: 'Prefix', backend: backend(workloadName(s.name), s.port) })));

    if (ingress.kind === 'nginx') {
      emit(this, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'tripgen', namespace: profile.namespace, labels },
        spec: {
          ingressClassName: ingress.className,
          rules: [{ host: ingress.host, http: { paths: paths((name, port) => ({ service: { name, port: { number: port } } })) } }],
        },
      } satisfies IIngress);
      return;
    }
    if (!profile.mesh) throw new Error('the App Gateway edge routes through the mesh ingress gateway: the profile needs a mesh');
    const gateway = profile.mesh.ingressGatewayService;
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'tripgen',
        // AGIC backends are Services of the Ingress's own namespace: the Istio ingress gateway's.
        namespace: profile.mesh.ingressNamespace,
        labels,
        annotations: {
          'appgw.ingress.kubernetes.io/appgw-ssl-certificate': ingress.sslCertificate,
          'appgw.ingress.kubernetes.io/ssl-redirect': 'true',
          'appgw.ingress.kubernetes.io/health-probe-port': '15021',
          'appgw.ingress.kubernetes.io/health-probe-path': '/healthz/ready',
        },
      },
      spec: {
        ingressClassName: ingress.className,
        tls: [{ hosts: [ingress.host] }],
        rules: [{ host: ingress.host, http: { paths: paths(() => ({ service: { name: gateway, port: { number: 80 } } })) } }],
      },
    } satisfies IIngress);
  }
}
