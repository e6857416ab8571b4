import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OutboxRowView } from '@/lib/messages';
import { errorText, send } from '@/lib/ui/background-client';

export interface Outbox {
  rows: OutboxRowView[];
  waitingForSignIn: boolean;
  /** Why the list could not be read, in words; the rest of the popup still works. */
  error: string | null;
  refresh(): Promise<void>;
}

/** Rows the user still waits on: what "Outbox (N)" counts. */
export function unsentCount(rows: readonly OutboxRowView[]): number {
  return rows.filter((row) => row.state !== 'synced').length;
}

/**
 * The outbox as the background reports it. The first `outbox:list`, sent when the popup opens, is
 * also the nudge that makes the background send what is waiting.
 */
export function useOutbox(): Outbox {
  const [rows, setRows] = useState<OutboxRowView[]>([]);
  const [waitingForSignIn, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const answer = await send({ type: 'outbox:list' });
      setRows(answer.rows);
      setWaiting(answer.waitingForSignIn);
      setError(null);
    } catch (caught) {
      setError(errorText(caught));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { rows, waitingForSignIn, error, refresh };
}
