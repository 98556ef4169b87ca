/**
 * The OSM importer on a fixture shaped like real exports: `osmium export -a type,id` (flat tags,
 * "@type"/"@id") and Overpass through osmtogeojson / overpass turbo ("node/123" ids, tags flat or
 * under properties.tags). Names, tags and coordinates follow the real places; element ids are
 * illustrative. Seoul's boundary (its relation, ISO3166-2=KR-11) is a coarse stand-in for the real
 * one, within a few km of it between Seoul and its neighbours. It keeps what makes a usable place and
 * counts what it skips, by reason.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { dataFiles, readPlaceFiles, readRemovedList } from '../src/data/load.ts';
import { importOsmGeoJson } from '../src/data/osm-import.ts';
import { checkPlaceRecord } from '../src/data/place-record.ts';
import { addDays, dayOpenings, weeklyHours } from '../src/domain/opening-hours.ts';
import { DATA_SET } from './data-set.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'osm-export.geojson');
const load = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as unknown;
/** Seoul's boundary, from the fixture: an export of places in Seoul needs it, or none is labelled seoul. */
const seoulBoundary = async () => ((await load()) as { features: { id?: string }[] }).features.find((f) => f.id === 'relation/2297418')!;
/** An OSM restaurant node in Seoul with the given hours (its id and longitude set by the test). */
const restaurant = (id: number, hours: string, lng: number) => ({ type: 'Feature', id: `node/${id}`, properties: { amenity: 'restaurant', name: `식당 ${id}`, 'name:en': `Restaurant ${id}`, opening_hours: hours }, geometry: { type: 'Point', coordinates: [lng, 37.57] } });

it('keeps the usable elements with categories from their tags, OSM ids and the ODbL, and counts the skipped by reason', async () => {
  const report = importOsmGeoJson(await load(), { retrievedOn: '2026-11-30' });
  expect(report.elements).toBe(17);
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
    'boundary of a region (read, not a place)': 1,
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
  expect(importOsmGeoJson({ type: 'Feature' }, { retrievedOn: '2026-11-30' })).toEqual({ places: [], skipped: {}, elements: 0, unreadLastEntries: [], unusableLastEntries: [] });
  expect(importOsmGeoJson(null, { retrievedOn: '2026-11-30' }).places).toEqual([]);
});

it('npm run places:import-osm reports kept and skipped, and writes the data file', async () => {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'tripgen-osm-')), 'places.json');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import-osm.ts', FIXTURE, '--out', out, '--retrieved-on', '2026-11-30'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH },
  });
  // Seven of the fixture's places are shipped ones (Gyeongbokgung, the National Museum...): skipped.
  expect(stdout).toContain('17 elements: kept 1, skipped 16');
  expect(stdout).toMatch(/skipped +1 +no opening_hours/);
  expect(stdout).toMatch(/skipped +1 +duplicate element/);
  expect(stdout).toMatch(/skipped +7 +already in the data set \(same name within 1 km\)/);
  const written = JSON.parse(await readFile(out, 'utf8')) as { id: string }[];
  expect(written.map((p) => p.id)).toEqual(['osm-relation-7700']);
});

it('reads the area ids of osmium --add-unique-id=type_id: "a" + 2 × way id, or 2 × relation id + 1', async () => {
  const square = (lng: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lng, lat], [lng + 0.002, lat], [lng + 0.002, lat + 0.002], [lng, lat + 0.002], [lng, lat]]] });
  const market = { amenity: 'marketplace', opening_hours: 'Mo-Sa 09:00-23:00' };
  const report = importOsmGeoJson(
    {
      type: 'FeatureCollection',
      features: [
        await seoulBoundary(),
        // osmium export -u type_id (no -a): the id is all there is of the element.
        { type: 'Feature', id: 'a246913578', properties: { ...market, name: '광장시장', 'name:en': 'Gwangjang Market' }, geometry: square(126.9986, 37.569) },
        { type: 'Feature', id: 'a15401', properties: { ...market, name: '동문시장', 'name:en': 'Dongmun Market' }, geometry: square(126.5275, 33.5115) },
        { type: 'Feature', id: 'n2012345678', properties: { tourism: 'museum', name: '국립중앙박물관', 'name:en': 'National Museum of Korea', opening_hours: 'Mo-Su 10:00-18:00' }, geometry: { type: 'Point', coordinates: [126.9804, 37.5239] } },
      ],
    },
    { retrievedOn: '2026-11-30' },
  );
  expect(report.skipped).toEqual({ 'boundary of a region (read, not a place)': 1 });
  expect(report.places.map((p) => [p.id, p.provenance.sourceId])).toEqual([
    ['osm-node-2012345678', 'node/2012345678'],
    ['osm-relation-7700', 'relation/7700'],
    ['osm-way-123456789', 'way/123456789'],
  ]);
});

