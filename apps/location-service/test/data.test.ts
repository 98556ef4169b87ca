/**
 * The data set shipped with the service (data/places/*.json): every row passes the loader's checks
 * and loads idempotently into a real location_db; about 200 places in Seoul and 100 on Jeju cover
 * every catalog category, each naming where its facts come from; weekly closing days are there;
 * and the real opening of well-known rows on Korean holidays and closing days is right.
 */
import { PLACE_CATEGORIES } from '@tripgen/catalog';
import { createTestDatabase, testPrismaClient } from '@tripgen/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFiles, loadPlaces, readPlaceFiles } from '../src/data/load.ts';
import { HOLIDAY_YEARS, publicHolidays } from '../src/domain/holidays.ts';
import { addDays, dayOpenings, weeklyHours } from '../src/domain/opening-hours.ts';
import type { PlaceRecord } from '../src/domain/schemas.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { isLastEntry } from '../src/domain/last-entry.ts';
import { DATA_SET } from './data-set.ts';
import { MIGRATIONS_DIR } from './harness.ts';
import { noteLastEntryDisagreements } from './support/note-last-entries.ts';

let places: PlaceRecord[];
beforeAll(async () => {
  places = await readPlaceFiles(await dataFiles(DATA_SET.placesDir));
});
const place = (id: string) => places.find((p) => p.id === id)!;
const open = (id: string, date: string) => dayOpenings(place(id).openingHoursOsm, [date], place(id))[0]!;

