import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVICES } from './services.ts';
import { MALLOC_ENVIRONMENT, MIN_SHUTDOWN_RESERVE_MS, SHUTDOWN_EXIT_MARGIN_MS, shutdownDeadlineMs, NODE_FLAGS, nodeFlags, serviceEntrypoint, SHUTDOWN_TIMING, heapCapMiB, memoryBytes, migrationArgs, MIGRATION_LOCKS, migrationLockBudgetMs, migrationPodBudgetMs, migrationJobDeadlineSeconds, MIGRATION_JOB, nodeOptions, semiSpaceMiB, shutdownReserveMs } from './runtime.ts';

describe('memoryBytes', () => {
  it('reads binary, decimal and plain Kubernetes memory quantities', () => {
    expect(memoryBytes('512Mi')).toBe(512 * 2 ** 20);
    expect(memoryBytes('1Gi')).toBe(2 ** 30);
    expect(memoryBytes('64Ki')).toBe(65_536);
    expect(memoryBytes('1.5G')).toBe(1.5e9);
    expect(memoryBytes('500M')).toBe(5e8);
    expect(memoryBytes('268435456')).toBe(268_435_456);
  });

  it('rejects what is not a memory quantity', () => {
    for (const bad of ['', 'Mi', '512MB', '512mi', '100m', '-1Gi', '1 Gi x']) expect(() => memoryBytes(bad), bad).toThrow(/memory quantity/);
  });
});

describe('heap cap', () => {
  it('is three quarters of the memory limit in MiB, rounded down', () => {
    expect(heapCapMiB('512Mi')).toBe(384);
    expect(heapCapMiB('1Gi')).toBe(768);
    expect(heapCapMiB('2Gi')).toBe(1536);
    expect(heapCapMiB('1G')).toBe(715);
  });

  it('follows each service catalog limit', () => {
    expect(nodeOptions(SERVICES.user)).toBe('--max-old-space-size=384 --max-semi-space-size=4');
    // The same request, kept at 2 MiB for its memory goal (SMALL_YOUNG_GENERATION_SERVICES).
    expect(nodeOptions(SERVICES.location)).toBe('--max-old-space-size=384 --max-semi-space-size=2');
    expect(nodeOptions(SERVICES.ai)).toBe(`--max-old-space-size=${heapCapMiB(SERVICES.ai.resources.limits.memory)} --max-semi-space-size=${semiSpaceMiB(SERVICES.ai.resources.requests.memory)}`);
  });
});

describe('node flags', () => {
  const node = (args: readonly string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [...args, '-e', '0'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

  it('are flags this node accepts on its command line, which NODE_OPTIONS would refuse (hence the entry point)', () => {
    expect(NODE_FLAGS).toContain('--liftoff-only');
    expect(node(NODE_FLAGS).status).toBe(0);
    for (const flag of NODE_FLAGS) expect(node([], { NODE_OPTIONS: flag }).stderr, flag).toMatch(/is not allowed in NODE_OPTIONS/);
    expect(node(['--no-such-v8-flag']).status).not.toBe(0);
  });

  it('are liftoff-only for the 256Mi services and the heap growth flag for ai, before the bundle in their image entry point', () => {
    expect(nodeFlags(SERVICES.user)).toEqual(['--liftoff-only']);
    expect(nodeFlags(SERVICES.location)).toEqual(['--liftoff-only']);
    expect(nodeFlags(SERVICES.trip)).toEqual([]);
    expect(nodeFlags(SERVICES.ai)).toEqual(['--heap-growing-percent=10']);
    for (const s of Object.values(SERVICES)) for (const flag of nodeFlags(s)) expect(NODE_FLAGS).toContain(flag);
    expect(serviceEntrypoint('user')).toEqual(['node', '--liftoff-only', 'apps/user-service/dist/server.mjs']);
    expect(serviceEntrypoint('ai')).toEqual(['node', '--heap-growing-percent=10', 'apps/ai-service/dist/server.mjs']);
    expect(serviceEntrypoint('trip')).toEqual(['node', 'apps/trip-service/dist/server.mjs']);
  });
});

it('maps every block above 1 MiB for itself, in two malloc arenas', () => {
  expect(MALLOC_ENVIRONMENT).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '1048576' });
});

describe('young generation', () => {
  it('is one MiB of semi-space per 64 MiB of memory request, from 1 to 4', () => {
    expect(semiSpaceMiB('256Mi')).toBe(4);
    expect(semiSpaceMiB('200Mi')).toBe(3);
    expect(semiSpaceMiB('128Mi')).toBe(2);
    expect(semiSpaceMiB('512Mi')).toBe(4);
    expect(semiSpaceMiB('1Gi')).toBe(4);
    expect(semiSpaceMiB('64Mi')).toBe(1);
    expect(semiSpaceMiB('32Mi')).toBe(1);
    expect(semiSpaceMiB('8Gi')).toBe(4);
  });
});

