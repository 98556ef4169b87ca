/**
 * Opening hours: a place keeps its OpenStreetMap `opening_hours` value, evaluated by the maintained
 * `opening_hours` package (the whole grammar: weekdays, date ranges, comments, `off`, `unknown`,
 * sun times...) in the place's time zone, with Korean public holidays from the gazette.
 *
 * Two things the package does not do are done here, as narrowly as possible:
 *  - Time zone: it evaluates in the process's local time. Each evaluation runs synchronously with
 *    TZ set to PLACE_TIME_ZONE and restored afterwards (no other code can run in between), so
 *    the answer is the same whatever zone the server has (tests run under several).
 *  - Korean holidays: it has no holiday definitions for Korea (with country code "kr" it throws
 *    "There are no holidays (PH) defined for country kr") and no hook to supply them. For a date
 *    D, the holiday selector `PH` is replaced by the weekday selector that is true exactly where
 *    `PH` is true on the days an evaluation of D reads: D, the day before (whose rules may run past
 *    midnight into D) and the day after (whose rules decide where D's night really closes: the
 *    package lets a later rule for a day, `PH off`, override that day's early hours of the night
 *    before too, so the night before a holiday closes at 24:00). The weekdays of those of the three
 *    days that are holidays, or a weekday that is none of them when none is. Rules, precedence and
 *    everything else stay the package's, but for the early hours of a day after one whose night a later
 *    rule closed (`We off`, `We 18:00-22:00`, a date, `PH off` after `Mo-Su 18:00-02:00`), which the
 *    package keeps and the OSM specification does not (nightWindow).
 */
import { NOTE_SEPARATOR, PLACE_COUNTRY, PLACE_TIME_ZONE, UNCERTAIN_NOTE, openEndNote, type ClockInterval, type DayOpening, type Weekday } from '@tripgen/catalog';
import { LRUCache } from 'lru-cache';
import OpeningHours from 'opening_hours';
import { HOLIDAY_YEARS, publicHolidays } from './holidays.ts';
import { isBareEarlier, isLastEntry, isUnreadLastEntry, lastEntryAt, lastEntryGap } from './last-entry.ts';
import { LIMITS } from './schemas.ts';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** OSM weekday selectors by JavaScript day number (0 = Sunday). */
const OSM_WEEKDAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/** Runs `fn` with the process's local time being the places' time zone. */
const inPlaceTimeZone = <T>(fn: () => T): T => {
  const previous = process.env.TZ;
  if (previous === PLACE_TIME_ZONE) return fn();
  process.env.TZ = PLACE_TIME_ZONE;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
};

// --- calendar arithmetic on local dates (YYYY-MM-DD), independent of any time zone ---------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const utcDay = (date: string): Date => {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return d;
};

/** True for a real calendar date written YYYY-MM-DD. */
export const isCalendarDate = (date: string): boolean => {
  try {
    utcDay(date);
    return true;
  } catch {
    return false;
  }
};

