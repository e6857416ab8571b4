/**
 * The last place pay is looked for, on any page with fallbacks: a line of the text that starts by
 * naming it ("Salary Band: $145,000-$155,000" in a Greenhouse description, "Salary between €4,450
 * and €6,000 per month"). Only such a line: prose elsewhere names other sums ("$220.5M in funding").
 */
import { findSalaryInText } from './salary';
import { clean } from './text';
import type { Layer } from './types';

export const payLineLayer: Layer = [
  'site',
  (doc) => {
    for (const el of doc.querySelectorAll('li,p')) {
      const text = el.textContent ?? '';
      if (text.length < 200 && /^\s*(salary|pay|compensation)\b/i.test(text)) {
        const pay = findSalaryInText(clean(text));
        if (pay) return { salary: pay };
      }
    }
    return {};
  },
];
