/**
 * prod PostgreSQL accepts only Microsoft Entra ID sign-ins (infra-bicep: password authentication
 * off), so a pod that connects with a static DATABASE_URL password cannot log in. Every pod that
 * has a DATABASE_URL must take it from a ConfigMap as `postgresql://<role>@<host>/...` with no
 * password, beside DATABASE_AUTH=entra; no secret store may still mount a database URL.
 * (learn.microsoft.com/azure/postgresql/flexible-server/how-to-connect-with-managed-identity)
 */
import { containersOf, id, podTemplateOf, type K8sObject } from './objects.ts';

type Env = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
type EnvFrom = { configMapRef?: { name: string }; secretRef?: { name: string } };

export function entraOnlyDatabaseAuth(objects: readonly K8sObject[]): string[] {
  const v: string[] = [];
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, (o.data ?? {}) as Record<string, string>]));
  for (const o of objects) {
    if (o.kind === 'SecretProviderClass' && /database-url/i.test(JSON.stringify(o.spec ?? {}))) v.push(`${id(o)}: mounts a database URL from Key Vault (a static password the server refuses)`);
    const pod = podTemplateOf(o);
    if (!pod) continue;
    for (const c of containersOf(pod)) {
      const env = new Map<string, string | undefined>();
      for (const f of (c.envFrom ?? []) as EnvFrom[]) {
        if (f.secretRef) v.push(`${id(o)} ${c.name}: envFrom Secret ${f.secretRef.name} (no database secret may reach a prod pod)`);
        for (const [k, val] of Object.entries(configMaps.get(`${o.metadata.namespace}/${f.configMapRef?.name}`) ?? {})) env.set(k, val);
      }
      for (const e of (c.env ?? []) as Env[]) {
        if (e.name === 'DATABASE_URL' && e.valueFrom?.secretKeyRef) v.push(`${id(o)} ${c.name}: DATABASE_URL from Secret ${e.valueFrom.secretKeyRef.name} (a static password)`);
        env.set(e.name, e.value);
      }
      if (!env.has('DATABASE_URL')) continue;
      const url = env.get('DATABASE_URL');
      if (url === undefined) continue; // reported above
      const u = new URL(url);
      if (u.password) v.push(`${id(o)} ${c.name}: DATABASE_URL carries a password`);
      if (!u.username) v.push(`${id(o)} ${c.name}: DATABASE_URL names no role`);
      if (env.get('DATABASE_AUTH') !== 'entra') v.push(`${id(o)} ${c.name}: DATABASE_AUTH is ${String(env.get('DATABASE_AUTH'))}, not entra`);
    }
  }
  return v;
}