export const addDays = (date: string, days: number): string => new Date(utcDay(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
/** 0 = Sunday .. 6 = Saturday. */
export const dayOfWeek = (date: string): number => utcDay(date).getUTCDay();
export const daysBetween = (from: string, to: string): number => Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);

const placeDate = new Intl.DateTimeFormat('en-CA', { timeZone: PLACE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today's date in the places' time zone (en-CA writes YYYY-MM-DD). */
export const placeToday = (now: Date = new Date()): string => placeDate.format(now);

/** The Monday of the week of `date`. */
export const mondayOf = (date: string): string => addDays(date, -((dayOfWeek(date) + 6) % 7));

// --- the package, with parsed values memoised (parsing costs milliseconds, evaluating microseconds) --

/** A quoted comment of a value (the split below keeps it, quotes included, at the odd indexes). */
const COMMENT = /("(?:[^"\\]|\\.)*")/;

/** Quoted comments are free text: `PH` inside them is not a selector. */
const outsideComments = (value: string, edit: (code: string) => string): string =>
  value
    .split(COMMENT)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');

/** The texts of a value's quoted comments, quotes left out. */
export const commentsOf = (value: string): string[] =>
  value
    .split(COMMENT)
    .filter((_, i) => i % 2 === 1)
    .map((comment) => comment.slice(1, -1));

/** The value without the comments `drop` picks (given their text), nor the spaces before them. */
export const withoutComments = (value: string, drop: (comment: string) => boolean): string =>
  value
    .split(COMMENT)
    .reduce((kept, part, i) => (i % 2 === 1 && drop(part.slice(1, -1)) ? kept.trimEnd() : kept + part), '')
    .trim();

/**
 * The value with the state `open` before each comment `pick` picks (given its text) that follows no
 * state (`Mo-Su 11:00-22:00 "last order 21:00"` is `Mo-Su 11:00-22:00 open "last order 21:00"`): a
 * comment alone leaves its times unknown, a state before it makes them that state.
 */
export const openBeforeComments = (value: string, pick: (comment: string) => boolean): string =>
  value
    .split(COMMENT)
    .map((part, i, parts) => {
      const next = parts[i + 1];
      if (i % 2 === 1 || next === undefined || !pick(next.slice(1, -1)) || /(?:^|\s)(?:open|closed|off|unknown)\s*$/i.test(part)) return part;
      return `${part.trimEnd()} open `;
    })
    .join('')
    .trim();

const PH_TOKEN = /(?<![A-Za-z])PH(?![A-Za-z])/g;

/** The value with `PH` standing for the given weekdays (JavaScript day numbers). */
const withHolidayWeekdays = (value: string, weekdays: readonly number[]): string =>
  outsideComments(value, (code) => code.replace(PH_TOKEN, weekdays.map((d) => OSM_WEEKDAYS[d]).join(',')));

const hasHolidaySelector = (value: string): boolean => {
  let found = false;
  outsideComments(value, (code) => ((found ||= PH_TOKEN.test(code)), (PH_TOKEN.lastIndex = 0), code));
  return found;
};

/** A sun word with a capital letter (`Sunrise`, `SUNSET`): the package reads it as the lower-case one. */
const CAPITALISED_SUN_WORD = /\b(?=[a-z]*[A-Z])(?:sunrise|sunset|dawn|dusk)\b/i;

/**
 * The value with its sun words in lower case outside comments, as every pattern here reads them: the package takes
 * `Sunrise` for `sunrise`, so `Mo-Su 06:30-Sunrise` was read by the package alone, a night of 22 hours on 2026-06-21.
 */
const withSunWordsLower = (value: string): string =>
  CAPITALISED_SUN_WORD.test(value) ? outsideComments(value, (code) => code.replace(/\b(?:sunrise|sunset|dawn|dusk)\b/gi, (word) => word.toLowerCase())) : value;

/** Where a place is: sun times (`sunrise`, `dusk`...) depend on it. */
export interface Coordinates {
  readonly lat: number;
  readonly lng: number;
}

/**
 * Most parsed values kept. One instance of the package holds about 29 KiB (its methods are closures
 * made per instance; measured over 500 parses, issue 15), so the former 2,000 could hold 57 MiB of
 * the 256Mi the pod asks for. One candidates answer (LIMITS.candidates places) must fit with room,
 * or each computation of one would re-parse every value: an LRU scanned past its size misses always.
 */
export const PARSED_VALUES_MAX = LIMITS.candidates + 100;
const parsed = new LRUCache<string, OpeningHours>({ max: PARSED_VALUES_MAX });
const parse = (value: string, at?: Coordinates): OpeningHours => {
  // 0.01° (about 1 km) moves sunrise by seconds: places nearby share one parse.
  const where = at ? { lat: at.lat.toFixed(2), lon: at.lng.toFixed(2) } : undefined;
  const key = where ? `${value}\u0000${where.lat},${where.lon}` : value;
  let oh = parsed.get(key);
  if (!oh) {
    // The package reads coordinates given as strings only (its types say numbers). No public
    // holiday reaches it (substituted above), so the country code selects nothing.
    const nominatim = where ? ({ ...where, address: { country_code: PLACE_COUNTRY, state: '' } } as unknown as ConstructorParameters<typeof OpeningHours>[1]) : undefined;
    // Time-range mode (the opening_hours key itself).
    oh = new OpeningHours(value, nominatim, { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'en' });
    parsed.set(key, oh);
    sourceOf.set(oh, { value, at });
  }
  return oh;
};

/** What each parsed evaluator was parsed from: the value (PH substituted) and the place's coordinates. */
const sourceOf = new WeakMap<OpeningHours, { readonly value: string; readonly at: Coordinates | undefined }>();

/** Whether a value uses sun times; its normalised form names them, whatever the input spelling. */
const sunDependent = new LRUCache<string, boolean>({ max: 5_000 });
const usesSunTimes = (value: string, oh: OpeningHours): boolean => {
  let uses = sunDependent.get(value);
  if (uses === undefined) {
    uses = /\b(sunrise|sunset|dawn|dusk)\b/.test(oh.prettifyValue());
    sunDependent.set(value, uses);
  }
  return uses;
};

/**
 * With no holiday on D, the day before or the day after, `PH` stands for a weekday that is none of
 * theirs, so it matches nothing an evaluation of D reads. Wednesday, or Saturday when D is a Tuesday, Wednesday or Thursday
 * (three days apart: never both excluded): two parsed variants of a value with `PH` instead of one per weekday.
 */
export const unreachingWeekday = (date: string): number => {
  const d = dayOfWeek(date);
  return d >= 2 && d <= 4 ? 6 : 3;
};

/** Which of the days an evaluation of a date reads are public holidays. */
interface HolidaysAround {
  readonly yesterday: boolean;
  readonly today: boolean;
  readonly tomorrow: boolean;
}
const NO_HOLIDAYS: HolidaysAround = { yesterday: false, today: false, tomorrow: false };

/** The value parsed, with the place's coordinates where it uses sun times. */
const parseAt = (code: string, at?: Coordinates): OpeningHours => {
  const anywhere = parse(code);
  return at && usesSunTimes(code, anywhere) ? parse(code, at) : anywhere;
};

/** How an evaluator reads a value besides its date's own sun spans (evaluatorFor). */
interface Reading {
  /** The package's own reading of sun spans, not `sunSpansOn`'s. */
  readonly asPackage?: boolean;
  /** The days' own hours only (`ownDayValue`): no span runs past midnight. */
  readonly ownDay?: boolean;
  /** The one sun span with no time on the date (its index among `sunSpansOn`'s notes) left as the package reads it. */
  readonly keepSpan?: number;
}

/**
 * The evaluator for date D, given which of D-1, D and D+1 are public holidays; its sun spans read as
 * `sunSpansOn` reads them on D (the package's own reading with `asPackage`).
 */
const evaluatorFor = (value: string, date: string, holidays: HolidaysAround, at?: Coordinates, reading: Reading = {}): OpeningHours => {
  let code = value;
  if (hasHolidaySelector(value)) {
    const weekdays = ([[holidays.yesterday, -1], [holidays.today, 0], [holidays.tomorrow, 1]] as const).flatMap(([holiday, offset]) => (holiday ? [dayOfWeek(addDays(date, offset))] : []));
    code = withHolidayWeekdays(value, weekdays.length ? weekdays : [unreachingWeekday(date)]);
  }
  if (!reading.asPackage) code = sunSpansOn(code, date, at, reading.keepSpan).code;
  if (reading.ownDay) code = ownDayValue(code);
  return parseAt(openEndRulesOpen(code), at);
};

/** Where a rule's code ends and the next rule's begins: `;`, a fallback `||`, or an additional rule `, Sa` (not a span `,sunset+`). */
const RULE_BREAK = /;|\|\||,(?=\s*(?!(?:sunrise|sunset|dawn|dusk)\b)[A-Za-z])/g;
/** A state written before a comment: the comment then says nothing of the state. */
const STATE_BEFORE = /(?:^|\s)(?:open|closed|off|unknown)\s*$/i;
const openedOpenEnds = new LRUCache<string, string>({ max: 5_000 });

/**
 * The value with `open` before the comment of a rule that has an open end and no state
 * (`Mo-Su 18:00-00:00+ "until the last guest"` is `Mo-Su 18:00-00:00+ open "until the last guest"`). The package
 * makes every time of a rule with a comment and no state unknown, the written hours of `18:00-00:00+` (or
 * `10:00-18:00+`) too, so a comment that says what the open end means left only the open end's counted two hours
 * from 18:00 (18:00-20:00). Such a comment speaks of the open end, which stays unknown (counted as any open end,
 * OPEN_END_MINUTES); the times the rule writes are the place's hours, open as the same rule without its comment
 * reads them. A rule with no open end keeps its reading (`10:00-18:00 "call first"` is unknown, not counted).
 */
const openEndRulesOpen = (value: string): string => {
  if (!value.includes('+') || !value.includes('"')) return value;
  let opened = openedOpenEnds.get(value);
  if (opened === undefined) {
    let rule = '';
    const parts = value.split(COMMENT);
    for (const [i, part] of parts.entries()) {
      if (i % 2 === 0) {
        const breaks = [...(rule + part).matchAll(RULE_BREAK)];
        const last = breaks.at(-1);
        rule = last ? (rule + part).slice(last.index + last[0].length) : rule + part;
      } else if (OPEN_END.test(rule) && !STATE_BEFORE.test(parts[i - 1]!)) parts[i - 1] = `${parts[i - 1]!.trimEnd()} open `;
    }
    opened = parts.join('');
    openedOpenEnds.set(value, opened);
  }
  return opened;
};

/**
 * The value without its fallback rules, or undefined when it has none: a fallback rule runs from `||`
 * to the next `;` (the rules after it are normal rules again, as the package reads them).
 */
const withoutFallbacks = (value: string): string | undefined => {
  if (!value.includes('||')) return undefined;
  let fallback = false;
  let found = false;
  const kept = value
    .split(COMMENT)
    .map((part, i) => {
      if (i % 2 === 1) return fallback ? '' : part;
      let code = '';
      for (const [j, piece] of part.split(';').entries()) {
        if (j > 0) fallback = false;
        const bar = fallback ? 0 : piece.indexOf('||');
        if (bar >= 0) found = fallback = true;
        code += (j > 0 ? ';' : '') + (bar >= 0 ? piece.slice(0, bar) : piece);
      }
      return code;
    })
    .join('');
  return found ? kept.replace(/\s*;(\s*;)*\s*$/, '').trim() : undefined;
};

/**
 * Whether a value's rules cover a local date: one of them matches some time of it (an open time, or a
 * closed one a rule says, `Sa off`), rather than the day being left to the default (closed) or a fallback.
 */
const coversDate = (oh: OpeningHours, date: string): boolean => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const to = new Date(y, m - 1, d + 1);
  const from = nightAfter(oh, new Date(y, m - 1, d));
  if (from >= to) return false;
  const it = oh.getIterator(from);
  do {
    if (it.getMatchingRule() !== undefined) return true;
  } while (it.advance(to) && it.getDate() < to);
  return false;
};

/**
 * The evaluator that decides date D. A fallback rule (`Mo-Fr 09:00-18:00 || "by appointment"`) is what
 * applies where the other rules say nothing: on a date they cover, their hours are the day's, certain
 * (the package makes every time they leave closed the fallback's, unknown, a weekday's evening and an
 * explicit `Sa off` too, so every date was uncertain); on a date they do not cover, the fallback's
 * unknown makes the date uncertain.
 */
const evaluatorOn = (value: string, date: string, holidays: HolidaysAround, at?: Coordinates, reading: Reading = {}): OpeningHours =>
  evaluatorFor(decidingValue(value, date, holidays, at, reading), date, holidays, at, reading);

/** The rules evaluatorOn reads date D by: the value without its fallback rules where they cover D, else the whole value. */
const decidingValue = (value: string, date: string, holidays: HolidaysAround, at?: Coordinates, reading: Reading = {}): string => {
  const main = withoutFallbacks(value);
  // Evaluated again by the caller at little cost: evaluatorFor's parses and sun spans are memoised.
  return main && coversDate(evaluatorFor(main, date, holidays, at, reading), date) ? main : value;
};

/** A clock time span of a rule (`18:00-02:00`, `22:00-26:00`). */
const CLOCK_SPAN = /(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})/g;

/**
 * Whether a value has a time span that may run past midnight into the next day: a clock span that
 * closes at or before its opening or after 24:00, an open end (whose guessed close may), a sun time.
 * Hours written as each day's own (`00:00-02:00,18:00-24:00`) have none.
 */
const spansPastMidnight = (value: string): boolean => {
  let found = false;
  outsideComments(value, (code) => {
    for (const [, oh, om, ch, cm] of code.matchAll(CLOCK_SPAN)) {
      const open = Number(oh) * 60 + Number(om);
      const close = Number(ch) * 60 + Number(cm);
      found ||= close <= open || close > 24 * 60;
    }
    found ||= /\+|\b(?:sunrise|sunset|dawn|dusk)\b/.test(code);
    return code;
  });
  return found;
};

/** Whether each value (PH substituted) has a span past midnight: asked at every evaluation. */
const pastMidnight = new LRUCache<string, boolean>({ max: 5_000 });
const spansPastMidnightCached = (value: string): boolean => {
  let found = pastMidnight.get(value);
  if (found === undefined) {
    found = spansPastMidnight(value);
    pastMidnight.set(value, found);
  }
  return found;
};

/** A sun time, alone or with an offset in brackets: `sunset`, `(sunset+01:00)`, `(dawn-00:30)`. */
const SUN_TIME = String.raw`(?:\(\s*(?:sunrise|sunset|dawn|dusk)\s*[+-]\s*\d{1,2}:\d{2}\s*\)|\b(?:sunrise|sunset|dawn|dusk)\b)`;
/**
 * A time span with a sun time at one end or both (`sunset-sunrise`, `18:00-(sunrise-01:00)`, `sunset-02:00`), not an
 * offset inside brackets, with the open end after it if it has one (`06:30-sunrise+`: a span read on a date is read
 * with its open end, or the package reads the span alone). Groups: open, close, open end.
 */
