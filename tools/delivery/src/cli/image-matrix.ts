/** `npm run -s ci:images` (../commands.ts, ../images.ts). */
import { imagesCommand } from '../commands.ts';

process.exitCode = imagesCommand(process.argv.slice(2));
