import { defineProject } from 'vitest/config';

// The promotion test renders gitops/ twice in a scratch copy and the OpenAPI test boots each
// service against the local stack: generous timeouts on a shared 2-core machine.
export default defineProject({
  test: {
    name: '@tripgen/delivery',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
