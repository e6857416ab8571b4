/**
 * The toolbar badge: how many saves wait or need the user, red when only the user can move them on
 * (a field to fix, a sign-in), neutral while they merely wait. When nothing waits, how many next
 * steps fall today, in blue and said in the title; else empty.
 */
import type { ClipperDb } from '@/lib/background/database';
import { knownNextSteps } from '@/lib/background/next-steps';
import { countUnsent } from '@/lib/background/outbox';
import { todayLocal } from '@/lib/draft-form';

export const BADGE_ALERT = '#D93025';
export const BADGE_NEUTRAL = '#5F6368';
export const BADGE_NEXT_STEPS = '#1A73E8';
export const ACTION_TITLE = 'CareerTrack Clipper';

export interface BadgeState {
  waiting: number;
  attention: number;
  signinNeeded: boolean;
  /** Counted only when nothing waits in the outbox, which keeps the badge then. */
  nextStepsToday: number;
}

const countText = (count: number) => (count > 999 ? '999+' : String(count));

export function badgeFor({ waiting, attention, signinNeeded, nextStepsToday }: BadgeState) {
  const total = waiting + attention;
  if (total === 0 && nextStepsToday > 0) {
    const steps = nextStepsToday === 1 ? '1 next step' : `${countText(nextStepsToday)} next steps`;
    return {
      text: countText(nextStepsToday),
      color: BADGE_NEXT_STEPS,
      title: `${ACTION_TITLE}: ${steps} today`,
    };
  }
  return {
    text: total === 0 ? '' : countText(total),
    color: attention > 0 || (signinNeeded && waiting > 0) ? BADGE_ALERT : BADGE_NEUTRAL,
    title: ACTION_TITLE,
  };
}

export interface BadgeSurface {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
  setTitle(details: { title: string }): unknown;
}

/** MV3 has `action`; Firefox's MV2 event page has `browserAction`. */
export function badgeSurface(browser: {
  action?: BadgeSurface;
  browserAction?: BadgeSurface;
}): BadgeSurface | undefined {
  return browser.action ?? browser.browserAction;
}

/** `now`: the clock, whose local calendar day is "today". */
export async function readBadgeState(
  db: ClipperDb,
  signinNeeded: boolean,
  now: number,
): Promise<BadgeState> {
  const unsent = await countUnsent(db);
  const nextStepsToday =
    unsent.waiting + unsent.attention > 0
      ? 0
      : (await knownNextSteps(db, todayLocal(new Date(now)))).length;
  return { ...unsent, signinNeeded, nextStepsToday };
}

export async function showBadge(surface: BadgeSurface | undefined, state: BadgeState) {
  if (!surface) return;
  const { text, color, title } = badgeFor(state);
  await surface.setBadgeBackgroundColor({ color });
  await surface.setBadgeText({ text });
  await surface.setTitle({ title });
}

/** The toolbar's per-tab parts: they override the global badge on that tab only. */
export interface TabSurface {
  setBadgeText(details: { tabId: number; text: string | null }): unknown;
  setTitle(details: { tabId: number; title: string | null }): unknown;
}

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