it('skips an element that is a place of the shipped data set: same English or Korean name within 1 km', async () => {
  const existing = await readPlaceFiles(await dataFiles(DATA_SET.placesDir));
  const report = importOsmGeoJson(await load(), { retrievedOn: '2026-11-30', existing });
  // Gyeongbokgung (osm-way-30412345) is seoul-gyeongbokgung, whose curated hours have the moved
  // closing days and the last entry OSM's lack: loaded beside it, it would be planned into them.
  // Dongmun Market is jeju-dongmun-market, but named otherwise there (동문재래시장): kept.
  expect(report.places.map((p) => p.id)).toEqual(['osm-relation-7700']);
  expect(report.skipped['already in the data set (same name within 1 km)']).toBe(7);
  expect(report.skipped['duplicate element']).toBe(1);
  // The same name far away is another place.
  const far = importOsmGeoJson(await load(), { retrievedOn: '2026-11-30', existing: existing.map((p) => ({ ...p, lat: p.lat - 0.02 })) });
  expect(far.places).toHaveLength(8);
});

it('npm run places:import-osm refuses what is not a GeoJSON FeatureCollection (Overpass JSON) instead of writing an empty file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tripgen-osm-'));
  const input = path.join(dir, 'overpass.json');
  const out = path.join(dir, 'places.json');
  const node = { type: 'node', id: 2012345678, lat: 37.5239, lon: 126.9804, tags: { name: '국립중앙박물관', 'name:en': 'National Museum of Korea', tourism: 'museum', opening_hours: 'Mo-Su 10:00-18:00' } };
  await writeFile(input, JSON.stringify({ version: 0.6, generator: 'Overpass API', elements: [node] }));
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import-osm.ts', input, '--out', out], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH },
  });
  await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('it is Overpass JSON: convert it with osmtogeojson') });
  await expect(access(out)).rejects.toThrow();
});

it('npm run places:import-osm answers --help with its usage and a wrong option with a message, not a stack trace', async () => {
  const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import-osm.ts', ...args], { cwd: path.join(import.meta.dirname, '..'), env: { PATH: process.env.PATH } });
  const { stdout } = await cli('--help');
  expect(stdout).toMatch(/^usage: npm run places:import-osm -- <export\.geojson> \[--out <places\.json>\]/);
  const wrong = await cli('export.geojson', '--output', 'x.json').then(
    () => null,
    (err: { code: number; stderr: string }) => err,
  );
  expect(wrong?.code).toBe(2);
  expect(wrong?.stderr).toContain("Unknown option '--output'");
  expect(wrong?.stderr).toContain('usage: ');
  expect(wrong?.stderr).not.toMatch(/\n\s+at /);
});

it('skips an element that is a place taken out of the data set (data/removed.json): same name within 1 km of where it was', async () => {
  const removed = await readRemovedList(DATA_SET.removedFile);
  // Manjanggul as OpenStreetMap has it: a cave entrance some metres from the removed row's point.
  const manjanggul = { type: 'Feature', id: 'node/5512345678', properties: { natural: 'cave_entrance', name: '만장굴', 'name:en': 'Manjanggul Cave', opening_hours: 'Mo-Su 09:00-18:00; We[1] off' }, geometry: { type: 'Point', coordinates: [126.7712, 33.5279] } };
  const report = importOsmGeoJson({ type: 'FeatureCollection', features: [manjanggul] }, { retrievedOn: '2026-12-06', existing: await readPlaceFiles(await dataFiles(DATA_SET.placesDir)), removed });
  expect(report.places).toEqual([]);
  expect(report.skipped).toEqual({ 'removed from the data set (data/removed.json)': 1 });
  // The command reads the shipped list.
  const input = path.join(await mkdtemp(path.join(os.tmpdir(), 'tripgen-osm-')), 'manjanggul.geojson');
  await writeFile(input, JSON.stringify({ type: 'FeatureCollection', features: [manjanggul] }));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import-osm.ts', input], { cwd: path.join(import.meta.dirname, '..'), env: { PATH: process.env.PATH } });
  expect(stdout).toContain('1 elements: kept 0, skipped 1');
  expect(stdout).toMatch(/skipped +1 +removed from the data set \(data\/removed\.json\)/);
});

