// The route table of routes/web.php, routes/api.php and Laravel's /up health route, and the
// router's answers when a path is unknown (404) or known under other methods (405, or 200 with
// Allow for OPTIONS).
import * as applications from './applications';
import { login, logout, register } from './auth-routes';
import type { Handler } from './context';
import { html, json, type Reply } from './responses';

interface Route {
  methods: readonly string[];
  pattern: RegExp;
  handler: Handler;
  /** Behind auth:sanctum. */
  auth?: true;
}

const GET = ['GET', 'HEAD'];
const ITEM = /^\/api\/applications\/(?<id>[^/]+)$/;

const home: Handler = () => json(200, { name: 'CareerTrack API', version: '1.0', status: 'OK' });

const up: Handler = () =>
  html(
    200,
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>CareerTrack API</title>\n</head>\n<body>\n<div>Application up</div>\n</body>\n</html>\n',
  );

const ROUTES: Route[] = [
  { methods: GET, pattern: /^\/$/, handler: home },
  { methods: GET, pattern: /^\/up$/, handler: up },
  { methods: ['POST'], pattern: /^\/api\/auth\/register$/, handler: register },
  { methods: ['POST'], pattern: /^\/api\/auth\/login$/, handler: login },
  { methods: ['POST'], pattern: /^\/api\/auth\/logout$/, handler: logout, auth: true },
  { methods: GET, pattern: /^\/api\/applications$/, handler: applications.index, auth: true },
  { methods: ['POST'], pattern: /^\/api\/applications$/, handler: applications.store, auth: true },
  { methods: GET, pattern: ITEM, handler: applications.show, auth: true },
  { methods: ['PUT', 'PATCH'], pattern: ITEM, handler: applications.update, auth: true },
  { methods: ['DELETE'], pattern: ITEM, handler: applications.destroy, auth: true },
  { methods: GET, pattern: /^\/api\/stats$/, handler: applications.stats, auth: true },
];

/** Router::$verbs, the order Laravel lists supported methods in. */
const VERBS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export type RouteMatch =
  | { kind: 'found'; handler: Handler; auth: boolean; params: Record<string, string> }
  | { kind: 'options'; reply: Reply }
  | { kind: 'not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** Matches a decoded path without its trailing slash. */
export function matchRoute(method: string, path: string): RouteMatch {
  const matching = ROUTES.map((route) => ({ route, m: route.pattern.exec(path) })).filter(
    (x) => x.m !== null,
  );
  const found = matching.find((x) => x.route.methods.includes(method));
  if (found) {
    return {
      kind: 'found',
      handler: found.route.handler,
      auth: found.route.auth === true,
      params: { ...found.m?.groups },
    };
  }
  if (matching.length === 0) return { kind: 'not-found' };
  const allowed = VERBS.filter(
    (verb) => verb !== method && matching.some((x) => x.route.methods.includes(verb)),
  );
  if (method === 'OPTIONS') {
    return {
      kind: 'options',
      reply: { status: 200, headers: { Allow: allowed.join(',') }, body: '' },
    };
  }
  return { kind: 'not-allowed', allowed };
}
