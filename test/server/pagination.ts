// LengthAwarePaginator as a JSON resource collection renders it: data, links and meta, with the
// page links built by withQueryString() (the other query parameters kept, page last) and the
// sliding window of page numbers Laravel's UrlWindow computes (3 on each side).
import { buildQuery, type Input } from './input';
import { isPhpInteger } from './validation';

const ON_EACH_SIDE = 3;

/** Paginator::resolveCurrentPage(): a valid integer of at least 1, else page 1. */
export function currentPage(value: unknown): number {
  return isPhpInteger(value) && Number(value) >= 1 ? Number(value) : 1;
}

export interface PageOptions<T> {
  items: T[];
  total: number;
  perPage: number;
  page: number;
  /** request()->url() */
  path: string;
  /** The request's query; "page" is replaced, the rest kept. */
  query: Input;
}

export function paginated<T>({ items, total, perPage, page, path, query }: PageOptions<T>) {
  const lastPage = Math.max(Math.ceil(total / perPage), 1);
  const rest: Input = Object.create(null);
  for (const [key, value] of Object.entries(query)) if (key !== 'page') rest[key] = value;
  const url = (n: number) => `${path}?${buildQuery({ ...rest, page: n })}`;
  const hasMore = page < lastPage;
  const prev = page > 1 ? url(page - 1) : null;
  const next = hasMore ? url(page + 1) : null;
  const from = items.length > 0 ? (page - 1) * perPage + 1 : null;
  const to = from === null ? null : from + items.length - 1;

  const links: Array<Record<string, unknown>> = [
    { url: prev, label: '&laquo; Previous', page: page > 1 ? page - 1 : null, active: false },
  ];
  for (const element of pageElements(page, lastPage)) {
    if (element === '...') {
      links.push({ url: null, label: '...', active: false });
      continue;
    }
    for (const n of element)
      links.push({ url: url(n), label: String(n), page: n, active: n === page });
  }
  links.push({ url: next, label: 'Next &raquo;', page: hasMore ? page + 1 : null, active: false });

  return {
    data: items,
    links: { first: url(1), last: url(lastPage), prev, next },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      links,
      path,
      per_page: perPage,
      to,
      total,
    },
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(to - from + 1, 0) }, (_, i) => from + i);
}

/** UrlWindow::get() and LengthAwarePaginator::elements(). */
function pageElements(page: number, lastPage: number): Array<number[] | '...'> {
  if (lastPage < ON_EACH_SIDE * 2 + 8) return [range(1, lastPage)];
  const window = ON_EACH_SIDE + 4;
  const start = range(1, 2);
  const finish = range(lastPage - 1, lastPage);
  if (page <= window) return [range(1, window + ON_EACH_SIDE), '...', finish];
  if (page > lastPage - window) {
    return [start, '...', range(lastPage - (window + (ON_EACH_SIDE - 1)), lastPage)];
  }
  return [start, '...', range(page - ON_EACH_SIDE, page + ON_EACH_SIDE), '...', finish];
}
