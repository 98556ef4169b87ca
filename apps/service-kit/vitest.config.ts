import { defineConfig } from 'vitest/config';

// Tests boot real processes against the local PostgreSQL/Redis: generous timeouts on a loaded
// 2-core machine. Files run beside other files: one file binds the catalog ports
// (test/probes.test.ts), and every other server the tests start listens on port 0 (PORT=0 for a
// process), which the kernel picks from its ephemeral range (32768 and up), above every catalog
// port (probes.test.ts checks it).
export default defineConfig({
  test: { name: '@tripgen/service-kit', testTimeout: 60_000, hookTimeout: 60_000 },
});
