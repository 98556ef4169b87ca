import { defineProject } from 'vitest/config';

// Solver tests run real searches on benchmark instances; give them room on a shared CI box.
export default defineProject({
  test: {
    name: '@tripgen/planner',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
