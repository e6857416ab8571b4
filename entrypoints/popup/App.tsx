import { useEffect, useRef, useState } from 'preact/hooks';
import { StatusMessage } from '@/components/StatusMessage';
import { type FormValues, formFromDraft, initialForm } from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import type { OutboxRowView } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { send } from '@/lib/ui/background-client';
import { ApplicationsView } from './ApplicationsView';
import { OutboxView } from './OutboxView';
import { SavedNotice } from './SavedNotice';
import { SaveForm, type Target } from './SaveForm';
import { Tabs, type View } from './Tabs';
import { type SavedAnswer, useCurrentJob } from './useCurrentJob';
import { type Outbox, unsentCount, useOutbox } from './useOutbox';

export const PREFILLED_MARK = 'popup:prefilled';

export function App() {
  const current = useCurrentJob();
  const outbox = useOutbox();

  // Escape closes the popup from anywhere in it, as the browser's own popups do.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) window.close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <main class="popup">
      {current.state === 'loading' ? (
        <StatusMessage tone="info">Reading the page…</StatusMessage>
      ) : (
        <Ready
          job={current.job}
          settings={current.settings}
          saved={current.saved}
          outbox={outbox}
        />
      )}
    </main>
  );
}

/** The form's starting point: the saved application when the page's job is saved, else the page. */
function startFrom(job: JobDraft | null, settings: Settings, saved: SavedAnswer | null) {
  const jobKey = job?.job_key ?? '';
  if (!saved)
    return { values: initialForm(job, settings), target: { kind: 'new', jobKey } as Target };
  const values = formFromDraft(saved.fields);
  const target: Target = {
    kind: 'update',
    jobKey,
    rowId: saved.record.rowId,
    baseline: values,
    deleted: saved.state === 'deleted',
  };
  return { values, target };
}

function Ready({
  job,
  settings,
  saved: savedFirst,
  outbox,
}: {
  job: JobDraft | null;
  settings: Settings;
  saved: SavedAnswer | null;
  outbox: Outbox;
}) {
  const [view, setView] = useState<View>('form');
  // The moment the prefilled form is on screen, for `npm run bench:popup`.
  useEffect(() => {
    performance.mark(PREFILLED_MARK);
  }, []);
  const [start] = useState(() => startFrom(job, settings, savedFirst));
  const [values, setValues] = useState<FormValues>(start.values);
  const [target, setTarget] = useState<Target>(start.target);
  const [saved, setSaved] = useState(savedFirst);
  // What the user typed since the form showed the saved application: the server's answer, when
  // it comes, must not overwrite it.
  const latest = useRef({ values, target });
  latest.current = { values, target };

  // The form is on screen from the extension's copy; CareerTrack's record follows when it answers.
  useEffect(() => {
    if (!savedFirst || savedFirst.state === 'deleted') return;
    let live = true;
    send({ type: 'application:open', jobKey: savedFirst.record.jobKey, live: true })
      .then((answer) => {
        if (!live || !('record' in answer)) return;
        setSaved(answer);
        const now = latest.current;
        if (now.target.kind !== 'update' || now.target.rowId !== answer.record.rowId) return;
        const untouched = now.target.baseline === now.values;
        const fresh = formFromDraft(answer.fields);
        if (untouched) setValues(fresh);
        setTarget({
          ...now.target,
          baseline: untouched ? fresh : now.target.baseline,
          deleted: answer.state === 'deleted',
        });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  // Editing an outbox row sets the page's own draft aside, to come back to it.
  const [pageDraft, setPageDraft] = useState<FormValues | null>(null);
  // A new key gives the form fresh errors and outcome when it starts on another draft.
  const [formKey, setFormKey] = useState(0);

  const edit = (row: OutboxRowView) => {
    if (target.kind !== 'resend') setPageDraft(values);
    setValues(formFromDraft(row.draft));
    setTarget({ kind: 'resend', rowId: row.id, jobKey: row.job_key });
    setFormKey((key) => key + 1);
    setView('form');
  };

  const cancelEdit = () => {
    const back = startFrom(job, settings, saved);
    setValues(pageDraft ?? back.values);
    setPageDraft(null);
    setTarget(pageDraft ? { ...back.target, baseline: back.values } : back.target);
    setFormKey((key) => key + 1);
  };

  return (
    <>
      <Tabs view={view} onView={setView} outboxCount={unsentCount(outbox.rows)} />
      <section id="panel-form" role="tabpanel" aria-labelledby="tab-form" hidden={view !== 'form'}>
        {saved && target.kind === 'update' && <SavedNotice answer={saved} />}
        {!job && target.kind === 'new' && (
          <p class="muted">No job found on this page: fill in the form by hand.</p>
        )}
        {job?.no_job && target.kind === 'new' && (
          <p class="muted">
            No job is open on this search: open one to save it, or fill in the form by hand.
          </p>
        )}
        <SaveForm
          key={formKey}
          values={values}
          onValues={setValues}
          target={target}
          onTarget={setTarget}
          job={target.kind === 'new' ? job : null}
          settings={settings}
          onSettled={() => void outbox.refresh()}
          onCancelEdit={cancelEdit}
        />
      </section>
      <section
        id="panel-outbox"
        role="tabpanel"
        aria-labelledby="tab-outbox"
        hidden={view !== 'outbox'}
      >
        <OutboxView outbox={outbox} onEdit={edit} />
      </section>
      <section
        id="panel-applications"
        role="tabpanel"
        aria-labelledby="tab-applications"
        hidden={view !== 'applications'}
      >
        <ApplicationsView shown={view === 'applications'} />
      </section>
    </>
  );
}
