/**
 * The CareerTrack client. It never throws for an answer or a failed connection: every call returns
 * what happened, in plain words, so the sync engine and the handlers decide what to do with it.
 * Retries belong to the engine (`retry: 0`): only it knows what is durable.
 */
import ky, { type KyInstance } from 'ky';
import type { ConnectionVerdict, FieldErrors } from '@/lib/messages';
import {
  type Application,
  type ApplicationChanges,
  type ApplicationCreate,
  applicationListResponseSchema,
  createdApplicationResponseSchema,
  loginResponseSchema,
  validationErrorResponseSchema,
} from '@/lib/schema';
import { z } from '@/lib/zod';

export const REQUEST_TIMEOUT_MS = 20_000;
/** A captive portal or a misconfigured proxy can answer with megabytes; nothing we expect is that big. */
export const MAX_BODY_BYTES = 1_000_000;

/** Answers that leave the request to be tried again later, or that the user must act on. */
export type Failure =
  | { kind: 'unauthorized'; message: string }
  | {
      kind: 'transient';
      message: string;
      /** The raw header: the engine turns it into a delay with its own clock. */
      retryAfter: string | null;
      /** Nothing proves the server did not act on the request (it may have created the record). */
      maybeDone: boolean;
      /** No answer at all (timeout, dropped connection): the server may still be working on it. */
      unanswered: boolean;
      /** No answer within the timeout: the server was still working on it when the client gave up. */
      timedOut?: boolean;
    }
  | { kind: 'refused'; status: number; message: string };

export type CreateResult =
  | { kind: 'created'; application: Application }
  | { kind: 'invalid'; fieldErrors: FieldErrors; message: string }
  | Failure;
export type FindResult = { kind: 'found'; applications: Application[] } | Failure;
/** `missing`: CareerTrack has no such record (deleted there, or never this account's). */
export type GetResult =
  | { kind: 'found'; application: Application }
  | { kind: 'missing'; message: string }
  | Failure;
export type UpdateResult =
  | { kind: 'updated'; application: Application }
  | { kind: 'invalid'; fieldErrors: FieldErrors; message: string }
  | { kind: 'missing'; message: string }
  | Failure;

/** `GET /api/applications`'s own parameters, as CareerTrack names and bounds them. */
export interface ListQuery {
  status?: string;
  /** CareerTrack matches it anywhere in company_name. */
  company?: string;
  /** 1 to 100. */
  perPage: number;
  sortBy: 'applied_at' | 'created_at' | 'updated_at' | 'company_name' | 'status';
  sortDirection: 'asc' | 'desc';
}
export type LoginResult =
  | { kind: 'signed-in'; token: string; email: string }
  | { kind: 'invalid'; fieldErrors: FieldErrors; message: string }
  | Failure;
export interface ConnectionResult {
  verdict: ConnectionVerdict;
  message: string;
}

export interface ApiOptions {
  baseUrl: string;
  token?: string | null;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export interface Api {
  login(email: string, password: string): Promise<LoginResult>;
  logout(): Promise<{ ok: boolean; message: string }>;
  createApplication(body: ApplicationCreate): Promise<CreateResult>;
  getApplication(id: number): Promise<GetResult>;
  /** Only the changed fields; a PATCH may be sent again safely. */
  updateApplication(id: number, changes: ApplicationChanges): Promise<UpdateResult>;
  findApplications(company: string): Promise<FindResult>;
  listApplications(query: ListQuery): Promise<FindResult>;
  testConnection(): Promise<ConnectionResult>;
}

export const UNAUTHORIZED_MESSAGE = 'CareerTrack no longer accepts your sign-in. Sign in again.';

const LOOPBACK_HOST = /^(localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** A token or a password may go over https anywhere, and over plain http only to this computer. */
export function canCarrySecrets(apiUrl: string): boolean {
  try {
    const url = new URL(apiUrl);
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname))
    );
  } catch {
    return false;
  }
}

