// Test-only failures, the way real servers and networks fail: an error status (JSON, an HTML page
// from a proxy, plain text or nothing), 429/503 with Retry-After, a slow answer, a connection
// dropped before the request is handled, and the duplicate trap: the request is handled and
// committed, then the connection is dropped so the client never learns it succeeded; a redirect
// elsewhere (307/308, which a client that follows it answers by resending the body there); and an
// answer whose body stalls after its headers.
import { STATUS_CODES } from 'node:http';
import { phpJson, type Reply } from './responses';

export type FaultKind = 'status' | 'drop' | 'delay' | 'redirect' | 'stall';

export interface FaultPlan {
  /**
   * status: answer with `status`; drop: destroy the socket; delay: only wait `delayMs`;
   * redirect: answer `status` (307 unless given) with a Location of `location` plus the request's
   * path and query; stall: the request is handled (in either phase), then its answer sends the
   * status line, the headers and half the body, and nothing more while the connection stays open.
   */
  kind: FaultKind;
  /** Only this method (any case). Default: any. */
  method?: string;
  /** Only this path: exact ("/api/applications"), or a prefix ending in "*". Default: any. */
  path?: string;
  /**
   * before (default): instead of handling the request; nothing is stored.
   * after: the request is handled and committed first, then the fault replaces its answer.
   */
  phase?: 'before' | 'after';
  /** How many matching requests fail. Default 1, or unlimited when `rate` is given. */
  times?: number;
  /** The share (0 to 1) of matching requests that fail, drawn from a generator seeded by `seed`. */
  rate?: number;
  seed?: number;
  /**
   * kind drop: send the answer's status line and headers and part of its body before closing, so
   * the answer is cut off. A browser resends a request whose reused keep-alive connection closed
   * before any answer came (Chromium does, POST included); it cannot resend one that was cut.
   */
  cut?: boolean;
  /** Wait this long first (kind delay), or before any other kind acts. */
  delayMs?: number;
  /** kind redirect: the origin (and path) to send the client to, e.g. another local server. */
  location?: string;
  /** kind status: the status code. Default 500. */
  status?: number;
  /** kind status: the body. Default json, `{"message": ...}` in Laravel's words. */
  body?: 'json' | 'html' | 'text' | 'empty';
  /** A JSON body to send instead of the default message. */
  json?: unknown;
  /** The body for html or text. Default: an nginx error page, or the status text. */
  text?: string;
  contentType?: string;
  /** Sets Retry-After (seconds, or an HTTP date). */
  retryAfter?: number | string;
  headers?: Record<string, string>;
}

export interface ActiveFault extends FaultPlan {
  id: number;
  /** Failures left; null when unlimited. */
  remaining: number | null;
  fired: number;
}

export interface FaultLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** The fault applied to this request, if any. */
  faultId: number | null;
  kind: FaultKind | null;
  phase: 'before' | 'after' | null;
  /** answered, or dropped: the socket was destroyed without an answer. */
  outcome: 'pending' | 'answered' | 'dropped';
  /** The status the client received (null when dropped). */
  status: number | null;
  /** What the app itself answered before an after-phase fault replaced it (201: it was stored). */
  handledStatus: number | null;
}

export class FaultPlanError extends Error {}

const KINDS: readonly FaultKind[] = ['status', 'drop', 'delay', 'redirect', 'stall'];
const BODIES = ['json', 'html', 'text', 'empty'];
const LOG_LIMIT = 1000;