it('keeps one place of a node and an area of the same place (same name, the node inside the area): the area', async () => {
  const square = (lng: number, lat: number, side: number) => ({ type: 'Polygon', coordinates: [[[lng, lat], [lng + side, lat], [lng + side, lat + side], [lng, lat + side], [lng, lat]]] });
  const museum = { tourism: 'museum', name: '리움미술관', 'name:en': 'Leeum Museum of Art', opening_hours: 'Tu-Su 10:00-18:00' };
  const cafe = { amenity: 'cafe', name: '스타벅스', 'name:en': 'Starbucks', opening_hours: 'Mo-Su 07:00-22:00' };
  const report = importOsmGeoJson(
    {
      type: 'FeatureCollection',
      features: [
        await seoulBoundary(),
        // The museum mapped twice, as OSM often has it: the grounds, and a POI node in them.
        { type: 'Feature', id: 'way/231234567', properties: museum, geometry: square(126.9982, 37.5378, 0.0016) },
        { type: 'Feature', id: 'node/4412345678', properties: museum, geometry: { type: 'Point', coordinates: [126.9988, 37.5381] } },
        // A relation and a node of it: the same.
        { type: 'Feature', id: 'relation/7701', properties: { ...museum, name: '서울공예박물관', 'name:en': 'Seoul Museum of Craft Art' }, geometry: { type: 'MultiPolygon', coordinates: [square(126.9832, 37.5758, 0.0012).coordinates] } },
        { type: 'Feature', id: 'node/4412345679', properties: { ...museum, name: '서울공예박물관', 'name:en': 'Seoul Museum of Craft Art' }, geometry: { type: 'Point', coordinates: [126.9838, 37.5764] } },
        // Two branches of a chain 300 m apart, one a building: two places.
        { type: 'Feature', id: 'way/231234568', properties: cafe, geometry: square(126.9779, 37.5701, 0.0004) },
        { type: 'Feature', id: 'node/4412345680', properties: cafe, geometry: { type: 'Point', coordinates: [126.9812, 37.5701] } },
      ],
    },
    { retrievedOn: '2026-12-06' },
  );
  expect(report.places.map((p) => p.id)).toEqual(['osm-node-4412345680', 'osm-relation-7701', 'osm-way-231234567', 'osm-way-231234568']);
  expect(report.skipped).toEqual({ 'same place as an area of the export (same name, inside it)': 2, 'boundary of a region (read, not a place)': 1 });
});

it('reads a tag of several values (OSM separates them with ";"): the category of the first value it knows', async () => {
  const at = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
  const feature = (id: number, tags: Record<string, string>, lng: number) => ({ type: 'Feature', id: `node/${id}`, properties: { opening_hours: 'Mo-Su 10:00-20:00', ...tags }, geometry: at(lng, 37.57) });
  const report = importOsmGeoJson(
    {
      type: 'FeatureCollection',
      features: [
        await seoulBoundary(),
        feature(1, { amenity: 'cafe;restaurant', name: '카페 하나', 'name:en': 'Cafe Hana' }, 126.98),
        feature(2, { tourism: 'museum;gallery', name: '미술관 둘', 'name:en': 'Museum Dul' }, 126.982),
        // A space after the separator (as for opening_hours), an unknown value first.
        feature(3, { amenity: 'bench; restaurant', name: '식당 셋', 'name:en': 'Restaurant Set' }, 126.984),
        feature(4, { amenity: 'place_of_worship', religion: 'christian;buddhist', name: '절 넷', 'name:en': 'Temple Net' }, 126.986),
        feature(5, { amenity: 'bench;waste_basket', name: '벤치', 'name:en': 'Bench' }, 126.988),
      ],
    },
    { retrievedOn: '2026-12-06' },
  );
  expect(report.places.map((p) => [p.id, p.category])).toEqual([
    ['osm-node-1', 'cafe'],
    ['osm-node-2', 'museum'],
    ['osm-node-3', 'restaurant'],
    ['osm-node-4', 'temple'],
  ]);
  expect(report.skipped).toEqual({ 'no category tag': 1, 'boundary of a region (read, not a place)': 1 });
});

