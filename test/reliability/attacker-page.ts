// The hostile LinkedIn job page of the Firefox page attacks (page-attacks-firefox.e2e.ts): the
// attacker's whole program is page script, so what it observes and what it does runs with a page's
// rights only; the test drives it through Marionette (whose scripts run in the page's own world)
// and gives the user's clicks as real mouse input. The probes know nothing of how the button is
// built: they look only at what the extension put into the page.

/** The ways the page dresses the extension's element before the user clicks its own "Close". */
export const TRAPS = [
  'transparent',
  'transparent in place',
  'relabelled',
  'labelled in place',
  'a copy',
  'upside down',
  'transformed',
  'clipped',
] as const;
export type Trap = (typeof TRAPS)[number];

/** Everything the page observed of the extension's elements, one string per way of looking. */
export interface Observation {
  size: string;
  attributes: string;
  text: string;
  find: string;
  internals: string;
  focus: string;
  mutations: number;
  messages: number;
}

const ATTACKER = `<script>
window.__foreign = [];
window.__internals = [];
window.__mutations = 0;
window.__messages = 0;
// Anything the extension's frame or scripts would post to the page's window.
addEventListener('message', () => window.__messages++, true);
// From the end of parsing: every element added after it is the extension's.
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver((records) => {
    for (const record of records) {
      window.__mutations++;
      for (const node of record.addedNodes) if (node.nodeType === 1) window.__foreign.push(node);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
});
// The former button's element name, defined first, to take its internals.
customElements.define('careertrack-save', class extends HTMLElement {
  constructor() { super(); window.__internals.push(this.attachInternals()); }
});
const theirs = () => window.__foreign.find((e) => e.isConnected);
window.__hasForeign = () => !!theirs();
window.__observe = () => {
  const connected = window.__foreign.filter((e) => e.isConnected);
  const found = (text) => {
    getSelection().removeAllRanges();
    const hit = window.find(text);
    getSelection().removeAllRanges();
    return hit;
  };
  return {
    size: connected.map((e) => {
      const r = e.getBoundingClientRect();
      return e.localName + ' ' + Math.round(r.width) + 'x' + Math.round(r.height) + '@' + Math.round(r.left) + ',' + Math.round(r.top);
    }).join(' '),
    attributes: connected.map((e) => [...e.attributes].map((a) => a.name + '=' + a.value).join(';')).join(' | '),
    text: window.__foreign.map((e) => e.innerText ?? e.textContent).join(' | '),
    find: ['Already saved', 'Saved on', 'Saved', 'applied'].map(found).join(','),
    internals: window.__internals.map((i) => (i.shadowRoot && i.shadowRoot.textContent) || '').join(' | '),
    focus: (document.activeElement && document.activeElement.localName) || '',
    mutations: window.__mutations,
    messages: window.__messages,
  };
};
// Dresses the extension's element (or a copy of it) so that the user clicks it unknowingly, and
// answers where the user will click: the page's "Close", or the part of the button left to see.
window.__trap = (how) => {
  let ours = theirs();
  if (!ours) throw new Error('nothing to dress');
  const close = document.getElementById('page-close').getBoundingClientRect();
  const overClose = (element) => {
    element.style.cssText += ';position:fixed!important;left:' + close.left + 'px!important;top:' + close.top + 'px!important;z-index:2147483646!important;margin:0!important';
  };
  const closeCentre = { x: Math.round(close.left + 60), y: Math.round(close.top + 20) };
  if (how === 'transparent' || how === 'a copy') {
    // A copy: an iframe of the same address the page makes itself, over its "Close"; the
    // extension's own stays where it was.
    if (how === 'a copy') ours = document.body.appendChild(ours.cloneNode(true));
    overClose(ours);
    ours.style.setProperty('opacity', '0', 'important');
    return closeCentre;
  }
  if (how === 'relabelled') {
    overClose(ours);
    // A label of the page's own over it, letting the clicks through to what is beneath.
    const label = document.createElement('div');
    label.textContent = 'Close';
    label.style.cssText = 'position:fixed;left:' + close.left + 'px;top:' + close.top + 'px;width:220px;height:44px;background:#eee;z-index:2147483647;pointer-events:none;font:16px sans-serif';
    document.body.append(label);
    return closeCentre;
  }
  const r = ours.getBoundingClientRect();
  const centre = { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  if (how === 'transparent in place') {
    // Nothing moved, size and place as the extension left them: its own "Close" slid beneath
    // the button, which is transparent and still on top, so the click lands in the frame.
    document.getElementById('page-close').style.cssText = 'position:fixed;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px;z-index:-1';
    ours.style.setProperty('opacity', '0', 'important');
    return centre;
  }
  if (how === 'labelled in place') {
    // Nothing moved or changed on the button: the page's own opaque "Close" label laid over it
    // where it stands, letting clicks through to the frame beneath.
    const label = document.createElement('div');
    label.textContent = 'Close';
    label.style.cssText = 'position:fixed;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px;background:#eee;z-index:2147483647;pointer-events:none;font:16px sans-serif';
    document.body.append(label);
    return centre;
  }
  if (how === 'upside down') {
    // Turned about its centre: same box, same place, unreadable.
    ours.style.setProperty('transform', 'rotate(180deg)', 'important');
    return centre;
  }
  const holder = ours.parentElement;
  if (how === 'transformed') {
    // Upside down where it stands: the user cannot read what the button says.
    holder.style.setProperty('transform', 'rotate(180deg)', 'important');
  } else {
    // Clipped where it stands: only a blank middle stretch of the button shows (its label's start
    // and the status menu at its right end are cut away).
    const frame = ours.getBoundingClientRect();
    const from = holder.getBoundingClientRect();
    const left = Math.round(frame.left - from.left + frame.width * 0.55);
    const right = Math.round(from.right - frame.right + frame.width * 0.2);
    holder.style.setProperty('clip-path', 'inset(0 ' + right + 'px 0 ' + left + 'px)', 'important');
  }
  const now = ours.getBoundingClientRect();
  return how === 'transformed'
    ? { x: Math.round(now.left + now.width / 2), y: Math.round(now.top + now.height / 2) }
    : { x: Math.round(now.left + now.width * 0.68), y: Math.round(now.top + now.height / 2) };
};
</script>`;

/**
 * A LinkedIn job page (signed-out layout) for the job `id`, with the attacker's script in its head,
 * served without CSP so that it runs before the content script, and the page's own "Close".
 */
export function attackerJobPage(id: string): string {
  return `<!-- Synthetic hostile LinkedIn page (generated by test/reliability/attacker-page.ts). -->
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Data Engineer | Contoso | LinkedIn</title>
${ATTACKER}</head>
<body><main><section class="top-card-layout">
<h1 class="top-card-layout__title">Data Engineer</h1>
<h4><a class="topcard__org-name-link" href="https://www.linkedin.com/company/contoso">Contoso</a>
<span class="topcard__flavor topcard__flavor--bullet">Oslo</span></h4>
<div><button aria-label="Apply to Data Engineer">Apply</button></div>
</section>
<button id="page-close" style="position:fixed;left:400px;top:300px;width:120px;height:40px">Close</button>
<section><div class="show-more-less-html__markup">A job ${id}.</div></section>
</main></body></html>`;
}
