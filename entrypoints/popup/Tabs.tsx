import type { JSX } from 'preact';

export type View = 'form' | 'outbox' | 'applications';

const ORDER: View[] = ['form', 'outbox', 'applications'];

interface Props {
  view: View;
  onView(view: View): void;
  outboxCount: number;
}

/** The popup's views as an ARIA tab list: arrow keys move between them, Tab moves past. */
export function Tabs({ view, onView, outboxCount }: Props) {
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = ORDER[(ORDER.indexOf(view) + step + ORDER.length) % ORDER.length] ?? 'form';
    onView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const tab = (id: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-controls={`panel-${id}`}
      aria-selected={view === id}
      tabIndex={view === id ? 0 : -1}
      onClick={() => onView(id)}
    >
      {label}
    </button>
  );
  return (
    <div class="tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {tab('form', 'Save job')}
      {tab('outbox', `Outbox (${outboxCount})`)}
      {tab('applications', 'Applications')}
    </div>
  );
}
