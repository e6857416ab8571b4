/**
 * How a draft is judged against what a careful reader sees on a page (a corpus case's `expect`):
 * the one comparison behind the real-page unit test and `npm run score:capture`. Text compares
 * trimmed, white space collapsed and case-folded, a list meaning any of its answers; a number
 * exactly, `null` meaning none; `source_url_has`/`source_url_lacks` are one field each, right when
 * the address holds every part, or none of them.
 */
import type { JobDraft } from '@/lib/extract/types';
import type { FixtureExpect } from './fixtures';

export interface FieldCheck {
  field: string;
  ok: boolean;
  /** What the draft had, for the message of a miss. */
  got: unknown;
  want: unknown;
}

const norm = (v: unknown): string =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The fields a case counts: every key of its `expect`. */
export function fieldsOf(want: FixtureExpect): string[] {
  return Object.keys(want);
}

/** One field of a draft against the case's expectation for it. */
export function checkField(draft: JobDraft, field: string, want: FixtureExpect): FieldCheck {
  const expected = (want as Record<string, unknown>)[field];
  const url = draft.source_url ?? '';
  if (field === 'source_url_has' || field === 'source_url_lacks') {
    const parts = (Array.isArray(expected) ? expected : [expected]).map(String);
    const has = field === 'source_url_has';
    return { field, ok: parts.every((p) => url.includes(p) === has), got: url, want: expected };
  }
  const got = (draft as unknown as Record<string, unknown>)[field];
  if (expected === null || typeof expected === 'number')
    return { field, ok: got === (expected ?? undefined), got, want: expected };
  const answers = (Array.isArray(expected) ? expected : [expected]).map(norm);
  return { field, ok: answers.includes(norm(got)), got, want: expected };
}

/** Every field of a case, judged. */
export function checkCase(draft: JobDraft, want: FixtureExpect): FieldCheck[] {
  return fieldsOf(want).map((field) => checkField(draft, field, want));
}
