/**
 * The Istio ingress gateway's certificate Secret, synced from Key Vault the way Microsoft documents
 * for the AKS Istio add-on ("secure ingress gateway" with the Key Vault secrets provider add-on):
 * in the gateway's namespace, a SecretProviderClass that reads the Key Vault certificate as a
 * secret (PEM key + chain) with the add-on's own managed identity and syncs it into a
 * `kubernetes.io/tls` Secret, plus a Deployment whose pods only mount that class, because the CSI
 * driver creates (and rotates) a synced Secret only while some pod mounts it, and deletes it with
 * the last such pod. Two replicas in different zones behind a PDB keep one mount at all times.
 */
import { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { EnvironmentProfile, GatewayCertificateSource, MeshProfile } from '../config/profile.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels, selectorLabels } from '../lib/labels.ts';
import { KEY_VAULT_MOUNT_PATH, keyVaultObjects, keyVaultVolume, type ISecretProviderClass } from '../lib/key-vault.ts';
import { dnsEgressRule } from '../lib/network.ts';
import { DISRUPTION_MAX_UNAVAILABLE, zoneSpread } from '../lib/scheduling.ts';
import { containerSecurityContext, podSecurityContext } from '../lib/security.ts';

/** Name of the sync workload (Deployment, ServiceAccount, PDB, NetworkPolicy, pod label). */
export const GATEWAY_CERT_SYNC = 'tripgen-edge-tls-sync';
/** Component label of the sync workload: a platform helper, not a TripGen service. */
export const GATEWAY_CERT_COMPONENT = 'edge-tls';
const SPC_NAME = 'tripgen-edge-tls';
const REPLICAS = 2;

/** `pause -v` prints its version and exits 0: the only command the image has, so it is the probe. */
const pauseProbe = (periodSeconds: number, failureThreshold: number): IProbe => ({
  exec: { command: ['/pause', '-v'] },
  periodSeconds,
  timeoutSeconds: 5,
  failureThreshold,
});

export interface GatewayCertificateProps {
  readonly profile: EnvironmentProfile;
  readonly mesh: MeshProfile;
  readonly secretName: string;
  readonly source: GatewayCertificateSource;
}

export class GatewayCertificate extends Construct {
  private readonly labels: Record<string, string>;
  private readonly selector: Record<string, string>;
  private readonly configWave = { [ARGO_SYNC_WAVE]: WAVES.config };

  constructor(scope: Construct, id: string, private readonly props: GatewayCertificateProps) {
    super(scope, id);
    this.labels = componentLabels(props.profile, GATEWAY_CERT_SYNC, GATEWAY_CERT_COMPONENT);
    this.selector = selectorLabels(GATEWAY_CERT_SYNC);
    this.secretProviderClass();
    this.serviceAccount();
    this.networkPolicy();
    this.deployment();
    this.disruptionBudget();
  }

  private get namespace(): string {
    return this.props.mesh.ingressNamespace;
  }

  private secretProviderClass(): void {
    const { source, secretName } = this.props;
    emit(this, {
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: SPC_NAME, namespace: this.namespace, labels: this.labels, annotations: this.configWave },
      spec: {
        provider: 'azure',
        parameters: {
          usePodIdentity: 'false',
          // The add-on's identity (a kubelet-level identity), not a workload identity: the gateway
          // pods are the add-on's, and this is the identity Microsoft's guide grants the vault to.
          useVMManagedIdentity: 'true',
          userAssignedIdentityID: source.addonIdentityClientId,
          keyvaultName: source.keyVaultName,
          tenantId: source.tenantId,
          // objectType secret is the only way to get the private key with the certificate.
          objects: keyVaultObjects([{ objectName: source.keyVaultCertificate }]),
        },
        secretObjects: [
          {
            secretName,
            type: 'kubernetes.io/tls',
            labels: this.labels,
            // The driver splits the PEM: the key into tls.key, the certificate chain into tls.crt.
            data: [
              { objectName: source.keyVaultCertificate, key: 'tls.key' },
              { objectName: source.keyVaultCertificate, key: 'tls.crt' },
            ],
          },
        ],
      },
    } satisfies ISecretProviderClass);
  }

  private serviceAccount(): void {
    emit(this, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: GATEWAY_CERT_SYNC, namespace: this.namespace, labels: this.labels, annotations: this.configWave },
      automountServiceAccountToken: false,
    } satisfies IServiceAccount);
  }

  /**
   * The pods serve nothing and call nothing (the CSI driver on the node talks to Key Vault): no
   * ingress at all, egress to DNS only (the manifest rules' baseline for every pod). The add-on's
   * namespace has no default-deny of ours, so this policy isolates exactly these pods.
   */
  private networkPolicy(): void {
    emit(this, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: GATEWAY_CERT_SYNC, namespace: this.namespace, labels: this.labels, annotations: this.configWave },
      spec: { podSelector: { matchLabels: this.selector }, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [dnsEgressRule()] },
    } satisfies INetworkPolicy);
  }

  private deployment(): void {
    const { source } = this.props;
    emit(this, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: GATEWAY_CERT_SYNC, namespace: this.namespace, labels: this.labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.workload } },
      spec: {
        replicas: REPLICAS,
        revisionHistoryLimit: 3,
        // A new pod mounts before an old one goes: the Secret always has a mounting owner.
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        selector: { matchLabels: this.selector },
        template: {
          // Out of the mesh: the pod has no traffic to secure, and the add-on's namespace is not ours.
          metadata: { labels: { ...this.labels, 'sidecar.istio.io/inject': 'false' } },
          spec: {
            serviceAccountName: GATEWAY_CERT_SYNC,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: 5,
            securityContext: podSecurityContext(),
            containers: [
              {
                name: 'pause',
                image: source.syncImage,
                imagePullPolicy: 'IfNotPresent',
                resources: { requests: { ...source.syncResources.requests }, limits: { ...source.syncResources.limits } },
                // A failed mount keeps the pod from starting at all, so "running" already means
                // "certificate synced"; the probes only prove the container still runs.
                startupProbe: pauseProbe(5, 12),
                livenessProbe: pauseProbe(60, 3),
                readinessProbe: pauseProbe(30, 1),
                securityContext: containerSecurityContext(),
                volumeMounts: [{ name: 'edge-tls', mountPath: KEY_VAULT_MOUNT_PATH, readOnly: true }],
              },
            ],
            volumes: [keyVaultVolume('edge-tls', SPC_NAME)],
            // One per zone, or a zone outage takes the gateway's certificate with it.
            topologySpreadConstraints: zoneSpread(this.selector, REPLICAS, 'Deployment'),
          },
        },
      },
    } satisfies IDeployment);
  }

  private disruptionBudget(): void {
    emit(this, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: GATEWAY_CERT_SYNC, namespace: this.namespace, labels: this.labels },
      spec: { maxUnavailable: DISRUPTION_MAX_UNAVAILABLE, selector: { matchLabels: this.selector }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
    } satisfies IPodDisruptionBudget);
  }
}
