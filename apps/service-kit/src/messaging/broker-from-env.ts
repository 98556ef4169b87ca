import type { MessageBroker } from './broker.ts';
import type { MessagingLogger } from './errors.ts';
import { createPostgresBroker } from './postgres-broker.ts';
import { serviceBusBrokerFromEnv, type ServiceBusRetry } from './service-bus-broker.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The broker a service runs with, chosen by its environment:
 *  - SERVICEBUS_FQDN (Azure, workload identity) or SERVICEBUS_CONNECTION_STRING (the local emulator)
 *    → the Azure Service Bus adapter;
 *  - otherwise MESSAGING_DATABASE_URL (one PostgreSQL database shared by the local services)
 *    → the local PostgreSQL adapter.
 */
export async function messageBrokerFromEnv(
  env: Env = process.env,
  extra: { retry?: ServiceBusRetry; logger?: MessagingLogger; maxDeliveryCount?: number } = {},
): Promise<MessageBroker> {
  if (env.SERVICEBUS_FQDN?.trim() || env.SERVICEBUS_CONNECTION_STRING?.trim()) {
    return serviceBusBrokerFromEnv(env, { ...(extra.retry ? { retry: extra.retry } : {}), ...(extra.logger ? { logger: extra.logger } : {}) });
  }
  const url = env.MESSAGING_DATABASE_URL?.trim();
  if (url) {
    return createPostgresBroker({
      connectionString: url,
      ...(extra.logger ? { logger: extra.logger } : {}),
      ...(extra.maxDeliveryCount !== undefined ? { maxDeliveryCount: extra.maxDeliveryCount } : {}),
    });
  }
  throw new Error(
    'messaging is not configured: set SERVICEBUS_FQDN (Azure), SERVICEBUS_CONNECTION_STRING (local emulator) or MESSAGING_DATABASE_URL (local PostgreSQL broker)',
  );
}
