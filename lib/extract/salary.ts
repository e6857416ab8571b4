import type { Salary, SalaryPeriod } from './types';

/** The API stores yearly amounts: a year has 2080 working hours, 260 days, 52 weeks, 12 months. */
const PER_YEAR: Record<SalaryPeriod, number> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};
/** More than this a year is a funding round, a price or a misreading, not pay. */
const MAX_YEARLY = 10_000_000;
/** Below this an amount with no period is an hourly rate: nobody posts a yearly or monthly $45. */
const HOURLY_BELOW = 1000;

/** The currency codes we recognise next to a number (a short list keeps "ISO 9001" from being money). */
const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|INR|JPY|CNY|SGD|HKD|SEK|NOK|DKK|PLN|CZK|BRL|MXN|ZAR';
const SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY' };
/** Letters before a dollar sign: CA$, C$, A$, US$, ... */
const DOLLAR: Record<string, string> = {
  C: 'CAD',
  CA: 'CAD',
  A: 'AUD',
  AU: 'AUD',
  NZ: 'NZD',
  US: 'USD',
  HK: 'HKD',
  S: 'SGD',
  SG: 'SGD',
  R: 'BRL',
  MX: 'MXN',
};
const UNIT: Record<string, SalaryPeriod> = {
  h: 'hour',
  d: 'day',
  w: 'week',
  m: 'month',
  y: 'year',
  a: 'year',
};

/**
 * One amount: [currency] number [k|M] [currency], in text whose white space is collapsed to ' '.
 * Linear time: a match cannot start inside a number and every repeat is bounded, so each position
 * costs at most a few dozen steps, even on a hostile 1 MB page.
 */
const AMOUNT = new RegExp(
  [
    // Early exits: an amount starts with a capital, a sign or a digit, and has a digit within six.
    '(?=[A-Z$€£₹¥\\d])(?=\\D{0,5}\\d)',
    // Currency before: a code ("EUR 20 000") or a sign, maybe after letters ("CA$", "€").
    `(?:\\b(?<code>${CODES}) ?|(?:\\b(?<pre>[A-Z]{1,3}))?(?<sym>[$€£₹¥]) ?)?`,
    // Not inside a number, nor after "555 " (so a phone number's groups are not amounts).
    '(?<![\\d.,]|\\d )',
    // "20 000" (spaces only before three digits), or digits grouped by one repeated mark ("130,000",
    // "12,00,000", "45.000"), then decimals. toNumber checks the groups; no salary is longer.
    "(?<num>(?:\\d{1,3}(?: \\d{3}){1,3}(?! ?\\d)|\\d{1,9}(?:(?<sep>[,.'’])\\d{1,3}(?:\\k<sep>\\d{1,3}){0,3})?)(?:[.,]\\d{1,2})?)",
    // Not the first part of a longer number ("1.2.3.4", "123456789012").
    "(?![,.'’]?\\d)",
    // "150k", "1.5M", but not "5 km" or "10 months".
    '(?<mult>[kKmM](?![A-Za-z]))?',
    // Currency after: "254,644 USD", "45.000 €".
    `(?: ?\\b(?<code2>${CODES})\\b| ?(?<sym2>[$€£₹¥]))?`,
  ].join(''),
  'g',
);
// Context of an amount, read in place with sticky regexes at its start or end (no slicing).
/** What may stand between the two ends of a range. */
const RANGE = / ?(?:[-‐‑‒–—−~]|to|and) ?/iy;
/** A period right after: "a year", "per hour", "/hr", "monthly", "p.a.". */
const PERIOD_AFTER =
  / ?(?:(?:\/ ?|per |an? |each )(hour|hr|h|day|d|week|wk|w|month|mo|m|year|yr|y|annum)\b|(hourly|daily|weekly|monthly|yearly|annual(?:ly)?)\b|p\.?a\b\.?)/iy;
/** A period right before: "Hourly rate: $20", "Annual base salary: €45k" (the capture is what to keep). */
const PERIOD_BEFORE =
  /(?<=(\b(hourly|daily|weekly|monthly|yearly|annual(?:ly)?)(?: base)?(?: (?:rate|pay|salary|wage|compensation)(?: range)?)?(?: is| of)?:? ?))/iy;
/** One open end: "From $22.38", "Up to $90,000". */
const QUALIFIER =
  /(?<=(\b(from|starting (?:at|from)|starts at|at least|min(?:imum)?|up to|max(?:imum)?)[: ]*))/iy;

/** The match of sticky `re` at index `i` of `t`, or null. */
function at(re: RegExp, t: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(t);
}

