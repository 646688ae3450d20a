/**
 * The search page: results as the reader types (and for `?q=` in the
 * address), from Pagefind's index, loaded on first use. Keyboard: type, then
 * Tab or ↓ to the results, ↑ and ↓ between them, Esc back to the box.
 */
import { controlId } from '../lib/ids.ts';
import { withBase } from '../utils/url.ts';

/** The part of Pagefind's browser API this page uses. */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  mergeIndex(path: string, options: { baseUrl: string }): Promise<void>;
  debouncedSearch(query: string, options?: object, wait?: number): Promise<{ results: { data(): Promise<Result> }[] } | null>;
}
interface Result {
  url: string;
  excerpt: string;
  meta: { title?: string; kind?: string };
}

const form = document.querySelector<HTMLFormElement>('.ex-search-form')!;
const input = document.getElementById(controlId('search')) as HTMLInputElement;
const status = document.getElementById(controlId('search-status'))!;
const list = document.getElementById(controlId('search-results')) as HTMLOListElement;
const maxResults = 20;

/**
 * The folders of the explainer indexes a large site is split into
 * (src/integrations/search-index.ts), from the list beside the main index;
 * none on a site whose main index holds every explainer.
 */
async function explainerIndexes(): Promise<string[]> {
  const response = await fetch(withBase('pagefind/explainer-indexes.json'));
  if (!response.ok) return [];
  const paths: unknown = await response.json();
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string' && /^explainers-\d+\/$/.test(p)) : [];
}

let loaded: Promise<Pagefind> | undefined;
function pagefind(): Promise<Pagefind> {
  loaded ??= Promise.all([import(/* @vite-ignore */ withBase('pagefind/pagefind.js')) as Promise<Pagefind>, explainerIndexes()]).then(async ([pf, indexes]) => {
    const baseUrl = withBase('/');
    await pf.options({ baseUrl });
    await Promise.all(indexes.map((path) => pf.mergeIndex(withBase(`pagefind/${path}`), { baseUrl })));
    return pf;
  });
  return loaded;
}

/** Pagefind's excerpt (text with <mark>s) as nodes, without trusting it as HTML. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild!;
  return Array.from(parsed.childNodes).map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultItem(r: Result): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.meta.title ?? r.url;
  const heading = document.createElement('p');
  heading.className = 'ex-search-title';
  heading.append(link);
  if (r.meta.kind) {
    const kind = document.createElement('span');
    kind.className = 'ex-search-kind';
    kind.textContent = r.meta.kind;
    heading.append(' ', kind);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'ex-search-excerpt';
  excerpt.append(...excerptNodes(r.excerpt));
  item.append(heading, excerpt);
  return item;
}

async function search(query: string): Promise<void> {
  const q = query.trim();
  const url = new URL(window.location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const found = await (await pagefind()).debouncedSearch(q, {}, 250);
  if (!found || input.value.trim() !== q) return; // a newer search took over
  const results = await Promise.all(found.results.slice(0, maxResults).map((r) => r.data()));
  list.replaceChildren(...results.map(resultItem));
  const n = found.results.length;
  status.textContent = n === 0 ? `Nothing found for “${q}”.` : `${n} ${n === 1 ? 'result' : 'results'} for “${q}”${n > maxResults ? `, the first ${maxResults} shown` : ''}.`;
}

input.addEventListener('input', () => void search(input.value));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void search(input.value);
});

/** Arrow keys between the box and the results; Esc back to the box. */
document.addEventListener('keydown', (e) => {
  const links = Array.from(list.querySelectorAll('a'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (e.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
    links[at + 1]?.focus();
    if (links[at + 1]) e.preventDefault();
  } else if (e.key === 'ArrowUp' && at >= 0) {
    (at === 0 ? input : links[at - 1]!).focus();
    e.preventDefault();
  } else if (e.key === 'Escape' && at >= 0) {
    input.focus();
  }
});

const initial = new URLSearchParams(window.location.search).get('q');
if (initial) {
  input.value = initial;
  void search(initial);
}
