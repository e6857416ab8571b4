/**
 * The application as CareerTrack knows it: its fields, statuses, limits and the words of its rules.
 * Free of zod, so the popup paints its form without loading the validator (lib/schema.ts), which it
 * fetches only once the form is on screen.
 */

export const MAX_STRING = 255;

export const STATUSES = ['applied', 'interview', 'offer', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];
export const DEFAULT_STATUS: Status = 'applied';
/** The filters CareerTrack's list takes; `technical_test` is a status its code knows too. */
export const LISTED_STATUSES = [...STATUSES, 'technical_test'] as const;

export const APPLICATION_FIELDS = [
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
] as const;
export type FieldName = (typeof APPLICATION_FIELDS)[number];

/** What the form hands over: raw `<input>` values, or numbers from the extractor. */
export type DraftValue = string | number | null | undefined;
export type ApplicationDraft = Partial<Record<FieldName, DraftValue>>;

export const MESSAGES = {
  companyRequired: 'Company is required.',
  positionRequired: 'Position is required.',
  text: 'Enter text.',
  tooLong: `Must be ${MAX_STRING} characters or fewer.`,
  status: 'Choose applied, interview, offer or rejected.',
  wholeNumber: 'Enter a whole number, 0 or more.',
  tooLarge: 'That number is too large.',
  url: 'Enter a full web address starting with http:// or https://.',
  date: 'Enter a real date.',
  salaryOrder: 'Must be at least the minimum salary.',
  dateOrder: 'Must be on or after the applied date.',
} as const;
