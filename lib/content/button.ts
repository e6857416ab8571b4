import type { ButtonState } from './protocol';

/** The accessible name never changes; the state is the text and the description. */
export const BUTTON_NAME = 'Save to CareerTrack';
export const IDLE: ButtonState = { text: BUTTON_NAME, title: 'Save this job with your defaults' };

// `all: initial` stops the page's inherited styles at the host; nothing inside reaches the page.
// The browser's own focus ring is kept.
const CSS =
  ':host{all:initial;margin:4px 8px}button{font:600 14px system-ui;padding:5px 14px;' +
  'border:1px solid;border-radius:16px;background:#fff;color:#0a66c2;cursor:pointer}' +
  ':disabled{opacity:.6}';

export interface SaveButton {
  /** The element placed in the page; its shadow root is closed. */
  host: HTMLElement;
  button: HTMLButtonElement;
  show(state: ButtonState): void;
}

/**
 * A real `<button>` in a closed shadow root: the page can neither style it nor read which jobs
 * the user saved from it, and a click it fakes (`isTrusted` false) is ignored by the caller.
 */
export function createButton(onClick: (event: MouseEvent) => void): SaveButton {
  const make = (tag: string) => document.createElement(tag);
  const host = make('careertrack-save');
  const style = make('style');
  const button = make('button') as HTMLButtonElement;
  style.textContent = CSS;
  button.setAttribute('aria-label', BUTTON_NAME);
  button.addEventListener('click', onClick);
  host.attachShadow({ mode: 'closed' }).append(style, button);
  const show = (state: ButtonState) => {
    button.textContent = state.text;
    button.title = state.title;
  };
  show(IDLE);
  return { host, button, show };
}
