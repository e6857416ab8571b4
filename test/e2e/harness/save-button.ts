import type { Frame, Page } from 'playwright-core';

export const SAVE_BUTTON_NAME = 'Save to CareerTrack';
/** The in-page button's frame, as the content script inserts it. */
export const SAVE_FRAME = 'iframe[src$="/save-frame.html"]';

export interface SaveButtonView {
  text: string;
  description: string;
  disabled: boolean;
}

/** The extension-origin frames of the in-page button (the page itself cannot look inside). */
export const saveFrames = (page: Page): Frame[] =>
  page
    .frames()
    .filter((frame) => /^(chrome|moz)-extension:\/\/[^/]+\/save-frame\.html/.test(frame.url()));

/** Every in-page Save button, read inside its frame, as the user sees it. */
export async function saveButtons(page: Page): Promise<SaveButtonView[]> {
  const views = await Promise.all(
    saveFrames(page).map((frame) =>
      frame
        .evaluate(() => {
          const button = document.querySelector('button');
          if (!button || button.getAttribute('aria-label') !== 'Save to CareerTrack') return null;
          return {
            text: button.textContent ?? '',
            description: button.title,
            disabled: button.disabled,
          };
        })
        // A frame that went away meanwhile (moved or removed with the job).
        .catch(() => null),
    ),
  );
  return views.filter((view): view is SaveButtonView => view !== null);
}

/**
 * A person's click: the pointer goes to the button, rests there as a reader's does, and clicks.
 * The frame acts only on a button that has been visible for half a second.
 */
export async function clickSave(page: Page): Promise<void> {
  const frame = page.locator(SAVE_FRAME);
  await frame.hover();
  await page.waitForTimeout(700);
  await frame.click();
}
