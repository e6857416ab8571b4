import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '@/components/StatusMessage';
import { type FormValues, formFromDraft, initialForm } from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import type { OutboxRowView } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { ApplicationsView } from './ApplicationsView';
import { OutboxView } from './OutboxView';
import { SaveForm, type Target } from './SaveForm';
import { Tabs, type View } from './Tabs';
import { useCurrentJob } from './useCurrentJob';
import { type Outbox, unsentCount, useOutbox } from './useOutbox';
import { loadValidator } from './validator';

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
        <Ready job={current.job} settings={current.settings} outbox={outbox} />
      )}
    </main>
  );
}

function Ready({
  job,
  settings,
  outbox,
}: {
  job: JobDraft | null;
  settings: Settings;
  outbox: Outbox;
}) {
  const [view, setView] = useState<View>('form');
  // The moment the prefilled form is on screen, for `npm run bench:popup`.
  useEffect(() => {
    performance.mark(PREFILLED_MARK);
    // Fetched now, so that the first blur or Save does not wait for it.
    void loadValidator();
  }, []);
  const [values, setValues] = useState<FormValues>(() => initialForm(job, settings));
  const [target, setTarget] = useState<Target>({ kind: 'new', jobKey: job?.job_key ?? '' });
  // Editing an outbox row sets the page's own draft aside, to come back to it.
  const [pageDraft, setPageDraft] = useState<FormValues | null>(null);
  // A new key gives the form fresh errors and outcome when it starts on another draft.
  const [formKey, setFormKey] = useState(0);

  const edit = (row: OutboxRowView) => {
    if (target.kind === 'new') setPageDraft(values);
    setValues(formFromDraft(row.draft));
    setTarget({ kind: 'resend', rowId: row.id, jobKey: row.job_key });
    setFormKey((key) => key + 1);
    setView('form');
  };

  const cancelEdit = () => {
    setValues(pageDraft ?? initialForm(job, settings));
    setPageDraft(null);
    setTarget({ kind: 'new', jobKey: job?.job_key ?? '' });
    setFormKey((key) => key + 1);
  };

  return (
    <>
      <Tabs view={view} onView={setView} outboxCount={unsentCount(outbox.rows)} />
      <section id="panel-form" role="tabpanel" aria-labelledby="tab-form" hidden={view !== 'form'}>
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
