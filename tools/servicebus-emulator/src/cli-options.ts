/**
 * The emulator command's options (cli.ts), parsed and checked apart from starting it, so a wrong
 * flag is a clear message.
 *   --port <n>                  (env SERVICEBUS_EMULATOR_PORT, default DEFAULT_EMULATOR_PORT: 55671, as `npm run dev`)
 *   --queues a,b,c              (default: the catalog's QUEUE_NAMES)
 *   --max-delivery-count <n>    (default: the catalog's QUEUE_LIMITS.maxDeliveryCount)
 */
import { parseArgs } from 'node:util';
import { QUEUE_LIMITS, QUEUE_NAMES } from '@tripgen/catalog';
import { DEFAULT_EMULATOR_PORT } from './emulator.ts';

export const CLI_USAGE = 'usage: npm run -w @tripgen/servicebus-emulator start -- [--port <n>] [--queues a,b,c] [--max-delivery-count <n>]';

export interface CliOptions {
  readonly port: number;
  readonly queues: string[];
  readonly maxDeliveryCount: number;
}

export function parseCliOptions(args: readonly string[], env: Readonly<Record<string, string | undefined>>): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      queues: { type: 'string' },
      'max-delivery-count': { type: 'string' },
    },
  });
  const port = Number(values.port ?? env.SERVICEBUS_EMULATOR_PORT ?? DEFAULT_EMULATOR_PORT);
  const queues = values.queues ? values.queues.split(',').map((q) => q.trim()).filter(Boolean) : [...QUEUE_NAMES];
  const maxDeliveryCount = Number(values['max-delivery-count'] ?? QUEUE_LIMITS.maxDeliveryCount);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? env.SERVICEBUS_EMULATOR_PORT}`);
  if (!Number.isInteger(maxDeliveryCount) || maxDeliveryCount < 1) throw new Error(`invalid max delivery count: ${values['max-delivery-count']}`);
  return { port, queues, maxDeliveryCount };
}
