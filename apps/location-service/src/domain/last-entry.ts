/**
 * A last entry written as a comment of an opening_hours rule (OSM has no key for it): the words
 * mappers and the data set use, in English and Korean, at a clock time or so long before the close.
 * The OSM importer reads them into a row's lastEntryMinutes; the service reads one on an `open` rule
 * as that rule's own last entry (opening-hours.ts).
 */
/**
 * The end of ticket sales or admission in the words the curated notes and pages use: "tickets until 18:00",
 * "ticketing until 17:50", "ticketing ends 1 h before closing", "admission until about 21:20", "ticket office closes at
 * 17:00". Not "free admission until ...", which is a price.
 */
const TICKET_SALES_END = String.raw`(?:tickets?\s+(?:are\s+)?(?:sold\s+)?until|ticketing\s+(?:until|ends|closes)|ticket\s+(?:office|sales?|booth|window)\s+(?:closes?|ends?)(?:\s+at)?|(?<!free\s+)admission\s+until)\b`;
/**
 * The words of a last entry: English, and Korean (라스트오더, 입장마감, 마지막 입장, 주문마감, spaced or not). The end of
 * ticket sales is the last moment a visitor can get in, so it is a last entry too: "last ticket", 매표마감, 발권마감.
 * So is a park's last train (막차, 마지막 열차): the ride is the visit (Ecoland's: "last train 17:30 ..., park closes 1 h
 * after the last train", lastEntryMinutes 60), and where a train is the way out instead, a last entry still only takes
 * away start times the hours alone would give; it never opens a time the hours close.
 */
const GETTING_IN_WORDS = String.raw`(?:last\s+(?:order|entry|admission|ticket)s?\b|${TICKET_SALES_END}|라스트\s*오더|(?:입장|주문|매표|발권)\s*마감|마지막\s*(?:입장|주문))`;
const LAST_TRAIN_WORDS = String.raw`(?:last\s+trains?\b|마지막\s*열차|막차(?:\s*시간)?)`;
const LAST_ENTRY_WORDS = String.raw`(?:${GETTING_IN_WORDS}|${LAST_TRAIN_WORDS})`;
/**
 * A clock time: "21:00", or in Korean "21시", "21시 30분", "21시 반" (half past), with 오전/오후 (a.m./p.m.)
 * before a 12-hour figure: "오후 9시 반". Groups: HH, MM (HH:MM); 오전/오후, hour, minutes, 반 (Korean).
 */
