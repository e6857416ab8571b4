/**
 * The token store. The token lives only in the extension's IndexedDB: `storage.local` and
 * `storage.sync` are shared with content scripts, which must never be able to read it.
 */
import type { ClipperDb, SessionRow } from '@/lib/background/database';
import { type Remembered, remembered } from '@/lib/background/remembered';

export type Auth =
  | { state: 'ready'; token: string; apiUrl: string; email: string | null }
  | { state: 'signed-out' | 'rejected'; message: string };

export const SIGNED_OUT_MESSAGE = 'Sign in to CareerTrack to send your saves.';

/**
 * The session as this context last read or wrote it. Only the background touches it, and only
 * through this file, so the copy is exact; it spares every save, drained row and badge redraw an
 * IndexedDB transaction of its own (with the settings read, a third of a save's time in the worker).
 */
const sessions = new WeakMap<ClipperDb, Remembered<SessionRow | undefined>>();
function sessionOf(db: ClipperDb) {
  let session = sessions.get(db);
  if (!session) {
    session = remembered(() => db.secrets.get('session'));
    sessions.set(db, session);
  }
  return session;
}

export function getSession(db: ClipperDb): Promise<SessionRow | undefined> {
  return sessionOf(db).get();
}

export async function setSession(
  db: ClipperDb,
  session: { token: string; apiUrl: string; email: string | null },
  now: number,
): Promise<void> {
  await sessionOf(db).change(() =>
    db.secrets.put({
      key: 'session',
      token: session.token,
      api_url: normalizeApiUrl(session.apiUrl),
      email: session.email,
      rejected: null,
      saved_at: now,
    }),
  );
}

export async function clearSession(db: ClipperDb): Promise<void> {
  await sessionOf(db).change(() => db.secrets.delete('session'));
}

/** A 401 pauses the whole queue; keeping the reason on the session makes the pause survive restarts. */
export async function rejectSession(db: ClipperDb, reason: string): Promise<void> {
  await sessionOf(db).change(() => db.secrets.update('session', { rejected: reason }));
}

/**
 * Whether the queue may send, derived from the stored session and the configured address. A token is
 * used only with the address it was issued by, so that no change of the address, by whatever means,
 * points the background and the token at another server.
 */
export async function currentAuth(db: ClipperDb, configuredApiUrl: string): Promise<Auth> {
  const session = await getSession(db);
  if (!session || session.api_url !== normalizeApiUrl(configuredApiUrl)) {
    return { state: 'signed-out', message: SIGNED_OUT_MESSAGE };
  }
  if (session.rejected) return { state: 'rejected', message: session.rejected };
  return { state: 'ready', token: session.token, apiUrl: session.api_url, email: session.email };
}

/** One spelling per address, so that "http://host:8000/" and "http://host:8000" are the same server. */
export function normalizeApiUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return trimmed.replace(/\/+$/, '');
  }
}
