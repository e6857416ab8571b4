/**
 * WXT's fake browser has no `permissions` (each call throws): an in-memory one, with the user's
 * answer to the next prompts set by the test. Installed afresh before every test (test/setup.ts),
 * nothing granted, every prompt refused.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Permissions = { permissions?: string[]; origins?: string[] };
type Listener = (permissions: Permissions) => unknown;

let granted = new Set<string>();
let answer = false;
let added: Listener[] = [];
let prompts = 0;

/** What the user answers to the prompts from now on. */
export function answerPrompts(allow: boolean): void {
  answer = allow;
}

/** A grant made elsewhere (the options page, a previous session), without a prompt. */
export function grant(...permissions: string[]): void {
  for (const permission of permissions) granted.add(permission);
}

export function revoke(...permissions: string[]): void {
  for (const permission of permissions) granted.delete(permission);
}

/** How many prompts the user saw (a request for what is granted already shows none). */
export function promptsShown(): number {
  return prompts;
}

export function installFakePermissions(): void {
  granted = new Set();
  answer = false;
  added = [];
  prompts = 0;
  const names = (asked: Permissions) => [...(asked.permissions ?? []), ...(asked.origins ?? [])];
  const fake = {
    contains: async (asked: Permissions) => names(asked).every((name) => granted.has(name)),
    getAll: async () => ({ permissions: [...granted], origins: [] }),
    request: async (asked: Permissions) => {
      const missing = names(asked).filter((name) => !granted.has(name));
      if (missing.length === 0) return true;
      prompts++;
      if (!answer) return false;
      for (const name of missing) granted.add(name);
      await Promise.all(added.map((listener) => listener({ permissions: missing })));
      return true;
    },
    remove: async (asked: Permissions) => {
      for (const name of names(asked)) granted.delete(name);
      return true;
    },
    onAdded: { addListener: (listener: Listener) => void added.push(listener) },
    onRemoved: { addListener: () => {} },
  };
  (fakeBrowser as unknown as { permissions: typeof fake }).permissions = fake;
}
