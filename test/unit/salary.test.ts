import { describe, expect, it } from 'vitest';
import {
  findSalaryInText,
  formatSalaryForNotes,
  parseSalary,
  payInProse,
  salaryFromJsonLd,
} from '@/lib/extract/salary';
import type { Salary, SalaryPeriod } from '@/lib/extract/types';

type Row = [
  text: string,
  min: number | undefined,
  max: number | undefined,
  currency: string | undefined,
  period: SalaryPeriod,
];

/** The fields a row states; `posted` is checked separately. */
const pick = (s: Salary | null) =>
  s && { min: s.min, max: s.max, currency: s.currency, period: s.period };

describe('parseSalary', () => {
  it.each<Row>([
    ['$130,000 - $160,000 a year', 130000, 160000, 'USD', 'year'],
    ['$150-190k', 150000, 190000, 'USD', 'year'],
    ['$150k-190', 150000, 190000, 'USD', 'year'],
    ['$123,684—$254,644 USD', 123684, 254644, 'USD', 'year'],
    ['€20 000 - €40 000', 20000, 40000, 'EUR', 'year'],
    ['€20\u00a0000 - €40\u202f000', 20000, 40000, 'EUR', 'year'],
    ['45 000 € - 55 000 €', 45000, 55000, 'EUR', 'year'],
    ['£45k–£55k', 45000, 55000, 'GBP', 'year'],
    ['From $22.38 an hour', 46550, undefined, 'USD', 'hour'],
    ['Up to $90,000', undefined, 90000, 'USD', 'year'],
    ['Up to £60,000 a year', undefined, 60000, 'GBP', 'year'],
    ['Starting at $18/hr', 37440, undefined, 'USD', 'hour'],
    ['Min $50k', 50000, undefined, 'USD', 'year'],
    ['$100k+', 100000, undefined, 'USD', 'year'],
    ['$220K – $330K • Offers Equity', 220000, 330000, 'USD', 'year'],
    ['₹12,00,000 - ₹18,00,000', 1200000, 1800000, 'INR', 'year'],
    ['EUR 20 000 - 40 000', 20000, 40000, 'EUR', 'year'],
    ['$45 - $55 an hour', 93600, 114400, 'USD', 'hour'],
    ['$18.50 - $22.00 / hour', 38480, 45760, 'USD', 'hour'],
    ['$5,000 per month', 60000, 60000, 'USD', 'month'],
    ['From €3,500 per month', 42000, undefined, 'EUR', 'month'],
    ['$200 per day', 52000, 52000, 'USD', 'day'],
    ['£400 - £500 per day', 104000, 130000, 'GBP', 'day'],
    ['$1,000 a week', 52000, 52000, 'USD', 'week'],
    ['CA$90,000–CA$110,000', 90000, 110000, 'CAD', 'year'],
    ['CAD 90,000 - 110,000', 90000, 110000, 'CAD', 'year'],
    ['A$120k', 120000, 120000, 'AUD', 'year'],
    ['US$80,000', 80000, 80000, 'USD', 'year'],
    ['USD 100000', 100000, 100000, 'USD', 'year'],
    ['CHF 120’000 - 140’000', 120000, 140000, 'CHF', 'year'],
    ['$80,000/yr', 80000, 80000, 'USD', 'year'],
    // LinkedIn's pay pills put the period on both ends.
    ['$120K/yr - $150K/yr', 120000, 150000, 'USD', 'year'],
    ['$60,000 p.a.', 60000, 60000, 'USD', 'year'],
    ['$40/hr', 83200, 83200, 'USD', 'hour'],
    ['$100,000 to $120,000', 100000, 120000, 'USD', 'year'],
    ['between $100k and $120k', 100000, 120000, 'USD', 'year'],
    ['Hourly rate: $20-$25', 41600, 52000, 'USD', 'hour'],
    ['Monthly: €3,000 - €4,000', 36000, 48000, 'EUR', 'month'],
    ['Annual base salary: €45k', 45000, 45000, 'EUR', 'year'],
    ['¥5M - ¥8M', 5000000, 8000000, 'JPY', 'year'],
    // European marks: three digits after a mark group thousands, one or two are decimals.
    ['€45.000 - €55.000', 45000, 55000, 'EUR', 'year'],
    ['45.000,00 €', 45000, 45000, 'EUR', 'year'],
    ['20.000 - 30.000 EUR', 20000, 30000, 'EUR', 'year'],
    ['€45,5k', 45500, 45500, 'EUR', 'year'],
    // A salary element may omit the currency; grouped thousands or a k still read as money.
    ['130,000 - 160,000', 130000, 160000, undefined, 'year'],
    ['150k', 150000, 150000, undefined, 'year'],
    // An unknown dollar is money, but no currency is claimed for it.
    ['NT$1,000,000', 1000000, 1000000, undefined, 'year'],
    // A reversed range is a typo: swapped.
    ['$160,000 - $130,000', 130000, 160000, 'USD', 'year'],
    // No period and under 1,000: an hourly rate.
    ['$22.38', 46550, 46550, 'USD', 'hour'],
    // The work week is not the pay period.
    ['40 hours per week, $50,000', 50000, 50000, 'USD', 'year'],
  ])('%s', (text, min, max, currency, period) => {
    expect(pick(parseSalary(text))).toEqual({ min, max, currency, period });
  });

  it.each([
    '',
    '   ',
    'Full-time',
    'Competitive',
    '401(k) matching',
    // $50M: a lone million is refused, and it is above the 10,000,000 yearly limit too.
    'Series B, $50M raised',
    '1.5M',
    '$1.5M',
    '2024 - 2026',
    '5+ years',
    '+1 (555) 123-4567',
    '555 123 4567',
    '555.123.4567',
    'Call 1-800-555-1234',
    '192.168.1.1',
    'v1.2.3',
    '100% remote',
    'Top 10 company',
    '$0 - $100,000',
    '$20,000,000',
    '$0',
  ])('%j is no salary', (text) => {
    expect(parseSalary(text)).toBeNull();
  });

  it('keeps the salary as posted, white space collapsed', () => {
    expect(parseSalary('From $22.38 an hour')?.posted).toBe('From $22.38 an hour');
    expect(parseSalary('€20\u202f000 -\n €40\u00a0000')?.posted).toBe('€20 000 - €40 000');
    expect(parseSalary('$220K – $330K • Offers Equity')?.posted).toBe('$220K – $330K');
    expect(parseSalary('Salary: $100,000 per year + bonus')?.posted).toBe('$100,000 per year');
    expect(parseSalary('Up to $90,000')?.posted).toBe('Up to $90,000');
  });

  it('omits what it does not know', () => {
    expect(parseSalary('Up to $90,000')).toEqual({
      max: 90000,
      currency: 'USD',
      period: 'year',
      posted: 'Up to $90,000',
    });
    expect(parseSalary('150k')).not.toHaveProperty('currency');
  });

  it('does not throw on input that is not a string', () => {
    expect(parseSalary(undefined as unknown as string)).toBeNull();
    expect(parseSalary(42 as unknown as string)).toBeNull();
  });
});

