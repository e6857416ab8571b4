/**
 * Where a site's page gets the button: the open job's pane (what the observer watches) and spots
 * beside the site's own apply and save buttons, then beside the title; the first found wins.
 */
export interface Placement {
  /** The pane (the outermost match, as they nest); none yet: the document's body. */
  pane: string;
  spots: [selector: string, where: InsertPosition][];
}

/** The job's pane, if the page shows one now. */
export const paneOf = (place: Placement): Element | null => document.querySelector(place.pane);

/** The first spot the page shows now, in the pane when there is one. */
export function spotOf(place: Placement): [Element, InsertPosition] | undefined {
  const scope = paneOf(place) ?? document;
  for (const [selector, where] of place.spots) {
    const anchor = scope.querySelector(selector);
    if (anchor) return [anchor, where];
  }
}
