/**
 * Every service container (its Deployment or Rollout, and its migration Job, which runs in the same
 * image with the same configuration) gets exactly the environment its service's contract asks for:
 * nothing the service does not read, every variable it requires, secrets only by reference.
 */
import { describe, expect, it } from 'vitest';
import { DATABASE_ROLES_IMAGE, MIN_SHUTDOWN_RESERVE_MS, SERVICES, SHUTDOWN_TIMING, serviceEnvironment, serviceList, shutdownReserveMs, workloadName, type ServiceName } from '@tripgen/catalog';
import { podEnvironment } from '../src/config/environment.ts';
import { loadProfiles } from '../src/config/profile.ts';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { databaseRolesJobProblems } from './policy/database-roles-job.ts';
import { environmentProblems, renderedVariables, type RenderedVariable } from './policy/environment.ts';
import { find, objectsOf } from './support/gitops.ts';

const profiles = Object.fromEntries(loadProfiles().map((p) => [p.name, p])) as Record<'dev' | 'prod', ReturnType<typeof loadProfiles>[number]>;
const WORKLOAD_KIND = { dev: 'Deployment', prod: 'Rollout' } as const;
const containerOf = (env: 'dev' | 'prod', kind: string, name: string): IContainer =>
  (find(env, kind, name).spec as { template: { spec: { containers: IContainer[] } } }).template.spec.containers[0]!;

const renderedFor = (env: 'dev' | 'prod', s: ServiceName) => ({
  workload: renderedVariables(containerOf(env, WORKLOAD_KIND[env], workloadName(s)), objectsOf(env)),
  migration: renderedVariables(containerOf(env, 'Job', `${s}-migrate`), objectsOf(env)),
});

describe.each(['dev', 'prod'] as const)('%s: each pod gets its service\'s environment contract', (env) => {
  it.each(serviceList().map((s) => s.name))('%s service: workload and migration Job', (s) => {
    const { workload, migration } = renderedFor(env, s);
    expect(environmentProblems(serviceEnvironment(s), workload)).toEqual([]);
    expect(environmentProblems(serviceEnvironment(s), migration)).toEqual([]);
  });
});

describe.each(['dev', 'prod'] as const)('%s: a draining pod finishes before Kubernetes kills it', (env) => {
  it.each(serviceList().map((s) => s.name))('%s service', (s) => {
    const pod = (find(env, WORKLOAD_KIND[env], workloadName(s)).spec as { template: { spec: { terminationGracePeriodSeconds: number } } }).template.spec;
    const drain = renderedVariables(containerOf(env, WORKLOAD_KIND[env], workloadName(s)), objectsOf(env)).some((v) => v.name === 'SHUTDOWN_DELAY_MS');
    // The pods use the kit's default drain delay (SHUTDOWN_TIMING): a rendered override would need its own check here.
    expect(drain).toBe(false);
    const timing = { ...SHUTDOWN_TIMING, terminationGracePeriodSeconds: pod.terminationGracePeriodSeconds };
    expect(shutdownReserveMs(timing)).toBeGreaterThanOrEqual(MIN_SHUTDOWN_RESERVE_MS);
  });
});

describe.each(['dev', 'prod'] as const)('%s: the peer URLs point at the called services', (env) => {
  it.each(serviceList().map((s) => s.name))('%s service', (s) => {
    const config = podEnvironment(SERVICES[s], profiles[env]).config;
    for (const [name, v] of Object.entries(serviceEnvironment(s))) {
      if (!v.peer) continue;
      expect(config[name], name).toBe(`http://${workloadName(v.peer)}.${profiles[env].namespace}.svc.cluster.local:${SERVICES[v.peer].port}`);
    }
  });

  it('a service that reads the URL of a service outside its calls stops the synth (no policy would admit the call)', () => {
    expect(() => podEnvironment({ ...SERVICES.ai, calls: ['user'] }, profiles[env])).toThrow(/ai service reads LOCATION_SERVICE_URL, but the location service is not in its catalog calls/);
  });
});

