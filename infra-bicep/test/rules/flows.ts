/**
 * The traffic each subnet's NSG must let through (or stop), each flow with the documentation that
 * requires it. `TripGen.NSG.DocumentedFlows` evaluates them on the prod snapshot with lib/nsg.ts.
 * Addresses are derived from the snapshot (subnet prefixes, the pod CIDR, the gateway's backend IP),
 * so the flows follow the profile.
 */
import type { Snapshot } from '../../lib/bicep.ts';
import { NetworkModel, hostIn, type Address, type Flow } from '../../lib/nsg.ts';
import { asArray, firstOfType, prop } from '../../lib/props.ts';

export interface DocumentedFlow {
  readonly name: string;
  /** true: the flow must pass; false: the NSGs must stop it. */
  readonly allowed: boolean;
  /** The documentation (or seed section) that requires it. */
  readonly source: string;
  readonly flow: (a: Addresses) => { readonly flow: Flow; readonly via?: { readonly from?: string; readonly to?: string } };
}

export interface Addresses {
  readonly node: string;
  readonly otherNode: string;
  readonly pod: string;
  readonly otherPod: string;
  readonly ingress: string;
  readonly appGateway: string;
  readonly database: string;
  readonly otherDatabase: string;
  readonly cache: string;
  readonly privateEndpoint: string;
  readonly apiServer: string;
}

export const addressesOf = (s: Snapshot): Addresses => {
  const net = new NetworkModel(s);
  const podCidr = String(prop(firstOfType(s, 'Microsoft.ContainerService/managedClusters'), 'properties.networkProfile.podCidr'));
  const pools = asArray(prop(firstOfType(s, 'Microsoft.Network/applicationGateways'), 'properties.backendAddressPools'));
  const ingress = String(prop(asArray(prop(pools[0], 'properties.backendAddresses'))[0], 'ipAddress'));
  const app = net.subnetPrefix('snet-app');
  return {
    node: hostIn(app, 4),
    otherNode: hostIn(app, 5),
    // Each node gets a /24 of the pod CIDR: two pods on two different nodes.
    pod: hostIn(podCidr, 10),
    otherPod: hostIn(podCidr, 256 + 10),
    ingress,
    appGateway: hostIn(net.subnetPrefix('snet-appgw'), 4),
    database: hostIn(net.subnetPrefix('snet-database'), 4),
    otherDatabase: hostIn(net.subnetPrefix('snet-database'), 5),
    cache: hostIn(net.subnetPrefix('snet-cache'), 4),
    privateEndpoint: hostIn(net.subnetPrefix('snet-pe'), 4),
    apiServer: hostIn(net.subnetPrefix('snet-apiserver'), 4),
  };
};

