/**
 * The secrets a service reads, by env var name (the contract with the service kit). Values
 * live only in Key Vault (prod) or in a Secret the dev bootstrap script creates; gitops/ holds
 * names and references, never a value.
 */
import { JWKS_PATH, workloadName, type ServiceSpec } from '@tripgen/catalog';
import type { EnvironmentProfile } from './profile.ts';

/** The Key Vault secret infra-bicep writes (modules/appinsights-secret.bicep; a test checks the snapshot). */
export const APPINSIGHTS_SECRET = 'appinsights-connection-string';

export interface SecretItem {
  /** Environment variable and key in the synced Kubernetes Secret. */
  readonly envVar: string;
  /** Key Vault secret name (prod; Bicep / the platform team writes the value). */
  readonly keyVaultSecret: string;
}

/**
 * Redis and Service Bus are reached with Microsoft Entra tokens (workload identity), and so is
 * the managed PostgreSQL (DATABASE_AUTH=entra: the URL names the role, the password is a token):
 * a database password exists only for the in-cluster PostgreSQL of dev. The token-signing key is
 * the user service's.
 */
export function serviceSecrets(s: ServiceSpec, profile: EnvironmentProfile): readonly SecretItem[] {
  const issuesTokens = s.routes.some((r) => r.anonymous.includes(JWKS_PATH));
  return [
    ...(profile.dataStores.kind === 'in-cluster' ? [{ envVar: 'DATABASE_URL', keyVaultSecret: `${s.name}-database-url` }] : []),
    // Where Application Insights exists (prod): infra-bicep writes its connection string into this secret.
    ...(profile.telemetry.appInsights ? [{ envVar: 'APPLICATIONINSIGHTS_CONNECTION_STRING', keyVaultSecret: APPINSIGHTS_SECRET }] : []),
    ...(issuesTokens ? [{ envVar: 'JWT_SIGNING_KEY', keyVaultSecret: `${s.name}-jwt-signing-key` }] : []),
  ];
}

/** Name of the Kubernetes Secret holding a service's secrets (synced by the CSI driver in prod). */
export const secretName = (s: ServiceSpec): string => `${workloadName(s.name)}-secrets`;
export const SECRETS_MOUNT_PATH = '/mnt/secrets-store';
