/**
 * Computrabajo (Latin America's largest board, <country>.computrabajo.com). A search shows one offer
 * in its detail box, which names it by its id (`data-offers-grid-detail-container`, `data-id`); the
 * list's card with that id links to the offer's own page and names its company and place. The
 * offer's own page (`/ofertas-de-trabajo/…-<id>`) is left to the fallbacks. Proved by
 * computrabajo/search-ar-es-cys-desarrollador-java-node.html.
 */
import { COMPUTRABAJO_HOSTS } from './career-hosts';
import { textOf } from './text';
import type { JobAddress, SiteExtractor } from './types';

const OFFER_PATH = /^\/ofertas-de-trabajo\/[^/]*-[\dA-F]{32}$/i;
const OFFER_ID = /^[\dA-F]{32}$/i;

/** The open offer's detail box and its card in the list, when a search has one open. */
function openOffer(doc: Document): { detail: Element; card: Element | null } | undefined {
  const detail = doc.querySelector('[data-offers-grid-detail-container][data-id]');
  const id = detail?.getAttribute('data-id') ?? '';
  if (!detail || !OFFER_ID.test(id)) return undefined;
  const card = doc.querySelector(`[data-offers-grid-offer-item-container][data-id="${id}"]`);
  return { detail, card };
}

const addressOf = (href: URL): JobAddress => {
  const url = `${href.origin}${href.pathname}`;
  return { url, key: url, origin: 'url' };
};

export const computrabajo: SiteExtractor = {
  name: 'Computrabajo',
  matches: (u) => COMPUTRABAJO_HOSTS.test(u.hostname),
  address(url, doc) {
    if (OFFER_PATH.test(url.pathname)) return addressOf(url);
    const link = doc && openOffer(doc)?.card?.querySelector('a[href*="/ofertas-de-trabajo/"]');
    const href = link?.getAttribute('href');
    if (!href) return undefined;
    const offer = new URL(href, url);
    return OFFER_PATH.test(offer.pathname) && offer.host === url.host
      ? addressOf(offer)
      : undefined;
  },
  extract(doc) {
    const open = openOffer(doc);
    if (!open) return {};
    const company = open.card?.querySelector('[offer-grid-article-company-url]');
    return {
      position_title: textOf(open.detail.querySelector('[data-offers-grid-detail-title]')),
      company_name: textOf(company),
      // The line under the company's, in the card: "San Nicolás, Capital Federal".
      location: textOf(company?.closest('p')?.nextElementSibling),
    };
  },
};