const OVERLAY = 'https://learn.microsoft.com/azure/aks/azure-cni-overlay#network-security-groups (pod CIDR <-> pod CIDR and node CIDR -> pod CIDR on all ports and protocols)';
const POSTGRES = 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private (5432, and 6432 for the built-in PgBouncer, from the clients\' subnet)';
const APPGW = 'https://learn.microsoft.com/azure/application-gateway/configuration-infrastructure#network-security-groups';
const API_SERVER = 'https://learn.microsoft.com/azure/aks/api-server-vnet-integration (nodes reach the API server\'s internal load balancer in the delegated subnet)';
const SEED = 'seed §3.2.1 (only the gateway reaches AKS; the data tiers accept only AKS)';

const ip = (address: string): Address => ({ ip: address });
const tag = (name: string): Address => ({ tag: name });
const tcp = (from: Address, to: Address, port: number): Flow => ({ from, to, protocol: 'Tcp', port });
const udp = (from: Address, to: Address, port: number): Flow => ({ from, to, protocol: 'Udp', port });

export const DOCUMENTED_FLOWS: readonly DocumentedFlow[] = [
  {
    name: 'pod -> CoreDNS pod on another node (UDP 53)',
    allowed: true,
    source: OVERLAY,
    flow: (a) => ({ flow: udp(ip(a.pod), ip(a.otherPod), 53), via: { from: a.node, to: a.otherNode } }),
  },
  {
    name: 'sidecar -> istiod on another node (TCP 15012)',
    allowed: true,
    source: OVERLAY,
    flow: (a) => ({ flow: tcp(ip(a.pod), ip(a.otherPod), 15012), via: { from: a.node, to: a.otherNode } }),
  },
  {
    name: 'node -> pod on another node (kube-proxy/Cilium service traffic, TCP 8080)',
    allowed: true,
    source: OVERLAY,
    flow: (a) => ({ flow: tcp(ip(a.node), ip(a.otherPod), 8080), via: { to: a.otherNode } }),
  },
  { name: 'node -> node (kubelet, TCP 10250)', allowed: true, source: OVERLAY, flow: (a) => ({ flow: tcp(ip(a.node), ip(a.otherNode), 10250) }) },
  {
    name: 'Application Gateway -> Istio internal ingress gateway load balancer (TCP 443)',
    allowed: true,
    source: 'infra-bicep README "Edge" (the gateway\'s backend pool is the Istio internal ingress gateway)',
    flow: (a) => ({ flow: tcp(ip(a.appGateway), ip(a.ingress), 443) }),
  },
  { name: 'GatewayManager -> Application Gateway (TCP 65200)', allowed: true, source: APPGW, flow: (a) => ({ flow: tcp(tag('GatewayManager'), ip(a.appGateway), 65200) }) },
  { name: 'AzureLoadBalancer -> Application Gateway probe', allowed: true, source: APPGW, flow: (a) => ({ flow: tcp(tag('AzureLoadBalancer'), ip(a.appGateway), 443) }) },
  { name: 'Internet -> Application Gateway (TCP 443)', allowed: true, source: SEED, flow: (a) => ({ flow: tcp(tag('Internet'), ip(a.appGateway), 443) }) },
  { name: 'Application Gateway -> Key Vault private endpoint (its certificate, TCP 443)', allowed: true, source: APPGW, flow: (a) => ({ flow: tcp(ip(a.appGateway), ip(a.privateEndpoint), 443) }) },
  { name: 'node (pods SNAT to it) -> PostgreSQL (TCP 5432)', allowed: true, source: POSTGRES, flow: (a) => ({ flow: tcp(ip(a.node), ip(a.database), 5432) }) },
  { name: 'node (pods SNAT to it) -> PostgreSQL PgBouncer (TCP 6432)', allowed: true, source: POSTGRES, flow: (a) => ({ flow: tcp(ip(a.node), ip(a.database), 6432) }) },
  {
    name: 'PostgreSQL primary -> HA standby / replica in the delegated subnet (TCP 5432)',
    allowed: true,
    source: POSTGRES,
    flow: (a) => ({ flow: tcp(ip(a.database), ip(a.otherDatabase), 5432) }),
  },
  { name: 'node -> Azure Managed Redis private endpoint (TCP 10000)', allowed: true, source: 'https://learn.microsoft.com/azure/redis/private-link (port 10000)', flow: (a) => ({ flow: tcp(ip(a.node), ip(a.cache), 10000) }) },
  {
    name: 'node -> Service Bus private endpoint (AMQP, TCP 5671)',
    allowed: true,
    source: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-faq#what-ports-do-i-need-to-open-on-the-firewall-',
    flow: (a) => ({ flow: tcp(ip(a.node), ip(a.privateEndpoint), 5671) }),
  },
  { name: 'node -> Key Vault / ACR private endpoints (TCP 443)', allowed: true, source: SEED, flow: (a) => ({ flow: tcp(ip(a.node), ip(a.privateEndpoint), 443) }) },
  { name: 'node -> API server internal load balancer (TCP 443)', allowed: true, source: API_SERVER, flow: (a) => ({ flow: tcp(ip(a.node), ip(a.apiServer), 443) }) },
  // The doc's NSG table: "APIServer Subnet CIDR | Cluster Subnet | TCP | 443 and 4443 | Required to enable communication between Nodes and the API server."
  { name: 'node -> API server subnet (TCP 4443)', allowed: true, source: API_SERVER, flow: (a) => ({ flow: tcp(ip(a.node), ip(a.apiServer), 4443) }) },
  {
    name: 'API server -> admission webhook pod (istiod, TCP 15017)',
    allowed: true,
    source: API_SERVER,
    flow: (a) => ({ flow: tcp(ip(a.apiServer), ip(a.pod), 15017), via: { to: a.node } }),
  },
  { name: 'Internet -> node (any port) is stopped', allowed: false, source: SEED, flow: (a) => ({ flow: tcp(tag('Internet'), ip(a.node), 443) }) },
  { name: 'Application Gateway -> a node directly is stopped', allowed: false, source: SEED, flow: (a) => ({ flow: tcp(ip(a.appGateway), ip(a.node), 443) }) },
  { name: 'Application Gateway -> PostgreSQL is stopped', allowed: false, source: SEED, flow: (a) => ({ flow: tcp(ip(a.appGateway), ip(a.database), 5432) }) },
  { name: 'PostgreSQL -> Internet is stopped', allowed: false, source: SEED, flow: (a) => ({ flow: tcp(ip(a.database), tag('Internet'), 443) }) },
];

/** The flows of the list that the snapshot's NSGs get wrong, with the rule that decided. */
export const wrongFlows = (s: Snapshot): string[] => {
  const net = new NetworkModel(s);
  const a = addressesOf(s);
  return DOCUMENTED_FLOWS.flatMap((f) => {
    const { flow, via } = f.flow(a);
    const verdict = net.evaluate(flow, via);
    return verdict.allowed === f.allowed ? [] : [`${f.name}: ${verdict.allowed ? 'allowed' : 'denied'} by ${verdict.decidedBy.join(', ')} (${f.source})`];
  });
};