describe('the shipped data set', () => {
  it('has at least 300 real places, about 200 in Seoul and 100 on Jeju, covering every category', () => {
    expect(places.length).toBeGreaterThanOrEqual(300);
    const seoul = places.filter((p) => p.region === 'seoul').length;
    const jeju = places.filter((p) => p.region === 'jeju').length;
    expect(seoul).toBeGreaterThanOrEqual(190);
    expect(jeju).toBeGreaterThanOrEqual(95);
    expect(new Set(places.map((p) => p.category))).toEqual(new Set(PLACE_CATEGORIES));
  });

  it('names where the facts of every row come from', () => {
    for (const p of places) {
      expect(p.provenance.source.trim(), p.id).not.toBe('');
      expect(p.provenance.sourceId.trim(), p.id).not.toBe('');
      expect(p.provenance.licence.trim(), p.id).not.toBe('');
      expect(p.provenance.retrievedOn, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has weekly closing days where places have them (palaces, museums)', () => {
    const closedOneWeekday = places.filter((p) => Object.values(weeklyHours(p.openingHoursOsm, '2026-10-12', p)).filter((d) => d.length === 0).length === 1);
    expect(closedOneWeekday.length).toBeGreaterThanOrEqual(30);
    expect(closedOneWeekday.map((p) => p.category)).toEqual(expect.arrayContaining(['palace', 'museum']));
    expect(weeklyHours(place('seoul-gyeongbokgung').openingHoursOsm, '2026-10-12').tue).toEqual([]);
  });

  it('carries a last entry on every row whose note gives one, and an entry window on the trails whose hours are one', () => {
    // The note is where a maintainer writes what the page said; the fields are what the planner reads.
    const saysLastEntry = (p: PlaceRecord) =>
      /\blast (entry|admission|ticket|order|train)\b|\b(ticketing|tickets|admission) (until|ends)\b|\bticket office closes\b/i.test(p.note ?? '');
    const saysEntryWindow = (p: PlaceRecord) => /\bhours are the entry window\b/i.test(p.note ?? '');
    const ids = (rows: PlaceRecord[]) => rows.map((p) => p.id);
    expect(ids(places.filter((p) => p.visitMayRunPastClose))).toEqual(ids(places.filter(saysEntryWindow)));
    expect(ids(places.filter((p) => p.visitMayRunPastClose))).toEqual(['jeju-hallasan-seongpanak-trail', 'jeju-hallasan-yeongsil-trail']);
    const hoursOnly = places.filter((p) => !p.visitMayRunPastClose);
    expect(ids(hoursOnly.filter((p) => p.lastEntryMinutes !== undefined))).toEqual(ids(hoursOnly.filter(saysLastEntry)));
    expect(place('seoul-changdeokgung-huwon').lastEntryMinutes).toBe(120);
    expect(place('seoul-gyeongbokgung').lastEntryMinutes).toBe(60);
  });

  it('gives each row the last entry its note says, read as the importer reads one: "Last entry 17:00" of 09:00-18:00 is 60', () => {
    // The note is what the page said; nothing compared it with the figure the planner reads, so a row
    // whose note says "last entry 1 h before closing" could carry 30 unseen.
    const disagreements = places.map((p) => [p.id, p.lastEntryMinutes, noteLastEntryDisagreements(p)] as const).filter(([, , d]) => d.length);
    expect(disagreements).toEqual([]);
    // The check reads them (about 25 rows' notes give one it reads), and fails on a figure that disagrees.
    expect(places.filter((p) => (p.note ?? '').split(/[.;,()]/).some((c) => isLastEntry(c.trim()))).length).toBeGreaterThanOrEqual(20);
    const gyeongbokgung = place('seoul-gyeongbokgung');
    expect(noteLastEntryDisagreements({ ...gyeongbokgung, lastEntryMinutes: 30 })).toEqual([{ clause: 'Last entry 1 h before closing', gaps: [60] }]);
    expect(noteLastEntryDisagreements({ ...place('seoul-war-memorial-of-korea'), lastEntryMinutes: undefined })).toEqual([{ clause: 'Last entry 17:00', gaps: [60] }]);
    // A clock time counts on the intervals it falls within: the National Palace Museum's 17:00 is the weekdays' (17:30 close), 30.
    expect(noteLastEntryDisagreements(place('seoul-national-palace-museum'))).toEqual([]);
    expect(noteLastEntryDisagreements({ ...place('seoul-national-palace-museum'), lastEntryMinutes: 60 })).toHaveLength(1);
    // The end of ticket sales and "about" a figure are read too: four notes give "last ticket 17:30" or "17:00", the
    // COEX Aquarium's "last entry about 1 h before closing" (before: not read, so not compared).
    const lastTicket = ['jeju-folklore-natural-history-museum', 'jeju-gwandeokjeong-mokgwana', 'jeju-haenyeo-museum', 'jeju-stone-park', 'seoul-coex-aquarium'];
    for (const id of lastTicket) expect(noteLastEntryDisagreements({ ...place(id), lastEntryMinutes: 45 }), id).toHaveLength(1);
    expect(noteLastEntryDisagreements({ ...place('jeju-stone-park'), lastEntryMinutes: 30 })).toEqual([{ clause: 'last ticket 17:00', gaps: [60] }]);
    expect(noteLastEntryDisagreements({ ...place('seoul-coex-aquarium'), lastEntryMinutes: undefined })).toEqual([{ clause: 'last entry about 1 h before closing', gaps: [60] }]);
    // The end of ticket sales or admission "until" a time or before closing, as five notes give it (before: not read, so
    // not compared): Aqua Planet's "ticketing until 17:50" (70), Camellia Hill's "ticketing ends 1 h before closing",
    // Cheonjiyeon's "admission until about 21:20" (40), Jeolmul's "tickets until 18:00" (120), Seongsan's "tickets until 1 h before closing".
    const ticketsUntil = ['jeju-aqua-planet', 'jeju-camellia-hill', 'jeju-cheonjiyeon-falls', 'jeju-jeolmul-forest', 'jeju-seongsan-ilchulbong'];
    for (const id of ticketsUntil) expect(noteLastEntryDisagreements({ ...place(id), lastEntryMinutes: 45 }), id).toHaveLength(1);
    expect(noteLastEntryDisagreements({ ...place('jeju-camellia-hill'), lastEntryMinutes: undefined })).toEqual([{ clause: 'ticketing ends 1 h before closing', gaps: [60] }]);
    // A park's last train (before: not read, so Ecoland's 60 was not compared): "last train 17:30" of 08:30-18:30 is 60
    // (of Nov-Feb's 08:30-17:30, 0: its "16:30 in Nov-Feb" is prose the reader leaves).
    expect(noteLastEntryDisagreements(place('jeju-ecoland'))).toEqual([]);
    expect(noteLastEntryDisagreements({ ...place('jeju-ecoland'), lastEntryMinutes: 30 })).toEqual([{ clause: 'last train 17:30', gaps: [0, 60] }]);
  });

  it('gives a last entry that differs by season per rule: Jeolmul\'s tickets until 18:00, 17:00 in November-February', () => {
    const jeolmul = place('jeju-jeolmul-forest');
    const [summer, winter] = dayOpenings(jeolmul.openingHoursOsm, ['2026-07-01', '2026-12-23'], jeolmul, jeolmul.lastEntryMinutes);
    // The row's one figure (120, the summer gap) made the winter's last start 16:00, an hour early.
    expect(summer).toMatchObject({ intervals: [['07:00', '20:00']], lastEntryMinutes: [120] });
    expect(winter).toMatchObject({ intervals: [['07:00', '18:00']], lastEntryMinutes: [60] });
  });

  it('loads into location_db, and loading it again changes nothing', async () => {
    const db = await createTestDatabase('location_data', MIGRATIONS_DIR);
    const prisma = testPrismaClient(PrismaClient, db.url, 2);
    try {
      const files = await dataFiles(DATA_SET.placesDir);
      expect(await loadPlaces(prisma, files, DATA_SET.removedFile)).toMatchObject({ places: places.length, inserted: places.length, updated: 0 });
      expect(await loadPlaces(prisma, files, DATA_SET.removedFile)).toMatchObject({ inserted: 0, updated: 0, unchanged: places.length });
    } finally {
      await prisma.$disconnect();
      await db.drop();
    }
  });
});

describe('real openings of shipped rows on Korean holidays and weekly closing days', () => {
  it('Gyeongbokgung: closed on an ordinary Tuesday, open on a holiday Tuesday (Chuseok eve 2027), autumn hours', () => {
    expect(open('seoul-gyeongbokgung', '2026-09-29')).toEqual({ date: '2026-09-29', intervals: [], note: 'closed: weekly closing day (Tuesday)' });
    expect(open('seoul-gyeongbokgung', '2027-09-14')).toEqual({ date: '2027-09-14', intervals: [['09:00', '18:00']], note: 'open on the holiday: Day before Chuseok (추석 전날)' });
    expect(open('seoul-gyeongbokgung', '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [['09:00', '18:00']], note: 'Chuseok (추석): usual hours' });
    // Winter hours on a Seollal Tuesday (2026-02-17).
    expect(open('seoul-gyeongbokgung', '2026-02-17').intervals).toEqual([['09:00', '17:00']]);
  });

  it('National Museum of Korea: closed on Chuseok 2026 and 2027 (dated rules) and on the first Monday of September', () => {
    expect(open('seoul-national-museum-of-korea', '2026-09-25')).toEqual({ date: '2026-09-25', intervals: [], note: 'closed on this date; also Chuseok (추석)' });
    expect(open('seoul-national-museum-of-korea', '2027-09-15')).toEqual({ date: '2027-09-15', intervals: [], note: 'closed on this date; also Chuseok (추석)' });
    expect(open('seoul-national-museum-of-korea', '2026-09-24')).toEqual({ date: '2026-09-24', intervals: [['09:30', '17:30']], note: 'Day before Chuseok (추석 전날): usual hours' });
    expect(open('seoul-national-museum-of-korea', '2026-09-07')).toEqual({ date: '2026-09-07', intervals: [], note: 'closed on this date' });
  });

  it('Changdeokgung: closed on an ordinary Monday, open on the substitute holiday Monday 2026-10-05, closed the next day instead', () => {
    expect(open('seoul-changdeokgung', '2026-10-12')).toEqual({ date: '2026-10-12', intervals: [], note: 'closed: weekly closing day (Monday)' });
    expect(open('seoul-changdeokgung', '2026-10-05').intervals).toEqual([['09:00', '18:00']]);
    expect(open('seoul-changdeokgung', '2026-10-06').intervals).toEqual([]);
  });

  it('closes on the next non-holiday day where a holiday opened the weekly closing day, on every such day of each published year from 2026, for every place whose note says so', () => {
    // The palaces' and museums' rule (their notes): a closing day that falls on a public holiday
    // opens, and the next non-holiday day closes instead. opening_hours cannot say it (only a fixed
    // "PH +1 day"), so those days are dated closures in the data, as Seollal and Chuseok are; this
    // recomputes them from the holiday calendar, so a year added to it fails here until the data has it.
    const holiday = (d: string) => {
      const h = publicHolidays(d);
      return h.known && h.names.length > 0;
    };
    const moving = places.filter((p) => /holiday[^.]*next (non-holiday day|weekday|business day|day)\b/.test(p.note ?? ''));
    expect(moving.length).toBeGreaterThanOrEqual(11);
    for (const p of moving) {
      expect(p.note, p.id).toContain('(moved closing day)');
      for (const year of HOLIDAY_YEARS.filter((y) => y >= 2026)) {
        for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
          if (holiday(d)) continue;
          let reopened = false;
          for (let h = addDays(d, -1); holiday(h); h = addDays(h, -1)) reopened ||= open(p.id, h).note?.includes('open on the holiday') === true;
          if (reopened) expect(open(p.id, d).intervals, `${p.id} ${d}`).toEqual([]);
        }
      }
    }
    // The dates the audit met: Changdeokgung after the substitute holiday of 1 March 2026, Gyeongbokgung after Seollal 2026.
    expect([open('seoul-changdeokgung', '2026-03-03').intervals, open('seoul-gyeongbokgung', '2026-02-19').intervals]).toEqual([[], []]);
  });
});

