/**
 * Loading place data files (JSON arrays of place rows) into location_db: every row of every file
 * is checked first and nothing is written unless all pass; then one transaction deletes the places
 * the list of removed places names (data/removed.json) and upserts the rows by id, touching only
 * rows whose content changed, so loading the same files again changes nothing.
 *
 * Removal is explicit: a row missing from the files loaded is not deleted, since places may come
 * from other files (the OSM importer's output, loaded on its own) than the ones of this load.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { COMMAND_QUERY_TIMEOUT_MS } from '@tripgen/service-kit/command';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { Value } from 'typebox/value';
import { RemovedPlace, type PlaceRecord } from '../domain/schemas.ts';
import { checkPlaceRecord } from './place-record.ts';

/**
 * Where the data set shipped with the service lies in the service's folder (data/README.md): the
 * place files (data/places/*.json) and the list of places taken out of it (data/removed.json,
 * "Removed places"), which every load applies, whatever files it loads. The folder is the caller's to
 * give (the entry point: its own folder's parent, the same from src/ under tsx and from the bundle in
 * dist/): a module's own import.meta.dirname changes meaning once the module is bundled into dist/.
 */
export interface PlaceDataSet {
  readonly placesDir: string;
  readonly removedFile: string;
}

/** The data set of the service whose folder (apps/location-service, absolute) is `serviceDir`. */
export const placeDataSet = (serviceDir: string): PlaceDataSet => ({
  placesDir: path.join(serviceDir, 'data', 'places'),
  removedFile: path.join(serviceDir, 'data', 'removed.json'),
});

/** The place files of a data set's folder, in name order. */
export const dataFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));

export class PlaceDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`place data has ${problems.length} problem(s):\n  - ${problems.slice(0, 50).join('\n  - ')}${problems.length > 50 ? '\n  ...' : ''}`);
    this.name = 'PlaceDataError';
  }
}

const readJson = async (file: string, what: string, problems: string[]): Promise<unknown[] | undefined> => {
  const name = path.basename(file);
  let rows: unknown;
  try {
    rows = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    problems.push(`${name}: not readable JSON (${(err as Error).message})`);
    return undefined;
  }
  if (!Array.isArray(rows)) {
    problems.push(`${name}: must be a JSON array of ${what}`);
    return undefined;
  }
  return rows as unknown[];
};

/** Where a row is, for a problem: file, index and id. */
const rowName = (file: string, i: number, row: unknown): string => {
  const id = (row as { id?: unknown } | null)?.id;
  return `${path.basename(file)} #${i}${typeof id === 'string' ? ` (${id})` : ''}`;
};

/** Every row of the files, checked, with where it is; the problems are added to `problems`. */
const checkPlaceFiles = async (files: readonly string[], problems: string[]): Promise<{ record: PlaceRecord; where: string }[]> => {
  const records: { record: PlaceRecord; where: string }[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const rows = await readJson(file, 'places', problems);
    rows?.forEach((row: unknown, i) => {
      const where = rowName(file, i, row);
      const checked = checkPlaceRecord(row);
      if (!checked.ok) return void problems.push(...checked.problems.map((p) => `${where}: ${p}`));
      const first = seen.get(checked.record.id);
      if (first) return void problems.push(`${where}: id already used by ${first}`);
      seen.set(checked.record.id, where);
      records.push({ record: checked.record, where });
    });
  }
  return records;
};

/** Every row of the files, checked; throws PlaceDataError listing every problem (file, row, id). */
export const readPlaceFiles = async (files: readonly string[]): Promise<PlaceRecord[]> => {
  const problems: string[] = [];
  const records = await checkPlaceFiles(files, problems);
  if (problems.length) throw new PlaceDataError(problems);
  return records.map((r) => r.record);
};

