// Sanctum's personal access tokens and password hashing. A plain-text token is
// "<id>|<40 random letters and digits><crc32b of them>", as Sanctum 4 (Laravel 11+) issues it;
// only the SHA-256 of the part after "|" is stored, so the database never holds a usable token.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import {
  type Db,
  deleteToken,
  findToken,
  findTokenByHash,
  findUser,
  insertToken,
  touchToken,
  type UserRow,
} from './db';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

/** Laravel would use bcrypt; any slow salted hash serves a stand-in. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** $user->createToken($name)->plainTextToken */
export function issueToken(db: Db, userId: number, name: string, now: string): string {
  let entropy = '';
  for (let i = 0; i < 40; i++) entropy += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  const secret = entropy + crc32(entropy).toString(16).padStart(8, '0');
  const id = insertToken(db, userId, name, sha256(secret), now);
  return `${id}|${secret}`;
}

/** Request::bearerToken(): the text after the last "Bearer " (any case), up to a comma. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const at = header.toLowerCase().lastIndexOf('bearer ');
  if (at < 0) return null;
  const token = header.slice(at + 7);
  const comma = token.indexOf(',');
  return comma < 0 ? token : token.slice(0, comma);
}

export interface Authenticated {
  user: UserRow;
  tokenId: number;
}

/** Sanctum's guard: a malformed, unknown or deleted token authenticates nobody. */
export function authenticate(
  db: Db,
  header: string | undefined,
  now: string,
): Authenticated | null {
  const plain = bearerToken(header);
  if (!plain) return null;
  let token: ReturnType<typeof findToken>;
  const bar = plain.indexOf('|');
  if (bar < 0) {
    token = findTokenByHash(db, sha256(plain));
  } else {
    const id = plain.slice(0, bar);
    const secret = plain.slice(bar + 1);
    if (!/^\d+$/.test(id) || secret === '') return null;
    const candidate = findToken(db, id);
    const hash = Buffer.from(sha256(secret));
    const stored = Buffer.from(candidate?.token ?? '');
    token = stored.length === hash.length && timingSafeEqual(stored, hash) ? candidate : undefined;
  }
  if (!token) return null;
  const user = findUser(db, token.tokenable_id);
  if (!user) return null;
  touchToken(db, token.id, now);
  return { user, tokenId: token.id };
}

/** $request->user()->currentAccessToken()->delete(): only the token that made the request. */
export function revokeToken(db: Db, tokenId: number): void {
  deleteToken(db, tokenId);
}
