/**
 * The in-page button's words for a saved job: its status and next step ("Interview · next step
 * Dec 12"), shown only inside the extension-origin frame, where the page cannot read them
 * (docs/in-page-ui.md).
 */
import type { ButtonState } from '@/lib/content/protocol';
import type { UpdateOutcome } from '@/lib/messages';

/** A saved job as last known here: what the user chose most recently, sent or not. */
export interface SavedStatus {
  /** The outbox row of the job's create, which an update names. */
  rowId: number;
  status: string;
  /** `YYYY-MM-DD`, or a timestamp CareerTrack wrote; only the date counts. */
  next_step_at: string | null;
  /** Whether CareerTrack has every change (synced), one waits, one was refused, or it is gone. */
  state?: 'synced' | 'waiting' | 'attention' | 'deleted';
}

/** What a status change came to, as the frame says it. */
export type StatusChange =
  | { state: 'sent' }
  | { state: 'queued'; reason: string }
  | { state: 'refused'; message: string };

const WORDS: Record<string, string> = {
  applied: 'Applied',
  interview: 'Interview',
  technical_test: 'Technical test',
  offer: 'Offer',
  rejected: 'Rejected',
};

/** "Interview"; a status CareerTrack knows and this list does not, in its own words. */
export function statusWords(status: string): string {
  const known = WORDS[status];
  if (known) return known;
  const plain = status.replace(/_/g, ' ').trim();
  return plain ? `${plain[0]?.toUpperCase()}${plain.slice(1)}` : 'Applied';
}

/** "Dec 12" in the user's words for dates; the day CareerTrack stored, whatever the time zone. */
export function shortDate(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(day.getTime())) return null;
  return day.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "Interview · next step Dec 12", or "Interview" without a next step. */
export function statusLine(saved: SavedStatus): string {
  const next = saved.next_step_at ? shortDate(saved.next_step_at) : null;
  return next ? `${statusWords(saved.status)} · next step ${next}` : statusWords(saved.status);
}

/**
 * The button for a saved job: the status line, ellipsed by the frame when it does not fit, so
 * the tooltip and accessible description carry it whole, with `detail` (when it was saved).
 */
export function statusButton(saved: SavedStatus, detail: string | null): ButtonState {
  const line = statusLine(saved);
  const title = detail ? `${line} · ${detail}` : line;
  const status = saved.status;
  switch (saved.state) {
    case 'waiting':
      // First, so that the ellipsis of a long line never hides that CareerTrack lacks it yet.
      return {
        text: `Queued · ${line}`,
        title: title.endsWith('waiting to be sent')
          ? title
          : `${title} · a change waits to be sent`,
        status,
      };
    case 'attention':
      return {
        text: `Not sent · ${line}`,
        title: `${title} · CareerTrack refused a change: see the popup`,
        status,
      };
    case 'deleted':
      return {
        text: 'Deleted in CareerTrack',
        title: 'This application was deleted in CareerTrack: save it anew from the popup',
        status,
      };
    default:
      return { text: line, title, status };
  }
}

/** Any answer about a saved job carries its status, for the frame's select. */
export function withStatus(state: ButtonState, saved: SavedStatus | null): ButtonState {
  return saved ? { ...state, status: saved.status } : state;
}

/** The button after a status change: the new status, and whether CareerTrack has it yet. */
export function changedButton(saved: SavedStatus, change: StatusChange): ButtonState {
  const line = statusLine(saved);
  const status = saved.status;
  switch (change.state) {
    case 'sent':
      return { text: line, title: `${line} · changed in CareerTrack`, status };
    case 'queued':
      // First, so that the ellipsis of a long line never hides that CareerTrack lacks it yet.
      return {
        text: `Queued · ${line}`,
        title: `${line} · in the outbox: ${change.reason}`,
        status,
      };
    case 'refused':
      return { text: 'Not changed', title: change.message, status };
  }
}

/** The words of an update's outcome (the popup's `application:update`) for the frame. */
export function statusChangeOf(outcome: UpdateOutcome): StatusChange {
  switch (outcome.state) {
    case 'updated':
      return { state: 'sent' };
    case 'queued':
      return { state: 'queued', reason: outcome.reason || 'It waits its turn.' };
    case 'signin':
      return { state: 'queued', reason: 'sign in to CareerTrack in the options to send it' };
    case 'invalid': {
      const problems = Object.values(outcome.fieldErrors).flatMap((messages) => messages ?? []);
      return { state: 'refused', message: problems.join(' ') || 'CareerTrack refused it.' };
    }
    case 'deleted':
    case 'error':
      return { state: 'refused', message: outcome.message };
  }
}
