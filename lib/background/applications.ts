/**
 * The popup's "Applications" tab: the user's latest applications, asked of CareerTrack each time the
 * tab shows them, and answered from the last copy when CareerTrack cannot be reached, saying so. The
 * copy is the user's own data, so it lives in the extension's IndexedDB (never `storage.local`, which
 * content scripts share) and is forgotten at every sign-in and sign-out: one account never sees
 * another's.
 */
import type { Api } from '@/lib/background/api-client';
import type { ApplicationsCopyRow, ClipperDb } from '@/lib/background/database';
import { type Auth, rejectSession } from '@/lib/background/token-store';
import type { ApplicationsAnswer, ApplicationsQuery, ApplicationView } from '@/lib/messages';
import type { Application } from '@/lib/schema';

/** CareerTrack's own maximum page: the copy then covers the latest 100. */
export const APPLICATIONS_PER_PAGE = 100;

export interface ApplicationsDeps {
  db: ClipperDb;
  auth(): Promise<Auth>;
  apiFor(baseUrl: string, token: string): Pick<Api, 'listApplications'>;
  now(): number;
}

export function createApplicationsList({ db, auth, apiFor, now }: ApplicationsDeps) {
  return async function listApplications(query: ApplicationsQuery): Promise<ApplicationsAnswer> {
    const current = await auth();
    if (current.state !== 'ready') return { state: 'signin', message: current.message };
    const result = await apiFor(current.apiUrl, current.token).listApplications({
      status: query.status,
      company: query.company,
      perPage: APPLICATIONS_PER_PAGE,
      sortBy: 'updated_at',
      sortDirection: 'desc',
    });
    if (result.kind === 'found') {
      const applications = result.applications.map(toView);
      // Only the unfiltered list is the copy: a filtered one would hide the rest when offline.
      // The answer does not wait for it: writing 100 records held the list back by a third.
      if (!query.status && !query.company) {
        keepCopy(db, current.token, {
          key: 'applications',
          api_url: current.apiUrl,
          saved_at: now(),
          applications,
        }).catch(console.error);
      }
      return { state: 'live', applications };
    }
    if (result.kind === 'unauthorized') {
      await rejectSession(db, result.message);
      return { state: 'signin', message: result.message };
    }
    if (result.kind === 'refused') return { state: 'error', message: result.message };
    const copy = await db.copies.get('applications');
    if (!copy || copy.api_url !== current.apiUrl)
      return { state: 'error', message: result.message };
    return {
      state: 'copy',
      applications: copy.applications.filter((row) => matches(row, query)),
      savedAt: copy.saved_at,
      reason: result.message,
    };
  };
}

/**
 * Written only while the session that fetched the list is still the session: a list that arrives
 * after a sign-out, or after another account signed in, is not kept for the next one to see.
 */
async function keepCopy(db: ClipperDb, token: string, copy: ApplicationsCopyRow): Promise<void> {
  await db.transaction('rw', db.copies, db.secrets, async () => {
    if ((await db.secrets.get('session'))?.token === token) await db.copies.put(copy);
  });
}

/** Call after the session changed, so that a list still on its way finds it changed. */
export async function forgetApplications(db: ClipperDb): Promise<void> {
  await db.copies.delete('applications');
}

/** As CareerTrack filters: the exact status, the company anywhere in the name, any case. */
function matches(row: ApplicationView, { status, company }: ApplicationsQuery): boolean {
  if (status && row.status !== status) return false;
  return !company || row.company_name.toLowerCase().includes(company.toLowerCase());
}

function toView(row: Application): ApplicationView {
  return {
    id: row.id,
    company_name: row.company_name,
    position_title: row.position_title,
    status: row.status,
    location: row.location,
    source_url: row.source_url,
    applied_at: row.applied_at,
    next_step_at: row.next_step_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
