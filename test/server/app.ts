// The HTTP server: Laravel's request lifecycle in the order that decides which error a client
// sees first. Global middleware (CORS, post size, input cleaning), then routing (404/405), then
// auth:sanctum (401), then the handler's binding (404), policy (403) and validation (422).
// Faults, when armed, act around all of it.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import type { RequestContext } from './context';
import { sqlDateTime } from './dates';
import { type Db, openDatabase } from './db';
import { FaultController, FaultPlanError, faultReply, redirectReply } from './faults';
import { cleanInput, expectsJson, type Input, parseBody, parseQuery } from './input';
import {
  AuthenticationError,
  HttpError,
  json,
  noContent,
  type Reply,
  renderError,
} from './responses';
import { matchRoute } from './routes';

export interface ApiOptions {
  /** An open database, or a path for one (':memory:' by default). */
  db?: Db | string;
  /**
   * Serve the fault control routes (/__faults). A FaultController may be passed to share one;
   * faults added in code through `api.faults` apply either way.
   */
  faults?: boolean | FaultController;
  /** The app clock (created_at, updated_at, upcoming next steps). Default: the real time. */
  clock?: () => Date;
  /** Largest request body, in bytes; more gets a 413 (Laravel's post_max_size). Default 1 MiB. */
  bodyLimit?: number;
}

export interface Api {
  server: Server;
  db: Db;
  faults: FaultController;
  /** Starts listening; resolves with the base URL ("http://127.0.0.1:54321"). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops listening, drops open connections, and closes the database if this server opened it. */
  close(): Promise<void>;
}

export interface RunningApi extends Api {
  url: string;
  port: number;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function createServer(options: ApiOptions = {}): Api {
  const ownsDb = typeof options.db !== 'object';
  const db = typeof options.db === 'object' ? options.db : openDatabase(options.db ?? ':memory:');
  const faults = typeof options.faults === 'object' ? options.faults : new FaultController();
  const exposeFaults = options.faults !== undefined && options.faults !== false;
  const clock = options.clock ?? (() => new Date());
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;

  const server = createHttpServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      console.error('[careertrack-api] request failed:', error);
      if (!res.headersSent) send(res, json(500, { message: 'Server Error' }));
      else res.destroy();
    });
  });

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const [rawPath = '/', queryString = ''] = splitUrl(req.url ?? '/');

    if (rawPath === '/__faults' || rawPath.startsWith('/__faults/')) {
      if (exposeFaults) return send(res, await faultControl(method, rawPath, req));
    }

    const { fault, entry } = faults.take(method, rawPath);
    const phase = fault?.phase ?? 'before';
    const finish = (reply: Reply | null, cutOff?: Reply) => {
      entry.outcome = reply ? 'answered' : 'dropped';
      entry.status = reply?.status ?? null;
      if (reply && fault?.kind === 'stall') sendStalled(res, reply);
      else if (reply) send(res, reply);
      else if (cutOff) sendCut(res, cutOff);
      else req.socket.destroy();
    };

    if (fault && phase === 'before') {
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.kind === 'drop')
        return finish(null, fault.cut ? json(200, { data: null }) : undefined);
    }
    const body = await readBody(req, bodyLimit);
    if (body === undefined) return finish(null);
    if (fault && phase === 'before' && fault.kind === 'status') {
      return finish(faultReply(fault));
    }
    if (fault && phase === 'before' && fault.kind === 'redirect') {
      return finish(redirectReply(fault, req.url ?? '/'));
    }
    let reply = await handle(req, method, rawPath, queryString, body);
    if (fault && phase === 'after') {
      entry.handledStatus = reply.status;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.kind === 'drop') return finish(null, fault.cut ? reply : undefined);
      if (fault.kind === 'status') reply = faultReply(fault);
      if (fault.kind === 'redirect') reply = redirectReply(fault, req.url ?? '/');
    }
    finish(reply);
  }

  async function handle(
    req: IncomingMessage,
    method: string,
    rawPath: string,
    queryString: string,
    body: string | null,
  ): Promise<Reply> {
    const headers = req.headers;
    const rootUrl = `http://${headers.host ?? 'localhost'}`;
    const isApi = rawPath.startsWith('/api/');
    const render = {
      expectsJson: expectsJson(headers.accept, header(headers['x-requested-with'])),
      previousUrl: previousUrl(header(headers.referer), rootUrl),
    };
    // HandleCors answers preflights itself, before anything else runs.
    if (isApi && method === 'OPTIONS' && headers['access-control-request-method']) {
      return preflight(req);
    }
    let reply: Reply;
    try {
      if (body === null) throw new HttpError(413, 'The POST data is too large.');
      const path = decodePath(rawPath);
      const route = matchRoute(method, path);
      const shownPath = rawPath.replace(/^\/+|\/+$/g, '') || '/';
      if (route.kind === 'not-found') {
        throw new HttpError(404, `The route ${shownPath} could not be found.`);
      }
      if (route.kind === 'not-allowed') {
        throw new HttpError(
          405,
          `The ${method} method is not supported for route ${shownPath}. Supported methods: ${route.allowed.join(', ')}.`,
          { Allow: route.allowed.join(', ') },
        );
      }
      if (route.kind === 'options') {
        reply = route.reply;
      } else {
        const query = cleanInput(parseQuery(queryString));
        const fields = cleanInput(parseBody(method, header(headers['content-type']) ?? '', body));
        const input: Input = Object.assign(Object.create(null), query, fields);
        const now = () => sqlDateTime(clock());
        const auth = route.auth ? authenticate(db, header(headers.authorization), now()) : null;
        if (route.auth && !auth) throw new AuthenticationError();
        const ctx: RequestContext = {
          db,
          now,
          method,
          path,
          url: rootUrl + (rawPath.replace(/\/+$/, '') || ''),
          rootUrl,
          query,
          input,
          headers,
          params: route.params,
          auth,
        };
        reply = await route.handler(ctx);
      }
    } catch (error) {
      reply = renderError(error, render);
    }
    // Laravel's default CORS config allows any origin on api/*, on errors too.
    if (isApi) reply.headers['Access-Control-Allow-Origin'] = '*';
    return reply;
  }

  async function faultControl(method: string, path: string, req: IncomingMessage): Promise<Reply> {
    const body = await readBody(req, bodyLimit);
    if (body === undefined) return json(400, { message: 'The request was cut off.' });
    if (path === '/__faults/log') {
      return method === 'GET' ? json(200, { data: faults.log }) : notAllowed('GET');
    }
    if (path !== '/__faults') return json(404, { message: 'Unknown fault control route.' });
    if (method === 'GET') return json(200, { data: faults.list() });
    if (method === 'DELETE') {
      faults.clear();
      return noContent();
    }
    if (method !== 'POST') return notAllowed('GET, POST, DELETE');
    let plan: unknown;
    try {
      plan = JSON.parse(body ?? '');
    } catch {
      return json(400, { message: 'The fault plan must be JSON.' });
    }
    const plans = (plan as { rules?: unknown })?.rules ?? plan;
    try {
      return json(201, { data: faults.add(plans as never) });
    } catch (error) {
      if (error instanceof FaultPlanError) return json(422, { message: error.message });
      throw error;
    }
  }

  return {
    server,
    db,
    faults,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => {
          if (ownsDb && db.open) db.close();
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}

/** Creates and starts a server: `const api = await startApi(); ... await api.close();` */
export async function startApi(
  options: ApiOptions & { port?: number; host?: string } = {},
): Promise<RunningApi> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const api = createServer(rest);
  const url = await api.listen(port, host);
  return { ...api, url, port: (api.server.address() as AddressInfo).port };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

/** The router matches the percent-decoded path without a trailing slash. */
function decodePath(rawPath: string): string {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  return path.replace(/\/+$/, '') || '/';
}

/** url()->previous(): the Referer made absolute, else the site root. */
function previousUrl(referer: string | undefined, rootUrl: string): string {
  if (!referer) return rootUrl;
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(referer)) return referer;
  return `${rootUrl}/${referer.replace(/^\/+|\/+$/g, '')}`.replace(/\/+$/, '');
}

