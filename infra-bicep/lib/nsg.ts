/**
 * Network security group evaluation over a snapshot: does a flow (source, destination, protocol,
 * port) pass the NSG of the subnet it leaves (outbound rules) and of the subnet it enters (inbound
 * rules), in priority order, with Azure's default rules last? Written by hand because no library
 * evaluates NSG rule sets offline; it models what the rules here use: CIDR prefixes, `*`, the
 * service tags VirtualNetwork, Internet and AzureLoadBalancer, and other tags by name.
 * Rule semantics: https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
 */
import type { Snapshot, SnapshotResource } from './bicep.ts';
import { asArray, ofType, prop, sameText } from './props.ts';

/** An IPv4 address in the VNet (or the pod overlay), or a service tag standing for outside senders or receivers. */
export type Address = { readonly ip: string } | { readonly tag: string };

export interface Flow {
  readonly from: Address;
  readonly to: Address;
  readonly protocol: 'Tcp' | 'Udp';
  readonly port: number;
}

export interface Verdict {
  readonly allowed: boolean;
  /** Which NSG rule decided each direction that applies. */
  readonly decidedBy: readonly string[];
}

const toInt = (ip: string): number => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);

export const inCidr = (ip: string, cidr: string): boolean => {
  const [base, bits] = cidr.split('/');
  const size = Number(bits ?? 32);
  const mask = size === 0 ? 0 : 2 ** 32 - 2 ** (32 - size);
  return (toInt(ip) & mask) >>> 0 === (toInt(base ?? '') & mask) >>> 0;
};

/** The n-th address of a CIDR (n = 4 is the first one Azure hands out in a subnet). */
export const hostIn = (cidr: string, n: number): string => {
  const start = toInt(cidr.split('/')[0] ?? '') + n;
  return [24, 16, 8, 0].map((shift) => (start >>> shift) & 255).join('.');
};

interface Rule {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'inbound' | 'outbound';
  readonly allow: boolean;
  readonly protocol: string;
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  readonly ports: readonly string[];
}

const listOf = (r: unknown, single: string, plural: string): string[] => {
  const many = asArray(prop(r, plural)).map(String);
  const one = prop(r, single);
  return many.length > 0 ? many : typeof one === 'string' ? [one] : [];
};

const parseRules = (nsg: SnapshotResource): Rule[] =>
  asArray(prop(nsg, 'properties.securityRules')).map((r) => ({
    name: String(prop(r, 'name')),
    priority: Number(prop(r, 'properties.priority')),
    direction: sameText(prop(r, 'properties.direction'), 'Inbound') ? 'inbound' : 'outbound',
    allow: sameText(prop(r, 'properties.access'), 'Allow'),
    protocol: String(prop(r, 'properties.protocol')),
    sources: listOf(r, 'properties.sourceAddressPrefix', 'properties.sourceAddressPrefixes'),
    destinations: listOf(r, 'properties.destinationAddressPrefix', 'properties.destinationAddressPrefixes'),
    ports: listOf(r, 'properties.destinationPortRange', 'properties.destinationPortRanges'),
  }));

/** Azure's default rules, evaluated after every custom rule (priorities 65000-65500). */
const DEFAULT_RULES: readonly Rule[] = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'inbound', allow: true, protocol: '*', sources: ['VirtualNetwork'], destinations: ['VirtualNetwork'], ports: ['*'] },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'inbound', allow: true, protocol: '*', sources: ['AzureLoadBalancer'], destinations: ['*'], ports: ['*'] },
  { name: 'DenyAllInBound', priority: 65500, direction: 'inbound', allow: false, protocol: '*', sources: ['*'], destinations: ['*'], ports: ['*'] },
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'outbound', allow: true, protocol: '*', sources: ['VirtualNetwork'], destinations: ['VirtualNetwork'], ports: ['*'] },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'outbound', allow: true, protocol: '*', sources: ['*'], destinations: ['Internet'], ports: ['*'] },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'outbound', allow: false, protocol: '*', sources: ['*'], destinations: ['*'], ports: ['*'] },
];

