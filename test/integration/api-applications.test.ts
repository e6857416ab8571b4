// The stand-in's job applications: create, show, update, delete, ownership, listing (pagination,
// filters, sorting) and stats.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newApplication, newUser, useApi } from './api-helpers';

// A settable clock, so timestamps are predictable.
let now = new Date('2026-07-01T12:00:00Z');
const api = useApi({ clock: () => now });

const fullPayload = {
  company_name: 'GitHub',
  position_title: 'Backend Engineer',
  status: 'applied',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/123',
  salary_min: 70000,
  salary_max: 90000,
  location: 'Remote',
  notes: 'Promising role.',
  applied_at: '2026-07-01',
  next_step_at: '2026-07-10 09:00:00',
};

describe('POST /api/applications', () => {
  it('creates the application and answers 201 with it under data', async () => {
    const user = await newUser(api().url);
    const answer = await call(api().url, 'POST', '/api/applications', {
      token: user.token,
      json: fullPayload,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      data: {
        id: expect.any(Number),
        company_name: 'GitHub',
        position_title: 'Backend Engineer',
        status: 'applied',
        source: 'LinkedIn',
        source_url: 'https://www.linkedin.com/jobs/view/123',
        salary_min: 70000,
        salary_max: 90000,
        location: 'Remote',
        notes: 'Promising role.',
        applied_at: '2026-07-01T00:00:00.000000Z',
        next_step_at: '2026-07-10T09:00:00.000000Z',
        created_at: '2026-07-01T12:00:00.000000Z',
        updated_at: '2026-07-01T12:00:00.000000Z',
      },
    });
    expect(answer.body.data).not.toHaveProperty('user_id');
  });

  it('needs only company_name and position_title; the status defaults to applied', async () => {
    const user = await newUser(api().url);
    const created = await call(api().url, 'POST', '/api/applications', {
      token: user.token,
      json: { company_name: 'Stripe', position_title: 'Platform Engineer' },
    });
    expect(created.status).toBe(201);
    // Like Eloquent after save(), the 201 shows the model as filled: no status yet...
    expect(created.body.data.status).toBeNull();
    expect(created.body.data.source_url).toBeNull();
    // ...the stored record has the column default.
    const shown = await call(api().url, 'GET', `/api/applications/${created.body.data.id}`, {
      token: user.token,
    });
    expect(shown.body.data.status).toBe('applied');
  });

  it('keeps integer strings as sent in the 201 and stores them as integers', async () => {
    const user = await newUser(api().url);
    const created = await newApplication(api().url, user.token, {
      salary_min: '5000',
      salary_max: '6000',
    });
    expect(created.salary_min).toBe('5000');
    const shown = await call(api().url, 'GET', `/api/applications/${created.id}`, {
      token: user.token,
    });
    expect(shown.body.data.salary_min).toBe(5000);
    expect(shown.body.data.salary_max).toBe(6000);
  });

  it('trims strings before storing them', async () => {
    const user = await newUser(api().url);
    const created = await newApplication(api().url, user.token, {
      company_name: '  Acme Corp \n',
      notes: '\tnote ',
    });
    expect(created.company_name).toBe('Acme Corp');
    expect(created.notes).toBe('note');
  });

  it('accepts technical_test and a datetime next step', async () => {
    const user = await newUser(api().url);
    const created = await newApplication(api().url, user.token, {
      status: 'technical_test',
      applied_at: '2026-07-10',
      next_step_at: '2026-07-10T15:30:00Z',
    });
    expect(created.status).toBe('technical_test');
    expect(created.next_step_at).toBe('2026-07-10T15:30:00.000000Z');
  });

  it('ignores fields that are not in the rules', async () => {
    const user = await newUser(api().url);
    const created = await newApplication(api().url, user.token, { user_id: 999, id: 5 });
    expect(created.id).not.toBe(5);
    const shown = await call(api().url, 'GET', `/api/applications/${created.id}`, {
      token: user.token,
    });
    expect(shown.status).toBe(200);
  });

  it('an explicit null status is a 500, as the NOT NULL column makes it on the real server', async () => {
    const user = await newUser(api().url);
    const answer = await call(api().url, 'POST', '/api/applications', {
      token: user.token,
      json: { company_name: 'A', position_title: 'B', status: null },
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ message: 'Server Error' });
  });
});

