import { describe, expect, it } from 'vitest';
import { DefaultAzureCredential, WorkloadIdentityCredential } from '@azure/identity';
import { azureCredentialFromEnv, serviceBusBrokerFromEnv } from './service-bus-broker.ts';
import { quietLogger } from '@tripgen/testing';

// Construction only: neither the SDK nor the credentials touch the network before the first operation.
describe('Service Bus configuration from the environment', () => {
  it('refuses to start without SERVICEBUS_FQDN or SERVICEBUS_CONNECTION_STRING, naming both', async () => {
    await expect(serviceBusBrokerFromEnv({})).rejects.toThrow(/SERVICEBUS_FQDN .*SERVICEBUS_CONNECTION_STRING/);
  });

  it('rejects an FQDN that is a URL rather than a host name', async () => {
    await expect(serviceBusBrokerFromEnv({ SERVICEBUS_FQDN: 'sb://tripgen-dev.servicebus.windows.net/' })).rejects.toThrow(/host name/);
  });

  it('uses the connection string (the local emulator) when one is given', async () => {
    const broker = await serviceBusBrokerFromEnv(
      { SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true' },
      { logger: quietLogger },
    );
    await broker.close();
  });

  it('authenticates with workload identity when AKS has injected the federated token file', async () => {
    const credential = await azureCredentialFromEnv({
      AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
      AZURE_TENANT_ID: '00000000-0000-0000-0000-000000000002',
    });
    expect(credential).toBeInstanceOf(WorkloadIdentityCredential);
  });

  it('falls back to DefaultAzureCredential elsewhere (developer login, managed identity)', async () => {
    expect(await azureCredentialFromEnv({})).toBeInstanceOf(DefaultAzureCredential);
  });

  it('builds an Entra ID broker for SERVICEBUS_FQDN without connecting yet', async () => {
    const broker = await serviceBusBrokerFromEnv({ SERVICEBUS_FQDN: 'tripgen-dev.servicebus.windows.net' }, { logger: quietLogger });
    await broker.close();
  });
});
