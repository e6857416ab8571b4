// The CareerTrack API stand-in: the open routes and authentication (register, login, logout,
// Sanctum tokens). Applications, validation, HTTP edge cases and faults have their own files.
import { describe, expect, it } from 'vitest';
import { call, newUser, useApi } from './api-helpers';

const api = useApi();

describe('open routes', () => {
  it('GET / answers the API identity', async () => {
    const answer = await call(api().url, 'GET', '/');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ name: 'CareerTrack API', version: '1.0', status: 'OK' });
    expect(answer.headers.get('content-type')).toBe('application/json');
  });

  it('GET / answers JSON even without Accept', async () => {
    const answer = await call(api().url, 'GET', '/', { headers: {} });
    expect(answer.body).toEqual({ name: 'CareerTrack API', version: '1.0', status: 'OK' });
  });

  it('GET /up is a 200 health page', async () => {
    const answer = await call(api().url, 'GET', '/up');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Application up');
  });

  it('HEAD / answers without a body', async () => {
    const response = await fetch(`${api().url}/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('POST /api/auth/register', () => {
  const valid = (email: string) => ({
    name: 'Eric Cobas',
    email,
    password: 'password',
    password_confirmation: 'password',
  });

  it('creates the user and answers 201 with the user and a Sanctum token', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/register', {
      json: valid('eric@example.com'),
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      data: {
        user: { id: expect.any(Number), name: 'Eric Cobas', email: 'eric@example.com' },
        token: expect.any(String),
      },
    });
    // "<id>|<40 letters and digits><crc32b checksum, 8 hex digits>"
    expect(answer.body.data.token).toMatch(/^\d+\|[A-Za-z0-9]{40}[0-9a-f]{8}$/);
    expect(answer.body.data.user).not.toHaveProperty('password');
  });

  it('the register token works at once', async () => {
    const user = await newUser(api().url);
    const answer = await call(api().url, 'GET', '/api/applications', { token: user.token });
    expect(answer.status).toBe(200);
  });

  it('requires name, email and password', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/register', { json: {} });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      message: 'The name field is required. (and 2 more errors)',
      errors: {
        name: ['The name field is required.'],
        email: ['The email field is required.'],
        password: ['The password field is required.'],
      },
    });
  });

  it('rejects a taken email', async () => {
    await call(api().url, 'POST', '/api/auth/register', { json: valid('taken@example.com') });
    const answer = await call(api().url, 'POST', '/api/auth/register', {
      json: valid('taken@example.com'),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      message: 'The email has already been taken.',
      errors: { email: ['The email has already been taken.'] },
    });
  });

  it('rejects an invalid email, a short password and a wrong confirmation', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/register', {
      json: { name: 'X', email: 'not-an-email', password: 'short', password_confirmation: 'other' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      email: ['The email field must be a valid email address.'],
      password: [
        'The password field must be at least 8 characters.',
        'The password field confirmation does not match.',
      ],
    });
    expect(answer.body.message).toBe(
      'The email field must be a valid email address. (and 2 more errors)',
    );
  });

  it('limits name and email to 255 characters', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/register', {
      json: {
        name: 'n'.repeat(256),
        email: `${'e'.repeat(250)}@example.com`,
        password: 'password',
        password_confirmation: 'password',
      },
    });
    expect(answer.body.errors).toEqual({
      name: ['The name field must not be greater than 255 characters.'],
      email: ['The email field must not be greater than 255 characters.'],
    });
    expect(answer.body.message).toBe(
      'The name field must not be greater than 255 characters. (and 1 more error)',
    );
  });

  it('does not trim passwords, so eight spaces are not a password', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/register', {
      json: { name: 'X', email: 'spaces@example.com', password: '        ' },
    });
    expect(answer.body.errors.password).toEqual(['The password field is required.']);
  });
});

describe('POST /api/auth/login', () => {
  it('answers the user and a new token each time', async () => {
    const user = await newUser(api().url, 'Login Person');
    const first = await call(api().url, 'POST', '/api/auth/login', {
      json: { email: user.email, password: user.password },
    });
    const second = await call(api().url, 'POST', '/api/auth/login', {
      json: { email: user.email, password: user.password },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: {
        user: { id: user.id, name: 'Login Person', email: user.email },
        token: expect.any(String),
      },
    });
    expect(second.body.data.token).not.toBe(first.body.data.token);
    // Older tokens stay valid.
    for (const token of [user.token, first.body.data.token, second.body.data.token]) {
      expect((await call(api().url, 'GET', '/api/stats', { token })).status).toBe(200);
    }
  });

  it('answers 422 on email with wrong credentials', async () => {
    const user = await newUser(api().url);
    for (const json of [
      { email: user.email, password: 'wrong-password' },
      { email: 'nobody@example.com', password: 'password123' },
    ]) {
      const answer = await call(api().url, 'POST', '/api/auth/login', { json });
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        message: 'The provided credentials are incorrect.',
        errors: { email: ['The provided credentials are incorrect.'] },
      });
    }
  });

  it('validates its fields', async () => {
    const answer = await call(api().url, 'POST', '/api/auth/login', { json: { email: 'x' } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      email: ['The email field must be a valid email address.'],
      password: ['The password field is required.'],
    });
  });
});

describe('tokens and logout', () => {
  it('logout deletes only the token used', async () => {
    const user = await newUser(api().url);
    const other = await call(api().url, 'POST', '/api/auth/login', {
      json: { email: user.email, password: user.password },
    });
    const answer = await call(api().url, 'POST', '/api/auth/logout', { token: user.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { message: 'Logged out successfully.' } });

    const revoked = await call(api().url, 'GET', '/api/applications', { token: user.token });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({ message: 'Unauthenticated.' });
    const still = await call(api().url, 'GET', '/api/applications', {
      token: other.body.data.token,
    });
    expect(still.status).toBe(200);
  });

  it('a second logout with the same token is 401', async () => {
    const user = await newUser(api().url);
    await call(api().url, 'POST', '/api/auth/logout', { token: user.token });
    const again = await call(api().url, 'POST', '/api/auth/logout', { token: user.token });
    expect(again.status).toBe(401);
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', '999|abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN12345678'],
    ['a token without its id', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'],
    ['a non-numeric id', 'x|abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'],
    ['an empty secret', '1|'],
  ])('%s is 401 Unauthenticated', async (_, token) => {
    const answer = await call(api().url, 'GET', '/api/applications', { token });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'Unauthenticated.' });
  });

  it('a real id with the wrong secret is 401', async () => {
    const user = await newUser(api().url);
    const [id] = user.token.split('|');
    const forged = `${id}|${'a'.repeat(48)}`;
    const answer = await call(api().url, 'GET', '/api/stats', { token: forged });
    expect(answer.status).toBe(401);
  });

  it('reads the Bearer scheme in any case', async () => {
    const user = await newUser(api().url);
    const answer = await call(api().url, 'GET', '/api/stats', {
      headers: { Accept: 'application/json', Authorization: `bearer ${user.token}` },
    });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['POST', '/api/auth/logout'],
    ['GET', '/api/applications'],
    ['POST', '/api/applications'],
    ['GET', '/api/applications/1'],
    ['PUT', '/api/applications/1'],
    ['PATCH', '/api/applications/1'],
    ['DELETE', '/api/applications/1'],
    ['GET', '/api/stats'],
  ])('%s %s requires a token', async (method, path) => {
    const answer = await call(api().url, method, path, { json: method === 'GET' ? undefined : {} });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'Unauthenticated.' });
  });
});