it('reads a last order, entry or admission from the comment of the hours into lastEntryMinutes, and imports its rule open, with its own last entry', async () => {
  const hours = [
    'Mo-Su 11:00-22:00 "last order 21:00"',
    'Tu-Su 09:00-18:00 "Last admission 17:30"; Mo off',
    // Past midnight, and differing gaps: the larger, as the data set's rows have it.
    'Mo-Fr 11:00-22:00 "last order 21:00"; Sa 18:00-02:00 "last order: 01:30"',
    // Another comment: as today (its times uncertain, not counted as open).
    'Mo-Fr 09:00-18:00 "by appointment"',
  ];
  const { places } = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...hours.map((h, i) => restaurant(i + 1, h, 126.98 + i * 0.002))] }, { retrievedOn: '2026-12-06' });
  expect(places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes, p.note])).toEqual([
    ['Mo-Su 11:00-22:00 open "last order 21:00"', 60, 'opening_hours in OpenStreetMap: Mo-Su 11:00-22:00 "last order 21:00"'],
    ['Tu-Su 09:00-18:00 open "Last admission 17:30"; Mo off', 30, 'opening_hours in OpenStreetMap: Tu-Su 09:00-18:00 "Last admission 17:30"; Mo off'],
    ['Mo-Fr 11:00-22:00 open "last order 21:00"; Sa 18:00-02:00 open "last order: 01:30"', 60, 'opening_hours in OpenStreetMap: Mo-Fr 11:00-22:00 "last order 21:00"; Sa 18:00-02:00 "last order: 01:30"'],
    ['Mo-Fr 09:00-18:00 "by appointment"', undefined, undefined],
  ]);
  // Open in the service's evaluation, where the comment left the times unknown (closed).
  expect(weeklyHours(places[0]!.openingHoursOsm, '2026-12-07').mon).toEqual([['11:00', '22:00']]);
  expect(weeklyHours(hours[0]!, '2026-12-07').mon).toEqual([]);
  // Each rule's own last entry: the Saturday night's last order (01:30, 30 before its 02:00 close) is
  // not the weekdays' 60: none before Saturday's midnight, 30 in Sunday's early hours (01:00 with the row's 60).
  const [friday, saturday, sunday] = dayOpenings(places[2]!.openingHoursOsm, ['2026-12-11', '2026-12-12', '2026-12-13'], undefined, places[2]!.lastEntryMinutes);
  expect([friday, saturday, sunday].map((o) => [o!.intervals, o!.lastEntryMinutes])).toEqual([
    [[['11:00', '22:00']], [60]],
    [[['18:00', '24:00']], [0]],
    [[['00:00', '02:00']], [30]],
  ]);
  for (const p of places) expect(checkPlaceRecord(p)).toEqual({ ok: true, record: p });
});

it('reads a last order or entry written in Korean, or as a time before the close, as it reads the English one', async () => {
  const hours = [
    'Mo-Su 11:00-22:00 "라스트오더 21:00"',
    'Tu-Su 09:00-18:00 "입장마감 17:00"; Mo off',
    'Mo-Su 11:00-22:00 "라스트 오더 21:30"',
    'Mo-Su 11:00-22:00 "last order 1 hour before closing"',
    'Mo-Su 10:00-20:00 "last entry 30 minutes before close"',
    'Mo-Su 09:00-18:00 "입장마감 마감 1시간 전"',
    'Mo-Su 09:00-18:00 "폐장 30분 전 입장마감"',
    // Korean comments that are no last entry stay, their times unknown.
    'Mo-Fr 09:00-18:00 "예약제"',
  ];
  const { places } = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...hours.map((h, i) => restaurant(i + 1, h, 126.98 + i * 0.002))] }, { retrievedOn: '2026-12-06' });
  expect(places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes])).toEqual([
    ['Mo-Su 11:00-22:00 open "라스트오더 21:00"', 60],
    ['Tu-Su 09:00-18:00 open "입장마감 17:00"; Mo off', 60],
    ['Mo-Su 11:00-22:00 open "라스트 오더 21:30"', 30],
    ['Mo-Su 11:00-22:00 open "last order 1 hour before closing"', 60],
    ['Mo-Su 10:00-20:00 open "last entry 30 minutes before close"', 30],
    ['Mo-Su 09:00-18:00 open "입장마감 마감 1시간 전"', 60],
    ['Mo-Su 09:00-18:00 open "폐장 30분 전 입장마감"', 30],
    ['Mo-Fr 09:00-18:00 "예약제"', undefined],
  ]);
  expect(weeklyHours(places[1]!.openingHoursOsm, '2026-12-07').tue).toEqual([['09:00', '18:00']]);
  for (const p of places) expect(checkPlaceRecord(p)).toEqual({ ok: true, record: p });
});

