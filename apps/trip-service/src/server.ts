/** Process entry point of the trip service (container command and `npm run dev`). */
import { runService } from '@tripgen/service-kit';
import { buildTripService } from './app.ts';

try {
  await runService(await buildTripService());
} catch (err) {
  // A configuration error is the operator's to fix: one clear line, no stack.
  console.error(err instanceof Error && err.name === 'ConfigError' ? err.message : err);
  process.exit(1);
}
