/** The hash a request is stored with, to tell the same request again (a replay under a key) from another. */
import { createHash } from 'node:crypto';

/** sha256 (hex) of the value's JSON in the key order it has: stored hashes depend on that order, so each caller fixes it. */
export const digest = (what: unknown): string => createHash('sha256').update(JSON.stringify(what)).digest('hex');
