/**
 * Case-insensitive access to ARM resource bodies: ARM treats property names case-insensitively
 * and PSRule, the portal and the templates all spell them differently (omsagent / omsAgent).
 */
import type { Snapshot, SnapshotResource } from './bicep.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path (`properties.aadProfile.managed`), keys matched case-insensitively. */
export const prop = (value: unknown, dotted: string): unknown => {
  let current: unknown = value;
  for (const segment of dotted.split('.')) {
    if (!isRecord(current)) return undefined;
    const key = Object.keys(current).find((k) => k.toLowerCase() === segment.toLowerCase());
    if (key === undefined) return undefined;
    current = current[key];
  }
  return current;
};

/** Sets the value at a dotted path, matching existing keys case-insensitively (for broken copies). */
export const setProp = (value: unknown, dotted: string, next: unknown): void => {
  const segments = dotted.split('.');
  let current: unknown = value;
  segments.forEach((segment, i) => {
    if (!isRecord(current)) throw new Error(`cannot set ${dotted}: ${segments.slice(0, i).join('.')} is not an object`);
    const key = Object.keys(current).find((k) => k.toLowerCase() === segment.toLowerCase()) ?? segment;
    if (i === segments.length - 1) current[key] = next;
    else current = current[key];
  });
};

export const sameText = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

export const ofType = (resources: readonly SnapshotResource[], type: string): SnapshotResource[] =>
  resources.filter((r) => sameText(r.type, type));

/** The first resource of `type` (that `where` accepts) in a snapshot; a missing one is an error. */
export const firstOfType = (s: Snapshot, type: string, where: (r: SnapshotResource) => boolean = () => true): SnapshotResource => {
  const r = ofType(s.predictedResources, type).find(where);
  if (r === undefined) throw new Error(`no ${type} in the snapshot`);
  return r;
};

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
