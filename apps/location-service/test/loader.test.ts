/**
 * The place loader (`load-places`, `npm run places:load`): every row checked before anything is
 * written, then an idempotent upsert (loading the same files again changes nothing, not even
 * updated_at), on a real location_db; the places the list of removed places names are deleted in the
 * same transaction. The command itself, as the image runs it: load-places-command.test.ts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { PlaceDataError, dataFiles, loadPlaces, readPlaceFiles, readRemovedList, upsertPlaces } from '../src/data/load.ts';
import type { PlaceRecord } from '../src/domain/schemas.ts';
import { DATA_SET } from './data-set.ts';
import { FIXTURE, MIGRATIONS_DIR } from './harness.ts';

let db: TestDatabase;
let prisma: PrismaClient;
let dir: string;
let fixture: PlaceRecord[];
/** A list of removed places with no entry: the fixture holds jeju-manjanggul, which the shipped list removes. */
let noneRemoved: string;

beforeAll(async () => {
  db = await createTestDatabase('location_load', MIGRATIONS_DIR);
  prisma = testPrismaClient(PrismaClient, db.url, 2);
  dir = await mkdtemp(path.join(os.tmpdir(), 'tripgen-places-'));
  fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as PlaceRecord[];
  noneRemoved = await writeData('none-removed.json', []);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const writeData = async (name: string, rows: unknown): Promise<string> => {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(rows));
  return file;
};

/** A removed place's names and point, which its entry carries (the OSM importer matches them): the fixture row's. */
const where = (id: string) => {
  const { name, nameKo, lat, lng } = fixture.find((p) => p.id === id)!;
  return { name, nameKo, lat, lng };
};

const snapshot = () => prisma.$queryRaw<{ id: string; updated_at: Date; lat: number }[]>`SELECT id, updated_at, ST_Y(location::geometry) AS lat FROM places ORDER BY id`;

describe('loadPlaces', () => {
  it('inserts new places, then loading the same files again changes nothing', async () => {
    const first = await loadPlaces(prisma, [FIXTURE], noneRemoved);
    expect(first).toEqual({ files: 1, places: fixture.length, inserted: fixture.length, updated: 0, unchanged: 0, removed: 0 });
    const before = await snapshot();
    const again = await loadPlaces(prisma, [FIXTURE], noneRemoved);
    expect(again).toEqual({ files: 1, places: fixture.length, inserted: 0, updated: 0, unchanged: fixture.length, removed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('updates only the rows whose content changed (a corrected coordinate)', async () => {
    const corrected = fixture.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, lat: 37.5741 } : p));
    const report = await loadPlaces(prisma, [await writeData('corrected.json', corrected)], noneRemoved);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: fixture.length - 1 });
    expect((await snapshot()).find((r) => r.id === 'seoul-jogyesa')!.lat).toBeCloseTo(37.5741, 6);
  });

  it('updates a row whose last entry or entry window changed, and reads neither as set where a row omits it', async () => {
    const entry = () => prisma.$queryRaw<{ id: string; last_entry_minutes: number; visit_may_run_past_close: boolean }[]>`
      SELECT id, last_entry_minutes, visit_may_run_past_close FROM places WHERE id = 'seoul-jogyesa'`;
    expect(await entry()).toEqual([{ id: 'seoul-jogyesa', last_entry_minutes: 0, visit_may_run_past_close: false }]);
    const changed = fixture.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, lat: 37.5741, lastEntryMinutes: 30, visitMayRunPastClose: true as const } : p));
    expect(await loadPlaces(prisma, [await writeData('entry.json', changed)], noneRemoved)).toMatchObject({ inserted: 0, updated: 1 });
    expect(await entry()).toEqual([{ id: 'seoul-jogyesa', last_entry_minutes: 30, visit_may_run_past_close: true }]);
    // 0 and false are written by leaving the field out: one form per fact in the files.
    const zero = fixture.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, lastEntryMinutes: 0 } : p));
    await expect(loadPlaces(prisma, [await writeData('zero.json', zero)], noneRemoved)).rejects.toThrow(/lastEntryMinutes/);
    expect(await loadPlaces(prisma, [await writeData('back.json', fixture.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, lat: 37.5741 } : p)))], noneRemoved)).toMatchObject({ updated: 1 });
    expect(await entry()).toEqual([{ id: 'seoul-jogyesa', last_entry_minutes: 0, visit_may_run_past_close: false }]);
  });

  it('writes nothing when any row is bad, and names every problem with its file, row and id', async () => {
    const before = await snapshot();
    const bad = [
      { ...fixture[0]!, id: 'seoul-new-place', name: 'A new place' },
      { ...fixture[1]!, category: 'casino' },
      { ...fixture[2]!, lat: 33.45, lng: 126.56 },
      { ...fixture[3]!, openingHoursOsm: 'whenever the keeper is in' },
      { ...fixture[4]!, id: 'seoul-new-place' },
    ];
    const file = await writeData('bad.json', bad);
    const err = await loadPlaces(prisma, [file], noneRemoved).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlaceDataError);
    const problems = (err as PlaceDataError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^bad\.json #1 \(seoul-changdeokgung\): \/category/);
    expect(problems[1]).toBe('bad.json #2 (seoul-deoksugung): (33.45, 126.56) is outside the seoul region');
    expect(problems[2]).toMatch(/^bad\.json #3 \(seoul-national-palace-museum\): \/openingHoursOsm opening_hours cannot evaluate it/);
    expect(problems[3]).toBe('bad.json #4 (seoul-new-place): id already used by bad.json #0 (seoul-new-place)');
    expect(await snapshot()).toEqual(before);
  });

  it('names text PostgreSQL cannot store (a NUL, a lone surrogate) in any field of a row, the note and provenance too, instead of failing the load in the database', async () => {
    const before = await snapshot();
    const bad = [
      { ...fixture[0]!, note: 'closed\u0000on Mondays' },
      { ...fixture[1]!, provenance: { ...fixture[1]!.provenance, source: 'osm\u0000' } },
      { ...fixture[2]!, note: 'half a pair \ud800' },
    ];
    const err = await loadPlaces(prisma, [await writeData('unstorable.json', bad)], noneRemoved).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlaceDataError);
    expect((err as PlaceDataError).problems).toEqual([
      `unstorable.json #0 (${fixture[0]!.id}): /note must not contain NUL (U+0000)`,
      `unstorable.json #1 (${fixture[1]!.id}): /provenance/source must not contain NUL (U+0000)`,
      `unstorable.json #2 (${fixture[2]!.id}): /note must be well-formed Unicode (a lone surrogate)`,
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses files that are not JSON arrays', async () => {
    await expect(readPlaceFiles([await writeData('object.json', { places: [] })])).rejects.toThrow(/must be a JSON array/);
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '[{"id":');
    await expect(readPlaceFiles([broken])).rejects.toThrow(/not readable JSON/);
  });

  it('deletes the places the list of removed places names, in the same transaction as the upsert, and says how many', async () => {
    const ids = async () => (await snapshot()).map((r) => r.id);
    expect(await ids()).toContain('jeju-manjanggul');
    const removedList = await writeData('removed.json', [{ id: 'jeju-manjanggul', ...where('jeju-manjanggul'), removedOn: '2026-12-01', reason: 'closed since 2023' }]);
    const kept = fixture.filter((p) => p.id !== 'jeju-manjanggul');
    const keptFile = await writeData('kept.json', kept);
    // A row merely absent from the files loaded stays: places may come from other files.
    const seoulOnly = await writeData('seoul-only.json', kept.filter((p) => p.region === 'seoul'));
    expect(await loadPlaces(prisma, [seoulOnly], noneRemoved)).toMatchObject({ removed: 0 });
    expect(await ids()).toContain('jeju-manjanggul');
    // A removal and a change in one transaction: both, or neither (here the database refuses a
    // date the rows' check would have refused, after the delete ran).
    const changed = kept.map((p) => (p.id === 'seoul-jogyesa' ? { ...p, name: 'Jogyesa' } : p));
    const undated = { ...kept[0]!, id: 'seoul-undated', provenance: { ...kept[0]!.provenance, retrievedOn: '2026-02-30' } };
    await expect(upsertPlaces(prisma, [...changed, undated], ['jeju-manjanggul'])).rejects.toThrow();
    expect(await ids()).toContain('jeju-manjanggul');
    expect(await ids()).not.toContain('seoul-undated');
    expect(await loadPlaces(prisma, [await writeData('changed.json', changed)], removedList)).toEqual({
      files: 1,
      places: kept.length,
      inserted: 0,
      updated: 1,
      unchanged: kept.length - 1,
      removed: 1,
    });
    expect(await ids()).toEqual(kept.map((p) => p.id).sort());
    // Listed and already gone: nothing to do.
    expect(await loadPlaces(prisma, [keptFile], removedList)).toMatchObject({ updated: 1, removed: 0 });
    await expect(upsertPlaces(prisma, fixture, ['jeju-manjanggul'])).rejects.toThrow(/both removed and loaded: jeju-manjanggul/);
    // Back to the fixture for the tests after this one.
    await upsertPlaces(prisma, fixture);
  });

  it('refuses, writing nothing, a data set that holds a place the list says was removed, and a list that is not well formed', async () => {
    const before = await snapshot();
    const removedList = await writeData('removed-jogyesa.json', [
      { id: 'seoul-jogyesa', ...where('seoul-jogyesa'), removedOn: '2026-12-05', reason: 'closed for good' },
      { id: 'jeju-manjanggul', ...where('jeju-manjanggul'), removedOn: '2026-12-01', reason: 'closed since 2023' },
    ]);
    const err = await loadPlaces(prisma, [FIXTURE], removedList).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlaceDataError);
    const index = (id: string) => fixture.findIndex((p) => p.id === id);
    expect((err as PlaceDataError).problems).toEqual([
      `places.json #${index('seoul-jogyesa')} (seoul-jogyesa): listed as removed in removed-jogyesa.json (2026-12-05: closed for good); to restore the place, take it off that list`,
      `places.json #${index('jeju-manjanggul')} (jeju-manjanggul): listed as removed in removed-jogyesa.json (2026-12-01: closed since 2023); to restore the place, take it off that list`,
    ]);
    const badList = await writeData('removed-bad.json', [
      { id: 'jeju-manjanggul', ...where('jeju-manjanggul'), removedOn: '2026-12-01', reason: 'closed' },
      { id: 'jeju-manjanggul', ...where('jeju-manjanggul'), removedOn: '2026-12-02', reason: 'closed' },
      { id: 'Not An Id', ...where('jeju-manjanggul'), removedOn: '2026-12-01', reason: 'closed' },
      { id: 'seoul-x', ...where('jeju-manjanggul'), removedOn: 'yesterday', reason: 'closed' },
      { id: 'seoul-y', ...where('jeju-manjanggul'), removedOn: '2026-12-01' },
      // Without its names and point the OSM importer could not tell the place when it comes back.
      { id: 'seoul-z', removedOn: '2026-12-01', reason: 'closed' },
    ]);
    const bad = (await loadPlaces(prisma, [FIXTURE], badList).catch((e: unknown) => e)) as PlaceDataError;
    expect(bad).toBeInstanceOf(PlaceDataError);
    expect(bad.problems.filter((p) => p.startsWith('places.json'))).toHaveLength(1);
    expect(bad.problems.filter((p) => p.startsWith('removed-bad.json'))).toEqual([
      'removed-bad.json #1 (jeju-manjanggul): id already listed by removed-bad.json #0 (jeju-manjanggul)',
      expect.stringMatching(/^removed-bad\.json #2 \(Not An Id\): \/id /),
      expect.stringMatching(/^removed-bad\.json #3 \(seoul-x\): \/removedOn /),
      expect.stringMatching(/^removed-bad\.json #4 \(seoul-y\): \/ .*reason/),
      expect.stringMatching(/^removed-bad\.json #5 \(seoul-z\): \/ .*name, nameKo, lat, lng/),
    ]);
    await expect(readRemovedList(await writeData('removed-object.json', { removed: [] }))).rejects.toThrow(/must be a JSON array of removed places/);
    expect(await snapshot()).toEqual(before);
  });

  it('ships a list of removed places that names Manjanggul, and a data set without it', async () => {
    const shipped = await readRemovedList(DATA_SET.removedFile);
    expect(shipped).toContainEqual(expect.objectContaining({ id: 'jeju-manjanggul', removedOn: '2026-12-01' }));
    const ids = new Set((await readPlaceFiles(await dataFiles(DATA_SET.placesDir))).map((p) => p.id));
    expect(shipped.filter((r) => ids.has(r.id))).toEqual([]);
  });
});
