/**
 * A text as CareerTrack stores it. Laravel's TrimStrings middleware runs `Str::trim`, which strips
 * more than String.prototype.trim, and more in newer versions (laravel/framework v13.26.1,
 * src/Illuminate/Support/Str.php):
 *   preg_replace('~^[\s'.INVISIBLE_CHARACTERS." \n\r\t\v\0".']+|[…]+$~u', '', $value)
 * - `\s` under `/u`: PHP sets PCRE2_UCP with PCRE2_UTF, and PCRE2's \s is then its horizontal and
 *   vertical space lists (U+0009–U+000D, U+0085, U+00A0, U+1680, U+180E, U+2000–U+200A, U+2028,
 *   U+2029, U+202F, U+205F, U+3000) and every Z character. JavaScript's \s lacks U+0085 and U+180E.
 * - " \n\r\t\v\0" since v11.23.0 (#52684): NUL.
 * - INVISIBLE_CHARACTERS since v11.44.3 and v12.x (#54281); v11.0 to v11.44.2 and v12.0 strip only
 *   U+FEFF, U+200B and U+200E besides \s.
 * A draft pasted from a web page keeps such a character; its lookup must still recognise its
 * record whichever version stored it, so both sides are trimmed with the widest set before they
 * are compared.
 */
const PHP_UNICODE_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const PHP_TRIM_DEFAULTS = '\\0';
const LARAVEL_INVISIBLE =
  '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u200B-\\u200F\\u2060-\\u2065\\u206A-\\u206F' +
  '\\u2800\\u3164\\uFEFF\\uFFA0\\u{1D159}\\u{1D173}-\\u{1D17A}\\u{E0020}';
const SET = `[${PHP_UNICODE_SPACE}${PHP_TRIM_DEFAULTS}${LARAVEL_INVISIBLE}]`;
const LARAVEL_TRIM = new RegExp(`^${SET}+|${SET}+$`, 'gu');

/** The text as any Laravel 11+ would store it, for comparing a draft with a record. */
export function asStored(text: string | null | undefined): string | null {
  return text ? text.replace(LARAVEL_TRIM, '') || null : null;
}
