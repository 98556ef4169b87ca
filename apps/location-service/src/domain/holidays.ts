/**
 * Korean public holidays, from `@hyunbinseo/holidays-kr` (the official gazette, lunar holidays,
 * substitute holidays and election days included; one module per published year). A year the
 * package does not cover (not published yet, or before its first year, 2018) is reported as such, never guessed.
 */
import { createHash } from 'node:crypto';
import * as gazette from '@hyunbinseo/holidays-kr/all';

/** Official holiday names (Korean) and the words a traveller reads. */
const ENGLISH: Readonly<Record<string, string>> = {
  '1월 1일': "New Year's Day",
  '설날 전날': 'Day before Seollal (Lunar New Year)',
  설날: 'Seollal (Lunar New Year)',
  '설날 다음 날': 'Day after Seollal (Lunar New Year)',
  '3ㆍ1절': 'Independence Movement Day',
  노동절: 'Labour Day',
  어린이날: "Children's Day",
  '부처님 오신 날': "Buddha's Birthday",
  현충일: 'Memorial Day',
  제헌절: 'Constitution Day',
  광복절: 'Liberation Day',
  '추석 전날': 'Day before Chuseok',
  추석: 'Chuseok',
  '추석 다음 날': 'Day after Chuseok',
  개천절: 'National Foundation Day',
  한글날: 'Hangul Day',
  기독탄신일: 'Christmas Day',
  임시공휴일: 'Temporary public holiday',
};

/** The English words for an official name, when known. */
const english = (korean: string): string | undefined => {
  const substitute = /^대체공휴일\((.+)\)$/.exec(korean);
  if (substitute) return `Substitute holiday for ${english(substitute[1]!) ?? substitute[1]}`;
  const temporary = /^임시공휴일\((.+)\)$/.exec(korean);
  if (temporary) return `Temporary public holiday: ${english(temporary[1]!) ?? temporary[1]}`;
  if (korean.endsWith('선거')) return 'Election day';
  return ENGLISH[korean];
};

/** "Chuseok (추석)": the English words with the official name; an unknown name as the gazette writes it. */
export const holidayName = (korean: string): string => {
  const words = english(korean);
  return words ? `${words} (${korean})` : korean;
};

const byDate = new Map<string, readonly string[]>();
const years = new Set<number>();
for (const [name, days] of Object.entries(gazette)) {
  years.add(Number(name.replace(/^y/, '')));
  for (const [date, names] of Object.entries(days as Record<string, readonly string[]>)) byDate.set(date, names);
}

/** Years the holiday source covers (published in the gazette). */
export const HOLIDAY_YEARS: readonly number[] = [...years].sort((a, b) => a - b);

/**
 * The calendar's version: a hash of every year covered and every holiday in it. Answers computed
 * from it are cached under it (places.ts), so a release whose package has a year more, or a date
 * corrected, never serves what a release with the previous calendar cached.
 */
export const HOLIDAY_CALENDAR = createHash('sha256')
  .update(JSON.stringify([HOLIDAY_YEARS, [...byDate].sort(([a], [b]) => a.localeCompare(b))]))
  .digest('base64url')
  .slice(0, 12);

export type HolidayLookup =
  | { readonly known: true; readonly names: readonly string[] }
  | { readonly known: false };

/**
 * The public holidays of a local date (YYYY-MM-DD), English names with the official Korean;
 * `known: false` when the date's year is not covered by the source yet.
 */
export const publicHolidays = (date: string): HolidayLookup => {
  if (!years.has(Number(date.slice(0, 4)))) return { known: false };
  return { known: true, names: (byDate.get(date) ?? []).map(holidayName) };
};
