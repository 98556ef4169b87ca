/**
 * What a Node process's resident memory is made of, from /proc/<pid>/smaps (Linux, x86-64, glibc):
 * `npm run bench:api` with BENCH_SMAPS_DIR (issue 15: which part of the AI service's RSS stays
 * after a load). Each mapping is put in one kind by its name, permissions, address and neighbours,
 * since anonymous memory carries no owner:
 *  - V8 pages: V8 maps its heap pages (256 KiB, larger for large objects) at random addresses below
 *    2^46 (its mmap hints), far from the kernel's top-down mmap area (0x7f...), where glibc's maps are;
 *  - V8 code: executable anonymous mappings (the code range);
 *  - wasm memory: a readable part in front of a reservation of at least 4 GiB (V8's guard regions);
 *  - malloc arenas: glibc's non-main arenas are heaps of 64 MiB aligned on 64 MiB, the part in use
 *    readable and the rest reserved (`---p`) up to the 64 MiB; the main arena is `[heap]` (brk);
 *  - thread stacks: a readable mapping right behind a 4 KiB guard page (`---p`);
 *  - other anonymous: the rest of the mmap area, mostly glibc's blocks over its mmap threshold
 *    (catalog MALLOC_ENVIRONMENT), each mapped for itself, and libuv's and V8's own small maps.
 * A heuristic, good to tell the kinds apart, not to the KiB: a V8 page the kernel happened to place
 * in the mmap area counts as other anonymous.
 */

export const SMAPS_KINDS = ['V8 pages', 'V8 code', 'wasm memory', 'malloc [heap]', 'malloc arenas', 'thread stacks', 'other anonymous', 'file-backed', 'other'] as const;
export type SmapsKind = (typeof SMAPS_KINDS)[number];

export interface Mapping {
  readonly start: bigint;
  readonly end: bigint;
  readonly perms: string;
  /** Pathname or pseudo-name (`[heap]`, `[stack]`, `[anon:...]`), '' when anonymous. */
  readonly name: string;
  /** Resident bytes (the Rss line). */
  readonly rss: number;
}

const HEADER = /^([0-9a-f]+)-([0-9a-f]+)\s+(\S{4})\s+\S+\s+\S+\s+\S+\s*(.*)$/;
const RSS_LINE = /^Rss:\s+(\d+) kB/;

/** The mappings of an smaps text (also reads a maps text: resident bytes 0 then). */
export const parseSmaps = (text: string): Mapping[] => {
  const out: { start: bigint; end: bigint; perms: string; name: string; rss: number }[] = [];
  for (const line of text.split('\n')) {
    const h = HEADER.exec(line);
    if (h) {
      out.push({ start: BigInt(`0x${h[1]}`), end: BigInt(`0x${h[2]}`), perms: h[3]!, name: h[4]!.trim(), rss: 0 });
      continue;
    }
    const r = RSS_LINE.exec(line);
    if (r && out.length) out[out.length - 1]!.rss = Number(r[1]) * 1024;
  }
  return out;
};

const KiB = 1024n;
const ARENA = 64n * 1024n * KiB;
/** V8's mmap hints on x86-64 Linux stay below this (its GetRandomMmapAddr masks them to 46 bits). */
const V8_HINT_LIMIT = 1n << 46n;
/** Below this: the (non-PIE) node binary's data and bss, and brk. */
const LOW = 1n << 32n;
const WASM_RESERVATION = 4n * 1024n * 1024n * KiB;

const reserved = (m: Mapping | undefined): m is Mapping => m !== undefined && m.perms.startsWith('---');

/** The kind of each mapping (same order). */
export const classifyMappings = (maps: readonly Mapping[]): SmapsKind[] =>
  maps.map((m, i): SmapsKind => {
    const prev = maps[i - 1];
    const next = maps[i + 1];
    if (m.name.startsWith('/')) return 'file-backed';
    if (m.name === '[heap]') return 'malloc [heap]';
    if (m.name.startsWith('[') && !m.name.startsWith('[anon')) return 'other';
    if (m.perms.includes('x')) return 'V8 code';
    if (m.start % ARENA === 0n && (m.end - m.start === ARENA || (reserved(next) && next.start === m.end && next.end === m.start + ARENA))) return 'malloc arenas';
    if (reserved(next) && next.start === m.end && next.end - m.start >= WASM_RESERVATION) return 'wasm memory';
    if (reserved(prev) && prev.end === m.start && prev.end - prev.start === 4n * KiB) return 'thread stacks';
    if (m.start >= LOW && m.start < V8_HINT_LIMIT) return 'V8 pages';
    if (m.start < LOW) return 'other';
    return 'other anonymous';
  });

/** Resident bytes by kind, of mappings already classified. */
const sumByKind = (maps: readonly Mapping[], kinds: readonly SmapsKind[]): Record<SmapsKind, number> => {
  const sum = Object.fromEntries(SMAPS_KINDS.map((k) => [k, 0])) as Record<SmapsKind, number>;
  kinds.forEach((kind, i) => (sum[kind] += maps[i]!.rss));
  return sum;
};

/** Resident bytes by kind. */
export const smapsSummary = (maps: readonly Mapping[]): Record<SmapsKind, number> => sumByKind(maps, classifyMappings(maps));

/**
 * The resident change of each kind from one reading to another, and the mappings that changed most
 * (a mapping matched by its start address; one that appeared or went counts with all its RSS).
 */
export const smapsGrowth = (from: readonly Mapping[], to: readonly Mapping[], top = 8): { byKind: Record<SmapsKind, number>; largest: { kind: SmapsKind; mapping: Mapping; change: number }[] } => {
  const fromKinds = classifyMappings(from);
  const kinds = classifyMappings(to);
  const a = sumByKind(from, fromKinds);
  const b = sumByKind(to, kinds);
  const byKind = Object.fromEntries(SMAPS_KINDS.map((k) => [k, b[k] - a[k]])) as Record<SmapsKind, number>;
  const before = new Map(from.map((m) => [m.start, m]));
  const changes = to.map((m, i) => ({ kind: kinds[i]!, mapping: m, change: m.rss - (before.get(m.start)?.rss ?? 0) }));
  const after = new Set(to.map((m) => m.start));
  from.forEach((m, i) => {
    if (!after.has(m.start)) changes.push({ kind: fromKinds[i]!, mapping: m, change: -m.rss });
  });
  const largest = changes.filter((c) => c.change !== 0).sort((x, y) => Math.abs(y.change) - Math.abs(x.change)).slice(0, top);
  return { byKind, largest };
};
