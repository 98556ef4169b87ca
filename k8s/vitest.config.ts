import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@tripgen/k8s',
    include: ['test/**/*.test.ts'],
    // Schema validation compiles large CRD schemas once; generous on a shared 2-core machine.
    testTimeout: 60_000,
  },
});
