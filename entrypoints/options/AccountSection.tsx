import { useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { StatusMessage, type Tone } from '@/components/StatusMessage';
import type { PageResponses } from '@/lib/messages';
import { errorText, send } from '@/lib/ui/background-client';
import { accessRefused, requestAccess } from './access';
import { type Address, parseAddress, tokenRefusal } from './address';

/** Signed in or not; a pasted token has no e-mail (CareerTrack has no "who am I" route). */
export interface Session {
  signedIn: boolean;
  email: string | null;
  /** Why not signed in, when the background knows (e.g. the token was refused). */
  message?: string | null;
}

interface Props {
  apiUrl: string;
  session: Session;
  onSession(session: Session): void;
  lastEmail: string;
}

type Said = { tone: Tone; text: string };
type SignInAnswer = PageResponses['auth:login'] | PageResponses['auth:token'];

export function AccountSection({ apiUrl, session, onSession, lastEmail }: Props) {
  const [email, setEmail] = useState(lastEmail);
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);

  /** The address a token may go to, or null after saying why not. */
  const tokenAddress = (): Extract<Address, { ok: true }> | null => {
    const address = parseAddress(apiUrl);
    const refusal = address.ok ? tokenRefusal(address) : `Check the API address: ${address.error}`;
    if (refusal || !address.ok) {
      setSaid({ tone: 'error', text: refusal ?? '' });
      return null;
    }
    return address;
  };

  // Each sign-in asks for the origin's permission synchronously, then talks to the background.
  const signInWith = (ask: (address: Extract<Address, { ok: true }>) => Promise<SignInAnswer>) => {
    const address = tokenAddress();
    if (!address) return;
    const access = requestAccess(address);
    setBusy(true);
    setSaid(null);
    void (async () => {
      try {
        if (!(await access)) throw new Error(accessRefused(address));
        const answer = await ask(address);
        if (!answer.ok) throw new Error(answer.error);
        setPassword('');
        setToken('');
        onSession({ signedIn: true, email: answer.email });
      } catch (caught) {
        setSaid({ tone: 'error', text: errorText(caught) });
      } finally {
        setBusy(false);
      }
    })();
  };

  const signIn = (event: Event) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setSaid({
        tone: 'error',
        text: 'Enter the e-mail and password of your CareerTrack account.',
      });
      return;
    }
    signInWith((address) =>
      send({ type: 'auth:login', apiUrl: address.url, email: email.trim(), password }),
    );
  };

  const useToken = (event: Event) => {
    event.preventDefault();
    if (!token.trim()) {
      setSaid({ tone: 'error', text: 'Paste a CareerTrack token first.' });
      return;
    }
    signInWith((address) => send({ type: 'auth:token', apiUrl: address.url, token: token.trim() }));
  };

  const signOut = async () => {
    setBusy(true);
    try {
      const answer = await send({ type: 'auth:logout' });
      if (!answer.ok) throw new Error(answer.error);
      onSession({ signedIn: false, email: null });
      setSaid({ tone: 'info', text: 'Signed out.' });
    } catch (caught) {
      setSaid({ tone: 'error', text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">Account</h2>
      {session.signedIn ? (
        <>
          <StatusMessage tone="success">
            {session.email ? `Signed in as ${session.email}` : 'Signed in with a pasted token'}
          </StatusMessage>
          <button type="button" onClick={signOut} disabled={busy}>
            Sign out
          </button>
        </>
      ) : (
        <>
          {session.message && !said && <p class="muted">{session.message}</p>}
          <form onSubmit={signIn} noValidate aria-label="Sign in with e-mail">
            <Field
              name="email"
              label="E-mail"
              type="email"
              autoComplete="username"
              value={email}
              onValue={setEmail}
            />
            <Field
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onValue={setPassword}
            />
            <button type="submit" class="primary" disabled={busy}>
              Sign in
            </button>
          </form>
          <form onSubmit={useToken} noValidate aria-label="Sign in with a token">
            <Field
              name="token"
              label="Or paste a token"
              type="password"
              hint="A CareerTrack token, such as 1|abc…"
              value={token}
              onValue={setToken}
            />
            <button type="submit" disabled={busy}>
              Use token
            </button>
          </form>
        </>
      )}
      {said && <StatusMessage tone={said.tone}>{said.text}</StatusMessage>}
    </section>
  );
}
