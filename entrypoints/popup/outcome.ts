import type { Tone } from '@/components/StatusMessage';
import type { SaveOutcome, UpdateOutcome } from '@/lib/messages';

/** "12 May 2026" in the user's own format; an unparsable value is shown as given. */
export function readableDate(when: string | number): string {
  // A bare YYYY-MM-DD is a calendar day: parsed as UTC midnight it would show the day before in the west.
  const day = typeof when === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(when) : null;
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(when);
  return Number.isNaN(date.getTime())
    ? String(when)
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** The plain sentence for each final answer; "Saved" is said only when CareerTrack confirmed it. */
export function outcomeWords(outcome: SaveOutcome | UpdateOutcome): { tone: Tone; text: string } {
  switch (outcome.state) {
    case 'saved':
      return { tone: 'success', text: 'Saved to CareerTrack' };
    case 'updated':
      return { tone: 'success', text: 'Updated in CareerTrack' };
    case 'deleted':
      return { tone: 'error', text: outcome.message };
    case 'queued':
      return { tone: 'info', text: 'Queued: will send when CareerTrack is reachable' };
    case 'signin':
      return { tone: 'warning', text: 'Sign in to send' };
    case 'invalid':
      return { tone: 'error', text: 'Fix the highlighted fields' };
    case 'duplicate':
      return { tone: 'warning', text: `Already saved on ${readableDate(outcome.savedAt)}` };
    case 'error':
      return { tone: 'error', text: outcome.message };
  }
}
