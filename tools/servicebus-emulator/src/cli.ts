/**
 * Runs the Service Bus emulator for local development: `node --import tsx tools/servicebus-emulator/src/cli.ts`.
 * Queues come from the service catalog unless given (options: cli-options.ts); prints the connection
 * string services take as SERVICEBUS_CONNECTION_STRING and runs until SIGINT/SIGTERM.
 */
import { CLI_USAGE, parseCliOptions, type CliOptions } from './cli-options.ts';
import { startServiceBusEmulator } from './emulator.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(CLI_USAGE);
  process.exit(0);
}
// A wrong option is a message and the usage, not a stack trace (exit 2, as a usage error).
let options: CliOptions;
try {
  options = parseCliOptions(args, process.env);
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${CLI_USAGE}`);
  process.exit(2);
}
const { port, queues, maxDeliveryCount } = options;
const emulator = await startServiceBusEmulator({ port, queues, maxDeliveryCount });
console.log(JSON.stringify({ msg: 'servicebus emulator listening', port: emulator.port, queues, connectionString: emulator.connectionString }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.stop().then(() => process.exit(0));
  });
}
