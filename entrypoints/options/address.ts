/**
 * The rules for the API address typed in the options, kept free of the browser so they are tested
 * on their own: what counts as this computer, and when a token may travel.
 */

export type Address =
  | { ok: true; url: string; origin: string; loopback: boolean }
  | { ok: false; error: string };

/** 127.0.0.0/8, localhost and [::1]: the only places plain http:// may carry a token. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // The URL parser has already turned short forms such as 127.1 into four decimal parts.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Trims and drops trailing slashes: CareerTrack may live under a path, its routes go below it. */
export function parseAddress(typed: string): Address {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return {
      ok: false,
      error: 'Enter the address CareerTrack answers on, starting with http:// or https://.',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: 'The address must start with http:// or https://.' };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      error: 'Leave the user name and password out of the address: sign in below.',
    };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return {
    ok: true,
    url: `${url.origin}${path}`,
    origin: url.origin,
    loopback: isLoopback(url.hostname),
  };
}

/** A token over plain http:// to another machine could be read by anyone on the way. */
export function tokenRefusal(address: Extract<Address, { ok: true }>): string | null {
  if (address.loopback || address.url.startsWith('https:')) return null;
  return `A token is never sent over plain http:// to another computer: anyone on the network could read it. Use https://${new URL(address.origin).host} instead.`;
}

/**
 * The host permission pattern for an address. Without a port: Firefox refuses ports in match
 * patterns, and Chrome reads a pattern without one as "any port".
 */
export function permissionPattern(address: Extract<Address, { ok: true }>): string {
  const url = new URL(address.origin);
  return `${url.protocol}//${url.hostname}/*`;
}
