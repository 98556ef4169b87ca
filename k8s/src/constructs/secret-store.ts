/**
 * Key Vault → pod: one SecretProviderClass per service (Azure provider, workload identity) that
 * mounts exactly the secrets the service reads and syncs them into the Kubernetes Secret its env
 * refers to. Key Vault name, tenant and client id come from the profile (Bicep outputs).
 */
import { Construct } from 'constructs';
import { workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { EnvironmentProfile } from '../config/profile.ts';
import { secretName, serviceSecrets } from '../config/secrets.ts';
import { emit } from '../lib/emit.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels } from '../lib/labels.ts';

/**
 * secrets-store.csi.x-k8s.io/v1 SecretProviderClass: no TypeScript model is published, so this
 * local interface types what we render; the tests validate it against the upstream CRD schema
 * (../shared/crds/secrets-store-csi-secretproviderclass.yaml).
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

export const secretProviderClassName = (s: ServiceSpec): string => `${workloadName(s.name)}-kv`;

export const secretStoreVolume = (s: ServiceSpec): IVolume => ({
  name: 'secrets-store',
  csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: secretProviderClassName(s) } },
});

/** The `objects` parameter, written by hand so its text is stable byte for byte. */
function objectsParameter(items: readonly { keyVaultSecret: string; envVar: string }[]): string {
  const entries = items.map((i) => `  - |\n    objectName: ${i.keyVaultSecret}\n    objectType: secret\n    objectAlias: ${i.envVar}\n`);
  return `array:\n${entries.join('')}`;
}

export interface SecretStoreProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
}

export class SecretStore extends Construct {
  constructor(scope: Construct, id: string, props: SecretStoreProps) {
    super(scope, id);
    const { spec, profile } = props;
    if (profile.secrets.kind !== 'key-vault' || !profile.workloadIdentity) {
      throw new Error(`${spec.name}: a Key Vault secret store needs key-vault secrets and workload identity in the profile`);
    }
    const items = serviceSecrets(spec, profile);
    if (items.length === 0) return;
    const labels = componentLabels(profile, workloadName(spec.name), 'api');
    emit(this, {
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: secretProviderClassName(spec), namespace: profile.namespace, labels, annotations: { [ARGO_SYNC_WAVE]: WAVES.config } },
      spec: {
        provider: 'azure',
        parameters: {
          usePodIdentity: 'false',
          clientID: profile.workloadIdentity[spec.name],
          keyvaultName: profile.secrets.keyVaultName,
          tenantId: profile.secrets.tenantId,
          objects: objectsParameter(items),
        },
        secretObjects: [
          {
            secretName: secretName(spec),
            type: 'Opaque',
            labels,
            data: items.map((i) => ({ objectName: i.envVar, key: i.envVar })),
          },
        ],
      },
    } satisfies ISecretProviderClass);
  }
}
