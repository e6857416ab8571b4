import type { Tone } from '@/components/StatusMessage';
import type { PageResponses } from '@/lib/messages';

/** What "Test connection" found, in plain words, with what to do next. */
export function verdictWords(
  answer: PageResponses['connection:test'],
  apiUrl: string,
): { tone: Tone; text: string } {
  switch (answer.verdict) {
    case 'unreachable':
      return { tone: 'error', text: `Not reachable: is CareerTrack running at ${apiUrl}?` };
    case 'not-careertrack':
      return { tone: 'error', text: 'That address answers, but not as a CareerTrack API.' };
    case 'redirected':
      return { tone: 'error', text: answer.message };
    case 'token-rejected':
      return { tone: 'warning', text: 'CareerTrack rejected the saved token: sign in again.' };
    case 'signed-out':
      // The background's words can say more here (e.g. why a token cannot go over plain http).
      return {
        tone: 'info',
        text: answer.message || 'CareerTrack answers. Sign in below to send saves.',
      };
    case 'connected':
      return {
        tone: 'success',
        text: answer.email ? `Connected as ${answer.email}` : 'Connected to CareerTrack',
      };
  }
}
