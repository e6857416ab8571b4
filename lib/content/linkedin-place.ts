import type { Placement } from './place';

/** LinkedIn's layouts; the fixtures named prove each selector. */
export const linkedInPlace: Placement = {
  // Signed-in search's detail pane and job view (signed-in-search-turnit.html).
  pane: '.scaffold-layout__detail,.jobs-search__job-details,.job-view-layout',
  spots: [
    // Signed in: after Save, beside Easy Apply (turnit; the first is the top card's, not the sticky bar's).
    ['.jobs-save-button', 'afterend'],
    // Signed out: after Apply (guest-view-heidi.html, guest-fragment-notion.html).
    ['.top-card-layout__cta-container', 'beforeend'],
    // Else under the title (test/pages/linkedin-search-second-card.html).
    ['[class*="unified-top-card__job-title"],.top-card-layout__title', 'afterend'],
  ],
};
