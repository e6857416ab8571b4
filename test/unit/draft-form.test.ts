import { describe, expect, it } from 'vitest';
import {
  appliedDateFor,
  composeNotes,
  firstInvalid,
  formFromDraft,
  initialForm,
  splitFieldErrors,
  todayLocal,
  toggleDescription,
  truncationNotice,
} from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const job: JobDraft = {
  company_name: 'Acme',
  position_title: 'Engineer',
  location: 'Remote',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/123/',
  salary_min: 46550,
  salary_max: 52000,
  salary_posted: 'From $22.38 an hour',
  description: 'Build things.\n\n\n\nWith care.  \n',
  job_key: 'linkedin:123',
  origins: { company_name: 'site' },
};

// 23:30 local on 1 May: toISOString() would already say 2 May east of UTC or not, depending on the zone.
const lateEvening = new Date(2026, 4, 1, 23, 30);

describe('todayLocal', () => {
  it('gives the local calendar day as YYYY-MM-DD', () => {
    expect(todayLocal(lateEvening)).toBe('2026-05-01');
    expect(todayLocal(new Date(2026, 0, 9, 0, 5))).toBe('2026-01-09');
  });
});

describe('initialForm', () => {
  it('fills every field from the draft and the defaults', () => {
    expect(initialForm(job, DEFAULT_SETTINGS, lateEvening)).toEqual({
      company_name: 'Acme',
      position_title: 'Engineer',
      status: 'applied',
      location: 'Remote',
      salary_min: '46550',
      salary_max: '52000',
      source: 'LinkedIn',
      source_url: 'https://www.linkedin.com/jobs/view/123/',
      applied_at: '2026-05-01',
      next_step_at: '',
      notes: 'Salary as posted: From $22.38 an hour',
    });
  });

  it('starts empty, with the defaults, when nothing was extracted', () => {
    const form = initialForm(null, { ...DEFAULT_SETTINGS, fill_applied_date: false });
    expect(form.company_name).toBe('');
    expect(form.status).toBe('applied');
    expect(form.applied_at).toBe('');
    expect(form.notes).toBe('');
  });

  it('leaves the applied date empty for another default status', () => {
    const form = initialForm(job, { ...DEFAULT_SETTINGS, default_status: 'interview' });
    expect(form.status).toBe('interview');
    expect(form.applied_at).toBe('');
  });

  it('adds the description as plain text after the salary when the option is on', () => {
    const form = initialForm(job, { ...DEFAULT_SETTINGS, description_to_notes: true });
    expect(form.notes).toBe('Salary as posted: From $22.38 an hour\n\nBuild things.\n\nWith care.');
  });
});

describe('notes', () => {
  it('has no salary line when the salary was not converted', () => {
    expect(composeNotes({ description: 'Text' }, false)).toBe('');
    expect(composeNotes({ description: 'Text' }, true)).toBe('Text');
  });

  it('adds and removes only the description, keeping what the user typed', () => {
    const added = toggleDescription('Met them at a fair.', 'Build things.', true);
    expect(added).toBe('Met them at a fair.\n\nBuild things.');
    expect(toggleDescription(added, 'Build things.', true)).toBe(added);
    expect(toggleDescription(added, 'Build things.', false)).toBe('Met them at a fair.');
    expect(toggleDescription('', 'Build things.', true)).toBe('Build things.');
  });
});

describe('appliedDateFor', () => {
  it('fills today only for applied, with the option on, over an empty date', () => {
    expect(appliedDateFor('applied', '', true, lateEvening)).toBe('2026-05-01');
    expect(appliedDateFor('applied', '', false, lateEvening)).toBe('');
    expect(appliedDateFor('offer', '', true, lateEvening)).toBe('');
    expect(appliedDateFor('applied', '2026-04-02', true, lateEvening)).toBe('2026-04-02');
  });
});

describe('errors', () => {
  it('keeps the first message per form field and sets the others apart', () => {
    const split = splitFieldErrors({
      salary_max: ['Must be at least the minimum salary.'],
      company_name: ['The company name field is required.', 'second'],
      user_id: ['Odd server error.'],
    });
    expect(split.fields).toEqual({
      salary_max: 'Must be at least the minimum salary.',
      company_name: 'The company name field is required.',
    });
    expect(split.other).toEqual(['Odd server error.']);
    expect(firstInvalid(split.fields)).toBe('company_name');
  });
});

describe('formFromDraft', () => {
  it('turns an outbox row back into input values', () => {
    const form = formFromDraft({ company_name: 'Acme', salary_min: 5000, notes: null });
    expect(form.company_name).toBe('Acme');
    expect(form.salary_min).toBe('5000');
    expect(form.notes).toBe('');
    expect(form.status).toBe('applied');
  });
});

describe('truncationNotice', () => {
  it('names the shortened fields in words', () => {
    expect(truncationNotice(undefined)).toBeNull();
    expect(truncationNotice(['position_title', 'company_name'])).toBe(
      'Shortened to fit CareerTrack: title, company.',
    );
  });
});
