// How the client hands requests to fetch, over real HTTP to the CareerTrack stand-in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '@/lib/background/api-client';
import type { ApplicationCreate } from '@/lib/schema';
import { newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';

let api: RunningApi;
let token: string;
beforeEach(async () => {
  api = await startApi({ db: ':memory:' });
  ({ token } = await newUser(api.url));
});
afterEach(async () => {
  await api.close();
});

describe('request bodies', () => {
  it('reach fetch as the text itself, never as a copy ky made of the request', async () => {
    const seen: Array<{ requestHasBody: boolean; body: unknown }> = [];
    const recording: typeof fetch = (input, init) => {
      seen.push({
        requestHasBody: input instanceof Request && input.body !== null,
        body: init?.body,
      });
      return fetch(input, init);
    };
    const draft: ApplicationCreate = {
      company_name: 'Acme',
      position_title: 'Engineer',
      status: 'applied',
    };
    const client = createApi({ baseUrl: api.url, token, fetch: recording });
    expect(await client.createApplication(draft)).toMatchObject({
      kind: 'created',
      application: { company_name: 'Acme', position_title: 'Engineer' },
    });
    expect(seen).toEqual([{ requestHasBody: false, body: JSON.stringify(draft) }]);
  });

  it('requests without a body are untouched', async () => {
    const bodies: unknown[] = [];
    const recording: typeof fetch = (input, init) => {
      bodies.push(init?.body);
      return fetch(input, init);
    };
    const client = createApi({ baseUrl: api.url, token, fetch: recording });
    expect(await client.findApplications('Acme')).toEqual({ kind: 'found', applications: [] });
    expect(bodies).toEqual([undefined]);
  });
});
