import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage, type Tone } from '@/components/StatusMessage';
import type { OutboxRowView } from '@/lib/messages';
import { errorText, send } from '@/lib/ui/background-client';
import { fieldLabel } from './fields';
import { outcomeWords, readableDate } from './outcome';
import type { Outbox } from './useOutbox';

/** Synced rows are history; the popup shows only the latest few. */
const RECENT_SYNCED = 10;

interface Props {
  outbox: Outbox;
  onEdit(row: OutboxRowView): void;
}

export function OutboxView({ outbox, onEdit }: Props) {
  const attention = outbox.rows.filter((row) => row.state === 'attention');
  const waiting = outbox.rows.filter(
    (row) => row.state === 'pending' || row.state === 'sending' || row.state === 'held',
  );
  const synced = outbox.rows.filter((row) => row.state === 'synced').slice(0, RECENT_SYNCED);
  const empty = outbox.rows.length === 0;

  return (
    <div class="outbox">
      {outbox.error && <StatusMessage tone="error">{outbox.error}</StatusMessage>}
      {outbox.waitingForSignIn && (
        <StatusMessage tone="warning">
          <span>Waiting for sign-in: nothing is sent until you sign in again.</span>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Open options to sign in
          </button>
        </StatusMessage>
      )}
      {empty && !outbox.error && <p class="muted">Nothing in the outbox.</p>}
      <Group title="Needs attention" rows={attention} outbox={outbox} onEdit={onEdit} />
      <Group title="Waiting" rows={waiting} outbox={outbox} onEdit={onEdit} />
      <Group title="Recently synced" rows={synced} outbox={outbox} onEdit={onEdit} />
    </div>
  );
}

function Group({ title, rows, ...rest }: { title: string; rows: OutboxRowView[] } & Props) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul class="rows">
        {rows.map((row) => (
          <Row key={row.id} row={row} {...rest} />
        ))}
      </ul>
    </section>
  );
}

function describe(row: OutboxRowView): string {
  const title = String(row.draft.position_title ?? 'Untitled');
  const named = row.draft.company_name ? `${title} at ${row.draft.company_name}` : title;
  return row.kind === 'update' ? `Update: ${named}` : named;
}

/** When the row was written or confirmed, in words that say whether it is a save or an update. */
function when(row: OutboxRowView): string {
  const update = row.kind === 'update';
  if (row.state === 'synced' && row.synced_at) {
    return `${update ? 'Updated' : 'Synced'} ${readableDate(row.synced_at)}`;
  }
  const written = `${update ? 'Changed' : 'Saved'} ${readableDate(row.created_at)}`;
  if (row.state === 'held') {
    return `${written} · waits for ${update ? 'the change before it' : 'its save'}`;
  }
  return written;
}

type Said = { tone: Tone; text: string };

function Row({ row, outbox, onEdit }: { row: OutboxRowView } & Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Said | null>(null);
  const unsent = row.state !== 'synced';
  const fieldMessages = row.field_errors ? Object.entries(row.field_errors) : [];

  // Each action ends in words on the row, then the list is read again: the row may have moved.
  async function act(work: () => Promise<Said | null>) {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (caught) {
      setMessage({ tone: 'error', text: errorText(caught) });
    } finally {
      setBusy(false);
      await outbox.refresh();
    }
  }

  // The record is gone from CareerTrack: its latest fields become a new application there, and
  // the refused update leaves the outbox.
  const saveAsNew = () =>
    act(async () => {
      const saved = await send({
        type: 'outbox:save',
        draft: row.draft as Record<string, string | number | null>,
        jobKey: row.job_key,
        force: true,
      });
      if (saved.state === 'invalid' || saved.state === 'error') return outcomeWords(saved);
      await send({ type: 'outbox:delete', id: row.id });
      return outcomeWords(saved);
    });

  const retry = () =>
    act(async () => outcomeWords(await send({ type: 'outbox:retry', id: row.id })));

  const remove = () =>
    act(async () => {
      setConfirming(false);
      const answer = await send({ type: 'outbox:delete', id: row.id });
      return answer.ok ? null : { tone: 'error', text: answer.error };
    });

  return (
    <li class={`row-item row-item--${row.state}`} aria-label={describe(row)}>
      <div class="row-item__title">{describe(row)}</div>
      <div class="row-item__meta">
        {when(row)}
        {row.state === 'sending' && ' · sending now'}
      </div>
      {row.last_error && row.state !== 'synced' && <p class="row-item__error">{row.last_error}</p>}
      {fieldMessages.length > 0 && (
        <ul class="row-item__fields">
          {fieldMessages.map(([name, messages]) => (
            <li key={name}>
              {fieldLabel(name)}: {messages?.join(' ')}
            </li>
          ))}
        </ul>
      )}
      {message && <StatusMessage tone={message.tone}>{message.text}</StatusMessage>}
      {confirming ? (
        <ConfirmDelete onYes={remove} onNo={() => setConfirming(false)} busy={busy} />
      ) : (
        <div class="row-item__actions">
          {row.deleted && row.state === 'attention' && (
            <button type="button" onClick={saveAsNew} disabled={busy}>
              Save as a new application
            </button>
          )}
          {unsent && row.state !== 'sending' && row.state !== 'held' && !row.deleted && (
            <button type="button" onClick={retry} disabled={busy}>
              Retry now
            </button>
          )}
          {unsent && !row.deleted && (
            <button type="button" onClick={() => onEdit(row)} disabled={busy}>
              Edit and resend
            </button>
          )}
          <button
            type="button"
            onClick={() => (unsent ? setConfirming(true) : void remove())}
            disabled={busy}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** Inline, not window.confirm: keeps the popup open and readable. Focus starts on the safe answer. */
function ConfirmDelete(props: { onYes(): void; onNo(): void; busy: boolean }) {
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), []);
  return (
    <fieldset class="confirm">
      <legend>Delete unsent save?</legend>
      <button type="button" class="danger" onClick={props.onYes} disabled={props.busy}>
        Yes
      </button>
      <button type="button" ref={no} onClick={props.onNo}>
        No
      </button>
    </fieldset>
  );
}