it('reads compound times ("1 hour 30 minutes before", "1시간 30분 전") and Korean clock hours ("21시"), and skips loudly a last entry it cannot read', async () => {
  const hours = [
    'Mo-Su 10:00-20:00 "last entry 1 hour 30 minutes before closing"',
    'Mo-Su 10:00-20:00 "Last admission 1 h 30 min before close"',
    'Mo-Su 09:00-18:00 "입장마감 마감 1시간 30분 전"',
    'Mo-Su 09:00-18:00 "폐장 1시간 30분 전 입장마감"',
    'Mo-Su 11:00-22:00 "라스트오더 21시"',
    'Tu-Su 09:00-18:00 "입장마감 17시 30분까지"; Mo off',
    // Words of a last entry with no time the importer reads: before, imported with the comment (its
    // times unknown, never planned), said nowhere. Now skipped, counted, and the comment listed.
    'Mo-Su 10:00-20:00 "last entry varies by season"',
  ];
  const report = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...hours.map((h, i) => restaurant(i + 1, h, 126.98 + i * 0.002))] }, { retrievedOn: '2026-12-06' });
  expect(report.places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes])).toEqual([
    ['Mo-Su 10:00-20:00 open "last entry 1 hour 30 minutes before closing"', 90],
    ['Mo-Su 10:00-20:00 open "Last admission 1 h 30 min before close"', 90],
    ['Mo-Su 09:00-18:00 open "입장마감 마감 1시간 30분 전"', 90],
    ['Mo-Su 09:00-18:00 open "폐장 1시간 30분 전 입장마감"', 90],
    ['Mo-Su 11:00-22:00 open "라스트오더 21시"', 60],
    ['Tu-Su 09:00-18:00 open "입장마감 17시 30분까지"; Mo off', 30],
  ]);
  expect(report.skipped['a last entry in its opening_hours that cannot be read']).toBe(1);
  expect(report.unreadLastEntries).toEqual(['last entry varies by season']);
  for (const p of report.places) expect(checkPlaceRecord(p)).toEqual({ ok: true, record: p });
});

it('reads the end of ticket sales as a last entry ("last ticket 17:30", 매표마감, 발권마감) and "about" a figure as the figure ("about 1 h", "약 1시간")', async () => {
  const hours = [
    'Tu-Su 09:00-18:00 "last ticket 17:30"; Mo off',
    'Mo-Su 09:00-18:00 "Last tickets 17:00"',
    'Mo-Su 10:00-20:00 "last entry about 1 h before closing"',
    'Mo-Su 10:00-20:00 "last admission approx. 30 min before close"',
    'Mo-Su 09:00-18:00 "매표마감 17:00"',
    'Mo-Su 09:00-18:00 "발권마감 17시 30분"',
    'Mo-Su 09:00-18:00 "매표마감 약 1시간 전"',
    'Mo-Su 09:00-18:00 "폐장 약 30분 전 발권마감"',
    // Words of ticket sales with no time read: skipped and listed, as an unread last entry is.
    'Mo-Su 09:00-18:00 "last ticket sold at dusk"',
  ];
  const report = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...hours.map((h, i) => restaurant(i + 1, h, 126.98 + i * 0.002))] }, { retrievedOn: '2026-12-06' });
  expect(report.places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes])).toEqual([
    ['Tu-Su 09:00-18:00 open "last ticket 17:30"; Mo off', 30],
    ['Mo-Su 09:00-18:00 open "Last tickets 17:00"', 60],
    ['Mo-Su 10:00-20:00 open "last entry about 1 h before closing"', 60],
    ['Mo-Su 10:00-20:00 open "last admission approx. 30 min before close"', 30],
    ['Mo-Su 09:00-18:00 open "매표마감 17:00"', 60],
    ['Mo-Su 09:00-18:00 open "발권마감 17시 30분"', 30],
    ['Mo-Su 09:00-18:00 open "매표마감 약 1시간 전"', 60],
    ['Mo-Su 09:00-18:00 open "폐장 약 30분 전 발권마감"', 30],
  ]);
  expect(report.unreadLastEntries).toEqual(['last ticket sold at dusk']);
  // The service reads each as its rule's own last entry.
  expect(dayOpenings(report.places[0]!.openingHoursOsm, ['2026-12-08'])[0]!.lastEntryMinutes).toEqual([30]);
  expect(dayOpenings(report.places[2]!.openingHoursOsm, ['2026-12-08'])[0]!.lastEntryMinutes).toEqual([60]);
  for (const p of report.places) expect(checkPlaceRecord(p)).toEqual({ ok: true, record: p });
});

