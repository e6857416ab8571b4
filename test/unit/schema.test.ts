import { describe, expect, it } from 'vitest';
import {
  APPLICATION_FIELDS,
  type ApplicationDraft,
  DEFAULT_STATUS,
  MAX_STRING,
  MESSAGES,
  STATUSES,
} from '@/lib/application';
import {
  type ApplicationCreate,
  applicationCreateSchema,
  applicationListResponseSchema,
  createdApplicationResponseSchema,
  loginResponseSchema,
  validateDraft,
  validationErrorResponseSchema,
} from '@/lib/schema';
import { z } from '@/lib/zod';

const base = { company_name: 'Acme', position_title: 'Engineer' };

function valueOf(draft: ApplicationDraft): ApplicationCreate {
  const result = validateDraft(draft);
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.fieldErrors)}`);
  return result.value;
}

function errorsOf(draft: ApplicationDraft) {
  const result = validateDraft(draft);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.fieldErrors;
}

const application = {
  id: 7,
  company_name: 'Acme',
  position_title: 'Engineer',
  status: 'applied',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/123',
  salary_min: 50000,
  salary_max: 70000,
  location: 'Remote',
  notes: null,
  applied_at: '2024-05-01T00:00:00.000000Z',
  next_step_at: null,
  created_at: '2024-05-01T10:00:00.000000Z',
  updated_at: '2024-05-01T10:00:00.000000Z',
};

describe('zod configuration', () => {
  it('runs jitless once lib/schema is loaded, as the extension CSP forbids eval', () => {
    expect(z.config().jitless).toBe(true);
  });
});

describe('exports', () => {
  it('lists the eleven fields in form order', () => {
    expect(APPLICATION_FIELDS).toEqual([
      'company_name',
      'position_title',
      'status',
      'location',
      'salary_min',
      'salary_max',
      'source',
      'source_url',
      'applied_at',
      'next_step_at',
      'notes',
    ]);
  });

  it('offers the four documented statuses and a 255 limit', () => {
    expect(STATUSES).toEqual(['applied', 'interview', 'offer', 'rejected']);
    expect(MAX_STRING).toBe(255);
  });
});

describe('create request: required text', () => {
  it.each(['company_name', 'position_title'] as const)('%s is required', (field) => {
    const message = field === 'company_name' ? 'Company is required.' : 'Position is required.';
    for (const blank of [undefined, null, '', '   \t\n']) {
      expect(errorsOf({ ...base, [field]: blank })[field]).toEqual([message]);
    }
  });

  it.each(['company_name', 'position_title'] as const)(
    '%s allows 255 characters, not 256',
    (field) => {
      expect(valueOf({ ...base, [field]: 'a'.repeat(255) })[field]).toHaveLength(255);
      expect(errorsOf({ ...base, [field]: 'a'.repeat(256) })[field]).toEqual([
        'Must be 255 characters or fewer.',
      ]);
    },
  );

  it('counts the length after trimming', () => {
    const value = valueOf({ ...base, company_name: `  ${'a'.repeat(255)}  ` });
    expect(value.company_name).toBe('a'.repeat(255));
  });

  it('counts characters as Laravel does, not UTF-16 units', () => {
    expect(valueOf({ ...base, company_name: '😀'.repeat(255) }).company_name).toBe(
      '😀'.repeat(255),
    );
    expect(errorsOf({ ...base, company_name: '😀'.repeat(256) }).company_name).toEqual([
      MESSAGES.tooLong,
    ]);
  });

  it('reports every missing required field at once', () => {
    expect(errorsOf({})).toEqual({
      company_name: ['Company is required.'],
      position_title: ['Position is required.'],
    });
  });
});

describe('create request: status', () => {
  it.each(STATUSES)('accepts %s', (status) => {
    expect(valueOf({ ...base, status }).status).toBe(status);
  });

  it.each([undefined, null, '', '  '])('defaults to applied when given %j', (status) => {
    expect(valueOf({ ...base, status }).status).toBe('applied');
    expect(DEFAULT_STATUS).toBe('applied');
  });

  it('defaults to applied when the key is missing', () => {
    expect(valueOf(base).status).toBe('applied');
  });

  it.each(['technical_test', 'Applied', 'hired'])(
    'rejects %s, which the client does not offer',
    (status) => {
      expect(errorsOf({ ...base, status }).status).toEqual([
        'Choose applied, interview, offer or rejected.',
      ]);
    },
  );
});

describe('create request: optional text', () => {
  it.each(['source', 'location'] as const)('%s allows 255 characters, not 256', (field) => {
    expect(valueOf({ ...base, [field]: ` ${'b'.repeat(255)} ` })[field]).toBe('b'.repeat(255));
    expect(errorsOf({ ...base, [field]: 'b'.repeat(256) })[field]).toEqual([MESSAGES.tooLong]);
  });

  it('leaves notes unlimited, trimmed', () => {
    expect(valueOf({ ...base, notes: `  ${'n'.repeat(10_000)}\n` }).notes).toBe('n'.repeat(10_000));
  });
});

describe('create request: salaries', () => {
  it.each([
    ['5000', 5000],
    [5000, 5000],
    [' 5000 ', 5000],
    [0, 0],
    ['0', 0],
  ])('accepts %j as %j', (input, expected) => {
    expect(valueOf({ ...base, salary_min: input }).salary_min).toBe(expected);
    expect(valueOf({ ...base, salary_max: input }).salary_max).toBe(expected);
  });

  it.each(['1.5', 1.5, 'abc', '-1', -1, '5,000', '1e3', Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %j',
    (input) => {
      expect(errorsOf({ ...base, salary_min: input }).salary_min).toEqual([
        'Enter a whole number, 0 or more.',
      ]);
      expect(errorsOf({ ...base, salary_max: input }).salary_max).toEqual([
        'Enter a whole number, 0 or more.',
      ]);
    },
  );

  it('rejects a number too large to send exactly', () => {
    expect(errorsOf({ ...base, salary_min: '99999999999999999999' }).salary_min).toEqual([
      MESSAGES.tooLarge,
    ]);
  });

  it('allows a maximum equal to the minimum', () => {
    const value = valueOf({ ...base, salary_min: '70000', salary_max: 70000 });
    expect(value).toMatchObject({ salary_min: 70000, salary_max: 70000 });
  });

  it('rejects a maximum below the minimum, on salary_max', () => {
    expect(errorsOf({ ...base, salary_min: '70000', salary_max: '69999' })).toEqual({
      salary_max: ['Must be at least the minimum salary.'],
    });
  });

  it('compares only when both are given', () => {
    expect(valueOf({ ...base, salary_max: 1 }).salary_max).toBe(1);
    expect(valueOf({ ...base, salary_min: 1, salary_max: '' }).salary_min).toBe(1);
  });

  it('does not compare when either salary is itself invalid', () => {
    expect(errorsOf({ ...base, salary_min: 10, salary_max: -5 })).toEqual({
      salary_max: [MESSAGES.wholeNumber],
    });
  });

  it('reports the order even while another field is wrong', () => {
    expect(errorsOf({ salary_min: 10, salary_max: 5, position_title: 'x' })).toEqual({
      company_name: ['Company is required.'],
      salary_max: ['Must be at least the minimum salary.'],
    });
  });
});

describe('create request: source_url', () => {
  const URL_MESSAGE = 'Enter a full web address starting with http:// or https://.';

  it.each([
    'https://www.linkedin.com/jobs/view/123',
    'http://careers.example.com/apply?id=1#top',
    'http://127.0.0.1:8000/jobs/1',
    'https://localhost/jobs',
  ])('accepts %s', (url) => {
    expect(valueOf({ ...base, source_url: ` ${url} ` }).source_url).toBe(url);
  });

  it.each([
    '/jobs/123',
    'jobs/123',
    'www.example.com/jobs',
    'javascript:alert(1)',
    'ftp://example.com/job.txt',
    'mailto:hr@example.com',
    'http://',
    'https://',
    'http:example.com',
    'http:///jobs',
    'https://example.com/senior engineer',
    'not a url',
  ])('rejects %s', (url) => {
    expect(errorsOf({ ...base, source_url: url }).source_url).toEqual([URL_MESSAGE]);
  });

  it('allows 255 characters, not 256', () => {
    const prefix = 'https://example.com/';
    const at255 = prefix + 'a'.repeat(255 - prefix.length);
    expect(valueOf({ ...base, source_url: at255 }).source_url).toBe(at255);
    expect(errorsOf({ ...base, source_url: `${at255}a` }).source_url).toEqual([MESSAGES.tooLong]);
  });
});

describe('create request: dates', () => {
  it.each(['applied_at', 'next_step_at'] as const)('%s takes real calendar dates', (field) => {
    expect(valueOf({ ...base, [field]: '2024-02-29' })[field]).toBe('2024-02-29');
    expect(valueOf({ ...base, [field]: '2000-02-29' })[field]).toBe('2000-02-29');
    for (const bad of ['2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10']) {
      expect(errorsOf({ ...base, [field]: bad })[field]).toEqual(['Enter a real date.']);
    }
  });

  it.each(['01/05/2024', '2024-5-1', '2024-05-01T10:00:00Z', 'yesterday'])('rejects %s', (date) => {
    expect(errorsOf({ ...base, applied_at: date }).applied_at).toEqual([MESSAGES.date]);
  });

  it('allows the next step on the applied date and after it', () => {
    expect(
      valueOf({ ...base, applied_at: '2024-05-01', next_step_at: '2024-05-01' }),
    ).toMatchObject({ applied_at: '2024-05-01', next_step_at: '2024-05-01' });
    expect(
      valueOf({ ...base, applied_at: '2024-05-01', next_step_at: '2025-01-01' }),
    ).toMatchObject({ next_step_at: '2025-01-01' });
  });

  it('rejects a next step before the applied date, on next_step_at', () => {
    expect(errorsOf({ ...base, applied_at: '2024-05-01', next_step_at: '2024-04-30' })).toEqual({
      next_step_at: ['Must be on or after the applied date.'],
    });
  });

  it('compares only when both dates are given and real', () => {
    expect(valueOf({ ...base, next_step_at: '2020-01-01' }).next_step_at).toBe('2020-01-01');
    expect(errorsOf({ ...base, applied_at: '2023-02-29', next_step_at: '2020-01-01' })).toEqual({
      applied_at: [MESSAGES.date],
    });
  });
});

describe('create request: the body to send', () => {
  it('omits every empty optional field', () => {
    const blanks: ApplicationDraft = {};
    for (const field of APPLICATION_FIELDS) blanks[field] = '';
    const draft: ApplicationDraft = {
      ...blanks,
      ...base,
      location: '   ',
      salary_min: null,
      salary_max: undefined,
      source_url: '',
      applied_at: '',
      notes: '\n',
    };
    const value = valueOf(draft);
    expect(value).toEqual({ company_name: 'Acme', position_title: 'Engineer', status: 'applied' });
    expect(Object.keys(value)).toEqual(['company_name', 'position_title', 'status']);
    expect(JSON.stringify(value)).toBe(
      '{"company_name":"Acme","position_title":"Engineer","status":"applied"}',
    );
  });

  it('gives a full draft back as trimmed strings and integers', () => {
    const value = valueOf({
      company_name: ' Acme Corp ',
      position_title: '\tSenior Engineer\n',
      status: 'interview',
      location: ' Remote ',
      salary_min: '50000',
      salary_max: 70000,
      source: ' LinkedIn ',
      source_url: ' https://www.linkedin.com/jobs/view/123 ',
      applied_at: ' 2024-05-01 ',
      next_step_at: '2024-05-10',
      notes: '  Referred by Sam.  ',
    });
    expect(value).toEqual({
      company_name: 'Acme Corp',
      position_title: 'Senior Engineer',
      status: 'interview',
      location: 'Remote',
      salary_min: 50000,
      salary_max: 70000,
      source: 'LinkedIn',
      source_url: 'https://www.linkedin.com/jobs/view/123',
      applied_at: '2024-05-01',
      next_step_at: '2024-05-10',
      notes: 'Referred by Sam.',
    });
  });

  it('drops keys the API does not know', () => {
    const value = applicationCreateSchema.parse({ ...base, job_key: 'linkedin:123' });
    expect(value).not.toHaveProperty('job_key');
  });
});

describe('answers', () => {
  it('reads the 201 answer, keeping unknown keys and any status', () => {
    const body = { data: { ...application, status: 'technical_test', user_id: 3, extra: true } };
    const parsed = createdApplicationResponseSchema.parse(body);
    expect(parsed.data).toMatchObject({ id: 7, status: 'technical_test', user_id: 3, extra: true });
  });

  it('reads the 201 answer without user_id', () => {
    expect(createdApplicationResponseSchema.parse({ data: application }).data.id).toBe(7);
  });

  it.each([
    ['no data wrapper', application],
    ['a missing id', { data: { ...application, id: undefined } }],
    ['a string id', { data: { ...application, id: '7' } }],
    ['a missing company', { data: { ...application, company_name: undefined } }],
    ['an HTML page', '<html>captive portal</html>'],
  ])('rejects a 201 answer with %s', (_, body) => {
    expect(createdApplicationResponseSchema.safeParse(body).success).toBe(false);
  });

  it('reads the 422 answer', () => {
    const body = {
      message: 'The company name field is required. (and 1 more error)',
      errors: {
        company_name: ['The company name field is required.'],
        position_title: ['The position title field is required.'],
      },
    };
    expect(validationErrorResponseSchema.parse(body)).toEqual(body);
  });

  it('rejects a 422 answer whose errors are not lists of messages', () => {
    expect(
      validationErrorResponseSchema.safeParse({ message: 'x', errors: { company_name: 'x' } })
        .success,
    ).toBe(false);
    expect(validationErrorResponseSchema.safeParse({ message: 'x' }).success).toBe(false);
  });

  const session = { user: { id: 1, name: 'Ada', email: 'ada@example.com' }, token: '1|abc' };

  it('reads the login answer wrapped in data, as the code sends it', () => {
    expect(loginResponseSchema.parse({ data: session })).toEqual(session);
  });

  it('reads the login answer bare, as the documentation shows it', () => {
    expect(loginResponseSchema.parse(session)).toEqual(session);
  });

  it.each([
    ['no token', { data: { user: session.user } }],
    ['an empty token', { ...session, token: '' }],
    ['no user', { token: '1|abc' }],
    ['a user without an id', { data: { ...session, user: { name: 'Ada', email: 'a@b.c' } } }],
    [
      'the 422 body',
      { message: 'x', errors: { email: ['The provided credentials are incorrect.'] } },
    ],
  ])('rejects a login answer with %s', (_, body) => {
    expect(loginResponseSchema.safeParse(body).success).toBe(false);
  });

  it('reads a paginated list', () => {
    const body = {
      data: [application, { ...application, id: 8 }],
      links: { first: 'x', last: 'x', prev: null, next: null },
      meta: { current_page: 1, from: 1, last_page: 1, path: 'x', per_page: 15, to: 2, total: 2 },
    };
    const parsed = applicationListResponseSchema.parse(body);
    expect(parsed.data.map((item) => item.id)).toEqual([7, 8]);
    expect(parsed.meta).toMatchObject({ current_page: 1, last_page: 1, total: 2 });
  });

  it('reads an empty page', () => {
    const body = { data: [], meta: { current_page: 1, last_page: 1, total: 0, from: null } };
    expect(applicationListResponseSchema.parse(body).data).toEqual([]);
  });

  it.each([
    ['no meta', { data: [] }],
    ['a meta without total', { data: [], meta: { current_page: 1, last_page: 1 } }],
    ['a malformed item', { data: [{ id: 1 }], meta: { current_page: 1, last_page: 1, total: 1 } }],
    ['a bare array', [application]],
  ])('rejects a list answer with %s', (_, body) => {
    expect(applicationListResponseSchema.safeParse(body).success).toBe(false);
  });
});