const portMatches = (ranges: readonly string[], port: number): boolean =>
  ranges.some((range) => {
    if (range === '*') return true;
    const [low, high] = range.split('-').map(Number);
    return high === undefined ? port === low : port >= (low ?? 0) && port <= high;
  });

export class NetworkModel {
  private readonly subnets: { readonly prefix: string; readonly nsg: SnapshotResource | undefined }[];
  private readonly addressSpace: readonly string[];

  constructor(private readonly snapshot: Snapshot) {
    const vnet = ofType(snapshot.predictedResources, 'Microsoft.Network/virtualNetworks')[0];
    if (vnet === undefined) throw new Error('no virtual network in the snapshot');
    this.addressSpace = asArray(prop(vnet, 'properties.addressSpace.addressPrefixes')).map(String);
    const nsgs = ofType(snapshot.predictedResources, 'Microsoft.Network/networkSecurityGroups');
    this.subnets = asArray(prop(vnet, 'properties.subnets')).map((sn) => {
      const nsgId = String(prop(sn, 'properties.networkSecurityGroup.id') ?? '').toLowerCase();
      return { prefix: String(prop(sn, 'properties.addressPrefix')), nsg: nsgs.find((n) => n.id.toLowerCase() === nsgId) };
    });
  }

  /** Address prefix of the subnet named `name`. */
  subnetPrefix(name: string): string {
    const vnet = ofType(this.snapshot.predictedResources, 'Microsoft.Network/virtualNetworks')[0];
    const subnet = asArray(prop(vnet, 'properties.subnets')).find((sn) => prop(sn, 'name') === name);
    if (subnet === undefined) throw new Error(`no subnet ${name}`);
    return String(prop(subnet, 'properties.addressPrefix'));
  }

  private matches(prefix: string, address: Address): boolean {
    if (prefix === '*') return true;
    if ('tag' in address) return sameText(prefix, address.tag);
    if (sameText(prefix, 'VirtualNetwork')) return this.addressSpace.some((space) => inCidr(address.ip, space));
    return /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(prefix) && inCidr(address.ip, prefix.includes('/') ? prefix : `${prefix}/32`);
  }

  private decide(rules: readonly Rule[], direction: Rule['direction'], flow: Flow): Rule {
    const ordered = [...rules.filter((r) => r.direction === direction).sort((a, b) => a.priority - b.priority), ...DEFAULT_RULES.filter((r) => r.direction === direction)];
    const hit = ordered.find(
      (r) =>
        (r.protocol === '*' || sameText(r.protocol, flow.protocol)) &&
        r.sources.some((p) => this.matches(p, flow.from)) &&
        r.destinations.some((p) => this.matches(p, flow.to)) &&
        portMatches(r.ports, flow.port),
    );
    if (hit === undefined) throw new Error('the default rules always decide');
    return hit;
  }

  /** The NSG of the subnet holding the address (pod overlay addresses live on the nodes' NICs: pass the node subnet as `via`). */
  private nsgAt(address: Address, via?: string): SnapshotResource | undefined {
    if ('tag' in address) return undefined;
    const subnet = this.subnets.find((sn) => inCidr(via ?? address.ip, sn.prefix));
    return subnet?.nsg;
  }

  /**
   * Whether the flow passes. `fromVia`/`toVia` name the VNet address whose NIC carries an overlay
   * address (a pod's traffic leaves and enters through its node's NIC, under the node subnet's NSG).
   */
  evaluate(flow: Flow, via: { readonly from?: string; readonly to?: string } = {}): Verdict {
    const decidedBy: string[] = [];
    let allowed = true;
    const out = this.nsgAt(flow.from, via.from);
    if (out !== undefined) {
      const rule = this.decide(parseRules(out), 'outbound', flow);
      decidedBy.push(`${out.name} outbound ${rule.name}`);
      allowed &&= rule.allow;
    }
    const into = this.nsgAt(flow.to, via.to);
    if (into !== undefined) {
      const rule = this.decide(parseRules(into), 'inbound', flow);
      decidedBy.push(`${into.name} inbound ${rule.name}`);
      allowed &&= rule.allow;
    }
    return { allowed, decidedBy };
  }
}
