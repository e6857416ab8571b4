// The stand-in's fault injection (--faults): error statuses and bodies, Retry-After, delays, and
// connections dropped before handling or after the record was committed.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi } from '../server/app';
import { FaultController } from '../server/faults';
import { call, newUser, useApi } from './api-helpers';

const api = useApi({ faults: true });
let token = '';
beforeAll(async () => {
  token = (await newUser(api().url)).token;
});
beforeEach(() => {
  api().faults.clear();
});

const arm = (plan: unknown) => call(api().url, 'POST', '/__faults', { json: plan });
const create = (company: string, signal?: AbortSignal) =>
  fetch(`${api().url}/api/applications`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ company_name: company, position_title: 'Engineer' }),
    signal,
  });
const stored = async (company: string) => {
  const answer = await call(api().url, 'GET', `/api/applications?company=${company}`, { token });
  return answer.body.meta.total as number;
};

describe('the control routes', () => {
  it('POST arms faults, GET lists them, DELETE clears them', async () => {
    const armed = await arm({ kind: 'status', status: 503, path: '/api/stats', times: 2 });
    expect(armed.status).toBe(201);
    expect(armed.body.data).toEqual([
      expect.objectContaining({ id: expect.any(Number), kind: 'status', remaining: 2, fired: 0 }),
    ]);
    await arm({ rules: [{ kind: 'drop' }, { kind: 'delay', delayMs: 1 }] });
    expect((await call(api().url, 'GET', '/__faults')).body.data).toHaveLength(3);
    expect((await call(api().url, 'DELETE', '/__faults')).status).toBe(204);
    expect((await call(api().url, 'GET', '/__faults')).body.data).toEqual([]);
  });

  it('refuses plans it does not understand', async () => {
    expect((await arm({ kind: 'explode' })).status).toBe(422);
    expect((await arm({ kind: 'status', status: 99 })).status).toBe(422);
    expect((await arm({ kind: 'status', rate: 2 })).status).toBe(422);
    expect((await arm({ kind: 'delay' })).status).toBe(422);
    expect((await arm({ kind: 'redirect' })).status).toBe(422);
    expect((await arm({ kind: 'redirect', location: 'elsewhere' })).status).toBe(422);
    const notJson = await call(api().url, 'POST', '/__faults', {
      headers: { 'Content-Type': 'application/json' },
      raw: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect((await call(api().url, 'GET', '/__faults')).body.data).toEqual([]);
  });

  it('the log shows every request and what was done to it', async () => {
    await arm({ kind: 'status', status: 500, path: '/up' });
    await call(api().url, 'GET', '/up');
    await call(api().url, 'GET', '/');
    const log = (await call(api().url, 'GET', '/__faults/log')).body.data;
    expect(log.slice(-2)).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/up',
        kind: 'status',
        outcome: 'answered',
        status: 500,
      }),
      expect.objectContaining({ method: 'GET', path: '/', faultId: null, kind: null, status: 200 }),
    ]);
  });
});