/** Plain digits; groups of three after one repeated mark ("1,234,567", "20 000"); or Indian "12,34,567". */
const GROUPED = /^(?:\d+|\d{1,3}([,.'’ ])\d{3}(?:\1\d{3})*|\d{1,2}(?:,\d\d)+,\d{3})$/;

/**
 * "130,000" → 130000, "45.000,00" → 45000, "12,00,000" → 1200000 (Indian), "22.38" → 22.38.
 * A last mark before one or two digits is a decimal mark; before three it groups ("€45.000").
 * Undefined when the grouping is inconsistent (versions, dotted phone numbers).
 */
function toNumber(raw: string): number | undefined {
  const dec = /[.,]\d{1,2}$/.exec(raw);
  const int = dec ? raw.slice(0, dec.index) : raw;
  const m = GROUPED.exec(int);
  // "1.500.00": the decimal mark cannot also be the grouping mark.
  if (!m || (dec && m[1] === dec[0][0])) return;
  return Number(int.replace(/\D/g, '') + (dec ? `.${dec[0].slice(1)}` : ''));
}

interface Amount {
  value: number;
  mult: number;
  /** A currency sign or code is next to it. */
  money: boolean;
  currency?: string;
  /** Said by a code or letters (CA$), not assumed from a bare sign ($ → USD). */
  explicit: boolean;
  /** Has thousands marks ("130,000"), so it reads as money even without a sign. */
  grouped: boolean;
}

function toAmount(m: RegExpExecArray): Amount | undefined {
  const g = m.groups ?? {};
  const num = g.num ?? '';
  const value = toNumber(num);
  if (value === undefined) return;
  const code = g.code ?? g.code2;
  const sign = g.sym ?? g.sym2;
  const pre = g.pre && (g.pre.length === 3 ? g.pre : g.sym === '$' ? DOLLAR[g.pre] : undefined);
  return {
    value,
    mult: !g.mult ? 1 : /k/i.test(g.mult) ? 1e3 : 1e6,
    money: !!(code || sign),
    currency: code ?? (g.pre ? pre : sign && SYMBOL[sign]),
    explicit: !!(code || g.pre),
    grouped: value >= 1000 && /\D/.test(num),
  };
}

/** Yearly whole amounts, checked: none is zero, negative or absurd; a reversed range is swapped. */
function finish(
  lo: number | undefined,
  hi: number | undefined,
  period: SalaryPeriod | undefined,
  currency: string | undefined,
  posted: string,
): Salary | null {
  const top = hi ?? lo;
  if (top === undefined) return null;
  const p = period ?? (top < HOURLY_BELOW ? 'hour' : 'year');
  const yearly = (n: number | undefined) =>
    n === undefined ? undefined : Math.round(n * PER_YEAR[p]);
  let min = yearly(lo);
  let max = yearly(hi);
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  for (const n of [min, max]) if (n !== undefined && !(n > 0 && n <= MAX_YEARLY)) return null;
  const s: Salary = { period: p, posted };
  if (min !== undefined) s.min = min;
  if (max !== undefined) s.max = max;
  if (currency) s.currency = currency;
  return s;
}

/** A salary from one amount or a range of two, with the period and open end around it. */
function toSalary(
  t: string,
  ma: RegExpExecArray,
  mb: RegExpExecArray | undefined,
  lenient: boolean,
): Salary | null {
  // The context first: it is cheaper than the amounts, and most lone amounts in prose fail it.
  let start = ma.index;
  let end = (mb ?? ma).index + (mb ?? ma)[0].length;
  const q = mb ? null : at(QUALIFIER, t, start);
  const open = q ? (/^(up|max)/i.test(q[2] ?? '') ? 'min' : 'max') : undefined; // the end left open
  const plus = !mb && !q && t[end] === '+'; // "$100k+"
  if (q) start -= q[1]?.length ?? 0;
  if (plus) end++;
  let period: SalaryPeriod | undefined;
  const after = at(PERIOD_AFTER, t, end);
  const pb = after ? null : at(PERIOD_BEFORE, t, start);
  if (after) {
    period = UNIT[(after[1] ?? after[2] ?? 'y')[0]?.toLowerCase() ?? 'y'];
    end += after[0].length;
  } else if (pb) {
    period = UNIT[pb[2]?.[0]?.toLowerCase() ?? 'y'];
    start -= pb[1]?.length ?? 0;
  }
  // In running text a lone amount is as often a bonus or a budget: take it only with a period or an open end.
  if (!lenient && !mb && !period && !q && !plus) return null;

  const a = toAmount(ma);
  const b = mb && toAmount(mb);
  if (!a || (mb && !b)) return null;
  const last = b ?? a;
  let lo = a.value * a.mult;
  let hi = last.value * last.mult;
  // "$150-190k": a suffix on one end only applies to both when that keeps them in order.
  if (b && (a.mult === 1) !== (b.mult === 1) && a.value <= b.value) {
    lo = a.value * a.mult * b.mult;
    hi = b.value * a.mult * b.mult;
  }
  // Money-looking: a sign or code; else a k on a range ("150-190k"). Text that is a salary element
  // (lenient) may also be "150k" or "130,000". A lone million ("$50M raised") is rarely pay.
  const suffixed = a.mult > 1 || last.mult > 1;
  const money =
    a.money ||
    last.money ||
    (suffixed && (!!b || lenient)) ||
    (lenient && (a.grouped || last.grouped));
  if (!money || (!b && a.mult === 1e6)) return null;
  const currency = (a.explicit ? a : last.explicit ? last : a.money ? a : last).currency;
  return finish(
    open === 'min' ? undefined : lo,
    open === 'max' || plus ? undefined : hi,
    period,
    currency,
    t.slice(start, end).trim(),
  );
}

function scan(text: string, lenient: boolean): Salary | null {
  if (typeof text !== 'string') return null;
  // Collapse white space (no-break and narrow spaces too); single spaces are left as they are.
  const t = text.replace(/\s{2,}|[^\S ]/g, ' ');
  // One pass over the amounts, cheap for the many that are no salary (hostile pages are large): ranges
  // win at once; a lone amount is kept for the end, as in prose it is more often a bonus or a budget.
  let single: Salary | null = null;
  let prev: RegExpExecArray | undefined;
  let prevEnd = 0;
  let prevRanged = false;
  for (const m of t.matchAll(AMOUNT)) {
    const ranged = !!prev && at(RANGE, t, prevEnd)?.[0].length === m.index - prevEnd;
    if (prev && ranged) {
      const s = toSalary(t, prev, m, lenient);
      if (s) return s;
    } else if (prev && !prevRanged && !single) single = toSingle(t, prev, lenient);
    prev = m;
    prevEnd = m.index + m[0].length;
    prevRanged = ranged;
  }
  return single ?? (prev && !prevRanged ? toSingle(t, prev, lenient) : null);
}

/** Plain digits ("2024", "10") alone are never a salary; skip them without parsing. */
function toSingle(t: string, m: RegExpExecArray, lenient: boolean): Salary | null {
  return /\D/.test(m[0]) ? toSalary(t, m, undefined, lenient) : null;
}

/** A salary from text that is mostly a salary, such as a site's salary element. */
export function parseSalary(text: string): Salary | null {
  return scan(text, true);
}

/**
 * A salary inside longer text: a title ("Senior Engineer ($150-190k)") or prose. Only money-looking
 * snippets count (a currency, or a k on a range), so "Level 3-5" is none; the text is not changed.
 */
export function findSalaryInText(text: string): Salary | null {
  return scan(text, false);
}

/** A JSON-LD number: a number, or a string of digits ("130000", "130,000.00"). */
function jsonNumber(x: unknown): number | undefined {
  const n = typeof x === 'number' ? x : typeof x === 'string' ? toNumber(x.trim()) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

function fromJsonLd(x: unknown): Salary | null {
  if (typeof x === 'string' && jsonNumber(x) === undefined) return parseSalary(x);
  // A MonetaryAmount, whose value is a number or a QuantitativeValue (some sites put min/max on the
  // MonetaryAmount itself); a bare number is read as its value.
  const o = (x && typeof x === 'object' ? x : { value: x }) as Record<string, unknown>;
  const q = (o.value && typeof o.value === 'object' ? o.value : o) as Record<string, unknown>;
  const single = jsonNumber(o.value) ?? jsonNumber(q.value);
  const lo = jsonNumber(q.minValue) ?? single;
  const hi = jsonNumber(q.maxValue) ?? single;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const unit = text(q.unitText ?? o.unitText).toLowerCase();
  const period = Object.hasOwn(PER_YEAR, unit) ? (unit as SalaryPeriod) : undefined;
  const code = text(o.currency).toUpperCase();
  const currency = /^[A-Z]{3}$/.test(code) ? code : undefined;
  const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const cur = currency ? `${currency} ` : '';
  const amount =
    lo === undefined
      ? `Up to ${cur}${fmt(hi ?? 0)}`
      : hi === undefined
        ? `From ${cur}${fmt(lo)}`
        : `${cur}${lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`}`;
  const posted = period ? `${amount} per ${period}` : amount;
  return finish(lo, hi, period, currency, posted);
}

/**
 * schema.org JobPosting `baseSalary`: a number, a string, a MonetaryAmount, or an array of them
 * (the first usable one). Its `posted` reads "USD 130,000–160,000 per year".
 */
export function salaryFromJsonLd(baseSalary: unknown): Salary | null {
  if (!Array.isArray(baseSalary)) return fromJsonLd(baseSalary);
  for (const x of baseSalary) {
    const s = fromJsonLd(x);
    if (s) return s;
  }
  return null;
}

/** The line for the job's notes: "Salary as posted: From $22.38 an hour". */
export function formatSalaryForNotes(s: Salary): string {
  return `Salary as posted: ${s.posted}`;
}
