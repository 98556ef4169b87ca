/**
 * Cluster-network building blocks, each written once: the DNS name of a Service, NetworkPolicy
 * peers and ports, and the DNS egress every pod needs under default-deny.
 */
import type { INetworkPolicyEgressRule } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';

/** The cluster DNS name of a Service: how a pod reaches another over the cluster network. */
export const inClusterHost = (service: string, namespace: string): string => `${service}.${namespace}.svc.cluster.local`;

/** Pods of a namespace (all of them, or those with `podLabels`). */
export const namespacePeer = (namespace: string, podLabels?: Readonly<Record<string, string>>): INetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
  ...(podLabels ? { podSelector: { matchLabels: { ...podLabels } } } : {}),
});

/** The pods of one component in the policy's own namespace, by their `app.kubernetes.io/name`. */
export const podPeer = (name: string): INetworkPolicyPeer => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } });

export const tcpPorts = (...ports: number[]): INetworkPolicyPort[] => ports.map((port) => ({ protocol: 'TCP', port }));

/** Name resolution: the cluster DNS (kube-dns in kube-system), over UDP and TCP 53. */
export const dnsEgressRule = (): INetworkPolicyEgressRule => ({
  to: [namespacePeer('kube-system', { 'k8s-app': 'kube-dns' })],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
});

/**
 * HTTPS to Azure's public endpoints: the Entra ID token endpoint every pod that signs in with its
 * workload identity needs (tokens for PostgreSQL, Redis, Service Bus, Event Hubs, Storage), and per
 * pod Application Insights ingestion (prod services) or Blob Storage (the dev backup). A
 * NetworkPolicy names no host, so this port is open to any address. Key Vault is not among them:
 * the CSI driver on the node reads it, not the pod.
 */
export const AZURE_HTTPS_PORT = 443;
