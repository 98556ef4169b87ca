/**
 * Opening hours from OpenStreetMap values, evaluated by the opening_hours package in Asia/Seoul
 * with the gazette's Korean public holidays: real open intervals on holidays (Chuseok, Seollal,
 * substitute days) and on weekly closing days in 2026 and 2027, with the note saying why.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UNCERTAIN_NOTE, openEndNote } from '@tripgen/catalog';
import { checkPlaceRecord } from '../src/data/place-record.ts';
import { HOLIDAY_YEARS } from '../src/domain/holidays.ts';
import { OPEN_END_MINUTES, PARSED_VALUES_MAX, addDays, dayOfWeek, dayOpenings, openingHoursProblem, unreachingWeekday, weeklyHours } from '../src/domain/opening-hours.ts';
import { LIMITS } from '../src/domain/schemas.ts';

const day = (value: string, date: string) => dayOpenings(value, [date])[0]!;

// Gyeongbokgung closes on Tuesdays and opens on public holidays (royal palaces' rule).
const PALACE = 'Mo,We-Su 09:00-18:00; Tu off';
// A museum that also closes on every public holiday.
const MUSEUM = 'Tu-Su 10:00-18:00; Mo off; PH off';
// An office with shorter hours on public holidays.
const OFFICE = 'Mo-Fr 09:00-18:00; PH 10:00-16:00';

describe('weekly hours (an ordinary week, public holidays apart)', () => {
  it('derives each weekday from the OSM value, a closing day as no interval', () => {
    expect(weeklyHours(PALACE, '2026-09-21')).toEqual({
      mon: [['09:00', '18:00']],
      tue: [],
      wed: [['09:00', '18:00']],
      thu: [['09:00', '18:00']],
      fri: [['09:00', '18:00']],
      sat: [['09:00', '18:00']],
      sun: [['09:00', '18:00']],
    });
  });

  it('ignores the holidays of the week (Chuseok week 2026): PH rules do not apply', () => {
    expect(weeklyHours(MUSEUM, '2026-09-21').fri).toEqual([['10:00', '18:00']]);
    expect(weeklyHours(OFFICE, '2026-09-21').thu).toEqual([['09:00', '18:00']]);
  });

  it('follows the season of the week asked (month ranges)', () => {
    const seasonal = 'Apr-Oct Mo-Su 09:00-19:00; Nov-Mar Mo-Su 09:00-17:00';
    expect(weeklyHours(seasonal, '2026-07-06').wed).toEqual([['09:00', '19:00']]);
    expect(weeklyHours(seasonal, '2026-12-07').wed).toEqual([['09:00', '17:00']]);
  });

  it('writes 24/7 and past-midnight hours per calendar day, "24:00" for midnight', () => {
    expect(weeklyHours('24/7', '2026-09-21').mon).toEqual([['00:00', '24:00']]);
    expect(weeklyHours('Fr,Sa 18:00-02:00', '2026-09-21')).toMatchObject({ fri: [['18:00', '24:00']], sat: [['00:00', '02:00'], ['18:00', '24:00']], sun: [['00:00', '02:00']] });
  });
});

describe('real openings on Korean public holidays and weekly closing days', () => {
  it('Chuseok 2026 (Sep 24-26): a holiday-closing museum is closed each day, named', () => {
    expect(dayOpenings(MUSEUM, ['2026-09-24', '2026-09-25', '2026-09-26', '2026-09-27'])).toEqual([
      { date: '2026-09-24', intervals: [], note: 'closed: Day before Chuseok (추석 전날)' },
      { date: '2026-09-25', intervals: [], note: 'closed: Chuseok (추석)' },
      { date: '2026-09-26', intervals: [], note: 'closed: Day after Chuseok (추석 다음 날)' },
      { date: '2026-09-27', intervals: [['10:00', '18:00']] },
    ]);
  });

  it('Chuseok 2026: the palace opens as usual, and closes on the following Tuesday', () => {
    expect(day(PALACE, '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' });
    expect(day(PALACE, '2026-09-29')).toEqual({ date: '2026-09-29', intervals: [], note: 'closed: weekly closing day (Tuesday)' });
  });

  it('Chuseok 2027 (Sep 14-16): the day before falls on the palace\'s closing Tuesday, both said', () => {
    expect(day(PALACE, '2027-09-14')).toEqual({ date: '2027-09-14', intervals: [], note: 'closed: weekly closing day (Tuesday); also Day before Chuseok (추석 전날)' });
    expect(day(PALACE, '2027-09-15')).toEqual({ date: '2027-09-15', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' });
    expect(day(MUSEUM, '2027-09-16')).toEqual({ date: '2027-09-16', intervals: [], note: 'closed: Day after Chuseok (추석 다음 날)' });
  });

  it('substitute holidays count: National Foundation Day 2026 (Sat) moves to Monday Oct 5', () => {
    expect(day(OFFICE, '2026-10-05')).toEqual({
      date: '2026-10-05',
      intervals: [['10:00', '16:00']],
      note: 'holiday hours: Substitute holiday for National Foundation Day (대체공휴일(개천절))',
    });
    expect(day(OFFICE, '2026-10-06')).toEqual({ date: '2026-10-06', intervals: [['09:00', '18:00']] });
  });

  it('Seollal 2027 (Feb 6-9, with its substitute day) and a PH rule that opens a closed weekday', () => {
    const openOnHolidays = 'Mo-Fr 09:00-18:00; Sa,Su off; PH 11:00-15:00';
    expect(dayOpenings(openOnHolidays, ['2027-02-06', '2027-02-09', '2027-02-10']).map((d) => [d.date, d.intervals, d.note])).toEqual([
      ['2027-02-06', [['11:00', '15:00']], 'open on the holiday: Day before Seollal (Lunar New Year) (설날 전날)'],
      ['2027-02-09', [['11:00', '15:00']], 'holiday hours: Substitute holiday for Seollal (Lunar New Year) (대체공휴일(설날))'],
      ['2027-02-10', [['09:00', '18:00']], undefined],
    ]);
  });

  it('an election day is a public holiday (2026 local elections, June 3)', () => {
    expect(day(MUSEUM, '2026-06-03')).toEqual({ date: '2026-06-03', intervals: [], note: 'closed: Election day (전국동시지방선거)' });
  });

  it('monthly closing days (first Monday) and explicit closed dates are "closed on this date"', () => {
    const ilchulbong = 'Mo-Su 07:00-20:00; Mo[1] off';
    expect(day(ilchulbong, '2026-10-05').intervals).toEqual([]);
    expect(day(ilchulbong, '2026-10-05').note).toBe('closed on this date; also Substitute holiday for National Foundation Day (대체공휴일(개천절))');
    expect(day(ilchulbong, '2026-11-02')).toEqual({ date: '2026-11-02', intervals: [], note: 'closed on this date' });
    expect(day(ilchulbong, '2026-11-09')).toEqual({ date: '2026-11-09', intervals: [['07:00', '20:00']] });
    expect(day('Mo-Su 10:00-18:00; Jan 01 off', '2027-01-01').note).toBe("closed on this date; also New Year's Day (1월 1일)");
  });

  it('a season off is no weekly closing day: the whole week closed says "closed on this date"', () => {
    const fountain = 'Apr-Oct 12:00-12:20,20:00-20:20,21:00-21:20; Nov-Mar off';
    expect(day(fountain, '2026-12-16')).toEqual({ date: '2026-12-16', intervals: [], note: 'closed on this date' });
    const house = 'Apr-Nov Tu-Sa 10:00-16:00';
    expect(day(house, '2026-12-15').note).toBe('closed on this date');
    expect(day(house, '2026-06-15').note).toBe('closed: weekly closing day (Monday)');
  });

  it('sun times are those of the place (Seoul, 2026-06-21: within a minute of KASI\'s 05:11 / 19:57)', () => {
    const seoul = dayOpenings('Mo-Su sunrise-sunset', ['2026-06-21'], { lat: 37.5796, lng: 126.977 })[0]!.intervals;
    const jeju = dayOpenings('Mo-Su sunrise-sunset', ['2026-06-21'], { lat: 33.4581, lng: 126.9425 })[0]!.intervals;
    expect(seoul).toEqual([['05:10', '19:56']]);
    expect(jeju).not.toEqual(seoul);
  });

  it('a rule comment becomes the note; unknown hours say so', () => {
    expect(day('Mo-Su 09:00-18:00; 2026 Dec 24 off "closed for the year-end inspection"', '2026-12-24')).toEqual({ date: '2026-12-24', intervals: [], note: 'closed for the year-end inspection' });
    expect(day('Mo-Su unknown', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [], note: UNCERTAIN_NOTE });
  });

  it('a time of unknown state is not open (a plan must work on the day): a fallback, a comment alone, unknown', () => {
    // The fallback's hours are unknown, never open: answered 00:00-24:00 once. On a date the other rules
    // cover, theirs are the day's hours (the fallback's are the next test's).
    expect(day('Mo-Su 09:00-18:00 || "by appointment"', '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' });
    expect(day('Mo-Sa 09:00-18:00 || "by appointment"', '2026-12-13')).toEqual({ date: '2026-12-13', intervals: [], note: `by appointment; ${UNCERTAIN_NOTE}` });
    // A comment alone on the holiday is unknown, not closed and not open: 00:00-24:00 before.
    expect(day('Mo-Su 09:00-18:00; "closed" PH', '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [], note: `Chuseok (추석); closed; ${UNCERTAIN_NOTE}` });
    expect(day('Mo-Su 09:00-18:00; "closed" PH', '2026-09-23')).toEqual({ date: '2026-09-23', intervals: [['09:00', '18:00']] });
    expect(day('Mo-Su 09:00-18:00; PH unknown', '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [], note: `Chuseok (추석); ${UNCERTAIN_NOTE}` });
    // Only the unknown part is left out; a day of unknown state is no weekly closing day.
    expect(day('Mo-Su 10:00-12:00 unknown, 12:00-18:00', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [['12:00', '18:00']], note: UNCERTAIN_NOTE });
    expect(day('Mo,We-Su 09:00-18:00; Tu unknown', '2026-12-22')).toEqual({ date: '2026-12-22', intervals: [], note: UNCERTAIN_NOTE });
    expect(day('"by appointment"', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [], note: `by appointment; ${UNCERTAIN_NOTE}` });
    // The week's hours too.
    expect(weeklyHours('Mo-Su 09:00-18:00 || "by appointment"', '2026-09-21').fri).toEqual([['09:00', '18:00']]);
    expect(weeklyHours('Mo-Su unknown', '2026-09-21').mon).toEqual([]);
  });

  it('a fallback rule (||) is what applies only on dates the other rules leave open: there it is uncertain, elsewhere their hours are the day\'s', () => {
    // An office open on weekdays, "by appointment" otherwise. Before, every date said "by appointment;
    // opening hours uncertain" (the package makes the fallback's times unknown, a weekday's evening too),
    // so a traveller read Monday's 09:00-18:00 as doubtful, as much as Saturday's nothing.
    const office = 'Mo-Fr 09:00-18:00 || "by appointment"';
    expect(dayOpenings(office, ['2026-12-07', '2026-12-12'])).toEqual([
      { date: '2026-12-07', intervals: [['09:00', '18:00']] },
      { date: '2026-12-12', intervals: [], note: `by appointment; ${UNCERTAIN_NOTE}` },
    ]);
    // A day the other rules close is closed (the package let the fallback make `Sa off` unknown); a day none covers is the fallback's.
    expect(dayOpenings('Mo-Fr 09:00-18:00; Sa off || "by appointment"', ['2026-12-12', '2026-12-13'])).toEqual([
      { date: '2026-12-12', intervals: [], note: 'closed: weekly closing day (Saturday)' },
      { date: '2026-12-13', intervals: [], note: `by appointment; ${UNCERTAIN_NOTE}` },
    ]);
    // A public holiday the value closes is closed for it, not uncertain (Chuseok 2026 is a Friday).
    expect(day('Mo-Fr 09:00-18:00; PH off || "call us"', '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [], note: 'closed: Chuseok (추석)' });
    // A rule after the fallback is a normal rule again (the package's README): it covers its days.
    expect(day('Mo-Fr 09:00-18:00 || "by appointment"; Sa 10:00-14:00', '2026-12-12')).toEqual({ date: '2026-12-12', intervals: [['10:00', '14:00']] });
  });

  it('a night past midnight does not cover the day after for a fallback rule: Friday night\'s 00:00-02:00 is Friday\'s (OSM opening_hours specification)', () => {
    // A bar open Monday to Friday nights, "call" otherwise. Saturday 7 Nov 2026 counted as covered by
    // the wrapped part of Friday's night, so after 02:00 it was certainly closed, with no note: a Saturday
    // night visit was ruled out where the value says to call. Now only the night is certain.
    const bar = 'Mo-Fr 18:00-02:00 || "call"';
    expect(dayOpenings(bar, ['2026-11-06', '2026-11-07', '2026-11-08'])).toEqual([
      { date: '2026-11-06', intervals: [['00:00', '02:00'], ['18:00', '24:00']] },
      { date: '2026-11-07', intervals: [['00:00', '02:00']], note: `call; ${UNCERTAIN_NOTE}` },
      { date: '2026-11-08', intervals: [], note: `call; ${UNCERTAIN_NOTE}` },
    ]);
    // A Saturday rule of its own covers it (and, as the package reads a later rule for a day, ends Friday's night at 24:00).
    expect(day('Mo-Fr 18:00-02:00; Sa 10:00-12:00 || "call"', '2026-11-07')).toEqual({ date: '2026-11-07', intervals: [['10:00', '12:00']] });
    // Hours written as the day's own from midnight cover it too.
    expect(day('Mo-Fr 18:00-24:00, Mo-Sa 00:00-02:00 || "call"', '2026-11-07')).toEqual({ date: '2026-11-07', intervals: [['00:00', '02:00']] });
  });

  it('a night a later rule closes is cut the day after with a fallback rule too: `Mo-Fr 18:00-02:00; Fr off || "call"` has no Saturday 00:00-02:00', () => {
    // Friday 6 Nov 2026 is closed (`Fr off`), so its night never opens. The evaluator that keeps the
    // fallback read Friday's last instant as the fallback's unknown running on, a night not cut: Saturday
    // answered 00:00-02:00 open. Now the rules other than the fallback decide where the night ends.
    expect(dayOpenings('Mo-Fr 18:00-02:00; Fr off || "call"', ['2026-11-06', '2026-11-07', '2026-11-08'])).toEqual([
      { date: '2026-11-06', intervals: [], note: 'closed: weekly closing day (Friday)' },
      { date: '2026-11-07', intervals: [], note: `call; ${UNCERTAIN_NOTE}` },
      { date: '2026-11-08', intervals: [], note: `call; ${UNCERTAIN_NOTE}` },
    ]);
    // Unchanged: Thursday is the rules' own, and its night before a closing day ends at 24:00 (the package's reading, as without a fallback).
    expect(day('Mo-Fr 18:00-02:00; Fr off || "call"', '2026-11-05').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
  });

  it('an open end (18:00+) is open for OPEN_END_MINUTES from its start, and the note says so; the rest is not counted', () => {
    expect(OPEN_END_MINUTES).toBe(120);
    // An imported bar: never open before (the package's state is unknown with a guessed close at 04:00).
    expect(day('Mo-Su 18:00+', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [['18:00', '20:00']], note: openEndNote('18:00', '20:00') });
    expect(weeklyHours('Mo-Su 18:00+', '2026-12-21').wed).toEqual([['18:00', '20:00']]);
    // Fixed hours then an open end: one opening; the mapper's own comment stays in the note.
    expect(day('Mo-Su 10:00-18:00+', '2026-12-23').intervals).toEqual([['10:00', '20:00']]);
    expect(day('Mo-Su 18:00+ "until the last guest"', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [['18:00', '20:00']], note: `until the last guest; ${openEndNote('18:00', '20:00')}` });
    // Never past the next rule: 07:00+ ends at 12:00 (the package's reading), counted until 09:00.
    expect(day('Mo-Su 07:00+,12:00-16:00', '2026-12-23').intervals).toEqual([['07:00', '09:00'], ['12:00', '16:00']]);
    // Past midnight: the night begun the day before is counted from its own start.
    expect(day('Mo-Su 23:00+', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [['00:00', '01:00'], ['23:00', '24:00']], note: openEndNote('23:00', '01:00') });
    expect(day('Mo,We-Su 23:00+', '2026-12-22').intervals).toEqual([['00:00', '01:00']]);
    // `unknown` stays uncertain.
    expect(day('Mo-Su 10:00-12:00 unknown', '2026-12-23')).toEqual({ date: '2026-12-23', intervals: [], note: UNCERTAIN_NOTE });
  });

  it('an open end at midnight (00:00+) is an open end as any other, of its own day: counted open 00:00-02:00, said (OSM opening_hours specification)', () => {
    // The specification's open end is a time followed by `+`: open then, the close not given; a span is the
    // day's it starts on, so `00:00+` is the day's own. The package's shortcut for a span of the whole day
    // (00:00 to its guessed close, 24:00) dropped the open end: every day answered 00:00-24:00, certain, no note.
    expect(dayOpenings('Mo-Su 00:00+', ['2026-11-04'])).toEqual([{ date: '2026-11-04', intervals: [['00:00', '02:00']], note: openEndNote('00:00', '02:00') }]);
    expect(weeklyHours('Mo-Su 00:00+', '2026-11-02').thu).toEqual([['00:00', '02:00']]);
    expect(day('We 00:00+', '2026-11-04').intervals).toEqual([['00:00', '02:00']]);
    // The mapper's own comment stays, as with `18:00+ "until the last guest"` (before: nothing open, the note alone).
    expect(day('Mo-Su 00:00+ "until the last guest"', '2026-11-04')).toEqual({ date: '2026-11-04', intervals: [['00:00', '02:00']], note: `until the last guest; ${openEndNote('00:00', '02:00')}` });
    // Unchanged: the whole day written as such, and an open end at another time.
    expect(day('Mo-Su 00:00-24:00', '2026-11-04').intervals).toEqual([['00:00', '24:00']]);
    expect(day('Mo-Su 10:00+', '2026-11-04').intervals).toEqual([['10:00', '12:00']]);
  });

  it('a fixed time to midnight then an open end (18:00-00:00+) runs on past midnight: counted open 00:00-02:00 the day after, said (OSM opening_hours specification)', () => {
    // `<time>-<time>+` is a fixed time followed by an open end from its close (the package: `22:00-04:00+` is open
    // 22:00-04:00, then an open end from 04:00); a close at or before the opening is the next day's, so the open end
    // of `18:00-00:00+` starts at midnight. The package gives it (00:00 on, unknown), but the night of the day
    // before was taken to end at 24:00 and everything after cut: 18:00-24:00 and nothing past midnight, no note.
    expect(day('Mo-Su 18:00-00:00+', '2026-11-04')).toEqual({ date: '2026-11-04', intervals: [['00:00', '02:00'], ['18:00', '24:00']], note: openEndNote('00:00', '02:00') });
    expect(day('Mo-Su 18:00-24:00+', '2026-11-04').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
    expect(weeklyHours('Mo-Su 18:00-00:00+', '2026-11-02').thu).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
    // The evening runs on into it: no figure counts from 24:00 (as `10:00-18:00+` has none from 18:00); a clock time does.
    expect(dayOpenings('Mo-Su 18:00-00:00+', ['2026-11-04'], undefined, 60)[0]!.lastEntryMinutes).toEqual([0, 0]);
    expect(dayOpenings('Mo-Su 18:00-00:00+ open "last order 01:00"', ['2026-11-04'])[0]!.lastEntryMinutes).toEqual([60, 0]);
    // A later rule that closes the next day ends it at midnight, as for any night (`We off`, the package's reading).
    expect(dayOpenings('Mo-Su 18:00-00:00+; We off', ['2026-11-03', '2026-11-04', '2026-11-05'], undefined, 60).map((d) => [d.intervals, d.lastEntryMinutes])).toEqual([
      [[['00:00', '02:00'], ['18:00', '24:00']], [0, 60]],
      [[], []],
      [[['18:00', '24:00']], [0]],
    ]);
    // Unchanged: the span to midnight without an open end, and an open end past midnight.
    expect(dayOpenings('Mo-Su 18:00-24:00', ['2026-11-04'], undefined, 60)).toEqual([{ date: '2026-11-04', intervals: [['18:00', '24:00']], lastEntryMinutes: [60] }]);
    expect(day('Mo-Su 18:00-01:00+', '2026-11-04').intervals).toEqual([['00:00', '03:00'], ['18:00', '24:00']]);
  });

  it('an open end\'s rule with a comment keeps its written hours: 18:00-00:00+ "until the last guest" is open 18:00-24:00, then the open end', () => {
    // The package makes every time of a rule with a comment and no state unknown, the written 18:00-00:00 too, so the
    // evening was one open end from 18:00: [["18:00","20:00"]] and "open end at 18:00 ...". The comment says what
    // the open end means; the hours written before it are the place's, as without the comment.
    const guest = 'Mo-Su 18:00-00:00+ "until the last guest"';
    expect(dayOpenings(guest, ['2026-11-04'], undefined, 60)).toEqual([
      { date: '2026-11-04', intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [0, 0], note: `until the last guest; ${openEndNote('00:00', '02:00')}` },
    ]);
    expect(weeklyHours(guest, '2026-11-02').thu).toEqual(weeklyHours('Mo-Su 18:00-00:00+', '2026-11-02').thu);
    expect(day('Mo-Su 10:00-18:00+ "until the last guest"', '2026-11-04')).toEqual({ date: '2026-11-04', intervals: [['10:00', '20:00']], note: `until the last guest; ${openEndNote('18:00', '20:00')}` });
    expect(day('Mo-Su 18:00-02:00+ "until the last guest"', '2026-11-04').intervals).toEqual([['00:00', '04:00'], ['18:00', '24:00']]);
    // A later rule that closes the next day ends the night at midnight, as without the comment.
    expect(dayOpenings(`${guest}; We off`, ['2026-11-04', '2026-11-05']).map((d) => d.intervals)).toEqual([[], [['18:00', '24:00']]]);
    // Unchanged: an open end alone with a comment, and a comment on a rule with no open end (unknown, not counted),
    // also beside an open end of another rule.
    expect(day('Mo-Su 18:00+ "until the last guest"', '2026-11-04').intervals).toEqual([['18:00', '20:00']]);
    expect(day('Mo-Su 00:00+ "until the last guest"', '2026-11-04').note).toBe(`until the last guest; ${openEndNote('00:00', '02:00')}`);
    expect(day('Mo 10:00+, Tu 12:00-14:00 "call first"', '2026-11-03')).toEqual({ date: '2026-11-03', intervals: [], note: `call first; ${UNCERTAIN_NOTE}` });
    expect(day('Mo-Su 10:00-14:00 "call first"; Sa 18:00+', '2026-11-04')).toEqual({ date: '2026-11-04', intervals: [], note: `call first; ${UNCERTAIN_NOTE}` });
  });

  it('a last entry counts from the real close: an interval cut at 24:00 that runs on past midnight has its last entry after it', () => {
    // A bar open 18:00-02:00, last order 01:00 (60): none before midnight, not 23:00; 01:00 in the night's early hours.
    expect(dayOpenings('Mo-Su 18:00-02:00', ['2026-12-23'], undefined, 60)).toEqual([{ date: '2026-12-23', intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [60, 0] }]);
    // Closing at 00:30, last order 23:30: 30 minutes before the 24:00 of the cut, and no entry in 00:00-00:30.
    expect(dayOpenings('Mo-Su 18:00-00:30', ['2026-12-23'], undefined, 60)[0]).toMatchObject({ intervals: [['00:00', '00:30'], ['18:00', '24:00']], lastEntryMinutes: [60, 30] });
    // A close at midnight itself, and an interval that closes the same day: the figure as it is.
    expect(dayOpenings('Mo-Su 18:00-24:00', ['2026-12-23'], undefined, 60)[0]!.lastEntryMinutes).toEqual([60]);
    expect(dayOpenings('Mo-Su 09:00-12:00,13:00-18:00', ['2026-12-23'], undefined, 30)[0]!.lastEntryMinutes).toEqual([30, 30]);
    // Open all day and night: no close that day, no last entry.
    expect(dayOpenings('24/7', ['2026-12-23'], undefined, 60)[0]!.lastEntryMinutes).toEqual([0]);
    // A place without a last entry: no figures.
    expect(dayOpenings('Mo-Su 18:00-02:00', ['2026-12-23'])[0]).not.toHaveProperty('lastEntryMinutes');
  });

  it('a rule\'s own last entry reads compound times and Korean clock hours: "1 hour 30 minutes before", "1시간 30분 전", "21시"', () => {
    // Before, none of these was read: the row's figure (30) applied to each, not the rule's.
    const dates = ['2026-12-23'];
    expect(dayOpenings('Mo-Su 10:00-20:00 open "last entry 1 hour 30 minutes before closing"', dates, undefined, 30)[0]!.lastEntryMinutes).toEqual([90]);
    expect(dayOpenings('Mo-Su 10:00-20:00 open "last admission 1h30m before close"', dates, undefined, 30)[0]!.lastEntryMinutes).toEqual([90]);
    expect(dayOpenings('Mo-Su 09:00-18:00 open "입장마감 마감 1시간 30분 전"', dates, undefined, 30)[0]!.lastEntryMinutes).toEqual([90]);
    expect(dayOpenings('Mo-Su 11:00-22:00 open "라스트오더 21시"', dates, undefined, 30)[0]!.lastEntryMinutes).toEqual([60]);
    expect(dayOpenings('Mo-Su 11:00-22:00 open "라스트오더 20시 30분"', dates, undefined, 30)[0]!.lastEntryMinutes).toEqual([90]);
    expect(dayOpenings('Mo-Su 11:00-22:00 open "주문마감 오후 9시 반"', dates, undefined, 30)[0]!.lastEntryMinutes).toEqual([30]);
  });

  it('a rule\'s own last entry reads the end of ticket sales and "about" a figure: "last ticket 17:30", "about 1 h before closing", "매표마감 약 1시간 전"', () => {
    // Ticket sales end is the last moment a visitor gets in; "about" a figure is read as the figure. Before: no last entry.
    expect(dayOpenings('Mo-Su 09:00-18:00 open "last ticket 17:30"', ['2026-11-04'])[0]!.lastEntryMinutes).toEqual([30]);
    expect(dayOpenings('Mo-Su 10:00-20:00 open "last entry about 1 h before closing"', ['2026-11-04'])[0]!.lastEntryMinutes).toEqual([60]);
    expect(dayOpenings('Mo-Su 09:00-18:00 open "매표마감 약 1시간 전"', ['2026-11-04'])[0]!.lastEntryMinutes).toEqual([60]);
    expect(dayOpenings('Mo-Su 09:00-18:00 open "발권마감 17시 30분"', ['2026-11-04'])[0]!.lastEntryMinutes).toEqual([30]);
  });

  it('a rule\'s own last entry reads a duration written out and admission until so long before the close: "about an hour before closing", "입장은 마감 1시간 전까지"', () => {
    // Before: none of these was read (the first refused at load as a last entry in a form not read), no last entry given.
    const lastEntry = (comment: string) => dayOpenings(`Mo-Su 09:00-18:00 open "${comment}"`, ['2026-11-04'])[0]!.lastEntryMinutes;
    expect(lastEntry('last entry about an hour before closing')).toEqual([60]);
    expect(lastEntry('last order half an hour before close')).toEqual([30]);
    expect(lastEntry('last entry one and a half hours prior to closing')).toEqual([90]);
    expect(lastEntry('tickets until 17:30')).toEqual([30]);
    expect(lastEntry('admission until about 17:20')).toEqual([40]);
    expect(lastEntry('입장은 마감 1시간 전까지')).toEqual([60]);
    expect(lastEntry('마감 30분 전까지 입장')).toEqual([30]);
    expect(lastEntry('입장 마감 약 두 시간 전')).toEqual([120]);
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "last entry about an hour before closing"')).toBeUndefined();
    // Still refused: the words with no time read.
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "ticket office closes earlier in winter"')).toMatch(/cannot read/);
  });

  it('a last entry so long "earlier" is so long before the close: "ticket office closes 1 h earlier" loads and gives 60', () => {
    // Before: refused at load ("a comment gives a last entry it cannot read") and skipped by the OSM importer, so the
    // place was not in the directory at all. "Earlier" in a comment of the rule's hours, ending it, can only be than
    // the close those hours give (wiki Key:opening_hours: a comment qualifies its rule); another word after it
    // ("earlier in winter") is a season's, not read.
    const lastEntry = (comment: string) => dayOpenings(`Mo-Su 09:00-18:00 open "${comment}"`, ['2026-11-04'])[0]!.lastEntryMinutes;
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "ticket office closes 1 h earlier"')).toBeUndefined();
    expect(lastEntry('ticket office closes 1 h earlier')).toEqual([60]);
    expect(lastEntry('last entry 30 minutes earlier than closing')).toEqual([30]);
    expect(lastEntry('last admission an hour earlier')).toEqual([60]);
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "last entry 1 h earlier in winter"')).toMatch(/cannot read/);
  });

  it('a last entry in hours with a decimal fraction is read: "ticket office closes 1.5 h earlier" gives 90', () => {
    // Before: refused at load ("a comment gives a last entry it cannot read") and skipped by the OSM importer, the
    // place left out of the directory, as "1 h earlier" was before 7825858.
    const lastEntry = (comment: string) => dayOpenings(`Mo-Su 09:00-18:00 open "${comment}"`, ['2026-11-04'])[0]!.lastEntryMinutes;
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "ticket office closes 1.5 h earlier"')).toBeUndefined();
    expect(lastEntry('ticket office closes 1.5 h earlier')).toEqual([90]);
    expect(lastEntry('last entry 1.5 hours before closing')).toEqual([90]);
    expect(lastEntry('last entry 0.5 h before closing')).toEqual([30]);
    expect(lastEntry('입장마감 1.5시간 전')).toEqual([90]);
    // A figure that is no decimal is still refused.
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "last entry 1. h before closing"')).toMatch(/cannot read/);
  });

  it('a last entry earlier than the place entered, or so long early in Korean, is read: "ticket office closes 1 h earlier than the museum", "입장마감 1시간 일찍"', () => {
    // Before: each refused at load ("a comment gives a last entry it cannot read") and the element skipped by the OSM
    // importer. A comment qualifies its rule's hours (wiki Key:opening_hours/specification, <comment>), which are the
    // place's: the place a last entry or a ticket office is earlier than, named as a whole, is the one entered, whose
    // close is the rule's. 일찍 is "early" as "earlier" ending an English comment; 폐관 is a hall's close.
    const lastEntry = (comment: string) => dayOpenings(`Mo-Su 09:00-18:00 open "${comment}"`, ['2026-11-04'])[0]!.lastEntryMinutes;
    expect(openingHoursProblem('Mo-Su 09:00-18:00 open "ticket office closes 1 h earlier than the museum"')).toBeUndefined();
    expect(lastEntry('ticket office closes 1 h earlier than the museum')).toEqual([60]);
    expect(lastEntry('last admission half an hour earlier than the park')).toEqual([30]);
    expect(lastEntry('last entry 30 minutes before the palace closes')).toEqual([30]);
    expect(lastEntry('입장마감 1시간 일찍')).toEqual([60]);
    expect(lastEntry('라스트오더 30분 일찍')).toEqual([30]);
    expect(lastEntry('매표소는 1시간 일찍 마감')).toEqual([60]);
    expect(lastEntry('박물관보다 1시간 일찍 입장마감')).toEqual([60]);
    expect(lastEntry('입장마감은 폐관보다 1시간 반 일찍')).toEqual([90]);
    expect(lastEntry('입장마감은 폐장 1시간 전')).toEqual([60]);
    expect(lastEntry('폐관 1시간 전 입장마감')).toEqual([60]);
    expect(lastEntry('입장마감 박물관 폐관 30분 전')).toEqual([30]);
    // Still refused: a last order earlier than another place (a café's inside a museum closes when it closes), a
    // place not entered as a whole, a season's word after 일찍.
    for (const comment of ['last order 1 h earlier than the museum', 'last entry 1 h earlier than the restaurant', '라스트오더 박물관보다 1시간 일찍', '입장마감 1시간 일찍 겨울']) {
      expect(openingHoursProblem(`Mo-Su 09:00-18:00 open "${comment}"`)).toMatch(/cannot read/);
    }
  });

  it('a last entry "earlier" without saying than what is refused where another rule gives a last entry: "Sa,Su ... 입장마감 1시간 일찍" beside "입장마감 17:00"', () => {
    // Before: read as 60 minutes before the weekend's own close (17:00), where the writer may have meant an hour
    // earlier than the weekdays' 17:00 (16:00): a visit shown possible from 16:00 could come after the real last
    // entry. A traveller is never shown a place enterable when it is not, so the value is refused at load (and
    // skipped by the OSM importer, which checks the same), to be written with its reference.
    const weekdays = 'Mo-Fr 09:00-18:00 open "입장마감 17:00"';
    for (const bare of ['입장마감 1시간 일찍', '매표소는 1시간 일찍 마감', '1시간 일찍 입장마감', 'ticket office closes 1 h earlier', 'last entry 30 minutes earlier']) {
      expect(openingHoursProblem(`${weekdays}; Sa,Su 09:00-18:00 open "${bare}"`), bare).toMatch(/earlier.*than what/);
    }
    // Its reference named (the close, the place entered), or alone in the value: read as before.
    for (const named of ['입장마감 폐관보다 1시간 일찍', '입장마감은 박물관보다 1시간 일찍', 'ticket office closes 1 h earlier than the museum', 'last entry 1 h earlier than closing', '입장마감 폐장 1시간 전']) {
      const value = `${weekdays}; Sa,Su 09:00-18:00 open "${named}"`;
      expect(openingHoursProblem(value), named).toBeUndefined();
      expect(dayOpenings(value, ['2026-11-07'])[0]!.lastEntryMinutes, named).toEqual([60]);
    }
    expect(openingHoursProblem('Mo-Fr 09:00-18:00 open "입장마감 1시간 일찍"; Sa,Su 10:00-17:00 open "입장마감 1시간 일찍"')).toBeUndefined();
    expect(openingHoursProblem('Mo-Fr 09:00-18:00; Sa,Su 09:00-18:00 open "ticket office closes 1 h earlier"')).toBeUndefined();
  });

  it('a park\'s last train is its last entry: "last train 17:30", "막차 17시 30분", "마지막 열차 1시간 전"', () => {
    // Before: not read, a note alone, so a visit could start after the last train had left (the curated data set
    // already counts a last train as a last entry: data/README.md, Ecoland's lastEntryMinutes 60). A last entry only
    // takes start times away; where the train is the way out it still opens nothing the hours close.
    const lastEntry = (comment: string) => dayOpenings(`Mo-Su 09:00-18:30 open "${comment}"`, ['2026-11-04'])[0]!.lastEntryMinutes;
    expect(lastEntry('last train 17:30')).toEqual([60]);
    expect(lastEntry('막차 17시 30분')).toEqual([60]);
    expect(lastEntry('막차 시간 오후 5시 반')).toEqual([60]);
    expect(lastEntry('마지막 열차 1시간 전')).toEqual([60]);
    expect(lastEntry('last train 30 minutes before closing')).toEqual([30]);
    // Ecoland's seasons, each rule its own.
    const ecoland = 'Mar-Oct 08:30-18:30 open "last train 17:30"; Nov-Feb 08:30-17:30 open "last train 16:30"';
    expect(dayOpenings(ecoland, ['2026-10-28', '2026-11-04']).map((d) => d.lastEntryMinutes)).toEqual([[60], [60]]);
    // In a form not read it is a note, as before 5231e381: a train is also the way home (막차 is the last bus or
    // subway too), and a comment about it ("막차 이후 택시 이용": a taxi after the last train) says nothing of getting in.
    // Refused, each such place was left out of the directory and skipped by the OSM importer.
    for (const comment of ['last train varies by season', '막차 이후 택시 이용', '막차 시간 확인', 'last train info at the station', 'cable car last train 17:00']) {
      expect(openingHoursProblem(`Mo-Su 09:00-18:30 open "${comment}"`), comment).toBeUndefined();
      expect(dayOpenings(`Mo-Su 09:00-18:30 open "${comment}"`, ['2026-11-04'])[0], comment).toEqual({ date: '2026-11-04', intervals: [['09:00', '18:30']], note: comment });
    }
    // The words of getting in, unread, are still refused.
    expect(openingHoursProblem('Mo-Su 09:00-18:30 open "last entry varies by season"')).toMatch(/cannot read/);
  });

  it('a rule\'s own last entry (a comment on an open rule) wins over the row\'s figure for its intervals', () => {
    const seasons = 'Mar-Oct 07:00-20:00 open "last entry 18:00"; Nov-Feb 07:00-18:00 open "last entry 17:00"';
    expect(dayOpenings(seasons, ['2026-07-01', '2026-12-23'], undefined, 120).map((o) => o.lastEntryMinutes)).toEqual([[120], [60]]);
    // Without a row figure too; one interval with a rule's figure, the other with none.
    expect(dayOpenings('Mo-Su 11:00-15:00 open "라스트오더 14:00", 17:00-22:00', ['2026-12-23'])[0]!.lastEntryMinutes).toEqual([60, 0]);
    // Past midnight, from the real close.
    expect(dayOpenings('Mo-Su 18:00-02:00 open "last order 01:00"', ['2026-12-23'])[0]!.lastEntryMinutes).toEqual([60, 0]);
  });

  it('an open end has no close to count a figure before: its own last entry at a clock time applies, the row\'s figure never', () => {
    // Saturday 2026-12-05 of a bar whose row figure (60) is its weeknights' 01:00 before 02:00: the
    // Saturday 18:00+ with last order 01:00 takes orders all through its counted 18:00-20:00, not until 19:00.
    const bar = 'Mo-Fr 18:00-02:00; Sa 18:00+ open "last order 01:00"';
    expect(dayOpenings(bar, ['2026-12-05'], undefined, 60)[0]).toMatchObject({ intervals: [['18:00', '20:00']], lastEntryMinutes: [0] });
    // An earlier one inside the counted time is a last entry as any.
    expect(dayOpenings('Sa 18:00+ open "last order 19:30"', ['2026-12-05'], undefined, 60)[0]!.lastEntryMinutes).toEqual([30]);
    // Without its own: the row's 60 or 180 before the counted close (20:00) would end entries at 19:00, or never admit anyone.
    expect(dayOpenings('Sa 18:00+', ['2026-12-05'], undefined, 60)[0]!.lastEntryMinutes).toEqual([0]);
    expect(dayOpenings('Sa 18:00+', ['2026-12-05'], undefined, 180)[0]!.lastEntryMinutes).toEqual([0]);
    // A figure before a close it does not know says nothing; no row figure, no figures.
    expect(dayOpenings('Sa 18:00+ open "last order 1 hour before closing"', ['2026-12-05'])[0]).not.toHaveProperty('lastEntryMinutes');
  });

  it('touching intervals merged into one opening keep the later last start of theirs, not the later interval\'s alone', () => {
    // 10:00-18:00 then its open end to 20:00, both "last entry 17:00": one opening whose last entry is 17:00
    // (the open end's 17:00 is the day's, read from the opening at 10:00). Before, the open end's figure
    // alone was kept, read as the next day's 17:00: entries until 20:00.
    expect(dayOpenings('Mo-Su 10:00-18:00+ open "last entry 17:00"', ['2026-12-02'], undefined, 30)[0]).toMatchObject({ intervals: [['10:00', '20:00']], lastEntryMinutes: [180] });
    expect(dayOpenings('Mo-Su 10:00-18:00+ open "last entry 17:00"', ['2026-12-02'])[0]!.lastEntryMinutes).toEqual([180]);
    // Each piece with its own: the later last start (17:00, not 11:30 nor the open end's 20:00 alone).
    expect(dayOpenings('Mo-Su 09:00-12:00 open "last entry 11:30", 12:00-18:00 open "last entry 17:00"', ['2026-12-02'])[0]!.lastEntryMinutes).toEqual([60]);
    // Fixed hours then an open end without a figure of its own: entries through the counted time.
    expect(dayOpenings('Mo-Su 10:00-18:00+', ['2026-12-02'], undefined, 30)[0]!.lastEntryMinutes).toEqual([0]);
  });

  it('a holiday the day before reaches past midnight: "PH off" cancels the night that would start on it', () => {
    const bar = 'Mo-Su 18:00-02:00; PH off';
    expect(day(bar, '2026-09-24').intervals).toEqual([]);
    // Sep 27 (not a holiday) opens at 18:00; its early hours belong to the night of the 26th (a holiday).
    expect(day(bar, '2026-09-28').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
  });

  it('the night a holiday closes has no early hours the day after: a span past midnight is its start day\'s (OSM opening_hours specification)', () => {
    // Chuseok 2026 is Thu 24 - Sat 26. The specification reads a time span past midnight as the day it
    // starts on's, and `PH off` closes that day's spans: the night of Saturday 26 (18:00-02:00) never
    // opens, so Sunday 27 has no 00:00-02:00. The package kept it (the wrapped part of `Mo-Su` matches
    // the day after any Monday-Sunday, whatever overrode that day): Sunday answered 00:00-02:00 with 60.
    const bar = 'Mo-Su 18:00-02:00; PH off';
    const note = (next: string) => `no night from Day after Chuseok (추석 다음 날) the day before (closed for the holiday); opens next ${next}`;
    expect(dayOpenings(bar, ['2026-09-27'], undefined, 60)).toEqual([{ date: '2026-09-27', intervals: [['18:00', '24:00']], lastEntryMinutes: [0], note: note('at 18:00') }]);
    // (Its own night runs on to 02:00 on Monday: no last order before midnight.)
    // A weekend bar whose Saturday is the holiday: its Sunday, open only by Saturday's night, is closed.
    expect(day('Fr-Sa 22:00-04:00; PH off', '2026-09-27')).toEqual({ date: '2026-09-27', intervals: [], note: note('on Friday 2026-10-02 at 22:00') });
    // Holiday hours that end before midnight cancel the ordinary night the same way.
    expect(day('Mo-Su 18:00-02:00; PH 10:00-14:00', '2026-09-27').intervals).toEqual([['18:00', '24:00']]);
    expect(day('Mo-Su 18:00-02:00; PH 10:00-14:00', '2026-09-26').intervals).toEqual([['10:00', '14:00']]);
    // An open end begun on an ordinary evening is the same night: not counted from midnight either.
    expect(day('Mo-Su 18:00+; PH off', '2026-09-27').intervals).toEqual([['18:00', '20:00']]);
    // The day's own spans stay: 24/7 opens the day after from 00:00, so do hours written as the day's own
    // (`00:00-02:00,18:00-24:00` has no span past midnight: its 00:00-02:00 is Sunday's).
    expect(day('24/7; PH off', '2026-09-27')).toEqual({ date: '2026-09-27', intervals: [['00:00', '24:00']] });
    expect(day('Mo-Su 00:00-02:00,18:00-24:00; PH off', '2026-09-27').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
    // A night the holiday itself opens past midnight runs on.
    expect(day('Mo-Su 10:00-18:00; PH 20:00-03:00', '2026-09-27').intervals).toEqual([['00:00', '03:00'], ['10:00', '18:00']]);
    // The ordinary week after is unchanged, and the night before the holiday still closes at 24:00.
    expect(day(bar, '2026-09-28').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
    expect(dayOpenings(bar, ['2026-09-23'], undefined, 60)[0]).toMatchObject({ intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [60, 60] });
  });

  it('a night any later rule closes has no early hours the day after, not only a holiday\'s: weekday off, other hours, a date (OSM opening_hours specification)', () => {
    // November 2026 has no public holiday: Wednesday 4, Thursday 5. The specification reads a time
    // span past midnight as its start day's and a later rule for a day as overriding that day's spans:
    // `We off` closes Wednesday's night, its 00:00-02:00 on Thursday too. The package kept it (the wrapped
    // part of `Mo-Su` matches the day after any Monday-Sunday): Thursday answered 00:00-02:00, last entry 60,
    // and a traveller was planned into the bar at 01:00 after its closing day.
    const bar = 'Mo-Su 18:00-02:00; We off';
    expect(dayOpenings(bar, ['2026-11-05'], undefined, 60)).toEqual([{ date: '2026-11-05', intervals: [['18:00', '24:00']], lastEntryMinutes: [0] }]);
    expect(weeklyHours(bar, '2026-11-02')).toMatchObject({ wed: [], thu: [['18:00', '24:00']], fri: [['00:00', '02:00'], ['18:00', '24:00']] });
    // Other hours for the day replace its night; so does a rule for a date.
    expect(day('Mo-Su 18:00-02:00; We 18:00-22:00', '2026-11-05').intervals).toEqual([['18:00', '24:00']]);
    expect(day('Mo-Su 18:00-02:00; We 18:00-22:00', '2026-11-04').intervals).toEqual([['18:00', '22:00']]);
    expect(day('Mo-Su 18:00-02:00; 2026 Nov 04 off', '2026-11-05').intervals).toEqual([['18:00', '24:00']]);
    expect(day('Fr-Sa 22:00-04:00; Sa off', '2026-11-08')).toEqual({ date: '2026-11-08', intervals: [], note: 'closed: weekly closing day (Sunday)' });
    // An open end begun on Tuesday is Tuesday's night; Wednesday's is closed.
    expect(day('Mo-Su 18:00+; We off', '2026-11-05').intervals).toEqual([['18:00', '20:00']]);
    // Unchanged: the day's own hours from midnight (24/7, hours written as each day's own), a night the
    // overriding rule itself opens past midnight, and, as the package reads a later rule for a day, the
    // night before the closing day closing at 24:00 (last entry 60 before it).
    expect(day('24/7; We off', '2026-11-05').intervals).toEqual([['00:00', '24:00']]);
    expect(day('Mo-Su 00:00-02:00,18:00-24:00; We off', '2026-11-05').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
    expect(day('Mo-Su 18:00-02:00; We 20:00-03:00', '2026-11-05').intervals).toEqual([['00:00', '03:00'], ['18:00', '24:00']]);
    expect(dayOpenings(bar, ['2026-11-03'], undefined, 60)[0]).toMatchObject({ intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [60, 60] });
    expect(day('Mo-Su 18:00-02:00', '2026-11-05').intervals).toEqual([['00:00', '02:00'], ['18:00', '24:00']]);
  });

  it('a night in sun times a later rule closes is cut the day after as a clock-time night is: `sunset-sunrise; We off` has no Thursday 00:00-07:00', () => {
    // Seoul (Gyeongbokgung's coordinates), Wednesday 4 Nov 2026 off. The day's own hours were read with
    // sun spans left whole, so `sunset-sunrise` still ran from Wednesday into Thursday there and Thursday
    // answered 00:00-07:00 open after a closed Wednesday.
    const seoul = { lat: 37.5796, lng: 126.977 };
    expect(dayOpenings('sunset-sunrise; We off', ['2026-11-05'], seoul)).toEqual([{ date: '2026-11-05', intervals: [['17:30', '24:00']] }]);
    expect(dayOpenings('(sunset+01:00)-(sunrise-01:00); We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['18:30', '24:00']]);
    expect(dayOpenings('sunset-02:00; We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['17:30', '24:00']]);
    // Unchanged: a night after an open day, and sun spans within the day.
    expect(dayOpenings('sunset-sunrise; We off', ['2026-11-06'], seoul)[0]!.intervals).toEqual([['00:00', '07:01'], ['17:29', '24:00']]);
    expect(dayOpenings('sunrise-sunset; We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['07:00', '17:30']]);
  });

  it('an open end in sun times a later rule closes is cut the day after as a clock-time one is: `(sunset-01:00)+; We off` opens nothing on Thursday before its evening', () => {
    // Seoul, Wednesday 4 Nov 2026 off. The day's own hours (what opens from a midnight by the day's rules) left
    // a sun open end whole, so Wednesday's guessed night still ran into Thursday and was answered there as an
    // open end of its own: "open end at 00:00 ... until 02:00" after a closed Wednesday.
    const seoul = { lat: 37.5796, lng: 126.977 };
    expect(dayOpenings('(sunset-01:00)+; We off', ['2026-11-05'], seoul)).toEqual([{ date: '2026-11-05', intervals: [['16:30', '18:30']], note: openEndNote('16:30', '18:30') }]);
    expect(dayOpenings('sunset+; We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['17:30', '19:30']]);
    expect(dayOpenings('10:00-sunset+; We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['10:00', '19:30']]);
    expect(dayOpenings('10:00-(sunset+01:00)+; We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['10:00', '20:30']]);
    // Unchanged: a clock-time open end (already cut), the day before the closed one, and every day open.
    expect(dayOpenings('Mo-Su 22:00+; We off', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['22:00', '24:00']]);
    expect(dayOpenings('(sunset-01:00)+; We off', ['2026-11-03', '2026-11-04'], seoul).map((d) => d.intervals)).toEqual([[['16:32', '18:32']], []]);
    expect(dayOpenings('(sunset-01:00)+', ['2026-11-05'], seoul)[0]!.intervals).toEqual([['16:30', '18:30']]);
  });

  it('a sun span with a clock time inside the sun\'s range over the year is closed on a date the sun is on the other side, not a night of ~23 hours', () => {
    // Seoul (Gyeongbokgung). Sunrise runs from 05:10 (June) to 07:47 (January), sunset from 17:13 to 19:57, so the
    // sun time falls on either side of these clock times as the seasons go. The package decides once, with its
    // default sun times (sunrise 06:00, sunset 18:00), whether such a span runs past midnight: `06:30-sunrise` read
    // on 2026-06-21 (sunrise 05:10) as 06:30 to the next day's sunrise, [["00:00","05:10"],["06:30","24:00"]], and
    // `sunset-17:30` every date as sunset to 17:30 the next day (2026-12-21, whose sunset 17:16 is before 17:30: [["00:00","24:00"]]),
    // `18:30-sunset` a winter date as [["00:00","17:16"],["18:30","24:00"]].
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Su 06:30-sunrise', '2026-06-21')).toEqual({
      date: '2026-06-21',
      intervals: [],
      note: 'no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30',
    });
    expect(on('Mo-Su 06:30-sunrise', '2026-12-21')).toEqual({ date: '2026-12-21', intervals: [['06:30', '07:42']] });
    expect(on('Mo-Su 17:00-sunset', '2026-12-21').intervals).toEqual([['17:00', '17:16']]);
    expect(on('Mo-Su 18:30-sunset', '2026-12-21')).toEqual({
      date: '2026-12-21',
      intervals: [],
      note: 'no opening from 18:30 to sunset on this date: sunset is at 17:16, before 18:30',
    });
    expect(on('Mo-Su 18:30-sunset', '2026-06-21').intervals).toEqual([['18:30', '19:56']]);
    expect(on('Mo-Su sunset-17:30', '2026-12-21')).toEqual({ date: '2026-12-21', intervals: [['17:16', '17:30']] });
    expect(on('Mo-Su sunset-17:30', '2026-06-21')).toEqual({
      date: '2026-06-21',
      intervals: [],
      note: 'no opening from sunset to 17:30 on this date: sunset is at 19:56, after 17:30',
    });
    // The package already reads these as the day's (not past midnight with its defaults): no time on a winter or summer date.
    expect(on('Mo-Su sunrise-07:00', '2026-12-21')).toEqual({ date: '2026-12-21', intervals: [], note: 'closed on this date' });
    expect(on('Mo-Su sunrise-07:00', '2026-06-21').intervals).toEqual([['05:10', '07:00']]);
    expect(on('Mo-Su sunset-18:00', '2026-06-21').intervals).toEqual([]);
    expect(on('Mo-Su sunset-18:00', '2026-12-21').intervals).toEqual([['17:16', '18:00']]);
    // The day after an empty date has no early hours from it either; the rule's other spans stay.
    expect(on('Mo-Su 06:30-sunrise', '2026-06-22').intervals).toEqual([]);
    expect(on('Mo-Su 06:30-sunrise,10:00-12:00', '2026-06-21').intervals).toEqual([['10:00', '12:00']]);
    expect(on('Mo-Su 10:00-12:00, 06:30-sunrise open "birdwatching"', '2026-06-21').intervals).toEqual([['10:00', '12:00']]);
    // A night on every date of the year stays a night.
    expect(on('Mo-Su 22:00-sunrise', '2026-06-21').intervals).toEqual([['00:00', '05:10'], ['22:00', '24:00']]);
    expect(on('Mo-Su sunset-02:00', '2026-12-21').intervals).toEqual([['00:00', '02:00'], ['17:16', '24:00']]);
    // The week's hours of a summer week too (they answered 00:00-05:1x and 06:30-24:00 each day).
    expect(weeklyHours('Mo-Su 06:30-sunrise', '2026-06-22', seoul)).toEqual({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
  });

  it('a sun span with an open end after it reads as the same span without it where the sun is on the other side: `06:30-sunrise+` is not open all day', () => {
    // OSM's `<time>-<time>+` (wiki, Key:opening_hours/specification, open end after a fixed time: the proposal
    // "opening_hours open end fixed time extension" the package's README links) opens at the first time and closes at
    // the second or later. The open end kept the span from `sunSpansOn`, so the package read it with its default
    // sunrise (06:00, before 06:30) as a night to the next day's sunrise then an open end: 2026-06-21 (sunrise
    // 05:10) answered [["00:00","24:00"]], a Saturday rule [["05:10","24:00"]], and `06:30-(sunrise+00:30)+`
    // [["05:40","06:30"]], before the place opens. On such a date the span has no time, as without the open end.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Su 06:30-sunrise+', '2026-06-21')).toEqual({
      date: '2026-06-21',
      intervals: [],
      note: 'no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30',
    });
    expect(on('Mo-Fr 10:00-18:00; Sa 06:30-sunrise+', '2026-06-20').intervals).toEqual([]);
    expect(on('Mo-Su 06:30-(sunrise+00:30)+', '2026-06-21')).toEqual({
      date: '2026-06-21',
      intervals: [],
      note: 'no opening from 06:30 to 30 min after sunrise on this date: 30 min after sunrise is at 05:40, before 06:30',
    });
    expect(on('Mo-Su 06:30-sunrise+,10:00-12:00', '2026-06-21').intervals).toEqual([['10:00', '12:00']]);
    // Not a night with the package's default sunrise (06:00): it drops the span but opened its open end at sunrise,
    // before the place opens (05:10-06:00 counted as open).
    expect(on('Mo-Su 06:00-sunrise+', '2026-06-21')).toEqual({
      date: '2026-06-21',
      intervals: [],
      note: 'no opening from 06:00 to sunrise on this date: sunrise is at 05:10, before 06:00',
    });
    expect(on('Mo-Su sunrise-07:00+', '2026-12-21')).toEqual({
      date: '2026-12-21',
      intervals: [],
      note: 'no opening from sunrise to 07:00 on this date: sunrise is at 07:42, after 07:00',
    });
    // A span of no length (sunrise at 06:00 on 2026-04-13), then its open end: an open end at 06:00.
    expect(on('Mo-Su 06:00-sunrise+', '2026-04-13').intervals).toEqual([['06:00', '08:00']]);
    // A date the sun is on its side: the span, then its open end counted as any open end's.
    expect(on('Mo-Su 06:30-sunrise+', '2026-12-21').intervals).toEqual([['06:30', `09:42`]]);
    expect(on('Mo-Su sunrise-07:00+', '2026-06-21').intervals).toEqual([['05:10', '09:00']]);
    // The week's hours of a summer week too.
    expect(weeklyHours('Mo-Su 06:30-sunrise+', '2026-06-22', seoul)).toEqual({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
  });

  it('an open end of unknown state counts as nothing open: `10:00-18:00+ unknown` is not open 10:00-12:00 and 18:00-20:00', () => {
    // OSM's rule modifier `unknown` (wiki Key:opening_hours/specification) makes every time its rule selects of unknown
    // state, an open end's too; README "Opening hours": a time of unknown state is never counted as open. The
    // package answers the rule's span and its open end as unknown intervals, and each was read as an open end:
    // two hours counted open from 10:00 (the span's start) and from 18:00, with the package's guess as a comment.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const uncertain = { date: '2026-11-04', intervals: [], note: 'opening hours uncertain: not counted as open' };
    expect(dayOpenings('Mo-Su 10:00-18:00+ unknown', ['2026-11-04'])[0]).toEqual(uncertain);
    expect(dayOpenings('Mo-Su 18:00+ unknown', ['2026-11-04'])[0]).toEqual(uncertain);
    expect(dayOpenings('Mo-Su 10:00-18:00+ unknown "call first"', ['2026-11-04'])[0]!.note).toBe('call first; opening hours uncertain: not counted as open');
    // A sun span with an open end (9390f6a): 2026-12-21 was open 06:30-09:42.
    expect(dayOpenings('Mo-Su 06:30-sunrise+ unknown', ['2026-12-21'], seoul)[0]!.intervals).toEqual([]);
    // Without `unknown` the open end counts as before; another rule's open end beside an unknown one too.
    expect(dayOpenings('Mo-Su 10:00-18:00+', ['2026-11-04'])[0]!.intervals).toEqual([['10:00', '20:00']]);
    expect(dayOpenings('Mo-Fr 10:00-18:00+; Sa 10:00+ unknown', ['2026-11-04', '2026-11-07']).map((d) => d.intervals)).toEqual([[['10:00', '20:00']], []]);
  });

  it('a holiday a sun span leaves with no time is not called a weekly closing day: `Mo-Su 06:30-sunrise; Sa 10:00-12:00` on Chuseok', () => {
    // Friday 2026-09-25 (Chuseok), sunrise 06:22: the Fridays before and after are closed too (sunrise 06:16, 06:27)
    // and Saturday opens, so the holiday's note read "closed: weekly closing day (Friday); also Chuseok (추석); no
    // opening from 06:30 to sunrise ...", two reasons that deny each other; 2026-09-18, no holiday, gives the sun's alone.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Su 06:30-sunrise; Sa 10:00-12:00', '2026-09-18').note).toBe('no opening from 06:30 to sunrise on this date: sunrise is at 06:16, before 06:30');
    for (const value of ['Mo-Su 06:30-sunrise; Sa 10:00-12:00', 'Mo-Su 06:30-sunrise+; Sa 10:00-12:00']) {
      expect(on(value, '2026-09-25')).toEqual({
        date: '2026-09-25',
        intervals: [],
        note: 'closed on this date; also Chuseok (추석); no opening from 06:30 to sunrise on this date: sunrise is at 06:22, before 06:30',
      });
    }
    // A weekly closing day on a holiday is still said.
    expect(on('Mo-Th,Sa 10:00-18:00', '2026-09-25').note).toBe('closed: weekly closing day (Friday); also Chuseok (추석)');
  });

  it('a sun span on the date its sun time is its clock time: "sunrise is at 06:30 too", not "before 06:30"', () => {
    // Seoul: sunrise 06:30 on 2026-03-24 and 2026-10-05. `06:30-sunrise` has no length there (the date is closed, as
    // on 2026-03-25, sunrise 06:28) and its note said "sunrise is at 06:30, before 06:30", a reason that is not so.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Su 06:30-sunrise', '2026-03-24')).toEqual({ date: '2026-03-24', intervals: [], note: 'no opening from 06:30 to sunrise on this date: sunrise is at 06:30 too' });
    expect(on('Mo-Su 06:30-sunrise', '2026-03-25').note).toBe('no opening from 06:30 to sunrise on this date: sunrise is at 06:28, before 06:30');
    expect(on('Mo-Su 6:30-sunrise', '2026-10-05').note).toMatch(/; no opening from 6:30 to sunrise on this date: sunrise is at 06:30 too$/);
  });

  it('a night to a sun time with an open end after it is closed after a holiday `PH off` closed it: `22:00-sunrise+` on 2026-09-27', () => {
    // Chuseok 2026: 24-26 September, `PH off`. The night of the 26th never opens (OSM: a span past midnight is its start
    // day's), so Sunday the 27th opens at 22:00 only, as `22:00-sunrise` and `22:00-06:00+` answer. The day's own hours
    // (ownDayValue) kept a span with an open end a night, so the early hours read as the 27th's own: [00:00-06:23] open.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    const closedNight = 'no night from Day after Chuseok (추석 다음 날) the day before (closed for the holiday); opens next at 22:00';
    for (const value of ['Mo-Su 22:00-sunrise; PH off', 'Mo-Su 22:00-06:00+; PH off', 'Mo-Su 22:00-sunrise+; PH off']) {
      expect(on(value, '2026-09-27')).toEqual({ date: '2026-09-27', intervals: [['22:00', '24:00']], note: closedNight });
    }
    expect(on('Mo-Su sunset-sunrise+; PH off', '2026-09-27').intervals).toEqual([['18:22', '24:00']]);
    // An ordinary night runs on to sunrise, then its open end counted: 2026-12-05, sunrise 07:31.
    expect(on('Mo-Su 22:00-sunrise+; PH off', '2026-12-05').intervals).toEqual([['00:00', '09:31'], ['22:00', '24:00']]);
  });

  it('a night to a sun time closes at the sun time of the day it ends on, its open end then: `22:00-sunrise+` on a spring date', () => {
    // OSM wiki Key:opening_hours/specification: a time span past midnight runs into the next day, a variable time
    // (`sunrise`) is the sun's time, and `<time>-<time>+` opens on after its close (open end). The night of 2026-03-13
    // ends on the 14th, so at the 14th's sunrise (06:45). The package closed it at the 13th's (06:46), a minute late, and
    // where that is after the day's own sunrise (every date from 2026-01-11 to 2026-06-07: 126 dates) it dropped the
    // open end the sun time starts: [["00:00","06:46"]], two hours counted open lost. `sunset-sunrise+` the same.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    const morning = { date: '2026-03-14', intervals: [['00:00', '08:45'], ['22:00', '24:00']], note: openEndNote('06:45', '08:45') };
    expect(on('Mo-Su 22:00-sunrise+', '2026-03-14')).toEqual(morning);
    expect(on('Mo-Su sunset-sunrise+', '2026-03-14')).toEqual({ ...morning, intervals: [['00:00', '08:45'], ['18:37', '24:00']] });
    // Without the open end: the 14th's sunrise (the place is closed by then), not the 13th's a minute after it.
    expect(on('Mo-Su 22:00-sunrise', '2026-03-14').intervals).toEqual([['00:00', '06:45'], ['22:00', '24:00']]);
    expect(on('Mo-Su sunset-sunrise', '2026-02-10').intervals).toEqual([['00:00', '07:27'], ['18:05', '24:00']]);
    // An autumn date the package already answered so; a Saturday's night ends on Sunday's sunrise.
    expect(on('Mo-Su 22:00-sunrise+', '2026-09-15').intervals).toEqual([['00:00', '08:13'], ['22:00', '24:00']]);
    expect(on('Sa 22:00-sunrise+', '2026-03-15').intervals).toEqual([['00:00', '08:43']]);
  });

  it('names a sun span with an open end only on a date its rule decides: `Mo-Fr 06:30-sunrise+` on a Saturday is closed for the weekend, not for the sun', () => {
    // The open end's span was named on every date (the package's reading opens its open end there), its rule's
    // selectors unread: a summer Saturday and Sunday, a holiday under `PH off`, a week outside `week 01-20` and a
    // Saturday another rule decides all said "no opening from 06:30 to sunrise", as the span without '+' does not.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Fr 06:30-sunrise+', '2026-06-20')).toEqual(on('Mo-Fr 06:30-sunrise', '2026-06-20'));
    expect(on('Mo-Fr 06:30-sunrise+', '2026-06-20')).toEqual({ date: '2026-06-20', intervals: [], note: 'closed on this date' });
    expect(on('Mo-Fr 06:30-sunrise+', '2026-10-03').note).toBe('closed: weekly closing day (Saturday); also National Foundation Day (개천절)');
    expect(on('Mo-Fr 06:30-sunrise+; PH off', '2026-09-25').note).toBe('closed on this date; also Chuseok (추석)');
    expect(on('week 01-20 06:30-sunrise+', '2026-06-22').note).toBe('closed on this date');
    expect(on('Mo-Su 06:30-sunrise+; Sa 10:00-12:00', '2026-06-20')).toEqual({ date: '2026-06-20', intervals: [['10:00', '12:00']] });
    // Still said where the rule decides the date, with a state too.
    expect(on('Mo-Fr 06:30-sunrise+', '2026-06-22').note).toBe('no opening from 06:30 to sunrise on this date: sunrise is at 05:11, before 06:30');
    expect(on('Mo-Su 06:30-sunrise+; Sa 10:00-12:00', '2026-06-21').note).toBe('no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30');
    expect(on('Mo-Su 06:30-sunrise+ unknown', '2026-06-21').note).toBe('no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30');
    expect(on('Mo-Su 06:00-sunrise+', '2026-06-21').note).toBe('no opening from 06:00 to sunrise on this date: sunrise is at 05:10, before 06:00');
  });

  it("says a sun span has no time only on a date its rule decides, not on the day after (whose night from it the package's reading had)", () => {
    // Seoul, June 2026: sunrise 05:1x, before 06:30. Election day (Wed 3 June) is a holiday; 20/21 June are a Saturday and a Sunday.
    // The note was said wherever the package's whole reading differed, and that reading runs the span on to
    // the next day's sunrise, so the day after the span's date carried it too, open on its own hours.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    const empty = (date: string) => `no opening from 06:30 to sunrise on this date: sunrise is at ${date}, before 06:30`;
    expect(on('Mo-Su 10:00-12:00; PH 06:30-sunrise', '2026-06-04')).toEqual({ date: '2026-06-04', intervals: [['10:00', '12:00']] });
    expect(on('Mo-Su 22:00-02:00; Sa 06:30-sunrise', '2026-06-21')).toEqual({ date: '2026-06-21', intervals: [['22:00', '24:00']] });
    // The dates the span's rule decides keep the note.
    expect(on('Mo-Su 10:00-12:00; PH 06:30-sunrise', '2026-06-03').note).toContain(empty('05:11'));
    expect(on('Mo-Su 22:00-02:00; Sa 06:30-sunrise', '2026-06-20')).toEqual({ date: '2026-06-20', intervals: [], note: empty('05:10') });
    expect(on('Mo-Su 06:30-sunrise', '2026-06-22')).toEqual({ date: '2026-06-22', intervals: [], note: empty('05:11') });
  });

  it('names a sun span with no time beside another sun span of its rule that opens the date: `06:30-sunrise,18:30-sunset` in winter', () => {
    // Seoul, 2026-01-04: sunrise 07:47 (after 06:30, so 06:30-sunrise opens), sunset 17:26 (before 18:30, so
    // 18:30-sunset has no time). The note is said where the span alone, read on the date's own hours, would open it;
    // that reading cut the opening span at 24:00 (the package's default sunrise 06:00 is before 06:30), so the date
    // read 06:30-24:00 with or without the empty span and the note was never said: [["06:30","07:47"]] and no note.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Su 06:30-sunrise,18:30-sunset', '2026-01-04')).toEqual({
      date: '2026-01-04',
      intervals: [['06:30', '07:47']],
      note: 'no opening from 18:30 to sunset on this date: sunset is at 17:26, before 18:30',
    });
    expect(on('Mo-Su 06:30-sunrise,sunset-17:30', '2026-01-10')).toEqual({
      date: '2026-01-10',
      intervals: [['06:30', '07:47']],
      note: 'no opening from sunset to 17:30 on this date: sunset is at 17:32, after 17:30',
    });
    // The opening span alone says nothing.
    expect(on('Mo-Su 06:30-sunrise', '2026-01-04')).toEqual({ date: '2026-01-04', intervals: [['06:30', '07:47']] });
  });

  it("names only the sun spans with no time whose rule decides the date, in a traveller's words", () => {
    // Seoul, June 2026: sunrise 05:10 (before 06:30), sunset 19:56 (after 17:30); 20/21 June are a Saturday and a Sunday.
    // Each date's note named every empty span of the value, the Sunday's on the Saturday and the Saturday's on the
    // Sunday, as "06:30-sunrise has no time on this date (sunrise at 05:10, before 06:30): closed, not counted as open".
    const seoul = { lat: 37.5796, lng: 126.977 };
    const value = 'Mo-Fr 10:00-18:00; Sa 06:30-sunrise,10:00-12:00; Su sunset-17:30';
    expect(dayOpenings(value, ['2026-06-20', '2026-06-21', '2026-06-22'], seoul)).toEqual([
      { date: '2026-06-20', intervals: [['10:00', '12:00']], note: 'no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30' },
      { date: '2026-06-21', intervals: [], note: 'no opening from sunset to 17:30 on this date: sunset is at 19:56, after 17:30' },
      { date: '2026-06-22', intervals: [['10:00', '18:00']] },
    ]);
    // A fallback rule's sun span before the span of the rule that decides the date: the spans were counted in the whole
    // value and kept one by one in the rules without the fallback, so Sunday's empty `sunset-17:30` was said as the
    // Saturday fallback's "no opening from 06:30 to sunrise".
    expect(dayOpenings('Mo-Fr 10:00-18:00 || Sa 06:30-sunrise; Su sunset-17:30', ['2026-06-20', '2026-06-21'], seoul)).toEqual([
      { date: '2026-06-20', intervals: [], note: 'no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30' },
      { date: '2026-06-21', intervals: [], note: 'no opening from sunset to 17:30 on this date: sunset is at 19:56, after 17:30' },
    ]);
    // A sun time with an offset, said in words.
    expect(dayOpenings('Mo-Su (sunset+00:30)-18:00', ['2026-06-21'], seoul)[0]!.note).toBe(
      'no opening from 30 min after sunset to 18:00 on this date: 30 min after sunset is at 20:26, after 18:00',
    );
  });

  it('reads a sun word written with capitals (`Sunrise`, `SUNSET`), which the package takes for the lower-case one, by the same rules', () => {
    // Every pattern here read lower case only, so these were the package's alone: `Mo-Su 06:30-Sunrise` on 2026-06-21 (sunrise
    // 05:10) [["00:00","05:10"],["06:30","24:00"]], `Mo-Su SUNSET-17:30` on 2026-12-21 the whole day, and `Sunset-Sunrise; We off`
    // kept Thursday 2026-06-25's 00:00-05:11 of the night Wednesday's rule closed.
    const seoul = { lat: 37.5796, lng: 126.977 };
    expect(dayOpenings('Mo-Su 06:30-Sunrise', ['2026-06-21'], seoul)[0]!.intervals).toEqual([]);
    expect(dayOpenings('Mo-Su SUNSET-17:30', ['2026-12-21'], seoul)[0]!.intervals).toEqual([['17:16', '17:30']]);
    expect(dayOpenings('Sunset-Sunrise; We off', ['2026-06-25'], seoul)[0]!.intervals).toEqual([['19:57', '24:00']]);
    const dates = ['2026-06-21', '2026-06-24', '2026-06-25', '2026-12-21'];
    for (const [written, lower] of [
      ['Mo-Su 06:30-Sunrise', 'Mo-Su 06:30-sunrise'],
      ['Mo-Su SUNSET-17:30', 'Mo-Su sunset-17:30'],
      ['Sunset-Sunrise; We off', 'sunset-sunrise; We off'],
      ['Mo-Su (Dusk-01:00)-22:00 "Sunset walk"', 'Mo-Su (dusk-01:00)-22:00 "Sunset walk"'],
    ]) {
      expect(dayOpenings(written!, dates, seoul)).toEqual(dayOpenings(lower!, dates, seoul));
      expect(weeklyHours(written!, '2026-06-22', seoul)).toEqual(weeklyHours(lower!, '2026-06-22', seoul));
    }
  });

  it('a rule whose every span is a sun span with no time on the date is closed that date, not a value the package cannot parse', () => {
    // Seoul (Gyeongbokgung), 2026-06-21: sunrise 05:10 (before 06:30), sunset 19:56 (after 17:30). Each span alone
    // read that date as closed; the two in one rule left the rule with no time at all, which threw the package's
    // "Unexpected token" on that date (196 dates of 2026), although the value passed the load check (it has no
    // coordinates there): a candidates answer holding such a place failed for every such date.
    const seoul = { lat: 37.5796, lng: 126.977 };
    const on = (value: string, date: string) => dayOpenings(value, [date], seoul)[0]!;
    expect(on('Mo-Su 06:30-sunrise,sunset-17:30', '2026-06-21')).toEqual({
      date: '2026-06-21',
      intervals: [],
      note: [
        'no opening from 06:30 to sunrise on this date: sunrise is at 05:10, before 06:30',
        'no opening from sunset to 17:30 on this date: sunset is at 19:56, after 17:30',
      ].join('; '),
    });
    expect(on('Mo-Su 06:30-sunrise, sunset-17:30 open "bird hide"', '2026-06-21').intervals).toEqual([]);
    // A clock span between them stays; in winter both sun spans have their time.
    expect(on('Mo-Su 06:30-sunrise,10:00-12:00,sunset-17:30', '2026-06-21').intervals).toEqual([['10:00', '12:00']]);
    expect(on('Mo-Su 06:30-sunrise,sunset-17:30', '2026-12-21').intervals).toEqual([['06:30', '07:42'], ['17:16', '17:30']]);
    expect(weeklyHours('Mo-Su 06:30-sunrise,sunset-17:30; Su off', '2026-06-22', seoul)).toEqual({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
  });

  it('a night a later rule shortens ends where that rule ends it, not where the overridden night would: `Mo-Su 18:00-04:00; PH 18:00-02:00`', () => {
    // The day after Chuseok's last day (Sun 27 Sep 2026): the holiday's own night runs to 02:00. The
    // package opened it to 04:00 (the wrapped part of Mo-Su's night matches too, the longer one wins),
    // and counted the holiday's last entry from 04:00 (180 minutes: 01:00, after midnight: [180, 0]).
    const bar = 'Mo-Su 18:00-04:00; PH 18:00-02:00';
    expect(day(bar, '2026-09-27')).toEqual({
      date: '2026-09-27',
      intervals: [['00:00', '02:00'], ['18:00', '24:00']],
      note: 'the night from Day after Chuseok (추석 다음 날) the day before closes at 02:00',
    });
    expect(dayOpenings(bar, ['2026-09-26'], undefined, 180)[0]).toMatchObject({ intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [180, 60] });
    // The same on an ordinary week (Wednesday 4 Nov 2026), in the weekly hours too.
    expect(weeklyHours('Mo-Su 18:00-04:00; We 18:00-02:00', '2026-11-02')).toMatchObject({ wed: [['18:00', '24:00']], thu: [['00:00', '02:00'], ['18:00', '24:00']] });
    // A longer night of the overriding rule runs on; the ordinary nights keep 04:00.
    expect(day('Mo-Su 18:00-02:00; We 18:00-04:00', '2026-11-05').intervals).toEqual([['00:00', '04:00'], ['18:00', '24:00']]);
    expect(day(bar, '2026-11-05').intervals).toEqual([['00:00', '04:00'], ['18:00', '24:00']]);
  });

  it('a holiday the day after ends the night before it at midnight, as the package reads `PH off`: its last entry counts from 24:00', () => {
    // Christmas 2026 is a Friday. The package lets `Fr off` override the Friday's early hours of
    // Thursday's night too (a later rule for a day overrides all of it), so `PH off` does the same:
    // the night of the 24th closes at 24:00 and the last order is at 23:00. Before, the day after
    // was read without its holiday: a close at 02:00, last entry 0 before midnight, a 23:10 visit planned.
    const bar = 'Mo-Su 18:00-02:00; PH off';
    expect(dayOpenings('Mo-Su 18:00-02:00; Fr off', ['2026-12-24'], undefined, 60)[0]!.lastEntryMinutes).toEqual([60, 60]);
    expect(dayOpenings(bar, ['2026-12-23', '2026-12-24', '2026-12-25'], undefined, 60).map((d) => [d.date, d.intervals, d.lastEntryMinutes])).toEqual([
      ['2026-12-23', [['00:00', '02:00'], ['18:00', '24:00']], [60, 0]],
      ['2026-12-24', [['00:00', '02:00'], ['18:00', '24:00']], [60, 60]],
      ['2026-12-25', [], []],
    ]);
  });

  it('the day after a holiday says its night was cut only where the holiday cut it: not an open end\'s guessed night, not a closing day\'s', () => {
    // The package ends `10:00-18:00+`'s guessed night at 24:00 on every day (an open end from before 17:00 runs to the
    // end of the day) though it opens 00:00-04:00 the day after: never counted, on any date. After a holiday that
    // was said as the holiday's doing, "no night from Chuseok (추석) the day before: closed until 04:00", although no
    // rule names holidays; likewise a Saturday after a holiday Friday with `Fr off` (the night never opens on a Friday).
    expect(day('Mo-Su 10:00-18:00+', '2026-09-27')).toEqual({ date: '2026-09-27', intervals: [['10:00', '20:00']], note: openEndNote('18:00', '20:00') });
    expect(day('Mo-Su 10:00-18:00+', '2026-10-04').note).toBe(openEndNote('18:00', '20:00'));
    expect(day('Mo-Fr 18:00-02:00; Fr off || "call"', '2026-09-26').note).toBe(`Day after Chuseok (추석 다음 날); call; ${UNCERTAIN_NOTE}`);
    // Unchanged: a night the holiday's own rule closed is said.
    expect(day('Mo-Su 18:00-02:00; PH off', '2026-09-27').note).toBe('no night from Day after Chuseok (추석 다음 날) the day before (closed for the holiday); opens next at 18:00');
    expect(day('Mo-Su 18:00-04:00; PH 18:00-02:00', '2026-09-27').note).toBe('the night from Day after Chuseok (추석 다음 날) the day before closes at 02:00');
  });

  it('the day after a holiday says its night is closed for the holiday and when the place opens next, not where the night would have ended', () => {
    // The note said "closed until <the night's end>": for an open end the package's guessed close ('Mo-Su 18:00-00:00+;
    // PH off' on 2026-09-27: "closed until 08:00", a time the value never gives), and for any night a time the place
    // does not open at ("closed until 02:00" of a bar that opens at 18:00).
    const note = (holiday: string, next: string) => `no night from ${holiday} the day before (closed for the holiday); opens next ${next}`;
    expect(day('Mo-Su 18:00-00:00+; PH off', '2026-09-27')).toEqual({ date: '2026-09-27', intervals: [['18:00', '24:00']], note: note('Day after Chuseok (추석 다음 날)', 'at 18:00') });
    expect(day('Mo-Su 18:00+; PH off', '2026-09-27').note).toBe(`${note('Day after Chuseok (추석 다음 날)', 'at 18:00')}; ${openEndNote('18:00', '20:00')}`);
    // Closed that date: the next date that opens, past a holiday that closes too (Hangul Day, Friday 2026-10-09).
    expect(day('Fr-Sa 22:00-04:00; PH off', '2026-10-04').note).toBe(note('National Foundation Day (개천절)', 'on Saturday 2026-10-10 at 22:00'));
    // None within a week: the holiday alone.
    expect(day('Sa 18:00-02:00; PH off; 2026 Oct 05-2026 Oct 11 off', '2026-10-04').note).toBe('no night from National Foundation Day (개천절) the day before (closed for the holiday)');
  });

  it('a night a later rule closes has no open end after its fixed close either: 18:00-02:00+ after PH off, We off', () => {
    // The night's early hours were closed up to its fixed close (02:00), but its open end from 02:00, the same night
    // (`<time>-<time>+`), still counted 02:00-04:00 on the day after the holiday: [["02:00","04:00"],["18:00","24:00"]],
    // as on a Thursday after `We off`.
    const bar = 'Mo-Su 18:00-02:00+; PH off';
    expect(day(bar, '2026-09-27')).toEqual({
      date: '2026-09-27',
      intervals: [['18:00', '24:00']],
      note: 'no night from Day after Chuseok (추석 다음 날) the day before (closed for the holiday); opens next at 18:00',
    });
    expect(day('Mo-Su 18:00-02:00+; We off', '2026-11-05')).toEqual({ date: '2026-11-05', intervals: [['18:00', '24:00']] });
    expect(weeklyHours('Mo-Su 18:00-02:00+; We off', '2026-11-02').thu).toEqual([['18:00', '24:00']]);
    // Unchanged: an ordinary night runs into its open end, counted two hours from the fixed close.
    expect(day(bar, '2026-09-28')).toEqual({ date: '2026-09-28', intervals: [['00:00', '04:00'], ['18:00', '24:00']], note: openEndNote('02:00', '04:00') });
  });

  it('the night before a public holiday that cuts an open end at 24:00 says so too: 18:00-00:00+, 23:00+', () => {
    // An evening that runs on into an open end (`18:00-00:00+`: 00:00-02:00 the next day) ends at 24:00 before Christmas,
    // its last entry 23:00 with the row's 60 ([0, 60], where other nights give [0, 0]), and the note said nothing.
    expect(dayOpenings('Mo-Su 18:00-00:00+; PH off', ['2026-12-23', '2026-12-24'], undefined, 60)).toEqual([
      { date: '2026-12-23', intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [0, 0], note: openEndNote('00:00', '02:00') },
      { date: '2026-12-24', intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [0, 60], note: `the night before Christmas Day (기독탄신일) closes at 24:00; ${openEndNote('00:00', '02:00')}` },
    ]);
    expect(day('Mo-Su 23:00+; PH off', '2026-12-24').note).toMatch(/^the night before Christmas Day \(기독탄신일\) closes at 24:00; /);
    // Not said where the open end ends at 24:00 on any night (22:00+ counted 22:00-24:00), nor before an ordinary day.
    expect(day('Mo-Su 22:00+; PH off', '2026-12-24').note).toBe(openEndNote('22:00', '00:00'));
    expect(day('Mo-Su 10:00-18:00+; PH off', '2026-12-24').note).toBe(openEndNote('18:00', '20:00'));
  });

  it('the night before a public holiday that closes at 24:00 says so, as the night after one does', () => {
    // Christmas 2026 is a Friday: the 24th's night ends at 24:00 (its last order at 23:00, [60, 60]), kept on
    // purpose, but its note said nothing, so a traveller read the place's usual 02:00 close elsewhere and
    // nothing said why the last entry was at 23:00.
    expect(dayOpenings('Mo-Su 18:00-02:00; PH off', ['2026-12-24'], undefined, 60)).toEqual([
      { date: '2026-12-24', intervals: [['00:00', '02:00'], ['18:00', '24:00']], lastEntryMinutes: [60, 60], note: 'the night before Christmas Day (기독탄신일) closes at 24:00' },
    ]);
    // Holiday hours after it end the night the same way (the package's reading of a later rule for a day).
    expect(day('Mo-Su 18:00-02:00; PH 10:00-14:00', '2026-09-23').note).toBe('the night before Day before Chuseok (추석 전날) closes at 24:00');
    // No note where nothing is shortened: a night that ends at 24:00 anyway, an ordinary night, a
    // holiday's own night that its rule closes at 02:00 (its note says holiday hours).
    expect(day('Mo-Su 18:00-24:00; PH off', '2026-12-24').note).toBeUndefined();
    expect(day('Mo-Su 18:00-02:00; PH off', '2026-12-23').note).toBeUndefined();
    expect(day('Mo-Su 18:00-04:00; PH 18:00-02:00', '2026-09-24').note).toBe('holiday hours: Day before Chuseok (추석 전날)');
  });

  it('years the gazette has not published are evaluated without holidays, and say so', () => {
    expect(day(MUSEUM, '2028-10-03')).toEqual({ date: '2028-10-03', intervals: [['10:00', '18:00']], note: 'public holidays of 2028 are not published yet: holiday closures are not included' });
  });

  it('years before the calendar (the API takes 2000 on, the gazette package starts in 2018) say they are not in it, not that they are unpublished', () => {
    expect(HOLIDAY_YEARS[0]).toBe(2018);
    // Chuseok 2005 (Sep 18) and New Year's Day 2000: evaluated without holidays.
    expect(day(MUSEUM, '2005-09-18')).toEqual({ date: '2005-09-18', intervals: [['10:00', '18:00']], note: 'public holidays before 2018 are not in the calendar: holiday closures are not included' });
    expect(day(MUSEUM, '2017-12-31').note).toBe('public holidays before 2018 are not in the calendar: holiday closures are not included');
    expect(day(MUSEUM, '2000-01-01').note).toBe('public holidays before 2018 are not in the calendar: holiday closures are not included');
    expect(day(OFFICE, '2018-01-01')).toEqual({ date: '2018-01-01', intervals: [['10:00', '16:00']], note: "holiday hours: New Year's Day (1월 1일)" });
  });
});

describe('values the service cannot evaluate are refused with a reason', () => {
  it.each([
    ['', 'empty'],
    ['Mo-Fr 9-18 open sometimes', 'cannot evaluate'],
    ['PH +1 day off', 'day offset'],
    ['Mo-Fr 09:00-18:00; SH off', 'school holidays'],
    // A rule's own last entry the service cannot read would be ignored: refused at load, not dropped.
    ['Nov-Feb 07:00-18:00 open "last entry an hour or so before closing"', 'gives a last entry it cannot read'],
    ['Mo-Su 11:00-22:00 open "라스트오더 영업 종료 전"', 'gives a last entry it cannot read'],
    ['Mo-Su 09:00-18:00 open "last ticket sold at dusk"', 'gives a last entry it cannot read'],
  ])('%j', (value, reason) => {
    expect(openingHoursProblem(value)).toContain(reason);
  });

  it('refuses, at the place, a sun time whose offset leaves its day on some date: it threw or opened the whole day there', () => {
    // Seoul (Gyeongbokgung): sunrise 05:10-07:47, sunset 17:13-19:57 over the year. The package checks an offset against
    // its default sun times only (06:00 less 6 hours is 00:00), so these were accepted and on 2026-06-21
    // `(sunrise-06:00)-01:00` threw "infinite loop in nextChange" and `00:30-(sunset+05:00)` answered [["00:00","24:00"]].
    const seoul = { lat: 37.5796, lng: 126.977 };
    expect(() => dayOpenings('Mo-Su (sunrise-06:00)-01:00', ['2026-06-21'], seoul)).toThrow(/infinite loop/);
    expect(dayOpenings('Mo-Su 00:30-(sunset+05:00)', ['2026-06-21'], seoul)[0]!.intervals).toEqual([['00:00', '24:00']]);
    expect(openingHoursProblem('Mo-Su (sunrise-06:00)-01:00', seoul)).toBe('(sunrise-06:00) is before midnight at this place on some dates (sunrise as early as 05:10): write a clock time or a smaller offset');
    expect(openingHoursProblem('Mo-Su 00:30-(sunset+05:00)', seoul)).toBe('(sunset+05:00) is past midnight at this place on some dates (sunset as late as 19:57): write a clock time or a smaller offset');
    // Within the day all year: accepted, as without the place's coordinates.
    expect(openingHoursProblem('Mo-Su (sunrise-01:00)-(sunset+01:00)', seoul)).toBeUndefined();
    expect(openingHoursProblem('Mo-Su (sunrise-06:00)-01:00')).toBeUndefined();
    // The data files' and the importer's check reads it at the row's own place.
    const [row] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../data/places/seoul.json'), 'utf8')) as Record<string, unknown>[];
    expect(checkPlaceRecord({ ...row, openingHoursOsm: 'Mo-Su 00:30-(sunset+05:00)' })).toEqual({ ok: false, problems: [expect.stringMatching(/^\/openingHoursOsm \(sunset\+05:00\) is past midnight at this place/)] });
  });

  it('lists, not throws, a sun time with an offset at a place where the sun does not rise on some date', () => {
    // A row whose coordinates are wrong (78.2 N, Svalbard, given for Seoul) has no sunrise in winter: the offset's
    // check asked the package for the year's sunrise and its RangeError ("Variable time "sunrise" does not occur on this
    // date") threw out of checkPlaceRecord, where the row's problems are listed; the value without an offset was listed.
    const north = { lat: 78.2, lng: 15.6 };
    expect(openingHoursProblem('Mo-Su 06:30-sunrise', north)).toMatch(/cannot evaluate it/);
    expect(openingHoursProblem('Mo-Su (sunrise-01:00)-sunset', north)).toMatch(/^opening_hours cannot evaluate it at this place: Variable time "sunrise" does not occur/);
    const [row] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../data/places/seoul.json'), 'utf8')) as Record<string, unknown>[];
    const checked = checkPlaceRecord({ ...row, ...north, openingHoursOsm: 'Mo-Su (sunrise-01:00)-sunset' });
    expect(checked).toEqual({ ok: false, problems: [expect.stringMatching(/is outside the seoul region$/), expect.stringMatching(/^\/openingHoursOsm opening_hours cannot evaluate it at this place/)] });
  });

  it('refuses a sun time with an offset out of its day whatever its capitals, as the answers read it', () => {
    // The answers put sun words in lower case (withSunWordsLower), the load check did not: its offset pattern read lower
    // case only, so `00:30-(Sunset+05:00)` loaded and answered Seoul's 2026-06-21 [["00:00","24:00"]], as the lower-case
    // spelling the same check refuses.
    const seoul = { lat: 37.5796, lng: 126.977 };
    expect(dayOpenings('Mo-Su 00:30-(Sunset+05:00)', ['2026-06-21'], seoul)[0]!.intervals).toEqual([['00:00', '24:00']]);
    for (const [written, lower] of [
      ['Mo-Su 00:30-(Sunset+05:00)', 'Mo-Su 00:30-(sunset+05:00)'],
      ['Mo-Su 00:30-(SUNSET+05:00) "Sunset walk"', 'Mo-Su 00:30-(sunset+05:00) "Sunset walk"'],
      ['Mo-Su (Dawn-05:00)-10:00', 'Mo-Su (dawn-05:00)-10:00'],
      ['Mo-Su (Sunrise-01:00)-(Sunset+01:00)', 'Mo-Su (sunrise-01:00)-(sunset+01:00)'],
    ]) {
      expect(openingHoursProblem(written!, seoul)).toBe(openingHoursProblem(lower!, seoul));
    }
    expect(openingHoursProblem('Mo-Su 00:30-(Sunset+05:00)', seoul)).toMatch(/^\(sunset\+05:00\) is past midnight at this place/);
    const [row] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../data/places/seoul.json'), 'utf8')) as Record<string, unknown>[];
    expect(checkPlaceRecord({ ...row, openingHoursOsm: 'Mo-Su 00:30-(Sunset+05:00)' })).toEqual({ ok: false, problems: [expect.stringMatching(/^\/openingHoursOsm \(sunset\+05:00\) is past midnight at this place/)] });
  });

  it('evaluates a value with a sun time at the row\'s place on the dates of the year\'s sun extremes: one that fails only there is refused at load', () => {
    // The package reads `Sunrise` as `sunrise`, so this threw "infinite loop in nextChange" at Gyeongbokgung on every June date
    // (sunrise 05:10) while the check evaluated it on one date at the package's constant sun times. Evaluated at the sun
    // extremes it was refused ("cannot evaluate it at this place on 2026-06-07"); read in lower case as the answers read it,
    // its offset is refused first, as the lower-case spelling's.
    const seoul = { lat: 37.5796, lng: 126.977 };
    expect(() => dayOpenings('Mo-Su (Sunrise-06:00)-01:00', ['2026-06-21'], seoul)).toThrow(/infinite loop/);
    expect(openingHoursProblem('Mo-Su (Sunrise-06:00)-01:00', seoul)).toBe('(sunrise-06:00) is before midnight at this place on some dates (sunrise as early as 05:10): write a clock time or a smaller offset');
    const [row] = JSON.parse(readFileSync(path.join(import.meta.dirname, '../data/places/seoul.json'), 'utf8')) as Record<string, unknown>[];
    expect(checkPlaceRecord({ ...row, openingHoursOsm: 'Mo-Su (Sunrise-06:00)-01:00' })).toEqual({ ok: false, problems: [expect.stringMatching(/^\/openingHoursOsm \(sunrise-06:00\) is before midnight at this place/)] });
    // Without coordinates, as before; values that evaluate at the place all year stay accepted there.
    expect(openingHoursProblem('Mo-Su (Sunrise-06:00)-01:00')).toBeUndefined();
    for (const value of ['Mo-Su sunrise-sunset', 'Mo-Su 06:30-sunrise,sunset-17:30', 'Mo-Su (dawn-00:30)-(dusk+01:00); PH off', 'Mo-Su 22:00-sunrise', PALACE]) {
      expect(openingHoursProblem(value, seoul)).toBeUndefined();
    }
  });

  it.each([PALACE, MUSEUM, OFFICE, '24/7', 'Mo-Su 07:00-20:00; Mo[1] off', 'Mo-Fr 09:00-18:00 "by appointment"', 'sunrise-sunset'])('accepts %j', (value) => {
    expect(openingHoursProblem(value)).toBeUndefined();
  });
});

it('gives byte-identical answers whatever the server time zone, daylight-saving days included', async () => {
  const run = promisify(execFile);
  const script = path.join(import.meta.dirname, 'support', 'openings-in-this-zone.ts');
  const zones = ['UTC', 'Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Pacific/Chatham', 'America/St_Johns'];
  const outputs = await Promise.all(
    zones.map(async (tz) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], { env: { PATH: process.env.PATH, TZ: tz }, cwd: path.join(import.meta.dirname, '..') });
      return JSON.parse(stdout) as { zone: string; tz: string; weeks: unknown; days: unknown };
    }),
  );
  // Each process really ran in its zone (and came back to it after every evaluation).
  expect(outputs.map((o) => o.tz)).toEqual(zones);
  expect(outputs.map((o) => o.zone)).toEqual(zones);
  const [first, ...rest] = outputs.map((o) => JSON.stringify({ weeks: o.weeks, days: o.days }));
  for (const other of rest) expect(other).toBe(first);
  // And the answer is the Seoul one: the night of Mar 7-8 is not shortened by New York's change.
  expect((outputs[0]!.days as { intervals: unknown }[][])[3]![0]!.intervals).toEqual([['01:30', '03:30']]);
});

describe('the parse cache (issue 15: about 29 KiB per parsed value)', () => {
  it('holds one candidates answer of values, so computing one does not re-parse them all', () => {
    expect(PARSED_VALUES_MAX).toBeGreaterThanOrEqual(LIMITS.candidates);
  });

  it('stands `PH` on an ordinary day for a weekday that reaches neither that day nor from the day before, nor is the day after, in two variants only', () => {
    const week = Array.from({ length: 7 }, (_, i) => addDays('2026-09-28', i));
    for (const date of week) expect([dayOfWeek(date), dayOfWeek(addDays(date, -1)), dayOfWeek(addDays(date, 1))]).not.toContain(unreachingWeekday(date));
    expect(new Set(week.map(unreachingWeekday)).size).toBe(2);
  });

  it('does not let `PH off` cut an ordinary night at midnight: the last entry counts from its real close on every weekday', () => {
    // 2026-12-07..13, no public holiday: a bar open 18:00-02:00 with last order 01:00 has none before
    // midnight (0) any night. Before, on the Tuesday `PH` stood for Wednesday, the day after, whose
    // `off` ended Tuesday's night at 24:00 in the read of its real close: last entry 23:00.
    const week = Array.from({ length: 7 }, (_, i) => addDays('2026-12-07', i));
    const days = dayOpenings('Mo-Su 18:00-02:00; PH off', week, undefined, 60);
    expect(days.map((d) => [d.date, d.intervals, d.lastEntryMinutes])).toEqual(week.map((date) => [date, [['00:00', '02:00'], ['18:00', '24:00']], [60, 0]]));
  });
});