/** fruitcake/php-cors with Laravel's default config (everything allowed, max age 0). */
function preflight(req: IncomingMessage): Reply {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': String(
      req.headers['access-control-request-method'],
    ).toUpperCase(),
    'Access-Control-Max-Age': '0',
    Vary: 'Access-Control-Request-Method, Access-Control-Request-Headers',
  };
  const requested = header(req.headers['access-control-request-headers']);
  if (requested) headers['Access-Control-Allow-Headers'] = requested;
  return { status: 204, headers, body: null };
}

function notAllowed(allow: string): Reply {
  return json(405, { message: `Use ${allow}.` }, { Allow: allow });
}

/**
 * Reads the body as text: null when it is larger than the limit, undefined when the client went
 * away. An oversized body is still read (and thrown away) so the client gets its 413 rather than
 * a reset, up to 16 times the limit, where the connection is cut.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * 16) req.socket.destroy();
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
    req.on('close', () => {
      if (!req.complete) resolve(undefined);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The status line, the headers and half the body of `reply`, then the connection closes. */
function sendCut(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const body = reply.body ?? '';
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(body) + 64);
  res.write(body.slice(0, Math.floor(body.length / 2)));
  setTimeout(() => res.socket?.destroy(), 20);
}

/** Headers and the first half of the body, then silence on an open connection. */
function sendStalled(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const body = reply.body ?? '';
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.write(body.slice(0, Math.floor(body.length / 2)));
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  if (reply.body === null) {
    res.end();
    return;
  }
  // A fault may ask for a body streamed in chunks, whose length nobody declares.
  if (reply.headers['Transfer-Encoding'] === 'chunked') {
    const chunk = 64 * 1024;
    for (let at = 0; at < reply.body.length; at += chunk)
      res.write(reply.body.slice(at, at + chunk));
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(reply.body));
  res.end(reply.body);
}
