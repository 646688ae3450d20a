/**
 * Permalink links (src/render/permalink.ts) become copy-link buttons: a
 * button's role and name, Enter and Space, and a click that copies the full
 * address of what they link to, with a polite status message. Where the
 * clipboard is refused, the link is followed, so the address can be copied
 * from the address bar. Only attributes change, so nothing moves.
 */
const controls = document.querySelectorAll<HTMLAnchorElement>('a.ex-permalink');
for (const link of controls) {
  link.setAttribute('role', 'button');
  link.setAttribute('aria-label', `Copy l${link.getAttribute('aria-label')!.slice(1)}`);
}

let liveRegion: HTMLElement | undefined;
let resetTimer: number | undefined;

/** Says `message` to assistive technology, through a status region made on first use. */
function announce(message: string): void {
  if (!liveRegion) {
    liveRegion = document.createElement('p');
    liveRegion.className = 'ex-visually-hidden';
    liveRegion.setAttribute('role', 'status');
    document.body.append(liveRegion);
  }
  const region = liveRegion;
  // A region that has just appeared is read only once its text changes after it.
  window.setTimeout(() => (region.textContent = message), 50);
}

async function copy(control: HTMLAnchorElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(control.href);
  } catch {
    window.location.assign(control.href);
    return;
  }
  document.querySelector('.ex-permalink.is-copied')?.classList.remove('is-copied');
  control.classList.add('is-copied');
  announce('Link copied');
  window.clearTimeout(resetTimer);
  resetTimer = window.setTimeout(() => {
    control.classList.remove('is-copied');
    if (liveRegion) liveRegion.textContent = '';
  }, 2000);
}

const controlOf = (e: Event) => (e.target as Element).closest<HTMLAnchorElement>('a.ex-permalink[role="button"]');

document.addEventListener('click', (e) => {
  const control = controlOf(e);
  if (!control || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  void copy(control);
});
// Buttons answer Space as well as Enter.
document.addEventListener('keydown', (e) => {
  const control = controlOf(e);
  if (!control || e.key !== ' ') return;
  e.preventDefault();
  void copy(control);
});
