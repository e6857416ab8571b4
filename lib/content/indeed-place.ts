import type { Placement } from './place';

/** Indeed's 2024-26 layouts; the pages named prove each one. */
export const indeedPlace: Placement = {
  // The search page's right pane (search-pane-aceone.html, indeed-search-third.html); /viewjob has none.
  pane: '.jobsearch-RightPane,#jobsearch-ViewjobPaneWrapper',
  title: () => '[data-testid="jobsearch-JobInfoHeader-title"],h1,h2',
};
