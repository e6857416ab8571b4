// The stand-in's validation of job applications: Laravel's rules, messages and summary, on create
// and on update, including the effect of the TrimStrings and ConvertEmptyStringsToNull middlewares.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, newApplication, newUser, useApi } from './api-helpers';

const api = useApi();
let token = '';
beforeAll(async () => {
  token = (await newUser(api().url)).token;
});

const valid = { company_name: 'GitHub', position_title: 'Backend Engineer' };
const create = (json: unknown) => call(api().url, 'POST', '/api/applications', { token, json });

describe('create: one message per broken rule', () => {
  it.each([
    [{ company_name: undefined }, 'company_name', 'The company name field is required.'],
    [{ position_title: undefined }, 'position_title', 'The position title field is required.'],
    [{ company_name: '' }, 'company_name', 'The company name field is required.'],
    [{ company_name: '   \n\t ' }, 'company_name', 'The company name field is required.'],
    [{ company_name: null }, 'company_name', 'The company name field is required.'],
    [{ company_name: 42 }, 'company_name', 'The company name field must be a string.'],
    [{ position_title: ['x'] }, 'position_title', 'The position title field must be a string.'],
    [
      { company_name: 'c'.repeat(256) },
      'company_name',
      'The company name field must not be greater than 255 characters.',
    ],
    [
      { position_title: 'p'.repeat(256) },
      'position_title',
      'The position title field must not be greater than 255 characters.',
    ],
    [{ status: 'pending' }, 'status', 'The selected status is invalid.'],
    [{ status: 'Applied' }, 'status', 'The selected status is invalid.'],
    [
      { source: 's'.repeat(256) },
      'source',
      'The source field must not be greater than 255 characters.',
    ],
    [{ source: 7 }, 'source', 'The source field must be a string.'],
    [
      { source_url: 'linkedin.com/jobs/view/1' },
      'source_url',
      'The source url field must be a valid URL.',
    ],
    [
      { source_url: 'https://exa mple.com' },
      'source_url',
      'The source url field must be a valid URL.',
    ],
    [
      { source_url: 'javascript:alert(1)' },
      'source_url',
      'The source url field must be a valid URL.',
    ],
    [
      { source_url: `https://example.com/${'a'.repeat(240)}` },
      'source_url',
      'The source url field must not be greater than 255 characters.',
    ],
    [{ salary_min: '1.5' }, 'salary_min', 'The salary min field must be an integer.'],
    [{ salary_min: 'abc' }, 'salary_min', 'The salary min field must be an integer.'],
    [{ salary_min: 1.5 }, 'salary_min', 'The salary min field must be an integer.'],
    [{ salary_min: -1 }, 'salary_min', 'The salary min field must be at least 0.'],
    [{ salary_max: '-5' }, 'salary_max', 'The salary max field must be at least 0.'],
    [
      { location: 'l'.repeat(256) },
      'location',
      'The location field must not be greater than 255 characters.',
    ],
    [{ notes: { a: 1 } }, 'notes', 'The notes field must be a string.'],
    [{ applied_at: '2023-02-29' }, 'applied_at', 'The applied at field must be a valid date.'],
    [{ applied_at: '2026-13-01' }, 'applied_at', 'The applied at field must be a valid date.'],
    [{ applied_at: 'yesterday' }, 'applied_at', 'The applied at field must be a valid date.'],
    [{ applied_at: 'not a date' }, 'applied_at', 'The applied at field must be a valid date.'],
    [
      { next_step_at: '2026-02-30 10:00' },
      'next_step_at',
      'The next step at field must be a valid date.',
    ],
  ])('%j → %s', async (change, field, message) => {
    const answer = await create({ ...valid, ...change });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({ [field]: [message] });
    expect(answer.body.message).toBe(message);
  });

  it('salary_max must be at least salary_min, with salary_min named by its value', async () => {
    const answer = await create({ ...valid, salary_min: 90000, salary_max: 70000 });
    expect(answer.body.errors).toEqual({
      salary_max: ['The salary max field must be greater than or equal to 90000.'],
    });
    const strings = await create({ ...valid, salary_min: '70000', salary_max: '69999' });
    expect(strings.body.errors.salary_max).toEqual([
      'The salary max field must be greater than or equal to 70000.',
    ]);
  });

  it('next_step_at must not be before applied_at', async () => {
    const answer = await create({
      ...valid,
      applied_at: '2026-07-10',
      next_step_at: '2026-07-01 09:00:00',
    });
    expect(answer.body.errors).toEqual({
      next_step_at: ['The next step at field must be a date after or equal to applied at.'],
    });
  });

  it('summarizes several failures as Laravel does', async () => {
    const two = await create({});
    expect(two.body).toEqual({
      message: 'The company name field is required. (and 1 more error)',
      errors: {
        company_name: ['The company name field is required.'],
        position_title: ['The position title field is required.'],
      },
    });
    const three = await create({ status: 'x' });
    expect(three.body.message).toBe('The company name field is required. (and 2 more errors)');
    // Every message counts, also several on one field.
    const many = await create({ ...valid, salary_min: -1.5 });
    expect(many.body.errors.salary_min).toEqual([
      'The salary min field must be an integer.',
      'The salary min field must be at least 0.',
    ]);
    expect(many.body.message).toBe('The salary min field must be an integer. (and 1 more error)');
  });
});

