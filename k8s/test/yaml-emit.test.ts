import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYamlDocument } from '../src/lib/yaml-emit.ts';
import { GITOPS_DIR } from '../src/lib/paths.ts';
import { gitopsFiles, renderedObjects } from './support/gitops.ts';

/** Kubernetes tooling reads YAML with YAML 1.1 rules (go-yaml), the tests with 1.2: both must agree. */
const readBoth = (text: string) => [parse(text), parse(text, { version: '1.1' })];

describe('YAML emitter', () => {
  it('writes every rendered file so that YAML 1.1 and 1.2 readers get the same data', () => {
    for (const path of gitopsFiles()) {
      const [v12, v11] = readBoth(readFileSync(join(GITOPS_DIR, path), 'utf8'));
      expect(v11, path).toEqual(v12);
    }
    expect(renderedObjects().length).toBeGreaterThan(100);
  });

  it('round-trips strings a careless emitter would turn into booleans, numbers, nulls or comments', () => {
    const tricky = ['no', 'Off', 'yes', 'ON', 'y', 'null', '~', '', ' ', '0.1.0', '1e3', '0x1F', '010', '1:30', '2026-11-26', '-1', '--save', '-', '* ', 'a: b', 'a #b', 'ends:', '#x',
      '{x}', '[x]', '&a', '*a', '!t', '%x', '@x', '`x', "'q'", '"d"', 'tab\there', 'line\nbreak', 'two\n\n', 'trail\n', ' lead\nx', 'é ü 한글', '100m', '256Mi', 'true', '3001'];
    const doc = { list: tricky, map: Object.fromEntries(tricky.filter(Boolean).map((k, i) => [k, i])), n: [0, -1, 1.5, true, false, null], empty: { a: [], b: {} }, nested: [[1, [2]], [{ a: 1, b: [{}] }]] };
    for (const parsed of readBoth(toYamlDocument(doc))) expect(parsed).toEqual(doc);
  });

  it('refuses a value YAML cannot carry instead of writing something a reader would take otherwise', () => {
    expect(() => toYamlDocument({ a: Number.NaN })).toThrow('cannot render NaN as YAML');
    expect(() => toYamlDocument({ a: [Number.POSITIVE_INFINITY] })).toThrow('cannot render Infinity as YAML');
    expect(() => toYamlDocument({ a: 1n })).toThrow('cannot render a bigint as YAML');
    expect(() => toYamlDocument({ a: [() => 1] })).toThrow('cannot render a function as YAML');
  });

  it('sorts map keys and keeps list order', () => {
    expect(toYamlDocument({ b: 1, a: [3, 1, 2] })).toBe('a:\n  - 3\n  - 1\n  - 2\nb: 1\n');
  });
});