const SUN_SPAN = new RegExp(String.raw`(?<!\(\s*)(${SUN_TIME}|\d{1,2}:\d{2})\s*-\s*(${SUN_TIME}|\d{1,2}:\d{2})(\s*\+(?!\s*\d))?(?!\s*[+\d)])`, 'g');
/**
 * The package's own times for the sun events where it has no coordinates (its VARIABLE_TIME_DEFAULTS).
 * In Seoul dawn and sunrise are always in the morning (04:40-07:50) and sunset and dusk in the evening
 * (17:10-20:30), so whether a sun span runs past midnight is the same with these as on any real date
 * but for a clock time within those ranges at its other end (`sunset-19:00`), read with the default.
 */
const SUN_DEFAULTS: Readonly<Record<string, number>> = { dawn: 5 * 60 + 30, sunrise: 6 * 60, sunset: 18 * 60, dusk: 18 * 60 + 30 };
const sunOrClockMinutes = (time: string): number => {
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const sun = /(sunrise|sunset|dawn|dusk)\s*(?:([+-])\s*(\d{1,2}):(\d{2}))?/.exec(time)!;
  const offset = sun[2] ? (sun[2] === '-' ? -1 : 1) * (Number(sun[3]) * 60 + Number(sun[4])) : 0;
  return SUN_DEFAULTS[sun[1]!]! + offset;
};

/** An open end after a span's close, clock or sun time (`10:00-18:00+`, `10:00-sunset+`, `10:00-(sunset+01:00)+`). Group: the span up to its close. */
const OPEN_END_AFTER_SPAN = new RegExp(String.raw`(-\s*(?:${SUN_TIME}|\d{1,2}:\d{2}))\+(?!\s*\d)`, 'g');
/** An open end at a time, clock or sun (`18:00+`, `sunset+`, `(sunset-01:00)+`): each day's own from that time to 24:00. Group: the time. */
const OPEN_END_AT = new RegExp(String.raw`(${SUN_TIME}|\d{1,2}:\d{2})\+(?!\s*\d)`, 'g');

/**
 * The value with every span that runs past midnight ending at 24:00 (`18:00-02:00` is `18:00-24:00`,
 * an open end `18:00+` is `18:00-24:00`, `10:00-18:00+` is `10:00-18:00`, `sunset-sunrise` is
 * `sunset-24:00`, a sun open end `(sunset-01:00)+` is `(sunset-01:00)-24:00`): the hours each day opens by its
 * own rules, with no night from the day before. A span
 * with a sun time runs past midnight where it closes at or before its opening with the sun's times as
 * SUN_DEFAULTS has them.
 */
const ownDayValue = (value: string): string =>
  outsideComments(value, (code) =>
    code
      .replace(SUN_SPAN, (span, open: string, close: string, openEnd: string | undefined) => {
        // A span with an open end is the span alone (as OPEN_END_AFTER_SPAN below makes it), a night cut at 24:00 as
        // without one: left a night, `22:00-sunrise+` opened the day's own early hours, and the night a holiday's
        // `PH off` closed (2026-09-27 after Chuseok) was open 00:00-06:23.
        const alone = openEnd ? span.slice(0, -openEnd.length) : span;
        if (/^\d/.test(open) && /^\d/.test(close)) return alone;
        return sunOrClockMinutes(close) <= sunOrClockMinutes(open) ? `${open}-24:00` : alone;
      })
      .replace(CLOCK_SPAN, (span, oh: string, om: string, ch: string, cm: string) => {
        const open = Number(oh) * 60 + Number(om);
        const close = Number(ch) * 60 + Number(cm);
        return close <= open || close > 24 * 60 ? `${oh}:${om}-24:00` : span;
      })
      .replace(OPEN_END_AFTER_SPAN, '$1')
      .replace(OPEN_END_AT, '$1-24:00'),
  );

/**
 * Minutes past midnight of a sun time (`sunrise`, `(sunset-01:00)`) at a place on each date from `first` for `days`
 * days, as the package computes them (a span from it to 24:00 opens then). Read from the day before, so a date is
 * one whose span starts on it, not one a span of the day before runs into.
 */
const sunTimesFrom = (sunTime: string, at: Coordinates, first: string, days: number): Map<string, number> => {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  const times = new Map<string, number>();
  for (const [start] of parse(`${sunTime}-24:00`, at).getOpenIntervals(new Date(y, m - 1, d - 1), new Date(y, m - 1, d + days))) {
    const date = localDate(start);
    if (date >= first) times.set(date, start.getHours() * 60 + start.getMinutes());
  }
  return times;
};

// Boxed: a date with no such sun time is remembered too (the cache holds no undefined).
const sunDays = new LRUCache<string, { readonly time: number | undefined }>({ max: 5_000 });
/** A sun time at a place on one date (sunTimesFrom), or undefined where it has none. */
const sunTimeOn = (sunTime: string, date: string, at: Coordinates): number | undefined => {
  const key = `${sunTime}|${date}|${at.lat.toFixed(2)},${at.lng.toFixed(2)}`;
  let known = sunDays.get(key);
  if (!known) sunDays.set(key, (known = { time: sunTimesFrom(sunTime, at, date, 1).get(date) }));
  return known.time;
};

/**
 * Where the sun events are earliest and latest in Korea (33-38.6°N): sunrise and dawn earliest in June, latest in
 * January (dawn on the last days of December too); sunset and dusk latest in late June or July, earliest in early
 * December. Month, day and length of each window: a third of the year, searched instead of the whole.
 */
const SUN_EXTREME_WINDOWS: readonly (readonly [month: number, day: number, days: number])[] = [[1, 1, 25], [5, 25, 52], [11, 20, 42]];

/** A sun time's earliest and latest minutes at a place over a year, and the first date of each. */
interface SunRange {
  readonly earliest: number;
  readonly earliestOn: string;
  readonly latest: number;
  readonly latestOn: string;
}
const sunRanges = new LRUCache<string, { readonly range: SunRange | undefined }>({ max: 1_000 });
const sunRangeOfYear = (sunTime: string, year: number, at: Coordinates): SunRange | undefined => {
  const key = `${sunTime}|${year}|${at.lat.toFixed(2)},${at.lng.toFixed(2)}`;
  let known = sunRanges.get(key);
  if (!known) {
    const times = SUN_EXTREME_WINDOWS.flatMap(([month, day, days]) => [...sunTimesFrom(sunTime, at, `${year}-${pad(month)}-${pad(day)}`, days)]);
    const earliest = times.reduce<readonly [string, number] | undefined>((a, b) => (a === undefined || b[1] < a[1] ? b : a), undefined);
    const latest = times.reduce<readonly [string, number] | undefined>((a, b) => (a === undefined || b[1] > a[1] ? b : a), undefined);
    known = { range: earliest && latest ? { earliest: earliest[1], earliestOn: earliest[0], latest: latest[1], latestOn: latest[0] } : undefined };
    sunRanges.set(key, known);
  }
  return known.range;
};

