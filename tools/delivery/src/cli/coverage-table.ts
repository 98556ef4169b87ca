/** Coverage per workspace after the tests (scripts/test.sh); the gate and its workspaces are vitest.config.ts's. */
import config, { COVERAGE_MINIMUM } from '../../../../vitest.config.ts';
import { coverageCommand } from '../commands.ts';

process.exitCode = coverageCommand((config.test?.projects ?? []) as string[], COVERAGE_MINIMUM);
