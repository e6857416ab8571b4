// Laravel's `date` rule is `strtotime($value) !== false` plus `checkdate()` on what `date_parse`
// found. PHP parses far more than we need; this covers the formats a client or a person plausibly
// sends (ISO dates and datetimes, slashed and dotted dates, month names, RFC 2822). Anything else
// is treated as unparseable, which for the `date` rule gives the same answer PHP gives for
// relative phrases such as "tomorrow" (date_parse finds no day, so checkdate fails).

export interface PhpDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the text carried a zone, else null (the app's zone, UTC). */
  offsetMinutes: number | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
// Groups: hour, minute, second, fraction, meridian, zone.
const TIME =
  '(?:(?:t|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?)?';
const ZONE = '\\s*(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)?';

type DateParts = (m: RegExpMatchArray) => [year: string, month: string, day: string];

// Every format but the last has the time and zone groups right after its three date groups.
const FORMATS: Array<{ re: RegExp; parts: DateParts; time?: false }> = [
  // 2024-05-01, 2024-5-1, 2024-05-01T10:00:00Z, 2024-05-01 10:00
  { re: new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}${ZONE}$`, 'i'), parts: ymd },
  // 2024/05/01
  { re: new RegExp(`^(\\d{4})/(\\d{1,2})/(\\d{1,2})${TIME}${ZONE}$`, 'i'), parts: ymd },
  // 05/01/2024 is American: month first.
  {
    re: new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})${TIME}${ZONE}$`, 'i'),
    parts: (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''],
  },
  // 01-05-2024 and 01.05.2024 are day first.
  {
    re: new RegExp(`^(\\d{1,2})[-.](\\d{1,2})[-.](\\d{4})${TIME}${ZONE}$`, 'i'),
    parts: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
  },
  // 1 May 2024, 01-May-2024, Wed, 01 May 2024 10:00:00 GMT
  {
    re: new RegExp(
      `^${WEEKDAY}(\\d{1,2})${ORDINAL}[\\s.-]*${MONTH_NAME}[\\s.,-]*(\\d{4})${TIME}${ZONE}$`,
      'i',
    ),
    parts: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
  },
  // May 1, 2024
  {
    re: new RegExp(
      `^${WEEKDAY}${MONTH_NAME}[\\s.-]*(\\d{1,2})${ORDINAL}[\\s.,-]*(\\d{4})${TIME}${ZONE}$`,
      'i',
    ),
    parts: (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''],
  },
  // 20240501
  { re: /^(\d{4})(\d{2})(\d{2})$/, parts: ymd, time: false },
];

function ymd(m: RegExpMatchArray): [string, string, string] {
  return [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
}

function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const name = text.toLowerCase().replace('.', '');
  return MONTHS[name.slice(0, 4)] ?? MONTHS[name.slice(0, 3)] ?? 0;
}

function zoneOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** What PHP would read from a string or number, or null where strtotime() fails. */
export function parsePhpDate(value: unknown): PhpDate | null {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  for (const { re, parts, time } of FORMATS) {
    const m = text.match(re);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    let year = Number(y);
    if (y.length === 2) year += year < 70 ? 2000 : 1900;
    const month = monthNumber(mo);
    const day = Number(d);
    // PHP's grammar only knows months 1-12 and days 0-31; other numbers make strtotime fail.
    if (month < 1 || month > 12 || day > 31) return null;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let zone: string | undefined;
    if (time !== false) {
      hour = Number(m[4] ?? 0);
      minute = Number(m[5] ?? 0);
      second = Number(m[6] ?? 0);
      const meridian = m[8]?.toLowerCase().replace(/\./g, '');
      zone = m[9];
      if (meridian) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (meridian === 'pm' ? 12 : 0);
      }
      if (hour > 24 || minute > 59 || second > 60) return null;
    }
    return { year, month, day, hour, minute, second, offsetMinutes: zoneOffset(zone) };
  }
  return null;
}

/** PHP's checkdate(): the day exists in that month of that year. */
export function isCalendarDate(d: PhpDate): boolean {
  if (d.year < 1 || d.year > 32767 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const days = [31, isLeap(d.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d.day <= (days[d.month - 1] ?? 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Overflowing fields roll over (2023-02-29 becomes 2023-03-01), as Carbon and strtotime do. */
function wallClock(d: PhpDate): Date {
  const date = new Date(0);
  date.setUTCFullYear(d.year, d.month - 1, d.day);
  date.setUTCHours(d.hour, d.minute, d.second, 0);
  return date;
}

/** The instant, honouring a zone written in the text. */
export function timestampOf(d: PhpDate): number {
  return wallClock(d).getTime() - (d.offsetMinutes ?? 0) * 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Laravel's storage format 'Y-m-d H:i:s' from a JS date (read in UTC). */
export function sqlDateTime(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/**
 * How Eloquent stores a date it was given: the wall-clock time formatted 'Y-m-d H:i:s'. A zone in
 * the text is dropped, not converted ("09:00+02:00" is stored as 09:00), as Laravel does.
 */
export function storedDateTime(d: PhpDate): string {
  return sqlDateTime(wallClock(d));
}

/** Eloquent's JSON for a `datetime` cast: "2024-05-01T09:00:00.000000Z". */
export function isoDateTime(stored: string | null): string | null {
  if (stored === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?/.exec(stored);
  if (!m) return null;
  return `${m[1]}T${m[2] ?? '00:00:00'}.000000Z`;
}

/** Eloquent's JSON for a `date` cast: the start of that day. */
export function isoDate(stored: string | null): string | null {
  if (stored === null) return null;
  return `${stored.slice(0, 10)}T00:00:00.000000Z`;
}