const localDate = (t: Date): string => `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;

/** A time span with a sun time at one end and a clock time at the other, read on a date (`sunSpansOn`). */
interface SunSpanOnDate {
  /** The value with the span as it reads on the date. */
  readonly code: string;
  /** Said of a span that has no time on the date (it closes at or before it opens). */
  readonly notes: readonly string[];
  /**
   * Per note, whether its span has an open end: the package opens that open end at the span's close on such a date
   * (`06:00-sunrise+` on 2026-06-21: 05:10-06:00), so the note is said wherever its rule decides the day, whatever
   * the span alone reads on its own day.
   */
  readonly openEnds: readonly boolean[];
}

const sunSpanReadings = new LRUCache<string, SunSpanOnDate>({ max: 5_000 });
const clockText = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** A sun time as a traveller reads it: `sunrise`, `(sunset-01:30)` is `1 h 30 min before sunset`. */
const sunTimeWords = (sunTime: string): string => {
  const m = /(sunrise|sunset|dawn|dusk)\s*(?:([+-])\s*(\d{1,2}):(\d{2}))?/i.exec(sunTime)!;
  const event = m[1]!.toLowerCase();
  if (!m[2]) return event;
  const [hours, minutes] = [Number(m[3]), Number(m[4])];
  const length = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : ''].filter(Boolean).join(' ') || '0 min';
  return `${length} ${m[2] === '-' ? 'before' : 'after'} ${event}`;
};

/**
 * Said of a date where a sun span with a clock time at the other end has no time (`sunSpansOn`), in a traveller's
 * words: `no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30`.
 */
export const emptySunSpanNote = (sunTime: string, sunAt: string, clock: string, sunFirst: boolean): string => {
  const words = sunTimeWords(sunTime);
  const [from, to] = sunFirst ? [words, clock] : [clock, words];
  // At the clock time itself (`06:30-sunrise` where sunrise is 06:30) the span has no length: "before 06:30" was false.
  if (sunOrClockMinutes(sunAt) === sunOrClockMinutes(clock)) return `no opening from ${from} to ${to} on this date: ${words} is at ${sunAt} too`;
  return `no opening from ${from} to ${to} on this date: ${words} is at ${sunAt}, ${sunFirst ? 'after' : 'before'} ${clock}`;
};

/**
 * A night from a sun time to a sun time (`sunset-sunrise+`) read on `date` at the date's own sun times, as clock
 * times: the package closes a night at the clock time of its start day's sun time (the night from 2026-03-14 at
 * 06:46, that day's sunrise, where the 15th's is 06:45), and where that is after the next day's, as every spring
 * night, it drops the open end the sun time starts there. The early hours of `date` are the night from the day
 * before, which closes at `date`'s sun time; `date`'s own night is cut at 24:00 in its answer. A span that is no
 * night, or a sun time the date does not have, stays the package's.
 */
const nightToSunOn = (span: string, open: string, close: string, openEnd: string | undefined, date: string, at: Coordinates): string => {
  if (sunOrClockMinutes(close) > sunOrClockMinutes(open)) return span;
  const opensAt = sunTimeOn(open.replace(/\s/g, ''), date, at);
  const closesAt = sunTimeOn(close.replace(/\s/g, ''), date, at);
  if (opensAt === undefined || closesAt === undefined || closesAt >= opensAt) return span;
  return `${clockText(opensAt)}-${clockText(closesAt)}${openEnd ?? ''}`;
};

/**
 * The value with each time span that has a sun time at one end and a clock time at the other (`sunrise-07:00`,
 * `06:30-sunrise`, `sunset-17:30`, `18:30-sunset`) read on `date` as a span of that day: from its opening to its
 * close where the sun time falls on its side of the clock time, no time where it does not. The OSM specification
 * reads a span whose close is at or before its opening as running past midnight (`22:00-02:00`), and the package
 * decides that for a sun span once, with its default sun times (sunrise 06:00, sunset 18:00): `06:30-sunrise`
 * (06:00 before 06:30) answered every summer date of Seoul, where sunrise is before 06:30, 06:30 to the next
 * day's sunrise (2026-06-21: 00:00-05:10 and 06:30-24:00, a night of 22 hours), and `sunset-17:30` every date a
 * day from sunset to 17:30 the next day (2026-12-21 too, whose sunset 17:17 is before 17:30), whereas
 * `sunrise-07:00` (not past midnight with 06:00) gives no time on a winter date (the package's README: such a span
 * "is ignored for this day"). Where the clock time falls within the place's sun times of the year, the sun time
 * is on either side of it as the seasons go: a mapper's day span, never the night the package reads, so the date
 * it is empty on is closed (a plan must work on the day) and says why. A span whose sun time is on the other side
 * of its clock time on every date of the year is a night (`sunset-02:00`, `22:00-sunrise`) and stays the package's.
 * Without coordinates (the package's constant sun times) the value is the package's.
 */
const sunSpansOn = (value: string, date: string, at: Coordinates | undefined, keepSpan?: number): SunSpanOnDate => {
  if (!at || !/\b(?:sunrise|sunset|dawn|dusk)\b/.test(value)) return { code: value, notes: [], openEnds: [] };
  const key = `${date}|${at.lat.toFixed(2)},${at.lng.toFixed(2)}|${keepSpan ?? ''}|${value}`;
  let reading = sunSpanReadings.get(key);
  if (reading) return reading;
  const year = Number(date.slice(0, 4));
  const notes: string[] = [];
  const openEnds: boolean[] = [];
  const code = outsideComments(value, (part) =>
    part.replace(SUN_SPAN, (span: string, open: string, close: string, openEnd: string | undefined, offset: number, whole: string) => {
      const sunFirst = !/^\d/.test(open);
      if (/^\d/.test(open) && /^\d/.test(close)) return span;
      if (sunFirst && !/^\d/.test(close)) return nightToSunOn(span, open, close, openEnd, date, at);
      const [sunTime, clock] = sunFirst ? [open, close] : [close, open];
      const clockAt = sunOrClockMinutes(clock);
      // Not past midnight with the package's defaults: it reads the span as its day's, empty where the sun is on the
      // other side; but not its open end, which it still opens at the span's close, before the span's opening
      // (`06:00-sunrise+` on 2026-06-21: 05:10-06:00), so a span with one is read here.
      const night = sunFirst ? clockAt < sunOrClockMinutes(sunTime) : clockAt > sunOrClockMinutes(sunTime);
      if (!night && !openEnd) return span;
      const sunAt = sunTimeOn(sunTime.replace(/\s/g, ''), date, at);
      if (sunAt === undefined) return span;
      // A span of no length then its open end (`06:00-sunrise+` where sunrise is 06:00) is an open end at that time.
      if (openEnd && sunAt === clockAt) return `${clock}+`;
      const opens = (sun: number) => (sunFirst ? sun < clockAt : clockAt < sun);
      // Opening that date: the sun time as a clock time, so the day's own hours (ownDayValue, which decides with the
      // package's default sun times) do not cut `06:30-sunrise` at 24:00 where sunrise is after 06:30.
      if (opens(sunAt)) return sunFirst ? `${clockText(sunAt)}-${clock}${openEnd ?? ''}` : `${clock}-${clockText(sunAt)}${openEnd ?? ''}`;
      // A night on every date of the year: the package's reading. Only the year's sun time nearest the clock time tells.
      const range = night ? sunRangeOfYear(sunTime.replace(/\s/g, ''), year, at) : undefined;
      if (night && (!range || !opens(sunFirst ? range.earliest : range.latest))) return sunFirst ? span : `${clock}-${clockText(sunAt)}${openEnd ?? ''}`;
      const before = whole.slice(0, offset);
      const after = whole.slice(offset + span.length);
      // A closed span (`06:30-sunrise off`) closes nothing on such a date: the package's.
      if (/^\s*(?:off|closed)\b/i.test(after)) return span;
      notes.push(emptySunSpanNote(sunTime, clockText(sunAt), clock, sunFirst));
      openEnds.push(openEnd !== undefined);
      // Kept to ask whether its rule decides the date (dayOpenings): a span with an open end, which the package opens
      // something of on any date its rule decides, as the whole day, which any such date then reads open (or unknown).
      if (notes.length - 1 === keepSpan) return openEnd ? '00:00-24:00' : span;
      // One of a rule's spans: the others stay. Its only one: the rule still decides the day, with nothing open.
      return /,\s*$/.test(before) || /^\s*,\s*(?:\d|\(|(?:sunrise|sunset|dawn|dusk)\b)/.test(after) ? '\uE000' : '\uE001';
    }),
  )
    // A dropped span with the comma that joined it to the others.
    .replace(/\s*,\s*\uE000|\uE000\s*,\s*/g, '')
    // A rule whose only span is dropped is closed that day, its state (`open`, `unknown`) with it; so is one whose
    // spans are all dropped (`06:30-sunrise,sunset-17:30` in June), whose last dropped span the line above leaves.
    .replace(/[\uE000\uE001](\s+(?:open|unknown)\b)?/gi, 'off');
  reading = { code, notes, openEnds };
  sunSpanReadings.set(key, reading);
  return reading;
};

/**
 * The package's interval (open or unknown) that holds `at`, from `at` on, cut a day later (a night ends
 * within the day after it; the package's evaluation costs by the length asked), or undefined where it is closed.
 */
const intervalFrom = (oh: OpeningHours, at: Date): [Date, Date] | undefined => {
  if (!oh.getState(at) && !oh.getUnknown(at)) return undefined;
  const [first] = oh.getOpenIntervals(at, new Date(at.getTime() + 86_400_000));
  return first && first[0].getTime() === at.getTime() ? [first[0], first[1]] : undefined;
};

/**
 * Where a date's own times start: after the early stretch the package opens from its midnight when that
 * is a night of the day before, not the date's own hours (its rules with every span cut at 24:00 leave
 * midnight closed). A span past midnight is its start day's (OSM specification): `Mo-Fr 18:00-02:00`
 * does not cover Saturday by Friday night's 00:00-02:00.
 */
const nightAfter = (oh: OpeningHours, midnight: Date): Date => {
  const source = sourceOf.get(oh);
  if (!source || !spansPastMidnightCached(source.value)) return midnight;
  const early = intervalFrom(oh, midnight);
  return early && !intervalFrom(parseAt(ownDayValue(source.value), source.at), midnight) ? early[1] : midnight;
};

/** A stretch of the early hours of a date that is closed although the package opens it (nightWindow). */
interface ClosedWindow {
  readonly from: Date;
  readonly until: Date;
}

/** Each parsed value's rules, as the package writes them one by one (prettifying costs more than evaluating). */
const rulesOf = new WeakMap<OpeningHours, string[]>();
const ruleText = (oh: OpeningHours, rule: number): string => {
  let rules = rulesOf.get(oh);
  if (!rules) rulesOf.set(oh, (rules = []));
  return (rules[rule] ??= oh.prettifyValue({ rule_index: rule }));
};

/**
 * The early hours of the local date starting at `midnight` that the package opens but the OSM
 * specification closes, or undefined when there are none. The specification reads a time span past
 * midnight as the day it starts on's, and a later rule for a day as overriding that day's spans: the
 * night `Mo-Su 18:00-02:00` would open on a Wednesday with `We off`, `We 18:00-22:00` or `PH off` after
 * it never opens, its 00:00-02:00 on Thursday neither; with `Mo-Su 18:00-04:00; PH 18:00-02:00` the
 * holiday's night closes at 02:00. The package matches a span's part past midnight by the day before's
 * selectors (`Mo-Su`) whatever rule won that day, so it keeps those early hours (and of two nights, the
 * longer). Here the night of the day before runs to where the rule that decides its last instant runs it
 * (that rule evaluated alone; none when the day before is closed then), the day's own hours (its rules
 * with every span cut at 24:00: `24/7`, `00:00-02:00,18:00-24:00`) stay, and the rest of the package's
 * early stretch is closed. Still the package's reading: a later rule for the day itself closes the early
 * hours of the night before (`We off` ends Tuesday's night at 24:00). Only for a value with a span past
 * midnight; `oh` must be valid for both days (its PH substitution covers them).
 */
const nightWindow = (oh: OpeningHours, midnight: Date): ClosedWindow | undefined => {
  const source = sourceOf.get(oh);
  if (!source || !spansPastMidnightCached(source.value)) return undefined;
  // A fallback rule (`|| "call"`) says nothing of where a night ends: the package makes the time the other
  // rules close its unknown (`Fr off` too), which read as Friday's night running on would keep Saturday's
  // 00:00-02:00 of `Mo-Fr 18:00-02:00; Fr off || "call"`. The other rules decide the night alone.
  const main = withoutFallbacks(source.value);
  if (main) return nightWindow(parseAt(main, source.at), midnight);
  // Asked of one midnight several times an answer (the date's evaluation, its ordinary week's, the day before's end).
  let windows = windowsOf.get(oh);
  if (!windows) windowsOf.set(oh, (windows = new LRUCache({ max: 64 })));
  const known = windows.get(midnight.getTime());
  if (known) return known.window;
  const window = computeNightWindow(oh, source, midnight);
  windows.set(midnight.getTime(), { window });
  return window;
};

/** Each parsed value's night windows by midnight (nightWindow): a few dates' worth. */
const windowsOf = new WeakMap<OpeningHours, LRUCache<number, { readonly window: ClosedWindow | undefined }>>();

/** The end of the package's open end (an unknown interval its rule makes one) that starts at `at`, or undefined. */
const openEndFrom = (oh: OpeningHours, at: Date): Date | undefined => {
  const [next] = oh.getOpenIntervals(at, new Date(at.getTime() + 86_400_000));
  return next && next[0].getTime() === at.getTime() && next[2] && isOpenEnd(oh, at, next[3]) ? next[1] : undefined;
};

const computeNightWindow = (oh: OpeningHours, source: { readonly value: string; readonly at: Coordinates | undefined }, midnight: Date): ClosedWindow | undefined => {
  const opened = intervalFrom(oh, midnight);
  if (!opened) return undefined;
  // The package's early stretch runs on into the open end of a night's fixed close (`18:00-02:00+` after a holiday
  // `PH off` closed that night: 00:00-02:00, then its open end from 02:00, which is the same night's).
  const early = [opened[0], openEndFrom(oh, opened[1]) ?? opened[1]] as const;
  const lastInstant = new Date(midnight.getTime() - 1);
  // Where the day before's own night ends: its deciding rule alone, run from its last instant.
  let nightEnd = midnight;
  if (oh.getState(lastInstant) || oh.getUnknown(lastInstant)) {
    const rule = oh.getMatchingRule(lastInstant);
    if (rule === undefined) return undefined;
    const alone = parseAt(ruleText(oh, rule), source.at);
    const night = intervalFrom(alone, lastInstant);
    if (!night) return undefined;
    // A span followed by an open end (`18:00-02:00+`, `18:00-00:00+`, `18:00-24:00+`): a fixed time then an open end
    // from its close (OSM's `<time>-<time>+`, the package's `22:00-04:00+` opens 04:00 on), so the open end runs on
    // from the fixed close as the same night; the package gives it as an interval of its own (unknown), not ended here.
    nightEnd = openEndFrom(alone, night[1]) ?? night[1];
  }
  // The day's own hours from midnight.
  const own = intervalFrom(parseAt(ownDayValue(source.value), source.at), midnight);
  const from = new Date(Math.max(nightEnd.getTime(), own ? own[1].getTime() : midnight.getTime()));
  return from < early[1] ? { from, until: early[1] } : undefined;
};

type PackageInterval = ReturnType<OpeningHours['getOpenIntervals']>[number];

/** The package's intervals with the closed windows (nightWindow) taken out of them. */
const withoutWindows = (intervals: PackageInterval[], windows: readonly (ClosedWindow | undefined)[]): PackageInterval[] =>
  windows.reduce<PackageInterval[]>(
    (kept, window) =>
      window
        ? kept.flatMap((interval): PackageInterval[] => {
            const [start, end, ...rest] = interval;
            if (end <= window.from || start >= window.until) return [interval];
            return [
              ...(start < window.from ? [[start, window.from, ...rest] as PackageInterval] : []),
              ...(end > window.until ? [[window.until, end, ...rest] as PackageInterval] : []),
            ];
          })
        : kept,
    intervals,
  );

const pad = (n: number): string => String(n).padStart(2, '0');

interface RawDay {
  /** The times known to be open: an unknown state is not among them (evaluateDay). */
  readonly intervals: ClockInterval[];
  /** Comments of the rules that applied (e.g. `"closed for renovation"`), and whether any time of the day is of unknown state. */
  readonly comments: string[];
  readonly uncertain: boolean;
  /**
   * What each interval's last entry is counted from (`lastEntries`): the end of each of the package's
   * intervals merged into it, in order (`10:00-18:00+`: 18:00, then the open end's counted 20:00).
   */
  readonly ends: IntervalEnd[][];
}

/** The end of an opening interval, as its last entry reads it. */
interface IntervalEnd {
  /**
   * Minutes past the day's midnight of the real close: past 1440 where the package's interval runs on
   * past midnight (`18:00-02:00` closes at 1560, its interval here cut at 24:00); an open end's counted close.
   */
  readonly close: number;
  /**
   * The interval's own last entry, as minutes before that close, where its rule says it in a comment
   * (`Nov-Feb 07:00-18:00 open "last entry 17:00"`: 60); below 0 for one after an open end's counted
   * close (`18:00+ "last order 01:00"`); undefined elsewhere.
   */
  readonly ownGap: number | undefined;
  /**
   * An open end: its counted close is no close (the place stays open after it for all the value
   * says), so a figure of minutes before closing, the row's or a rule's, has nothing to count from.
   */
  readonly openEnd: boolean;
}

/**
 * The version of what an evaluation answers for a value and a date, beside the holiday calendar's:
 * cached answers carry it (places.ts), so a release that answers otherwise never serves what the
 * previous one cached in the Redis they share. Change it with any change of an answer.
 */
export const OPENING_EVALUATION = '34';

/**
 * How long an open end (`18:00+`) counts as open from its start. OSM's open end says the place opens
 * then and gives no close ("until the last guest"); the package answers it as unknown with a guessed
 * close (midnight for a start before 17:00, 10 hours after one from 17:00, 8 after one from 22:00) and
 * the comment "Specified as open end. Closing time was guessed.". Opening at the time given is what
 * the value does say, and a place that opens stays open a while: two hours from its start count as
 * open, never past the span the package gives it (its guessed close, or the next rule, as
 * `07:00+,12:00-16:00` ends at 16:00). The rest stays of unknown state: no visit is planned into it.
 */
export const OPEN_END_MINUTES = 120;
/** The package's comment of an open end that has none of its own. */
const OPEN_END_COMMENT = 'Specified as open end. Closing time was guessed.';
/** An open end in a rule's code (comments left out): `18:00+`, `10:00-18:00+`, `sunset+`; not an offset `(sunset+01:00)`. */
const OPEN_END = /(?:\d|\b(?:sunrise|sunset|dawn|dusk)|\))\+(?!\s*\d)/;

/** An open end at midnight in a rule's code (`00:00+`), not a fixed time that ends there (`18:00-00:00+`) nor one past it (`10:00+`). */
const MIDNIGHT_OPEN_END = /(?<![\d:-]\s*)0?0:00\s*\+(?!\s*\d)/;

/**
 * The package's intervals of [from, to), with an open end at midnight made one. `00:00+` is an open
 * end as any other (OSM specification: a time followed by `+` opens then, its close not given), but
 * the package's shortcut for a span of the whole day (from 00:00 to its guessed close, 24:00) drops
 * the open end: it answered the day open 00:00-24:00, certain, with no note. Each day such a rule
 * decides at its midnight is given back as the package gives an open end (unknown, its comment), a
 * day apart: the package joins days that touch into one interval, and each open end counts from its own start.
 */
const openIntervals = (oh: OpeningHours, from: Date, to: Date): PackageInterval[] => {
  const intervals = oh.getOpenIntervals(from, to);
  const source = sourceOf.get(oh);
  if (!source || !source.value.includes('+')) return intervals;
  return intervals.flatMap((interval): PackageInterval[] => {
    const [start, end, unknown, comment] = interval;
    const pieces: PackageInterval[] = [];
    let rest = start;
    for (let midnight = new Date(start.getFullYear(), start.getMonth(), start.getDate()); midnight < end; midnight = new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() + 1)) {
      if (midnight < start) continue;
      const rule = oh.getMatchingRule(midnight);
      if (rule === undefined) continue;
      let found = false;
      outsideComments(ruleText(oh, rule), (code) => ((found ||= MIDNIGHT_OPEN_END.test(code)), code));
      if (!found) continue;
      const dayEnd = new Date(Math.min(end.getTime(), new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() + 1).getTime()));
      if (rest < midnight) pieces.push([rest, midnight, unknown, comment]);
      // The rule's own comment (`00:00+ "until the last guest"`, open by openEndRulesOpen) is kept, as for `18:00+ "..."`.
      pieces.push([midnight, dayEnd, true, unknown || comment ? comment : OPEN_END_COMMENT]);
      rest = dayEnd;
    }
    if (rest < end) pieces.push([rest, end, unknown, comment]);
    return pieces;
  });
};

/** Whether an unknown interval starting at `start` is an open end (its rule has one), not `unknown` or a comment alone. */
const isOpenEnd = (oh: OpeningHours, start: Date, comment: string | undefined): boolean => {
  if (comment === OPEN_END_COMMENT) return true;
  const rule = oh.getMatchingRule(start);
  if (rule === undefined) return false;
  let found = false;
  outsideComments(oh.prettifyValue({ rule_index: rule }), (code) => ((found ||= OPEN_END.test(code)), code));
  return found;
};

/** The state `unknown` in a rule's code (comments left out). */
const UNKNOWN_STATE = /\bunknown\b/i;
/**
 * Whether the rule deciding `start` says its state is `unknown` (`10:00-18:00+ unknown`): its times, open end too, are
 * of unknown state, none counted as open. Read as an open end, its span counted from its start (10:00-12:00) and its
 * open end (18:00-20:00), where the value says nobody knows.
 */
const unknownRule = (oh: OpeningHours, start: Date): boolean => {
  const rule = oh.getMatchingRule(start);
  let unknown = false;
  if (rule !== undefined) outsideComments(ruleText(oh, rule), (code) => ((unknown ||= UNKNOWN_STATE.test(code)), code));
  return unknown;
};

/**
 * Open intervals of one local date, as local clock times (to be called in the place's time zone).
 * A time of unknown state (`unknown`, a fallback rule `|| "by appointment"`, a rule of a comment
 * alone such as `"closed" PH`) is not open: a traveller's plan must work on the day, and the package
 * cannot say the place is open then. It makes the day uncertain and its comment part of the note.
 * An open end counts as open for its first OPEN_END_MINUTES (one begun the evening before, past
 * midnight, too) and the note says so; the rest of it is neither open nor said to be uncertain.
 * The early hours the night of the day before does not reach (nightWindow) are closed, the day's and the day after's.
 */
const evaluateDay = (oh: OpeningHours, date: string): RawDay => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const from = new Date(y, m - 1, d);
  const to = new Date(y, m - 1, d + 1);
  const intervals: ClockInterval[] = [];
  const comments = new Set<string>();
  let uncertain = false;
  const clockOf = (t: Date): string => `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  // With a time of unknown state, from the day before (an open end begun then is counted from its own
  // start) to the day after (the package ends an interval at the end of the period asked, an open
  // end's counted close too); the day alone otherwise, as most values are.
  const day = openIntervals(oh, from, to);
  // An interval that reaches midnight is read to the day after as well: its real close is a last entry's reference.
  const wide = day.some(([, end, unknown]) => unknown || end >= to);
  const read = withoutWindows(wide ? openIntervals(oh, new Date(y, m - 1, d - 1), new Date(y, m - 1, d + 2)) : day, [nightWindow(oh, from), wide ? nightWindow(oh, to) : undefined]);
  const ends: IntervalEnd[][] = [];
  /** Where each interval opens, the day before for a night begun then: a clock time in a comment is read from it. */
  const opened: Date[] = [];
  for (const [rawStart, rawEnd, unknown, comment] of read) {
    let end = rawEnd;
    let openEnd = false;
    if (unknown && isOpenEnd(oh, rawStart, comment) && !unknownRule(oh, rawStart)) {
      openEnd = true;
      end = new Date(Math.min(rawEnd.getTime(), rawStart.getTime() + OPEN_END_MINUTES * 60_000));
    }
    if (openEnd && rawStart.getTime() === to.getTime() && intervals.at(-1)?.[1] === '24:00') {
      // A fixed time to midnight then an open end (`18:00-00:00+`): the day's last opening runs on into the open end
      // the day after, as `10:00-18:00+` runs into its own, so no figure counts from 24:00; only a clock time does.
      const openedAt = opened.at(-1)!;
      const opensAt = openedAt.getHours() * 60 + openedAt.getMinutes();
      const lastAt = comment ? lastEntryAt(comment, opensAt) : undefined;
      const closesAt = opensAt + Math.round((end.getTime() - openedAt.getTime()) / 60_000);
      ends.at(-1)!.push({ close: Math.round((end.getTime() - from.getTime()) / 60_000), ownGap: lastAt === undefined ? undefined : closesAt - lastAt, openEnd: true });
      continue;
    }
    const start = rawStart < from ? from : rawStart;
    if (end <= from || start >= to) continue;
    const open = clockOf(start);
    const close = end.getTime() >= to.getTime() ? '24:00' : clockOf(end);
    if (openEnd) {
      if (comment && comment !== OPEN_END_COMMENT) comments.add(comment);
      comments.add(openEndNote(clockOf(rawStart), clockOf(end)));
    } else {
      // The package's guess of an open end's close is no comment of the value's (an open end of unknown state).
      if (comment && comment !== OPEN_END_COMMENT) comments.add(comment);
      if (unknown) {
        uncertain ||= open !== close;
        continue;
      }
    }
    // Asia/Seoul has no daylight saving: elapsed minutes are clock minutes.
    const realClose = Math.round((end.getTime() - from.getTime()) / 60_000);
    const last = intervals.at(-1);
    // Touching intervals (e.g. "09:00-12:00,12:00-18:00") are one opening, with the later one's close.
    const merged = last !== undefined && last[1] === open;
    if (!merged && open === close) continue;
    // A rule's own last entry, read from its comment as the importer reads one (from the day the
    // opening starts: `10:00-18:00+ open "last entry 17:00"` gives its open end 17:00, not the next
    // day's); an open end's at a clock time only.
    const openedAt = merged ? opened.at(-1)! : rawStart;
    const opensAt = openedAt.getHours() * 60 + openedAt.getMinutes();
    const closesAt = opensAt + Math.round((end.getTime() - openedAt.getTime()) / 60_000);
    let ownGap: number | undefined;
    if (comment && openEnd) {
      const lastAt = lastEntryAt(comment, opensAt);
      if (lastAt !== undefined) ownGap = closesAt - lastAt;
    } else if (comment) ownGap = lastEntryGap(comment, opensAt, closesAt);
    const intervalEnd = { close: realClose, ownGap, openEnd };
    if (merged) {
      intervals[intervals.length - 1] = [last[0], close];
      ends.at(-1)!.push(intervalEnd);
    } else {
      intervals.push([open, close]);
      ends.push([intervalEnd]);
      opened.push(rawStart);
    }
  }
  if (!intervals.length) {
    const comment = oh.getComment(new Date(y, m - 1, d, 12));
    if (comment && comment !== OPEN_END_COMMENT) comments.add(comment);
  }
  return { intervals, comments: [...comments], uncertain, ends };
};

