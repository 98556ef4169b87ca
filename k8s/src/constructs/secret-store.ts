/**
 * Key Vault → pod: one SecretProviderClass per service (Azure provider, workload identity) that
 * mounts exactly the secrets the service reads and syncs them into the Kubernetes Secret its env
 * refers to. Key Vault name, tenant and client id come from the profile (Bicep outputs).
 */
import { Construct } from 'constructs';
import { workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { EnvironmentProfile } from '../config/profile.ts';
import { secretVariables } from '../config/environment.ts';
import { secretName } from '../config/secrets.ts';
import { emit } from '../lib/emit.ts';
import { KEY_VAULT_MOUNT_PATH, keyVaultObjects, keyVaultVolume, type ISecretProviderClass } from '../lib/key-vault.ts';
import { ARGO_SYNC_WAVE, WAVES, componentLabels } from '../lib/labels.ts';

export const secretProviderClassName = (s: ServiceSpec): string => `${workloadName(s.name)}-kv`;

const VOLUME = 'secrets-store';

/** The pod volume that mounts the service's SecretProviderClass (and so makes its Secret sync), and its mount. */
export const secretStoreVolume = (s: ServiceSpec): IVolume => keyVaultVolume(VOLUME, secretProviderClassName(s));
export const secretStoreMount = (): IVolumeMount => ({ name: VOLUME, mountPath: KEY_VAULT_MOUNT_PATH, readOnly: true });

export interface SecretStoreProps {
  readonly spec: ServiceSpec;
  readonly profile: EnvironmentProfile;
}

export class SecretStore extends Construct {
  constructor(scope: Construct, id: string, private readonly props: SecretStoreProps) {
    super(scope, id);
    this.secretProviderClass();
  }

  private secretProviderClass(): void {
    const { spec, profile } = this.props;
    if (profile.secrets.kind !== 'key-vault' || !profile.workloadIdentity) {
      throw new Error(`${spec.name}: a Key Vault secret store needs key-vault secrets and workload identity in the profile`);
    }
    const items = secretVariables(spec, profile);
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
          objects: keyVaultObjects(items.map((i) => ({ objectName: i.keyVaultSecret, objectAlias: i.envVar }))),
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