describe('prod: the database-roles Job is a command of a service image, with its own environment contract', () => {
  const job = containerOf('prod', 'Job', 'tripgen-db-roles');
  const image = containerOf('prod', 'Rollout', workloadName(DATABASE_ROLES_IMAGE)).image!;

  it('runs the image\'s entry point with databaseRolesArgs and gets exactly DATABASE_ROLES_JOB_ENVIRONMENT', () => {
    expect(databaseRolesJobProblems(job, objectsOf('prod'), image)).toEqual([]);
    expect(job.args).toEqual(['database-roles']);
    expect(renderedVariables(job, objectsOf('prod')).map((v) => v.name).sort()).toEqual(['DATABASE_AUTH', 'DATABASE_ROLES', 'DATABASE_URL', 'HOME']);
  });

  it('flags the broken forms: a repository script through tsx, a variable outside the contract, a required one missing, another image', () => {
    const scripted = { ...job, command: ['node', '--import', 'tsx', 'apps/service-kit/src/data/database-roles-job.ts'], args: undefined };
    expect(databaseRolesJobProblems(scripted, objectsOf('prod'), image)).toEqual([
      'sets command ["node","--import","tsx","apps/service-kit/src/data/database-roles-job.ts"]: the image\'s entry point runs the Job\'s command',
      'args [], not the catalog\'s databaseRolesArgs ["database-roles"]',
    ]);
    expect(databaseRolesJobProblems({ ...job, env: [...job.env!, { name: 'DATABASE_ROLES_FILE', value: '/x' }] }, objectsOf('prod'), image)).toEqual(['sets DATABASE_ROLES_FILE, which the service does not read']);
    expect(databaseRolesJobProblems({ ...job, env: job.env!.filter((e) => e.name !== 'DATABASE_ROLES') }, objectsOf('prod'), image)).toEqual(['misses DATABASE_ROLES, which the service requires']);
    expect(databaseRolesJobProblems({ ...job, image: 'node:20' }, objectsOf('prod'), image)).toEqual([`image node:20, not the service image ${image}`]);
  });
});

describe('the check bites on a broken copy', () => {
  const contract = serviceEnvironment('user');
  const good = renderedFor('prod', 'user').workload;

  it('accepts the rendered user service (the copies below start from it)', () => {
    expect(environmentProblems(contract, good)).toEqual([]);
    expect(good.map((v) => v.name)).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SIGNING_KEY', 'REDIS_URL', 'SERVICEBUS_FQDN']));
  });

  it('a variable the service does not read, or only local runs set', () => {
    expect(environmentProblems(contract, [...good, { name: 'JWKS_URL', fromSecret: false }])).toEqual(['sets JWKS_URL, which the service does not read']);
    expect(environmentProblems(contract, [...good, { name: 'RATE_LIMIT_MAX', fromSecret: false }])).toEqual(['sets RATE_LIMIT_MAX, which only local runs set']);
  });

  it('a required variable or group missing, or both of a group', () => {
    const without = (name: string): RenderedVariable[] => good.filter((v) => v.name !== name);
    expect(environmentProblems(contract, without('DATABASE_URL'))).toEqual(['misses DATABASE_URL, which the service requires']);
    expect(environmentProblems(contract, without('JWT_SIGNING_KEY'))).toEqual(['misses JWT_SIGNING_KEY or JWT_SIGNING_KEY_FILE, one of which the service requires']);
    expect(environmentProblems(contract, [...without('SERVICEBUS_FQDN')])).toEqual(['misses SERVICEBUS_FQDN or SERVICEBUS_CONNECTION_STRING, one of which the service requires']);
  });

  it('a secret as a plain value', () => {
    expect(environmentProblems(contract, good.map((v) => (v.name === 'JWT_SIGNING_KEY' ? { ...v, fromSecret: false } : v)))).toEqual([
      'sets the secret JWT_SIGNING_KEY as a plain value instead of a Secret reference',
    ]);
  });

  it('a database URL as a plain value without Entra sign-in (it would carry a password)', () => {
    // prod renders DATABASE_URL plain beside DATABASE_AUTH=entra (role and host only, the token is the password).
    expect(good.find((v) => v.name === 'DATABASE_URL')).toMatchObject({ fromSecret: false });
    expect(good.find((v) => v.name === 'DATABASE_AUTH')).toMatchObject({ value: 'entra' });
    expect(environmentProblems(contract, good.filter((v) => v.name !== 'DATABASE_AUTH'))).toEqual([
      'sets the secret DATABASE_URL as a plain value instead of a Secret reference (plain only with DATABASE_AUTH=entra)',
    ]);
    expect(environmentProblems(contract, good.map((v) => (v.name === 'DATABASE_AUTH' ? { ...v, value: 'password' } : v)))).toHaveLength(1);
  });
});
