/**
 * Progressive enhancement of an explainer page. Without this script every
 * term, note and speaker is still a plain link to its entry.
 *
 * - Terms and speaker names: hover or keyboard focus shows a popover next to
 *   the word; a tap (touch) toggles it in place instead of jumping; Esc closes.
 * - Note markers: where sidenotes are not shown in the margin (narrow
 *   screens), a tap opens the note in place under the line; a second tap or
 *   Esc closes it.
 * - Permalinks copy their address: permalinks.ts, a script of its own
 *   (src/components/PermalinkScript.astro) that the glossary page shares.
 * - On wide screens the glossary follows the paragraph being read.
 */

const popover = document.getElementById('ex-popover');
let popoverOwner: HTMLElement | null = null;
let lastPointer = 'mouse';
let lastPointerAt = 0;
let hideTimer: number | undefined;

document.addEventListener(
  'pointerdown',
  (e) => {
    lastPointer = e.pointerType;
    lastPointerAt = performance.now();
  },
  { capture: true },
);

/** Whether the current focus or click comes from a finger. */
function byTouch(): boolean {
  return lastPointer === 'touch' && performance.now() - lastPointerAt < 1500;
}

/** The element a link points to on this page, by its `#fragment`. */
function target(trigger: HTMLElement): HTMLElement | null {
  const href = trigger.getAttribute('href');
  return href?.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
}

/**
 * The content a trigger previews: a glossary definition or a speaker card.
 * The ids come from the link itself (its `href`, and `aria-describedby` for
 * a term's definition), as the page was built: the script computes none.
 */
function previewFor(trigger: HTMLElement): Node | null {
  if (trigger.dataset.term) {
    const entry = target(trigger);
    const def = document.getElementById(trigger.getAttribute('aria-describedby') ?? '');
    if (!entry || !def) return null;
    const box = document.createElement('div');
    const title = document.createElement('p');
    title.className = 'ex-popover-title';
    title.textContent = entry.querySelector('dfn')?.textContent ?? '';
    box.append(title, ...Array.from(def.cloneNode(true).childNodes));
    return box;
  }
  if (trigger.dataset.speakerLink) {
    const card = target(trigger);
    if (!card) return null;
    const copy = card.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    copy.removeAttribute('aria-labelledby');
    copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
    copy.querySelectorAll('a').forEach((a) => a.setAttribute('tabindex', '-1'));
    return copy;
  }
  return null;
}

function showPopover(trigger: HTMLElement): void {
  if (!popover) return;
  window.clearTimeout(hideTimer);
  if (popoverOwner === trigger && !popover.hidden) return;
  const content = previewFor(trigger);
  if (!content) return;
  popover.replaceChildren(content);
  popover.hidden = false;
  popoverOwner?.classList.remove('is-previewed');
  popoverOwner = trigger;
  trigger.classList.add('is-previewed');
  placePopover(trigger);
}

function placePopover(trigger: HTMLElement): void {
  if (!popover) return;
  const r = trigger.getClientRects()[0] ?? trigger.getBoundingClientRect();
  const width = popover.offsetWidth;
  const margin = 8;
  const left = Math.min(Math.max(margin, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - width - margin);
  let top = r.bottom + window.scrollY + 6;
  if (r.bottom + popover.offsetHeight + 12 > window.innerHeight && r.top > popover.offsetHeight + 12) {
    top = r.top + window.scrollY - popover.offsetHeight - 6;
  }
  popover.style.left = `${Math.max(margin, left)}px`;
  popover.style.top = `${top}px`;
}

function hidePopover(): void {
  if (!popover || popover.hidden) return;
  popover.hidden = true;
  popover.replaceChildren();
  popoverOwner?.classList.remove('is-previewed');
  popoverOwner = null;
}

function hideSoon(): void {
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hidePopover, 150);
}

const triggers = document.querySelectorAll<HTMLElement>('.ex-article a[data-term], .ex-article a[data-speaker-link]');
for (const t of triggers) {
  // Browsers send mouse events after a tap as well; the tap's click decides.
  t.addEventListener('mouseenter', () => {
    if (!byTouch()) showPopover(t);
  });
  t.addEventListener('mouseleave', () => {
    if (!byTouch()) hideSoon();
  });
  // A tap focuses the link too; the click that follows decides (it toggles).
  t.addEventListener('focus', () => {
    if (!byTouch()) showPopover(t);
  });
  t.addEventListener('blur', () => {
    if (!byTouch()) hideSoon();
  });
  t.addEventListener('click', (e) => {
    if (!byTouch()) return;
    // A tap opens the preview in place; the link still works without script.
    e.preventDefault();
    if (popoverOwner === t && !popover?.hidden) hidePopover();
    else showPopover(t);
  });
}
popover?.addEventListener('mouseenter', () => window.clearTimeout(hideTimer));
popover?.addEventListener('mouseleave', hideSoon);

/**
 * Which layout the stylesheet is in. The breakpoints are defined once, in
 * src/styles/breakpoints.css, which sets these flags.
 */
function layout(flag: 'wide' | 'sidebar'): boolean {
  return getComputedStyle(document.documentElement).getPropertyValue(`--ex-layout-${flag}`).trim() === '1';
}

const noteRefs = document.querySelectorAll<HTMLAnchorElement>('.ex-article a[role="doc-noteref"]');