describe('findSalaryInText', () => {
  it.each<[string, number, number, string | undefined, string]>([
    ['Senior Engineer ($150-190k)', 150000, 190000, 'USD', '$150-190k'],
    ['Software Engineer II (150-190K)', 150000, 190000, undefined, '150-190K'],
    ['Backend Developer - $120,000 - $140,000', 120000, 140000, 'USD', '$120,000 - $140,000'],
    [
      'The base salary range for this role is $145,000 - $180,000 USD in San Francisco',
      145000,
      180000,
      'USD',
      '$145,000 - $180,000 USD',
    ],
    ['Salary: 100,000 - 120,000 EUR, plus equity', 100000, 120000, 'EUR', '100,000 - 120,000 EUR'],
    // A level before the pay is no end of its range (Taleo, Costco).
    ['Pay Ranges: Level 3 - $130,000 - $160,000', 130000, 160000, 'USD', '$130,000 - $160,000'],
    // A range wins over a lone amount earlier in the text.
    [
      'We raised $50M and offer a $2,000 budget. Salary: $140k - $160k.',
      140000,
      160000,
      'USD',
      '$140k - $160k',
    ],
  ])('%s', (text, min, max, currency, posted) => {
    const s = findSalaryInText(text);
    expect(s).toMatchObject({ min, max, period: 'year', posted });
    expect(s?.currency).toBe(currency);
  });

  it('takes a lone amount with a period or an open end', () => {
    expect(pick(findSalaryInText('Pay: $25/hr, weekly'))).toEqual({
      min: 52000,
      max: 52000,
      currency: 'USD',
      period: 'hour',
    });
    expect(findSalaryInText('Engineer (up to $200k)')).toMatchObject({ max: 200000 });
    expect(findSalaryInText('The hourly rate is $20-$25.')).toMatchObject({
      min: 41600,
      max: 52000,
      period: 'hour',
    });
  });

  it.each([
    'Senior Engineer 2',
    'Level 3-5',
    'Engineer III, 2024 - 2026 program',
    'Run a 5k',
    'Our 401k plan matches 4%',
    'Call +1 555 123 4567 now',
    'ISO 9001 certified, 100% remote',
    // A lone amount in prose is as often a bonus or a budget.
    'Backend Developer - $120,000',
    'A $2,000 learning budget and a $10k signing bonus',
    'Series B, $50M raised',
  ])('%j has no salary', (text) => {
    expect(findSalaryInText(text)).toBeNull();
  });

  it('leaves the text as it is', () => {
    const title = 'Senior Engineer ($150-190k)';
    findSalaryInText(title);
    expect(title).toBe('Senior Engineer ($150-190k)');
  });

  it('does not throw on 1 MB strings', () => {
    const chars = 'abc XYZ 0123456789 $€£k,.-–/ USD\u00a0';
    let seed = 1;
    const random = Array.from({ length: 1 << 20 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return chars[seed % chars.length];
    }).join('');
    for (const text of [
      random,
      '1'.repeat(1 << 20),
      '1,'.repeat(1 << 19),
      '111 '.repeat(1 << 18),
      '$1 '.repeat(1 << 18),
      'USD '.repeat(1 << 18),
      ' '.repeat(1 << 20),
    ]) {
      expect(() => findSalaryInText(text)).not.toThrow();
      expect(() => parseSalary(text)).not.toThrow();
    }
  });
});

