import { describe, expect, it } from 'vitest';
import { SERVICES } from './services.ts';
import { heapCapMiB, memoryBytes, migrationCommand, nodeOptions } from './runtime.ts';

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
    expect(nodeOptions(SERVICES.user)).toBe('--max-old-space-size=384');
    expect(nodeOptions(SERVICES.ai)).toBe(`--max-old-space-size=${heapCapMiB(SERVICES.ai.resources.limits.memory)}`);
  });
});

it('migration command applies one service through the offline script', () => {
  expect(migrationCommand('user')).toEqual(['node', '--import', 'tsx', 'scripts/migrate.ts', 'deploy', 'user']);
});
