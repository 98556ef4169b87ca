/** `npm run promote -- <env> <tag> [--no-commit]` (../commands.ts, ../promote.ts). */
import { promoteCommand } from '../commands.ts';

process.exitCode = promoteCommand(process.argv.slice(2));