/** Small seeded generator (mulberry32): the same seed fails the same requests every run. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkPlan(plan: unknown): FaultPlan {
  if (plan === null || typeof plan !== 'object' || Array.isArray(plan)) {
    throw new FaultPlanError('A fault plan is an object with at least a "kind".');
  }
  const p = plan as FaultPlan;
  const fail = (message: string) => {
    throw new FaultPlanError(message);
  };
  if (!KINDS.includes(p.kind)) fail(`"kind" must be one of ${KINDS.join(', ')}.`);
  if (p.method !== undefined && typeof p.method !== 'string') fail('"method" must be a string.');
  if (p.path !== undefined && typeof p.path !== 'string') fail('"path" must be a string.');
  if (p.phase !== undefined && p.phase !== 'before' && p.phase !== 'after') {
    fail('"phase" must be before or after.');
  }
  if (p.times !== undefined && !(Number.isInteger(p.times) && p.times > 0)) {
    fail('"times" must be a positive integer.');
  }
  if (p.rate !== undefined && !(typeof p.rate === 'number' && p.rate >= 0 && p.rate <= 1)) {
    fail('"rate" must be a number from 0 to 1.');
  }
  if (p.seed !== undefined && !Number.isInteger(p.seed)) fail('"seed" must be an integer.');
  if (
    p.delayMs !== undefined &&
    !(typeof p.delayMs === 'number' && p.delayMs >= 0 && p.delayMs <= 600_000)
  ) {
    fail('"delayMs" must be a number of milliseconds from 0 to 600000.');
  }
  if (p.kind === 'delay' && p.delayMs === undefined) fail('A delay needs "delayMs".');
  if (
    p.status !== undefined &&
    !(Number.isInteger(p.status) && p.status >= 100 && p.status <= 599)
  ) {
    fail('"status" must be an HTTP status code.');
  }
  if (p.kind === 'redirect' && !(typeof p.location === 'string' && URL.canParse(p.location))) {
    fail('A redirect needs "location", an absolute address.');
  }
  if (p.cut !== undefined && typeof p.cut !== 'boolean') fail('"cut" must be true or false.');
  if (p.body !== undefined && !BODIES.includes(p.body))
    fail(`"body" must be one of ${BODIES.join(', ')}.`);
  return { ...p };
}

export class FaultController {
  #faults: Array<ActiveFault & { draw: () => number }> = [];
  #log: FaultLogEntry[] = [];
  #nextId = 1;
  #seq = 0;

  /** Adds one plan or several; they are tried in the order added. */
  add(plans: FaultPlan | FaultPlan[]): ActiveFault[] {
    const checked = (Array.isArray(plans) ? plans : [plans]).map(checkPlan);
    const added = checked.map((plan) => {
      const id = this.#nextId++;
      const remaining = plan.times ?? (plan.rate === undefined ? 1 : null);
      return { ...plan, id, remaining, fired: 0, draw: generator(plan.seed ?? id) };
    });
    this.#faults.push(...added);
    return added.map(({ draw: _, ...fault }) => fault);
  }

  /** The faults still armed. */
  list(): ActiveFault[] {
    return this.#faults.map(({ draw: _, ...fault }) => ({ ...fault }));
  }

  /** Every request seen (oldest first, the last 1000), with what was done to it. */
  get log(): readonly FaultLogEntry[] {
    return this.#log;
  }

  /** Disarms every fault and forgets the log. */
  clear(): void {
    this.#faults = [];
    this.#log = [];
  }

  /** Picks (and uses up) the fault for a request as it arrives, and opens its log entry. */
  take(method: string, path: string): { fault: ActiveFault | null; entry: FaultLogEntry } {
    let chosen: ActiveFault | null = null;
    for (const fault of this.#faults) {
      if (fault.method !== undefined && fault.method.toUpperCase() !== method) continue;
      if (fault.path !== undefined && !pathMatches(fault.path, path)) continue;
      if (fault.rate !== undefined && fault.draw() >= fault.rate) continue;
      fault.fired++;
      if (fault.remaining !== null) fault.remaining--;
      chosen = fault;
      break;
    }
    this.#faults = this.#faults.filter((f) => f.remaining !== 0);
    const entry: FaultLogEntry = {
      seq: ++this.#seq,
      at: new Date().toISOString(),
      method,
      path,
      faultId: chosen?.id ?? null,
      kind: chosen?.kind ?? null,
      phase: chosen ? (chosen.phase ?? 'before') : null,
      outcome: 'pending',
      status: null,
      handledStatus: null,
    };
    this.#log.push(entry);
    if (this.#log.length > LOG_LIMIT) this.#log.splice(0, this.#log.length - LOG_LIMIT);
    return { fault: chosen, entry };
  }
}

function pathMatches(pattern: string, path: string): boolean {
  const clean = (p: string) => p.replace(/\/+$/, '') || '/';
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return clean(pattern) === clean(path);
}

const MESSAGES: Record<number, string> = {
  429: 'Too Many Attempts.',
  500: 'Server Error',
  503: 'Service Unavailable',
};

/** The answer a redirect fault sends, for a request of `pathAndQuery`. */
export function redirectReply(fault: FaultPlan, pathAndQuery: string): Reply {
  const target = `${(fault.location ?? '').replace(/\/+$/, '')}${pathAndQuery}`;
  return { status: fault.status ?? 307, headers: { Location: target }, body: null };
}

/** The answer a status fault sends. */
export function faultReply(fault: FaultPlan): Reply {
  const status = fault.status ?? 500;
  const reason = STATUS_CODES[status] ?? 'Error';
  let body: string | null;
  let contentType: string | undefined;
  switch (fault.body ?? 'json') {
    case 'json':
      body = phpJson(fault.json ?? { message: MESSAGES[status] ?? reason });
      contentType = 'application/json';
      break;
    case 'html':
      // What nginx in front of php-fpm says when the app is down or slow.
      body =
        fault.text ??
        `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      contentType = 'text/html';
      break;
    case 'text':
      body = fault.text ?? reason;
      contentType = 'text/plain; charset=UTF-8';
      break;
    default:
      body = null;
  }
  const headers: Record<string, string> = {};
  if (contentType) headers['Content-Type'] = fault.contentType ?? contentType;
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  return { status, headers: { ...headers, ...fault.headers }, body };
}