describe('status faults', () => {
  it('a 500 with a Laravel JSON body, once, then normal answers', async () => {
    await arm({ kind: 'status', status: 500 });
    const failed = await call(api().url, 'GET', '/');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ message: 'Server Error' });
    expect((await call(api().url, 'GET', '/')).status).toBe(200);
  });

  it('429 and 503 carry Retry-After', async () => {
    await arm([
      { kind: 'status', status: 429, retryAfter: 2 },
      { kind: 'status', status: 503, retryAfter: 'Wed, 21 Oct 2037 07:28:00 GMT' },
    ]);
    const throttled = await call(api().url, 'GET', '/api/stats', { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.body).toEqual({ message: 'Too Many Attempts.' });
    const down = await call(api().url, 'GET', '/api/stats', { token });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('Wed, 21 Oct 2037 07:28:00 GMT');
    expect(down.body).toEqual({ message: 'Service Unavailable' });
  });

  it('a proxy error page in HTML', async () => {
    await arm({ kind: 'status', status: 502, body: 'html' });
    const answer = await call(api().url, 'POST', '/api/applications', { token, json: {} });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.text).toContain('<h1>502 Bad Gateway</h1>');
    expect(answer.body).toBeNull();
  });

  it('an empty body, plain text, a custom JSON body, a captive portal 200', async () => {
    await arm([
      { kind: 'status', status: 504, body: 'empty' },
      { kind: 'status', status: 500, body: 'text', text: 'upstream crashed' },
      { kind: 'status', status: 500, json: { error: 'custom' } },
      { kind: 'status', status: 200, body: 'html', text: '<html>Sign in to the Wi-Fi</html>' },
    ]);
    const empty = await call(api().url, 'GET', '/');
    expect([empty.status, empty.text]).toEqual([504, '']);
    const text = await call(api().url, 'GET', '/');
    expect([text.status, text.text]).toEqual([500, 'upstream crashed']);
    const custom = await call(api().url, 'GET', '/');
    expect(custom.body).toEqual({ error: 'custom' });
    const portal = await call(api().url, 'GET', '/api/stats', { token });
    expect(portal.status).toBe(200);
    expect(portal.body).toBeNull();
    expect(portal.text).toContain('Wi-Fi');
  });

  it('times: the next N matching requests fail; others pass untouched', async () => {
    await arm({ kind: 'status', status: 500, method: 'post', path: '/api/applications', times: 2 });
    expect((await call(api().url, 'GET', '/api/applications', { token })).status).toBe(200);
    expect((await create('Times')).status).toBe(500);
    expect((await create('Times')).status).toBe(500);
    expect((await create('Times')).status).toBe(201);
    expect(await stored('Times')).toBe(1);
  });

  it('a path ending in * matches a prefix', async () => {
    await arm({ kind: 'status', status: 503, path: '/api/applications/*', times: 1 });
    expect((await call(api().url, 'GET', '/api/applications', { token })).status).toBe(200);
    expect((await call(api().url, 'GET', '/api/applications/1', { token })).status).toBe(503);
  });

  it('a rate fails a seeded, repeatable share of requests', async () => {
    const pattern = async () => {
      api().faults.clear();
      api().faults.add({ kind: 'status', status: 500, path: '/', rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call(api().url, 'GET', '/')).status);
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it('a status after the commit: the record is stored, the client sees a 504', async () => {
    await arm({ kind: 'status', status: 504, body: 'html', phase: 'after', method: 'POST' });
    const answer = await create('Gateway');
    expect(answer.status).toBe(504);
    expect(await stored('Gateway')).toBe(1);
    const entry = api().faults.log.find((e) => e.status === 504);
    expect(entry).toMatchObject({ handledStatus: 201, outcome: 'answered' });
  });
});

describe('delays and dropped connections', () => {
  it('a delay slows the answer, which is otherwise normal', async () => {
    await arm({ kind: 'delay', delayMs: 250 });
    const started = Date.now();
    const answer = await call(api().url, 'GET', '/');
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(answer.status).toBe(200);
  });

  it('a drop before handling: the request fails and nothing is stored', async () => {
    await arm({ kind: 'drop', method: 'POST', path: '/api/applications' });
    await expect(create('DroppedEarly')).rejects.toThrow();
    expect(await stored('DroppedEarly')).toBe(0);
    expect(api().faults.log.find((e) => e.outcome === 'dropped')).toMatchObject({
      kind: 'drop',
      phase: 'before',
      status: null,
      handledStatus: null,
    });
  });

  it('a drop after the commit: the request fails but the record was stored (the duplicate trap)', async () => {
    await arm({ kind: 'drop', phase: 'after', method: 'POST', path: '/api/applications' });
    await expect(create('DroppedLate')).rejects.toThrow();
    expect(await stored('DroppedLate')).toBe(1);
    expect(api().faults.log.find((e) => e.outcome === 'dropped')).toMatchObject({
      phase: 'after',
      handledStatus: 201,
    });
    // A blind retry makes a duplicate, as it would on the real server.
    expect((await create('DroppedLate')).status).toBe(201);
    expect(await stored('DroppedLate')).toBe(2);
  });

  it('a slow answer after the commit: the client times out, the record is stored anyway', async () => {
    await arm({ kind: 'delay', delayMs: 300, phase: 'after', method: 'POST' });
    await expect(create('Slow', AbortSignal.timeout(50))).rejects.toThrow();
    expect(await stored('Slow')).toBe(1);
  });

  it('the server keeps serving after drops', async () => {
    await arm({ kind: 'drop', times: 3 });
    for (let i = 0; i < 3; i++) await expect(fetch(`${api().url}/`)).rejects.toThrow();
    expect((await call(api().url, 'GET', '/')).status).toBe(200);
  });
});

describe('in code, without HTTP', () => {
  it('api.faults arms the same faults', async () => {
    const [fault] = api().faults.add({ kind: 'status', status: 503, path: '/up' });
    expect(api().faults.list()).toEqual([expect.objectContaining({ id: fault?.id, remaining: 1 })]);
    expect((await call(api().url, 'GET', '/up')).status).toBe(503);
    expect(api().faults.list()).toEqual([]);
  });

  it('a controller can be shared with a server that has no /__faults routes', async () => {
    const faults = new FaultController();
    const hidden = await startApi({ db: ':memory:' });
    try {
      hidden.faults.add({ kind: 'status', status: 500 });
      expect((await call(hidden.url, 'GET', '/')).status).toBe(500);
      expect((await call(hidden.url, 'GET', '/__faults')).status).toBe(404);
    } finally {
      await hidden.close();
    }
    const shared = await startApi({ db: ':memory:', faults });
    try {
      faults.add({ kind: 'status', status: 418 });
      expect((await call(shared.url, 'GET', '/')).status).toBe(418);
    } finally {
      await shared.close();
    }
  });
});
