// How a Laravel request turns bytes into input, so the validator sees what Laravel's validator sees:
// PHP's query-string parsing, the JSON body (or form body), the TrimStrings and
// ConvertEmptyStringsToNull global middlewares, and the Accept negotiation behind expectsJson().

import { laravelTrim } from './trim';

/** Decoded input as PHP holds it: strings, numbers, booleans, null, lists and maps. */
export type Input = Record<string, unknown>;

/** A map without a prototype, so keys such as "__proto__" from the wire stay plain data. */
function bag(): Input {
  return Object.create(null) as Input;
}

function urldecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // PHP keeps malformed escapes as they are.
    return text.replace(/\+/g, ' ');
  }
}

/**
 * PHP's parse_str(): `a[]=1&a[]=2` is a list, `a[b]=1` a map, the last of repeated keys wins,
 * and dots and spaces in the base name become underscores.
 */
export function parseQuery(query: string): Input {
  const result = bag();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = urldecode(eq < 0 ? pair : pair.slice(0, eq)).replace(/^ +/, '');
    const value = urldecode(eq < 0 ? '' : pair.slice(eq + 1));
    const open = rawKey.indexOf('[');
    const brackets = open > 0 ? rawKey.slice(open) : '';
    const segments = /^(\[[^\]]*\])+$/.test(brackets)
      ? [...brackets.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')
      : [];
    const base = (segments.length > 0 ? rawKey.slice(0, open) : rawKey).replace(/[. []/g, '_');
    if (base === '') continue;
    assign(result, [base, ...segments], value);
  }
  return result;
}

function assign(target: Input, path: string[], value: string): void {
  let node: Input = target;
  for (let i = 0; i < path.length; i++) {
    let key = path[i] ?? '';
    if (key === '' && i > 0) key = String(nextIndex(node));
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const child = node[key];
    if (child === null || typeof child !== 'object') node[key] = bag();
    node = node[key] as Input;
  }
}

function nextIndex(node: Input): number {
  const indexes = Object.keys(node)
    .filter((k) => /^\d+$/.test(k))
    .map(Number);
  return indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
}

/**
 * Laravel's body input: JSON when the Content-Type says JSON (a body that does not decode is
 * empty input, not an error), form fields for urlencoded bodies, nothing otherwise.
 */
export function parseBody(method: string, contentType: string, body: string): Input {
  const type = contentType.toLowerCase();
  if (type.includes('/json') || type.includes('+json')) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(body === '' ? '[]' : body);
    } catch {
      return bag();
    }
    // PHP casts what json_decode gave to an array: a list keeps numeric keys, a scalar becomes [0].
    if (decoded === null) return bag();
    if (typeof decoded !== 'object') return Object.assign(bag(), { 0: decoded });
    return Object.assign(bag(), decoded);
  }
  if (
    type.startsWith('application/x-www-form-urlencoded') &&
    method !== 'GET' &&
    method !== 'HEAD'
  ) {
    return parseQuery(body);
  }
  return bag();
}

const NEVER_TRIMMED = new Set(['current_password', 'password', 'password_confirmation']);

/** TrimStrings then ConvertEmptyStringsToNull, applied to every value, nested ones too. */
export function cleanInput(input: Input): Input {
  const out = bag();
  for (const [key, value] of Object.entries(input)) out[key] = clean(key, value);
  return out;
}

function clean(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = NEVER_TRIMMED.has(key) ? value : laravelTrim(value);
    return trimmed === '' ? null : trimmed;
  }
  if (Array.isArray(value)) return value.map((v, i) => clean(`${key}.${i}`, v));
  if (value !== null && typeof value === 'object') {
    const out = bag();
    for (const [k, v] of Object.entries(value)) out[k] = clean(`${key}.${k}`, v);
    return out;
  }
  return value;
}

/**
 * Request::expectsJson(): an XMLHttpRequest that accepts anything, or a first acceptable type
 * (by quality) that is JSON. fetch's default `Accept: *\/*` is not JSON.
 */
export function expectsJson(
  accept: string | undefined,
  requestedWith: string | undefined,
): boolean {
  const types = acceptableTypes(accept ?? '');
  const first = types[0];
  if (
    requestedWith === 'XMLHttpRequest' &&
    (first === undefined || first === '*/*' || first === '*')
  ) {
    return true;
  }
  return first !== undefined && (first.includes('/json') || first.includes('+json'));
}

function acceptableTypes(accept: string): string[] {
  return accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.toLowerCase().startsWith('q='));
      return { type: type.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((t) => t.type !== '' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.type);
}

// rawurlencode(): everything but unreserved characters.
function rawurlencode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** http_build_query($data, '', '&', PHP_QUERY_RFC3986), as the paginator builds its links. */
export function buildQuery(data: Input): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v);
      return;
    }
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    parts.push(`${rawurlencode(prefix)}=${rawurlencode(text)}`);
  };
  for (const [key, value] of Object.entries(data)) walk(key, value);
  return parts.join('&');
}
