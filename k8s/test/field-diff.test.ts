import { describe, expect, it } from 'vitest';
import { diffObjects, refKey, refOf, toMarkdown } from '../src/review/field-diff.ts';

const index = (env: string, objects: object[]) => new Map(objects.map((o) => [refKey(refOf(env, o)), { ref: refOf(env, o), object: o }]));
const deployment = (image: string, env: { name: string; value: string }[]) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'user-service', namespace: 'tripgen' },
  spec: { template: { spec: { containers: [{ name: 'user', image, env }] } } },
});

describe('rendered diff for review', () => {
  it('reports field-level changes, addressing list items by name', () => {
    const before = index('prod', [deployment('acr/u:1', [{ name: 'A', value: '1' }, { name: 'B', value: '2' }])]);
    const after = index('prod', [deployment('acr/u:2', [{ name: 'NEW', value: '0' }, { name: 'A', value: '1' }, { name: 'B', value: '3' }])]);
    const [change] = diffObjects(before, after);
    expect(change).toMatchObject({ change: 'changed' });
    expect(change!.change === 'changed' && change!.fields.map((f) => [f.path, f.before, f.after])).toEqual([
      ['spec.template.spec.containers[name=user].env[name=B].value', '"2"', '"3"'],
      ['spec.template.spec.containers[name=user].env[name=NEW].name', undefined, '"NEW"'],
      ['spec.template.spec.containers[name=user].env[name=NEW].value', undefined, '"0"'],
      ['spec.template.spec.containers[name=user].image', '"acr/u:1"', '"acr/u:2"'],
    ]);
  });

  it('groups added and removed objects by env and kind in Markdown', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'tripgen' }, data: { A: 'x|y' } };
    const md = toMarkdown(diffObjects(index('dev', [cm]), index('dev', [{ ...cm, data: { A: 'z' } }, deployment('i:1', [])])), 'title');
    expect(md).toContain('**dev**: 1 changed, 1 added, 0 removed');
    expect(md).toMatch(/### dev\n\n#### ConfigMap\n\n- \*\*tripgen\/c\*\* changed/);
    expect(md).toContain('| `data.A` | `"x\\|y"` | `"z"` |');
    expect(md).toMatch(/#### Deployment\n\n- \*\*tripgen\/user-service\*\* added/);
  });

  it('lists a removed cluster-scoped object by its name alone, and keeps a cell\'s backticks and pipes from breaking the table', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tripgen' } };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'tripgen' }, data: { A: '`a`' } };
    const md = toMarkdown(diffObjects(index('prod', [ns, cm]), index('prod', [{ ...cm, data: {} }])), 't');
    expect(md).toContain('**prod**: 1 changed, 0 added, 1 removed');
    expect(md).toMatch(/#### Namespace\n\n- \*\*tripgen\*\* removed/);
    expect(md).toContain("| `data.A` | `\"'a'\"` | — |");
  });

  it('says so when nothing changed', () => {
    expect(toMarkdown([], 't')).toContain('No rendered object changed.');
  });
});
