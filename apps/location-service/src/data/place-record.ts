/**
 * One place row as the data files and the OSM importer write it, checked before anything is
 * stored: the schema (types, bounds, catalog category and region), text PostgreSQL can store (the
 * kit's rule for every route: no NUL, no lone surrogate, in any string), coordinates inside the
 * region, and an opening_hours value the service can evaluate.
 */
import { unstorableValue } from '@tripgen/service-kit/storable';
import { Value } from 'typebox/value';
import { openingHoursProblem } from '../domain/opening-hours.ts';
import { REGION_BOXES, inBox } from '../domain/regions.ts';
import { PlaceRecord } from '../domain/schemas.ts';

export type CheckedRecord = { readonly ok: true; readonly record: PlaceRecord } | { readonly ok: false; readonly problems: readonly string[] };

export const checkPlaceRecord = (raw: unknown): CheckedRecord => {
  const problems = Value.Errors(PlaceRecord, raw).map((e) => `${e.instancePath || '/'} ${e.message}`);
  if (problems.length) return { ok: false, problems };
  const unstorable = unstorableValue(raw);
  if (unstorable) return { ok: false, problems: [`${unstorable.instancePath || '/'} ${unstorable.message}`] };
  const record = raw as PlaceRecord;
  if (!inBox(REGION_BOXES[record.region], record.lat, record.lng)) problems.push(`(${record.lat}, ${record.lng}) is outside the ${record.region} region`);
  const hours = openingHoursProblem(record.openingHoursOsm, record);
  if (hours) problems.push(`/openingHoursOsm ${hours}`);
  return problems.length ? { ok: false, problems } : { ok: true, record };
};
