/**
 * The toolbar badge: how many saves wait or need the user, red when only the user can move them on
 * (a field to fix, a sign-in), neutral while they merely wait, empty when nothing waits.
 */
import type { ClipperDb } from '@/lib/background/database';
import { countUnsent } from '@/lib/background/outbox';

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
  return { ...(await countUnsent(db)), signinNeeded };
}

export async function showBadge(surface: BadgeSurface | undefined, state: BadgeState) {
  if (!surface) return;
  const { text, color } = badgeFor(state);
  await surface.setBadgeBackgroundColor({ color });
  await surface.setBadgeText({ text });
}

/** The toolbar's per-tab parts: they override the global badge on that tab only. */
export interface TabSurface {
  setBadgeText(details: { tabId: number; text: string | null }): unknown;
  setTitle(details: { tabId: number; title: string | null }): unknown;
}

export const ACTION_TITLE = 'CareerTrack Clipper';

/**
 * A tab whose job was saved before shows "✓" and, in the title, when and how ("Saved on 3 Mar ·
 * applied"); any other tab falls back to the global badge (null clears the tab's own text).
 */
export async function showSavedOnTab(
  surface: TabSurface | undefined,
  tabId: number,
  detail: string | null,
): Promise<void> {
  if (!surface) return;
  try {
    await surface.setBadgeText({ tabId, text: detail ? '✓' : null });
    await surface.setTitle({ tabId, title: detail ? `${ACTION_TITLE}: ${detail}` : ACTION_TITLE });
  } catch {
    // The tab was closed meanwhile: nothing to show it on.
  }
}
