import { defineConfig } from 'vitest/config';

// Repository-wide checks: one copies the repository and runs other projects' tests inside it,
// which takes a while on a shared 2-core machine.
export default defineConfig({
  test: { name: '@tripgen/scripts', include: ['test/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 },
});
