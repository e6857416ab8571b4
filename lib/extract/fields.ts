/**
 * One job's fields read by a board's selectors (its `data-*` attributes, ids and roles, never hashed
 * class names): what the board extractors share. Only the full waterfall bundles them.
 */
import { payIn } from './salary';
import { firstText, linesOf } from './text';
import type { PartialJob } from './types';

/** A selector per field, each optional. */
export interface FieldSelectors {
  title?: string;
  company?: string;
  location?: string;
  salary?: string;
  description?: string;
}

const text = (scope: ParentNode, selector?: string): string =>
  selector ? firstText(scope, selector) : '';

/** The fields `sel` finds in `scope` (a page, or the pane of its open job). */
export function readFields(scope: ParentNode, sel: FieldSelectors): PartialJob {
  return {
    position_title: text(scope, sel.title),
    company_name: text(scope, sel.company),
    location: text(scope, sel.location),
    salary: payIn(text(scope, sel.salary)),
    description: sel.description ? linesOf(scope.querySelector(sel.description)) : '',
  };
}
