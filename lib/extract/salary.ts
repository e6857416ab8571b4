/**
 * Salaries as posted ("$130,000 - $160,000 a year", "From €3,500 per month", "$120K/yr - $150K/yr")
 * and in JSON-LD, as yearly whole amounts. Kept small: it is bundled into every content script.
 */
import type { Salary, SalaryPeriod } from './types';

/** The API stores yearly amounts: a year has 2080 working hours, 260 days, 52 weeks, 12 months. */
const PER_YEAR: Record<SalaryPeriod, number> = {
  hour: 2080,
  day: 260,
  week: 52,
  month: 12,
  year: 1,
};
/**
 * More than this a year is a funding round, a price or a misreading, not pay; a thousand times more
 * in the currencies whose unit is worth under a cent or so (a year's pay in Hanoi is 180,000,000 VND).
 */
const MAX_YEARLY = 10_000_000;
const SMALL_UNITS = /^(VND|KRW|IDR|JPY|HUF|CLP|COP|IRR|UZS|MNT|PYG|LAK|UGX|TZS|NGN|KZT)$/;

/**
 * A period from its word, in English and the languages of the boards read ("hr", "monthly", "/d";
 * "al mes", "pro Stunde", "за месяц", "par jour"); any other word ("annum", "año", "Jahr") is a year.
 */
const periodOf = (word = 'y'): SalaryPeriod => {
  const w = word.toLowerCase();
  return /^(h|stu|ч|時)/.test(w)
    ? 'hour'
    : /^(d|tag|jou|де|日)/.test(w)
      ? 'day'
      : /^(w|sem|woc|нед|週)/.test(w)
        ? 'week'
        : /^(m|ме|月)/.test(w)
          ? 'month'
          : 'year';
};

/** Signs of a currency, and what each says; Japan's 円 follows its amount ("1,350円"). */
const SIGNS = '$€£₹¥₽円';
const SIGN_CODES = ['USD', 'EUR', 'GBP', 'INR', 'JPY', 'RUB', 'JPY'];
/**
 * The currency codes we recognise next to a number (a short list keeps "ISO 9001" from being
 * money).
 */
const CODES = 'USD|EUR|GBP|INR|JPY|RUB|CAD|AUD|NZD|CHF|CNY|SGD|HKD|SEK|NOK|DKK|PLN|CZK|BRL|MXN|ZAR';
/** Letters before "$" and the dollar they name, as " <letters>:<code>" (CA$, A$, US$, R$, ...). */
const DOLLARS = ' C:CAD CA:CAD A:AUD AU:AUD NZ:NZD US:USD HK:HKD S:SGD SG:SGD R:BRL MX:MXN';

/**
 * One amount, in text whose white space is collapsed to ' '. Groups: 1 code, 2 letters before a
 * sign, 3 sign, 4 number, 5 k or M, 6 code after, 7 sign after.
 * Linear time: a match cannot start inside a number and every repeat is bounded, so each position
 * costs at most a few dozen steps, even on a hostile 1 MB page.
 */
const AMOUNT = new RegExp(
  // Early exit: an amount has a digit within six characters.
  '(?=\\D{0,5}\\d)' +
    // Currency before: a code ("EUR 20 000") or a sign, maybe after letters ("CA$", "€").
    `(?:\\b(${CODES}) ?|(\\b[A-Z]{1,3})?([${SIGNS}]) ?)?` +
    // Not inside a number, nor after "555 " (so a phone number's groups are not amounts).
    '(?<![\\d.,]|\\d )' +
    // "20 000" (spaces only before three digits), else digits and marks ("130,000", "12,00,000",
    // "45.000,00"): toNumber checks the grouping. Not the first part of a longer number ("1.2.3.4.5.6").
    "((?:\\d{1,3}(?: \\d{3}){1,3}(?! ?\\d)|\\d{1,9})(?:[,.'’]\\d{1,3}){0,4})(?![,.'’]?\\d)" +
    // "150k", "1.5M", India's "₹3L" (lakh), "25万円" (ten thousand), but not "5 km" or "10 months".
    '([kKmML万](?![A-Za-z]))?' +
    // Currency after: "254,644 USD", "45.000 €".
    `(?: ?\\b(${CODES})\\b| ?([${SIGNS}]))?`,
  'g',
);
// Context of an amount, read in place with sticky regexes at its start or end (no slicing).
/**
 * A period right after: "a year", "per hour", "/hr", "monthly", "p.a."; "al mes", "pro Monat",
 * "par an", "за месяц", "mensual" (the word in group 1, 2 or 3).
 */
