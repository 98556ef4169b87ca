/**
 * A service's entry point (dist/server.mjs, every image's ENTRYPOINT) serves, or runs a one-shot command
 * and exits: `migrate` (the migration Job, at every rollout), `database-roles`, the location service's
 * `load-places`, and the usage line of a wrong one. The app is imported lazily in source, but one bundle
 * file had esbuild hoist every package of the app to its top, so each command linked Fastify,
 * OpenTelemetry, ioredis, prom-client and the rest before its first line ran (0.6 s of CPU and 95 MB of
 * RSS for a usage line; bare node 0.05 s). The bundler now splits the lazily imported code into chunks
 * (build/bundle-service.mjs): what Node links before the entry runs is read from the built modules' own
 * import statements, as Node reads them.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { SERVICE_COMMANDS } from '@tripgen/catalog';
import { bundleGraph } from '@tripgen/service-kit/build';
import { builtServiceEntry } from '@tripgen/dev-tools/local-services';
import { REPO_ROOT, existingServices } from '@tripgen/dev-tools/layout';

it.each(existingServices())('the %s entry point links none of the app\'s packages before it runs a command', async (service) => {
  const entry = path.resolve(REPO_ROOT, await builtServiceEntry(service));
  const { files, packages } = await bundleGraph(entry);
  expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
  // The app is there, in a module the entry imports when it serves (a bundle without it would prove nothing).
  const served = await bundleGraph(entry, { dynamic: true });
  expect(served.packages).toEqual(expect.arrayContaining(['fastify', 'ioredis', '@opentelemetry/api', 'prom-client']));
  expect(served.files.length).toBeGreaterThan(files.length);
  // And the split bundle runs: a wrong command is answered with the usage line, from plain node.
  const wrong = await promisify(execFile)(process.execPath, [entry, `${SERVICE_COMMANDS.migrate}s`], { env: { PATH: process.env.PATH } }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toMatch(new RegExp(`^unknown command "${SERVICE_COMMANDS.migrate}s"; usage: .*\\b${SERVICE_COMMANDS.migrate}\\b`));
}, 60_000);
