// Answers as Laravel writes them: json_encode's escaping, the exceptions a handler can throw, and
// how the exception handler renders them with and without `Accept: application/json`.
import { STATUS_CODES } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * json_encode() with the flags Laravel's JsonResponse uses (none): "/" becomes "\/" and every
 * non-ASCII character a \u escape. The parsed value is the same; the bytes match the real server,
 * so a client that pattern-matches raw text fails here as it would there.
 */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const BASE_HEADERS = { 'Cache-Control': 'no-cache, private' };

export function json(status: number, data: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json', ...headers },
    body: phpJson(data),
  };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=UTF-8', ...headers },
    body,
  };
}

/** Symfony drops the Content-Type of an empty 204. */
export function noContent(): Reply {
  return { status: 204, headers: { ...BASE_HEADERS }, body: null };
}

/** An HttpException: 403, 404, 405, 413, ... with Laravel's message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** ValidationException: field → messages, in rule order. */
export class ValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super(summarize(errors));
  }
}

/** AuthenticationException from the auth:sanctum middleware. */
export class AuthenticationError extends Error {
  constructor() {
    super('Unauthenticated.');
  }
}

/** ValidationException::summarize(): the first message and "(and N more error(s))". */
export function summarize(errors: Record<string, string[]>): string {
  const all = Object.values(errors).flat();
  const [first, ...rest] = all;
  if (first === undefined) return 'The given data was invalid.';
  if (rest.length === 0) return first;
  return `${first} (and ${rest.length} more ${rest.length === 1 ? 'error' : 'errors'})`;
}

export interface RenderContext {
  expectsJson: boolean;
  /** Where url()->previous() points: the Referer header, else the site root. */
  previousUrl: string;
}

export function renderError(error: unknown, ctx: RenderContext): Reply {
  if (error instanceof ValidationError) {
    if (ctx.expectsJson) return json(422, { message: error.message, errors: error.errors });
    // A browser-style request is sent back where it came from, errors flashed to a session the
    // API never reads.
    return redirect(ctx.previousUrl);
  }
  if (error instanceof AuthenticationError) {
    if (ctx.expectsJson) return json(401, { message: 'Unauthenticated.' });
    // Laravel redirects guests to route('login'), which this API does not define: the redirect
    // itself throws "Route [login] not defined." and the answer is a 500 page.
    return html(500, errorPage(500, 'Server Error'));
  }
  if (error instanceof HttpError) {
    if (ctx.expectsJson) return json(error.status, { message: error.message }, error.headers);
    const title = error.status === 403 ? error.message : (STATUS_CODES[error.status] ?? 'Error');
    return html(error.status, errorPage(error.status, title), error.headers);
  }
  // Anything else (a failed SQL constraint, a bug) is a 500 without details, as in production.
  console.error('[careertrack-api] 500:', error instanceof Error ? error.message : error);
  if (ctx.expectsJson) return json(500, { message: 'Server Error' });
  return html(500, errorPage(500, 'Server Error'));
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' })[c] ?? c,
  );
}

/** The shape of Laravel's minimal error views ("404 | Not Found"), without their styles. */
export function errorPage(status: number, message: string): string {
  const text = escapeHtml(message);
  return `<!DOCTYPE html>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>${text}</title>
    </head>
    <body class="antialiased">
        <div class="relative flex items-top justify-center min-h-screen">
            <div class="max-w-xl mx-auto sm:px-6 lg:px-8">
                <div class="flex items-center pt-8 sm:justify-start sm:pt-0">
                    <div class="px-4 text-lg border-r">${status}</div>
                    <div class="ml-4 text-lg uppercase tracking-wider">${text}</div>
                </div>
            </div>
        </div>
    </body>
</html>
`;
}

/** Symfony's RedirectResponse, body included. */
export function redirect(url: string, status = 302): Reply {
  const safe = escapeHtml(url);
  return html(
    status,
    `<!DOCTYPE html>
<html>
    <head>
        <meta charset="UTF-8" />
        <meta http-equiv="refresh" content="0;url='${safe}'" />

        <title>Redirecting to ${safe}</title>
    </head>
    <body>
        Redirecting to <a href="${safe}">${safe}</a>.
    </body>
</html>`,
    { Location: url },
  );
}
