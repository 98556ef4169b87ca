/** The Azure credential of a pod, shared by the Service Bus broker and the Redis client. */
import type { TokenCredential } from '@azure/identity';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The Azure credential for this pod: workload identity when its webhook has injected the token file
 * (AKS), otherwise DefaultAzureCredential (developer machines with `az login`, managed identity).
 * @azure/identity is loaded only when a credential is needed (local runs never need one).
 */
export async function azureCredentialFromEnv(env: Env = process.env): Promise<TokenCredential> {
  const identity = await import('@azure/identity');
  if (env.AZURE_FEDERATED_TOKEN_FILE) {
    return new identity.WorkloadIdentityCredential({
      ...(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
      ...(env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {}),
      tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
    });
  }
  return new identity.DefaultAzureCredential();
}
