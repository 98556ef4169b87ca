/**
 * Parser for the literature's TOPTW instance files (Solomon / Cordeau sets, see
 * bench/data/TOPTW_format.txt). Pure: text in, data out.
 *
 * Quirks handled: CRLF line ends (pr01-pr10), a broken first line (c204), variable-length
 * "list" fields (read O and C as the LAST two numbers of a node line).
 */
export interface TopTwNode {
  id: number;
  x: number;
  y: number;
  /** Visit duration. */
  duration: number;
  score: number;
  /** Earliest and latest start of the visit. */
  open: number;
  close: number;
}

export interface TopTwInstance {
  name: string;
  /** Node 0 is the depot; its close is the daily time budget. */
  nodes: TopTwNode[];
  /** Travel times are Euclidean distances truncated to this many decimals. */
  decimals: number;
}

/** Solomon sets truncate travel times to 1 decimal, Cordeau's pr sets to 2 (format note). */
export function decimalsForInstance(name: string): number {
  return /^pr\d/i.test(name) ? 2 : 1;
}

export function parseTopTw(text: string, name: string, decimals = decimalsForInstance(name)): TopTwInstance {
  const lines = text.split(/\r?\n/);
  const nodes: TopTwNode[] = [];
  // Node lines start on line 3 whatever lines 1-2 hold (c204's first line is broken).
  for (let l = 2; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '') continue;
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.some((v) => !Number.isFinite(v))) {
      throw new Error(`${name}: line ${l + 1} is not a node line: "${line}"`);
    }
    const node: TopTwNode = {
      id: f[0]!,
      x: f[1]!,
      y: f[2]!,
      duration: f[3]!,
      score: f[4]!,
      open: f[f.length - 2]!,
      close: f[f.length - 1]!,
    };
    if (node.id !== nodes.length) throw new Error(`${name}: line ${l + 1} has node ${node.id}, expected ${nodes.length}`);
    nodes.push(node);
  }
  if (nodes.length < 1) throw new Error(`${name}: no nodes`);
  return { name, nodes, decimals };
}

/** Travel time under the README convention, as an integer count of 10^-decimals units. */
export function scaledTravelTime(a: TopTwNode, b: TopTwNode, decimals: number): number {
  const scale = 10 ** decimals;
  const d = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2) * scale;
  // The epsilon keeps exact values (e.g. 5.0 computed as 4.9999999) from dropping a unit.
  return Math.floor(d + 1e-7);
}
