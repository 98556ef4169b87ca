/**
 * What a curated row's note says of its last entry, read with the importer's reader (domain/last-entry.ts),
 * against the row's lastEntryMinutes. A note is prose: it is read clause by clause (split at . ; , and
 * brackets), and a clause the reader reads whole ("Last entry 17:00", "last entry 1 h before closing")
 * is a last entry ("last ticket 17:30", "last entry about 1 h before closing" too); prose the reader does not read
 * ("the hike continues after the last entry time") is left.
 */
import { isLastEntry, lastEntryAt, lastEntryGap } from '../../src/domain/last-entry.ts';
import { addDays, weeklyHours } from '../../src/domain/opening-hours.ts';
import type { PlaceRecord } from '../../src/domain/schemas.ts';

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The distinct opening intervals of a row's ordinary weeks over a year (seasons included), as minutes. */
const intervalsOfYear = (row: PlaceRecord, year: number): [number, number][] => {
  const seen = new Map<string, [number, number]>();
  // The Monday on or after 1 January, and each week after it.
  const first = `${year}-01-01`;
  const monday = addDays(first, (8 - new Date(`${first}T00:00:00Z`).getUTCDay()) % 7);
  for (let week = monday; week.startsWith(String(year)); week = addDays(week, 7)) {
    for (const day of Object.values(weeklyHours(row.openingHoursOsm, week, row))) for (const [open, close] of day) seen.set(`${open}-${close}`, [minutes(open), minutes(close)]);
  }
  return [...seen.values()];
};

export interface NoteLastEntry {
  readonly clause: string;
  /** The gaps to the close the clause gives on the row's intervals (a clock time: those it falls within). */
  readonly gaps: readonly number[];
}

/** The note's last entries that disagree with the row's lastEntryMinutes: none of their gaps is its figure. */
export const noteLastEntryDisagreements = (row: PlaceRecord, year = 2026): NoteLastEntry[] => {
  const clauses = (row.note ?? '').split(/[.;,()]/).map((c) => c.trim()).filter(isLastEntry);
  if (!clauses.length) return [];
  const intervals = intervalsOfYear(row, year);
  return clauses
    .map((clause) => ({
      clause,
      gaps: [
        ...new Set(
          intervals.flatMap(([open, close]) => {
            const at = lastEntryAt(clause, open);
            if (at !== undefined && !(at > open && at <= close)) return [];
            const gap = lastEntryGap(clause, open, close);
            return gap === undefined ? [] : [gap];
          }),
        ),
      ],
    }))
    .filter(({ gaps }) => row.lastEntryMinutes === undefined || !gaps.includes(row.lastEntryMinutes));
};