// --- what the service asks -------------------------------------------------------------------------

/**
 * The intervals of the `days` days from local date `from` that a comment applies to, with its text,
 * their opening and closing as minutes from the midnight of the day they open (a close past midnight
 * is past 1440), open or of unknown state alike, an open end with no close (its close is the package's guess);
 * public holidays not applied (`PH` matches nothing).
 * For reading what a comment says of its hours (the OSM importer's "last order 21:00"). An interval
 * cut by the period's ends has no opening or close of its own and is left out. Sun times are the place's at `at`
 * (without it the package's defaults, sunset at 18:00 all year).
 */
export const commentedIntervals = (value: string, from: string, days: number, at?: Coordinates): { comment: string; open: number; close: number | undefined }[] =>
  inPlaceTimeZone(() => {
    const [y, m, d] = from.split('-').map(Number) as [number, number, number];
    const start = new Date(y, m - 1, d);
    const end = new Date(y, m - 1, d + days);
    const oh = parseAt(value, at);
    return oh
      .getOpenIntervals(start, end)
      .flatMap(([s, e, unknown, comment]): { comment: string; open: number; close: number | undefined }[] => {
        if (!comment || s <= start || e >= end) return [];
        // Asia/Seoul has no daylight saving: elapsed minutes are clock minutes.
        const open = s.getHours() * 60 + s.getMinutes();
        // An open end (`18:00+ "last order 01:00"`) has no close: the package's is a guess, and a gap counted from it is none.
        if (unknown && isOpenEnd(oh, s, comment)) return [{ comment, open, close: undefined }];
        return [{ comment, open, close: open + Math.round((e.getTime() - s.getTime()) / 60_000) }];
      });
  });

