import { describe, expect, it } from 'vitest';
import { renderedObjects } from './support/gitops.ts';
import { schemaErrors } from './support/schemas.ts';
import { stableApiVersions } from './policy/rules.ts';

describe('every rendered object validates against its schema [manifest-rules 21]', () => {
  it('has no schema violations in gitops/ (kubernetes-models, CRD schemas, VPA schema)', async () => {
    const problems: string[] = [];
    for (const { path, object } of renderedObjects()) {
      for (const e of await schemaErrors(object)) problems.push(`${path}: ${e}`);
    }
    expect(problems).toEqual([]);
  });

  it('[kube-linter no-extensions-v1beta; kube-score stable-version] uses no deprecated apiVersion', () => {
    expect(stableApiVersions(renderedObjects().map((l) => l.object))).toEqual([]);
  });

  it('rejects an unknown field and a wrong type (the validators bite)', async () => {
    const rollout = renderedObjects().find((l) => l.object.kind === 'Rollout')!.object;
    const broken = structuredClone(rollout);
    (broken.spec as Record<string, unknown>).replica = 3;
    expect((await schemaErrors(broken)).join('\n')).toMatch(/replica/);
    const cm = renderedObjects().find((l) => l.object.kind === 'Deployment')!.object;
    const badDeployment = structuredClone(cm);
    (badDeployment.spec as { template: { spec: { containers: { image: unknown }[] } } }).template.spec.containers[0]!.image = 42;
    expect(await schemaErrors(badDeployment)).not.toEqual([]);
    const policy = structuredClone(renderedObjects().find((l) => l.object.kind === 'AuthorizationPolicy' && l.object.spec?.rules)!.object);
    (policy.spec as { rules: Record<string, unknown>[] }).rules[0]!.form = [];
    expect((await schemaErrors(policy)).join('\n')).toMatch(/form/);
    const spc = structuredClone(renderedObjects().find((l) => l.object.kind === 'SecretProviderClass')!.object);
    (spc.spec as Record<string, unknown>).secretObject = [];
    expect((await schemaErrors(spc)).join('\n')).toMatch(/secretObject/);
  });
});
