/** What makes a trip valid beyond its JSON shape: real dates, at most 14 days, a day window that is one. */
import { repeatedInterests, storedInterest } from '@tripgen/catalog';
import { invalidBody } from '@tripgen/service-kit';
import { MAX_TRIP_DAYS } from './schemas.ts';

const DAY_MS = 86_400_000;

/** Milliseconds of a real calendar date at UTC midnight, or NaN ("2026-02-30" is not one). */
export const dateValue = (date: string): number => {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? Number.NaN : t;
};

/** The trip's dates, first to last. */
export const tripDates = (startDate: string, endDate: string): string[] => {
  const out: string[] = [];
  for (let t = dateValue(startDate); t <= dateValue(endDate); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** Problems of a whole trip (empty: valid), each naming the field. */
export const tripProblems = (t: { startDate: string; endDate: string; dayStart: string; dayEnd: string }): { path: string; message: string }[] => {
  const problems: { path: string; message: string }[] = [];
  const start = dateValue(t.startDate);
  const end = dateValue(t.endDate);
  if (Number.isNaN(start)) problems.push({ path: 'body/startDate', message: `${t.startDate} is not a date` });
  if (Number.isNaN(end)) problems.push({ path: 'body/endDate', message: `${t.endDate} is not a date` });
  if (!Number.isNaN(start) && !Number.isNaN(end)) {
    if (end < start) problems.push({ path: 'body/endDate', message: 'must not be before startDate' });
    else if ((end - start) / DAY_MS + 1 > MAX_TRIP_DAYS) problems.push({ path: 'body/endDate', message: `a trip is at most ${MAX_TRIP_DAYS} days` });
  }
  if (t.dayStart >= t.dayEnd) problems.push({ path: 'body/dayEnd', message: 'must be after dayStart' });
  return problems;
};

/**
 * The body with its interests as they are stored (the catalog's storedInterest: NFC, trimmed), after
 * refusing interests that are one but for case, spacing, Unicode form or invisible characters (400
 * naming the later one): docs/api.md says a trip's interests are unique, and the planner reads them so.
 */
export const withStoredInterests = <T extends { interests?: string[] }>(body: T): T => {
  if (body.interests === undefined) return body;
  const repeated = repeatedInterests(body.interests, 'body/interests');
  if (repeated.length > 0) throw invalidBody(repeated);
  return { ...body, interests: body.interests.map(storedInterest) };
};
