// AuthController: register, login, logout.
import { hashPassword, issueToken, revokeToken, verifyPassword } from './auth';
import { currentUser, type Handler } from './context';
import { findUserByEmail, insertUser, type UserRow } from './db';
import { loginRules, registerRules } from './requests';
import { json, ValidationError } from './responses';
import { validate } from './validation';

/** AuthUserResource: never the password hash. */
function userResource(user: UserRow) {
  return { id: user.id, name: user.name, email: user.email };
}

export const register: Handler = async (ctx) => {
  const data = validate(ctx.input, registerRules(ctx.db));
  const password = await hashPassword(String(data.password));
  const now = ctx.now();
  const user = insertUser(
    ctx.db,
    { name: String(data.name), email: String(data.email), password },
    now,
  );
  const token = issueToken(ctx.db, user.id, 'api-token', now);
  return json(201, { data: { user: userResource(user), token } });
};

export const login: Handler = async (ctx) => {
  const data = validate(ctx.input, loginRules);
  const user = findUserByEmail(ctx.db, String(data.email));
  if (!user || !(await verifyPassword(String(data.password), user.password))) {
    throw new ValidationError({ email: ['The provided credentials are incorrect.'] });
  }
  // Every login is a new token; earlier ones stay valid until they are logged out.
  const token = issueToken(ctx.db, user.id, 'api-token', ctx.now());
  return json(200, { data: { user: userResource(user), token } });
};

export const logout: Handler = (ctx) => {
  revokeToken(ctx.db, currentUser(ctx).tokenId);
  return json(200, { data: { message: 'Logged out successfully.' } });
};
