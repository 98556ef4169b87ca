/** `npm run capacity` (root package.json): the command of command.ts with this process's arguments. */
import { capacityCommand } from './command.ts';

process.exitCode = capacityCommand(process.argv.slice(2));
