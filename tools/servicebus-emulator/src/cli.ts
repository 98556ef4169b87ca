/**
 * Runs the Service Bus emulator for local development: `node --import tsx tools/servicebus-emulator/src/cli.ts`.
 * Queues come from the service catalog unless given; prints the connection string services take as
 * SERVICEBUS_CONNECTION_STRING and runs until SIGINT/SIGTERM.
 *   --port <n>                  (env SERVICEBUS_EMULATOR_PORT, default DEFAULT_EMULATOR_PORT: 55671, as `npm run dev`)
 *   --queues a,b,c              (default: the catalog's QUEUE_NAMES)
 *   --max-delivery-count <n>    (default: the catalog's QUEUE_LIMITS.maxDeliveryCount)
 */
import { parseArgs } from 'node:util';
import { QUEUE_LIMITS, QUEUE_NAMES } from '@tripgen/catalog';
import { DEFAULT_EMULATOR_PORT, startServiceBusEmulator } from './emulator.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    queues: { type: 'string' },
    'max-delivery-count': { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.SERVICEBUS_EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT);
const queues = values.queues ? values.queues.split(',').map((q) => q.trim()).filter(Boolean) : [...QUEUE_NAMES];
const maxDeliveryCount = Number(values['max-delivery-count'] ?? QUEUE_LIMITS.maxDeliveryCount);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port}`);
if (!Number.isInteger(maxDeliveryCount) || maxDeliveryCount < 1) throw new Error(`invalid max delivery count: ${values['max-delivery-count']}`);

const emulator = await startServiceBusEmulator({ port, queues, maxDeliveryCount });
console.log(JSON.stringify({ msg: 'servicebus emulator listening', port: emulator.port, queues, connectionString: emulator.connectionString }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
