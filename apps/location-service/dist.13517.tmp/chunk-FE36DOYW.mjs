// apps/service-kit/src/azure-credential.ts
async function azureCredentialFromEnv(env = process.env) {
  const identity = await import("@azure/identity");
  if (env.AZURE_FEDERATED_TOKEN_FILE) {
    return new identity.WorkloadIdentityCredential({
      ...env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {},
      ...env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {},
      tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE
    });
  }
  return new identity.DefaultAzureCredential();
}

export {
  azureCredentialFromEnv
};
