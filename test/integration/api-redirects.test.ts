// Redirects to another origin: the stand-in answers 307 or 308 with a Location on a second local
// server that records whatever reaches it. A client that followed would resend the body there (the
// browser strips only the token): a save, or an e-mail and password. The client follows none, and
// says why in words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApi, redirectMessage } from '@/lib/background/api-client';
import { type Recorder, startRecorder } from '../server/recorder';
import { newUser, useApi } from './api-helpers';

const api = useApi({ faults: true });
let elsewhere: Recorder;
let user: Awaited<ReturnType<typeof newUser>>;
let token = '';
beforeAll(async () => {
  elsewhere = await startRecorder();
  user = await newUser(api().url);
  token = user.token;
});
afterAll(async () => {
  await elsewhere.close();
});
beforeEach(() => {
  api().faults.clear();
  elsewhere.arrivals.length = 0;
});

const redirectEverything = (status: 307 | 308) =>
  api().faults.add({ kind: 'redirect', status, location: elsewhere.url, times: 10 });
const said = () => redirectMessage(api().url);

describe.each([307, 308] as const)('a %i to another origin', (status) => {
  it('a sign-in: the e-mail and password never reach it, and the user is told why', async () => {
    redirectEverything(status);
    const result = await createApi({ baseUrl: api().url }).login(user.email, user.password);
    expect(result).toMatchObject({ kind: 'transient', message: said() });
    expect(api().faults.log.map((entry) => entry.status)).toEqual([status]);
    expect(elsewhere.arrivals).toEqual([]);
  });

  it('a save: its body never reaches it; in doubt, so looked up before any resend', async () => {
    redirectEverything(status);
    const result = await createApi({ baseUrl: api().url, token }).createApplication({
      company_name: 'Redirected Inc',
      position_title: 'Engineer',
      status: 'applied',
    });
    expect(result).toMatchObject({ kind: 'transient', message: said(), maybeDone: true });
    expect(elsewhere.arrivals).toEqual([]);
  });

  it('a lookup, the connection test and a sign-out go nowhere else either', async () => {
    redirectEverything(status);
    const client = createApi({ baseUrl: api().url, token });
    expect(await client.findApplications('Acme')).toMatchObject({ message: said() });
    expect(await client.testConnection()).toEqual({ verdict: 'redirected', message: said() });
    expect(await client.logout()).toEqual({ ok: false, message: said() });
    expect(elsewhere.arrivals).toEqual([]);
  });
});

it('without a redirect the same calls work (the fault, not the client, made them fail)', async () => {
  const client = createApi({ baseUrl: api().url, token });
  expect(await client.testConnection()).toMatchObject({ verdict: 'connected' });
  expect(await client.findApplications('Acme')).toMatchObject({ kind: 'found' });
});
