import { z } from '@/lib/zod';

export const MAX_STRING = 255;

export const STATUSES = ['applied', 'interview', 'offer', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];
export const DEFAULT_STATUS: Status = 'applied';

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

// A blank field means "not given": it must be left out of the body, because the API
// rejects "" for a URL or a date.
function blankToUndefined(value: DraftValue): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

// Laravel's max counts characters (mb_strlen), not UTF-16 units: an emoji counts once.
const withinLimit = (value: string) => [...value].length <= MAX_STRING;

function requiredText(missing: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: (issue) => (issue.input === undefined ? missing : MESSAGES.text) })
      .refine(withinLimit, MESSAGES.tooLong),
  );
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

const text = () => z.string({ error: MESSAGES.text }).refine(withinLimit, MESSAGES.tooLong);

// `<input>` gives "5000"; Laravel's integer rule takes integer strings too, but the body sends numbers.
const wholeNumber = z.preprocess(
  (value: DraftValue) => {
    const given = blankToUndefined(value);
    return typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : given;
  },
  z
    .int({
      error: (issue) => (issue.code === 'too_big' ? MESSAGES.tooLarge : MESSAGES.wholeNumber),
    })
    .min(0, MESSAGES.wholeNumber)
    .optional(),
);

// WHATWG URL parsing forgives spaces, "http:host" and "http:///path", all of which Laravel's
// url rule rejects, so the shape is checked before the parser gets a say.
const HTTP_URL_SHAPE = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const parsesAsHttpUrl = z.url({ protocol: z.regexes.httpProtocol, hostname: z.regexes.hostname });
const webAddress = z
  .string({ error: MESSAGES.url })
  .refine((value) => HTTP_URL_SHAPE.test(value) && parsesAsHttpUrl.safeParse(value).success, {
    error: MESSAGES.url,
  })
  .refine(withinLimit, MESSAGES.tooLong);

// The regex behind z.iso.date() knows month lengths and leap years.
const calendarDate = z.iso.date({ error: MESSAGES.date });

const fields = {
  company_name: requiredText(MESSAGES.companyRequired),
  position_title: requiredText(MESSAGES.positionRequired),
  status: z.preprocess(
    blankToUndefined,
    z.enum(STATUSES, { error: MESSAGES.status }).default(DEFAULT_STATUS),
  ),
  location: optional(text()),
  salary_min: wholeNumber,
  salary_max: wholeNumber,
  source: optional(text()),
  source_url: optional(webAddress),
  applied_at: optional(calendarDate),
  next_step_at: optional(calendarDate),
  notes: optional(z.string({ error: MESSAGES.text })),
} satisfies Record<FieldName, z.ZodType>;

