// The stand-in's HTTP behaviour outside the happy path: requests without Accept: application/json,
// malformed or oversized bodies, unknown routes and methods, CORS, and json_encode's escaping.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newUser, useApi } from './api-helpers';

const api = useApi({ bodyLimit: 64 * 1024 });
let token = '';
beforeAll(async () => {
  token = (await newUser(api().url)).token;
});

describe('without Accept: application/json', () => {
  it('a validation failure is a 302 back to the site root', async () => {
    const answer = await call(api().url, 'POST', '/api/applications', {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      raw: '{}',
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(api().url);
    expect(answer.headers.get('content-type')).toContain('text/html');
  });

  it('the 302 goes back to the Referer when there is one', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/login', {
      headers: { 'Content-Type': 'application/json', Referer: 'http://app.example/login' },
      raw: '{"email":"x@example.com","password":"wrong-password"}',
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('http://app.example/login');
  });

  it('an unauthenticated request is a 500 HTML page (no login route to redirect to)', async () => {
    const answer = await call(api().url, 'GET', '/api/applications', { headers: {} });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.text).toContain('Server Error');
    expect(answer.body).toBeNull();
  });

  it('Accept: */* (fetch by default) is not JSON either', async () => {
    const answer = await call(api().url, 'GET', '/api/stats', { headers: { Accept: '*/*' } });
    expect(answer.status).toBe(500);
  });

  it('an XMLHttpRequest without Accept gets JSON', async () => {
    const answer = await call(api().url, 'GET', '/api/stats', {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'Unauthenticated.' });
  });

  it('the first type by quality decides', async () => {
    const json = await call(api().url, 'GET', '/api/stats', {
      headers: { Accept: 'text/html;q=0.5, application/json' },
    });
    expect(json.status).toBe(401);
    const page = await call(api().url, 'GET', '/api/stats', {
      headers: { Accept: 'text/html, application/json;q=0.9' },
    });
    expect(page.status).toBe(500);
  });

  it('success answers are JSON regardless', async () => {
    const answer = await call(api().url, 'GET', '/api/stats', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.total).toBe(0);
  });
});

describe('bodies', () => {
  it('malformed JSON is empty input: 422 for the required fields, and the server carries on', async () => {
    const answer = await call(api().url, 'POST', '/api/applications', {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      raw: '{"company_name": "Acme", ',
    });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.errors)).toEqual(['company_name', 'position_title']);
    const after = await call(api().url, 'GET', '/');
    expect(after.status).toBe(200);
  });

  it('a JSON body that is not an object is empty input too', async () => {
    for (const raw of ['[1, 2]', '"text"', 'null', '']) {
      const answer = await call(api().url, 'POST', '/api/auth/login', {
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        raw,
      });
      expect(answer.status, raw).toBe(422);
    }
  });

  it('a JSON body without a JSON Content-Type is ignored', async () => {
    const answer = await call(api().url, 'POST', '/api/applications', {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'text/plain',
      },
      raw: JSON.stringify({ company_name: 'A', position_title: 'B' }),
    });
    expect(answer.status).toBe(422);
  });

  it('form-encoded bodies are read as form fields', async () => {
    const answer = await call(api().url, 'POST', '/api/applications', {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      raw: 'company_name=Form+Co&position_title=Dev&salary_min=10',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toMatchObject({ company_name: 'Form Co', salary_min: '10' });
  });

  it('query parameters count as input where the body lacks them', async () => {
    const answer = await call(api().url, 'POST', '/api/applications?position_title=From+Query', {
      token,
      json: { company_name: 'Body Co' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data.position_title).toBe('From Query');
  });

  it('a body over the limit is 413, and the server carries on', async () => {
    const answer = await call(api().url, 'POST', '/api/applications', {
      token,
      json: { company_name: 'A', position_title: 'B', notes: 'x'.repeat(70 * 1024) },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ message: 'The POST data is too large.' });
    expect((await call(api().url, 'GET', '/')).status).toBe(200);
  });
});

describe('routing', () => {
  it('an unknown route is 404 JSON', async () => {
    const answer = await call(api().url, 'GET', '/api/nope');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ message: 'The route api/nope could not be found.' });
  });

  it('an unknown route without Accept is a 404 page', async () => {
    const answer = await call(api().url, 'GET', '/api/nope', { headers: {} });
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Not Found');
  });

  it('a known path with a wrong method is 405 with Allow, before authentication', async () => {
    const answer = await call(api().url, 'DELETE', '/api/applications');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(answer.body).toEqual({
      message:
        'The DELETE method is not supported for route api/applications. Supported methods: GET, HEAD, POST.',
    });
    const login = await call(api().url, 'GET', '/api/auth/login');
    expect(login.status).toBe(405);
    expect(login.headers.get('allow')).toBe('POST');
  });

  it('OPTIONS on a known path answers 200 with the methods', async () => {
    const response = await fetch(`${api().url}/api/applications/1`, { method: 'OPTIONS' });
    expect(response.status).toBe(200);
    expect(response.headers.get('allow')).toBe('GET,HEAD,PUT,PATCH,DELETE');
  });

  it('a trailing slash is ignored', async () => {
    const answer = await call(api().url, 'GET', '/api/stats/', { token });
    expect(answer.status).toBe(200);
  });

  it('/__faults does not exist without --faults', async () => {
    const answer = await call(api().url, 'POST', '/__faults', { json: { kind: 'drop' } });
    expect(answer.status).toBe(404);
    expect((await call(api().url, 'GET', '/__faults/log')).status).toBe(404);
    expect((await call(api().url, 'GET', '/')).status).toBe(200);
  });
});

describe('CORS and encoding', () => {
  it('answers a preflight with Laravel default CORS headers', async () => {
    const response = await fetch(`${api().url}/api/applications`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('API answers, errors included, allow any origin', async () => {
    const answer = await call(api().url, 'GET', '/api/stats');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('writes JSON as PHP does: escaped slashes and \\u escapes', async () => {
    const answer = await call(api().url, 'POST', '/api/applications', {
      token,
      json: { company_name: 'Café/Bar', position_title: 'Dev' },
    });
    expect(answer.text).toContain('"company_name":"Caf\\u00e9\\/Bar"');
    expect(answer.body.data.company_name).toBe('Café/Bar');
  });
});
