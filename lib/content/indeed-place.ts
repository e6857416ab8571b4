import type { Placement } from './place';

/** Indeed's 2024-26 layout; the fixtures named prove each selector. */
export const indeedPlace: Placement = {
  // The search page's right pane (search-pane-aceone.html); /viewjob has none.
  pane: '.jobsearch-RightPane,#jobsearch-ViewjobPaneWrapper',
  spots: [
    // After Save, beside Apply (viewjob-papercut.html, search-pane-aceone.html).
    ['#saveJobButtonContainer', 'afterend'],
    ['#jobsearch-ViewJobButtons-container', 'beforeend'],
    // Else under the title (test/pages/indeed-search-third.html).
    ['[data-testid="jobsearch-JobInfoHeader-title"],.jobsearch-JobInfoHeader-title', 'afterend'],
  ],
};
