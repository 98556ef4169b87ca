import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@tripgen/k8s',
    include: ['test/**/*.test.ts'],
    // Schema validation compiles large CRD schemas once; generous on a shared 2-core machine.
    testTimeout: 60_000,
    // Hooks too: at load ~25 vitest's 10 s default was outrun by afterAll stopping promql-scraped's
    // services and dropping postgres-backup's databases ('Hook timed out in 10000ms', every test passed).
    hookTimeout: 60_000,
  },
});
