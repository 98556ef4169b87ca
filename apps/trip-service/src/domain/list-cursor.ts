/**
 * The cursor of a list read in pages, newest first (a traveller's trips, a trip's schedules): where
 * the next page starts, as the sort key of the last item answered (created-at, then id: items
 * created in the same millisecond keep one order). A key rather than an offset or an item id: items
 * created or deleted between two reads shift no page, and the last item of a page may itself be
 * deleted before the next is read.
 *
 * Opaque to clients (base64url, versioned) so that its content may change. It names the list it
 * continues by a tag of the list's kind and owners (the traveller; the trip too, for its schedules):
 * a cursor of another list is refused (400) rather than read as a position in this one. That is an
 * error message, not the access control: each query is scoped to the caller whatever the cursor
 * says, so even a forged one shows nothing of anyone else's.
 */
import { createHash } from 'node:crypto';
import { HttpProblem } from '@tripgen/service-kit';

export interface ListPosition {
  readonly createdAt: Date;
  readonly id: string;
}

/** One page of rows, and whether more follow it. */
export interface ListPage<T> {
  readonly rows: T[];
  readonly more: boolean;
}

const VERSION = '1';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DECODED = new RegExp(`^${VERSION}\\.(0|[1-9]\\d{0,15})\\.(${UUID})\\.([A-Za-z0-9_-]{16})$`);
// Date's own range: a millisecond count past it is not an instant.
const MAX_EPOCH_MS = 8.64e15;

/** Longest cursor this version writes, with room for a later version's: longer is refused by the schema. */
export const CURSOR_MAX_LENGTH = 200;
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]+$';

const refused = (why: string) =>
  new HttpProblem(400, `Request querystring is invalid: querystring/cursor ${why}`, { errors: [{ path: 'querystring/cursor', message: why }] });

/**
 * The cursors of one kind of list. `kind` enters the tag (a trip list's cursor is no schedule
 * list's), `owners` the ids the list belongs to, in a fixed order; `whose` ends the 400 for a cursor
 * of another list of this kind ("is <whose>").
 */
export const listCursor = (kind: string, whose: string) => {
  const tag = (owners: readonly string[]) => createHash('sha256').update([kind, ...owners].join('\0')).digest('base64url').slice(0, 16);
  const encode = (owners: readonly string[], last: ListPosition): string =>
    Buffer.from(`${VERSION}.${last.createdAt.getTime()}.${last.id}.${tag(owners)}`, 'utf8').toString('base64url');
  return {
    encode,

    /** The position a cursor of this list names, or a 400 for any other text. */
    decode(owners: readonly string[], cursor: string): ListPosition {
      const text = Buffer.from(cursor, 'base64url').toString('utf8');
      // Node's decoder skips what is not base64url; only the one spelling this module writes is a cursor.
      const match = Buffer.from(text, 'utf8').toString('base64url') === cursor ? DECODED.exec(text) : null;
      const ms = match ? Number(match[1]) : NaN;
      if (!match || !(ms <= MAX_EPOCH_MS)) throw refused('is not a cursor of this list: send the nextCursor of a previous page as it came');
      if (match[3] !== tag(owners)) throw refused(`is ${whose}: a cursor continues only the list it came with`);
      return { createdAt: new Date(ms), id: match[2]! };
    },

    /** The answer of a page: its items, and the cursor of the next page (null: this is the last). */
    answer: <R extends ListPosition, I>(owners: readonly string[], page: ListPage<R>, item: (row: R) => I) => ({
      items: page.rows.map(item),
      nextCursor: page.more ? encode(owners, page.rows.at(-1)!) : null,
    }),
  };
};

/** What a keyset read of the page after `after` adds to its query: `take` is one more than the page, to tell whether more follow. */
export interface KeysetArgs {
  readonly where: { createdAt?: { lte: Date }; OR?: ({ createdAt: { lt: Date } } | { id: { lt: string } })[] };
  readonly orderBy: ({ createdAt: 'desc' } | { id: 'desc' })[];
  readonly take: number;
}

/**
 * One page of a list, newest first, after `after` (the last item of the page before). Keyset:
 * `(created_at, id) < after`, written as `created_at <= t AND (created_at < t OR id < i)` so that
 * the bound on created_at is an index condition on an index (owner, created_at DESC): a late page
 * reads its own rows, not every newer one, and PostgreSQL orders items of the same millisecond by id
 * with an incremental sort of just those. `read` adds its owner to `where` and runs the query.
 */
export const readPage = async <T>(limit: number, after: ListPosition | undefined, read: (keyset: KeysetArgs) => Promise<T[]>): Promise<ListPage<T>> => {
  const rows = await read({
    where: after ? { createdAt: { lte: after.createdAt }, OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  return { rows: rows.slice(0, limit), more: rows.length > limit };
};

/** A traveller's trips (owners: the traveller). The same tag as trip-cursor.ts wrote: cursors already handed out still read on. */
export const tripListCursor = listCursor('trip-list-cursor', "another traveller's");
/** A trip's schedules (owners: the traveller, the trip). */
export const scheduleListCursor = listCursor('schedule-list-cursor', "of another trip's schedules or another traveller's");