/** The entries of a list of removed places, checked (schema, one entry per id); problems added to `problems`. */
const checkRemovedList = async (file: string, problems: string[]): Promise<RemovedPlace[]> => {
  const entries: RemovedPlace[] = [];
  const seen = new Map<string, string>();
  (await readJson(file, 'removed places', problems))?.forEach((entry: unknown, i) => {
    const where = rowName(file, i, entry);
    const errors = Value.Errors(RemovedPlace, entry).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}`);
    if (errors.length) return void problems.push(...errors);
    const removed = entry as RemovedPlace;
    const first = seen.get(removed.id);
    if (first) return void problems.push(`${where}: id already listed by ${first}`);
    seen.set(removed.id, where);
    entries.push(removed);
  });
  return entries;
};

/** The list of removed places in `file` (a data set's removedFile), checked; throws PlaceDataError. */
export const readRemovedList = async (file: string): Promise<RemovedPlace[]> => {
  const problems: string[] = [];
  const entries = await checkRemovedList(file, problems);
  if (problems.length) throw new PlaceDataError(problems);
  return entries;
};

export interface UpsertReport {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows deleted because their id is listed as removed (0 once a database has none of them). */
  readonly removed: number;
}

const CHUNK = 500;

/**
 * Deletes the `removed` ids, inserts new ids, updates changed rows, leaves identical rows alone
 * (their updated_at too), in one transaction: no reader sees a removal without the rest of the load.
 * The data generation the service's cache keys carry (places.ts: row count, last updated_at) changes
 * with a deletion: the count drops, and when the same load inserts as many rows as it deletes, the
 * inserted rows' updated_at (now()) is later than every row's before.
 */
export const upsertPlaces = async (prisma: PrismaClient, records: readonly PlaceRecord[], removed: readonly string[] = []): Promise<UpsertReport> => {
  const both = records.filter((r) => removed.includes(r.id));
  if (both.length) throw new Error(`places both removed and loaded: ${both.map((r) => r.id).join(', ')}`);
  let inserted = 0;
  let updated = 0;
  let deleted = 0;
  await prisma.$transaction(
    async (tx) => {
      if (removed.length) deleted = await tx.$executeRaw`DELETE FROM places WHERE id = ANY(${[...removed]}::text[])`;
      for (let i = 0; i < records.length; i += CHUNK) {
        const rows = records
          .slice(i, i + CHUNK)
          .map(({ provenance, ...r }) => ({ ...r, lastEntryMinutes: r.lastEntryMinutes ?? 0, visitMayRunPastClose: r.visitMayRunPastClose ?? false, note: r.note ?? null, ...provenance }));
        const changed = await tx.$queryRaw<{ inserted: boolean }[]>`
          WITH input AS (
            SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
              id text, name text, "nameKo" text, category text, region text, lat float8, lng float8, "visitMinutes" int,
              rating float8, "openingHoursOsm" text, "lastEntryMinutes" int, "visitMayRunPastClose" boolean, source text,
              "sourceId" text, licence text, "retrievedOn" date, note text)
          )
          INSERT INTO places AS p (id, name, name_ko, category, region, location, visit_minutes, rating, opening_hours_osm,
                                   last_entry_minutes, visit_may_run_past_close, source_name, source_id, licence, retrieved_on, note)
          SELECT id, name, "nameKo", category, region, ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, "visitMinutes",
                 rating, "openingHoursOsm", "lastEntryMinutes", "visitMayRunPastClose", source, "sourceId", licence, "retrievedOn", note
          FROM input
          ON CONFLICT (id) DO UPDATE SET
            name = EXCLUDED.name, name_ko = EXCLUDED.name_ko, category = EXCLUDED.category, region = EXCLUDED.region,
            location = EXCLUDED.location, visit_minutes = EXCLUDED.visit_minutes, rating = EXCLUDED.rating,
            opening_hours_osm = EXCLUDED.opening_hours_osm, last_entry_minutes = EXCLUDED.last_entry_minutes,
            visit_may_run_past_close = EXCLUDED.visit_may_run_past_close, source_name = EXCLUDED.source_name, source_id = EXCLUDED.source_id,
            licence = EXCLUDED.licence, retrieved_on = EXCLUDED.retrieved_on, note = EXCLUDED.note, updated_at = now()
          WHERE (p.name, p.name_ko, p.category, p.region, ST_AsBinary(p.location), p.visit_minutes, p.rating, p.opening_hours_osm,
                 p.last_entry_minutes, p.visit_may_run_past_close, p.source_name, p.source_id, p.licence, p.retrieved_on, p.note)
            IS DISTINCT FROM
                (EXCLUDED.name, EXCLUDED.name_ko, EXCLUDED.category, EXCLUDED.region, ST_AsBinary(EXCLUDED.location), EXCLUDED.visit_minutes,
                 EXCLUDED.rating, EXCLUDED.opening_hours_osm, EXCLUDED.last_entry_minutes, EXCLUDED.visit_may_run_past_close,
                 EXCLUDED.source_name, EXCLUDED.source_id, EXCLUDED.licence, EXCLUDED.retrieved_on, EXCLUDED.note)
          RETURNING (xmax = 0) AS inserted`;
        for (const row of changed) {
          if (row.inserted) inserted++;
          else updated++;
        }
      }
    },
    // Bounded as the command's statements are: one of them may take as long as the load is let take.
    { timeout: COMMAND_QUERY_TIMEOUT_MS },
  );
  return { inserted, updated, unchanged: records.length - inserted - updated, removed: deleted };
};

export interface LoadReport extends UpsertReport {
  readonly files: number;
  readonly places: number;
}

/**
 * Checks every file and the list of removed places (`removedFile`, the data set's
 * data/removed.json), then deletes the removed places and upserts all the files' places. Nothing is
 * written when any row or entry is bad, or when a file holds a place the list says was removed (a
 * place restored must be taken off the list, a reviewed change, not loaded back by accident).
 */
export const loadPlaces = async (prisma: PrismaClient, files: readonly string[], removedFile: string): Promise<LoadReport> => {
  const problems: string[] = [];
  const records = await checkPlaceFiles(files, problems);
  const removed = new Map((await checkRemovedList(removedFile, problems)).map((r) => [r.id, r]));
  for (const { record, where } of records) {
    const entry = removed.get(record.id);
    if (entry) problems.push(`${where}: listed as removed in ${path.basename(removedFile)} (${entry.removedOn}: ${entry.reason}); to restore the place, take it off that list`);
  }
  if (problems.length) throw new PlaceDataError(problems);
  return { files: files.length, places: records.length, ...(await upsertPlaces(prisma, records.map((r) => r.record), [...removed.keys()])) };
};
