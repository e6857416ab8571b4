// The account a newcomer signs in with. Created once, then re-used; each start adds a fresh token
// (tokens are stored hashed, so an old one cannot be shown again).
import { hashPassword, issueToken, verifyPassword } from './auth';
import { sqlDateTime } from './dates';
import { type Db, findUserByEmail, insertUser } from './db';

export const DEMO_EMAIL = 'demo@careertrack.test';
export const DEMO_PASSWORD = 'demo-password';

export interface DemoAccount {
  email: string;
  password: string;
  token: string;
  created: boolean;
  /** False when someone changed the demo user's password in this database. */
  passwordWorks: boolean;
}

export async function ensureDemoAccount(db: Db, now = new Date()): Promise<DemoAccount> {
  const stamp = sqlDateTime(now);
  let user = findUserByEmail(db, DEMO_EMAIL);
  const created = user === undefined;
  if (!user) {
    const password = await hashPassword(DEMO_PASSWORD);
    user = insertUser(db, { name: 'Demo User', email: DEMO_EMAIL, password }, stamp);
  }
  const passwordWorks = await verifyPassword(DEMO_PASSWORD, user.password);
  const token = issueToken(db, user.id, 'demo-cli', stamp);
  return { email: DEMO_EMAIL, password: DEMO_PASSWORD, token, created, passwordWorks };
}
