import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApplicationsAnswer, ApplicationsQuery } from '@/lib/messages';
import { errorText, send } from '@/lib/ui/background-client';

/** Typing a company asks CareerTrack once the user pauses, not at every key. */
export const COMPANY_DEBOUNCE_MS = 300;
/** When the list is on screen, for `npm run bench:applications`. */
export const APPLICATIONS_PAINTED_MARK = 'popup:applications-painted';

export type ApplicationsState = { state: 'loading' } | ApplicationsAnswer;

/**
 * The user's applications for the tab, asked of the background once the tab is first shown and
 * again when a filter changes. An answer to an older query never replaces a newer one.
 */
export function useApplications(shown: boolean, query: ApplicationsQuery): ApplicationsState {
  const [answer, setAnswer] = useState<ApplicationsState>({ state: 'loading' });
  const latest = useRef(0);
  const painted = useRef(false);
  const { status, company } = query;
  const typed = company?.trim() ?? '';

  useEffect(() => {
    if (!shown) return;
    const asked = ++latest.current;
    const ask = () => {
      setAnswer({ state: 'loading' });
      send({ type: 'applications:list', query: { status, company: typed || undefined } })
        .then((reply) => asked === latest.current && setAnswer(reply))
        .catch(
          (error) =>
            asked === latest.current && setAnswer({ state: 'error', message: errorText(error) }),
        );
    };
    if (!typed) {
      ask();
      return;
    }
    const timer = setTimeout(ask, COMPANY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [shown, status, typed]);

  useEffect(() => {
    if (painted.current || answer.state === 'loading') return;
    painted.current = true;
    requestAnimationFrame(() => performance.mark(APPLICATIONS_PAINTED_MARK));
  }, [answer]);

  return answer;
}
