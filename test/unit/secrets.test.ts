// The session copy the background keeps: exact as long as every write goes through lib/background/token-store.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClipperDb, openDb } from '@/lib/background/database';
import {
  clearSession,
  currentAuth,
  getSession,
  rejectSession,
  setSession,
} from '@/lib/background/token-store';

const API = 'http://127.0.0.1:8000';
const T0 = Date.parse('2026-05-01T09:00:00Z');

let db: ClipperDb;
beforeEach(() => {
  db = openDb(`secrets-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('the remembered session', () => {
  it('reads IndexedDB once for any number of reads', async () => {
    await setSession(db, { token: '1|abc', apiUrl: API, email: 'a@b.test' }, T0);
    const read = vi.spyOn(db.secrets, 'get');
    for (let i = 0; i < 5; i++) expect((await getSession(db))?.token).toBe('1|abc');
    expect((await currentAuth(db, API)).state).toBe('ready');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('follows every write at once: sign-in, a refusal (401), sign-out', async () => {
    expect(await getSession(db)).toBeUndefined();
    await setSession(db, { token: '1|abc', apiUrl: API, email: null }, T0);
    expect(await currentAuth(db, API)).toMatchObject({ state: 'ready', token: '1|abc' });
    await rejectSession(db, 'Sign in again.');
    expect(await currentAuth(db, API)).toEqual({ state: 'rejected', message: 'Sign in again.' });
    await setSession(db, { token: '2|def', apiUrl: API, email: null }, T0);
    expect(await currentAuth(db, API)).toMatchObject({ state: 'ready', token: '2|def' });
    await clearSession(db);
    expect(await getSession(db)).toBeUndefined();
    expect((await currentAuth(db, API)).state).toBe('signed-out');
  });

  it('a read that starts while a write runs does not outlive the write', async () => {
    await setSession(db, { token: '1|abc', apiUrl: API, email: null }, T0);
    const writing = setSession(db, { token: '2|def', apiUrl: API, email: null }, T0);
    const during = getSession(db);
    await writing;
    await during;
    expect((await getSession(db))?.token).toBe('2|def');
  });

  it('a failed read is not remembered: the next one asks IndexedDB again', async () => {
    await setSession(db, { token: '1|abc', apiUrl: API, email: null }, T0);
    const read = vi
      .spyOn(db.secrets, 'get')
      .mockRejectedValueOnce(new Error('storage failed'))
      .mockName('get');
    await expect(getSession(db)).rejects.toThrow('storage failed');
    expect((await getSession(db))?.token).toBe('1|abc');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('each database has its own copy', async () => {
    const other = openDb(`secrets-test-${crypto.randomUUID()}`);
    try {
      await setSession(db, { token: '1|abc', apiUrl: API, email: null }, T0);
      expect(await getSession(other)).toBeUndefined();
    } finally {
      other.close();
      await other.delete();
    }
  });
});
