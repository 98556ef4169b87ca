/**
 * NetworkPolicies: each namespace starts at deny-all (ingress and egress) with DNS allowed, then
 * every pod gets exactly the traffic the catalog's call graph, the ingress path, monitoring and
 * its data stores need (manifest-rules 17).
 */
import type { Construct } from 'constructs';
import { needsJwks, serviceList, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyIngressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyIngressRule';
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { EnvironmentProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, migrationJobName, selectorLabels } from '../lib/labels.ts';
import { POSTGRES, REDIS } from './data-stores.ts';
import { ROLLOUTS } from './platform-addons.ts';

const nsPeer = (namespace: string, podLabels?: Readonly<Record<string, string>>): INetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
  ...(podLabels ? { podSelector: { matchLabels: { ...podLabels } } } : {}),
});
const podPeer = (name: string): INetworkPolicyPeer => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } });
export const tcp = (...ports: number[]): INetworkPolicyPort[] => ports.map((port) => ({ protocol: 'TCP', port }));

/** Istio control plane ports a sidecar needs (xDS and CA on istiod). */
const ISTIOD_PORTS = [15012];
/** Microsoft Entra ID, Key Vault and Service Bus (AMQP 5671 or AMQP over WebSockets 443). */
const AZURE_PORTS = [443, 5671];
/** The collector's port as the pods are told it (OTEL_EXPORTER_OTLP_ENDPOINT), so the two cannot drift. */
const endpointPort = (endpoint: string): number => {
  const url = new URL(endpoint);
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
};

/** Namespace-wide baseline: deny everything, then let every pod resolve names. */
export function namespaceBaselinePolicies(scope: Construct, profile: EnvironmentProfile): void {
  const ns = profile.namespace;
  const labels = componentLabels(profile, 'tripgen-network', 'network-policy');
  emit(scope, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny-all', namespace: ns, labels },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  } satisfies INetworkPolicy);
  emit(scope, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-dns-egress', namespace: ns, labels },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [nsPeer('kube-system', { 'k8s-app': 'kube-dns' })],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    },
  } satisfies INetworkPolicy);
}

export function dataStoreEgress(profile: EnvironmentProfile, redis: boolean): INetworkPolicyEgressRule[] {
  const stores = profile.dataStores;
  if (stores.kind === 'in-cluster') {
    return [
      { to: [podPeer(POSTGRES.name)], ports: tcp(POSTGRES.port) },
      ...(redis ? [{ to: [podPeer(REDIS.name)], ports: tcp(REDIS.port) }] : []),
    ];
  }
  return [
    { to: [{ ipBlock: { cidr: stores.postgresCidr } }], ports: tcp(POSTGRES.port) },
    ...(redis ? [{ to: [{ ipBlock: { cidr: stores.redisCidr } }], ports: tcp(stores.redis.port) }] : []),
  ];
}

/** Services a service talks to over HTTP: its calls plus the user service's JWKS. */
export const httpDependencies = (s: ServiceSpec): ServiceSpec[] => {
  const names = new Set(s.calls);
  if (needsJwks(s)) names.add('user');
  return serviceList().filter((t) => names.has(t.name));
};

/** Services that reach this one over HTTP (inverse of httpDependencies). */
export const httpClients = (s: ServiceSpec): ServiceSpec[] =>
  serviceList().filter((c) => c.name !== s.name && httpDependencies(c).some((d) => d.name === s.name));

export function serviceNetworkPolicy(scope: Construct, spec: ServiceSpec, profile: EnvironmentProfile): void {
  const name = workloadName(spec.name);
  const ingress: INetworkPolicyIngressRule[] = [];
  const clients = httpClients(spec);
  if (clients.length > 0) ingress.push({ from: clients.map((c) => podPeer(workloadName(c.name))), ports: tcp(spec.port) });
  if (spec.routes.length > 0) {
    const edge = profile.mesh
      ? nsPeer(profile.mesh.ingressNamespace, profile.mesh.ingressGatewayLabels)
      : profile.ingress.kind === 'nginx'
        ? nsPeer(profile.ingress.controllerNamespace)
        : null;
    if (edge) ingress.push({ from: [edge], ports: tcp(spec.port) });
  }
  if (profile.monitoring) {
    // Prometheus scrapes the service port (over mTLS); nothing scrapes pilot-agent's 15020.
    const ports = tcp(spec.port);
    ingress.push({ from: [nsPeer(profile.monitoring.namespace, profile.monitoring.prometheusLabels)], ports });
  }
  if (profile.delivery === 'progressive' && spec.delivery === 'blue-green') {
    // The pre-promotion smoke analysis calls the preview pods from the Argo Rollouts controller.
    ingress.push({ from: [nsPeer(ROLLOUTS.namespace)], ports: tcp(spec.port) });
  }

  const egress: INetworkPolicyEgressRule[] = [];
  for (const dep of httpDependencies(spec)) egress.push({ to: [podPeer(workloadName(dep.name))], ports: tcp(dep.port) });
  egress.push(...dataStoreEgress(profile, true));
  egress.push({ ports: tcp(...AZURE_PORTS) });
  if (profile.mesh) egress.push({ to: [nsPeer(profile.mesh.systemNamespace)], ports: tcp(...ISTIOD_PORTS) });
  if (profile.otlpEndpoint && profile.monitoring) egress.push({ to: [nsPeer(profile.monitoring.namespace)], ports: tcp(endpointPort(profile.otlpEndpoint)) });

  emit(scope, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: profile.namespace, labels: componentLabels(profile, name, 'api') },
    spec: { podSelector: { matchLabels: selectorLabels(name) }, policyTypes: ['Ingress', 'Egress'], ingress, egress },
  } satisfies INetworkPolicy);
}

/** A migration Job only reaches its database. */
export function migrationNetworkPolicy(scope: Construct, spec: ServiceSpec, profile: EnvironmentProfile): void {
  const name = migrationJobName(spec.name);
  emit(scope, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    // In place before the Job (wave 0) starts: under default-deny it could not reach its database.
    metadata: { name, namespace: profile.namespace, labels: componentLabels(profile, name, 'migration'), annotations: { [ARGO_SYNC_WAVE]: WAVES.config } },
    spec: {
      podSelector: { matchLabels: selectorLabels(name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      // A managed PostgreSQL is signed in to with an Entra token: the Job asks Entra ID for it.
      egress: [...dataStoreEgress(profile, false), ...(profile.dataStores.kind === 'managed' ? [{ ports: tcp(443) }] : [])],
    },
  } satisfies INetworkPolicy);
}

