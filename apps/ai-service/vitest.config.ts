import { defineConfig } from 'vitest/config';

// Tests run the service against the real local PostgreSQL/Redis: generous timeouts on a loaded 2-core machine.
export default defineConfig({
  test: { name: '@tripgen/ai-service', testTimeout: 60_000, hookTimeout: 60_000 },
});