export function insecureMessage(apiUrl: string): string {
  return `${apiUrl} uses plain http:// on another computer, where anyone on the way could read your sign-in. Use its https:// address.`;
}

type Reply =
  | { kind: 'answer'; status: number; headers: Headers; body: unknown; bodyProblem: string | null }
  | { kind: 'no-answer'; message: string; timedOut: boolean }
  | { kind: 'redirected'; message: string };

/**
 * A redirect is never followed: the browser strips the token from a cross-origin hop but resends
 * the body, a save or an e-mail and password, wherever the Location points. Same-origin hops are
 * refused too, since a browser's `opaqueredirect` answer does not say where it pointed.
 */
export function redirectMessage(where: string): string {
  return `${where} answered with a redirect to another address. The extension does not follow redirects, so that your sign-in and saves go only to the address you set: enter the address CareerTrack itself answers on (perhaps https://, or without a path).`;
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

const NOT_JSON = Symbol('not json');

/**
 * ky copies every request that has a body, to resend it on a retry (ours are off), and in Chromium
 * the copy turns the body into a split stream: 1.5 ms of the worker's time per create and a slower
 * upload (bench:outbox drained 67 rows/s with it, about 85 without). ky hands the options it does
 * not know to `fetch`, so the body travels as one of those and joins the request only there.
 */
const BODY_PAST_KY = 'careertrackBody';

function bodyPastKy(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const { [BODY_PAST_KY]: body, ...rest } = (init ?? {}) as RequestInit & Record<string, unknown>;
    return fetch(input, typeof body === 'string' ? { ...rest, body } : rest);
  };
}

