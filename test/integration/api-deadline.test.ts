// The deadline covers the whole answer, its body included: the stand-in sends the headers and half
// the body, then nothing, on an open connection. ky's own timeout ends with the headers, so without
// the client's deadline the read would wait for ever.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '@/lib/background/api-client';
import { newUser, useApi } from './api-helpers';

const api = useApi({ faults: true });
let token = '';
beforeAll(async () => {
  token = (await newUser(api().url)).token;
});
beforeEach(() => {
  api().faults.clear();
});

const TIMEOUT_MS = 500;
const STILL_READING = 'still reading 3 s later';
/** The call's result, or STILL_READING when it outlives its deadline by far. */
const within3s = <T>(call: Promise<T>) =>
  Promise.race([call, new Promise<string>((r) => setTimeout(() => r(STILL_READING), 3_000))]);

describe('an answer whose body stalls after its headers', () => {
  it('a lookup gives up at the deadline, in words, as unanswered', async () => {
    api().faults.add({ method: 'GET', path: '/api/applications', kind: 'stall' });
    const client = createApi({ baseUrl: api().url, token, timeoutMs: TIMEOUT_MS });
    const began = Date.now();
    const result = await within3s(client.findApplications('Acme'));
    expect(result).toMatchObject({
      kind: 'transient',
      unanswered: true,
      timedOut: true,
      message: `${api().url} did not answer within 1 seconds.`,
    });
    expect(Date.now() - began).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(api().faults.log.map((entry) => entry.status)).toEqual([200]);
  });

  it('a create (stored, its answer stalled) gives up too, and is left in doubt', async () => {
    api().faults.add({ method: 'POST', path: '/api/applications', kind: 'stall' });
    const client = createApi({ baseUrl: api().url, token, timeoutMs: TIMEOUT_MS });
    const result = await within3s(
      client.createApplication({
        company_name: 'Stalled',
        position_title: 'Engineer',
        status: 'applied',
      }),
    );
    expect(result).toMatchObject({ kind: 'transient', maybeDone: true, timedOut: true });
    expect(api().faults.log.map((entry) => entry.handledStatus ?? entry.status)).toEqual([201]);
  });
});
