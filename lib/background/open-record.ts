/**
 * "A saved job opens as itself": the application saved for a job, from the extension's own copy at
 * once, and from CareerTrack (`GET /api/applications/{id}`) when asked and reachable. Only a
 * record whose changes have all reached CareerTrack is shown as CareerTrack has it: while one of
 * the user's changes is on its way, the user's latest fields are the truth.
 */
import type { Api } from '@/lib/background/api-client';
import type { ClipperDb } from '@/lib/background/database';
import { type Auth, rejectSession } from '@/lib/background/token-store';
import { DELETED_MESSAGE, savedRecordFor } from '@/lib/background/updates';
import type { OpenAnswer } from '@/lib/messages';
import { APPLICATION_FIELDS, type Application, type ApplicationCreate } from '@/lib/schema';

export interface OpenDeps {
  db: ClipperDb;
  auth(): Promise<Auth>;
  apiFor(baseUrl: string, token: string): Pick<Api, 'getApplication'>;
}

export async function openRecord(
  { db, auth, apiFor }: OpenDeps,
  jobKey: string,
  live: boolean,
): Promise<OpenAnswer> {
  const record = await savedRecordFor(db, jobKey);
  if (!record) return { state: 'none' };
  const local = { record, fields: record.fields };
  if (record.state === 'deleted') return { state: 'deleted', ...local, message: DELETED_MESSAGE };
  if (!live || record.serverId === null) return { state: 'local', ...local };
  const current = await auth();
  if (current.state !== 'ready') return { state: 'copy', ...local, reason: current.message };
  const result = await apiFor(current.apiUrl, current.token).getApplication(record.serverId);
  if (result.kind === 'found') {
    const fields = record.state === 'synced' ? asFields(result.application) : record.fields;
    return { state: 'live', record, fields };
  }
  if (result.kind === 'missing') return { state: 'deleted', ...local, message: DELETED_MESSAGE };
  if (result.kind === 'unauthorized') await rejectSession(db, result.message);
  return { state: 'copy', ...local, reason: result.message };
}

/** CareerTrack's record as the form's fields: dates as days, nothing for what it holds as null. */
export function asFields(application: Application): ApplicationCreate {
  const fields: Record<string, unknown> = {};
  for (const name of APPLICATION_FIELDS) {
    const value = application[name];
    if (value === null || value === undefined) continue;
    fields[name] =
      (name === 'applied_at' || name === 'next_step_at') && typeof value === 'string'
        ? value.slice(0, 10)
        : value;
  }
  return fields as ApplicationCreate;
}
