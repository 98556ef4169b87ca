/**
 * The place commands of the root package.json (`npm run places:load`, `npm run places:import-osm`)
 * take file paths relative to where they are typed, as their usage says, also from a folder of the
 * repository that is not its root (the location service reads them against INIT_CWD, which npm sets
 * to where the command was typed, and which a second npm in between would set to the root again).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-copy.ts';

it('reads the export a path relative to the folder it was typed in names (places:import-osm from apps/)', () => {
  const out = spawnSync('npm', ['run', '-s', 'places:import-osm', '--', 'location-service/test/fixtures/osm-export.geojson'], { cwd: path.join(REPO_ROOT, 'apps'), encoding: 'utf8' });
  expect(out.stderr).toBe('');
  expect(out.status, out.stdout).toBe(0);
  expect(out.stdout).toMatch(/^\d+ elements: kept \d+, skipped \d+/);
});
