import { browser } from 'wxt/browser';
import { FRAME_HEIGHT, FRAME_PATH, FRAME_WIDTH } from './protocol';

/**
 * The in-page button's frame: a plain `<iframe>` (no custom element a page could define first),
 * its page from the extension's origin, its size fixed. It is made and placed the same way
 * whatever the user saved: what it says lives inside it, where the page cannot read.
 */
export function createFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = browser.runtime.getURL(FRAME_PATH);
  frame.title = 'Save to CareerTrack';
  frame.setAttribute(
    'style',
    `all:initial;display:inline-block;width:${FRAME_WIDTH}px;height:${FRAME_HEIGHT}px;` +
      'border:0;margin:4px 8px;vertical-align:middle;color-scheme:normal',
  );
  return frame;
}

/** Pinned to the pane's corner (no Save, Apply or title beside which to sit) or inline. */
export function pin(frame: HTMLElement, corner: boolean): void {
  frame.style.float = corner ? 'right' : '';
}
