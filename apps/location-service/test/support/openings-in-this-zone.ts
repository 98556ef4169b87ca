/**
 * Prints, as JSON, the weekly hours and real openings of a set of values over dates that include
 * Korean holidays and the daylight-saving changes of the zones the test runs this under (TZ).
 */
import { dayOpenings, weeklyHours } from '../../src/domain/opening-hours.ts';

const VALUES = [
  'Mo,We-Su 09:00-18:00; Tu off',
  'Tu-Su 10:00-18:00; Mo off; PH off',
  'Mo-Fr 09:00-18:00; PH 10:00-16:00',
  'Mo-Su 01:30-03:30',
  'Mo-Su 22:00-02:00; PH off',
  'Mo-Su 07:00-20:00; Mo[1] off',
  'Apr-Oct Mo-Su 09:00-19:00; Nov-Mar Mo-Su 09:00-17:00',
];
// US and EU daylight-saving changes, Chatham's, Korean holidays around them.
const DATES = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-24', '2026-09-25', '2026-09-26', '2026-09-27', '2026-10-05', '2026-11-01', '2027-03-14', '2027-09-14', '2027-09-15'];

console.log(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, tz: process.env.TZ, weeks: VALUES.map((v) => weeklyHours(v, '2026-03-02')), days: VALUES.map((v) => dayOpenings(v, DATES)) }));