/** A sun time with an offset (`(sunrise-06:00)`). Groups: event, sign, hours, minutes. */
const SUN_OFFSET = /\(\s*(sunrise|sunset|dawn|dusk)\s*([+-])\s*(\d{1,2}):(\d{2})\s*\)/g;

/**
 * A sun time whose offset takes it out of its own day at the place on some date of the year (to be called in the
 * place's time zone): `(sunrise-06:00)` is before 00:00 in a Seoul June (sunrise 05:10), `(sunset+05:00)` after
 * 24:00 in its summer (sunset 19:57). The package checks an offset only against its default sun times (06:00 less
 * six hours is 00:00, accepted), and on such a date evaluates nonsense or nothing: `(sunrise-06:00)-01:00` threw
 * "infinite loop in nextChange" on 2026-06-21, `00:30-(sunset+05:00)` answered that day 00:00-24:00.
 */
const sunTimeOutsideItsDay = (value: string, at: Coordinates): string | undefined => {
  let problem: string | undefined;
  outsideComments(value, (code) => {
    for (const [written, event, sign, hours, minutes] of code.matchAll(SUN_OFFSET)) {
      const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
      const range = sunRangeOfYear(event!, Number(placeToday().slice(0, 4)), at);
      if (!range) continue;
      const [earliest, latest] = [range.earliest + offset, range.latest + offset];
      if (earliest < 0) problem ??= `${written} is before midnight at this place on some dates (${event} as early as ${clockText(earliest - offset)}): write a clock time or a smaller offset`;
      else if (latest >= 24 * 60) problem ??= `${written} is past midnight at this place on some dates (${event} as late as ${clockText(latest - offset)}): write a clock time or a smaller offset`;
    }
    return code;
  });
  return problem;
};

