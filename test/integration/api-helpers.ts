// Shared by the API stand-in's integration tests: one server per test file, plain fetch calls.
import { afterAll, beforeAll } from 'vitest';
import { type ApiOptions, type RunningApi, startApi } from '../server/app';

/** Starts a fresh in-memory server for the file; call the returned function inside tests. */
export function useApi(options: ApiOptions = {}): () => RunningApi {
  let api: RunningApi | undefined;
  beforeAll(async () => {
    api = await startApi({ db: ':memory:', ...options });
  });
  afterAll(async () => {
    await api?.close();
  });
  return () => {
    if (!api) throw new Error('the API is not started yet');
    return api;
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON, or null. Typed loosely: tests read arbitrary paths. */
  body: any;
}

export interface CallOptions {
  json?: unknown;
  /** A raw body, sent as is (with the Content-Type given in headers). */
  raw?: string;
  token?: string;
  /** Replaces the default headers (Accept: application/json and the JSON Content-Type). */
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
}

/** One request the way the extension makes it: Accept JSON, JSON body, bearer token. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const response = await fetch(base + path, {
    method,
    headers: options.headers ? { ...options.headers } : headers,
    body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
    redirect: options.redirect ?? 'manual',
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

let people = 0;

/** Registers a new user and answers its token and id. */
export async function newUser(base: string, name = 'Test User') {
  people++;
  const email = `user${people}-${Date.now()}@example.test`;
  const answer = await call(base, 'POST', '/api/auth/register', {
    json: { name, email, password: 'password123', password_confirmation: 'password123' },
  });
  if (answer.status !== 201) throw new Error(`register failed: ${answer.status} ${answer.text}`);
  return {
    id: answer.body.data.user.id as number,
    email,
    password: 'password123',
    token: answer.body.data.token as string,
  };
}

/** Creates an application and answers its JSON. */
export async function newApplication(base: string, token: string, fields: object = {}) {
  const answer = await call(base, 'POST', '/api/applications', {
    token,
    json: { company_name: 'Acme', position_title: 'Engineer', ...fields },
  });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return answer.body.data;
}