describe('create: what passes', () => {
  it.each([
    ['integer strings for salaries', { salary_min: '5000', salary_max: '5000' }],
    ['zero salaries', { salary_min: 0, salary_max: 0 }],
    ['salary_max alone', { salary_max: 10 }],
    [
      'nulls for every optional field',
      {
        source: null,
        source_url: null,
        salary_min: null,
        salary_max: null,
        location: null,
        notes: null,
        applied_at: null,
        next_step_at: null,
      },
    ],
    [
      'empty strings, which become null',
      { source: '', source_url: '', salary_min: '', applied_at: '' },
    ],
    ['a leap day', { applied_at: '2024-02-29' }],
    ['a datetime applied_at', { applied_at: '2024-05-01 10:00:00' }],
    ['an ISO datetime with zone', { applied_at: '2024-05-01T10:00:00+02:00' }],
    ['a written date', { applied_at: 'May 1, 2024' }],
    ['next step on the applied day', { applied_at: '2026-07-10', next_step_at: '2026-07-10' }],
    ['a next step without applied_at', { next_step_at: '2020-01-01' }],
    [
      'an http URL with query and fragment',
      { source_url: 'http://jobs.example.com/a?b=1&c[]=2#top' },
    ],
    ['a URL with a port', { source_url: 'http://localhost:8000/jobs/1' }],
    ['an ftp URL, which Laravel accepts', { source_url: 'ftp://files.example.com/job.pdf' }],
    ['a long note', { notes: 'n'.repeat(10000) }],
    ['255 characters of Unicode', { company_name: 'é'.repeat(255) }],
  ])('%s', async (_, change) => {
    const answer = await create({ ...valid, ...change });
    expect(answer.status, answer.text).toBe(201);
  });

  it('stores a zone-qualified time as its wall-clock time, as Laravel does', async () => {
    const created = await newApplication(api().url, token, {
      next_step_at: '2026-07-10T09:00:00+02:00',
    });
    expect(created.next_step_at).toBe('2026-07-10T09:00:00.000000Z');
  });

  it('reads an eight-digit number as a Unix timestamp when storing it (the date rule accepts it)', async () => {
    const created = await newApplication(api().url, token, { applied_at: '20240501' });
    expect(created.applied_at).toBe('1970-08-23T00:00:00.000000Z');
  });
});

describe('update rules', () => {
  const patch = (id: number, json: unknown) =>
    call(api().url, 'PATCH', `/api/applications/${id}`, { token, json });

  it('fields sent must still be valid; absent ones are not required', async () => {
    const created = await newApplication(api().url, token);
    const answer = await patch(created.id, {
      company_name: '',
      status: null,
      source_url: 'nope',
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      company_name: ['The company name field must be a string.'],
      status: ['The status field must be a string.', 'The selected status is invalid.'],
      source_url: ['The source url field must be a valid URL.'],
    });
    expect(answer.body.message).toBe(
      'The company name field must be a string. (and 3 more errors)',
    );
  });

  it('salary_max alone is checked against the stored salary_min', async () => {
    const created = await newApplication(api().url, token, {
      salary_min: 90000,
      salary_max: 100000,
    });
    const answer = await patch(created.id, { salary_max: 70000 });
    expect(answer.status).toBe(422);
    // The real rule is a closure that writes the raw attribute name.
    expect(answer.body.errors).toEqual({
      salary_max: ['The salary_max field must be greater than or equal to 90000.'],
    });
    expect((await patch(created.id, { salary_max: 95000 })).status).toBe(200);
    // Sending salary_min (even null) replaces the stored one in the comparison.
    expect((await patch(created.id, { salary_min: null, salary_max: 10 })).status).toBe(200);
  });

  it('next_step_at alone is checked against the stored applied_at', async () => {
    const created = await newApplication(api().url, token, {
      applied_at: '2026-07-10',
      next_step_at: '2026-07-15 09:00:00',
    });
    const answer = await patch(created.id, { next_step_at: '2026-07-01 09:00:00' });
    expect(answer.body.errors).toEqual({
      next_step_at: ['The next step at field must be a date after or equal to 2026-07-10.'],
    });
    const both = await patch(created.id, {
      applied_at: '2026-06-01',
      next_step_at: '2026-06-02',
    });
    expect(both.status).toBe(200);
    expect(both.body.data.applied_at).toBe('2026-06-01T00:00:00.000000Z');
  });
});