describe('payInProse', () => {
  it('reads the first amount after a word that names pay, a lone "starts at" as a minimum', () => {
    const carta =
      'Our expected cash compensation (salary + commission if applicable) range for this role starts at:\n$64,500 base in New York City, NY\n$58,845 base in Seattle, WA';
    expect(payInProse(carta)).toMatchObject({ min: 64500, currency: 'USD', period: 'year' });
    expect(payInProse(carta)?.max).toBeUndefined();
    expect(
      payInProse(
        'We are a team of 40. The base salary range for this role is $120,000 - $150,000.',
      ),
    ).toMatchObject({ min: 120000, max: 150000 });
  });

  it('takes no sum that names something else, nor one far from the word', () => {
    expect(payInProse('We raised $220.5M in funding and pay a competitive salary.')).toBeNull();
    expect(
      payInProse(`Competitive salary. ${'We build things. '.repeat(12)}$5,000 signing bonus.`),
    ).toBeNull();
    expect(payInProse('Join a team that ships $120,000 - $150,000 deals every week.')).toBeNull();
  });
});

describe('pay in the languages of the boards read', () => {
  it.each<[string, Partial<Salary>]>([
    ['$20,000 a $21,000 al mes', { min: 240_000, max: 252_000, period: 'month', currency: 'USD' }],
    ['$25 por hora', { min: 52_000, max: 52_000, period: 'hour' }],
    ['Hasta $30,000 al mes', { max: 360_000, period: 'month' }],
    ['от 150 000 ₽ за месяц на руки', { min: 1_800_000, period: 'month', currency: 'RUB' }],
    ['ab 4.500 € pro Monat', { min: 54_000, period: 'month', currency: 'EUR' }],
    ['3 500 € - 4 000 € mensuel', { min: 42_000, max: 48_000, period: 'month' }],
    ['45 000 € par an', { min: 45_000, max: 45_000, period: 'year' }],
    ['₹3L – ₹4L /yr', { min: 300_000, max: 400_000, currency: 'INR' }],
    // Slovak, Polish and Czech periods after a slash (Profesia: "2 000 EUR/mesiac").
    ['2 000 EUR/mesiac', { min: 24_000, max: 24_000, period: 'month', currency: 'EUR' }],
    ['5000 PLN/miesiąc', { min: 60_000, period: 'month', currency: 'PLN' }],
    ['€30/hodinu', { min: 62_400, period: 'hour', currency: 'EUR' }],
    // Japanese: the period before the amount, 円 after it, 万 ten thousand, 〜 between the ends.
    ['時給1,350円', { min: 2_808_000, max: 2_808_000, period: 'hour', currency: 'JPY' }],
    ['月給25万円～30万円', { min: 3_000_000, max: 3_600_000, period: 'month', currency: 'JPY' }],
    ['年収 500万円〜800万円', { min: 5_000_000, max: 8_000_000, period: 'year', currency: 'JPY' }],
  ])('%s', (text, expected) => {
    expect(findSalaryInText(text)).toMatchObject(expected);
  });
});

