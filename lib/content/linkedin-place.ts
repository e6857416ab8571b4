import type { Placement } from './place';

/** LinkedIn's layouts; the pages named prove each one. */
export const linkedInPlace: Placement = {
  // 2026 signed in (test/pages/button-linkedin-2026.html), the search's pane and the job view
  // (signed-in-search-turnit.html); the signed-out page has none and is searched whole.
  pane: '[data-sdui-screen$="JobDetails"],.jobs-search__job-details,.scaffold-layout__detail,.job-view-layout',
  // The link to the job itself, else the pane's heading.
  title: (id) => `a[href*="/jobs/view/${id}"],h1,h2`,
};
