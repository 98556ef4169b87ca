import { ApiObject } from './cdk8s.ts';
import type { Construct } from 'constructs';

/** What every rendered object has; the concrete shape comes from the kubernetes-models
 * interfaces the callers check their literals against with `satisfies`. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
}

/**
 * Adds one typed object to a chart. Plain L1 `ApiObject`s typed by kubernetes-models keep every
 * field visible and checked by the compiler (excess-property checks through `satisfies`), and
 * skip cdk8s-plus defaults (path-hash selector labels, missing security fields) we would undo.
 */
export function emit<T extends Manifest>(scope: Construct, obj: T): ApiObject {
  const { apiVersion, kind, metadata, ...rest } = obj;
  return new ApiObject(scope, `${kind}.${metadata.name}`, { apiVersion, kind, metadata: { ...metadata }, ...rest });
}