function toggleNote(ref: HTMLAnchorElement, open?: boolean): void {
  const note = document.getElementById(ref.getAttribute('aria-controls') ?? '');
  if (!note) return;
  const next = open ?? !note.classList.contains('is-open');
  note.classList.toggle('is-open', next);
  ref.setAttribute('aria-expanded', String(next));
}

/**
 * In the margin (wide layout) a sidenote is always shown and its marker is a
 * plain link. Inline (narrow layout) the note opens in place, so the marker
 * says whether it is expanded; the state goes when the layout widens.
 */
function syncNoteState(): void {
  const inline = !layout('wide');
  for (const ref of noteRefs) {
    if (inline && !ref.hasAttribute('aria-expanded')) ref.setAttribute('aria-expanded', 'false');
    if (!inline && ref.hasAttribute('aria-expanded')) {
      toggleNote(ref, false);
      ref.removeAttribute('aria-expanded');
    }
  }
}
syncNoteState();

for (const ref of noteRefs) {
  ref.addEventListener('click', (e) => {
    if (layout('wide')) return;
    e.preventDefault();
    toggleNote(ref);
  });
}

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  const owner = popoverOwner;
  hidePopover();
  for (const ref of document.querySelectorAll<HTMLAnchorElement>('.ex-article a[role="doc-noteref"][aria-expanded="true"]')) {
    toggleNote(ref, false);
    if (!owner) ref.focus();
  }
});

document.addEventListener('click', (e) => {
  if (!popover || popover.hidden) return;
  const target = e.target as Node;
  if (popover.contains(target) || popoverOwner?.contains(target)) return;
  hidePopover();
});

window.addEventListener('resize', () => {
  if (popoverOwner) placePopover(popoverOwner);
  syncNoteState();
});

/**
 * On wide screens, the glossary follows the reader. The entries of the
 * paragraph being read (the one crossing the middle of the viewport) are
 * highlighted, and the sidebar scrolls to the ones the paragraph introduces
 * (its marked terms, which sit together since the glossary is in order of
 * first use); a paragraph that introduces none shows the entry introduced
 * last before it, so the panel keeps pace with the article. Only the sidebar
 * scrolls, never the page, and focus stays where it is; the highlight clears
 * when no paragraph is current (in the introduction, in the endnotes). On
 * narrow screens, where the glossary follows the article, nothing moves.
 */
function followCurrentTerms(panel: HTMLElement): void {
  const used = new Map<string, HTMLElement[]>();
  /** Each entry with the number of the paragraph that introduces it, in glossary order. */
  const introduced: { entry: HTMLElement; n: number }[] = [];
  for (const entry of panel.querySelectorAll<HTMLElement>('.ex-glossary .ex-gloss-entry')) {
    entry.querySelectorAll<HTMLAnchorElement>('.ex-backlinks a[href^="#p-"]').forEach((link, i) => {
      const id = link.getAttribute('href')!.slice(1);
      used.set(id, [...(used.get(id) ?? []), entry]);
      if (i === 0) introduced.push({ entry, n: Number(id.slice(2)) });
    });
  }
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let currentParagraph: string | undefined;
  let current: HTMLElement[] = [];

  const follow = (paragraph: string | undefined) => {
    currentParagraph = paragraph;
    for (const el of current) el.classList.remove('is-current');
    current = [];
    if (!paragraph || !layout('sidebar')) return;
    current = used.get(paragraph) ?? [];
    for (const el of current) el.classList.add('is-current');
    const n = Number(paragraph.slice(2));
    const here = introduced.filter((t) => t.n === n);
    const shown = here.length > 0 ? here : introduced.filter((t) => t.n < n).slice(-1);
    if (shown.length > 0) bringIntoView(panel, shown.map((t) => t.entry), reducedMotion.matches ? 'instant' : 'smooth');
  };

  const observer = new IntersectionObserver(
    (entries) => {
      const hit = entries.find((e) => e.isIntersecting);
      if (hit) follow(hit.target.id);
      else if (entries.some((e) => e.target.id === currentParagraph)) follow(undefined);
    },
    { rootMargin: '-50% 0px -50% 0px' },
  );
  document.querySelectorAll('.ex-article > p[id]').forEach((p) => observer.observe(p));
}

/**
 * Scrolls the panel, and only the panel, as little as it takes to show the
 * entries (consecutive ones); when they do not all fit, the first one goes to
 * the top. Left alone while the reader is using the panel.
 */
function bringIntoView(panel: HTMLElement, entries: HTMLElement[], behavior: ScrollBehavior): void {
  if (panel.matches(':hover') || panel.contains(document.activeElement)) return;
  const box = panel.getBoundingClientRect();
  const top = entries[0]!.getBoundingClientRect().top;
  const bottom = entries[entries.length - 1]!.getBoundingClientRect().bottom;
  const margin = 16;
  let offset = 0;
  if (bottom - top > box.height - 2 * margin || top < box.top + margin) offset = top - box.top - margin;
  else if (bottom > box.bottom - margin) offset = bottom - box.bottom + margin;
  if (offset !== 0) panel.scrollTo({ top: panel.scrollTop + offset, behavior });
}

const sidebarPanel = document.querySelector<HTMLElement>('.ex-sidebar-inner');
if ('IntersectionObserver' in window && sidebarPanel) followCurrentTerms(sidebarPanel);
