/**
 * SDKs a service may never use are imported where they are used, not with the kit: the bundle of
 * a service without Event Hubs (the user service; only the trip service produces events) must not
 * load @azure/event-hubs and its AMQP stack at start (issue 15: they sat in every service's heap).
 * A static import would be hoisted to the bundle's top and loaded by every service.
 */
import { expect, it } from 'vitest';
import { bundleSource } from '@tripgen/service-kit/build';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';

it('imports @azure/event-hubs only dynamically, on the first publish', async () => {
  const staticImport = /^import [^;]*from ["']@azure\/event-hubs["']/m;
  expect(await bundleSource(await builtServiceEntry('user'))).not.toMatch(staticImport);
  // The producing service still has it, where it publishes.
  const trip = await bundleSource(await builtServiceEntry('trip'));
  expect(trip).not.toMatch(staticImport);
  expect(trip).toMatch(/import\(["']@azure\/event-hubs["']\)/);
});