const CLOCK = String.raw`(?:(\d{1,2}):(\d{2})|(오전|오후)?\s*(\d{1,2})\s*시(?!간)\s*(?:(\d{1,2})\s*분|(반))?)`;
/** At a clock time: "last order 21:00", "Last admission: 17:30", "last ticket 17:30", "라스트오더 21:00", "입장마감 17시까지". */
const LAST_ENTRY_AT = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\D*?${CLOCK}\s*(?:까지)?\s*$`, 'i');
/** Hours written with a decimal fraction as well ("1.5 h": the row was refused, the place left out of the directory). */
const HOURS_FIGURE = String.raw`\d{1,3}(?:\.\d{1,2})?`;
/** A duration in English: "1 hour", "30 minutes", "1 hour 30 minutes", "1h30m", "1 h and 30 min", "1.5 hours". Groups: hours, minutes, or minutes alone. */
const DURATION = String.raw`(?:(${HOURS_FIGURE})\s*(?:hours?|hrs?|h)(?:\s*(?:and\s+)?(\d{1,2})\s*(?:minutes?|mins?|m))?|(\d{1,3})\s*(?:minutes?|mins?|m))`;
/**
 * A duration written out, as pages and mappers write it: "an hour", "one hour", "two hours", "half an hour", "an
 * hour and a half", "one and a half hours", "an hour and 30 minutes". Group: the whole, read by spelledMinutes.
 */
const SPELLED_DURATION = String.raw`((?:half\s+an\s+hour|(?:an?|one|two|three)(?:\s+and\s+a\s+half)?\s+hours?(?:\s+and\s+(?:a\s+half|\d{1,2}\s*(?:minutes?|mins?)))?))`;
const SPELLED_HOURS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3 };
/** Minutes of a SPELLED_DURATION match. */
const spelledMinutes = (text: string): number => {
  const words = text.toLowerCase().split(/\s+/);
  if (words[0] === 'half') return 30;
  const halves = text.includes('half') ? 30 : 0;
  const minutes = /(\d{1,2})\s*min/i.exec(text);
  return SPELLED_HOURS[words[0]!]! * 60 + halves + (minutes ? Number(minutes[1]) : 0);
};
/** "About" a figure, read as the figure (the planner needs one; the page gives no other): "about 1 h", "약 1시간". */
const ABOUT = String.raw`(?:(?:about|around|approx(?:imately|\.)?|roughly|ca\.)\s*)?`;
const ABOUT_KO = String.raw`(?:약\s*)?`;
/**
 * So long before the close: "last order 1 hour before closing", "last entry 1 hour 30 minutes before close", "last entry
 * about 1 h before closing"; or "earlier" ending the comment ("ticket office closes 1 h earlier", "... earlier than
 * closing"): in a comment of the rule's hours it can only be than their close (a word after it, "earlier in winter", is not read).
 */
const CLOSE = String.raw`(?:the\s+)?clos(?:e|ing)(?:\s+time)?`;
const BEFORE_CLOSE = String.raw`\s+(?:(?:before|prior\s+to)\s+${CLOSE}|earlier(?:\s+than\s+${CLOSE})?)\s*$`;
const LAST_ENTRY_BEFORE = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\W*?(?:is\s+)?${ABOUT}${DURATION}${BEFORE_CLOSE}`, 'i');
/** The same with the duration written out: "last entry about an hour before closing", "last order half an hour before close". */
const LAST_ENTRY_BEFORE_SPELLED = new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}\W*?(?:is\s+)?${ABOUT}${SPELLED_DURATION}${BEFORE_CLOSE}`, 'i');
/**
 * The words of getting in (entry, admission, a ticket), not of an order: what they are earlier than is the place
 * entered, whose hours the comment's rule gives. A last order may be a café's inside a museum, whose close is not
 * the café's: "last order 1 h earlier than the museum" stays unread.
 */
const ENTRY_WORDS = String.raw`(?:last\s+(?:entry|admission|ticket)s?\b|${TICKET_SALES_END}|(?:입장|매표|발권)\s*마감|마지막\s*입장)`;
/**
 * A place entered as a whole, named for its close: "the museum", "the palace grounds", "the park's closing time". A
 * last entry or a ticket office is the place's own, so the place it is earlier than is the one whose hours the rule
 * gives and whose close the rule's close is.
 */
const VENUE = String.raw`(?:the\s+)?(?:museum|gallery|palace(?:\s+grounds)?|park|gardens?|zoo|aquarium|arboretum|site|exhibitions?|venue|building|castle|fortress|temple|shrine|tower|observatory|main\s+hall)`;
const BEFORE_VENUE_CLOSE = String.raw`\s+(?:earlier\s+than\s+${VENUE}(?:'s\s+${CLOSE})?|(?:before|prior\s+to)\s+${VENUE}\s+closes)\s*$`;
/** "ticket office closes 1 h earlier than the museum", "last entry 30 minutes before the palace closes", "last admission half an hour earlier than the park". */
const LAST_ENTRY_BEFORE_VENUE = [DURATION, SPELLED_DURATION].map((duration) => new RegExp(String.raw`^\s*${ENTRY_WORDS}\W*?(?:is\s+)?${ABOUT}${duration}${BEFORE_VENUE_CLOSE}`, 'i'));
/** A duration in Korean: "1시간", "30분", "1시간 30분", "1시간 반" (an hour and a half). Groups: hours, minutes, 반; or minutes alone. */
const DURATION_KO = String.raw`(?:(${HOURS_FIGURE}|한|두|세)\s*시간\s*(?:(\d{1,2})\s*분|(반))?|(\d{1,3})\s*분)`;
/**
 * Hours of DURATION_KO's first group: a figure, or the native Korean number words 한 (one), 두 (two), 세 (three), in
 * that order (a String.raw: the service bundle keeps non-ASCII text only in patterns and raw strings).
 */
const KOREAN_HOURS = String.raw`한두세`;
const hoursKo = (text: string): number => (KOREAN_HOURS.includes(text) ? KOREAN_HOURS.indexOf(text) + 1 : Number(text));
/**
 * The same in Korean, either way round: "입장마감 마감 1시간 전", "라스트오더 폐점 30분 전", "폐장 1시간 30분 전 입장마감", "매표마감 약 1시간 전";
 * and admission allowed until so long before the close: "입장은 마감 1시간 전까지", "마감 30분 전까지 입장", "폐장 1시간 전까지 입장 가능".
 */
const CLOSE_KO = String.raw`(?:마감|폐장|폐점|폐관|영업\s*종료|종료)`;
/** The topic particle after the words: "입장마감은 폐관 1시간 전", "매표는 1시간 일찍 마감". */
const TOPIC_KO = String.raw`(?:은|는)?`;
/**
 * A place entered as a whole, in Korean, with 보다 (than): "박물관보다", "관람 종료보다", "폐관보다". As VENUE in English,
 * read after the words of getting in only (ENTRY_WORDS): a last order's place may be another one inside it.
 */
const VENUE_KO = String.raw`(?:박물관|미술관|전시관|기념관|과학관|궁궐|궁|공원|정원|수목원|식물원|동물원|본관|관람)\s*${CLOSE_KO}?`;
/**
 * So long early (일찍), as "1 h earlier" ending an English comment: "입장마감 1시간 일찍", "라스트오더는 30분 일찍", "입장마감
 * 폐관보다 1시간 일찍"; so long earlier than the place entered: "입장마감은 박물관보다 1시간 일찍", "박물관보다 1시간 일찍 입장마감",
 * "매표소는 1시간 일찍 마감"; before it closes: "입장마감 박물관 폐관 1시간 전".
 */
const LAST_ENTRY_BEFORE_KO = [
  new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}${TOPIC_KO}\s*:?\s*${CLOSE_KO}?\s*${ABOUT_KO}${DURATION_KO}\s*전\s*(?:까지)?\s*$`, 'i'),
  // So long early, as "1 h earlier" ending an English comment (examples above the list: a comment here stays in the bundle).
  new RegExp(String.raw`^\s*${LAST_ENTRY_WORDS}${TOPIC_KO}\s*:?\s*(?:${CLOSE_KO}\s*보다\s*)?${ABOUT_KO}${DURATION_KO}\s*일찍\s*(?:마감)?\s*$`, 'i'),
  new RegExp(String.raw`^\s*(?:${CLOSE_KO}\s*보다\s*)?${ABOUT_KO}${DURATION_KO}\s*일찍\s*${LAST_ENTRY_WORDS}\s*$`, 'i'),
  // So long earlier than the place entered.
  new RegExp(String.raw`^\s*${ENTRY_WORDS}${TOPIC_KO}\s*:?\s*${VENUE_KO}\s*보다\s*${ABOUT_KO}${DURATION_KO}\s*일찍\s*(?:마감)?\s*$`, 'i'),
  new RegExp(String.raw`^\s*${VENUE_KO}\s*보다\s*${ABOUT_KO}${DURATION_KO}\s*일찍\s*${ENTRY_WORDS}\s*$`, 'i'),
  new RegExp(String.raw`^\s*(?:입장|매표소?|발권)${TOPIC_KO}\s*(?:${VENUE_KO}\s*보다\s*)?${ABOUT_KO}${DURATION_KO}\s*일찍\s*마감\s*$`, 'i'),
  // So long before the place entered closes.
  new RegExp(String.raw`^\s*${ENTRY_WORDS}${TOPIC_KO}\s*:?\s*${VENUE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*(?:까지)?\s*$`, 'i'),
  new RegExp(String.raw`^\s*${CLOSE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*${LAST_ENTRY_WORDS}\s*$`, 'i'),
  new RegExp(String.raw`^\s*입장은?\s*${CLOSE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*까지\s*(?:가능)?\s*$`, 'i'),
  new RegExp(String.raw`^\s*${CLOSE_KO}\s*${ABOUT_KO}${DURATION_KO}\s*전\s*까지\s*입장\s*(?:가능)?\s*$`, 'i'),
];
/**
 * The words of getting in anywhere in a comment: one that has them and is not read is no comment to keep. Not a last
 * train's: a train is also the way home (막차 is the last bus or subway as well), and a comment about it in a form not
 * read ("막차 이후 택시 이용", a taxi after the last train) says nothing of getting in, so it stays a note.
 */
const MENTIONS_LAST_ENTRY = new RegExp(GETTING_IN_WORDS, 'i');

const figure = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

/** Minutes from midnight of a CLOCK match (groups from `first`), or undefined for no clock time (25:00, 오후 13시). */
const clockMinutes = (m: RegExpExecArray, first: number): number | undefined => {
  const [hh, mm, meridiem, hour, minutes, halfPast] = m.slice(first, first + 6);
  if (hh !== undefined) return Number(hh) <= 24 && Number(mm) < 60 ? Number(hh) * 60 + Number(mm) : undefined;
  let h = Number(hour);
  const min = halfPast ? 30 : figure(minutes);
  if (meridiem && (h < 1 || h > 12)) return undefined;
  if (meridiem === '오후' && h < 12) h += 12;
  if (meridiem === '오전' && h === 12) h = 0;
  return h <= 24 && min < 60 ? h * 60 + min : undefined;
};

/**
 * The last entry a comment gives at a clock time, as minutes from the midnight of the day its
 * interval opens (`open`, likewise), or undefined when it gives none at a clock time. Needs no close:
 * the only last entry an open end (`18:00+ "last order 01:00"`), whose close is unknown, can have.
 */
export const lastEntryAt = (comment: string, open: number): number | undefined => {
  const at = LAST_ENTRY_AT.exec(comment);
  const minutes = at ? clockMinutes(at, 1) : undefined;
  if (minutes === undefined) return undefined;
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
  if (before) return before[3] !== undefined ? Number(before[3]) : Math.round(Number(before[1]) * 60) + figure(before[2]);
  const spelled = LAST_ENTRY_BEFORE_SPELLED.exec(comment);
  if (spelled) return spelledMinutes(spelled[1]!);
  const [venue, venueSpelled] = LAST_ENTRY_BEFORE_VENUE.map((pattern) => pattern.exec(comment));
  if (venue) return venue[3] !== undefined ? Number(venue[3]) : Math.round(Number(venue[1]) * 60) + figure(venue[2]);
  if (venueSpelled) return spelledMinutes(venueSpelled[1]!);
  for (const pattern of LAST_ENTRY_BEFORE_KO) {
    const m = pattern.exec(comment);
    if (m) return m[4] !== undefined ? Number(m[4]) : Math.round(hoursKo(m[1]!) * 60) + (m[3] ? 30 : figure(m[2]));
  }
  return undefined;
};
export const isLastEntry = (comment: string): boolean => lastEntryGap(comment, 0, 0) !== undefined;

/**
 * A last entry so long "earlier" (일찍) without saying than what: "ticket office closes 1 h earlier", "입장마감 1시간
 * 일찍", "매표소는 1시간 일찍 마감"; not "... earlier than closing", "... than the museum", "폐관보다 1시간 일찍" (every
 * reference in Korean comes with 보다, than). Read as before its rule's close; beside another rule's last entry the
 * writer may have meant earlier than that one (opening-hours.ts openingHoursProblem refuses it there).
 */
export const isBareEarlier = (comment: string): boolean => isLastEntry(comment) && (/\bearlier\s*$/i.test(comment) || (/일찍/.test(comment) && !/보다/.test(comment)));

/**
 * A comment that speaks of a last entry (its words) in a form not read here ("last entry varies",
 * "last order an hour or so before closing"): refused at load and skipped by the OSM importer, by name,
 * rather than kept as a comment whose last entry nobody reads.
 */
export const isUnreadLastEntry = (comment: string): boolean => MENTIONS_LAST_ENTRY.test(comment) && !isLastEntry(comment);