describe('salaryFromJsonLd', () => {
  const amount = (value: unknown, currency: unknown = 'USD') => ({
    '@type': 'MonetaryAmount',
    currency,
    value,
  });
  const quantity = (fields: Record<string, unknown>) => ({
    '@type': 'QuantitativeValue',
    ...fields,
  });

  it('reads a MonetaryAmount with a QuantitativeValue range', () => {
    expect(
      salaryFromJsonLd(amount(quantity({ minValue: 130000, maxValue: 160000, unitText: 'YEAR' }))),
    ).toEqual({
      min: 130000,
      max: 160000,
      currency: 'USD',
      period: 'year',
      posted: 'USD 130,000–160,000 per year',
    });
  });

  it('allows the larger numbers of currencies with small units, and only theirs', () => {
    const month = quantity({ minValue: 10_000_000, maxValue: 15_000_000, unitText: 'MONTH' });
    expect(salaryFromJsonLd(amount(month, 'VND'))).toMatchObject({
      min: 120_000_000,
      max: 180_000_000,
    });
    expect(salaryFromJsonLd(amount(month, 'USD'))).toBeNull();
  });

  it.each<[unknown, Salary]>([
    [
      amount(quantity({ minValue: 22.38, unitText: 'HOUR' })),
      { min: 46550, currency: 'USD', period: 'hour', posted: 'From USD 22.38 per hour' },
    ],
    [
      amount(quantity({ value: 123456789.456, unitText: 'YEAR' }), 'VND'),
      {
        min: 123456789,
        max: 123456789,
        currency: 'VND',
        period: 'year',
        posted: 'VND 123,456,789.46 per year',
      },
    ],
    [
      amount(quantity({ maxValue: '90000', unitText: 'YEAR' })),
      { max: 90000, currency: 'USD', period: 'year', posted: 'Up to USD 90,000 per year' },
    ],
    [
      amount(quantity({ value: '5000', unitText: 'MONTH' }), 'eur'),
      { min: 60000, max: 60000, currency: 'EUR', period: 'month', posted: 'EUR 5,000 per month' },
    ],
    [
      amount(quantity({ minValue: 400, maxValue: 500, unitText: 'DAY' }), 'GBP'),
      { min: 104000, max: 130000, currency: 'GBP', period: 'day', posted: 'GBP 400–500 per day' },
    ],
    [
      amount(quantity({ value: 1000, unitText: 'WEEK' })),
      { min: 52000, max: 52000, currency: 'USD', period: 'week', posted: 'USD 1,000 per week' },
    ],
    [
      amount(120000),
      { min: 120000, max: 120000, currency: 'USD', period: 'year', posted: 'USD 120,000' },
    ],
    [
      amount('120,000'),
      { min: 120000, max: 120000, currency: 'USD', period: 'year', posted: 'USD 120,000' },
    ],
    // Some sites put the range on the MonetaryAmount itself.
    [
      { currency: 'USD', minValue: 100000, maxValue: 120000, unitText: 'YEAR' },
      {
        min: 100000,
        max: 120000,
        currency: 'USD',
        period: 'year',
        posted: 'USD 100,000–120,000 per year',
      },
    ],
    [130000, { min: 130000, max: 130000, period: 'year', posted: '130,000' }],
    ['130000', { min: 130000, max: 130000, period: 'year', posted: '130,000' }],
    [
      '$100k - $120k',
      { min: 100000, max: 120000, currency: 'USD', period: 'year', posted: '$100k - $120k' },
    ],
    // Arrays: the first usable entry.
    [
      [null, 'abc', amount(50000, 'EUR')],
      { min: 50000, max: 50000, currency: 'EUR', period: 'year', posted: 'EUR 50,000' },
    ],
    // An unknown unit and a bad currency are left out.
    [
      amount(quantity({ value: 70000, unitText: 'PIECE' }), 'dollars'),
      { min: 70000, max: 70000, period: 'year', posted: '70,000' },
    ],
  ])('%j', (baseSalary, expected) => {
    expect(salaryFromJsonLd(baseSalary)).toEqual(expected);
  });

  it.each<unknown>([
    null,
    undefined,
    {},
    [],
    [[130000]],
    'abc',
    '',
    -5,
    0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e300,
    true,
    amount(-130000),
    amount(quantity({ minValue: -1, maxValue: 5 })),
    amount(quantity({ unitText: 'YEAR' })),
    amount(quantity({ value: 'lots' })),
    amount(quantity({ value: 5_000_000, unitText: 'MONTH' })),
    { value: { unitText: { toString: 'x' } }, currency: {} },
  ])('%j is no salary', (baseSalary) => {
    expect(salaryFromJsonLd(baseSalary)).toBeNull();
  });
});

describe('formatSalaryForNotes', () => {
  it('says it is the salary as posted', () => {
    const s = parseSalary('From $22.38 an hour');
    expect(s && formatSalaryForNotes(s)).toBe('Salary as posted: From $22.38 an hour');
  });
});
