/**
 * The dev bootstrap (k8s/src/bootstrap/dev-secrets.ts) writes Secrets into the cluster of the kube
 * context it is given, else kubectl's current one. No cluster runs here: kubectl is a stand-in on
 * PATH that records its arguments and answers like kubectl for a namespace without the Secrets
 * (`get` fails NotFound, `apply` succeeds, a jsonpath read prints the base64 of a value), or, told
 * so, for one whose Secrets exist (written before ADDRESS_HASH_KEY was, or with every key).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceList } from '@tripgen/catalog';
import { repoPath } from '../src/lib/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'dev-secrets-'));
const log = join(dir, 'calls.log');
/** What each `apply` was given on stdin, one manifest a line. */
const applied = join(dir, 'applied.jsonl');
writeFileSync(
  join(dir, 'kubectl'),
  `#!/bin/sh
echo "$*" >> "${log}"
case "$*" in
  *jsonpath=*ADDRESS_HASH_KEY*) [ -n "$KUBECTL_SECRETS_BEFORE_ADDRESS_KEY" ] || printf '%s' cGFzc3dvcmQ= ;;
  *jsonpath=*) printf '%s' cGFzc3dvcmQ= ;;
  *" get "*) if [ -n "$KUBECTL_SECRETS_EXIST" ]; then echo "secret/x"; else echo 'Error from server (NotFound)' >&2; exit 1; fi ;;
  *) cat >> "${applied}"; echo >> "${applied}" ;;
esac
`,
);
chmodSync(join(dir, 'kubectl'), 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runIn({}, ...args);
const runIn = (cluster: Record<string, string>, ...args: string[]) => {
  writeFileSync(log, '');
  writeFileSync(applied, '');
  const r = spawnSync(process.execPath, ['--import', 'tsx', repoPath('k8s', 'src', 'bootstrap', 'dev-secrets.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...cluster, PATH: `${dir}:${process.env.PATH ?? ''}` },
  });
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls };
};

describe('dev-secrets: only the cluster it is told, only the options it knows', () => {
  it('creates every Secret through the given context', () => {
    const r = run('--context', 'kind-tripgen-dev');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('secret/postgres-admin: created');
    for (const s of serviceList()) expect(r.stdout).toContain(`secret/${s.name}-service-secrets: created`);
    expect(r.calls.length).toBeGreaterThan(0);
    expect(r.calls.filter((c) => !c.startsWith('--context kind-tripgen-dev --namespace tripgen '))).toEqual([]);
  }, 60_000);

  it('gives every service the same address hash key, a fresh one (their Redis counts of an address are shared, so must their hashes be)', () => {
    const keys = () => {
      expect(run('--context', 'kind-tripgen-dev').status).toBe(0);
      const manifests = readFileSync(applied, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { metadata: { name: string }; stringData: Record<string, string> });
      return serviceList().map((s) => manifests.find((m) => m.metadata.name === `${s.name}-service-secrets`)?.stringData.ADDRESS_HASH_KEY);
    };
    const first = keys();
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toMatch(/^[\w-]{43}$/);
    expect(keys()[0]).not.toBe(first[0]);
  }, 60_000);

  it('adds the address hash key to the Secrets of a cluster bootstrapped before it existed, one value for all, and keeps their other keys', () => {
    // Before: 'exists, left as is', and every dev pod, whose secretKeyRef names ADDRESS_HASH_KEY, stuck in CreateContainerConfigError.
    const r = runIn({ KUBECTL_SECRETS_EXIST: '1', KUBECTL_SECRETS_BEFORE_ADDRESS_KEY: '1' }, '--context', 'kind-tripgen-dev');
    expect(r.status, r.stderr).toBe(0);
    for (const s of serviceList()) expect(r.stdout).toContain(`secret/${s.name}-service-secrets: exists, added ADDRESS_HASH_KEY`);
    expect(r.stdout).toContain('secret/postgres-admin: exists, left as is');
    expect(r.calls.filter((c) => / (apply|create) /.test(c))).toEqual([]);
    const patches = r.calls.filter((c) => c.includes(' patch '));
    expect(patches.map((c) => c.split(' patch secret ')[1]?.split(' ')[0]).sort()).toEqual(serviceList().map((s) => `${s.name}-service-secrets`).sort());
    const written = readFileSync(applied, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { stringData: Record<string, string> });
    expect(written.map((w) => Object.keys(w.stringData))).toEqual(serviceList().map(() => ['ADDRESS_HASH_KEY']));
    expect(new Set(written.map((w) => w.stringData.ADDRESS_HASH_KEY)).size).toBe(1);
    expect(written[0]!.stringData.ADDRESS_HASH_KEY).toMatch(/^[\w-]{43}$/);
  }, 60_000);

  it('leaves alone the Secrets that hold every key', () => {
    const r = runIn({ KUBECTL_SECRETS_EXIST: '1' }, '--context', 'kind-tripgen-dev');
    expect(r.status, r.stderr).toBe(0);
    for (const s of serviceList()) expect(r.stdout).toContain(`secret/${s.name}-service-secrets: exists, left as is`);
    expect(r.calls.filter((c) => / (apply|create|patch) /.test(c))).toEqual([]);
    expect(readFileSync(applied, 'utf8')).toBe('');
  }, 60_000);

  it('answers --help with its usage and calls no kubectl', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: .*dev-secrets\.ts \[--context <kube-context>\]/);
    expect(r.calls).toEqual([]);
  }, 60_000);

  it('refuses an option it does not know (a misspelt --context) before it calls kubectl', () => {
    const r = run('--contxt', 'kind-tripgen-dev');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--contxt'");
    expect(r.stderr).toContain('usage: ');
    expect(r.calls).toEqual([]);
  }, 60_000);

  it('refuses an empty --context (an unset variable in `--context "$CTX"`) before it calls kubectl, never falling back to the current context', () => {
    for (const args of [['--context', ''], ['--context=']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--context needs a kube context name');
      expect(r.stderr).toContain('usage: ');
      expect(r.calls).toEqual([]);
    }
  }, 60_000);
});
