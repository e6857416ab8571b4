/**
 * Text helpers shared by the extractors. Plain DOM only (no innerText: a DOM without layout, such
 * as happy-dom, has none), so they behave the same in a content script, in tests and in the CLI.
 */

/**
 * C0/C1 controls (but tab and line breaks), bidi controls, zero-width space, word joiner and the
 * invisible operators and isolates after it (U+2060-2069), BOM, soft hyphen.
 */
const INVISIBLE =
  /[\0-\x08\x0e-\x1f\x7f-\x9f\xad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Trim, collapse white space and drop invisible characters. Single spaces are left in place: a
 * replacement for each of them made a long text (a hostile 1 MB title) take a second.
 */
export function clean(s: string | null | undefined): string {
  return s
    ? s
        .replace(INVISIBLE, '')
        .replace(/\s{2,}|[^\S ]/g, ' ')
        .trim()
    : '';
}

/** `NodeFilter.SHOW_TEXT`: that global is missing where pages are read in Node (CLI, tests). */
export const SHOW_TEXT = 4;

/** Elements whose text never reaches a reader. */
const SKIP = /^(script|style|noscript|template|svg|iframe|object|head|title|select)$/;
/** Text that screen readers get and sighted readers do not (it usually repeats what is shown). */
const SCREEN_READER = /(^|\s)(visually-?hidden|sr-only|a11y-text|screen-?reader-(text|only))(\s|$)/;
/** A separator a site draws between two facts ("Bengaluru • Remote"). */
const SEPARATOR = /^\s*([•·|])\s*$/;
/** Elements after which a reader sees a line break. */
const BLOCK =
  /^(address|article|aside|blockquote|br|dd|div|dl|dt|fig\w*|footer|form|h[1-6r]|header|li|main|nav|ol|p|pre|section|t[dhr]|table|ul)$/;

const hiddenEl = (el: Element, strict: boolean): boolean =>
  SKIP.test(el.localName) ||
  el.hasAttribute('hidden') ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '') ||
  (strict &&
    (el.getAttribute('aria-hidden') === 'true' ||
      SCREEN_READER.test(el.getAttribute('class') ?? '')));

/**
 * The text a reader sees in `root`: text nodes in order, skipping scripts, styles, hidden elements
 * and, when `strict`, `aria-hidden` and screen-reader-only text. Block elements end a line.
 */
function gather(root: Node, strict: boolean, lines: boolean): string {
  const sep = lines ? '\n' : ' ';
  let out = '';
  // An explicit stack (a hostile page may nest deeper than the call stack allows). A string on it
  // is text to add once the element before it is done: the line break after a block.
  const stack: (Node | string | null)[] = [root.firstChild];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') out += node;
    else if (node) {
      stack.push(node.nextSibling);
      if (node.nodeType === 3) out += (node as Text).data;
      else if (node.nodeType === 1 && !hiddenEl(node as Element, strict)) {
        // A bullet in an element of its own is spaced by the site's style, not by text: "Bengaluru,
        // Karnataka<span>•</span>Remote" (Indeed, 2024). Only a short text child is read: every
        // element's whole text would walk a page's wrappers again and again.
        const only = node.firstChild;
        const bullet =
          only && only === node.lastChild && only.nodeType === 3 && (only as Text).data.length < 8
            ? SEPARATOR.exec((only as Text).data)
            : null;
        if (bullet) {
          out += ` ${bullet[1]} `;
          continue;
        }
        if (BLOCK.test((node as Element).localName)) {
          out += sep;
          stack.push(sep);
        }
        stack.push(node.firstChild);
      }
    }
  }
  return out;
}

/**
 * One line of visible text of an element: what a sighted reader sees, cleaned. Falls back to the
 * screen-reader text when that is all the element has.
 */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  return clean(gather(el, true, false)) || clean(gather(el, false, false));
}

/** What a sighted reader sees of an element, without the screen-reader text ("Mobile Navigation"). */
export const shownText = (el: Element | null | undefined): string =>
  el && !hiddenEl(el, true) ? clean(gather(el, true, false)) : '';

/** Visible text of an element with its paragraphs kept (for a description). */
export function linesOf(el: Element | null | undefined): string {
  if (!el) return '';
  return gather(el, true, true)
    .split('\n')
    .map(clean)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first element matching `selector` inside `scope` whose visible text is not empty. */
export function firstText(scope: ParentNode, selector: string): string {
  for (const el of scope.querySelectorAll(selector)) {
    const t = textOf(el);
    if (t) return t;
  }
  return '';
}

/** `content` of the first `<meta>` with this property or name. */
export function metaContent(doc: Document, key: string): string {
  // The browser keeps this list between calls; a selector would walk a 1 MB page for every
  // absent key.
  for (const meta of doc.getElementsByTagName('meta'))
    if (meta.getAttribute('property') === key || meta.getAttribute('name') === key)
      return clean(meta.getAttribute('content'));
  return '';
}

/** The page's `<title>`, without a notification badge such as "(3) ". */
export function docTitle(doc: Document): string {
  return clean(doc.querySelector('title')?.textContent).replace(/^\(\d+\+?\)\s*/, '');
}

/** Lower case, without spaces and the marks names differ by ("Job Bank", "job-bank"). */
export const fold = (s = ''): string => s.toLowerCase().replace(/[\s,.-]+/g, '');
