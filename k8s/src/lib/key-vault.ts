/**
 * Key Vault through the Secrets Store CSI driver (Azure provider), written once for the services'
 * secrets and the edge certificate: the SecretProviderClass type, its `objects` parameter and the
 * CSI volume that makes the driver sync a class's Secret (it syncs only while a pod mounts it).
 */
import type { IVolume } from 'kubernetes-models/v1/Volume';

/**
 * secrets-store.csi.x-k8s.io/v1 SecretProviderClass: no TypeScript model is published, so this
 * local interface types what we render; the tests validate it against the upstream CRD schema
 * (k8s/crds/secrets-store-csi-secretproviderclass.yaml).
 */
export interface ISecretProviderClass {
  apiVersion: 'secrets-store.csi.x-k8s.io/v1';
  kind: 'SecretProviderClass';
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    provider: 'azure';
    /** Provider parameters are strings; `objects` is YAML inside a string, as the provider reads it. */
    parameters: Record<string, string>;
    secretObjects?: Array<{
      secretName: string;
      type: 'Opaque' | 'kubernetes.io/tls';
      labels?: Record<string, string>;
      data: Array<{ objectName: string; key: string }>;
    }>;
  };
}

export interface KeyVaultObject {
  /** The Key Vault secret (a certificate is read as a secret: key and chain in PEM). */
  readonly objectName: string;
  /** The file name (and Secret key source) it is mounted as, when not its own name. */
  readonly objectAlias?: string;
}

/** The provider's `objects` parameter, written by hand so its text is stable byte for byte. */
export const keyVaultObjects = (objects: readonly KeyVaultObject[]): string =>
  `array:\n${objects
    .map((o) => `  - |\n    objectName: ${o.objectName}\n    objectType: secret\n${o.objectAlias ? `    objectAlias: ${o.objectAlias}\n` : ''}`)
    .join('')}`;

/** Where a pod mounts its SecretProviderClass (the files are not read: the synced Secret is). */
export const KEY_VAULT_MOUNT_PATH = '/mnt/secrets-store';

/** A pod volume mounting a SecretProviderClass (read-only), the mount that makes its Secret sync. */
export const keyVaultVolume = (name: string, secretProviderClass: string): IVolume => ({
  name,
  csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass } },
});
