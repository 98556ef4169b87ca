import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for osrm-routed that speaks its HTTP API v1 table service as documented in
 * Project-OSRM/osrm-backend docs/http.md: GET /table/v1/{profile}/{lon},{lat};...?sources=..&
 * destinations=..&annotations=duration; 200 {"code":"Ok","durations":[[s|null]],"sources":[..],
 * "destinations":[..]}; errors as HTTP 400 {"code","message"} with the documented codes
 * (InvalidQuery, InvalidOptions, NoSegment, TooBig, where TooBig means sources x destinations >
 * max-table-size squared, as osrm-routed's table plugin checks). Durations are a straight-line
 * estimate at the profile's speed, so tests can predict them.
 */
export interface OsrmStubOptions {
  /** osrm-routed --max-table-size. Default 100. */
  maxTableSize?: number;
  /** Speeds per profile, km/h. */
  speeds?: Record<string, number>;
  /** Coordinates "lon,lat" that snap to no street (NoSegment). */
  noSegment?: string[];
  /** Coordinates "lon,lat" with no route to or from anywhere else (null cells). */
  island?: string[];
}

export interface StubBehaviour {
  /** Answer this many ms late. */
  delayMs: number;
  /** Answer every request with this instead of a table. */
  fail?: { status: number; contentType: string; body: string };
  /** Close the connection without an answer. */
  drop: boolean;
}

export interface OsrmStub {
  url: string;
  requests: URL[];
  behaviour: StubBehaviour;
  /** Forgets the requests seen and answers promptly and correctly again (between tests). */
  reset(): void;
  close(): Promise<void>;
}

function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Seconds the stub answers for a leg: 1.3 x straight line at the profile's speed. */
export function stubSeconds(a: [number, number], b: [number, number], kmh: number): number {
  return Math.round(((km(a, b) * 1.3) / kmh) * 3600 * 10) / 10;
}

export async function startOsrmStub(options: OsrmStubOptions = {}): Promise<OsrmStub> {
  const max = options.maxTableSize ?? 100;
  const speeds = options.speeds ?? { foot: 4, driving: 30 };
  const requests: URL[] = [];
  const behaviour: StubBehaviour = { delayMs: 0, drop: false };
  const error = (res: ServerResponse, code: string, message: string): void => {
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ code, message }));
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://stub');
    requests.push(url);
    if (behaviour.drop) {
      req.socket.destroy();
      return;
    }
    if (behaviour.fail) {
      res.writeHead(behaviour.fail.status, { 'content-type': behaviour.fail.contentType });
      res.end(behaviour.fail.body);
      return;
    }
    const match = /^\/table\/v1\/([^/]+)\/([^/?]+)$/.exec(url.pathname);
    if (!match) return error(res, 'InvalidUrl', 'URL string malformed close to position 1: "/"');
    const profile = decodeURIComponent(match[1]!);
    const speed = speeds[profile];
    if (speed === undefined) return error(res, 'InvalidOptions', `profile ${profile} not loaded`);
    const coordinates = match[2]!.split(';').map((c) => c.split(',').map(Number) as [number, number]);
    if (coordinates.some((c) => c.length !== 2 || c.some((v) => !Number.isFinite(v)) || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)) {
      return error(res, 'InvalidQuery', 'Query string malformed close to position 0');
    }
    const indices = (name: string): number[] | null => {
      const raw = url.searchParams.get(name);
      if (raw === null || raw === 'all') return coordinates.map((_, i) => i);
      const list = raw.split(';').map(Number);
      return list.every((i) => Number.isInteger(i) && i >= 0 && i < coordinates.length) ? list : null;
    };
    const sources = indices('sources');
    const destinations = indices('destinations');
    if (!sources || !destinations) return error(res, 'InvalidOptions', 'Index out of bounds');
    if (sources.length * destinations.length > max * max) return error(res, 'TooBig', 'Too many table coordinates');
    const noSegment = coordinates.findIndex((c) => (options.noSegment ?? []).includes(`${c[0]},${c[1]}`));
    if (noSegment >= 0) return error(res, 'NoSegment', `Could not find a matching segment for coordinate ${noSegment}`);
    const isIsland = (c: [number, number]): boolean => (options.island ?? []).includes(`${c[0]},${c[1]}`);
    const durations = sources.map((s) =>
      destinations.map((d) => {
        if (s === d) return 0;
        const a = coordinates[s]!;
        const b = coordinates[d]!;
        return isIsland(a) !== isIsland(b) ? null : stubSeconds(a, b, speed);
      }),
    );
    const waypoint = (i: number) => ({ hint: 'stub', distance: 0, name: '', location: coordinates[i] });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ code: 'Ok', durations, sources: sources.map(waypoint), destinations: destinations.map(waypoint) }));
  };
  const server: Server = createServer((req, res) => {
    if (behaviour.delayMs > 0) {
      const timer = setTimeout(() => handle(req, res), behaviour.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else {
      handle(req, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behaviour,
    reset() {
      requests.length = 0;
      behaviour.delayMs = 0;
      behaviour.drop = false;
      delete behaviour.fail;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
