import { defineProject } from 'vitest/config';

// The Bicep CLI is a .NET process (1-3 s a run on a shared machine): generous timeouts, so that two
// files compiling at once (each in its own folder) may take twice as long.
export default defineProject({
  test: {
    name: '@tripgen/infra-bicep',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // build.test compiles three parameter files (prod-lean too) before its tests.
    hookTimeout: 300_000,
  },
});