export function createApi({
  baseUrl,
  token,
  fetch,
  timeoutMs = REQUEST_TIMEOUT_MS,
}: ApiOptions): Api {
  if (token && !canCarrySecrets(baseUrl)) throw new Error(insecureMessage(baseUrl));
  const where = displayUrl(baseUrl);
  const client: KyInstance = ky.create({
    prefixUrl: baseUrl,
    timeout: timeoutMs,
    retry: 0,
    throwHttpErrors: false,
    redirect: 'manual',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    fetch: bodyPastKy(fetch ?? ((input, init) => globalThis.fetch(input, init))),
  });

  async function send(
    method: 'get' | 'post' | 'patch',
    path: string,
    options: { json?: unknown; searchParams?: Record<string, string | number> } = {},
  ): Promise<Reply> {
    // ky's timeout ends when the headers arrive; this one also bounds reading the body. Not
    // AbortSignal.timeout(): its timer, and all the request it reaches, would outlive the request
    // by the whole timeout, thousands of them while a long queue drains.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('The request timed out.', 'TimeoutError')),
      timeoutMs,
    );
    const signal = deadline.signal;
    try {
      const { json, ...rest } = options;
      const body = json === undefined ? {} : { [BODY_PAST_KY]: JSON.stringify(json) };
      const response = await client(path, { method, signal, ...rest, ...body });
      if (isRedirect(response)) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'redirected', message: redirectMessage(where) };
      }
      const read = await readJson(response, signal);
      return {
        kind: 'answer',
        status: response.status,
        headers: response.headers,
        body: read === NOT_JSON ? undefined : read,
        bodyProblem:
          read === NOT_JSON ? `The answer from ${where} was not CareerTrack's JSON.` : null,
      };
    } catch (error) {
      return {
        kind: 'no-answer',
        message: describeNoAnswer(error, where, timeoutMs),
        timedOut: isTimeout(error),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  function failure(reply: Reply): Failure {
    // No answer, or a redirect not followed: either way the server may have acted on the request
    // first, so a create is looked up before it is resent.
    if (reply.kind === 'redirected' || reply.kind === 'no-answer') {
      const unanswered = reply.kind === 'no-answer';
      return {
        kind: 'transient',
        message: reply.message,
        retryAfter: null,
        maybeDone: true,
        unanswered,
        ...(unanswered ? { timedOut: reply.timedOut } : {}),
      };
    }
    const { status } = reply;
    if (status === 401) return { kind: 'unauthorized', message: UNAUTHORIZED_MESSAGE };
    if (status === 408 || status === 429 || status >= 500 || status < 400) {
      return {
        kind: 'transient',
        message: transientMessage(status, reply.bodyProblem),
        retryAfter: reply.headers.get('Retry-After'),
        // The throttle answers before the application runs; any other answer might come after.
        maybeDone: status !== 429,
        unanswered: false,
      };
    }
    return {
      kind: 'refused',
      status,
      message: `CareerTrack refused the request (HTTP ${status}${serverMessage(reply.body)}).`,
    };
  }

  function invalid(
    reply: Reply,
  ): { kind: 'invalid'; fieldErrors: FieldErrors; message: string } | null {
    if (reply.kind !== 'answer' || reply.status !== 422) return null;
    const parsed = validationErrorResponseSchema.safeParse(reply.body);
    if (!parsed.success) return null;
    return {
      kind: 'invalid',
      fieldErrors: parsed.data.errors,
      message: parsed.data.message,
    };
  }

  /** 404 is route-model binding's answer for a record that is not there (any more). */
  function missing(reply: Reply): { kind: 'missing'; message: string } | null {
    if (reply.kind !== 'answer' || reply.status !== 404) return null;
    return { kind: 'missing', message: 'CareerTrack has no such application (deleted there?).' };
  }

  /** One record's answer (`{ data: {...} }`), checked against the schema; anything else retried. */
  function oneRecord(reply: Reply, expected: number): Application | Failure | null {
    if (reply.kind !== 'answer' || reply.status !== expected) return null;
    const parsed = createdApplicationResponseSchema.safeParse(reply.body);
    if (parsed.success) return parsed.data.data;
    return unexpectedBody(
      reply,
      `The answer from ${where} did not describe the application.`,
      true,
    );
  }

  async function listApplications(query: ListQuery): Promise<FindResult> {
    const { status, company, perPage, sortBy, sortDirection } = query;
    const reply = await send('get', 'api/applications', {
      searchParams: {
        ...(status ? { status } : {}),
        ...(company ? { company } : {}),
        per_page: perPage,
        sort_by: sortBy,
        sort_direction: sortDirection,
      },
    });
    if (reply.kind === 'answer' && reply.status === 200) {
      const parsed = applicationListResponseSchema.safeParse(reply.body);
      if (parsed.success) return { kind: 'found', applications: parsed.data.data };
      return unexpectedBody(
        reply,
        `The answer from ${where} was not a list of applications.`,
        false,
      );
    }
    return failure(reply);
  }

  return {
    async login(email, password) {
      const reply = await send('post', 'api/auth/login', { json: { email, password } });
      if (reply.kind === 'answer' && reply.status === 200) {
        const parsed = loginResponseSchema.safeParse(reply.body);
        if (parsed.success) {
          return { kind: 'signed-in', token: parsed.data.token, email: parsed.data.user.email };
        }
      }
      return invalid(reply) ?? failure(reply);
    },

    async logout() {
      const reply = await send('post', 'api/auth/logout');
      if (reply.kind === 'answer' && reply.status < 300) {
        return { ok: true, message: 'Signed out of CareerTrack.' };
      }
      return { ok: false, message: failure(reply).message };
    },

    async createApplication(body) {
      const reply = await send('post', 'api/applications', { json: body });
      if (reply.kind === 'answer' && reply.status === 201) {
        const parsed = createdApplicationResponseSchema.safeParse(reply.body);
        if (parsed.success) return { kind: 'created', application: parsed.data.data };
        return unexpectedBody(
          reply,
          `The answer from ${where} did not describe the saved job.`,
          true,
        );
      }
      return invalid(reply) ?? failure(reply);
    },

    async getApplication(id) {
      const reply = await send('get', `api/applications/${encodeURIComponent(id)}`);
      const record = oneRecord(reply, 200);
      if (record && 'id' in record) return { kind: 'found', application: record };
      return record ?? missing(reply) ?? failure(reply);
    },

    async updateApplication(id, changes) {
      const reply = await send('patch', `api/applications/${encodeURIComponent(id)}`, {
        json: changes,
      });
      const record = oneRecord(reply, 200);
      if (record && 'id' in record) return { kind: 'updated', application: record };
      return record ?? missing(reply) ?? invalid(reply) ?? failure(reply);
    },

    findApplications(company) {
      return listApplications({
        company,
        perPage: 100,
        sortBy: 'created_at',
        sortDirection: 'desc',
      });
    },

    listApplications,

    async testConnection() {
      const root = await send('get', '');
      if (root.kind === 'no-answer') return { verdict: 'unreachable', message: root.message };
      if (root.kind === 'redirected') return { verdict: 'redirected', message: root.message };
      if (!isCareerTrackRoot(root.body)) {
        return {
          verdict: 'not-careertrack',
          message: `${where} answered, but not as a CareerTrack API. Check the address.`,
        };
      }
      if (!token) {
        return {
          verdict: 'signed-out',
          message: 'CareerTrack answered. Sign in to send your saves.',
        };
      }
      const list = await send('get', 'api/applications', { searchParams: { per_page: 1 } });
      if (list.kind === 'redirected') return { verdict: 'redirected', message: list.message };
      if (list.kind === 'answer' && list.status === 401) {
        return { verdict: 'token-rejected', message: UNAUTHORIZED_MESSAGE };
      }
      if (list.kind === 'answer' && list.status === 200) {
        if (applicationListResponseSchema.safeParse(list.body).success) {
          return { verdict: 'connected', message: `Connected to CareerTrack at ${where}.` };
        }
        return {
          verdict: 'not-careertrack',
          message: `${where} answered, but its list of applications is not CareerTrack's.`,
        };
      }
      return { verdict: 'unreachable', message: failure(list).message };
    },
  };
}

async function readJson(response: Response, signal: AbortSignal): Promise<unknown> {
  const declared = Number(response.headers.get('Content-Length'));
  if (!response.body || declared > MAX_BODY_BYTES) {
    await response.body?.cancel().catch(() => {});
    return NOT_JSON;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    signal.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return NOT_JSON;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return NOT_JSON;
  }
}

function isCareerTrackRoot(body: unknown): boolean {
  const parsed = z.looseObject({ name: z.string() }).safeParse(body);
  return parsed.success && /careertrack/i.test(parsed.data.name);
}

function isTimeout(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return name === 'TimeoutError' || name === 'AbortError';
}

function describeNoAnswer(error: unknown, where: string, timeoutMs: number): string {
  if (isTimeout(error)) {
    return `${where} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`;
  }
  return `Could not reach ${where}. Is CareerTrack running, and are you online?`;
}

function transientMessage(status: number, bodyProblem: string | null): string {
  if (status === 429) return 'CareerTrack asked to wait before sending more (HTTP 429).';
  if (status === 408) return 'CareerTrack took too long to read the request (HTTP 408).';
  if (status >= 500) return `CareerTrack had a problem answering (HTTP ${status}).`;
  return bodyProblem ?? `CareerTrack gave an unexpected answer (HTTP ${status}).`;
}

function serverMessage(body: unknown): string {
  const parsed = z.looseObject({ message: z.string().max(300) }).safeParse(body);
  return parsed.success && parsed.data.message ? `: ${parsed.data.message}` : '';
}

function displayUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * A success status whose body is not what CareerTrack sends (a captive portal, a proxy's page):
 * never taken as done, retried like any transient failure.
 */
function unexpectedBody(
  reply: Extract<Reply, { kind: 'answer' }>,
  message: string,
  maybeDone: boolean,
): Failure {
  return {
    kind: 'transient',
    message: reply.bodyProblem ?? message,
    retryAfter: null,
    maybeDone,
    unanswered: false,
  };
}
