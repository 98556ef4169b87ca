/**
 * Field-level comparison of rendered objects for review: objects keyed by env / kind /
 * namespace / name, fields flattened to paths (list items with a `name` are addressed by it, so
 * inserting a container or env var does not shift every later index), rendered as Markdown
 * that reads well in a pull-request comment.
 */
import { stringify } from 'yaml';

export interface ObjectRef {
  readonly env: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface FieldChange {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
}

export type ObjectChange =
  | { readonly ref: ObjectRef; readonly change: 'added' | 'removed'; readonly object: unknown }
  | { readonly ref: ObjectRef; readonly change: 'changed'; readonly fields: readonly FieldChange[] };

type Obj = { kind?: string; metadata?: { name?: string; namespace?: string } };

export const refKey = (r: ObjectRef): string => `${r.env}\u0000${r.kind}\u0000${r.namespace}\u0000${r.name}`;

export function refOf(env: string, o: unknown): ObjectRef {
  const obj = o as Obj;
  return { env, kind: obj.kind ?? '?', namespace: obj.metadata?.namespace ?? '', name: obj.metadata?.name ?? '?' };
}

/** path → JSON of each leaf (scalars, empty lists and maps). */
export function flatten(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((item, i) => {
      const name = typeof item === 'object' && item !== null && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : null;
      flatten(item, `${path}[${name !== null ? `name=${name}` : i}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(path, '{}');
    for (const [k, v] of entries) flatten(v, path ? `${path}.${/^[\w-]+$/.test(k) ? k : JSON.stringify(k)}` : k, out);
  } else {
    out.set(path, JSON.stringify(value));
  }
  return out;
}

export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((p) => ({ path: p, before: a.get(p), after: b.get(p) }));
}

export function diffObjects(before: ReadonlyMap<string, { ref: ObjectRef; object: unknown }>, after: ReadonlyMap<string, { ref: ObjectRef; object: unknown }>): ObjectChange[] {
  const changes: ObjectChange[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) changes.push({ ref: b.ref, change: 'removed', object: b.object });
    else {
      const fields = diffFields(b.object, a.object);
      if (fields.length > 0) changes.push({ ref: b.ref, change: 'changed', fields });
    }
  }
  for (const [key, a] of after) if (!before.has(key)) changes.push({ ref: a.ref, change: 'added', object: a.object });
  return changes.sort((x, y) => (refKey(x.ref) < refKey(y.ref) ? -1 : refKey(x.ref) > refKey(y.ref) ? 1 : 0));
}

const cell = (v: string | undefined): string => (v === undefined ? '—' : `\`${v.replace(/\|/g, '\\|').replace(/`/g, "'")}\``);

/** Markdown for a PR comment: a summary line per env, then env → kind → object → fields. */
export function toMarkdown(changes: readonly ObjectChange[], title: string): string {
  const lines = [`## ${title}`, ''];
  if (changes.length === 0) return [...lines, 'No rendered object changed.', ''].join('\n');
  const envs = [...new Set(changes.map((c) => c.ref.env))];
  const count = (env: string, kind: ObjectChange['change']) => changes.filter((c) => c.ref.env === env && c.change === kind).length;
  lines.push(envs.map((e) => `**${e}**: ${count(e, 'changed')} changed, ${count(e, 'added')} added, ${count(e, 'removed')} removed`).join(' · '), '');
  for (const env of envs) {
    lines.push(`### ${env}`, '');
    const inEnv = changes.filter((c) => c.ref.env === env);
    for (const kind of [...new Set(inEnv.map((c) => c.ref.kind))]) {
      lines.push(`#### ${kind}`, '');
      for (const c of inEnv.filter((x) => x.ref.kind === kind)) {
        const label = `${c.ref.namespace ? `${c.ref.namespace}/` : ''}${c.ref.name}`;
        if (c.change === 'changed') {
          lines.push(`- **${label}** changed`, '', '  | field | before | after |', '  |---|---|---|');
          for (const f of c.fields) lines.push(`  | \`${f.path}\` | ${cell(f.before)} | ${cell(f.after)} |`);
          lines.push('');
        } else {
          lines.push(`- **${label}** ${c.change}`, '', '  <details><summary>YAML</summary>', '', '  ```yaml');
          for (const l of stringify(c.object, { sortMapEntries: true, lineWidth: 0 }).trimEnd().split('\n')) lines.push(`  ${l}`);
          lines.push('  ```', '', '  </details>', '');
        }
      }
    }
  }
  return lines.join('\n');
}
