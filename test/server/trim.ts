// Laravel's Str::trim as TrimStrings runs it (laravel/framework v13.26.1, Str.php):
//   preg_replace('~^[\s'.INVISIBLE_CHARACTERS." \n\r\t\v\0".']+|[…]+$~u', '', $value)
// transcribed as code points, not as a JavaScript regex, so the engine's own regex
// (lib/stored-text.ts) is checked against it rather than against a copy of itself.

/**
 * `\s` under PHP's `/u`, which sets PCRE2_UCP: PCRE2's HSPACE_LIST and VSPACE_LIST
 * (pcre2_internal.h) and every character of the Unicode categories Zs, Zl and Zp.
 */
const PCRE2_HSPACE = [
  0x09,
  0x20,
  0xa0,
  0x1680,
  0x180e,
  ...range(0x2000, 0x200a),
  0x202f,
  0x205f,
  0x3000,
];
const PCRE2_VSPACE = [0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029];
/** Str::INVISIBLE_CHARACTERS, in the order Laravel lists them. */
const INVISIBLE_CHARACTERS = [
  0x0009,
  0x0020,
  0x00a0,
  0x00ad,
  0x034f,
  0x061c,
  0x115f,
  0x1160,
  0x17b4,
  0x17b5,
  0x180e,
  ...range(0x2000, 0x200f),
  0x202f,
  0x205f,
  ...range(0x2060, 0x2065),
  ...range(0x206a, 0x206f),
  0x3000,
  0x2800,
  0x3164,
  0xfeff,
  0xffa0,
  0x1d159,
  ...range(0x1d173, 0x1d17a),
  0xe0020,
];
/** $trimDefaultCharacters = " \n\r\t\v\0" */
const TRIM_DEFAULTS = [0x20, 0x0a, 0x0d, 0x09, 0x0b, 0x00];

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const STRIPPED = new Set([
  ...PCRE2_HSPACE,
  ...PCRE2_VSPACE,
  ...INVISIBLE_CHARACTERS,
  ...TRIM_DEFAULTS,
]);
const isStripped = (char: string) =>
  STRIPPED.has(char.codePointAt(0) ?? -1) || /^\p{Z}$/u.test(char);

/** Str::trim($value) with no character list. */
export function laravelTrim(value: string): string {
  const chars = Array.from(value);
  let start = 0;
  let end = chars.length;
  while (start < end && isStripped(chars[start] ?? '')) start++;
  while (end > start && isStripped(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}
