import { browser } from 'wxt/browser';
import { LOOPBACK_MATCHES } from '@/lib/manifest';
import { type Address, permissionPattern } from './address';

/**
 * Asks for the one origin CareerTrack lives on. Call it first thing in a click handler, before any
 * await: the browser shows its prompt only while the user's click is still "active". The manifest
 * already grants this computer's CareerTrack, so no prompt there.
 */
export function requestAccess(address: Extract<Address, { ok: true }>): Promise<boolean> {
  const pattern = permissionPattern(address);
  if ((LOOPBACK_MATCHES as readonly string[]).includes(pattern)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}

export function accessRefused(address: Extract<Address, { ok: true }>): string {
  return `The browser did not allow the extension to reach ${address.origin}. Try again and choose Allow.`;
}
