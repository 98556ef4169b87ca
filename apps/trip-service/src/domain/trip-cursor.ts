/**
 * The cursor of the trip list (GET /api/v1/trips): where the next page starts, as the sort key of the
 * last trip answered (created-at, then id: trips created in the same millisecond keep one order). A
 * key rather than an offset or a trip id: trips created or deleted between two reads shift no page,
 * and the last trip of a page may itself be deleted before the next is read.
 *
 * Opaque to clients (base64url, versioned) so that its content may change. It names its owner by a
 * tag of their id: a cursor sent by another traveller is refused (400) rather than read as a position
 * in their list. That is an error message, not the access control: the query is scoped to the caller
 * whatever the cursor says, so even a forged one shows nothing of anyone else's.
 */
import { createHash } from 'node:crypto';
import { HttpProblem } from '@tripgen/service-kit';

export interface TripListPosition {
  readonly createdAt: Date;
  readonly id: string;
}

const VERSION = '1';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DECODED = new RegExp(`^${VERSION}\\.(0|[1-9]\\d{0,15})\\.(${UUID})\\.([A-Za-z0-9_-]{16})$`);
// Date's own range: a millisecond count past it is not an instant.
const MAX_EPOCH_MS = 8.64e15;

/** Longest cursor this version writes, with room for a later version's: longer is refused by the schema. */
export const CURSOR_MAX_LENGTH = 200;
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]+$';

const ownerTag = (userId: string) => createHash('sha256').update(`trip-list-cursor\0${userId}`).digest('base64url').slice(0, 16);

export const encodeCursor = (userId: string, last: TripListPosition): string =>
  Buffer.from(`${VERSION}.${last.createdAt.getTime()}.${last.id}.${ownerTag(userId)}`, 'utf8').toString('base64url');

const refused = (why: string) =>
  new HttpProblem(400, `Request querystring is invalid: querystring/cursor ${why}`, { errors: [{ path: 'querystring/cursor', message: why }] });

/** The position a cursor of this traveller's list names, or a 400 for any other text. */
export const decodeCursor = (userId: string, cursor: string): TripListPosition => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Node's decoder skips what is not base64url; only the one spelling this module writes is a cursor.
  const match = Buffer.from(text, 'utf8').toString('base64url') === cursor ? DECODED.exec(text) : null;
  const ms = match ? Number(match[1]) : NaN;
  if (!match || !(ms <= MAX_EPOCH_MS)) throw refused('is not a cursor of this list: send the nextCursor of a previous page as it came');
  if (match[3] !== ownerTag(userId)) throw refused("is another traveller's: a cursor continues only the list it came with");
  return { createdAt: new Date(ms), id: match[2]! };
};
