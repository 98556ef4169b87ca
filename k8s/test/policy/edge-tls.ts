/**
 * TLS on the prod edge. The seed asks for TLS 1.3 on external traffic: clients reach Application
 * Gateway, whose listener policy is TLS 1.3-only (infra-bicep rule TripGen.AppGw.TLS13). The Istio
 * ingress gateway behind it is reached by nobody but Application Gateway (an internal load
 * balancer), and Application Gateway opens its backend connections with at most TLS 1.2
 * (learn.microsoft.com/azure/application-gateway/application-gateway-ssl-policy-overview,
 * "Limitations": "The connections to backend servers are always with minimum protocol TLS v1.0
 * and up to TLS v1.2"). So the Istio Gateway must accept TLS 1.2 and nothing older: a TLSV1_3
 * minimum would fail every backend handshake and take the whole edge down.
 */
import { APPGW_BACKEND_MAX_TLS } from '../../src/charts/ingress.ts';
import { id, type K8sObject } from './objects.ts';
const ORDER = ['TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];

export function istioGatewayTls(objects: readonly K8sObject[]): string[] {
  const v: string[] = [];
  for (const gw of objects.filter((o) => o.kind === 'Gateway' && o.apiVersion.startsWith('networking.istio.io/'))) {
    for (const server of ((gw.spec as { servers?: { port?: { name?: string }; tls?: { mode?: string; minProtocolVersion?: string; maxProtocolVersion?: string } }[] }).servers ?? [])) {
      const tls = server.tls;
      if (!tls) {
        v.push(`${id(gw)} ${String(server.port?.name)}: no TLS`);
        continue;
      }
      const min = ORDER.indexOf(tls.minProtocolVersion ?? '');
      if (min < ORDER.indexOf('TLSV1_2')) v.push(`${id(gw)} ${String(server.port?.name)}: minProtocolVersion ${String(tls.minProtocolVersion)} accepts TLS older than 1.2`);
      if (min > ORDER.indexOf(APPGW_BACKEND_MAX_TLS))
        v.push(`${id(gw)} ${String(server.port?.name)}: minProtocolVersion ${String(tls.minProtocolVersion)} refuses Application Gateway, whose backend connections stop at TLS 1.2 (application-gateway-ssl-policy-overview, Limitations)`);
      if (tls.maxProtocolVersion !== 'TLSV1_3') v.push(`${id(gw)} ${String(server.port?.name)}: maxProtocolVersion ${String(tls.maxProtocolVersion)}, not TLSV1_3`);
    }
  }
  return v;
}
