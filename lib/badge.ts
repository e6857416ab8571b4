/**
 * The toolbar badge: how many saves wait or need the user, red when only the user can move them on
 * (a field to fix, a sign-in), neutral while they merely wait, empty when nothing waits.
 */
import type { ClipperDb } from '@/lib/db';
import { countByState } from '@/lib/outbox';

export const BADGE_ALERT = '#D93025';
export const BADGE_NEUTRAL = '#5F6368';

export interface BadgeState {
  waiting: number;
  attention: number;
  signinNeeded: boolean;
}

export function badgeFor({ waiting, attention, signinNeeded }: BadgeState) {
  const total = waiting + attention;
  return {
    text: total === 0 ? '' : total > 999 ? '999+' : String(total),
    color: attention > 0 || (signinNeeded && waiting > 0) ? BADGE_ALERT : BADGE_NEUTRAL,
  };
}

export interface BadgeSurface {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
}

/** MV3 has `action`; Firefox's MV2 event page has `browserAction`. */
export function badgeSurface(browser: {
  action?: BadgeSurface;
  browserAction?: BadgeSurface;
}): BadgeSurface | undefined {
  return browser.action ?? browser.browserAction;
}

export async function readBadgeState(db: ClipperDb, signinNeeded: boolean): Promise<BadgeState> {
  const counts = await countByState(db);
  return { waiting: counts.pending + counts.sending, attention: counts.attention, signinNeeded };
}

export async function showBadge(surface: BadgeSurface | undefined, state: BadgeState) {
  if (!surface) return;
  const { text, color } = badgeFor(state);
  await surface.setBadgeBackgroundColor({ color });
  await surface.setBadgeText({ text });
}
