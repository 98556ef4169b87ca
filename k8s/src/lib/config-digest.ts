/**
 * A workload's pod template records the digest of the ConfigMap its pods read through `envFrom`.
 * Kubernetes reads such variables once, at container start: a ConfigMap changed alone leaves the
 * pod template as it was, so neither a Deployment nor a Rollout replaces a pod, and each pod picks
 * the new values up whenever it happens to restart (the analysis never sees them). With the
 * digest in the template a config change is a new revision like an image change: a rolling update
 * in dev, the Rollout's smoke and SLO analysis in prod (Helm's "automatically roll deployments").
 */
import { createHash } from 'node:crypto';

export const CONFIG_DIGEST_ANNOTATION = 'tripgen.example/config-sha256';

/** SHA-256 of the ConfigMap's data, over its entries in key order (the order of the object's keys is not a change). */
export const configDigest = (data: Readonly<Record<string, string>>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.keys(data).sort().map((key) => [key, data[key]])))
    .digest('hex');