it('the migration Job asks the image entry point for its migrate command', () => {
  expect(migrationArgs).toEqual(['migrate']);
});

describe('shutdown timing', () => {
  it('leaves the steps after the close grace their reserve before Kubernetes kills the pod', () => {
    expect(shutdownReserveMs()).toBeGreaterThanOrEqual(MIN_SHUTDOWN_RESERVE_MS);
    expect(shutdownReserveMs()).toBe(SHUTDOWN_TIMING.terminationGracePeriodSeconds * 1000 - SHUTDOWN_TIMING.drainDelayMs - SHUTDOWN_TIMING.closeGraceMs);
  });

  it("exits on its own before the kubelet's SIGKILL, and never before the drain, the close grace and the reserve after them", () => {
    expect(shutdownDeadlineMs()).toBe(SHUTDOWN_TIMING.terminationGracePeriodSeconds * 1000 - SHUTDOWN_EXIT_MARGIN_MS);
    expect(shutdownDeadlineMs() - SHUTDOWN_TIMING.drainDelayMs - SHUTDOWN_TIMING.closeGraceMs).toBeGreaterThanOrEqual(MIN_SHUTDOWN_RESERVE_MS);
  });

  it('fails a timing whose drain and close grace eat the grace period (the check bites)', () => {
    expect(shutdownReserveMs({ ...SHUTDOWN_TIMING, closeGraceMs: 25_000 })).toBeLessThan(MIN_SHUTDOWN_RESERVE_MS);
    expect(shutdownReserveMs({ ...SHUTDOWN_TIMING, terminationGracePeriodSeconds: 15 })).toBeLessThan(MIN_SHUTDOWN_RESERVE_MS);
  });
});

describe('MIGRATION_JOB.failJobExitCode', () => {
  // Node's "Exit codes" (https://nodejs.org/api/process.html#exit-codes): 1 to 14 its own failures
  // (2 reserved by Bash, 8 an uncaught exception once), 128 + n when signal n ended it; 126 and 127
  // the shell's (not executable, not found). On one of these the Job would fail at once for a pod
  // that Node ended, not its migration.
  const documented = (code: number): boolean => (code >= 1 && code <= 14) || code > 128 || code === 126 || code === 127;

  it('is a code Node never exits with by itself (before: 3, Node\'s "Internal JavaScript Parse Error")', () => {
    const code = MIGRATION_JOB.failJobExitCode;
    expect(Number.isInteger(code) && code > 0 && code < 256).toBe(true);
    expect(documented(code)).toBe(false);
  });

  it('is none of the codes in the running Node\'s own table either', () => {
    // The table Node's C++ and JS exit with (src/node_exit_code.h), read from the running binary.
    const out = spawnSync(process.execPath, ['--expose-internals', '--no-warnings', '-e', "process.stdout.write(JSON.stringify(require('internal/test/binding').internalBinding('errors').exitCodes))"], { encoding: 'utf8' });
    const table = JSON.parse(out.stdout) as Record<string, number>;
    expect(table).toMatchObject({ kGenericUserError: 1, kInternalJSParseError: 3 });
    expect(Object.values(table)).not.toContain(MIGRATION_JOB.failJobExitCode);
  });
});

describe('MIGRATION_LOCKS', () => {
  it('budgets one migrate pod 5 attempts of 5 s lock waits and 5 + 10 + 20 + 40 s between them', () => {
    expect(migrationLockBudgetMs()).toBe(100_000);
    expect(migrationLockBudgetMs({ ...MIGRATION_LOCKS, attempts: 7 })).toBe(7 * 5_000 + 5_000 + 10_000 + 20_000 + 40_000 + 40_000 + 40_000);
  });

  it('budgets one migrate pod its start, and per attempt the engine\'s advisory-lock wait and the statements before the blocked one', () => {
    expect(migrationPodBudgetMs()).toBe(30_000 + 5 * (10_000 + 60_000) + 100_000);
  });

  it('gives the migration Job each of its pods that budget, with Kubernetes\' 10 s, 20 s ... before each next pod', () => {
    expect(migrationJobDeadlineSeconds()).toBe(3 * 480 + 10 + 20);
    expect(migrationJobDeadlineSeconds(MIGRATION_LOCKS, { ...MIGRATION_JOB, backoffLimit: 7 })).toBe(8 * 480 + 10 + 20 + 40 + 80 + 160 + 320 + 360);
  });
});
