/**
 * A small YAML emitter for rendered objects (JSON data only: maps, lists, strings, numbers,
 * booleans, null). It replaces the `yaml` library's Document model on the synth path, which cost
 * more than half the render time (k8s/bench/synth.bench.ts), and makes the output rules explicit:
 * - map keys sorted (their order carries no meaning in Kubernetes), list order kept;
 * - a string is plain only when no YAML 1.1 or 1.2 reader can take it for anything else
 *   (numbers, booleans such as `yes`/`on`, null, timestamps), otherwise double-quoted (JSON
 *   escapes are valid YAML escapes); multi-line strings are literal blocks.
 * The tests read every rendered file back with the `yaml` library in both 1.1 and 1.2 modes and
 * require the same data.
 */

const PLAIN = /^(?:[A-Za-z0-9_/]|-[A-Za-z-])[A-Za-z0-9_./@:+=-]*(?: [A-Za-z0-9_./@:+=-]+)*$/;
const YAML11_WORDS = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
/** What a YAML 1.1 or 1.2 reader may resolve to a number or a timestamp: digits with dots,
 * underscores or exponents (`0.1.0` is a 1.1 float), 0x/0o/0b, sexagesimal `1:30`, dates. */
const NUMBER_LIKE = /^(?:[0-9][0-9_]*(?:\.[0-9._]*)?(?:[eE][-+]?[0-9]+)?|0[xob].*|[0-9][0-9_]*(?::[0-9_]+)+.*|\d{4}-\d\d?-\d\d?.*)$/;

const isPlain = (s: string): boolean =>
  PLAIN.test(s) && !YAML11_WORDS.test(s) && !NUMBER_LIKE.test(s) && !s.endsWith(':') && !s.includes(': ') && !s.includes(' #');

/** Characters a literal block cannot carry verbatim (controls other than newline, line separators, BOM). */
const hasUnprintable = (s: string): boolean =>
  [...s].some((ch) => {
    const c = ch.codePointAt(0)!;
    return (c < 0x20 && c !== 0x0a) || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
  });

/** Literal block for multi-line text whose lines a literal block can carry unchanged. */
function literalBlock(s: string, indent: string): string | null {
  if (!s.includes('\n') || hasUnprintable(s) || /^[ \n]/.test(s)) return null;
  const trailing = /\n*$/.exec(s)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = s.slice(0, s.length - trailing);
  const lines = body.split('\n').map((l) => (l === '' ? '' : indent + l));
  const extra = trailing > 1 ? Array<string>(trailing - 1).fill('') : [];
  return `|${chomp}\n${[...lines, ...extra].join('\n')}`;
}

function scalar(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot render ${v} as YAML`);
    return String(v);
  }
  if (typeof v === 'string') return isPlain(v) ? v : JSON.stringify(v);
  throw new Error(`cannot render a ${typeof v} as YAML`);
}

const isCollection = (v: unknown): v is object => typeof v === 'object' && v !== null;
const sortedEntries = (o: object): [string, unknown][] =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Lines of a node at `indent`; the caller puts them after `key:` or `- `. */
function block(v: unknown, indent: string): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item) => {
      if (isCollection(item) && (Array.isArray(item) ? item.length > 0 : sortedEntries(item).length > 0)) {
        const [first, ...rest] = block(item, `${indent}  `);
        return [`${indent}- ${first!.slice(indent.length + 2)}`, ...rest];
      }
      return [`${indent}- ${inline(item, `${indent}  `)}`];
    });
  }
  return sortedEntries(v as object).flatMap(([k, val]) => {
    const key = scalar(k);
    if (isCollection(val) && (Array.isArray(val) ? val.length > 0 : sortedEntries(val).length > 0)) {
      return [`${indent}${key}:`, ...block(val, Array.isArray(val) ? `${indent}  ` : `${indent}  `)];
    }
    return [`${indent}${key}: ${inline(val, `${indent}  `)}`];
  });
}

/** A value that fits after `key: ` or `- ` (scalars, empty collections, literal blocks). */
function inline(v: unknown, indent: string): string {
  if (Array.isArray(v)) return '[]';
  if (isCollection(v)) return '{}';
  if (typeof v === 'string') return literalBlock(v, indent) ?? scalar(v);
  return scalar(v);
}

export function toYamlDocument(value: object): string {
  return `${block(value, '').join('\n')}\n`;
}
