/**
 * The kinds `npm run bench:api` (BENCH_SMAPS_DIR) splits a service's resident memory into, on mappings
 * as a Node 20 process with a worker thread has them (addresses and sizes from one, /proc/<pid>/maps).
 */
import { describe, expect, it } from 'vitest';
import { classifyMappings, parseSmaps, smapsGrowth, smapsSummary } from '../src/smaps.ts';

const mapping = (range: string, perms: string, name = '', rssKiB = 4) => `${range} ${perms} 00000000 00:00 0 ${name}\nSize: 4 kB\nRss: ${rssKiB} kB\nPss: 4 kB\n`;

const SMAPS = [
  mapping('00400000-04a2f000', 'r-xp', '/usr/local/bin/node', 30_000),
  mapping('0565d000-05689000', 'rw-p', '', 176),
  mapping('1648f000-19b39000', 'rw-p', '[heap]', 40_000),
  mapping('1f1d40000-1f1d80000', 'rw-p', '', 256),
  mapping('1d6fb5080000-1d6fb5279000', 'rw-p', '', 2_020),
  mapping('2fd4bb657000-2fd4bb989000', 'rwxp', '', 3_000),
  mapping('3a0000000000-3a0000100000', 'rw-p', '', 1_024),
  mapping('3a0000100000-3a0280000000', '---p', '', 0),
  mapping('7fe80c000000-7fe80c1b9000', 'rw-p', '', 1_764),
  mapping('7fe80c1b9000-7fe810000000', '---p', '', 0),
  mapping('7fe810393000-7fe810394000', '---p', '', 0),
  mapping('7fe810394000-7fe810794000', 'rw-p', '', 100),
  mapping('7fe8149f3000-7fe814a00000', 'rw-p', '', 52),
  mapping('7fe814d3a000-7fe814d3c000', 'r-xp', '[vdso]', 8),
  mapping('7ffd27773000-7ffd27794000', 'rw-p', '[stack]', 132),
].join('');

describe('the resident memory of a Node process by kind', () => {
  it('tells V8 pages, code and wasm memory, malloc [heap] and arenas, stacks and files apart', () => {
    const maps = parseSmaps(SMAPS);
    expect(maps[2]).toMatchObject({ start: 0x1648f000n, end: 0x19b39000n, perms: 'rw-p', name: '[heap]', rss: 40_000 * 1024 });
    expect(classifyMappings(maps)).toEqual([
      'file-backed',
      'other', // the binary's bss, below 4 GiB
      'malloc [heap]',
      'V8 pages', // a page at one of V8's random addresses
      'V8 pages', // a large object's page
      'V8 code',
      'wasm memory', // in front of its guard region
      'V8 pages', // the guard region itself (nothing resident)
      'malloc arenas', // 64 MiB-aligned, reserved up to 64 MiB
      'other anonymous', // its reserved rest (nothing resident)
      'other anonymous', // a guard page
      'thread stacks', // behind its guard page
      'other anonymous',
      'other',
      'other',
    ]);
    const kinds = smapsSummary(maps);
    expect(kinds['malloc arenas']).toBe(1_764 * 1024);
    expect(kinds['V8 pages']).toBe((256 + 2_020) * 1024);
  });

  it('says by how much each kind changed between two readings, and which mappings changed most', () => {
    const before = parseSmaps(SMAPS);
    const after = parseSmaps(SMAPS.replace('Rss: 1764 kB', 'Rss: 9764 kB').replace(/1f1d40000-1f1d80000[^]*?(?=1d6fb5080000)/, ''));
    const { byKind, largest } = smapsGrowth(before, after, 2);
    expect(byKind['malloc arenas']).toBe(8_000 * 1024);
    expect(byKind['V8 pages']).toBe(-256 * 1024);
    expect(largest.map((c) => [c.kind, c.change / 1024])).toEqual([
      ['malloc arenas', 8_000],
      ['V8 pages', -256],
    ]);
  });
});
