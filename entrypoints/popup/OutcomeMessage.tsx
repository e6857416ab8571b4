import { browser } from 'wxt/browser';
import { StatusMessage } from '@/components/StatusMessage';
import type { SaveOutcome, UpdateOutcome } from '@/lib/messages';
import { outcomeWords } from './outcome';

interface Props {
  outcome: SaveOutcome | UpdateOutcome;
  onSaveAnyway(): void;
  disabled: boolean;
}

/** A save's final state in words, with the one next step it calls for. */
export function OutcomeMessage({ outcome, onSaveAnyway, disabled }: Props) {
  const { tone, text } = outcomeWords(outcome);
  return (
    <StatusMessage tone={tone}>
      <span>{text}</span>
      {outcome.state === 'queued' && outcome.reason && (
        <span class="status__detail">{outcome.reason}</span>
      )}
      {outcome.state === 'signin' && (
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Open options to sign in
        </button>
      )}
      {outcome.state === 'duplicate' && (
        <button type="button" onClick={onSaveAnyway} disabled={disabled}>
          Save anyway
        </button>
      )}
    </StatusMessage>
  );
}