it('reads a last entry written out ("about an hour before closing", "half an hour"), ticket sales until a time or before closing, and Korean "입장은 마감 1시간 전까지"', async () => {
  // Before: "last entry about an hour before closing" and "한 시간" had the words of a last entry in a form not read,
  // so the element was skipped and listed; "tickets until 17:30", "입장은 마감 1시간 전까지" were comments alone (never planned).
  const hours = [
    'Mo-Su 10:00-20:00 "last entry about an hour before closing"',
    'Mo-Su 10:00-20:00 "last order half an hour before close"',
    'Mo-Su 10:00-20:00 "last admission an hour and a half before closing time"',
    'Mo-Su 09:00-18:00 "tickets until 17:30"',
    'Mo-Su 09:00-18:00 "ticketing ends 1 h before closing"',
    'Mo-Su 09:00-18:00 "입장은 마감 1시간 전까지"',
    'Mo-Su 09:00-18:00 "폐장 30분 전까지 입장 가능"',
    'Mo-Su 09:00-18:00 "입장마감 마감 약 한 시간 전"',
    // A price, not a last entry: kept as a comment, its times unknown, as before.
    'Mo-Su 09:00-18:00 "free admission until 10:00"',
  ];
  const report = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...hours.map((h, i) => restaurant(i + 1, h, 126.98 + i * 0.002))] }, { retrievedOn: '2026-12-06' });
  expect(report.places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes])).toEqual([
    ['Mo-Su 10:00-20:00 open "last entry about an hour before closing"', 60],
    ['Mo-Su 10:00-20:00 open "last order half an hour before close"', 30],
    ['Mo-Su 10:00-20:00 open "last admission an hour and a half before closing time"', 90],
    ['Mo-Su 09:00-18:00 open "tickets until 17:30"', 30],
    ['Mo-Su 09:00-18:00 open "ticketing ends 1 h before closing"', 60],
    ['Mo-Su 09:00-18:00 open "입장은 마감 1시간 전까지"', 60],
    ['Mo-Su 09:00-18:00 open "폐장 30분 전까지 입장 가능"', 30],
    ['Mo-Su 09:00-18:00 open "입장마감 마감 약 한 시간 전"', 60],
    ['Mo-Su 09:00-18:00 "free admission until 10:00"', undefined],
  ]);
  expect(report.unreadLastEntries).toEqual([]);
  for (const p of report.places) expect(checkPlaceRecord(p)).toEqual({ ok: true, record: p });
});

it('reads a last entry against a close at sunset with the sun times of the element\'s place, not the package\'s default 18:00', async () => {
  // Before: the comments' intervals were evaluated without coordinates, so every sunset was 18:00 and '10:00-sunset
  // "last entry 16:30"' in Seoul was imported with 90; Seoul's sunset runs from 17:14 to 19:57 over a year, and the
  // service (given the place's coordinates) gives the rule's own figure per date: up to 207 in June.
  const { places } = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), restaurant(1, 'Mo-Su 10:00-sunset "last entry 16:30"', 126.98)] }, { retrievedOn: '2026-12-06' });
  const [place] = places;
  const dates = Array.from({ length: 366 }, (_, i) => addDays('2026-12-06', i));
  const perDate = dayOpenings(place!.openingHoursOsm, dates, place).map((d) => d.lastEntryMinutes![0]!);
  // The row's one figure is the larger where intervals differ (data/README.md): the longest day's.
  expect(place!.lastEntryMinutes).toBe(Math.max(...perDate));
  expect(place!.lastEntryMinutes).toBeGreaterThan(200);
  expect(Math.min(...perDate)).toBeLessThan(60);
});

