/**
 * The message protocol, named by direction. Every message is parsed with zod on arrival and the
 * sender is checked: settings, the token and the outbox answer only the extension's own pages.
 */
import type { Runtime } from 'webextension-polyfill';
import { LISTED_STATUSES, STATUSES } from '@/lib/application';
import { APPLICATION_SENT, FRAME_SAVE, FRAME_STATE, FRAME_STATUS } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import type { OutboxRow } from '@/lib/outbox-row';
import type { Application, ApplicationCreate } from '@/lib/schema';
import { type DefaultsPatch, REMINDER_CHOICES, type Settings } from '@/lib/settings';
import { z } from '@/lib/zod';

const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);

/** The form as typed: loose strings and numbers, validated by the create schema in the background. */
export const draftFormSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(1_000_000), z.number(), z.null()]),
);
export type DraftForm = z.infer<typeof draftFormSchema>;

const jobKey = text(2048);

const applicationsQuerySchema = z.object({
  status: z.enum(LISTED_STATUSES).optional(),
  company: text(255).optional(),
});
export type ApplicationsQuery = z.infer<typeof applicationsQuerySchema>;

/** What the pages may change directly: the defaults of new saves, never where data goes. */
const defaultsPatchSchema = z.strictObject({
  default_status: z.enum(STATUSES).optional(),
  fill_applied_date: z.boolean().optional(),
  description_to_notes: z.boolean().optional(),
  next_step_reminders: z.enum(REMINDER_CHOICES).optional(),
  save_when_applied: z.boolean().optional(),
}) satisfies z.ZodType<DefaultsPatch>;

/** Extension pages (popup, options) → background. */
export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('outbox:save'),
    draft: draftFormSchema,
    jobKey,
    /** The user chose "Save anyway" after "Already saved". */
    force: z.boolean().optional(),
  }),
  /** The popup sends this on open: besides listing, it nudges the sync engine to send what waits. */
  z.object({ type: z.literal('outbox:list') }),
  z.object({ type: z.literal('outbox:retry'), id }),
  z.object({ type: z.literal('outbox:resend'), id, draft: draftFormSchema }),
  z.object({ type: z.literal('outbox:delete'), id }),
  z.object({ type: z.literal('history:lookup'), jobKey }),
  /** The job on screen in a tab, read and parsed by the background for the popup. */
  z.object({ type: z.literal('job:read'), tabId: z.number().int().nonnegative() }),
  /**
   * The application saved for this job. `live`: also ask CareerTrack for it; without, only the
   * extension's own copy (instant, for the popup's first paint).
   */
  z.object({ type: z.literal('application:open'), jobKey, live: z.boolean().optional() }),
  /** Only the changed fields of the application whose create is row `rowId`. */
  z.object({ type: z.literal('application:update'), rowId: id, changes: draftFormSchema }),
  z.object({ type: z.literal('auth:status') }),
  z.object({
    type: z.literal('auth:login'),
    apiUrl: text(2048),
    email: text(255),
    password: text(1024),
  }),
  z.object({ type: z.literal('auth:token'), apiUrl: text(2048), token: text(4096) }),
  z.object({ type: z.literal('auth:logout') }),
  z.object({ type: z.literal('connection:test'), apiUrl: text(2048) }),
  z.object({ type: z.literal('applications:list'), query: applicationsQuerySchema }),
  z.object({ type: z.literal('settings:get') }),
  /** Only the defaults of new saves: the address changes with a sign-in, never on its own. */
  z.object({ type: z.literal('settings:update'), defaults: defaultsPatchSchema }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

const origin = z.enum(['site', 'jsonld', 'microdata', 'meta', 'title', 'url']);
const extractedField = z.enum([
  'company_name',
  'position_title',
  'location',
  'source',
  'source_url',
  'salary',
  'description',
]);
const pageText = z.string().max(255).optional();
const salaryAmount = z.number().int().nonnegative().optional();

/** A content script's answer: page data, so bounded and typed before the popup shows it. */
export const jobDraftSchema = z.object({
  company_name: pageText,
  position_title: pageText,
  location: pageText,
  source: pageText,
  source_url: z.string().max(255).optional(),
  salary_min: salaryAmount,
  salary_max: salaryAmount,
  salary_posted: z.string().max(1000).optional(),
  description: z.string().max(100_000).optional(),
  job_key: z.string().max(2048),
  origins: z.partialRecord(extractedField, origin),
  truncated: z.array(extractedField).max(7).optional(),
  no_job: z.literal(true).optional(),
});

/**
 * The in-page button's frame → background: "what do I show?", "the user clicked me" and "the user
 * chose this status". The job is always the one its tab's address names, so none carries one.
 */
export const frameRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(FRAME_STATE) }),
  z.strictObject({ type: z.literal(FRAME_SAVE), visible: z.boolean().nullable() }),
  z.strictObject({
    type: z.literal(FRAME_STATUS),
    status: z.enum(STATUSES),
    visible: z.boolean().nullable(),
  }),
]);

/** A content script → background: its one notice, bare; the job is its tab's address's. */
export const contentNoticeSchema = z.strictObject({ type: z.literal(APPLICATION_SENT) });

export type Sender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'>;

/** A page of this extension (popup or options, also when opened in a tab), never a content script. */
export function isExtensionPage(
  sender: Sender,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  return (
    sender.id === runtimeId &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(extensionOrigin)
  );
}

export type Result<T> = ({ ok: true } & T) | { ok: false; error: string };