// Cross-field rules run even while other fields are wrong, so every problem shows at once, but
// only when both fields they compare are filled and valid on their own.
function bothFilled(first: FieldName, second: FieldName) {
  return (payload: { value: unknown }) => {
    const value = payload.value;
    if (typeof value !== 'object' || value === null) return false;
    return [first, second].every((key) => {
      const field = fields[key].safeParse((value as Record<string, unknown>)[key]);
      return field.success && field.data !== undefined;
    });
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Parses the form's loose values into exactly the JSON body of `POST /api/applications`. */
export const applicationCreateSchema = z
  .object(fields)
  .refine(
    (draft) =>
      draft.salary_min === undefined ||
      draft.salary_max === undefined ||
      draft.salary_max >= draft.salary_min,
    {
      error: MESSAGES.salaryOrder,
      path: ['salary_max'],
      when: bothFilled('salary_min', 'salary_max'),
    },
  )
  .refine(
    // YYYY-MM-DD strings compare correctly as text.
    (draft) =>
      draft.applied_at === undefined ||
      draft.next_step_at === undefined ||
      draft.next_step_at >= draft.applied_at,
    {
      error: MESSAGES.dateOrder,
      path: ['next_step_at'],
      when: bothFilled('applied_at', 'next_step_at'),
    },
  )
  .transform(withoutUndefined);

export type ApplicationCreate = z.output<typeof applicationCreateSchema>;
export type FieldErrors = Partial<Record<FieldName, string[]>>;

export function validateDraft(
  input: ApplicationDraft,
): { ok: true; value: ApplicationCreate } | { ok: false; fieldErrors: FieldErrors } {
  const result = applicationCreateSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, fieldErrors: z.flattenError(result.error).fieldErrors };
}

/**
 * The body of `PATCH /api/applications/{id}`: only the fields that changed, each as a create would
 * send it, or null where the user emptied an optional field (CareerTrack then clears it).
 */
export type ApplicationChanges = { [K in keyof ApplicationCreate]?: ApplicationCreate[K] | null };

/**
 * Validates changes with the create's rules, field by field and across fields (salaries, dates), as
 * they apply to the record once changed: `current` is the record as the user last saw it.
 */
export function validateChanges(
  changes: ApplicationDraft,
  current: ApplicationDraft,
): { ok: true; value: ApplicationChanges } | { ok: false; fieldErrors: FieldErrors } {
  const changed = APPLICATION_FIELDS.filter((name) => Object.hasOwn(changes, name));
  const fieldErrors: FieldErrors = {};
  const value: Record<string, unknown> = {};
  for (const name of changed) {
    const parsed = fields[name].safeParse(changes[name]);
    if (parsed.success) value[name] = parsed.data ?? null;
    else fieldErrors[name] = parsed.error.issues.map((issue) => issue.message);
  }
  // The rules across fields, on the record as it will be: a field left as it was is not the
  // user's to fix now (CareerTrack may know a status this client does not), so only the errors
  // that a change of this update causes count.
  const merged = applicationCreateSchema.safeParse({ ...current, ...changes });
  if (!merged.success) {
    const across = z.flattenError(merged.error).fieldErrors as FieldErrors;
    const caused: Partial<Record<FieldName, FieldName[]>> = {
      salary_max: ['salary_min', 'salary_max'],
      next_step_at: ['applied_at', 'next_step_at'],
    };
    for (const [name, causes] of Object.entries(caused) as [FieldName, FieldName[]][]) {
      const messages = across[name];
      if (fieldErrors[name] || !causes.some((cause) => changed.includes(cause))) continue;
      const own = messages?.filter((m) => m === MESSAGES.salaryOrder || m === MESSAGES.dateOrder);
      if (own?.length) fieldErrors[name] = own;
    }
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return { ok: true, value: value as ApplicationChanges };
}

// Answers are read leniently: a self-hosted server may be older or newer than this client.
export const applicationSchema = z.looseObject({
  id: z.int(),
  user_id: z.int().optional(),
  company_name: z.string(),
  position_title: z.string(),
  // Any string: the server also knows technical_test, and may learn more statuses.
  status: z.string().nullable(),
  source: z.string().nullable(),
  source_url: z.string().nullable(),
  salary_min: z.number().nullable(),
  salary_max: z.number().nullable(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  applied_at: z.string().nullable(),
  next_step_at: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type Application = z.output<typeof applicationSchema>;

export const createdApplicationResponseSchema = z.looseObject({ data: applicationSchema });
export type CreatedApplicationResponse = z.output<typeof createdApplicationResponseSchema>;

export const validationErrorResponseSchema = z.looseObject({
  message: z.string(),
  errors: z.record(z.string(), z.array(z.string())),
});
export type ValidationErrorResponse = z.output<typeof validationErrorResponseSchema>;

const sessionSchema = z.object({
  user: z.looseObject({ id: z.int(), name: z.string(), email: z.string() }),
  token: z.string().min(1),
});

// The code wraps the login answer in `data`; the documentation shows it bare.
export const loginResponseSchema = z.union([
  z.object({ data: sessionSchema }).transform((body) => body.data),
  sessionSchema,
]);
export type LoginResponse = z.output<typeof loginResponseSchema>;

export const applicationListResponseSchema = z.looseObject({
  data: z.array(applicationSchema),
  meta: z.looseObject({ current_page: z.int(), last_page: z.int(), total: z.int() }),
});
export type ApplicationListResponse = z.output<typeof applicationListResponseSchema>;
