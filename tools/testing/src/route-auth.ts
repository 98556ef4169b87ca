/**
 * Which routes of a built service ask for an access token, read from the routes' own hook lists as
 * Fastify runs them (printRoutes: the app's, the plugins' and the route's hooks together), against
 * the catalog: the mesh's JWT rule is rendered from the catalog's public prefixes and anonymous
 * paths, so a route the code opens (or closes) apart from it passes every test and drifts from prod.
 */
import { routeAccess, SERVICES, type ServiceName } from '@tripgen/catalog';
import type { App } from '@tripgen/service-kit';

/** The kit's onRequest hook that refuses a request without a valid token (`app.authenticate`). */
const AUTHENTICATE = 'authenticate()';

export interface RouteHooks {
  readonly route: string;
  readonly onRequest: readonly string[];
}

/** Each method and path the app serves with the names of its onRequest hooks, in order (`GET /a/:id`). */
export const routeHooks = (app: App): RouteHooks[] => {
  const routes: RouteHooks[] = [];
  // The tree nests a path under the one it extends ("│   └── /preferences (PUT)" under /api/v1/users/me,
  // "│   └── -everywhere (POST)" under /api/v1/auth/logout: a radix tree splits anywhere, not only at a
  // slash), four characters a level; a path's other method is on a line of its own at the same level.
  const pathAt: string[] = [''];
  let last: { route: string; onRequest: string[] }[] = [];
  for (const line of app.printRoutes({ includeMeta: ['onRequest'], commonPrefix: false }).split('\n')) {
    const hooks = /• \(onRequest\) (\[.*\])$/.exec(line);
    if (hooks) {
      for (const r of last) r.onRequest.push(...(JSON.parse(hooks[1]!) as string[]));
      continue;
    }
    const node = /^([│├└─ ]*)([^\s•]\S*)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    const path = `${pathAt[depth - 1] ?? ''}${node[2]!}`;
    pathAt.length = depth;
    pathAt[depth] = path;
    last = (node[3]?.split(', ') ?? []).map((method) => ({ route: `${method} ${path}`, onRequest: [] }));
    routes.push(...last);
  }
  return routes;
};

/** What the catalog asks of a route ("METHOD /path") of `service` (catalog routeAccess). */
const expected = (service: ServiceName, route: string): 'token' | 'none' | 'outside' => routeAccess(service, route.slice(route.indexOf(' ') + 1));

/**
 * Every disagreement between the app and the catalog, one line each (none: an empty list): a route
 * that should ask for a token and does not, one that asks when the catalog says it is open, one
 * that runs `authenticate` more than once, a route outside the catalog's prefixes, an anonymous path
 * of the catalog the service does not serve.
 */
export const routeAuthenticationDrift = (app: App, service: ServiceName): string[] => {
  const routes = routeHooks(app);
  // A check that read no route would pass.
  const problems: string[] = routes.length === 0 ? ['no route read from printRoutes'] : [];
  for (const { route, onRequest } of routes) {
    const times = onRequest.filter((name) => name === AUTHENTICATE).length;
    const want = expected(service, route);
    if (want === 'outside') problems.push(`${route}: outside the catalog's public, internal and operational paths`);
    else if (times > 1) problems.push(`${route}: authenticate runs ${times} times`);
    else if ((times === 1) !== (want === 'token')) problems.push(`${route}: ${times === 1 ? 'asks for a token the catalog lists it without' : 'served without a token the catalog asks for'}`);
  }
  for (const path of SERVICES[service].routes.flatMap((r) => r.anonymous)) {
    if (!routes.some((r) => r.route.endsWith(` ${path}`))) problems.push(`${path}: anonymous in the catalog, served by no route`);
  }
  return problems;
};