/** Field names of the create request mapped to messages, from zod or from a 422. */
export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * Where a saved application stands, as the user sees it: synced (CareerTrack has every change),
 * waiting (something is on its way), attention (CareerTrack refused a change), deleted (404).
 */
export type RecordState = 'synced' | 'waiting' | 'attention' | 'deleted';

/** A saved application as the extension knows it: the one place the popup and the frame read. */
export interface SavedRecord {
  /** The create's row id: what an update names. */
  rowId: number;
  /** CareerTrack's id, once the create is synced. */
  serverId: number | null;
  jobKey: string;
  /** The latest fields the user chose (the create's with every update's changes over them). */
  fields: ApplicationCreate;
  status: string;
  next_step_at: string | null;
  state: RecordState;
  /** The line's refused row (update or create), for the words and the fields to fix. */
  problem: { rowId: number; message: string | null; fieldErrors: FieldErrors | null } | null;
  /** When the create was synced, or written when not yet. */
  savedAt: number;
}

/**
 * none: this job is not saved. local: the extension's copy, not asked of CareerTrack. live:
 * CareerTrack's record now (`fields`; the local ones while a change of the user's is still on its
 * way). copy: CareerTrack could not be reached (`reason`), so `fields` are the local copy.
 * deleted: CareerTrack no longer has it.
 */
export type OpenAnswer =
  | { state: 'none' }
  | { state: 'local' | 'live'; record: SavedRecord; fields: ApplicationCreate }
  | { state: 'copy'; record: SavedRecord; fields: ApplicationCreate; reason: string }
  | { state: 'deleted'; record: SavedRecord; fields: ApplicationCreate; message: string };

/** An update's final answer within seconds; `updated` only once CareerTrack confirmed it. */
export type UpdateOutcome =
  | { state: 'updated'; rowId: number }
  | { state: 'queued'; rowId: number; reason: string }
  | { state: 'signin'; rowId: number }
  | { state: 'invalid'; rowId?: number; fieldErrors: FieldErrors }
  | { state: 'deleted'; rowId?: number; message: string }
  | { state: 'error'; message: string };

/** The final answer to a save, within seconds: never "still working". */
export type SaveOutcome =
  | { state: 'saved'; rowId: number; serverId: number }
  | { state: 'queued'; rowId: number; reason: string }
  | { state: 'signin'; rowId: number }
  | { state: 'invalid'; rowId?: number; fieldErrors: FieldErrors }
  | { state: 'duplicate'; savedAt: string; status: string; rowId: number }
  | { state: 'error'; message: string };

export type ConnectionVerdict =
  | 'unreachable'
  | 'not-careertrack'
  | 'redirected'
  | 'token-rejected'
  | 'signed-out'
  | 'connected';

/** An outbox row as the popup shows it: the stored row without the engine's bookkeeping. */
export type OutboxRowView = Pick<
  OutboxRow,
  | 'id'
  | 'kind'
  | 'deleted'
  | 'job_key'
  | 'draft'
  | 'state'
  | 'last_error'
  | 'field_errors'
  | 'next_attempt_at'
  | 'created_at'
  | 'updated_at'
  | 'synced_at'
>;

/** An application as the popup's list shows it. */
export type ApplicationView = Pick<
  Application,
  | 'id'
  | 'company_name'
  | 'position_title'
  | 'status'
  | 'location'
  | 'source_url'
  | 'applied_at'
  | 'next_step_at'
  | 'created_at'
  | 'updated_at'
>;

/**
 * live: CareerTrack's answer now. copy: CareerTrack could not be reached (`reason`), so this is the
 * last list it gave, from `savedAt`, filtered here as CareerTrack would.
 */
export type ApplicationsAnswer =
  | { state: 'live'; applications: ApplicationView[] }
  | { state: 'copy'; applications: ApplicationView[]; savedAt: number; reason: string }
  | { state: 'signin'; message: string }
  | { state: 'error'; message: string };

/** What the background answers to each page request: the UI reads these and nothing else. */
export interface PageResponses {
  'outbox:save': SaveOutcome;
  /** Newest first. `waitingForSignIn`: the whole queue is paused until the user signs in again. */
  'outbox:list': { rows: OutboxRowView[]; waitingForSignIn: boolean };
  'outbox:retry': SaveOutcome;
  'outbox:resend': SaveOutcome;
  'outbox:delete': Result<object>;
  'history:lookup': { savedAt: string; status: string; rowId: number } | null;
  /** Null: nothing to read there (no job found, or a page no extension may read). */
  'job:read': JobDraft | null;
  'application:open': OpenAnswer;
  'application:update': UpdateOutcome;
  /**
   * `signedIn`: a session for `apiUrl` that CareerTrack has not refused (a pasted token has no
   * e-mail, so `email` may be null while signed in); `message` says why not, when not.
   */
  'auth:status': {
    apiUrl: string;
    email: string | null;
    signedIn: boolean;
    message: string | null;
  };
  'auth:login': Result<{ email: string }>;
  /** CareerTrack has no "who am I" route: a pasted token does not tell the e-mail. */
  'auth:token': Result<{ email: string | null }>;
  'auth:logout': Result<object>;
  /** `email` is set when the verdict is `connected`; `message` is the verdict in plain words. */
  'connection:test': { verdict: ConnectionVerdict; message: string; email?: string };
  /** Newest change first, at most 100. */
  'applications:list': ApplicationsAnswer;
  'settings:get': Settings;
  'settings:update': Settings;
}
