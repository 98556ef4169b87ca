/**
 * NetworkPolicies: each namespace starts at deny-all (ingress and egress) with DNS allowed, then
 * every pod gets exactly the traffic the catalog's call graph, the ingress path, monitoring and
 * its data stores need (manifest-rules 17).
 */
import { Construct } from 'constructs';
import { EVENT_STREAMS, TOKEN_ISSUER, needsJwks, serviceList, usesQueues, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyIngressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyIngressRule';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { EnvironmentProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { componentLabels, selectorLabels } from '../lib/labels.ts';
import { AZURE_HTTPS_PORT, dnsEgressRule, namespacePeer, podPeer, tcpPorts } from '../lib/network.ts';
import { POSTGRES, REDIS } from './data-stores.ts';

/** Istio control plane ports a sidecar needs (xDS and CA on istiod). */
const ISTIOD_PORTS = [15012];
/**
 * AMQP over TLS: Service Bus and Event Hubs, whose SDKs use it by default (the kit configures no
 * WebSockets transport, which would be 443). Azure: "AMQP 1.0 in Azure Service Bus and Event Hubs
 * protocol guide", connections on TCP 5671 (TLS) or 5672 (upgraded to TLS at once), WebSockets on 443.
 */
const AMQPS_PORT = 5671;
/** The collector's port as the pods are told it (OTEL_EXPORTER_OTLP_ENDPOINT), so the two cannot drift. */
const endpointPort = (endpoint: string): number => {
  const url = new URL(endpoint);
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
};

/** Egress to the data stores: the in-cluster pods (dev) or the managed services' subnets (prod). */
export function dataStoreEgress(profile: EnvironmentProfile, redis: boolean): INetworkPolicyEgressRule[] {
  const stores = profile.dataStores;
  if (stores.kind === 'in-cluster') {
    return [
      { to: [podPeer(POSTGRES.name)], ports: tcpPorts(POSTGRES.port) },
      ...(redis ? [{ to: [podPeer(REDIS.name)], ports: tcpPorts(REDIS.port) }] : []),
    ];
  }
  return [
    { to: [{ ipBlock: { cidr: stores.postgresCidr } }], ports: tcpPorts(POSTGRES.port) },
    ...(redis ? [{ to: [{ ipBlock: { cidr: stores.redisCidr } }], ports: tcpPorts(stores.redis.port) }] : []),
  ];
}

/** AMQP to Service Bus and Event Hubs: anywhere on 5671 to their public endpoints (dev), only the private endpoint subnet (prod). */
function amqpEgress(profile: EnvironmentProfile): INetworkPolicyEgressRule {
  const amqp = profile.amqpEndpoints;
  return amqp.kind === 'public' ? { ports: tcpPorts(AMQPS_PORT) } : { to: [{ ipBlock: { cidr: amqp.cidr } }], ports: tcpPorts(AMQPS_PORT) };
}

/** Services a service talks to over HTTP: its calls plus the token issuer's JWKS. */
export const httpDependencies = (s: ServiceSpec): ServiceSpec[] => {
  const names = new Set(s.calls);
  if (needsJwks(s)) names.add(TOKEN_ISSUER);
  return serviceList().filter((t) => names.has(t.name));
};

/** Services that reach this one over HTTP (inverse of httpDependencies). */
export const httpClients = (s: ServiceSpec): ServiceSpec[] =>
  serviceList().filter((c) => c.name !== s.name && httpDependencies(c).some((d) => d.name === s.name));

export interface NamespaceNetworkBaselineProps {
  readonly profile: EnvironmentProfile;
}

/** Namespace-wide baseline: deny everything, then let every pod resolve names. */
export class NamespaceNetworkBaseline extends Construct {
  private readonly labels: Record<string, string>;

  constructor(scope: Construct, id: string, private readonly props: NamespaceNetworkBaselineProps) {
    super(scope, id);
    this.labels = componentLabels(props.profile, 'tripgen-network', 'network-policy');
    this.denyAll();
    this.allowDns();
  }

  private denyAll(): void {
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny-all', namespace: this.props.profile.namespace, labels: this.labels },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    } satisfies INetworkPolicy);
  }

  private allowDns(): void {
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns-egress', namespace: this.props.profile.namespace, labels: this.labels },
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [dnsEgressRule()] },
    } satisfies INetworkPolicy);
  }
}

export interface ServiceNetworkPolicyProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
}

/** One service's pods: reached by its callers, the edge, monitoring and (blue-green) the rollout smoke check. */
export class ServiceNetworkPolicy extends Construct {
  constructor(scope: Construct, id: string, private readonly props: ServiceNetworkPolicyProps) {
    super(scope, id);
    this.policy();
  }

  private ingress(): INetworkPolicyIngressRule[] {
    const { spec, profile } = this.props;
    const rules: INetworkPolicyIngressRule[] = [];
    const clients = httpClients(spec);
    if (clients.length > 0) rules.push({ from: clients.map((c) => podPeer(workloadName(c.name))), ports: tcpPorts(spec.port) });
    if (spec.routes.length > 0) {
      const edge = profile.mesh
        ? namespacePeer(profile.mesh.ingressNamespace, profile.mesh.ingressGatewayLabels)
        : profile.ingress.kind === 'nginx'
          ? namespacePeer(profile.ingress.controllerNamespace)
          : null;
      if (edge) rules.push({ from: [edge], ports: tcpPorts(spec.port) });
    }
    if (profile.monitoring) {
      // Prometheus scrapes the service port (over mTLS); nothing scrapes pilot-agent's 15020.
      rules.push({ from: [namespacePeer(profile.monitoring.namespace, profile.monitoring.prometheusLabels)], ports: tcpPorts(spec.port) });
    }
    if (profile.delivery === 'progressive' && spec.delivery === 'blue-green') {
      // The pre-promotion smoke analysis calls the preview pods from the Argo Rollouts controller.
      rules.push({ from: [namespacePeer(profile.argo.rolloutsController.namespace)], ports: tcpPorts(spec.port) });
    }
    return rules;
  }

  private egress(): INetworkPolicyEgressRule[] {
    const { spec, profile } = this.props;
    const rules: INetworkPolicyEgressRule[] = httpDependencies(spec).map((dep) => ({ to: [podPeer(workloadName(dep.name))], ports: tcpPorts(dep.port) }));
    rules.push(...dataStoreEgress(profile, true));
    rules.push({ ports: tcpPorts(AZURE_HTTPS_PORT) });
    if (usesQueues(spec) || EVENT_STREAMS.some((e) => e.producer === spec.name)) rules.push(amqpEgress(profile));
    if (profile.mesh) rules.push({ to: [namespacePeer(profile.mesh.systemNamespace)], ports: tcpPorts(...ISTIOD_PORTS) });
    if (profile.otlpEndpoint && profile.monitoring) rules.push({ to: [namespacePeer(profile.monitoring.namespace)], ports: tcpPorts(endpointPort(profile.otlpEndpoint)) });
    return rules;
  }

  private policy(): void {
    const { spec, profile } = this.props;
    const name = workloadName(spec.name);
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: profile.namespace, labels: componentLabels(profile, name, 'api') },
      spec: { podSelector: { matchLabels: selectorLabels(name) }, policyTypes: ['Ingress', 'Egress'], ingress: this.ingress(), egress: this.egress() },
    } satisfies INetworkPolicy);
  }
}