/**
 * Why a value cannot be evaluated here, or undefined when it can: the package must parse it and
 * evaluate it with holidays on and off; `PH` with a day offset and school holidays (`SH`) have no
 * meaning without definitions the package lacks for Korea. With the place's coordinates, a sun time whose offset
 * leaves its day there on some date (`sunTimeOutsideItsDay`) is refused too.
 */
export const openingHoursProblem = (written: string, at?: Coordinates): string | undefined => {
  // Read as the answers read it (dayOpenings): `(Sunset+05:00)` escaped the offset check's lower-case pattern.
  const value = withSunWordsLower(written);
  if (!value.trim()) return 'the opening_hours value is empty';
  let problem: string | undefined;
  outsideComments(value, (code) => {
    if (/(?<![A-Za-z])PH\s*[+-]\s*\d+\s*days?\b/.test(code)) problem ??= 'public holidays with a day offset ("PH +1 day") are not supported';
    if (/(?<![A-Za-z])SH(?![A-Za-z])/.test(code)) problem ??= 'school holidays (SH) have no Korean definition';
    return code;
  });
  if (problem) return problem;
  // A rule's own last entry is read from its comment (lastEntryGap): one that speaks of a last entry in a
  // form not read would be ignored, the row's figure or none applied to its intervals instead.
  const unread = commentsOf(value).find(isUnreadLastEntry);
  if (unread !== undefined) return `a comment gives a last entry it cannot read: "${unread.slice(0, 200)}" (write it as HH:MM, 21시, or so many hours/minutes before closing)`;
  // "1 h earlier" beside another rule's last entry ("Mo-Fr ... last entry 17:00; Sa,Su ... 1 h earlier") may
  // be earlier than that one, not than its own close: read as the close's, a visit would be shown possible after
  // the real last entry. Refused rather than guessed: the traveller is never shown a place enterable when it is not.
  const comments = commentsOf(value);
  const bare = comments.find(isBareEarlier);
  if (bare !== undefined && comments.some((c) => isLastEntry(c) && !isBareEarlier(c))) {
    return `a comment gives a last entry "earlier" without saying than what, beside another rule's last entry: "${bare.slice(0, 200)}" (write it as HH:MM, 21시, or so long before closing / earlier than closing / 폐관보다 ... 일찍)`;
  }
  let outside: string | undefined;
  try {
    outside = at && inPlaceTimeZone(() => sunTimeOutsideItsDay(value, at));
  } catch (err) {
    // A place with no such sun time on some date (a row's coordinates out of its region, near a pole): the package
    // throws "Variable time ... does not occur on this date", which threw out of the row's check, the load with it.
    return `opening_hours cannot evaluate it at this place: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300)}`;
  }
  if (outside) return outside;
  let date = CHECK_DATE;
  try {
    inPlaceTimeZone(() => {
      const sunDates = at ? sunCheckDates(value, at) : [];
      for (date of [CHECK_DATE, ...sunDates]) {
        // With no holiday around the date, and with one, two and three of the days it reads holidays: every substitution parses.
        for (const [yesterday, today, tomorrow] of [[false, false, false], [false, true, false], [true, false, true], [true, true, true]] as const) {
          evaluateDay(evaluatorOn(value, date, { yesterday, today, tomorrow }, sunDates.length ? at : undefined), date);
        }
      }
    });
  } catch (err) {
    const text = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
    return date === CHECK_DATE ? `opening_hours cannot evaluate it: ${text}` : `opening_hours cannot evaluate it at this place on ${date} (${inPlaceTimeZone(() => sunTimesText(date, at!))}): ${text}`;
  }
  return undefined;
};

/** The date a value is evaluated on at load: a Tuesday, read with and without holidays around it. */
const CHECK_DATE = '2026-09-29';
/** The sun events the package knows. */
const SUN_EVENTS = ['dawn', 'sunrise', 'sunset', 'dusk'] as const;

/**
 * The dates of the check year where each sun event the value uses (spelt any way the package reads it, `Sunrise`
 * too) is earliest or latest at the place: a value the check without coordinates evaluates at the package's
 * constant sun times can fail there only (`(Sunrise-06:00)-01:00` threw "infinite loop in nextChange" on June dates
 * in Seoul), and it fails where its sun time is furthest from them. At most eight dates, not 365.
 */
const sunCheckDates = (value: string, at: Coordinates): string[] => {
  const used = new Set<string>();
  outsideComments(value, (code) => {
    for (const [event] of code.matchAll(/\b(?:sunrise|sunset|dawn|dusk)\b/gi)) used.add(event.toLowerCase());
    return code;
  });
  const year = Number(CHECK_DATE.slice(0, 4));
  const dates = new Set<string>();
  for (const event of SUN_EVENTS.filter((e) => used.has(e))) {
    const range = sunRangeOfYear(event, year, at);
    if (range) dates.add(range.earliestOn).add(range.latestOn);
  }
  return [...dates].sort();
};

/** `sunrise 05:10, sunset 19:56`: the place's sun times on a date, said with a refusal. */
const sunTimesText = (date: string, at: Coordinates): string =>
  (['sunrise', 'sunset'] as const).map((event) => `${event} ${((time) => (time === undefined ? 'none' : clockText(time)))(sunTimeOn(event, date, at))}`).join(', ');

const weekly = new LRUCache<string, Readonly<Record<Weekday, readonly ClockInterval[]>>>({ max: 5_000 });

/**
 * Per weekday, the hours of the week starting `monday` with no public holiday in it (the API's
 * `openingHours`; the real opening of given dates is `dayOpenings`).
 */
export const weeklyHours = (written: string, monday: string, at?: Coordinates): Readonly<Record<Weekday, readonly ClockInterval[]>> => {
  const value = withSunWordsLower(written);
  const key = `${monday}|${at ? `${at.lat.toFixed(2)},${at.lng.toFixed(2)}` : ''}|${value}`;
  let week = weekly.get(key);
  if (!week) {
    week = inPlaceTimeZone(() => {
      const days: Partial<Record<Weekday, readonly ClockInterval[]>> = {};
      WEEKDAYS.forEach((day, i) => {
        const date = addDays(monday, i);
        days[day] = evaluateDay(evaluatorFor(value, date, NO_HOLIDAYS, at), date).intervals;
      });
      return days as Record<Weekday, readonly ClockInterval[]>;
    });
    weekly.set(key, week);
  }
  return week;
};

const sameIntervals = (a: readonly ClockInterval[], b: readonly ClockInterval[]): boolean =>
  a.length === b.length && a.every((x, i) => x[0] === b[i]![0] && x[1] === b[i]![1]);

/**
 * Why the calendar has no holidays for a year: before its first year the gazette package never
 * carries them (it starts in 2018; the API takes dates from 2000), after its last they are not
 * published yet (a newer package adds them).
 */
const calendarGap = (year: number): string =>
  year < HOLIDAY_YEARS[0]! ? `public holidays before ${HOLIDAY_YEARS[0]} are not in the calendar` : `public holidays of ${year} are not published yet`;


const isHoliday = (date: string): boolean => {
  const h = publicHolidays(date);
  return h.known && h.names.length > 0;
};

const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Each interval's last entry as minutes before its close as listed: its rule's own (a comment
 * `"last entry 17:00"` on an `open` rule), else `lastEntryMinutes` (none for an open end), before its real close, so an interval cut at 24:00 that runs on to 02:00 with a last order at 01:00 has none
 * before midnight (0), not one at 23:00; one cut that closes at 00:30 with a last order at 23:30, 30.
 * Never below 0; above the interval's length it admits no one (its close after midnight's piece of
 * 00:00-00:30 with a last order at 23:30).
 */
