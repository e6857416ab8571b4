import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StatusMessage } from '@/components/StatusMessage';
import { LISTED_STATUSES } from '@/lib/application';
import type { ApplicationsQuery, ApplicationView } from '@/lib/messages';
import { readableDate } from './outcome';
import { useApplications } from './useApplications';

export const STATUS_WORDS: Record<string, string> = {
  applied: 'Applied',
  interview: 'Interview',
  technical_test: 'Technical test',
  offer: 'Offer',
  rejected: 'Rejected',
};

/** The user's latest applications in CareerTrack, or the last copy of them when it is unreachable. */
export function ApplicationsView({ shown }: { shown: boolean }) {
  const [query, setQuery] = useState<ApplicationsQuery>({});
  const answer = useApplications(shown, query);

  return (
    <div class="applications">
      <div class="applications__filters">
        <label>
          Filter by status
          <select
            name="filter-status"
            value={query.status ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setQuery({
                ...query,
                status: value ? (value as ApplicationsQuery['status']) : undefined,
              });
            }}
          >
            <option value="">All</option>
            {LISTED_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_WORDS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search by company
          <input
            type="search"
            name="filter-company"
            maxLength={255}
            value={query.company ?? ''}
            onInput={(event) => setQuery({ ...query, company: event.currentTarget.value })}
          />
        </label>
      </div>
      <Answer answer={answer} />
    </div>
  );
}

function Answer({ answer }: { answer: ReturnType<typeof useApplications> }) {
  switch (answer.state) {
    case 'loading':
      return <p class="muted">Asking CareerTrack…</p>;
    case 'signin':
      return (
        <StatusMessage tone="warning">
          <span>{answer.message}</span>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Open options to sign in
          </button>
        </StatusMessage>
      );
    case 'error':
      return <StatusMessage tone="error">{answer.message}</StatusMessage>;
    case 'copy':
      return (
        <>
          <StatusMessage tone="info">
            A copy from {readableTime(answer.savedAt)}: {answer.reason}
          </StatusMessage>
          <List applications={answer.applications} />
        </>
      );
    case 'live':
      return <List applications={answer.applications} />;
  }
}

function List({ applications }: { applications: ApplicationView[] }) {
  if (applications.length === 0) return <p class="muted">No applications match.</p>;
  return (
    <ul class="rows" aria-label="Applications">
      {applications.map((application) => (
        <Item key={application.id} application={application} />
      ))}
    </ul>
  );
}

function Item({ application }: { application: ApplicationView }) {
  const when = application.applied_at ?? application.created_at;
  const link = safeLink(application.source_url);
  const status = application.status ?? 'applied';
  return (
    <li
      class="row-item"
      aria-label={`${application.position_title} at ${application.company_name}`}
    >
      <div class="row-item__title">
        {link ? (
          <a href={link} target="_blank" rel="noreferrer noopener">
            {application.position_title}
          </a>
        ) : (
          application.position_title
        )}
      </div>
      <div class="row-item__meta">
        {application.company_name}
        {' · '}
        <span class={`chip chip--${status}`}>{STATUS_WORDS[status] ?? status}</span>
        {when && ` · ${readableDate(when.slice(0, 10))}`}
        {application.next_step_at &&
          ` · next step ${readableDate(application.next_step_at.slice(0, 10))}`}
      </div>
    </li>
  );
}

/** Only web addresses become links: a stored `javascript:` or `data:` address stays text. */
function safeLink(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function readableTime(when: number): string {
  return new Date(when).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
