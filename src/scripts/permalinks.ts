/**
 * Permalink controls (src/render/permalink.ts) become buttons that copy the
 * full address of what they link to; a polite status message says it was
 * copied. Where the clipboard is refused, the button goes to the address
 * instead, so it can be copied from the address bar. Without this script
 * they stay plain links to the fragment.
 */
const liveRegion = document.createElement('p');
liveRegion.className = 'ex-visually-hidden';
liveRegion.setAttribute('role', 'status');
document.body.append(liveRegion);

for (const link of document.querySelectorAll<HTMLAnchorElement>('a.ex-permalink')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = link.className;
  button.dataset.href = link.getAttribute('href')!;
  button.setAttribute('aria-label', `Copy ${link.getAttribute('aria-label')!.replace(/^L/, 'l')}`);
  button.title = 'Copy link';
  link.replaceWith(button);
}

let resetTimer: number | undefined;
document.addEventListener('click', async (e) => {
  const button = (e.target as Element).closest<HTMLButtonElement>('button.ex-permalink');
  if (!button) return;
  const url = new URL(button.dataset.href!, window.location.href).href;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    window.location.assign(url);
    return;
  }
  document.querySelector('.ex-permalink.is-copied')?.classList.remove('is-copied');
  button.classList.add('is-copied');
  liveRegion.textContent = 'Link copied';
  window.clearTimeout(resetTimer);
  resetTimer = window.setTimeout(() => {
    button.classList.remove('is-copied');
    liveRegion.textContent = '';
  }, 2000);
});