it('reads no last entry against an open end, whose close is only guessed: the place is counted open from its start', async () => {
  const bar = { type: 'Feature', id: 'node/1', properties: { amenity: 'restaurant', name: '식당 1', 'name:en': 'Restaurant 1', opening_hours: 'Mo-Su 18:00+ "last order 01:00"' }, geometry: { type: 'Point', coordinates: [126.98, 37.57] } };
  const { places } = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), bar] }, { retrievedOn: '2026-12-06' });
  // Before: 180 minutes before the package's guessed close at 04:00, imported as the row's figure:
  // more than the 2 hours the open end counts, so no visit could ever start in them.
  expect(places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes])).toEqual([['Mo-Su 18:00+ "last order 01:00"', undefined]]);
  const [friday] = dayOpenings(places[0]!.openingHoursOsm, ['2026-12-11'], undefined, places[0]!.lastEntryMinutes);
  expect([friday!.intervals, friday!.lastEntryMinutes]).toEqual([[['18:00', '20:00']], undefined]);
});

it('skips, counted and listed, a last entry it reads but cannot use: at or after the close, or before closing on an open end', async () => {
  const hours = [
    // After the close: before, imported with the comment alone, its times unknown: never planned, said nowhere.
    'Mo-Su 11:00-22:00 "last order 23:00"',
    'Tu-Su 09:00-18:00 "last entry 18:00"; Mo off',
    // "Before closing" on an open end, whose close is only guessed: before, imported and the last entry ignored.
    'Mo-Su 18:00+ "last order 1 hour before closing"',
    // Kept: a clock time on an open end is read by the service (after its counted close, it restricts nothing).
    'Mo-Su 18:00+ "last order 01:00"',
    'Mo-Su 11:00-22:00 "last order 21:00"',
  ];
  const report = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...hours.map((h, i) => restaurant(i + 1, h, 126.98 + i * 0.002))] }, { retrievedOn: '2026-12-06' });
  expect(report.places.map((p) => [p.openingHoursOsm, p.lastEntryMinutes])).toEqual([
    ['Mo-Su 18:00+ "last order 01:00"', undefined],
    ['Mo-Su 11:00-22:00 open "last order 21:00"', 60],
  ]);
  expect(report.skipped).toEqual({
    'boundary of a region (read, not a place)': 1,
    'a last entry in its opening_hours that cannot be used (at or after the close, or before closing on an open end)': 3,
  });
  expect(report.unusableLastEntries).toEqual(['last entry 18:00', 'last order 1 hour before closing', 'last order 23:00']);
  expect(report.unreadLastEntries).toEqual([]);
});

it('labels seoul what lies inside Seoul, by its boundary in the export, not what its box also holds (Bucheon, Hanam)', async () => {
  const place = (id: string, tags: Record<string, string>, lng: number, lat: number) => ({ type: 'Feature', id, properties: { opening_hours: 'Mo-Su 10:00-22:00', ...tags }, geometry: { type: 'Point', coordinates: [lng, lat] } });
  const places = [
    place('node/2500000001', { shop: 'mall', name: '스타필드 하남', 'name:en': 'Starfield Hanam' }, 127.2243, 37.5455),
    place('way/2500000002', { leisure: 'park', name: '부천중앙공원', 'name:en': 'Bucheon Central Park' }, 126.7641, 37.5017),
    place('node/2500000003', { tourism: 'viewpoint', name: '서울스카이', 'name:en': 'Seoul Sky' }, 127.1025, 37.5126),
  ];
  const report = importOsmGeoJson({ type: 'FeatureCollection', features: [await seoulBoundary(), ...places] }, { retrievedOn: '2026-12-06' });
  expect(report.places.map((p) => [p.id, p.region])).toEqual([['osm-node-2500000003', 'seoul']]);
  expect(report.skipped).toEqual({ 'outside every region': 2, 'boundary of a region (read, not a place)': 1 });
  // Without the boundary the box cannot tell: refused, not guessed.
  const unbounded = importOsmGeoJson({ type: 'FeatureCollection', features: places }, { retrievedOn: '2026-12-06' });
  expect(unbounded.places).toEqual([]);
  expect(unbounded.skipped).toEqual({ 'no boundary of its region in the export (ISO3166-2)': 3 });
});
