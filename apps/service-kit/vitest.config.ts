import { defineConfig } from 'vitest/config';

// Tests boot real processes against the local PostgreSQL/Redis: generous timeouts on a loaded
// 2-core machine. Files run beside other files: the one test that binds the catalog ports
// (test/probes.test.ts) is a single file, and every other process a test starts takes PORT=0, whose
// ports (the kernel's ephemeral range, 32768 and up) never are the catalog's (3001-3004).
export default defineConfig({
  test: { name: '@tripgen/service-kit', testTimeout: 60_000, hookTimeout: 60_000 },
});
