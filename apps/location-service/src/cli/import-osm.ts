/**
 * `npm run places:import-osm -- <export.geojson> [--out <places.json>] [--retrieved-on YYYY-MM-DD]`:
 * turns OpenStreetMap elements exported as GeoJSON (`osmium export`, Overpass) into a place data
 * file that `npm run places:load -- <places.json>` loads (or that joins data/places/), and reports
 * what it kept and what it skipped, by reason. Without --out it only reports.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataFiles, placeDataSet, readPlaceFiles, readRemovedList } from '../data/load.ts';
import { importOsmGeoJson } from '../data/osm-import.ts';
import { placeToday } from '../domain/opening-hours.ts';

const USAGE = 'usage: npm run places:import-osm -- <export.geojson> [--out <places.json>] [--retrieved-on YYYY-MM-DD]';
// An unknown option is the usage, not parseArgs' stack trace; --help is the usage on stdout.
let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, 'retrieved-on': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
}
try {
  parsed = parseOptions();
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [input] = positionals;
if (!input || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
// npm runs a workspace's script in the workspace folder: paths are relative to where it was typed.
const here = (f: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), f);
const retrievedOn = values['retrieved-on'] ?? placeToday();
// A tool of the repository, run from source (never bundled): the data set is in the service's folder, two up.
const dataSet = placeDataSet(path.join(import.meta.dirname, '..', '..'));
// The shipped places: an element that is one of them is skipped (loaded, it would be the place twice).
const existing = await readPlaceFiles(await dataFiles(dataSet.placesDir));
// And the places taken out of it (data/removed.json): they must not come back under an OSM id.
const removed = await readRemovedList(dataSet.removedFile);
const exported: unknown = JSON.parse(await readFile(here(input), 'utf8'));
// Overpass's own JSON ({"elements": [...]}) or a single Feature would read as 0 elements and write
// an empty file with exit 0, as if the area had no places: refused, saying what to run instead.
if (!Array.isArray((exported as { features?: unknown } | null)?.features)) {
  const overpass = Array.isArray((exported as { elements?: unknown } | null)?.elements);
  console.error(`${input} is not a GeoJSON FeatureCollection${overpass ? ' (it is Overpass JSON: convert it with osmtogeojson, from a query ending in "out center;" or "out geom;")' : ''}`);
  process.exit(1);
}
const report = importOsmGeoJson(exported, { retrievedOn, existing, removed });
console.log(`${report.elements} elements: kept ${report.places.length}, skipped ${report.elements - report.places.length}`);
for (const [reason, n] of Object.entries(report.skipped).sort((a, b) => b[1] - a[1])) console.log(`  skipped ${String(n).padStart(6)}  ${reason}`);
// Each unread last entry by its text: the form to teach the reader (domain/last-entry.ts) or to correct in OSM.
for (const comment of report.unreadLastEntries) console.log(`  last entry not read: "${comment}"`);
// Each last entry read but of no use (after the close, or before closing on an open end): to correct in OSM.
for (const comment of report.unusableLastEntries) console.log(`  last entry not usable: "${comment}"`);
if (values.out) {
  await writeFile(here(values.out), `${JSON.stringify(report.places, null, 2)}\n`);
  console.log(`wrote ${report.places.length} places to ${values.out}`);
}