const PERIOD =
  / ?(?:(?:\/ ?|per |an? |each )(h(?:ou)?r|d(?:ay)?|w(?:ee)?k|mo(?:nth)?|y(?:ea)?r|annum|[hdwmy]|mesiac|měsíc|miesiąc|hod(?:ina|inu)?)(?![a-zà-ž])|((?:hour|dai|week|month|year)ly|annual(?:ly)?|mensual|monatlich|mensuel|anual|jährlich|annuel)\b|p\.?a\b\.?|(?:al |por |par |pro |im |ao |за |в )(mes|mês|mois|monat|месяц|hora|heure|stunde|час|año|ano|an|jahr|год|día|dia|jour|tag|день|semana|semaine|woche|неделю)(?![a-zа-яё]))/iy;
/** What may stand between the two ends of a range ("to", "a", "à", "bis", "до", "〜"). */
const RANGE = / ?(?:[-‐‑‒–—−~〜～]|to|and|a|à|bis|до) ?/iy;
/**
 * A period right before: "Hourly rate: $20", "Annual base salary: €45k", "時給1,350円" (an hour's
 * pay), "月給25万円" (a month's), "年収" (a year's) (group 1, from the word).
 */
const PERIOD_BEFORE =
  /(?<=(\b(?:(?:hour|dai|week|month|year)ly|annual(?:ly)?)(?: base)?(?: (?:rate|pay|salary|wage|compensation)(?: range)?)?(?: is| of)?:? ?|[時日週月年](?:給|収|俸)[:： ]?))/iy;
/** One open end: "From $22.38", "Up to $90,000", "desde", "ab", "от", "hasta" (group 1, from the word). */
const QUALIFIER =
  /(?<=((?<![\wа-яё])(?:from|start(?:ing|s) (?:at|from)|at least|min(?:imum)?|up to|max(?:imum)?|desde|ab|от|hasta|bis|до)[: ]*))/iy;
/** The words of QUALIFIER that leave the lower end open. */
const UP_TO = /^(up|max|hasta|bis|до)/i;
/** How far a match of PERIOD_BEFORE or QUALIFIER reaches back. */
const back = (m: RegExpExecArray | null): number => m?.[1]?.length ?? 0;

/** The match of sticky `re` at index `i` of `t`, or null. */
function at(re: RegExp, t: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(t);
}

/**
 * Plain digits; groups of three after one repeated mark ("1,234,567", "20 000"); or Indian
 * "12,34,567"; then maybe a decimal mark before one or two digits, never the grouping mark
 * ("1.500.00"). So "€45.000" is 45000 and "22.38" is 22.38.
 */
