import type { Page } from 'playwright-core';

export const SAVE_BUTTON_NAME = 'Save to CareerTrack';

export interface SaveButtonView {
  text: string;
  description: string;
  disabled: boolean;
}

/**
 * Every in-page Save button, as the accessibility tree shows it: the closed shadow root hides it
 * from the page's DOM, but not from what a screen reader reads.
 */
export async function saveButtons(page: Page): Promise<SaveButtonView[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{
        nodeId: string;
        role?: { value: string };
        name?: { value: string };
        description?: { value: string };
        properties?: Array<{ name: string; value: { value: unknown } }>;
        childIds?: string[];
      }>;
    };
    return nodes
      .filter((n) => n.role?.value === 'button' && n.name?.value === SAVE_BUTTON_NAME)
      .map((button) => ({
        text: nodes
          .filter((n) => button.childIds?.includes(n.nodeId))
          .map((n) => n.name?.value ?? '')
          .join(''),
        description: button.description?.value ?? '',
        disabled: !!button.properties?.some((p) => p.name === 'disabled' && p.value.value),
      }));
  } finally {
    await cdp.detach();
  }
}
