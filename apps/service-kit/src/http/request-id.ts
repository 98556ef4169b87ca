/**
 * Request ids for requests that bring none: UUID-shaped (the format clients and logs already see),
 * a random v4 prefix per process and a counter in the last 12 hex digits. crypto.randomUUID builds
 * its string from 20 pieces, about 560 bytes of garbage per request (issue 15); this is one number
 * formatted and one concatenation. Unique within a process by the counter, across replicas and
 * restarts by the 74 random bits of the prefix; unguessable ids are not needed (they only correlate logs).
 */
import { randomUUID } from 'node:crypto';

/** 2^44: every counter value from here to 2^48 has exactly 12 hex digits, no padding needed. */
const FIRST = 2 ** 44;

export const requestIdGenerator = (): (() => string) => {
  // "xxxxxxxx-xxxx-4xxx-yxxx-": the version and variant stay those of a random UUID.
  const prefix = randomUUID().slice(0, 24);
  let next = FIRST;
  return () => prefix + (next++).toString(16);
};
