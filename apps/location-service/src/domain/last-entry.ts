/**
 * A last entry written as a comment of an opening_hours rule (OSM has no key for it): the words
 * mappers and the data set use, in English and Korean, at a clock time or so long before the close.
 * The OSM importer reads them into a row's lastEntryMinutes; the service reads one on an `open` rule
 * as that rule's own last entry (opening-hours.ts).
 */
/** The words of a last entry: English, and Korean (라스트오더, 입장마감, 마지막 입장, 주문마감, 매표마감, spaced or not). */
const LAST_ENTRY_WORDS = String.raw`(?:last\s+(?:order|entry|admission)s?\b|라스트\s*오더|(?:입장|주문|매표)\s*마감|마지막\s*(?:입장|주문))`;
/** At a clock time: "last order 21:00", "Last admission: 17:30", "라스트오더 21:00", "입장마감 17:00까지". */
const LAST_ENTRY_AT = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\D*?(\d{1,2}):(\d{2})\s*(?:까지)?\s*$`, 'i');
/** So long before the close: "last order 1 hour before closing", "last entry 30 min before close". */
const LAST_ENTRY_BEFORE = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\W*?(\d{1,3})\s*(hours?|hrs?|h|minutes?|mins?|m)\s+before\s+(?:the\s+)?clos(?:e|ing)(?:\s+time)?\s*$`, 'i');
/** The same in Korean, either way round: "입장마감 마감 1시간 전", "라스트오더 폐점 30분 전", "폐장 1시간 전 입장마감". */
const CLOSE_KO = String.raw`(?:마감|폐장|폐점|영업\s*종료|종료)`;
const LAST_ENTRY_BEFORE_KO = [
  new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\s*:?\s*${CLOSE_KO}?\s*(\d{1,3})\s*(시간|분)\s*전\s*(?:까지)?\s*$`, 'i'),
  new RegExp(String.raw`^\s*${CLOSE_KO}\s*(\d{1,3})\s*(시간|분)\s*전\s*${LAST_ENTRY_WORDS}\s*$`, 'i'),
];

/**
 * The last entry a comment gives at a clock time, as minutes from the midnight of the day its
 * interval opens (`open`, likewise), or undefined when it gives none at a clock time. Needs no close:
 * the only last entry an open end (`18:00+ "last order 01:00"`), whose close is unknown, can have.
 */
export const lastEntryAt = (comment: string, open: number): number | undefined => {
  const at = LAST_ENTRY_AT.exec(comment);
  if (!at) return undefined;
  const minutes = Number(at[1]) * 60 + Number(at[2]);
  // "last order 01:30" of an evening that closes at 02:00 is the next day's 01:30.
  return minutes < open ? minutes + 1440 : minutes;
};

/**
 * The gap a last-entry comment gives to the close of its interval (open and close as minutes from
 * the midnight of the day it opens), or undefined when the comment is not one.
 */
export const lastEntryGap = (comment: string, open: number, close: number): number | undefined => {
  const at = lastEntryAt(comment, open);
  if (at !== undefined) return close - at;
  const before = LAST_ENTRY_BEFORE.exec(comment);
  if (before) return Number(before[1]) * (/^h/i.test(before[2]!) ? 60 : 1);
  for (const pattern of LAST_ENTRY_BEFORE_KO) {
    const m = pattern.exec(comment);
    if (m) return Number(m[1]) * (m[2] === '시간' ? 60 : 1);
  }
  return undefined;
};
export const isLastEntry = (comment: string): boolean => lastEntryGap(comment, 0, 0) !== undefined;
