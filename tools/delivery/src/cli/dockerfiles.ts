/** `npm run dockerfiles` (../commands.ts, ../dockerfiles.ts). */
import { dockerfilesCommand } from '../commands.ts';

process.exitCode = dockerfilesCommand(process.argv.slice(2));
