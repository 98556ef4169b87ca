/** Korean public holidays as the gazette package publishes them, named for travellers. */
import { describe, expect, it } from 'vitest';
import { HOLIDAY_YEARS, holidayName, publicHolidays } from '../src/domain/holidays.ts';

describe('publicHolidays', () => {
  it('covers 2026 and 2027 (the trips being planned now)', () => {
    expect(HOLIDAY_YEARS).toEqual(expect.arrayContaining([2026, 2027]));
  });

  it.each([
    ['2026-09-25', ['Chuseok (추석)']],
    ['2026-09-24', ['Day before Chuseok (추석 전날)']],
    ['2027-09-15', ['Chuseok (추석)']],
    ['2026-02-17', ['Seollal (Lunar New Year) (설날)']],
    ['2027-02-09', ['Substitute holiday for Seollal (Lunar New Year) (대체공휴일(설날))']],
    ['2026-05-24', ["Buddha's Birthday (부처님 오신 날)"]],
    ['2026-05-25', ["Substitute holiday for Buddha's Birthday (대체공휴일(부처님 오신 날))"]],
    ['2026-06-03', ['Election day (전국동시지방선거)']],
    ['2026-09-23', []],
  ])('%s', (date, names) => {
    expect(publicHolidays(date)).toEqual({ known: true, names });
  });

  it('says when a year is not published rather than guessing', () => {
    expect(publicHolidays(`${Math.max(...HOLIDAY_YEARS) + 1}-01-01`)).toEqual({ known: false });
  });

  it('keeps an unknown name as the gazette writes it', () => {
    expect(holidayName('새로운 공휴일')).toBe('새로운 공휴일');
    expect(holidayName('임시공휴일(대통령선거)')).toBe('Temporary public holiday: Election day (임시공휴일(대통령선거))');
  });
});