const NUMBER =
  /^(\d+|\d{1,3}([,.'’ ])\d{3}(?:\2\d{3})*|\d{1,2}(?:,\d\d)+,\d{3})(?:([.,])(\d\d?))?$/;

/** The number, or NaN. */
function toNumber(raw = ''): number {
  const m = NUMBER.exec(raw);
  return m?.[1] && (m[3] ?? 0) !== m[2] ? Number(`${m[1].replace(/\D/g, '')}.${m[4] ?? 0}`) : NaN;
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
  // No period and under 1,000: an hourly rate (nobody posts a yearly or monthly $45).
  const p = period ?? (top < 1000 ? 'hour' : 'year');
  let [min, max] = [lo, hi].map((n) => (n === undefined ? n : Math.round(n * PER_YEAR[p])));
  // An open end is undefined, and undefined compares false either way.
  if (min! > max!) [min, max] = [max, min];
  const cap = SMALL_UNITS.test(currency ?? '') ? MAX_YEARLY * 1e3 : MAX_YEARLY;
  if ([min, max].some((n) => n! <= 0 || n! > cap)) return null;
  return { min, max, period: p, posted, ...(currency ? { currency } : {}) };
}

/** The currency a code or letters say ('' for letters we do not know, "NT$"), else undefined. */
const said = (m?: RegExpExecArray): string | undefined =>
  m?.[1] ??
  m?.[6] ??
  (m?.[2] &&
    (m[2].length > 2 ? m[2] : (m[3] === '$' && DOLLARS.split(` ${m[2]}:`)[1]?.slice(0, 3)) || ''));
/** The currency a sign says. */
const signed = (m?: RegExpExecArray): string | undefined =>
  m && SIGN_CODES[SIGNS.indexOf(m[3] ?? m[7] ?? '_')];
/** 1000 for a k, ten thousand for a 万, a hundred thousand for a lakh, a million for an M. */
const mult = (m: RegExpExecArray): number =>
  m[5] ? (/k/i.test(m[5]) ? 1e3 : m[5] === '万' ? 1e4 : m[5] === 'L' ? 1e5 : 1e6) : 1;

/** A salary from one amount `a` or a range `a`-`b`, with the period and open end around it. */
function toSalary(
  t: string,
  a: RegExpExecArray,
  b: RegExpExecArray | undefined,
  lenient: boolean,
): Salary | null {
  // The context first: it is cheaper than the amounts, and most lone amounts in prose fail it.
  const last = b ?? a;
  let start = a.index;
  let end = last.index + last[0].length;
  const q = b ? null : at(QUALIFIER, t, start);
  const plus = !b && !q && t[end] === '+'; // "$100k+"
  if (plus) end++;
  const after = at(PERIOD, t, end);
  const before = after ? null : at(PERIOD_BEFORE, t, start - back(q));
  start -= back(q) + back(before);
  end += after?.[0].length ?? 0;
  const p = after ?? before;
  // In running text a lone amount is as often a bonus or a budget: take it only with a period or an open end.
  if (!lenient && !b && !p && !q && !plus) return null;

  const aValue = toNumber(a[4]);
  const bValue = toNumber(last[4]);
  const aMult = mult(a);
  const bMult = mult(last);
  if (Number.isNaN(aValue + bValue)) return null;
  // "$150-190k": a suffix on one end only applies to both when that keeps them in order.
  const both = (aMult === 1) !== (bMult === 1) && aValue <= bValue ? aMult * bMult : 0;
  const lo = aValue * (both || aMult);
  const hi = bValue * (both || bMult);
  // Two ends this far apart are no range: "Level 3 - $130,000 - $160,000" is a level, then the pay.
  if (b && Math.max(lo, hi) > 20 * Math.min(lo, hi)) return null;
  // Money-looking: a sign or code; else a k on a range ("150-190k"). Text that is a salary element
  // (lenient) may also be "150k" or "130,000". A lone million ("$50M raised") is rarely pay.
  const money =
    [a, last].some((m) => m[1] || m[3] || m[6] || m[7]) ||
    (aMult * bMult > 1 && (!!b || lenient)) ||
    (lenient &&
      ((aValue >= 1000 && /\D/.test(a[4] ?? '')) || (bValue >= 1000 && /\D/.test(last[4] ?? ''))));
  if (!money || (!b && aMult === 1e6)) return null;
  const open = q && (UP_TO.test(q[1] ?? '') ? 'min' : 'max'); // the end left open
  return finish(
    open === 'min' ? undefined : lo,
    open === 'max' || plus ? undefined : hi,
    p ? periodOf(p[1] ?? p[2] ?? p[3]) : undefined,
    said(a) ?? said(b) ?? signed(a) ?? signed(b),
    t.slice(start, end).trim(),
  );
}

function scan(text: string, lenient: boolean): Salary | null {
  if (typeof text !== 'string') return null;
  // Collapse white space (no-break and narrow spaces too); single spaces are left as they are.
  const t = text.replace(/\s{2,}|[^\S ]/g, ' ');
  // One pass over the amounts, cheap for the many that are no salary (hostile pages are large): ranges
  // win at once; a lone amount is kept for the end, as in prose it is more often a bonus or a budget.
  // Plain digits ("2024", "10") alone are never a salary and are not parsed.
  const single = (m: RegExpExecArray) =>
    /\D/.test(m[0]) ? toSalary(t, m, undefined, lenient) : null;
  let found: Salary | null = null;
  let prev: RegExpExecArray | undefined;
  let prevEnd = 0;
  let prevRanged = false;
  for (const m of t.matchAll(AMOUNT)) {
    // LinkedIn's "$120K/yr - $150K/yr": a period after the first end too, when the second has one.
    const per = prev && at(PERIOD, t, prevEnd);
    const from = prevEnd + (per?.[0].length ?? 0);
    const ranged =
      !!prev &&
      at(RANGE, t, from)?.[0].length === m.index - from &&
      (!per || !!at(PERIOD, t, m.index + m[0].length));
    if (prev && ranged) {
      const s = toSalary(t, prev, m, lenient);
      if (s) return s;
    } else if (prev && !prevRanged) found ??= single(prev);
    prev = m;
    prevEnd = m.index + m[0].length;
    prevRanged = ranged;
  }
  return found ?? (prev && !prevRanged ? single(prev) : null);
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

/** Words that name pay in a description's prose. */
const PAY_WORD = /\b(salary|pay|compensation|wages?|OTE)\b/gi;

/**
 * Pay a description states in its prose: the first amount soon after a word that names pay ("range
 * for this role starts at: $64,500 base", "The base salary range is $120,000 - $150,000"). Sums
 * elsewhere in the text name other things ("$220.5M in funding").
 */
export function payInProse(text: string): Salary | null {
  for (const word of text.matchAll(PAY_WORD)) {
    const pay = findSalaryInText(text.slice(word.index, word.index + 160));
    if (pay) return pay;
  }
  return null;
}

/** A salary element's text, else a salary in it ("$130,000 - $160,000 a year - Full-time"). */
export function payIn(text: string): Salary | undefined {
  return (text && (parseSalary(text) ?? findSalaryInText(text))) || undefined;
}

/** A JSON-LD number: a number, or a string of digits ("130000", "130,000.00"). */
function jsonNumber(x: unknown): number | undefined {
  const n = typeof x === 'number' ? x : typeof x === 'string' ? toNumber(x.trim()) : NaN;
  return Number.isFinite(n) ? n : undefined;
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
  const code = text(o.currency ?? q.currency).toUpperCase();
  const currency = /^[A-Z]{3}$/.test(code) ? code : undefined;
  const cur = currency ? `${currency} ` : '';
  const amount =
    lo === undefined
      ? `Up to ${cur}${fmt(hi ?? 0)}`
      : hi === undefined
        ? `From ${cur}${fmt(lo)}`
        : `${cur}${lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`}`;
  return finish(lo, hi, period, currency, period ? `${amount} per ${period}` : amount);
}

/**
 * "120,000.5": grouped by hand, because the first `toLocaleString` of a page loads the browser's
 * number formats and took 50 ms of the first extraction on a job page.
 */
function fmt(value: number): string {
  const [whole = '', fraction] = String(Math.round(value * 100) / 100).split('.');
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (fraction ? `.${fraction}` : '');
}

/**
 * schema.org JobPosting `baseSalary`: a number, a string, a MonetaryAmount, or an array of them
 * (the first usable one). Its `posted` reads "USD 130,000–160,000 per year".
 */
export function salaryFromJsonLd(baseSalary: unknown): Salary | null {
  for (const x of Array.isArray(baseSalary) ? baseSalary : [baseSalary]) {
    const s = fromJsonLd(x);
    if (s) return s;
  }
  return null;
}

/** The line for the job's notes: "Salary as posted: From $22.38 an hour". */
export function formatSalaryForNotes(s: Salary): string {
  return `Salary as posted: ${s.posted}`;
}
