/**
 * Loading place data files (JSON arrays of place rows) into location_db: every row of every file
 * is checked first and nothing is written unless all pass; then one transaction upserts them by
 * id, touching only rows whose content changed, so loading the same files again changes nothing.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { PlaceRecord } from '../domain/schemas.ts';
import { checkPlaceRecord } from './place-record.ts';

/** The data set shipped with the service (data/places/*.json). */
export const DATA_DIR = path.resolve(import.meta.dirname, '../../data/places');

export const dataFiles = async (dir: string = DATA_DIR): Promise<string[]> =>
  (await readdir(dir)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));

export class PlaceDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`place data has ${problems.length} problem(s):\n  - ${problems.slice(0, 50).join('\n  - ')}${problems.length > 50 ? '\n  ...' : ''}`);
    this.name = 'PlaceDataError';
  }
}

/** Every row of the files, checked; throws PlaceDataError listing every problem (file, row, id). */
export const readPlaceFiles = async (files: readonly string[]): Promise<PlaceRecord[]> => {
  const problems: string[] = [];
  const records: PlaceRecord[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file);
    let rows: unknown;
    try {
      rows = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      problems.push(`${name}: not readable JSON (${(err as Error).message})`);
      continue;
    }
    if (!Array.isArray(rows)) {
      problems.push(`${name}: must be a JSON array of places`);
      continue;
    }
    rows.forEach((row: unknown, i) => {
      const id = (row as { id?: unknown } | null)?.id;
      const where = `${name} #${i}${typeof id === 'string' ? ` (${id})` : ''}`;
      const checked = checkPlaceRecord(row);
      if (!checked.ok) return void problems.push(...checked.problems.map((p) => `${where}: ${p}`));
      const first = seen.get(checked.record.id);
      if (first) return void problems.push(`${where}: id already used by ${first}`);
      seen.set(checked.record.id, where);
      records.push(checked.record);
    });
  }
  if (problems.length) throw new PlaceDataError(problems);
  return records;
};

export interface UpsertReport {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

const CHUNK = 500;

/** Inserts new ids, updates changed rows, leaves identical rows alone (their updated_at too). */
export const upsertPlaces = async (prisma: PrismaClient, records: readonly PlaceRecord[]): Promise<UpsertReport> => {
  let inserted = 0;
  let updated = 0;
  await prisma.$transaction(
    async (tx) => {
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
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { inserted, updated, unchanged: records.length - inserted - updated };
};

export interface LoadReport extends UpsertReport {
  readonly files: number;
  readonly places: number;
}

/** Checks every file, then upserts all their places (nothing is written when any row is bad). */
export const loadPlaces = async (prisma: PrismaClient, files: readonly string[]): Promise<LoadReport> => {
  const records = await readPlaceFiles(files);
  return { files: files.length, places: records.length, ...(await upsertPlaces(prisma, records)) };
};
