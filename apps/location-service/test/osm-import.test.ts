/**
 * The OSM importer on a fixture shaped like real exports: `osmium export -a type,id` (flat tags,
 * "@type"/"@id") and Overpass through osmtogeojson / overpass turbo ("node/123" ids, tags flat or
 * under properties.tags). Names, tags and coordinates follow the real places; element ids are
 * illustrative. It keeps what makes a usable place and counts what it skips, by reason.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { importOsmGeoJson } from '../src/data/osm-import.ts';
import { checkPlaceRecord } from '../src/data/place-record.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'osm-export.geojson');
const load = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as unknown;

it('keeps the usable elements with categories from their tags, OSM ids and the ODbL, and counts the skipped by reason', async () => {
  const report = importOsmGeoJson(await load(), { retrievedOn: '2026-11-30' });
  expect(report.elements).toBe(16);
  expect(report.places.map((p) => [p.id, p.category, p.region])).toEqual([
    ['osm-node-2012345678', 'museum', 'seoul'],
    ['osm-node-4400112233', 'nature', 'jeju'],
    ['osm-node-555000111', 'viewpoint', 'seoul'],
    ['osm-node-987654321', 'temple', 'seoul'],
    ['osm-relation-7700', 'market', 'jeju'],
    ['osm-way-123456789', 'market', 'seoul'],
    ['osm-way-30412345', 'palace', 'seoul'],
    ['osm-way-600700800', 'beach', 'jeju'],
  ]);
  expect(report.skipped).toEqual({
    'no English name (name:en)': 1,
    'no category tag': 1,
    'no opening_hours': 1,
    'opening_hours cannot be evaluated': 1,
    'outside every region': 1,
    'no usable geometry': 1,
    'duplicate element': 1,
    'not an OSM element (no node/way/relation id)': 1,
  });
});

it('writes rows the loader accepts: names in both languages, the tag as it is, provenance of the element', async () => {
  const { places } = importOsmGeoJson(await load(), { retrievedOn: '2026-11-30' });
  const palace = places.find((p) => p.id === 'osm-way-30412345')!;
  expect(palace).toEqual({
    id: 'osm-way-30412345',
    name: 'Gyeongbokgung Palace',
    nameKo: '경복궁',
    category: 'palace',
    region: 'seoul',
    // The centroid of the way's area, not a corner.
    lat: 37.5796,
    lng: 126.977,
    visitMinutes: 90,
    rating: 3,
    openingHoursOsm: 'Mo,We-Su 09:00-18:00; Tu off',
    provenance: { source: 'OpenStreetMap', sourceId: 'way/30412345', licence: 'ODbL-1.0', retrievedOn: '2026-11-30' },
  });
  // A multipolygon's point is its largest part's centroid; a name in Hangul only is the Korean name.
  expect(places.find((p) => p.id === 'osm-relation-7700')).toMatchObject({ lat: 33.5123, lng: 126.5285, nameKo: '동문시장' });
  for (const p of places) expect(checkPlaceRecord(p)).toEqual({ ok: true, record: p });
});

it('reads nothing from what is not a FeatureCollection', () => {
  expect(importOsmGeoJson({ type: 'Feature' }, { retrievedOn: '2026-11-30' })).toEqual({ places: [], skipped: {}, elements: 0 });
  expect(importOsmGeoJson(null, { retrievedOn: '2026-11-30' }).places).toEqual([]);
});

it('npm run places:import-osm reports kept and skipped, and writes the data file', async () => {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'tripgen-osm-')), 'places.json');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import-osm.ts', FIXTURE, '--out', out, '--retrieved-on', '2026-11-30'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH },
  });
  expect(stdout).toContain('16 elements: kept 8, skipped 8');
  expect(stdout).toMatch(/skipped +1 +no opening_hours/);
  const written = JSON.parse(await readFile(out, 'utf8')) as { id: string }[];
  expect(written.map((p) => p.id)).toHaveLength(8);
});