describe('show, update, delete and ownership', () => {
  let owner: Awaited<ReturnType<typeof newUser>>;
  let stranger: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    owner = await newUser(api().url, 'Owner');
    stranger = await newUser(api().url, 'Stranger');
  });

  it('GET shows the own record', async () => {
    const created = await newApplication(api().url, owner.token, { company_name: 'Shopify' });
    const answer = await call(api().url, 'GET', `/api/applications/${created.id}`, {
      token: owner.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ id: created.id, company_name: 'Shopify' });
  });

  it("another user's record is 403 for show, update and delete, and stays unchanged", async () => {
    const created = await newApplication(api().url, owner.token, { company_name: 'Original' });
    const path = `/api/applications/${created.id}`;
    for (const [method, json] of [
      ['GET', undefined],
      ['PATCH', { company_name: 'Hacked' }],
      ['PUT', { company_name: 'Hacked' }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await call(api().url, method, path, { token: stranger.token, json });
      expect(answer.status, method).toBe(403);
      expect(answer.body).toEqual({ message: 'This action is unauthorized.' });
    }
    const shown = await call(api().url, 'GET', path, { token: owner.token });
    expect(shown.body.data.company_name).toBe('Original');
  });

  it('403 comes before validation on update', async () => {
    const created = await newApplication(api().url, owner.token);
    const answer = await call(api().url, 'PATCH', `/api/applications/${created.id}`, {
      token: stranger.token,
      json: { status: 'nope' },
    });
    expect(answer.status).toBe(403);
  });

  it('a missing record is 404 for show, update and delete', async () => {
    for (const method of ['GET', 'PATCH', 'PUT', 'DELETE']) {
      const answer = await call(api().url, method, '/api/applications/999999', {
        token: owner.token,
        json: method.startsWith('P') ? {} : undefined,
      });
      expect(answer.status, method).toBe(404);
      expect(answer.body).toEqual({
        message: 'No query results for model [App\\Models\\JobApplication] 999999',
      });
    }
    const word = await call(api().url, 'GET', '/api/applications/abc', { token: owner.token });
    expect(word.status).toBe(404);
  });

  it('PATCH updates only the fields sent', async () => {
    const created = await newApplication(api().url, owner.token, {
      company_name: 'Old Company',
      position_title: 'Backend Engineer',
    });
    now = new Date('2026-07-02T08:00:00Z');
    const answer = await call(api().url, 'PATCH', `/api/applications/${created.id}`, {
      token: owner.token,
      json: { company_name: 'New Company', status: 'offer' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      id: created.id,
      company_name: 'New Company',
      position_title: 'Backend Engineer',
      status: 'offer',
      updated_at: '2026-07-02T08:00:00.000000Z',
      created_at: created.created_at,
    });
  });

  it('PUT is a partial update too, and clears nullable fields sent as null', async () => {
    const created = await newApplication(api().url, owner.token, { location: 'Remote' });
    const answer = await call(api().url, 'PUT', `/api/applications/${created.id}`, {
      token: owner.token,
      json: { location: null },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.location).toBeNull();
    expect(answer.body.data.company_name).toBe('Acme');
  });

  it('an update that changes nothing keeps updated_at', async () => {
    now = new Date('2026-07-03T08:00:00Z');
    const created = await newApplication(api().url, owner.token, { salary_min: 5000 });
    now = new Date('2026-07-04T08:00:00Z');
    const answer = await call(api().url, 'PATCH', `/api/applications/${created.id}`, {
      token: owner.token,
      json: { company_name: 'Acme', salary_min: '5000' },
    });
    expect(answer.body.data.updated_at).toBe('2026-07-03T08:00:00.000000Z');
  });

  it('DELETE answers 204 without a body; the record is gone', async () => {
    const created = await newApplication(api().url, owner.token);
    const answer = await call(api().url, 'DELETE', `/api/applications/${created.id}`, {
      token: owner.token,
    });
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    const again = await call(api().url, 'GET', `/api/applications/${created.id}`, {
      token: owner.token,
    });
    expect(again.status).toBe(404);
  });
});

describe('GET /api/applications', () => {
  let user: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    user = await newUser(api().url, 'Lister');
    const other = await newUser(api().url, 'Other');
    await newApplication(api().url, other.token, {
      company_name: 'Acme Labs',
      status: 'interview',
    });
    const rows = [
      { company_name: 'Charlie Co', status: 'interview', applied_at: '2024-03-01' },
      { company_name: 'Acme Labs', status: 'rejected', applied_at: '2024-05-01' },
      { company_name: 'Bravo Inc', status: 'offer', applied_at: '2024-04-15' },
      { company_name: 'alpha acme', status: 'interview', applied_at: '2024-06-30' },
      { company_name: 'Delta', position_title: 'No date' },
    ];
    for (const [i, row] of rows.entries()) {
      now = new Date(Date.UTC(2026, 0, 1 + i));
      await newApplication(api().url, user.token, row);
    }
  });

  const list = (query = '') =>
    call(api().url, 'GET', `/api/applications${query}`, { token: user.token });
  const companies = (body: { data: Array<{ company_name: string }> }) =>
    body.data.map((a) => a.company_name);

  it('lists only the own records, newest first, in the paginator shape', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(companies(answer.body)).toEqual([
      'Delta',
      'alpha acme',
      'Bravo Inc',
      'Acme Labs',
      'Charlie Co',
    ]);
    const base = `${api().url}/api/applications`;
    expect(answer.body.links).toEqual({
      first: `${base}?page=1`,
      last: `${base}?page=1`,
      prev: null,
      next: null,
    });
    expect(answer.body.meta).toEqual({
      current_page: 1,
      from: 1,
      last_page: 1,
      links: [
        { url: null, label: '&laquo; Previous', page: null, active: false },
        { url: `${base}?page=1`, label: '1', page: 1, active: true },
        { url: null, label: 'Next &raquo;', page: null, active: false },
      ],
      path: base,
      per_page: 15,
      to: 5,
      total: 5,
    });
  });

  it('paginates with per_page and page, keeping the query in the links', async () => {
    const answer = await list('?per_page=2&sort_by=company_name&sort_direction=asc&page=2');
    // SQLite's binary collation: capitals first.
    expect(companies(answer.body)).toEqual(['Charlie Co', 'Delta']);
    const base = `${api().url}/api/applications?per_page=2&sort_by=company_name&sort_direction=asc`;
    expect(answer.body.links).toEqual({
      first: `${base}&page=1`,
      last: `${base}&page=3`,
      prev: `${base}&page=1`,
      next: `${base}&page=3`,
    });
    expect(answer.body.meta).toMatchObject({
      current_page: 2,
      from: 3,
      to: 4,
      last_page: 3,
      per_page: 2,
      total: 5,
    });
    expect(answer.body.meta.links.map((l: { label: string }) => l.label)).toEqual([
      '&laquo; Previous',
      '1',
      '2',
      '3',
      'Next &raquo;',
    ]);
  });

  it('a page past the end is empty, with from and to null', async () => {
    const answer = await list('?per_page=2&page=9');
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([]);
    expect(answer.body.meta).toMatchObject({ current_page: 9, from: null, to: null, last_page: 3 });
    expect(answer.body.links.next).toBeNull();
  });

  it('an invalid page is page 1', async () => {
    const answer = await list('?per_page=2&page=abc');
    expect(answer.body.meta.current_page).toBe(1);
  });

  it('filters by status', async () => {
    const answer = await list('?status=interview');
    expect(companies(answer.body).sort()).toEqual(['Charlie Co', 'alpha acme']);
  });

  it('filters by company, a case-insensitive substring', async () => {
    const answer = await list('?company=ACME');
    expect(companies(answer.body)).toEqual(['alpha acme', 'Acme Labs']);
  });

  it('filters by applied_at range, records without a date left out', async () => {
    const answer = await list(
      '?from=2024-04-01&to=2024-05-31&sort_by=applied_at&sort_direction=asc',
    );
    expect(companies(answer.body)).toEqual(['Bravo Inc', 'Acme Labs']);
  });

  it.each([
    ['company_name', 'asc', ['Acme Labs', 'Bravo Inc', 'Charlie Co', 'Delta', 'alpha acme']],
    ['created_at', 'asc', ['Charlie Co', 'Acme Labs', 'Bravo Inc', 'alpha acme', 'Delta']],
    ['status', 'desc', ['Acme Labs', 'Bravo Inc', 'Charlie Co', 'alpha acme', 'Delta']],
  ])('sorts by %s %s', async (by, direction, expected) => {
    const answer = await list(`?sort_by=${by}&sort_direction=${direction}`);
    expect(companies(answer.body)).toEqual(expected);
  });

  it.each([
    ['per_page=0', 'per_page', 'The per page field must be at least 1.'],
    ['per_page=101', 'per_page', 'The per page field must not be greater than 100.'],
    ['per_page=abc', 'per_page', 'The per page field must be an integer.'],
    ['sort_by=id;drop table users', 'sort_by', 'The selected sort by is invalid.'],
    ['sort_direction=sideways', 'sort_direction', 'The selected sort direction is invalid.'],
    ['status=pending', 'status', 'The selected status is invalid.'],
    ['from=2024-02-30', 'from', 'The from field must be a valid date.'],
    ['from=2024-05-01&to=2024-04-01', 'to', 'The to field must be a date after or equal to from.'],
    ['company[]=x', 'company', 'The company field must be a string.'],
  ])('?%s is 422', async (query, field, message) => {
    const answer = await list(`?${query}`);
    expect(answer.status).toBe(422);
    expect(answer.body.errors[field]).toEqual([message]);
  });
});

describe('GET /api/stats', () => {
  it('counts the own records by status and the upcoming next steps', async () => {
    now = new Date('2026-07-01T12:00:00Z');
    const user = await newUser(api().url);
    const other = await newUser(api().url);
    await newApplication(api().url, other.token, { status: 'offer' });
    await newApplication(api().url, user.token, { next_step_at: '2035-01-01 09:00' });
    await newApplication(api().url, user.token, {
      status: 'interview',
      next_step_at: '2020-01-01',
    });
    await newApplication(api().url, user.token, { status: 'technical_test' });
    const answer = await call(api().url, 'GET', '/api/stats', { token: user.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: {
        total: 3,
        by_status: { applied: 1, interview: 1, technical_test: 1, offer: 0, rejected: 0 },
        upcoming_next_steps: 1,
      },
    });
  });
});
