/**
 * The last place pay is looked for, on any page with fallbacks: a short line of the text that names
 * it before its amount ("Salary Band: $145,000-$155,000" in a Greenhouse description, "The annual
 * US base salary range for this role is $146,900 - $220,300" on Stripe's). Only such a line: prose
 * elsewhere names other sums ("$220.5M in funding").
 */
import { payInProse } from './salary';
import { clean } from './text';
import type { Layer } from './types';

export const payLineLayer: Layer = [
  'site',
  (doc) => {
    for (const el of doc.querySelectorAll('li,p')) {
      const text = el.textContent ?? '';
      if (text.length < 1000) {
        const pay = payInProse(clean(text));
        if (pay) return { salary: pay };
      }
    }
    return {};
  },
];
