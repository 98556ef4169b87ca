import { defineConfig } from 'vitest/config';

// Tests boot real processes against the local PostgreSQL/Redis: generous timeouts on a loaded
// 2-core machine, and one file at a time so they do not compete for the catalog ports.
export default defineConfig({
  test: { name: '@tripgen/service-kit', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
