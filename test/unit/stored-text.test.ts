// The engine recognises its record only if it trims a text as CareerTrack's Laravel did. Checked
// against Laravel's own list (test/server/trim.ts, transcribed from laravel/framework v13.26.1 and
// PCRE2's space lists), not against a copy of the engine's regex.
import { describe, expect, it } from 'vitest';
import { asStored } from '@/lib/background/stored-text';
import { laravelTrim } from '../server/trim';

const named: Array<[string, string]> = [
  ["NEL, U+0085 (PHP's \\s under /u; not JavaScript's)", '\u0085'],
  ["Mongolian vowel separator, U+180E (PCRE2's space list)", '\u180e'],
  ['NUL (" \\n\\r\\t\\v\\0", Laravel 11.23+)', '\u0000'],
  ['zero-width space, U+200B', '\u200b'],
  ['left-to-right mark, U+200E', '\u200e'],
  ['right-to-left mark, U+200F (Laravel 11.44+)', '\u200f'],
  ['word joiner, U+2060 (Laravel 11.44+)', '\u2060'],
  ['soft hyphen, U+00AD (Laravel 11.44+)', '\u00ad'],
  ['braille blank, U+2800 (Laravel 11.44+)', '\u2800'],
  ['musical symbol, U+1D159 (Laravel 11.44+)', '\u{1d159}'],
  ['tag space, U+E0020 (Laravel 11.44+)', '\u{e0020}'],
  ['byte order mark, U+FEFF', '\ufeff'],
  ['no-break space, U+00A0', '\u00a0'],
  ['line separator, U+2028', '\u2028'],
  ['ideographic space, U+3000', '\u3000'],
];

describe("Laravel's Str::trim", () => {
  it.for(named)('strips a %s at either end, and so does the engine', ([, char]) => {
    const text = `${char}${char}Acme${char}Widgets${char}`;
    expect(laravelTrim(text)).toBe(`Acme${char}Widgets`);
    expect(asStored(text)).toBe(`Acme${char}Widgets`);
  });

  it('keeps the letters and punctuation it does not list', () => {
    for (const text of ['Acme', 'Acme.', 'Acme\u00b7', 'Acme\u3001', 'Ça']) {
      expect(laravelTrim(text)).toBe(text);
      expect(asStored(text)).toBe(text);
    }
  });

  // 1.1 million comparisons: about 2 s alone, far more while the machine builds; a slow run is not
  // a failure of this rule.
  it('the engine and Laravel agree on every code point', { timeout: 60_000 }, () => {
    const disagree: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCodePoint(code)}`;
      if ((asStored(text) ?? '') !== laravelTrim(text)) disagree.push(code.toString(16));
    }
    expect(disagree).toEqual([]);
  });
});
