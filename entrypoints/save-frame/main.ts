/**
 * The in-page Save button, drawn in an extension-origin frame: the page that embeds it cannot read
 * its text, size its content, find its words or reach its elements. It asks the background which
 * job its tab shows and what to say about it; the page never learns the answer (docs/in-page-ui.md).
 */
import { browser } from 'wxt/browser';
import {
  type ButtonState,
  FRAME_REFRESH,
  FRAME_SAVE,
  FRAME_STATE,
  FRAME_STATUS,
} from '@/lib/content/protocol';
import { statusPicker } from './status';
import { watchVisibility } from './visibility';

const NAME = 'Save to CareerTrack';
const IDLE: ButtonState = { text: NAME, title: 'Save this job with your defaults' };
const SAVING: ButtonState = { text: 'Saving…', title: 'Saving…' };
const FAILED: ButtonState = { text: 'Not saved', title: 'Try again' };
const NOT_CHANGED: ButtonState = { text: 'Not changed', title: 'Try again' };
/** A button that appeared under the pointer a moment ago is not one the user chose. */
const VISIBLE_BEFORE_CLICK_MS = 500;

const button = document.querySelector('button') as HTMLButtonElement;
const visibility = watchVisibility(button);
let busy = false;
let tabId: number | undefined;
let last: ButtonState = IDLE;

/** Whether the user has seen the frame long enough to mean an action in it; null: cannot tell. */
function seenLongEnough(): boolean | null {
  const visibleFor = visibility.visibleFor();
  return visibleFor === null ? null : visibleFor >= VISIBLE_BEFORE_CLICK_MS;
}

function label(state: ButtonState) {
  button.textContent = state.text;
  button.title = state.title;
}

function show(state: ButtonState | null | undefined) {
  last = state?.text ? state : IDLE;
  label(last);
  picker.show(last.status);
}

const picker = statusPicker(document.querySelector('select') as HTMLSelectElement, {
  preview: (chosen) => label({ text: `${chosen}…`, title: `Changing the status to ${chosen}…` }),
  back: () => label(last),
  async choose(status) {
    const answer = await ask({ type: FRAME_STATUS, status, visible: seenLongEnough() });
    show(answer?.text ? answer : { ...NOT_CHANGED, status: last.status });
  },
});

const ask = async (message: object): Promise<(ButtonState & { tabId?: number }) | undefined> => {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return undefined;
  }
};

async function refresh() {
  const state = await ask({ type: FRAME_STATE });
  tabId = state?.tabId;
  if (!busy) show(state);
}

button.addEventListener('click', async (event) => {
  if (!event.isTrusted || busy) return;
  const visible = seenLongEnough();
  busy = button.disabled = true;
  label(SAVING);
  const answer = await ask({ type: FRAME_SAVE, visible });
  busy = button.disabled = false;
  show(answer?.text ? answer : FAILED);
});

// The content script's nudge (lib/content/visible.ts nudgeFrame): only ever a reason to ask again.
window.addEventListener('message', (event) => {
  if (event.source === window.parent && event.data === FRAME_REFRESH) void refresh();
});

browser.runtime.onMessage.addListener((message: unknown) => {
  const refreshFor = message as { type?: unknown; tabId?: unknown };
  if (refreshFor?.type === FRAME_REFRESH && refreshFor.tabId === tabId) void refresh();
  return undefined;
});

show(IDLE);
void refresh();
