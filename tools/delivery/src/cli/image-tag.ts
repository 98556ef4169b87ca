/** `npm run -s ci:image-tag -- <env>` (../commands.ts). */
import { imageTagCommand } from '../commands.ts';

process.exitCode = imageTagCommand(process.argv.slice(2));
