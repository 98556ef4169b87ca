import { defineProject } from 'vitest/config';

// The Bicep CLI is a .NET process (1-3 s a run on a shared machine): generous timeouts, and
// files one after the other so that parallel compilers do not starve each other.
export default defineProject({
  test: {
    name: '@tripgen/infra-bicep',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // build.test compiles three parameter files (prod-lean too) before its tests.
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
