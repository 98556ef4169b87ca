/**
 * Every service's bundle carries typebox's schema builder inside it and loads neither typebox nor its
 * Fastify type provider from node_modules at run time (build/bundle-service.mjs says why; issue 15:
 * the user and location services' peak RSS 5-9 MiB lower). A runtime import of `Type` from the
 * provider would load typebox again, whole, through the provider's own imports.
 */
import { expect, it } from 'vitest';
import { bundleSource } from '@tripgen/service-kit/build';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import { existingServices } from '@tripgen/dev-tools/layout';

/** An import or dynamic import of a package by name, as esbuild writes them in an ESM bundle. */
const importsPackage = (bundle: string, name: string): boolean => new RegExp(`(from|import\\()\\s*["']${name.replace('/', '\\/')}(\\/[^"']*)?["']`).test(bundle);

it.each(existingServices())('the %s bundle has typebox inlined', async (service) => {
  const bundle = await bundleSource(await builtServiceEntry(service));
  expect(importsPackage(bundle, 'typebox')).toBe(false);
  expect(importsPackage(bundle, '@fastify/type-provider-typebox')).toBe(false);
  // The builder itself is in the bundle (a service that built no schema would prove nothing).
  expect(bundle).toMatch(/^\/\/ \S*node_modules\/typebox\//m);
});

it('tells an external import from an inlined one', () => {
  expect(importsPackage('import { Type } from "typebox";', 'typebox')).toBe(true);
  expect(importsPackage('import { Compile } from "typebox/compile";', 'typebox')).toBe(true);
  expect(importsPackage('const m = await import("@fastify/type-provider-typebox");', '@fastify/type-provider-typebox')).toBe(true);
  expect(importsPackage('// ../../node_modules/typebox/build/type/index.mjs\nvar Type = {};', 'typebox')).toBe(false);
});
