/**
 * What an image's `npm ci --omit=dev --workspace <service>` leaves in node_modules, read from
 * package-lock.json (lockfileVersion 3: one entry a folder, keyed by its path) without a registry or
 * Docker: the service workspace's production edges followed as Node resolves them (the importer's own
 * node_modules first, then each folder above it), through workspace links. Production edges are what
 * npm installs with --omit=dev: `dependencies`, `optionalDependencies` and peers not marked optional;
 * a devDependency is never followed, even of a workspace library. Optional peers are left out (the
 * Dockerfile removes the lockfile's devOptional folders that npm keeps anyway); an optional package
 * locked for each platform (esbuild's binaries) counts for every one, as the image may be built for any.
 * Checked against real installs of the location service (npm 10.8.2, the image's, and 11.19): the same
 * folders, but for the other platforms' optional packages.
 */
import { posix } from 'node:path';

interface LockedPackage {
  readonly version?: string;
  readonly link?: boolean;
  readonly resolved?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
}
export interface Lockfile {
  readonly packages: Readonly<Record<string, LockedPackage>>;
}

/** The folder Node loads `name` from when `from` (a lockfile key, '' the root) imports it; undefined when none is locked. */
const resolveFrom = (lock: Lockfile, from: string, name: string): string | undefined => {
  for (let dir = from || '.'; ; dir = posix.dirname(dir)) {
    const candidate = dir === '.' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '.') return undefined;
  }
};

/** The installed package folders (lockfile keys under node_modules, links left out) that `workspace` (e.g. apps/user-service) needs in production. */
export const productionInstall = (lock: Lockfile, workspace: string): Set<string> => {
  if (!lock.packages[workspace]) throw new Error(`${workspace} is not in package-lock.json`);
  const installed = new Set<string>();
  const seen = new Set<string>([workspace]);
  const queue = [workspace];
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    const p = lock.packages[at]!;
    const optionalPeers = new Set(Object.entries(p.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    const required = [...Object.keys(p.dependencies ?? {}), ...Object.keys(p.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n))];
    const edges = [...required.map((name) => ({ name, optional: false })), ...Object.keys(p.optionalDependencies ?? {}).map((name) => ({ name, optional: true }))];
    for (const { name, optional } of edges) {
      const found = resolveFrom(lock, at, name);
      if (!found) {
        if (optional) continue;
        throw new Error(`${at} needs ${name}, which package-lock.json does not lock where Node would find it`);
      }
      const entry = lock.packages[found]!;
      const target = entry.link ? entry.resolved! : found;
      if (!entry.link) installed.add(found);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return installed;
};

/** The package name of a lockfile folder (`node_modules/a/node_modules/@s/b` is `@s/b`). */
export const packageNameOf = (folder: string): string => folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
