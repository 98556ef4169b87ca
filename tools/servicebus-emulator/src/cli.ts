/**
 * Runs the Service Bus emulator for local development: `node --import tsx tools/servicebus-emulator/src/cli.ts`.
 * Queues come from the service catalog unless given (options: cli-options.ts); prints the connection
 * string services take as SERVICEBUS_CONNECTION_STRING and runs until SIGINT/SIGTERM.
 */
import { parseCliOptions } from './cli-options.ts';
import { startServiceBusEmulator } from './emulator.ts';

const { port, queues, maxDeliveryCount } = parseCliOptions(process.argv.slice(2), process.env);
const emulator = await startServiceBusEmulator({ port, queues, maxDeliveryCount });
console.log(JSON.stringify({ msg: 'servicebus emulator listening', port: emulator.port, queues, connectionString: emulator.connectionString }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
