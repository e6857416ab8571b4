/**
 * Where the in-page button goes, found the way a person finds it, from what survives a re-skin:
 * beside the site's own Save or Apply button (by role and accessible name), else after the job's
 * title (the link to the job itself, else the pane's heading), else pinned to the corner of the
 * job's pane. The first found wins; a page whose address names a job always gets a spot.
 */
export interface Placement {
  /** The open job's pane (what the observer watches); none: the whole document. */
  pane: string;
  /** The job's title, given the id the address names: selectors tried in the pane, in order. */
  title(id: string): string;
}

export type Spot = [anchor: Element, where: InsertPosition];

const SITE_BUTTONS = 'button,a[href],[role="button"]';
/** "Save", "Saved", "Save job", "Apply", "Easy Apply to …", "Apply on company site". */
const SAVE_NAME = /^(save|saved)\b/i;
const APPLY_NAME = /^(easy apply|apply)\b/i;

/** The job's pane, if the page shows one now. */
export const paneOf = (place: Placement): Element | null => document.querySelector(place.pane);

/** What assistive technology reads: `aria-label`, else the text that is not `aria-hidden`. */
function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  let text = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.textContent;
      else if (child instanceof Element && child.getAttribute('aria-hidden') !== 'true')
        walk(child);
    }
  };
  walk(element);
  return text.replace(/\s+/g, ' ').trim();
}

/** Not a hidden copy (a sign-up dialog's, a template's, one the browser does not render). */
function shown(element: Element): boolean {
  if (element.closest('[hidden],[aria-hidden="true"],dialog,[role="dialog"],template'))
    return false;
  const check = (element as { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check !== 'function' || check.call(element) !== false;
}

function siteButton(scope: ParentNode, name: RegExp): Element | undefined {
  for (const element of scope.querySelectorAll(SITE_BUTTONS)) {
    if (name.test(nameOf(element)) && shown(element)) return element;
  }
}

/** The spot for the job `id` on the page now. */
export function spotOf(place: Placement, id: string): Spot | undefined {
  const pane = paneOf(place);
  const scope = pane ?? document;
  const button = siteButton(scope, SAVE_NAME) ?? siteButton(scope, APPLY_NAME);
  if (button) return [button, 'afterend'];
  for (const selector of place.title(id).split(',')) {
    const title = scope.querySelector(selector);
    if (title) return [title.closest('h1,h2,h3,p') ?? title, 'afterend'];
  }
  const corner = pane ?? document.querySelector('main') ?? document.body;
  return corner ? [corner, 'afterbegin'] : undefined;
}
