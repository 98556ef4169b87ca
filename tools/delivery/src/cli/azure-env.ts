/** `npm run -s ci:azure -- <env> >> "$GITHUB_OUTPUT"` (../commands.ts, ../azure-env.ts). */
import { azureCommand } from '../commands.ts';

process.exitCode = azureCommand(process.argv.slice(2));
