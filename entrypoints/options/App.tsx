import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '@/components/StatusMessage';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { send } from '@/lib/ui/background-client';
import { AccountSection, type Session } from './AccountSection';
import { ConnectionSection } from './ConnectionSection';
import { DefaultsSection } from './DefaultsSection';
import { RemindersSection } from './RemindersSection';

type Loaded = { settings: Settings; session: Session };

/**
 * The settings and the session as the background knows them (only it can read either); the
 * defaults, and settings' copy of the e-mail, if it does not answer.
 */
async function load(): Promise<Loaded> {
  const settings = await send({ type: 'settings:get' }).catch(() => DEFAULT_SETTINGS);
  const session = await send({ type: 'auth:status' }).catch(() => ({
    signedIn: settings.email !== null,
    email: settings.email,
    message: null,
  }));
  return { settings, session };
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    void load().then(setLoaded);
  }, []);
  return (
    <main class="options">
      <h1>CareerTrack Clipper</h1>
      {loaded ? <Page {...loaded} /> : <StatusMessage tone="info">Loading…</StatusMessage>}
    </main>
  );
}

function Page({ settings: initial, session: initialSession }: Loaded) {
  // The address typed here is used by the buttons; the background stores it with a new session.
  const [apiUrl, setApiUrl] = useState(initial.api_url);
  const [session, setSession] = useState(initialSession);
  return (
    <>
      <ConnectionSection apiUrl={apiUrl} onApiUrl={setApiUrl} />
      <AccountSection
        apiUrl={apiUrl}
        session={session}
        onSession={setSession}
        lastEmail={initial.email ?? ''}
      />
      <DefaultsSection initial={initial} />
      <RemindersSection initial={initial.next_step_reminders} />
    </>
  );
}