const lastEntries = (day: RawDay, lastEntryMinutes: number): number[] =>
  day.intervals.map(([, close], i) => {
    // Merged intervals are one opening with the later last start of theirs (as the planner merges).
    const lastStart = Math.max(...day.ends[i]!.map((end) => end.close - (end.ownGap ?? (end.openEnd ? 0 : lastEntryMinutes))));
    return Math.max(0, clockMinutes(close) - lastStart);
  });

/** How far ahead the note of a night a holiday closed looks for the next opening (a weekend bar opens within a week). */
const NEXT_OPENING_DAYS = 7;

/**
 * `; opens next at 18:00` (later on `date`), `; opens next on Friday 2026-10-02 at 22:00`, or nothing when no date
 * within NEXT_OPENING_DAYS opens: said of a night a holiday closed. The stretch that night would have run to is no
 * opening (`closed until 02:00` read as opening at 02:00), and where the night is an open end its end is only the
 * package's guess (`18:00-00:00+`: 08:00).
 */
const nextOpening = (value: string, date: string, day: RawDay, at: Coordinates | undefined): string => {
  const first = day.intervals[0];
  if (first) return `; opens next at ${first[0]}`;
  for (let offset = 1; offset <= NEXT_OPENING_DAYS; offset++) {
    const next = addDays(date, offset);
    const around = { yesterday: isHoliday(addDays(next, -1)), today: isHoliday(next), tomorrow: isHoliday(addDays(next, 1)) };
    const [opens] = evaluateDay(evaluatorOn(value, next, around, at), next).intervals;
    if (opens) return `; opens next on ${WEEKDAY_NAMES[dayOfWeek(next)]} ${next} at ${opens[0]}`;
  }
  return '';
};

/**
 * The real opening of each local date: public holidays applied, with a note saying why a date is
 * closed or runs other hours (holiday name, weekly closing day, the rule's own comment), and for a
 * place with a last entry (its lastEntryMinutes, or a rule's own), the last entry of each interval (`lastEntries`).
 */
export const dayOpenings = (written: string, dates: readonly string[], at?: Coordinates, lastEntryMinutes = 0): DayOpening[] => {
  const value = withSunWordsLower(written);
  return inPlaceTimeZone(() =>
    dates.map((date) => {
      const holidays = publicHolidays(date);
      const today = holidays.known && holidays.names.length > 0;
      const around = { yesterday: isHoliday(addDays(date, -1)), today, tomorrow: isHoliday(addDays(date, 1)) };
      const evaluator = evaluatorOn(value, date, around, at);
      const actual = evaluateDay(evaluator, date);
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const midnight = new Date(y, m - 1, d);
      // The night of a holiday the day before that the holiday's rule closes, or ends earlier (nightWindow), is said.
      // Said where the holiday made it: not a window the date has without it too (`Sa off` before it, or an open
      // end's guessed night the package ends at 24:00 on any day, `10:00-18:00+`).
      const window = around.yesterday ? nightWindow(evaluator, midnight) : undefined;
      const usualWindow = window && nightWindow(evaluatorOn(value, date, { ...around, yesterday: false }, at), midnight);
      const cancelled = window && !(usualWindow && usualWindow.from.getTime() === window.from.getTime() && usualWindow.until.getTime() === window.until.getTime()) ? window : undefined;
      const ordinary = evaluateDay(evaluatorFor(value, date, NO_HOLIDAYS, at), date);
      const notes: string[] = [];
      // A sun span with no time on the date (sunSpansOn): said where the package's reading of that span (a night past
      // midnight) opens the date by the date's own rules, and then instead of a weekly closing day (the same weekday is
      // closed a week before and after as the season goes). The days' own hours are compared (ownDayValue), not the
      // package's whole reading, whose night from the span's date also reached into the day after, where its rule
      // decides nothing; and each span alone, so a span of a rule that does not decide the date (`Su sunset-17:30`
      // on a Saturday) is not said with one that does.
      // Spans counted in the rules that decide the date, as keepSpan counts them: a fallback rule's span before them
      // (`Mo-Fr 10:00-18:00 || Sa 06:30-sunrise; Su sunset-17:30`) shifted the count, and its note was said for another's.
      const deciding = decidingValue(value, date, around, at, { ownDay: true });
      const { notes: sunNotes, openEnds } = sunSpansOn(deciding, date, at);
      const ownHours = (keepSpan?: number) => evaluateDay(evaluatorFor(deciding, date, around, at, { ownDay: true, keepSpan }), date);
      const dropped = sunNotes.length ? ownHours() : undefined;
      // A span with an open end is said only where its rule decides the date (kept, it opens the whole day, or makes it
      // unknown with `unknown`): said always, `Mo-Fr 06:30-sunrise+` named on a summer Saturday instead of its weekly closing day.
      const emptySunSpans = sunNotes.filter((_, i) => {
        const kept = ownHours(i);
        return !sameIntervals(kept.intervals, dropped!.intervals) || (openEnds[i]! && kept.uncertain !== dropped!.uncertain);
      });
      const closedOn = (other: string) => evaluateDay(evaluatorFor(value, other, NO_HOLIDAYS, at), other).intervals.length === 0;
      // The same weekday closed a week before and after while the place opens on another day of
      // this week: a season off (a fountain from November, a house open April to November) is not a
      // weekly closing day.
      const closedWeekly = () => [-7, 7].every((offset) => closedOn(addDays(date, offset))) && [-3, -2, -1, 1, 2, 3].some((offset) => !closedOn(addDays(date, offset)));
      if (today) {
        const names = holidays.names.join(' / ');
        // Unknown on the holiday: not counted as open, and not said to be closed either.
        if (!actual.intervals.length && actual.uncertain) notes.push(names);
        else if (!actual.intervals.length && ordinary.intervals.length) notes.push(`closed: ${names}`);
        // A sun span with no time that date is the reason (said below), not a weekly closing day, as on any other date.
        else if (!actual.intervals.length) notes.push(!emptySunSpans.length && closedWeekly() ? `closed: weekly closing day (${WEEKDAY_NAMES[dayOfWeek(date)]}); also ${names}` : `closed on this date; also ${names}`);
        else if (!ordinary.intervals.length) notes.push(`open on the holiday: ${names}`);
        else if (!sameIntervals(actual.intervals, ordinary.intervals)) notes.push(`holiday hours: ${names}`);
        else notes.push(`${names}: usual hours`);
      }
      if (cancelled) {
        const clock = (t: Date) => `${pad(t.getHours())}:${pad(t.getMinutes())}`;
        const before = publicHolidays(addDays(date, -1));
        const names = before.known ? before.names.join(' / ') : 'the holiday';
        notes.push(
          cancelled.from.getTime() === midnight.getTime()
            ? `no night from ${names} the day before (closed for the holiday)${nextOpening(value, date, actual, at)}`
            : `the night from ${names} the day before closes at ${clock(cancelled.from)}`,
        );
      } else if (!today && !actual.intervals.length && !actual.comments.length && !actual.uncertain && !emptySunSpans.length) {
        notes.push(closedWeekly() ? `closed: weekly closing day (${WEEKDAY_NAMES[dayOfWeek(date)]})` : 'closed on this date');
      }
      // The package lets a holiday's rule (`PH off`) override its early hours of the night before too, so that
      // night closes earlier than on an ordinary day (at 24:00): said, as the day after's closed night is.
      // An open end counts too: its counted close, past 24:00 where the night runs on into it (`18:00-00:00+`, `23:00+`).
      const nightClose = (day: RawDay): number | undefined => (day.intervals.at(-1)?.[1] === '24:00' ? day.ends.at(-1)!.at(-1)!.close : undefined);
      const shortened = around.tomorrow ? nightClose(actual) : undefined;
      // Compared with the same date read without the holiday after it: the date's own holiday hours are said apart.
      const usual = shortened === undefined ? undefined : nightClose(evaluateDay(evaluatorOn(value, date, { ...around, tomorrow: false }, at), date));
      if (shortened !== undefined && usual !== undefined && usual > 24 * 60 && shortened < usual) {
        const after = publicHolidays(addDays(date, 1));
        const names = after.known ? after.names.join(' / ') : 'the holiday';
        // Past 24:00 (a holiday's own early hours after it) as the next day's clock time.
        const clock = shortened === 24 * 60 ? '24:00' : `${pad(Math.floor(shortened / 60) % 24)}:${pad(shortened % 60)}`;
        notes.push(`the night before ${names} closes at ${clock}`);
      }
      notes.push(...actual.comments, ...emptySunSpans);
      if (actual.uncertain) notes.push(UNCERTAIN_NOTE);
      if (!holidays.known) notes.push(`${calendarGap(Number(date.slice(0, 4)))}: holiday closures are not included`);
      return {
        date,
        intervals: actual.intervals,
        // An own last entry at or after its close (an open end's "last order 01:00") restricts nothing.
        ...((lastEntryMinutes > 0 || actual.ends.flat().some((e) => (e.ownGap ?? 0) > 0)) && { lastEntryMinutes: lastEntries(actual, lastEntryMinutes) }),
        ...(notes.length && { note: notes.join(NOTE_SEPARATOR) }),
      };
    }),
  );
};
