/**
 * Coverage per workspace from vitest's json-summary report (coverage/coverage-summary.json): the
 * figures the gate in vitest.config.ts judges, one row per workspace, for the people reading the
 * test log. The gate itself is vitest's (coverage.thresholds); this only prints.
 */
export interface Counts {
  readonly total: number;
  readonly covered: number;
}
type FileSummary = Readonly<Record<'lines' | 'branches', Counts>>;

export interface WorkspaceCoverage {
  readonly workspace: string;
  readonly files: number;
  readonly lines: Counts;
  readonly branches: Counts;
}

export const percent = (c: Counts): number => (c.total === 0 ? 100 : (100 * c.covered) / c.total);

/** Sums the per-file figures of each workspace (the longest workspace folder a file is in). */
export function byWorkspace(summary: Readonly<Record<string, FileSummary>>, root: string, workspaces: readonly string[]): WorkspaceCoverage[] {
  const rows = new Map(workspaces.map((w) => [w, { workspace: w, files: 0, lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } }]));
  const byLength = [...workspaces].sort((a, b) => b.length - a.length);
  for (const [file, s] of Object.entries(summary)) {
    if (file === 'total') continue;
    const rel = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
    const row = rows.get(byLength.find((w) => rel.startsWith(`${w}/`)) ?? '');
    if (!row) continue;
    row.files += 1;
    for (const k of ['lines', 'branches'] as const) row[k] = { total: row[k].total + s[k].total, covered: row[k].covered + s[k].covered };
  }
  return [...rows.values()];
}

export function formatTable(rows: readonly WorkspaceCoverage[], minimum: Readonly<Record<'lines' | 'branches', number>>): string {
  const fmt = (c: Counts) => `${percent(c).toFixed(1).padStart(5)}% (${c.covered}/${c.total})`;
  const lines = rows.map((r) => {
    const ok = percent(r.lines) >= minimum.lines && percent(r.branches) >= minimum.branches;
    return `${r.workspace.padEnd(28)} ${String(r.files).padStart(5)}  ${fmt(r.lines).padEnd(22)} ${fmt(r.branches).padEnd(22)} ${ok ? 'ok' : 'BELOW'}`;
  });
  return [`${'workspace'.padEnd(28)} files  ${'lines'.padEnd(22)} ${'branches'.padEnd(22)} >= ${minimum.lines}% / ${minimum.branches}%`, ...lines].join('\n');
}
