// What a route handler gets: the request as Laravel's middlewares left it, and the app's services.
import type { IncomingHttpHeaders } from 'node:http';
import type { Authenticated } from './auth';
import type { Db } from './db';
import type { Input } from './input';
import type { Reply } from './responses';

export interface RequestContext {
  db: Db;
  /** The app clock, already in Laravel's storage format ('Y-m-d H:i:s', UTC). */
  now(): string;
  method: string;
  /** Decoded path without its trailing slash, as the router matches it. */
  path: string;
  /** request()->url(): scheme, host and path, no query, no trailing slash. */
  url: string;
  /** url('/'): where Laravel redirects when it knows nothing better. */
  rootUrl: string;
  /** The query string after TrimStrings and ConvertEmptyStringsToNull. */
  query: Input;
  /** $request->all(): the body's fields over the query's. */
  input: Input;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  /** Set by the auth:sanctum middleware on routes that require it. */
  auth: Authenticated | null;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** The user on a route behind auth:sanctum (the router has already refused guests). */
export function currentUser(ctx: RequestContext): Authenticated {
  if (!ctx.auth) throw new Error('route is missing requireAuth');
  return ctx.auth;
}
