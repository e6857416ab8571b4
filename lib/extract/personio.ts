/**
 * Personio's hosted career pages (<account>.jobs.personio.de / .com, the job and its /apply step):
 * the `jb-` classes Personio keeps for its customers' themes. The header's first attribute is the
 * place ("Zürich (Birmensdorferstrasse), Remote"), then the schedule and contract. The company is
 * named only by the page title ("<title> | Jobs bei <company>", read by meta.ts). Proved by
 * test/corpus/pages/personio/apply-enovetic-tech-lead.html, apply-comparis-fullstack.html and
 * apply-supertext-devops-intern.html.
 */
import { PERSONIO_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

export const personio: SiteExtractor = {
  name: 'Personio',
  matches: (u) => PERSONIO_HOSTS.test(u.hostname),
  extract: (doc) =>
    readFields(doc, {
      title: 'h1.jb-title,h1',
      location: '.jb-attribute>:first-child',
      description: '.jb-description',
    }),
};
