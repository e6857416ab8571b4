// The client's two calls about one record, GET and PATCH /api/applications/{id}, against the
// stand-in, with the guards of a create: no redirect followed, the answer's size capped, its shape
// checked, and each final answer in its own kind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApi, redirectMessage } from '@/lib/background/api-client';
import { type Recorder, startRecorder } from '../server/recorder';
import { newUser, useApi } from './api-helpers';

const api = useApi({ faults: true });
let elsewhere: Recorder;
let token = '';
let id = 0;
const client = () => createApi({ baseUrl: api().url, token, timeoutMs: 2_000 });

beforeAll(async () => {
  elsewhere = await startRecorder();
  ({ token } = await newUser(api().url));
  const created = await client().createApplication({
    company_name: 'Acme',
    position_title: 'Engineer',
    status: 'applied',
    applied_at: '2026-05-01',
  });
  if (created.kind !== 'created') throw new Error(JSON.stringify(created));
  id = created.application.id;
});
afterAll(async () => {
  await elsewhere.close();
});
beforeEach(() => {
  api().faults.clear();
  elsewhere.arrivals.length = 0;
});

describe('GET and PATCH /api/applications/{id}', () => {
  it('read the record, and change only the fields sent', async () => {
    expect(await client().getApplication(id)).toMatchObject({
      kind: 'found',
      application: { id, status: 'applied', company_name: 'Acme' },
    });
    const updated = await client().updateApplication(id, {
      status: 'interview',
      next_step_at: '2026-05-12',
    });
    expect(updated).toMatchObject({
      kind: 'updated',
      application: { id, status: 'interview', position_title: 'Engineer' },
    });
    // Sent twice, the same: a PATCH may be repeated.
    expect(await client().updateApplication(id, { status: 'interview' })).toMatchObject({
      kind: 'updated',
      application: { status: 'interview' },
    });
  });

  it('a record not there: missing, for both', async () => {
    expect(await client().getApplication(999_999)).toMatchObject({ kind: 'missing' });
    expect(await client().updateApplication(999_999, { status: 'offer' })).toMatchObject({
      kind: 'missing',
    });
  });

  it('422: CareerTrack’s messages by field', async () => {
    const result = await client().updateApplication(id, { next_step_at: '2026-04-01' });
    expect(result).toMatchObject({ kind: 'invalid' });
    expect(result.kind === 'invalid' && result.fieldErrors.next_step_at?.[0]).toMatch(
      /after or equal to/,
    );
  });

  it('another account’s record: refused (403) in words', async () => {
    const other = await newUser(api().url);
    const result = await createApi({ baseUrl: api().url, token: other.token }).updateApplication(
      id,
      { status: 'offer' },
    );
    expect(result).toMatchObject({ kind: 'refused', status: 403 });
  });

  it('401: unauthorized', async () => {
    const result = await createApi({ baseUrl: api().url, token: 'nope' }).updateApplication(id, {
      status: 'offer',
    });
    expect(result).toMatchObject({ kind: 'unauthorized' });
  });

  it('a redirect to another origin is not followed: the changes never reach it', async () => {
    api().faults.add({ kind: 'redirect', status: 307, location: elsewhere.url, times: 2 });
    expect(await client().updateApplication(id, { notes: 'secret' })).toMatchObject({
      kind: 'transient',
      message: redirectMessage(api().url),
    });
    expect(await client().getApplication(id)).toMatchObject({ kind: 'transient' });
    expect(elsewhere.arrivals).toEqual([]);
  });

  it('an answer of megabytes, or not CareerTrack’s, is never taken as the record', async () => {
    // CareerTrack's own answer, which the schema accepts, padded past the cap without a length.
    const real = await client().getApplication(id);
    const json = JSON.stringify({ data: real.kind === 'found' ? real.application : null });
    api().faults.add({
      method: 'PATCH',
      kind: 'status',
      status: 200,
      body: 'text',
      contentType: 'application/json',
      headers: { 'Transfer-Encoding': 'chunked' },
      text: `${json.slice(0, -1)}${' '.repeat(2_000_000)}}`,
    });
    expect(await client().updateApplication(id, { status: 'offer' })).toMatchObject({
      kind: 'transient',
    });
    api().faults.add({ method: 'GET', kind: 'status', status: 200, json: { data: { id: 'x' } } });
    expect(await client().getApplication(id)).toMatchObject({ kind: 'transient' });
  });

  it('an answer that never ends gives up at the deadline', async () => {
    api().faults.add({ method: 'GET', kind: 'stall', status: 200 });
    const started = Date.now();
    expect(await client().getApplication(id)).toMatchObject({ kind: 'transient', timedOut: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
