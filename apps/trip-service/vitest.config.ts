import { defineConfig } from 'vitest/config';

// Tests run every service against the real local PostgreSQL/PostGIS, Redis and the Service Bus
// emulator; setting up a stack (four databases, the place data loaded) takes long on a loaded 2-core machine.
export default defineConfig({
  test: { name: '@tripgen/trip-service', testTimeout: 120_000, hookTimeout: 180_000 },
});
