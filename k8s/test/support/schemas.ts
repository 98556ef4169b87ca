/**
 * Schema validation of rendered objects: kubernetes-models for core kinds and
 * prometheus-operator; the pinned upstream CRD files in k8s/crds (source and version in its
 * README) for Argo CD, Argo Rollouts, Istio and the Secrets Store CSI driver, made strict (unknown fields rejected, as
 * the API server's structural-schema pruning would silently drop them); a local schema for the
 * VPA, whose CRD ships no model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Ajv } from 'ajv';
import type { K8sObject } from '../policy/objects.ts';
import { repoPath } from '../../src/lib/paths.ts';
import { VPA_SCHEMA } from './vpa-schema.ts';

type JsonSchema = Record<string, unknown>;

const CRD_DIR = repoPath('k8s', 'crds');
const CRD_FILES = [
  'argocd-application-crd.yaml',
  'argocd-appproject-crd.yaml',
  'rollouts-rollout-crd.yaml',
  'rollouts-analysis-template-crd.yaml',
  'istio-1.22.8.yaml',
  'secrets-store-csi-secretproviderclass.yaml',
];

/** Unknown fields are errors wherever the CRD lists the properties and does not preserve unknowns. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (typeof schema !== 'object' || schema === null) return schema;
  const s = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' || k === 'default' || k === 'example' ? v : strict(v)])) as JsonSchema;
  if (s.properties && s.additionalProperties === undefined && !s['x-kubernetes-preserve-unknown-fields']) s.additionalProperties = false;
  return s;
}

type Validator = (o: K8sObject) => string[];

let crdSchemas: Map<string, JsonSchema> | undefined;
function loadCrdSchemas(): Map<string, JsonSchema> {
  if (crdSchemas) return crdSchemas;
  crdSchemas = new Map();
  for (const file of CRD_FILES) {
    const text = readFileSync(join(CRD_DIR, file), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const crd = doc.toJS() as { kind?: string; spec?: { group: string; names: { kind: string }; versions: { name: string; schema?: { openAPIV3Schema: JsonSchema } }[] } } | null;
      if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
      for (const v of crd.spec.versions) {
        if (v.schema) crdSchemas.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
      }
    }
  }
  return crdSchemas;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, Validator>();

function ajvValidator(schema: JsonSchema, rootIsStrict = true): Validator {
  // Istio's CRD schemas describe only spec/status at the root: there, apiVersion/kind/metadata stay open.
  const root = rootIsStrict
    ? strict(schema)
    : { ...schema, properties: Object.fromEntries(Object.entries((schema.properties ?? {}) as JsonSchema).map(([k, v]) => [k, strict(v)])) };
  const validate = ajv.compile(root as JsonSchema);
  return (o) => (validate(o) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`));
}

async function modelValidator(pkg: string, apiVersion: string, kind: string): Promise<Validator> {
  const mod = (await import(`${pkg}/${apiVersion}/${kind}`)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = mod[kind];
  if (!Model) throw new Error(`${pkg} has no model ${apiVersion}/${kind}`);
  return (o) => {
    try {
      new Model(o).validate();
      return [];
    } catch (e) {
      return [(e as Error).message];
    }
  };
}

const CORE_GROUPS = new Set(['v1', 'apps', 'batch', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io']);

async function validatorFor(o: K8sObject): Promise<Validator> {
  const key = `${o.apiVersion}/${o.kind}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : 'v1';
  let v: Validator;
  if (CORE_GROUPS.has(group)) v = await modelValidator('kubernetes-models', o.apiVersion, o.kind);
  else if (group === 'monitoring.coreos.com') v = await modelValidator('@kubernetes-models/prometheus-operator', o.apiVersion, o.kind);
  else if (key === 'autoscaling.k8s.io/v1/VerticalPodAutoscaler') v = ajvValidator(VPA_SCHEMA);
  else {
    const schema = loadCrdSchemas().get(key);
    if (!schema) throw new Error(`no schema known for ${key}`);
    v = ajvValidator(schema, 'apiVersion' in ((schema.properties ?? {}) as JsonSchema));
  }
  compiled.set(key, v);
  return v;
}

/** Schema violations of one object (empty when valid). */
export async function schemaErrors(o: K8sObject): Promise<string[]> {
  return (await validatorFor(o))(o);
}
