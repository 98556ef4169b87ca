/**
 * Clock times and opening hours. A day's times are minutes since its midnight; opening hours are
 * the API's `openingHours`: per weekday (mon..sun) a list of ["HH:MM", "HH:MM"] intervals. A missing
 * `openingHours` means always open; a weekday that is missing or [] means closed that day.
 * A close of "24:00" is midnight; a close earlier than the open runs past midnight and is cut
 * at 24:00 (a trip day ends by midnight).
 */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type OpeningHours = Partial<Record<Weekday, ReadonlyArray<readonly [string, string]>>>;

export function parseClock(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad time "${text}", expected HH:MM`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new Error(`bad time "${text}"`);
  return h * 60 + min;
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Weekday of an ISO date (YYYY-MM-DD), computed in UTC so it never depends on the host's zone. */
export function weekdayOf(date: string): Weekday {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`bad date "${date}", expected YYYY-MM-DD`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad date "${date}"`);
  return WEEKDAYS[d.getUTCDay()]!;
}

/** Opening intervals [open, close] in minutes for one weekday, sorted and merged. */
export function openingIntervals(hours: OpeningHours | undefined, weekday: Weekday): Array<[number, number]> {
  if (!hours) return [[0, 24 * 60]];
  const list = hours[weekday] ?? [];
  const intervals = list
    .map(([o, c]): [number, number] => {
      const open = parseClock(o);
      let close = parseClock(c);
      if (close <= open) close = 24 * 60;
      return [open, close];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}
